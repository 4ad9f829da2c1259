"""What HTML may reach a visitor's browser, and how text from data files is made inert.

One policy for every output (see the README's "Säkerhet" section):

- A string from a data file is plain text. :func:`plain_text` escapes it for
  Markdown *and* HTML, so no data field can produce a link, an image, an
  attribute list or an HTML element, whatever engine reads the Markdown.
- Markdown written by people (``protokoll.md``, the bodies of ``content/``)
  may use Markdown and a small allowlist of HTML (:data:`TAGS`,
  :data:`ATTRIBUTES`, :data:`CLASSES`). :func:`problems` converts it with
  python-markdown (the site's extensions) and reports, with a line, every
  element, attribute, URL or image the sanitiser would remove; ``check`` turns
  those into data errors (SC021–SC024). :func:`safe_markdown` is what the
  renderer embeds: the Markdown unchanged when it is clean, otherwise the
  sanitised HTML, so the renderer is safe on its own.
- :func:`clean_html` is the sanitiser itself: nh3 (Ammonia, html5ever's
  HTML5 parser) with the same allowlist. The MkDocs plugin also runs it over
  every page's HTML as a last layer.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import markdown  # type: ignore[import-untyped]
import nh3

from .models import PARAGRAPH_HEADING

# --- the allowlist ------------------------------------------------------------------

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TAGS: frozenset[str] = frozenset({
    *HEADINGS, "p", "br", "hr", "blockquote", "pre", "code", "div", "span",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "em", "strong", "b", "i", "s", "del", "ins", "mark", "small", "sub", "sup",
    "kbd", "q", "cite", "abbr",
    "a", "img", "figure", "figcaption",
    "details", "summary",
})  # fmt: skip
"""Elements kansli-authored content may contain (and Markdown produces)."""

GLOBAL_ATTRIBUTES = frozenset({"id", "lang", "title"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": GLOBAL_ATTRIBUTES,
    # aria-hidden/tabindex: the heading permalinks (render/a11y_markdown.py)
    # hreflang: the English edition's links to Swedish pages (issue 21)
    "a": frozenset({"href", "hreflang", "aria-hidden", "tabindex"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "style", "scope"}),  # scope: a11y_markdown
    "td": frozenset({"colspan", "rowspan", "style"}),
    "ol": frozenset({"start"}),
    "details": frozenset({"open"}),
}
"""Attributes per element ('*': on every element). ``style`` only for text-align."""

ADMONITIONS = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important",
    "success", "check", "done", "question", "help", "faq", "warning", "caution",
    "attention", "failure", "fail", "missing", "danger", "error", "bug", "example",
    "quote", "cite",
})  # fmt: skip
CLASSES: dict[str, frozenset[str]] = {
    "div": frozenset({"admonition", "footnote", "toc", *ADMONITIONS}),
    "p": frozenset({"admonition-title"}),
    "a": frozenset({"footnote-ref", "footnote-backref", "headerlink"}),
    "caption": frozenset({"swecan-visually-hidden"}),  # a11y_markdown's hidden captions
}
"""The classes MkDocs' Markdown extensions produce (admonitions, footnotes, permalinks)."""

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# How a spreadsheet formula (or an old spreadsheet's command) begins: the CSV files
# neutralise such text (outputs/tables.inert), SC033 warns the kansli at the source.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
STYLE_PROPERTIES = frozenset({"text-align"})
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "template", "noscript"})

# The Markdown extensions of mkdocs.yml that shape HTML (toc only adds ids and permalinks).
EXTENSIONS = ["attr_list", "admonition", "footnotes", "tables", "def_list"]

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")  # browsers ignore tabs/newlines, strip the rest
_STYLE = re.compile(r"^\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*$", re.I)


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see (tabs, newlines and control characters ignored)."""
    match = _SCHEME.match(_URL_NOISE.sub("", url).replace("\\", "/"))
    return match.group(1).lower() if match else None


def site_relative(url: str) -> bool:
    """A URL that stays on this site: no scheme and no host (``//host``, ``/\\host``)."""
    squeezed = _URL_NOISE.sub("", url).replace("\\", "/")
    return url_scheme(url) is None and not squeezed.startswith("//")


def _attribute_allowed(tag: str, name: str) -> bool:
    return name in GLOBAL_ATTRIBUTES or name in ATTRIBUTES.get(tag, ())


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "id" and value.startswith("__"):
        return None  # Material's own ids (__search, __drawer …)
    if tag == "img" and name == "src" and not site_relative(value):
        return None
    if name == "style" and not _STYLE.match(value):
        return None
    return value


_NH3_OPTIONS: dict = {
    "tags": set(TAGS),
    "clean_content_tags": set(CLEAN_CONTENT_TAGS),
    "attributes": {tag: set(names) for tag, names in ATTRIBUTES.items()},
    "strip_comments": True,
    "link_rel": None,
    "url_schemes": set(URL_SCHEMES),
    "allowed_classes": {tag: set(names) for tag, names in CLASSES.items()},
    "filter_style_properties": set(STYLE_PROPERTIES),
}


# What the site's own Markdown extension adds to every page
# (swecan_site/render/a11y_markdown.py): table header scope, a hidden caption,
# permalinks hidden from assistive technology; and what the site's templates
# put on a heading to keep a section out of the search index (Material's
# data-search-exclude: attendance, verdict tables, copies of decisions).
# Allowed in the final pass over whole pages, never in what the kansli writes
# (the check uses ATTRIBUTES, and SC022 refuses attribute lists in data).
PAGE_ATTRIBUTES: dict[str, frozenset[str]] = {
    **ATTRIBUTES,
    "th": ATTRIBUTES["th"] | {"scope"},
    "a": ATTRIBUTES["a"] | {"aria-hidden", "tabindex"},
    "h2": ATTRIBUTES.get("h2", frozenset()) | {"data-search-exclude"},
    "h3": ATTRIBUTES.get("h3", frozenset()) | {"data-search-exclude"},
}
PAGE_CLASSES: dict[str, frozenset[str]] = {
    **CLASSES,
    "caption": frozenset({"swecan-visually-hidden"}),
    "a": CLASSES.get("a", frozenset()) | {"swecan-address"},
}
_NH3_PAGE_OPTIONS: dict = {
    **_NH3_OPTIONS,
    "attributes": {tag: set(names) for tag, names in PAGE_ATTRIBUTES.items()},
    "allowed_classes": {tag: set(names) for tag, names in PAGE_CLASSES.items()},
}


def _clean(html_text: str, options: dict) -> str:
    # The Python attribute filter (images, the theme's ids, text-align values) runs
    # only when the HTML has an image or a double underscore: nh3 alone is faster.
    lowered = html_text.lower()
    if "<img" in lowered or "__" in lowered:
        return nh3.clean(html_text, attribute_filter=_attribute_filter, **options)
    return nh3.clean(html_text, **options)


def clean_page_html(page: str) -> str:
    """The last layer over a whole page's content: the allowlist plus the site's own markup."""
    return _clean(page, _NH3_PAGE_OPTIONS)


def clean_html(fragment: str) -> str:
    """Sanitise an HTML fragment with nh3 and the allowlist; comments are removed."""
    return _clean(fragment, _NH3_OPTIONS)


# --- plain text from data files ---------------------------------------------------

# Inline Markdown syntax anywhere in a line: emphasis, code, links, attribute lists,
# table cells, heading closers, escapes. Backslash escapes work in Python-Markdown
# (core + tables' '|') and in CommonMark.
_MD_INLINE = re.compile(r"([\\`*_{}\[\]|#])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_PARAGRAPHS = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# At the start of a line these begin a list, a rule, a setext heading, a definition,
# a fence or an admonition; an ordered list is digits followed by '.' or ')'.
_LEADING = {"-": "\\-", "+": "\\+", "!": "\\!", "=": "&#61;", ":": "&#58;", "~": "&#126;"}
_ORDERED = re.compile(r"^(\d+)([.)])")


def _inline(text: str) -> str:
    text = " ".join(text.split())
    text = _MD_INLINE.sub(r"\\\1", text)
    text = html.escape(text, quote=False)
    if text[:1] in _LEADING:
        return _LEADING[text[0]] + text[1:]
    return _ORDERED.sub(r"\1\\\2", text)


def plain_text(value: object, *, one_line: bool = False) -> str:
    """A data value as inert Markdown: shown exactly as written, never markup.

    Whitespace runs become one space (a blank line in the value still starts a
    new paragraph unless ``one_line``); inline Markdown punctuation is
    backslash-escaped, and so is what would start a block at the beginning of a
    line; ``& < >`` become entities; control characters are dropped.
    """
    return _plain_text(str(value), one_line)


@lru_cache(maxsize=8192)  # the same names and labels recur on many pages
def _plain_text(value: str, one_line: bool) -> str:
    text = _CONTROL.sub("", value)
    paragraphs = [_inline(p) for p in _PARAGRAPHS.split(text.strip())]
    return (" " if one_line else "\n\n").join(p for p in paragraphs if p)


def html_text(value: object) -> str:
    """A data value for HTML attribute or text context outside Markdown (front matter)."""
    return html.escape(" ".join(_CONTROL.sub("", str(value)).split()), quote=True)


# --- Markdown written by people ------------------------------------------------------

_HEADING = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)
_FIRST_H1 = re.compile(r"^#\s.*$", re.MULTILINE)


def demote(text: str) -> str:
    """Push every heading one level down: the page has its own h1."""
    return _HEADING.sub(lambda m: m.group(1) + "#", text)


def protocol_markdown(text: str) -> str:
    """A protocol for its meeting page: #p-N anchors on '§ N' headings.

    Line for line the file (the first h1 becomes an empty line), so that a
    problem found in the result is reported on the file's line.
    """
    body = _FIRST_H1.sub("", text, count=1)
    body = demote(body)
    return PARAGRAPH_HEADING.sub(
        lambda m: f"{m.group(1)} § {m.group(2)}{m.group(3).rstrip()} {{ #p-{m.group(2)} }}", body
    )


@dataclass(frozen=True)
class Issue:
    """Something the sanitiser would remove, located in the Markdown text (1-based)."""

    rule: str
    message: str
    line: int
    column: int


SC_ELEMENT, SC_ATTRIBUTE, SC_URL, SC_IMAGE = "SC021", "SC022", "SC023", "SC024"


class _Walker(HTMLParser):
    """Lists what in python-markdown's output falls outside the allowlist."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []  # (rule, what, needle)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.found.append((SC_ELEMENT, f"<{tag}>", f"<{tag}"))
            return
        for name, raw in attrs:
            value = raw or ""
            if name == "class":
                for cls in value.split():
                    if cls not in CLASSES.get(tag, ()):
                        self.found.append((SC_ATTRIBUTE, f'class="{cls}"', cls))
            elif not _attribute_allowed(tag, name):
                self.found.append((SC_ATTRIBUTE, f"{name}", name))
            elif name == "style" and not _STYLE.match(value):
                self.found.append((SC_ATTRIBUTE, f'style="{value}"', "style"))
            elif name == "id" and value.startswith("__"):
                self.found.append((SC_ATTRIBUTE, f'id="{value}"', value))
            elif name == "href" and (url_scheme(value) or "http") not in URL_SCHEMES:
                self.found.append((SC_URL, value, value))
            elif tag == "img" and name == "src" and not site_relative(value):
                self.found.append((SC_IMAGE, value, value))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.found.append((SC_ELEMENT, "<!-- -->", "<!--"))

    def handle_decl(self, decl: str) -> None:
        self.found.append((SC_ELEMENT, f"<!{decl}>", "<!"))

    def unknown_decl(self, data: str) -> None:
        self.found.append((SC_ELEMENT, f"<![{data}]>", "<!"))

    def handle_pi(self, data: str) -> None:
        self.found.append((SC_ELEMENT, f"<?{data}>", "<?"))


class _TagCounter(HTMLParser):
    # Elements an HTML5 parser adds by itself (implied <p>, <tbody>, <tr> …).
    IMPLIED = frozenset({"p", "tbody", "tr", "colgroup"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.IMPLIED:
            self.counts[tag] = self.counts.get(tag, 0) + 1

    handle_startendtag = handle_starttag


def _tag_counts(fragment: str) -> dict[str, int]:
    counter = _TagCounter()
    counter.feed(fragment)
    counter.close()
    return counter.counts


def _read_alike(fragment: str) -> bool:
    """Whether a browser-grade parser (html5ever, via nh3) sees the elements we checked.

    Raw HTML that is misnested, or that Python's parser reads differently from a
    browser, gains or loses elements in nh3's output; such HTML is refused.
    """
    return _tag_counts(fragment) == _tag_counts(clean_html(fragment))


_MARKDOWN = markdown.Markdown(extensions=EXTENSIONS)  # building one costs more than using it
_MARKDOWN_LOCK = threading.Lock()


def markdown_to_html(text: str) -> str:
    """Markdown -> HTML with the site's extensions (what MkDocs would make of it)."""
    with _MARKDOWN_LOCK:
        return _MARKDOWN.reset().convert(text)


_MESSAGES = {
    SC_ELEMENT: "{what} är inte tillåtet på webbplatsen. Skriv texten med Markdown "
    "(rubriker, listor, tabeller, länkar); tillåten HTML är bl.a. <details>, <summary>, "
    "<abbr>, <br>, <sup> och <sub>.",
    SC_ATTRIBUTE: "Attributet {what} är inte tillåtet (händelser som onclick, style, "
    "klasser och attributlistor {{…}} tas bort). Ta bort det; rubriker kan få ett id "
    "med {{ #namn }}.",
    SC_URL: "Länken '{what}' är inte tillåten. Länka med https://, http://, mailto:, "
    "tel: eller till en sida på webbplatsen (t.ex. organisation.md).",
    SC_IMAGE: "Bilden '{what}' ligger inte på webbplatsen. Bilder får bara visas från "
    "webbplatsen själv (en relativ sökväg); länka i stället till bilden.",
}
_COMMENT_MESSAGE = (
    "HTML-kommentarer (<!-- … -->) är inte tillåtna: de syns inte på sidan men följer "
    "med i dess källkod. Ta bort kommentaren (allt i förrådet är offentligt)."
)

_AMBIGUOUS_MESSAGE = (
    "HTML-koden är inte korrekt nästlad eller stängd (t.ex. <em>a<details>b</em></details>), "
    "så webbläsare kan tolka den på ett annat sätt än kontrollen. Stäng elementen i omvänd "
    "ordning eller skriv texten med Markdown."
)


def _locate(text: str, needle: str, start: int) -> int:
    """Offset of ``needle`` (case-insensitive) at or after ``start``; -1 if absent."""
    index = text.lower().find(needle.lower(), start)
    if index < 0 and start:
        index = text.lower().find(needle.lower())
    return index


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


@lru_cache(maxsize=256)
def problems(text: str) -> tuple[Issue, ...]:
    """Everything in this Markdown that the sanitiser would remove, with positions."""
    return walk(text) if might_mark_up(text) else ()


# Only these can make python-markdown emit HTML outside the allowlist: raw HTML or an
# autolink (<), an attribute list ({), an admonition (its type becomes a class), a
# reference definition, an image, or an inline link whose address is not plainly
# http(s)/mailto/tel or relative. Footnotes, tables, lists and emphasis cannot.
_RAW = re.compile(r"[<{]|!!!|!\[|^[ ]{0,3}\[(?!\^)[^\]\n]*\]\s*:", re.MULTILINE)
_LINK_OPEN = re.compile(r"\]\s*\(")
_PLAIN_LINK = re.compile(
    r"""(?:(?:https?|mailto|tel):[^\s()<>&\\"'`]*"""
    r"""|[^\s()<>&\\"'`:/?#]*(?:[/?#][^\s()<>&\\"'`]*)?)"""
    r"""(?:[ ]+"[^"\n<>&]*")?\)"""
)


_OWN_ANCHOR = re.compile(r" \{ #p-\d+ \}$", re.MULTILINE)  # added by protocol_markdown


def might_mark_up(text: str) -> bool:
    """False when the Markdown certainly yields only allowlisted HTML (a fast path)."""
    if _RAW.search(_OWN_ANCHOR.sub("", text)):
        return True
    return any(not _PLAIN_LINK.match(text, m.end()) for m in _LINK_OPEN.finditer(text))


def walk(text: str) -> tuple[Issue, ...]:
    """Convert with python-markdown, walk the HTML, locate what falls outside the allowlist.

    Found in python-markdown's output (so code blocks and escaped text are not
    mistaken for HTML), then located in ``text`` by searching for what was
    written; a construct that cannot be found is reported on line 1.
    """
    rendered = markdown_to_html(text)
    walker = _Walker()
    walker.feed(rendered)
    walker.close()
    if not walker.found and "<" in text and not _read_alike(rendered):
        walker.found.append((SC_ELEMENT, "", "<"))
    issues = []
    cursor: dict[str, int] = {}
    for rule, what, needle in walker.found:
        # An attribute that attr_list made out of stray characters is found by its brace.
        for candidate in (needle, "{") if rule == SC_ATTRIBUTE else (needle,):
            offset = _locate(text, candidate, cursor.get(candidate, 0))
            if offset >= 0:
                cursor[candidate] = offset + 1
                break
        if offset < 0:  # written with entities: found in the decoded text, else line 1
            offset = max(_locate(html.unescape(text), needle, 0), 0)
        line, column = _position(text, offset)
        if what == "<!-- -->":
            message = _COMMENT_MESSAGE
        elif not what:
            message = _AMBIGUOUS_MESSAGE
        else:
            message = _MESSAGES[rule].format(what=what)
        issues.append(Issue(rule, message, line, column))
    return tuple(issues)


@lru_cache(maxsize=256)
def safe_markdown(text: str) -> str:
    """Human Markdown to embed in a page: unchanged when clean, else sanitised HTML."""
    if not problems(text):
        return text
    return f"\n<div>\n{clean_html(markdown_to_html(text))}\n</div>\n"
