"""The arbetsordning's redline (swecan_site/redline.py): sections, word diff, HTML.

Every expected run, block and HTML string below is written by hand from the two
small texts of its test, never computed by the code under test.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from swecan_site import redline
from swecan_site.markup import clean_page_html, markdown_to_html
from swecan_site.public import PublicView
from swecan_site.redline import Block, BlockKind, Change, Op, Run, SectionDiff, Unchanged
from swecan_site.render import Site
from swecan_site.render.pages import arbetsordning

from .conftest import copy_data
from .test_security_markup import breaches, to_html

EQ, INS, DEL = Op.EQUAL, Op.INSERT, Op.DELETE
P, LI = BlockKind.PARAGRAPH, BlockKind.ITEM

OLD = """\
Inledande text
på två rader.

## 1. Syfte

SweCan samlar aktörer.

## 2. Organisation

### 2.1 Partnerskap[^2]

- Leds av en ordförande.
- Utser arbetsutskott.
    - med 15 ledamöter

### 2.2 Kansli

Kansliet stödjer arbetet.

## 3. Sammanträden

Protokoll ska färdigställas inom 14 dagar.

[^2]: Partnerskap i betydelsen
    strukturerad samverkan.
"""


def _changes(old: str, new: str) -> list[SectionDiff]:
    return list(redline.compare(old, new).changes)


# --- splitting into sections ---------------------------------------------------------


def test_sections_by_heading_with_introduction_and_footnotes() -> None:
    found = redline.sections(OLD)
    assert [(s.key, s.number, s.level, s.label) for s in found] == [
        ("", None, 0, "Inledning"),
        ("1", "1", 2, "1 Syfte"),
        ("2", "2", 2, "2 Organisation"),
        ("2.1", "2.1", 3, "2.1 Partnerskap"),
        ("2.2", "2.2", 3, "2.2 Kansli"),
        ("3", "3", 2, "3 Sammanträden"),
        ("[^]", None, 0, "Fotnoter"),
    ]
    intro, _, organisation, partnership, *_, notes = found
    assert intro.blocks[0].words == ("Inledande", "text", "på", "två", "rader.")
    assert organisation.blocks == ()
    assert [(b.kind, b.depth, " ".join(b.words)) for b in partnership.blocks] == [
        (LI, 0, "Leds av en ordförande."),
        (LI, 0, "Utser arbetsutskott."),
        (LI, 1, "med 15 ledamöter"),
    ]
    assert partnership.heading == "2.1 Partnerskap[^2]"
    assert [" ".join(b.words) for b in notes.blocks] == [
        "[^2]: Partnerskap i betydelsen strukturerad samverkan."
    ]


def test_identical_and_rewrapped_text_is_no_change() -> None:
    assert redline.compare(OLD, OLD).identical
    rewrapped = OLD.replace("Inledande text\npå två rader.", "Inledande text på\ntvå   rader.")
    result = redline.compare(OLD, rewrapped)
    assert result.identical
    assert [len(item.sections) for item in result.items if isinstance(item, Unchanged)] == [7]


# --- changed sections: word by word --------------------------------------------------


def test_a_changed_word_in_a_paragraph() -> None:
    new = OLD.replace("inom 14 dagar", "inom 10 dagar")
    (diff,) = _changes(OLD, new)
    assert diff.change is Change.CHANGED and diff.anchor == "3"
    assert diff.heading == (Run(EQ, "3. Sammanträden"),)
    assert diff.blocks == (
        Block(
            P,
            0,
            (
                Run(EQ, "Protokoll ska färdigställas inom"),
                Run(DEL, "14"),
                Run(INS, "10"),
                Run(EQ, "dagar."),
            ),
        ),
    )
    assert redline.section_html(diff) == (
        '<div id="redline-3">\n'
        "<p>Protokoll ska färdigställas inom <del>14</del> <ins>10</ins> dagar.</p>\n"
        "</div>"
    )


def test_an_added_list_item_is_an_item_of_inserted_words() -> None:
    new = OLD.replace(
        "- Utser arbetsutskott.\n", "- Utser arbetsutskott.\n- Beslutar om nya partners.\n"
    )
    (diff,) = _changes(OLD, new)
    assert diff.section.key == "2.1"
    assert diff.blocks == (
        Block(LI, 0, (Run(EQ, "Leds av en ordförande."),)),
        Block(LI, 0, (Run(EQ, "Utser arbetsutskott."),)),
        Block(LI, 0, (Run(INS, "Beslutar om nya partners."),)),
        Block(LI, 1, (Run(EQ, "med 15 ledamöter"),)),
    )
    # The sub-item keeps its depth; it now follows the new item, as in the newer text.
    assert redline.section_html(diff) == (
        '<div id="redline-2-1">\n'
        "<ul>\n"
        "<li>Leds av en ordförande.</li>\n"
        "<li>Utser arbetsutskott.</li>\n"
        "<li><ins>Beslutar om nya partners.</ins>\n"
        "<ul>\n"
        "<li>med 15 ledamöter</li></ul></li></ul>\n"
        "</div>"
    )


def test_the_unchanged_sections_around_a_change_are_summarised() -> None:
    new = OLD.replace("Kansliet stödjer arbetet.", "Kansliet stödjer och samordnar arbetet.")
    items = redline.compare(OLD, new).items
    assert [
        [s.key for s in item.sections] if isinstance(item, Unchanged) else item.section.key
        for item in items
    ] == [["", "1", "2", "2.1"], "2.2", ["3", "[^]"]]
    assert items[1].blocks == (
        Block(
            P,
            0,
            (Run(EQ, "Kansliet stödjer"), Run(INS, "och samordnar"), Run(EQ, "arbetet.")),
        ),
    )


def test_a_removed_section_stands_where_it_stood() -> None:
    new = OLD.replace("### 2.2 Kansli\n\nKansliet stödjer arbetet.\n\n", "")
    (diff,) = _changes(OLD, new)
    assert diff.change is Change.REMOVED
    assert (diff.old and diff.old.key, diff.new) == ("2.2", None)
    assert diff.heading == (Run(DEL, "2.2 Kansli"),)
    assert diff.blocks == (Block(P, 0, (Run(DEL, "Kansliet stödjer arbetet."),)),)
    keys = [
        [s.key for s in item.sections] if isinstance(item, Unchanged) else item.section.key
        for item in redline.compare(OLD, new).items
    ]
    assert keys == [["", "1", "2", "2.1"], "2.2", ["3", "[^]"]]
    assert "<p><del>Kansliet stödjer arbetet.</del></p>" in redline.section_html(diff)


def test_an_added_section() -> None:
    new = OLD.replace("[^2]:", "## 4. Översyn\n\n- Ses över årligen.\n\n[^2]:")
    (diff,) = _changes(OLD, new)
    assert (diff.change, diff.old, diff.anchor) == (Change.ADDED, None, "4")
    assert diff.section.label == "4 Översyn"
    assert diff.heading == (Run(INS, "4. Översyn"),)
    assert diff.blocks == (Block(LI, 0, (Run(INS, "Ses över årligen."),)),)
    assert redline.section_html(diff) == (
        '<div id="redline-4">\n<ul>\n<li><ins>Ses över årligen.</ins></li></ul>\n</div>'
    )


def test_a_renamed_heading_is_the_same_section_by_its_number() -> None:
    new = OLD.replace("### 2.2 Kansli", "### 2.2 Kansliet")
    (diff,) = _changes(OLD, new)
    assert diff.change is Change.CHANGED
    assert (diff.old and diff.old.title, diff.new and diff.new.title) == ("Kansli", "Kansliet")
    assert diff.heading == (Run(EQ, "2.2"), Run(DEL, "Kansli"), Run(INS, "Kansliet"))
    assert diff.blocks == ()  # the text under it is unchanged: not repeated
    assert redline.section_html(diff) == (
        '<div id="redline-2-2">\n'
        "<p>Ändrad rubrik: 2.2 <del>Kansli</del> <ins>Kansliet</ins></p>\n"
        "<p>Texten under rubriken är oförändrad.</p>\n"
        "</div>"
    )


def test_a_changed_footnote() -> None:
    new = OLD.replace("strukturerad samverkan.", "strukturerad och långsiktig samverkan.")
    (diff,) = _changes(OLD, new)
    assert (diff.section.label, diff.anchor) == ("Fotnoter", "fotnoter")
    assert diff.blocks == (
        Block(
            BlockKind.NOTE,
            0,
            (
                Run(EQ, "[^2]: Partnerskap i betydelsen strukturerad"),
                Run(INS, "och långsiktig"),
                Run(EQ, "samverkan."),
            ),
        ),
    )


def test_unnumbered_headings_match_by_their_text_and_anchors_are_unique() -> None:
    old = "## Bakgrund\n\nEtt.\n\n## Syfte\n\nTvå.\n"
    new = "## Bakgrund\n\nEtt och tre.\n\n## Syfte\n\nTvå och fyra.\n"
    first, second = _changes(old, new)
    assert (first.section.key, first.section.label) == ("rubrik:bakgrund", "Bakgrund")
    # Words are what whitespace separates: "Ett." and "Ett" are different words.
    assert first.blocks == (Block(P, 0, (Run(DEL, "Ett."), Run(INS, "Ett och tre."))),)
    assert first.anchor != second.anchor


# --- untrusted text -------------------------------------------------------------------

HOSTILE = (
    "<script>alert(1)</script> text",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "</div></li></ul><script>alert(1)</script>",
    '"><svg onload=alert(1)> {: onclick="alert(1)" } ![t](https://evil.example/t.png)',
    "&lt;script&gt; &amp; <!-- kommentar -->",
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(fragment: str) -> _Tags:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser


def _hostile_redline(payload: str) -> SectionDiff:
    old = "## 3. Sammanträden\n\n- Protokoll ska färdigställas.\n"
    new = f"## 3. Sammanträden\n\n- Protokoll ska färdigställas.\n- {payload}\n\n{payload}\n"
    (diff,) = _changes(old, new)
    return diff


def test_hostile_text_is_shown_as_text_never_as_markup() -> None:
    for payload in HOSTILE:
        fragment = redline.section_html(_hostile_redline(payload))
        found = _parse(fragment)
        assert set(found.tags) <= {"div", "ul", "li", "p", "ins"}, (payload, found.tags)
        assert found.attributes == [("id", "redline-3")], payload
        shown = " ".join("".join(found.text).split())
        assert shown.count(" ".join(payload.split())) == 2, (payload, shown)


def test_hostile_text_survives_markdown_and_the_page_sanitiser_as_text() -> None:
    """The redline is a raw HTML block in a generated Markdown page: Python-Markdown
    (the site's extensions) passes it through, and the last layer (nh3) keeps it."""
    for payload in HOSTILE:
        fragment = redline.section_html(_hostile_redline(payload))
        page = f"### 3 Sammanträden – ändrat\n\n{fragment}\n\nEfter.\n"
        rendered = clean_page_html(markdown_to_html(page))
        assert fragment in rendered, payload  # unchanged: not sanitised away
        found = _parse(rendered)
        assert set(found.tags) <= {"h3", "div", "ul", "li", "p", "ins"}, (payload, found.tags)
        assert "javascript:" not in " ".join(v or "" for _, v in found.attributes)
        assert breaches(rendered, page=True) == []


def test_hostile_version_reaches_no_page_even_without_the_check(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.replace(
        "content/arbetsordning/1.1.md",
        "- Protokollet justeras av ordföranden",
        "- <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n"
        "- Protokollet justeras av ordföranden",
    )
    report = repo.check(date(2026, 11, 22))
    assert {p.rule for p in report.data_errors} >= {"SC021"}
    report.problems = []  # pretend the check had been skipped
    pages = arbetsordning.pages(Site.of(PublicView(report)))
    for path in ("arbetsordning/1.1.md", "arbetsordning/1.0/jamfor.md"):
        body = pages[path].split("---\n", 2)[2]
        assert breaches(to_html(body), page=True) == [], path
        assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x" in body, path
        assert "[x](javascript:alert(1))</ins>" in body, path  # literal: inside raw HTML


# --- reading the runs back gives either version ----------------------------------------

_WORDS = st.lists(st.sampled_from(["a", "b", "c", "och", "14", "<x>", "&"]), max_size=12)


@given(_WORDS, _WORDS)
def test_runs_read_back_as_either_version(old: list[str], new: list[str]) -> None:
    runs = redline.diff_words(old, new)
    assert " ".join(r.text for r in runs if r.op is not Op.DELETE).split() == new
    assert " ".join(r.text for r in runs if r.op is not Op.INSERT).split() == old
    assert all(runs[i].op is not runs[i + 1].op for i in range(len(runs) - 1))
