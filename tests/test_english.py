"""The English summary edition (issue 21): the URL scheme, the rule titles, the pages'
counterparts, Swedish text marked as Swedish, and what the data may say in English."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from swecan_site import i18n, urls
from swecan_site.dates import en_date
from swecan_site.outputs import dcat
from swecan_site.public import PublicView
from swecan_site.render.pages import PAGES, english
from swecan_site.rules import REGISTRY
from swecan_site.rules.english import TITLES
from swecan_site.site_files import pages as site_pages

from .conftest import copy_data

AS_OF = date(2026, 12, 4)


def test_every_rule_has_an_english_title_and_every_title_a_rule() -> None:
    ids = {rule.id for rule in REGISTRY}
    assert sorted(ids - set(TITLES)) == [], "rules without an English title"
    assert sorted(set(TITLES) - ids) == [], "English titles of no rule"
    assert all(
        title and title[0].isupper() and not title.endswith(".") for title in TITLES.values()
    )


def test_counterparts_go_both_ways_and_the_language_follows_the_address() -> None:
    assert urls.counterpart(urls.MEETINGS) == "en/meetings/"
    assert urls.counterpart("en/meetings/") == urls.MEETINGS
    assert urls.counterpart("") == "en/" and urls.counterpart("en/") == ""
    assert urls.counterpart("en/meetings/#x") == urls.MEETINGS
    assert urls.counterpart(urls.meeting("2026-03-12-partnerskapet")) is None
    for swedish, english_url in urls.TRANSLATIONS.items():
        assert urls.language(swedish) == "sv" and urls.language(english_url) == "en"
        assert urls.counterpart(urls.counterpart(swedish) or "") == swedish
    assert urls.language("engelska/") == "sv"  # a Swedish slug that starts with "en"
    assert urls.english_page("start") == "en/" and urls.english_page("privacy") == "en/privacy/"


def test_english_dates() -> None:
    assert en_date(date(2026, 3, 12)) == "12 March 2026"
    assert en_date(None) == "–"


def test_both_languages_have_every_interface_word() -> None:
    assert set(i18n.UI["sv"]) == set(i18n.UI["en"])
    assert {url for url, _ in i18n.ENGLISH_NAV} == set(urls.TRANSLATIONS.values())
    html = '<a title="Länk till det här avsnittet">#</a><a title="Tillbaka till fotnot 2 i texten">'
    assert i18n.localise_html(html, "en/meetings/") == (
        '<a title="Link to this section">#</a><a title="Back to footnote 2">'
    )
    assert i18n.localise_html(html, "moten/") == html


def test_the_page_family_is_registered() -> None:
    assert english in PAGES


def test_a_missing_counterpart_is_found_either_way() -> None:
    both = {urls.source(sv): "" for sv in urls.TRANSLATIONS} | {
        urls.source(en): "" for en in urls.TRANSLATIONS.values()
    }
    assert english.missing_counterparts(both) == []
    assert english.missing_counterparts({**both, "en/meetings.md": ""}) == []
    without_en = {k: v for k, v in both.items() if k != "en/meetings.md"}
    assert english.missing_counterparts(without_en) == ["en/meetings.md"]
    without_sv = {k: v for k, v in both.items() if k != "oppna-data.md"}
    assert english.missing_counterparts(without_sv) == ["oppna-data.md"]


@pytest.fixture(scope="module")
def shipped() -> dict[str, str]:
    from swecan_site.check import check

    return site_pages(PublicView(check(Path("."), AS_OF), base_url="https://swecan.example.se/"))


def test_every_english_page_exists_with_its_swedish_page(shipped: dict[str, str]) -> None:
    for swedish, english_url in urls.TRANSLATIONS.items():
        assert urls.source(swedish) in shipped
        assert urls.source(english_url) in shipped, english_url


def test_english_text_from_the_data_and_swedish_text_marked(shipped: dict[str, str]) -> None:
    meetings = shipped["en/meetings.md"]
    # 2026-03-12 has rubrik_en; 2026-04-02 has only the Swedish heading
    assert "The Partnership's first meeting" in meetings
    assert "Partnerskapets första sammanträde" not in meetings
    assert '<span lang="sv">Arbetsutskottets konstituerande möte</span>' in meetings
    assert "12 March 2026" in meetings and "2026-03-12," not in meetings
    decisions = shipped["en/decisions.md"]
    assert "Election of the Executive Committee" in decisions  # B-2026-03 has rubrik_en
    assert '<span lang="sv">' in decisions  # later decisions have none
    compliance = shipped["en/compliance.md"]
    assert TITLES["SC304"] in compliance and "(interpretation)" in compliance
    for page in ("en.md", "en/meetings.md", "en/decisions.md", "en/compliance.md"):
        assert "The Swedish text is authoritative" in shipped[page], page
    assert "Sidans historik" not in "".join(v for k, v in shipped.items() if k.startswith("en"))


def test_english_text_is_escaped_like_swedish(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.replace(
        "meetings/2026-03-12-partnerskapet/mote.yaml",
        "rubrik_en: The Partnership's first meeting\n",
        'rubrik_en: "<script>alert(1)</script> [x](javascript:alert(1))"\n',
    )
    report = repo.check(AS_OF)
    assert "SC020" in {p.rule for p in report.data_errors}  # the check stops it ...
    report.problems = []  # ... and the renderer escapes it even so
    page = site_pages(PublicView(report))["en/meetings.md"]
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\\[x\\](javascript:alert(1))" in page  # brackets escaped: text, not a link


def test_the_english_pages_are_required(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    (repo.root / "content/en/privacy.md").unlink()
    problems = [(p.rule, p.location.file) for p in repo.check(AS_OF).data_errors]
    assert ("SC006", "content/en/privacy.md") in problems


def test_english_content_is_checked_like_swedish(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.replace(
        "content/en/start.md",
        "## SweCan's aims\n",
        '<img src=x onerror="alert(1)">\n\n[x](../nowhere/)\n\n## SweCan\'s aims\n',
    )
    rules = {p.rule for p in repo.check(AS_OF).data_errors}
    assert {"SC021", "SC034"} <= rules or {"SC022", "SC034"} <= rules, rules


def test_the_catalogue_has_english_titles_where_they_exist() -> None:
    from swecan_site.outputs import OUTPUTS

    keys = {entry.key for output in OUTPUTS for entry in output.datasets}
    assert set(dcat.TITLES_EN) <= keys, sorted(set(dcat.TITLES_EN) - keys)
