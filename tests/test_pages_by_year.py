"""The long list pages split by year: the decision register (beslut/<år>/) and
the compliance findings (efterlevnad/<år>/), on a three-year synthetic archive.

Every decision is on the page of its meeting's year and keeps its old address
(``beslut/#b-…``) on the register's index; every public finding is filed under
its years (PublicView.finding_years), and the pages show each where it is
filed. Page sizes are benchmark figures (benchmarks/archive.py), not asserted.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from datetime import date

import pytest

from swecan_site import urls
from swecan_site.check import check
from swecan_site.public import PublicView
from swecan_site.rules import Status, SubjectKind
from swecan_site.rules.base import Basis
from swecan_site.site_files import pages as render_site

from .conftest import REPO

AS_OF = date(2029, 1, 15)  # three archive years (2026–2028) and the start of 2029


def _make_archive():
    spec = importlib.util.spec_from_file_location(
        "make_archive", REPO / "benchmarks" / "make_archive.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[PublicView, dict[str, str]]:
    root = _make_archive()(tmp_path_factory.mktemp("archive") / "data", years=3, partners=70)
    report = check(root, AS_OF)
    assert not report.data_errors
    view = PublicView(report)
    return view, render_site(view)


def _source(url: str) -> str:
    return urls.source(url)


def test_every_decision_is_on_the_page_of_its_meetings_year(archive) -> None:
    view, pages = archive
    by_year = view.decisions_by_year()
    assert list(by_year) == [2028, 2027, 2026]  # newest first
    for year, decisions in by_year.items():
        page = pages[_source(urls.decisions_year(year))]
        assert page.startswith("---\ntitle: Beslut " + str(year))
        for meeting, decision in decisions:
            assert meeting.date.year == year
            assert f"### {decision.id} " in page and f"{{ #{urls.anchor(decision.id)} }}" in page
        # no decision of another year on the page
        others = [d.id for y, ds in by_year.items() if y != year for _, d in ds]
        assert not any(f"### {d} " in page for d in others)
    years = {p for p in pages if p.startswith("beslut/")}
    assert years == {"beslut/index.md"} | {f"beslut/{y}.md" for y in by_year}


def test_the_register_index_links_every_year_and_keeps_every_old_anchor(archive) -> None:
    view, pages = archive
    index = pages["beslut/index.md"]
    assert "### " not in index  # the decisions themselves are on the year pages
    for year, decisions in view.decisions_by_year().items():
        assert f"| [{year}]({year}.md) | {len(decisions)} |" in index
        assert f"## {year} {{ #ar-{year} }}" in index  # the old year anchors
        for _, decision in decisions:
            anchor = urls.anchor(decision.id)
            # the element with the old id (beslut/#b-…) links to the year page
            assert f"[{decision.id}]({year}.md#{anchor}){{ #{anchor} }}" in index


def test_links_to_a_decision_go_to_its_year_page(archive) -> None:
    view, pages = archive
    meeting, decision = view.decisions_by_year()[2027][0]
    page = pages[_source(urls.meeting(meeting.meeting_id))]
    anchor = urls.anchor(decision.id)
    assert f"(../beslut/2027.md#{anchor})" in page
    start = pages["index.md"]
    newest = view.decisions()[-1][1]
    assert f"(beslut/2028.md#{urls.anchor(newest.id)})" in start


def test_every_finding_is_filed_under_its_years(archive) -> None:
    """Once per year: a finding judged over a period under every year the period
    touches, every other finding under exactly one year."""
    view, _ = archive
    by_year = view.findings_by_year()
    filed = Counter(id(e) for rows in by_year.values() for e in rows)
    assert set(filed) == {id(e) for e in view.findings()}
    assert list(by_year) == sorted(by_year, reverse=True)
    kinds = Counter()
    spanning = 0
    for year, rows in by_year.items():
        assert len({id(e) for e in rows}) == len(rows)
        for e in rows:
            subject = e.result.subject
            typed = view.finding_years(e)
            period = e.result.period
            if subject.kind is SubjectKind.MEETING:
                meeting = view.meeting(subject.id)
                assert meeting is not None and typed == (year,) == (meeting.date.year,)
            elif subject.kind is SubjectKind.DECISION:
                found = view.decision(subject.id)
                assert found is not None and typed == (year,) == (found[0].date.year,)
            elif period is not None:
                first, last = period.start.year, period.last(AS_OF).year
                assert first <= year <= last and filed[id(e)] == last - first + 1
                spanning += last > first
            elif subject.kind is SubjectKind.YEAR:
                assert typed == (year,) == (int(subject.id),)
            elif subject.kind is SubjectKind.PARTNER:
                # a partner's state now: no year of its own, shown with the as-of year
                assert typed == () and year == AS_OF.year
            kinds[subject.kind] += 1
    assert kinds[SubjectKind.MEETING] and kinds[SubjectKind.PARTNER] and kinds[SubjectKind.YEAR]
    assert spanning  # the ten-year archive's AU is judged over every year


def test_the_year_pages_show_the_years_breaches_and_the_index_links_them(archive) -> None:
    view, pages = archive
    index = pages["efterlevnad/index.md"]
    assert "## Krav i arbetsordningen som inte är uppfyllda" not in index
    shown = 0
    for year, rows in view.findings_by_year().items():
        assert f"[{year}]({year}.md)" in index
        page = pages[_source(urls.compliance_year(year))]
        assert page.startswith("---\ntitle: Efterlevnad " + str(year))
        for e in rows:
            if e.result.status is Status.NOT_MET:
                heading = (
                    "## Kansliets mål som inte har nåtts"
                    if e.rule.basis is Basis.TARGET
                    else "## Krav i arbetsordningen som inte är uppfyllda"
                    if e.rule.basis is Basis.OBLIGATION
                    else "## Ej uppfyllt enligt en tolkning"
                )
                section = page.split(heading)[1].split("\n## ")[0]
                assert f"[{e.rule.id}](../efterlevnad/{e.rule.id.lower()}.md)" in section
                assert f"- {e.result.message}" in section, (year, e.result.message)
                shown += 1
    assert shown  # the archive has breaches (late protocols, missed targets)


def test_findings_about_the_current_state_are_on_the_as_of_years_page(archive) -> None:
    view, pages = archive
    page = pages[_source(urls.compliance_year(AS_OF.year))]
    assert "läget just nu" in page
    rows = view.findings_by_year()[AS_OF.year]
    assert any(view.finding_years(e) == () for e in rows)
    earlier = pages[_source(urls.compliance_year(2027))]
    assert "läget just nu" not in earlier


def test_a_rules_page_groups_its_findings_by_year(archive) -> None:
    view, pages = archive
    page = pages[_source(urls.rule("SC304"))]  # a protocol deadline for every partnership meeting
    verdicts = page.split("## Bedömningar per")[1]
    for year in (2028, 2027, 2026):
        assert f"\n### {year} {{ data-search-exclude }}\n" in verdicts
    assert verdicts.index("### 2028") < verdicts.index("### 2027") < verdicts.index("### 2026")
    rows = [e for e in view.findings() if e.rule.id == "SC304"]
    for e in rows:
        assert e.result.message in verdicts


def test_the_partner_list_links_every_current_partner(archive) -> None:
    view, pages = archive
    index = pages["partners/index.md"]
    current = view.partners_current()
    assert len(current) >= 70
    for partner in current:
        assert f"]({partner.id}.md), ansluten " in index, partner.id
