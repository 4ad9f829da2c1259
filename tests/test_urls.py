"""The permanent URL scheme (swecan_site/urls.py) and the links made from it."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swecan_site import urls


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("", "index.md"),
        (urls.meeting("2026-03-12-partnerskapet"), "moten/2026-03-12-partnerskapet.md"),
        (urls.protocol_paragraph("2026-03-12-partnerskapet", 4),
         "moten/2026-03-12-partnerskapet.md#p-4"),
        (urls.decision("B-2026-01", 2026), "beslut/2026.md#b-2026-01"),
        (urls.DECISIONS, "beslut/index.md"),
        (urls.decision_pointer("B-2026-01"), "beslut/index.md#b-2026-01"),
        (urls.compliance_year(2026), "efterlevnad/2026.md"),
        (urls.matter("2026-03-12-partnerskapet", "Ä-2026-01"),
         "moten/2026-03-12-partnerskapet.md#a-2026-01"),
        (urls.partner("cancerfonden"), "partners/cancerfonden.md"),
        (urls.PARTNERS, "partners/index.md"),
        (urls.RULES, "arbetsordning/index.md"),
        (urls.rules_version("1.0"), "arbetsordning/1.0.md"),
        (urls.rule("SC302"), "efterlevnad/sc302.md"),
        (urls.report("2026-arsrapport"), "rapporter/2026-arsrapport.md"),
        (urls.OPEN_DATA, "oppna-data.md"),
        (urls.data_file("moten.json"), "data/moten.json"),
    ],
)  # fmt: skip
def test_source_is_the_markdown_file_mkdocs_resolves(url: str, source: str) -> None:
    assert urls.source(url) == source


def test_the_readme_scheme() -> None:
    assert urls.meeting("2026-03-12-partnerskapet") == "moten/2026-03-12-partnerskapet/"
    assert urls.decision("B-2026-07", 2026) == "beslut/2026/#b-2026-07"
    assert urls.decision_pointer("B-2026-07") == "beslut/#b-2026-07"  # the old address
    assert urls.decisions_year(2027) == "beslut/2027/"
    assert urls.compliance_year(2027) == "efterlevnad/2027/"
    assert urls.rule("SC302") == "efterlevnad/sc302/"
    assert urls.calendar() == "kalender/swecan.ics"
    assert urls.calendar("arbetsutskottet") == "kalender/arbetsutskottet.ics"
    assert urls.absolute("https://swecan.example.se/", urls.partner("x")) == (
        "https://swecan.example.se/partners/x/"
    )
    with pytest.raises(ValueError):
        urls.absolute("", "partners/")


@pytest.mark.parametrize(
    ("url", "here", "link"),
    [
        (urls.decision("B-2026-01", 2026), "moten/x.md", "../beslut/2026.md#b-2026-01"),
        (urls.protocol_paragraph("x", 3), "moten/x.md", "#p-3"),
        (urls.meeting("x"), "beslut/2026.md", "../moten/x.md"),
        (urls.PARTNERS, "partners/a.md", "index.md"),
        (urls.meeting_file("x", "a.pdf"), "moten/x.md", "x/a.pdf"),
        (urls.data_file("beslut.json"), "oppna-data.md", "data/beslut.json"),
    ],
)  # fmt: skip
def test_links_are_relative_to_the_page(url: str, here: str, link: str) -> None:
    assert urls.link(url, here) == link


_SEGMENT = st.sampled_from(["moten", "partners", "index.md", "a", "b.md", "..x", "data"])


@given(
    st.lists(_SEGMENT, min_size=1, max_size=4).map("/".join),
    st.lists(_SEGMENT, min_size=0, max_size=4).map("/".join),
)
def test_relative_links_are_what_posixpath_makes(path: str, start: str) -> None:
    # urls._relative avoids posixpath.relpath's os.getcwd() per link (speed); same answer
    assert urls._relative(path, start) == posixpath.relpath(path, start or ".")
