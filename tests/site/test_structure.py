"""Issue 17: no Markdown reaches a built page as text.

Every page's readable text (paragraphs, list items, cells, headings – not
code) is scanned for Markdown that was not turned into HTML: a list written
into a paragraph, a link or emphasis left as characters, a heading marker, a
table rule, an attribute list. The structure that links resolve is
tests/site/test_content.py's; tables that fit are tests/site/test_layout.py's.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

TEXT_TAGS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "figcaption"}
SKIP_TAGS = {"code", "pre", "script", "style", "kbd", "samp"}
MARKDOWN_LEFT = {
    "a list item inside a paragraph": re.compile(r"(^|\n)\s*[-*+] \S"),
    "a link or image": re.compile(r"!?\[[^\]]+\]\([^)\s]*\)"),
    "strong emphasis": re.compile(r"\*\*\S[^*]*\*\*|__\S[^_]*__"),
    "a heading marker": re.compile(r"(^|\n)#{1,6} \S"),
    "a table rule": re.compile(r"\|\s*:?-{3,}"),
    "an attribute list": re.compile(r"\{\s*[#.][\w-]+\s*\}"),
    "an admonition": re.compile(r"(^|\n)!!! \w"),
}


class _Text(HTMLParser):
    """The text of each text element, kept with its line breaks."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[tuple[str, str]] = []
        self._stack: list[tuple[str, list[str]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag in TEXT_TAGS:
            self._stack.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in TEXT_TAGS and self._stack and self._stack[-1][0] == tag:
            name, parts = self._stack.pop()
            self.blocks.append((name, "".join(parts)))

    def handle_data(self, data: str) -> None:
        if self._stack and not self._skip:
            self._stack[-1][1].append(data)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_no_page_shows_markdown_as_text(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) > 100
    found = []
    for path in pages:
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, text in parser.blocks:
            for what, pattern in MARKDOWN_LEFT.items():
                if match := pattern.search(text):
                    found.append(f"{path.relative_to(site)} <{tag}>: {what}: {match[0]!r}")
    assert found == []


def test_the_scan_sees_markdown_left_in_a_paragraph() -> None:
    """The check itself: the defect the issue found (an underlag list run into the
    paragraph before it) and a link left as text are seen; real HTML is not."""
    parser = _Text()
    parser.feed(
        "<p>Väckt av kansliet.\n- Förslag (distribuerat 30 oktober 2026)</p>"
        "<li>se [beslut](beslut.md)</li><p><a href='x'>länk</a> <strong>fet</strong></p>"
        "<pre><code>- kod\n## rubrik</code></pre>"
    )
    hits = [
        what
        for _, text in parser.blocks
        for what, pattern in MARKDOWN_LEFT.items()
        if pattern.search(text)
    ]
    assert hits == ["a list item inside a paragraph", "a link or image"]


def test_no_english_markdown_ui_text(site: Path) -> None:
    """Python-Markdown's footnotes write an English back-link title unless told."""
    english = [
        str(p.relative_to(site))
        for p in _pages(site)
        if "Jump back to footnote" in p.read_text(encoding="utf-8")
    ]
    assert english == []
