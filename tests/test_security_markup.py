"""Issue 6, part A: nothing the kansli did not mean to publish reaches a visitor's browser.

Located data errors for hostile input are in tests/cases/security_markup.yaml
(run by test_cases.py). Here: the escaping of data fields, the renderer and the
sanitiser on their own (without the check), a real build with hostile but
allowed data scanned page by page, and property-based fuzzing.

Every HTML scan parses with Python's html.parser (an HTML5 tokenizer) and
applies the test's own reading of the allowlist in the README, independent of
``swecan_site.markup``'s walker.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swecan_site.check import check
from swecan_site.cli import main
from swecan_site.markup import (
    clean_html,
    might_mark_up,
    plain_text,
    problems,
    protocol_markdown,
    safe_markdown,
    walk,
)
from swecan_site.outputs import data_files
from swecan_site.public import PublicView
from swecan_site.render import Site
from swecan_site.render.format import cell, hostname, mailto, url, yaml_str
from swecan_site.render.pages import arbetsordning, content, decisions, meetings, organisation
from swecan_site.render.pages import start as start_page
from swecan_site.site_files import pages as site_pages

from .conftest import AS_OF, REPO, DataRepo, copy_data
from .test_build import project_copy

# --- the test's own reading of the allowlist (README, "Säkerhet") --------------------

ALLOWED = {
    "p", "br", "hr", "blockquote", "pre", "code", "div", "span", "ul", "ol", "li",
    "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "em", "strong", "b", "i", "s", "del", "ins", "mark", "small", "sub", "sup", "kbd",
    "q", "cite", "abbr", "a", "img", "figure", "figcaption", "details", "summary",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
ATTRS = {
    "*": {"id", "lang", "title", "class"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start"},
    "details": {"open"},
}
CLASSES = {"admonition", "footnote", "toc", "admonition-title", "footnote-ref",
           "footnote-backref", "headerlink", "note", "warning", "info", "tip", "danger",
           "example", "quote", "abstract", "success", "question", "failure", "bug"}  # fmt: skip
# What the site's own Markdown extension adds to generated pages (a11y_markdown):
# header scope, a visually hidden caption, permalinks out of the tab order.
PAGE_ATTRS = {
    **ATTRS,
    "th": ATTRS["th"] | {"scope"},
    # hreflang: the English edition's links to Swedish pages (render/pages/english.py)
    "a": ATTRS["a"] | {"aria-hidden", "tabindex", "hreflang"},
    # the templates keep attendance and verdict sections out of the search index
    "h2": ATTRS.get("h2", set()) | {"data-search-exclude"},
    "h3": ATTRS.get("h3", set()) | {"data-search-exclude"},
}
# the site's own classes: a hidden caption, a link showing its address, the print line
PAGE_CLASSES = CLASSES | {
    "swecan-visually-hidden",
    "swecan-address",
    "swecan-print-only",
    "swecan-print-source",
}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "file:")
SITE_EXTENSIONS = ["attr_list", "admonition", "footnotes", "tables", "def_list", "toc"]
PAYLOADS = ("alert(1)", "evil.example")


def _squeeze(value: str) -> str:
    """What a browser makes of a URL: outer C0/space stripped, tabs and newlines removed."""
    value = html.unescape(value).strip("".join(map(chr, range(0x21))))
    return re.sub(r"[\t\n\r]", "", value).lower()


SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8").split("\ntheme:")[0])["site_url"]


def _outside(value: str) -> bool:
    """Another host than the site's own (site_url, used by the canonical link)."""
    squeezed = _squeeze(value).replace("\\", "/")
    if squeezed.startswith(SITE_URL):
        return False
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", squeezed)) or squeezed.startswith("//")


class Scanner(HTMLParser):
    """Collects every breach of the policy in an HTML fragment or page."""

    def __init__(self, *, content: bool, page: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.content = content  # apply the element/attribute allowlist
        self.attrs = PAGE_ATTRS if page else ATTRS
        self.classes = PAGE_CLASSES if page else CLASSES
        self.breaches: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.content and tag not in ALLOWED:
            self.breaches.append(f"element <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.breaches.append(f"{name}= on <{tag}>")
            if self.content and name not in self.attrs["*"] | self.attrs.get(tag, set()):
                self.breaches.append(f"attribute {name} on <{tag}>")
            if self.content and name == "class":
                extra = set(value.split()) - self.classes
                if extra:
                    self.breaches.append(f"class {extra} on <{tag}>")
            if (
                self.content
                and name == "style"
                and not re.fullmatch(r"text-align: ?(left|right|center);?", value.strip())
            ):
                self.breaches.append(f"style={value!r}")
            if name in ("href", "src", "action", "formaction", "data") and _squeeze(
                value
            ).startswith(BAD_SCHEMES):
                self.breaches.append(f"{name}={value!r} on <{tag}>")
            outside_src = name in ("src", "href") and _outside(value)
            if tag in ("script", "link", "img", "iframe") and outside_src:
                self.breaches.append(f"outside {name}={value!r} on <{tag}>")
        self._in_script = tag == "script"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and any(p in data for p in PAYLOADS):
            self.breaches.append(f"payload in a script: {data[:60]!r}")

    def handle_comment(self, data: str) -> None:
        if self.content:
            self.breaches.append("comment")


def breaches(fragment: str, *, content: bool = True, page: bool = False) -> list[str]:
    scanner = Scanner(content=content, page=page)
    scanner.feed(fragment)
    scanner.close()
    return scanner.breaches


def text_of(fragment: str) -> str:
    parts: list[str] = []

    class Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            parts.append(data)

    parser = Text(convert_charrefs=True)
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parts).split())


def elements(fragment: str) -> list[tuple[str, list[str]]]:
    """(tag, attribute names) of every start tag."""
    found: list[tuple[str, list[str]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            found.append((tag, [name for name, _ in attrs]))

    parser = Tags(convert_charrefs=True)
    parser.feed(fragment)
    parser.close()
    return found


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=SITE_EXTENSIONS)


# --- plain text: the examples of issue 6 are shown literally ------------------------

HOSTILE_TEXT = [
    "<script>alert(1)</script> RCC",
    '"><script>alert(1)</script>',
    "[x](javascript:alert(1))",
    "![x](https://evil.example/t.png)",
    "Region {onclick=alert(1)}",
    "Ändring {onclick=alert(1)",
    "Text {: .md-button onclick=alert(1) }",
    "<img src=x onerror=alert(1)>",
    "<https://evil.example/>",
    "<a@evil.example>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    '!!! danger "x"\n    <script>alert(1)</script>',
    "1. lista\n- punkt\n# rubrik\n> citat",
    "Titel\n===\n\n: definition",
    "| a | b |\n|---|---|\n| c | d |",
    "`kod` *kursiv* __fet__ \\ backslash",
    "&lt;script&gt; &#60;script&#62; &amp;",
    "[TOC]",
    "x[^1]\n\n[^1]: fotnot",
    "\x02wzxhzdk:0\x03 placeholder",
    "    indenterad kod",
]


@pytest.mark.parametrize("value", HOSTILE_TEXT)
def test_plain_text_is_shown_as_written_and_never_markup(value: str) -> None:
    rendered = to_html(plain_text(value))
    assert breaches(rendered) == []
    assert all(tag == "p" and not attrs for tag, attrs in elements(rendered))
    expected = " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", value).split())
    assert text_of(rendered) == expected


@pytest.mark.parametrize("value", HOSTILE_TEXT)
def test_cell_is_inert_in_headings_tables_and_link_text(value: str) -> None:
    page = (
        f"### B-2026-01 {cell(value)} {{ #b-2026-01 }}\n\n"
        f"| Uppgift | Värde |\n|---|---|\n| Namn | {cell(value)} |\n\n"
        f"[{cell(value)}](partners/x.md)\n"
    )
    rendered = to_html(page)
    assert breaches(rendered) == []
    assert [(t, a) for t, a in elements(rendered) if a] == [("h3", ["id"]), ("a", ["href"])]
    assert re.findall(r'href="([^"]*)"', rendered)[-1] == "partners/x.md"
    assert re.findall(r'id="([^"]*)"', rendered)[0] == "b-2026-01"
    assert rendered.count("<table>") == 1 and rendered.count("<td>") == 2


def test_front_matter_values_are_escaped_for_the_theme() -> None:
    title = yaml.safe_load("t: " + yaml_str("</title><script>alert(1)</script> \"x\" & 'y'"))["t"]
    assert "<" not in title and ">" not in title and '"' not in title
    assert html.unescape(title) == "</title><script>alert(1)</script> \"x\" & 'y'"
    meta = f'<meta name="description" content="{title}">'
    assert breaches(meta, content=False) == []
    assert re.findall(r'(\w+)="', meta) == ["name", "content"]


def test_link_destinations_cannot_break_out() -> None:
    assert url('https://a.se/x(y)<z>"w" v') == "https://a.se/x%28y%29%3Cz%3E%22w%22%20v"
    assert mailto("a{b}@x.se") == "mailto:a%7Bb%7D@x.se"
    assert hostname("https://www.a_b.se/") == "a\\_b.se"


# --- the renderer and the sanitiser without the check ------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<iframe src="https://evil.example/"></iframe>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "<style>@import url(https://evil.example/x.css);</style>",
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        '<p onclick="alert(1)">text</p>',
        "<!-- intern -->text",
        "[x](javascript:alert(1)) [y](&#106;avascript:alert(1))",
        "![x](https://evil.example/t.png) <img src=//evil.example/t.png>",
        "## Rubrik {onclick=alert(1) }",
        "text\n{: onclick=alert(1) style=display:none }",
        '<svg><script>alert(1)</script></svg><math><mi xlink:href="javascript:alert(1)">',
        "<!-->\n<script>alert(1)</script>",
        '<a href="java\tscript:alert(1)">x</a> <a href="data:text/html,x">y</a>',
        '<object data="https://evil.example/"></object><embed src="https://evil.example/">',
        '<form action="https://evil.example/"><input name="p"></form>',
    ],
)
def test_renderer_embeds_only_sanitised_markdown(source: str) -> None:
    embedded = safe_markdown(source)
    assert problems(source), "the check reports it"
    assert embedded != source, "the renderer does not embed it as written"
    rendered = to_html(embedded)
    assert breaches(rendered) == []
    assert "alert(1)</script" not in rendered and "evil.example/t.png" not in rendered


def test_clean_markdown_is_embedded_unchanged() -> None:
    source = (
        '<details>\n<summary>Mer</summary>\nText <abbr title="x">X</abbr>\n</details>\n\n'
        '| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note "Obs"\n    Text[^1].\n\n'
        "[^1]: Fotnot.\n\n[e-post](mailto:a@b.se) [tel](tel:+4675) ![bild](bild.png)\n"
    )
    assert problems(source) == ()
    assert safe_markdown(source) == source
    assert breaches(to_html(source)) == []


def test_sanitiser_keeps_what_markdown_makes_of_the_shipped_site() -> None:
    body = (REPO / "content/arbetsordning/1.1.md").read_text(encoding="utf-8")
    rendered = to_html(body.split("---\n", 2)[2])
    assert text_of(clean_html(rendered)) == text_of(rendered)
    assert clean_html(rendered).count("<a ") == rendered.count("<a ")
    assert 'class="footnote-ref"' in clean_html(rendered)


def test_renderer_escapes_hostile_data_even_without_the_check(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.replace(
        "partners.yaml",
        "    namn: Region Uppsala\n",
        '    namn: "<script>alert(1)</script> [x](javascript:alert(1)) {onclick=alert(1)}"\n',
    )
    repo.replace(
        "meetings/2026-12-03-partnerskapet/mote.yaml",
        "plats: Socialstyrelsen, Rålambsvägen 3, Stockholm, och digitalt\n",
        'plats: "<img src=x onerror=alert(1)> ![t](https://evil.example/t.png)"\n',
    )
    repo.replace(
        "content/tillganglighet.md",
        "## Innehåll som inte omfattas av lagen\n",
        "<script>alert(1)</script>\n\n## Innehåll som inte omfattas av lagen\n",
    )
    report = repo.check(date(2026, 11, 22))
    assert {p.rule for p in report.data_errors} == {"SC020", "SC021"}
    report.problems = []  # pretend the check had been skipped
    pages = site_pages(PublicView(report))
    for path, page in pages.items():
        front, body = page.split("---\n", 2)[1:]
        meta = yaml.safe_load(front)
        assert "<" not in str(meta.get("title", "")), path
        assert breaches(to_html(body), page=True) == [], path  # a whole page: site markup too
    assert "alert(1)" in to_html(pages["index.md"].split("---\n", 2)[2])  # shown as text


# --- a real build with hostile but allowed data -------------------------------------

ALLOWED_BUT_HOSTILE = {
    "partners.yaml": [
        ("    namn: Region Uppsala\n",
         "    namn: \"Region Uppsala & Co \\\"RCC\\\" 'x' javascript:alert(1) *_`#| \\\\ a < b\""
         "\n"),
    ],
    "meetings/2026-12-03-partnerskapet/mote.yaml": [
        ("plats: Socialstyrelsen, Rålambsvägen 3, Stockholm, och digitalt\n",
         "plats: \"Rålambsvägen 3 \\\" onmouseover=\\\"alert(1) & evil.example\"\n"),
    ],
    "meetings/2026-06-10-partnerskapet/mote.yaml": [
        ("    rubrik: Beredningsgrupp för europeiska cancerinitiativ\n",
         "    rubrik: \"Beredningsgrupp # { ej en lista } &lt;script&gt;alert(1)\"\n"),
    ],
    "meetings/2026-06-10-partnerskapet/protokoll.md": [
        ("Ordföranden öppnade mötet.\n",
         "Ordföranden öppnade mötet. `<script>alert(1)</script>` &lt;iframe&gt;\n\n"
         "<details>\n<summary>Bakgrund</summary>\n"
         "Se <abbr title=\"Regionala cancercentrum\">RCC</abbr>.\n"
         "</details>\n\n| Röster | Antal |\n|:--|--:|\n| För | 38 |\n"),
    ],
    "content/tillganglighet.md": [
        ("titel: Tillgänglighetsredogörelse\n",
         "titel: \"Tillgänglighet & \\\"redogörelse\\\" 1 < 2 > 0\"\n"),
        ("beskrivning: Hur tillgänglig SweCans webbplats är, vilka brister vi känner till "
         "och hur du anmäler brister.\n",
         "beskrivning: '\" onfocus=\"alert(1)\" autofocus=\"'\n"),
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("hostile"))
    repo = DataRepo(root)
    for file, edits in ALLOWED_BUT_HOSTILE.items():
        for old, new in edits:
            repo.replace(file, old, new)
    report = check(root, AS_OF)
    assert report.data_errors == [], "\n".join(map(str, report.data_errors))
    out = root / "site"
    args = ["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
            "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out)]  # fmt: skip
    assert main(args) == 0
    return out


_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


def test_built_site_has_no_live_payload(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 100
    found = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found += [f"{page}: {b}" for b in breaches(text, content=False)]
        article = _ARTICLE.search(text)
        if article and page.name != "404.html":  # 404.html is the theme's template, not data
            found += [f"{page} (content): {b}" for b in breaches(article.group(1), page=True)]
        head = text.split("</head>", 1)[0]
        for match in re.finditer(r'<meta name="description" content="([^"]*)"', head):
            assert "<" not in match.group(1) and "onfocus" not in head.split(match.group(0))[1][:5]
    assert found == []


def test_built_site_shows_hostile_text_literally(hostile_site: Path) -> None:
    partner = (hostile_site / "partners/region-uppsala/index.html").read_text(encoding="utf-8")
    assert "Region Uppsala &amp; Co &quot;RCC&quot;" in partner or (
        'Region Uppsala &amp; Co "RCC"' in partner
    )
    assert "javascript:alert(1) *_`#| \\ a &lt; b" in partner
    title = re.search(r"<title>(.*?)</title>", partner, re.S)
    assert title and "<" not in title.group(1)
    page = (hostile_site / "tillganglighet/index.html").read_text(encoding="utf-8")
    head_title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert head_title and html.unescape(head_title.group(1)).startswith(
        'Tillgänglighet & "redogörelse" 1 < 2 > 0'
    )
    assert '<meta name="description" content="&#34; onfocus=' in page or (
        '<meta name="description" content="&quot; onfocus=' in page
    )
    meeting = (hostile_site / "moten/2026-06-10-partnerskapet/index.html").read_text("utf-8")
    assert "<details>" in meeting and '<abbr title="Regionala cancercentrum">' in meeting
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in meeting
    assert 'id="p-5"' in meeting and 'href="#p-5"' in meeting
    start = (hostile_site / "index.html").read_text(encoding="utf-8")
    assert "onmouseover=&quot;alert(1) &amp; evil.example" in start or (
        'onmouseover="alert(1) &amp; evil.example' in start.replace("&#34;", '"')
    )


def test_search_index_holds_no_markup_outside_the_allowlist(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search/search_index.json").read_text("utf-8"))
    found = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            found += [f"{doc['location']} {key}: {b}" for b in breaches(doc.get(key, ""))]
    assert found == []
    assert any("javascript:alert(1)" in d["text"] for d in index["docs"])  # as text


def test_build_refuses_markup_outside_the_allowlist(tmp_path: Path, capsys) -> None:
    root = project_copy(tmp_path)
    protocol = root / "meetings/2026-06-10-partnerskapet/protokoll.md"
    text = protocol.read_text(encoding="utf-8")
    protocol.write_text(
        text.replace(
            "Ordföranden öppnade mötet.\n", '<iframe src="https://evil.example/"></iframe>\n'
        ),
        "utf-8",
    )
    line = text[: text.index("Ordföranden öppnade mötet.")].count("\n") + 1
    args = ["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
            "--config-file", str(root / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 1
    out = capsys.readouterr().out
    assert f"meetings/2026-06-10-partnerskapet/protokoll.md:{line}:1: error SC021" in out
    assert not (root / "site").exists()


def test_underlag_file_is_published_beside_the_meeting(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    folder = root / "meetings/2026-12-03-partnerskapet"
    (folder / "plan-2027.pdf").write_bytes(b"%PDF-1.4\n")
    mote = folder / "mote.yaml"
    mote.write_text(
        mote.read_text("utf-8").replace(
            "      - titel: Förslag till verksamhetsplan 2027\n        distribuerat: 2026-10-30\n"
            "        offentligt: true\n",
            "      - titel: Förslag till verksamhetsplan 2027\n        distribuerat: 2026-10-30\n"
            "        offentligt: true\n        länk: plan-2027.pdf\n",
        ),
        "utf-8",
    )
    args = ["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
            "--config-file", str(root / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 0
    site = root / "site/moten/2026-12-03-partnerskapet"
    assert (site / "plan-2027.pdf").read_bytes() == b"%PDF-1.4\n"
    assert 'href="plan-2027.pdf"' in (site / "index.html").read_text("utf-8")


# --- property-based fuzzing ------------------------------------------------------

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
MARKUP = st.sampled_from(
    [
        "<",
        ">",
        "</",
        "/>",
        "<script>",
        "</script>",
        "<img src=",
        "<a href=",
        "<iframe",
        "<!--",
        "-->",
        "<!",
        "<?",
        "<details>",
        "<abbr title=",
        "onclick=",
        "onerror=alert(1)",
        "style=",
        "javascript:",
        "data:",
        "//evil.example/",
        "https://evil.example/t.png",
        "](",
        "![",
        "[",
        "]",
        "(",
        ")",
        "]: ",
        "{",
        "}",
        "{:",
        "#",
        ".cls",
        "=",
        '"',
        "'",
        "`",
        "*",
        "_",
        "!!! ",
        "\n",
        "\n\n",
        "    ",
        "&#106;",
        "&lt;",
        "&",
        ";",
        "|",
        "---",
        ":",
        "x",
        "Å",
        " ",
    ]
)
HUMAN = st.lists(MARKUP, max_size=30).map("".join)
ANY_TEXT = st.text(max_size=80) | HUMAN


@FUZZ
@given(value=ANY_TEXT)
def test_fuzz_plain_text_is_inert(value: str) -> None:
    for escaped in (plain_text(value), cell(value)):
        rendered = to_html(f"Text: {escaped}\n\n### B-1 {cell(value)} {{ #b-1 }}\n")
        assert breaches(rendered) == []
        assert {tag for tag, _ in elements(rendered)} <= {"p", "h3"}
        assert [attrs for _, attrs in elements(rendered) if attrs] == [["id"]]


@FUZZ
@given(source=HUMAN)
def test_fuzz_human_markdown_never_yields_markup_outside_the_allowlist(source: str) -> None:
    rendered = to_html(safe_markdown(source))
    assert breaches(rendered) == [], (source, rendered)
    if not problems(source):
        assert safe_markdown(source) == source


LINKISH = st.lists(
    st.sampled_from([
        "[x]", "](", "![", "(", ")", "javascript:", "JavaScript:", "mailto:", "tel:", "https://",
        "http:", "//", "/\\", "data:", "a", ":", "/", "?", "#", " ", "\n", '"t"', "'", "&#106;",
        "&", "[^1]", "]: ", "[r]", "{", " { #p-5 }", "## § 5 ", "x.md", "\t", "%3A", "<",
    ]),
    max_size=25,
).map("".join)  # fmt: skip


@FUZZ
@given(source=LINKISH | HUMAN)
def test_fuzz_fast_path_only_skips_clean_markdown(source: str) -> None:
    """When might_mark_up says no, the full conversion finds nothing either."""
    for text in (source, protocol_markdown(source)):
        if not might_mark_up(text):
            assert walk(text) == (), text


@pytest.fixture(scope="module")
def renderer() -> Site:
    return Site.of(PublicView(check(REPO, AS_OF)), data_files())


FIELDS = [
    "partner namn", "decision rubrik", "decision text", "meeting plats", "meeting rubrik",
    "agenda rubrik", "matter rubrik", "underlag titel", "page titel", "page beskrivning",
    "rules version", "kansli namn", "kansli ansvarig", "kansli adress", "chair namn",
    "working group namn", "working group beskrivning",
]  # fmt: skip


@FUZZ
@given(values=st.fixed_dictionaries({field: ANY_TEXT for field in FIELDS}))
def test_fuzz_rendered_pages_contain_only_allowlisted_html(
    renderer: Site, values: dict[str, str]
) -> None:
    """Arbitrary Unicode in every plain-text field the renderer prints."""
    data = renderer.view
    partner = data.partner("region-uppsala")
    held = data.meeting("2026-06-10-partnerskapet")
    planned = data.meeting("2026-12-03-partnerskapet")
    assert partner and held and planned
    page = data.pages()["tillganglighet"]
    org = data.organisation
    partner.name = values["partner namn"]
    held.decisions[0].title = values["decision rubrik"]
    held.decisions[0].text = values["decision text"]
    held.place = planned.place = values["meeting plats"]
    held.title = planned.title = values["meeting rubrik"]
    held.agenda[0].title = planned.agenda[0].title = values["agenda rubrik"]
    planned.matters[0].title = values["matter rubrik"]
    planned.matters[0].documents[0].title = values["underlag titel"]
    page.meta.title = values["page titel"]
    page.meta.description = values["page beskrivning"]
    data.current_rules().meta.version = values["rules version"]
    org.secretariat.name = values["kansli namn"]
    org.secretariat.head = values["kansli ansvarig"]
    org.secretariat.address = values["kansli adress"]
    org.partnership.chair[0].name = values["chair namn"]
    org.working_groups[0].name = values["working group namn"]
    org.working_groups[0].description = values["working group beskrivning"]
    register = decisions.pages(renderer)  # the register's index and a page per year
    pages = {
        "partner": renderer.render(
            "partner.md.j2", "partners/region-uppsala.md", p=partner, example=True, roles=[],
            attendance=[], attended=0,
        ),
        "held meeting": meetings.meeting_page(renderer, held),
        "planned meeting": meetings.meeting_page(renderer, planned),
        "start": start_page.pages(renderer)["index.md"],
        "page": content.pages(renderer)["tillganglighet.md"],
        "organisation": organisation.pages(renderer)["organisation.md"],
        "decisions": register["beslut/index.md"],
        "decisions of a year": register["beslut/2026.md"],
        "rules": arbetsordning.pages(renderer)["arbetsordning/index.md"],
    }  # fmt: skip
    for key, page_text in pages.items():
        front, body = page_text.split("---\n", 2)[1:]
        meta = yaml.safe_load(front)
        for value in (meta.get("title", ""), meta.get("description") or ""):
            assert not set(str(value)) & set("<>\"'"), (key, value)
        assert breaches(to_html(body), page=True) == [], (key, body)


def test_render_site_is_unchanged_for_the_shipped_text() -> None:
    pages = site_pages(PublicView(check(REPO, AS_OF)))
    assert "Region Uppsala" in pages["partners/region-uppsala.md"]
    assert "[swecan@socialstyrelsen\\.se]" not in pages["organisation.md"]
    assert "(mailto:swecan@socialstyrelsen.se)" in pages["organisation.md"]


def test_underlag_symlink_out_of_the_meeting_folder_is_refused(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    secret = tmp_path / "hemlig.pdf"
    secret.write_bytes(b"%PDF-1.4 hemligt\n")
    folder = "meetings/2026-12-03-partnerskapet"
    (repo.path(folder) / "plan.pdf").symlink_to(secret)
    line = repo.replace(
        f"{folder}/mote.yaml",
        "      - titel: Förslag till verksamhetsplan 2027\n        distribuerat: 2026-10-30\n"
        "        offentligt: true\n",
        "      - titel: Förslag till verksamhetsplan 2027\n        distribuerat: 2026-10-30\n"
        "        offentligt: true\n        länk: plan.pdf\n",
    )
    # Every symlink in the data is refused where it stands (SC032); the check
    # never follows it, so the file outside the checkout is never read.
    errors = repo.check().data_errors
    assert [(p.rule, p.location.file) for p in errors] == [("SC032", f"{folder}/plan.pdf")]
    assert line > 0


@pytest.mark.parametrize(
    "link", ["plan 2027.pdf", "årsplan.pdf", ".hemlig.pdf", "a/../b.pdf", "plan.pdf#x", "plan.svg"]
)
def test_underlag_file_names_are_plain(link: str, tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    folder = "meetings/2026-12-03-partnerskapet"
    line = repo.replace(
        f"{folder}/mote.yaml",
        "      - titel: Förslag till verksamhetsplan 2027\n        distribuerat: 2026-10-30\n"
        "        offentligt: true\n",
        "      - titel: Förslag till verksamhetsplan 2027\n        distribuerat: 2026-10-30\n"
        f"        offentligt: true\n        länk: {json.dumps(link)}\n",
    )
    found = [(p.rule, p.location.line) for p in repo.check().data_errors]
    assert found == [("SC012", line + 3)]


def test_the_page_templates_run_in_a_sandbox() -> None:
    """Issue 18: a page template reaches the records and helpers, not Python's internals."""
    from jinja2.exceptions import SecurityError

    from swecan_site.check import check
    from swecan_site.render.environment import Templates

    from .conftest import AS_OF

    env = Templates(PublicView(check(REPO, AS_OF))).env
    assert env.from_string("{{ urls.meeting('x') }}").render() == "moten/x/"
    for escape in (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ link.__globals__['os'].system('id') }}",
        "{{ cycler.__init__.__globals__.os.system('id') }}",
    ):
        with pytest.raises(SecurityError):
            env.from_string(escape).render()
