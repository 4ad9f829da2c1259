"""Issue 16: obligations judged over the period they cover.

The timeline's boundary cases (a breach of one day, neighbouring pieces in the
same state, a running period, a year end), and a remedied breach as the public
reads it: on the Efterlevnad page of each year it touched, in the CLI's JSON,
and in efterlevnad.json/.csv read back with the standard library. The
scenarios' verdicts are in tests/cases/periods.yaml.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from swecan_site.cli import main
from swecan_site.outputs import write_all
from swecan_site.public import PublicView
from swecan_site.rules import Status
from swecan_site.site_files import pages
from swecan_site.timeline import Period, membership, segments

from .conftest import DataRepo, copy_data

D = date.fromisoformat


# --- the timeline -----------------------------------------------------------------------


def _breaches(covered: Period, as_of: date, bad: set[date]) -> list[tuple[Period, bool]]:
    """segments() with a state that is True on the days in ``bad``; the changes are
    the days the state may differ from the day before (as the rules supply them)."""
    changes = {d for d in bad} | {date.fromordinal(d.toordinal() + 1) for d in bad}
    return segments(covered, as_of, changes, lambda day: day in bad)


def test_a_breach_of_one_day_is_a_period_of_one_day() -> None:
    found = _breaches(Period(D("2026-01-01"), D("2026-12-31")), D("2027-01-10"), {D("2026-11-01")})
    assert found == [
        (Period(D("2026-01-01"), D("2026-10-31")), False),
        (Period(D("2026-11-01"), D("2026-11-01")), True),
        (Period(D("2026-11-02"), D("2026-12-31")), False),
    ]
    assert str(found[1][0]) == "1 november 2026"


def test_neighbouring_pieces_in_the_same_state_are_one_period() -> None:
    bad = {D("2026-12-30"), D("2026-12-31"), D("2027-01-01")}
    covered = Period(D("2026-12-01"))
    found = _breaches(covered, D("2027-03-01"), bad)
    assert [p for p, breach in found if breach] == [Period(D("2026-12-30"), D("2027-01-01"))]
    assert list(found[1][0].years(D("2027-03-01"))) == [2026, 2027]


def test_a_breach_reaching_the_as_of_date_of_a_running_period_is_running() -> None:
    found = _breaches(
        Period(D("2026-03-12")),
        D("2026-11-22"),
        {D("2026-11-20"), D("2026-11-21"), D("2026-11-22")},
    )
    assert found[-1] == (Period(D("2026-11-20"), None), True)
    assert str(found[-1][0]) == "från 20 november 2026 (pågår)"
    # ... but not when the period it covers has ended (the first operating year)
    ended = _breaches(Period(D("2026-01-01"), D("2026-12-31")), D("2027-01-10"), {D("2026-12-31")})
    assert ended[-1] == (Period(D("2026-12-31"), D("2026-12-31")), True)


def test_a_period_in_a_year_and_judged_to_a_date() -> None:
    running = Period(D("2026-03-12"))
    assert running.in_year(2026, D("2027-02-01")) == Period(D("2026-03-12"), D("2026-12-31"))
    assert running.in_year(2027, D("2027-02-01")) == Period(D("2027-01-01"), None)
    assert running.in_year(2028, D("2027-02-01")) is None
    assert Period(D("2027-01-01"), D("2027-12-31")).judged_to(D("2026-12-31")) is None
    assert Period(D("2026-01-01"), D("2026-12-31")).judged_to(D("2026-06-01")) == Period(
        D("2026-01-01")
    )


# --- a remedied breach on the public record ---------------------------------------------

AS_OF = D("2027-02-01")
MESSAGE = "14 ledamöter (krav 15, 3 per sektor; Myndigheter 2) 21 december 2026 – 9 januari 2027."


@pytest.fixture(scope="module")
def remedied(tmp_path_factory: pytest.TempPathFactory) -> DataRepo:
    """An AU seat vacant over the year end, filled on 2027-01-10 (before the as-of date)."""
    repo = copy_data(tmp_path_factory.mktemp("remedied") / "data")
    repo.replace(
        "organisation.yaml",
        "    - partner: vinnova\n      mandat:\n"
        "        - {från: 2026-03-12, till: 2028-03-11, beslut: B-2026-03}",
        "    - partner: vinnova\n      mandat:\n"
        "        - {från: 2026-03-12, till: 2026-12-20, beslut: B-2026-03}\n"
        "    - partner: vardanalys\n      mandat:\n        - {från: 2027-01-10, till: 2029-01-09}",
    )
    return repo


def test_the_breach_is_a_verdict_with_its_period(remedied: DataRepo) -> None:
    report = remedied.check(AS_OF)
    found = [e for e in report.evaluations if e.rule.id == "SC601"]
    breaches = [e for e in found if e.result.status is Status.NOT_MET]
    assert [e.result.message for e in breaches] == [MESSAGE]
    assert breaches[0].result.period == Period(D("2026-12-21"), D("2027-01-09"))
    # the days in order are met, year by year, and never overlap the breach
    assert not [e for e in found if e.result.status is Status.MET]  # both years had the breach


def test_the_remedied_breach_is_on_both_years_pages(remedied: DataRepo) -> None:
    view = PublicView(remedied.check(AS_OF))
    built = pages(view)
    for year in (2026, 2027):
        page = built[f"efterlevnad/{year}.md"]
        failures = page.split("## Krav i arbetsordningen som inte är uppfyllda")[1]
        assert MESSAGE in failures.split("\n## ")[0], year
    rule_page = built["efterlevnad/sc601.md"]
    assert rule_page.count(MESSAGE) == 2  # under 2027 and under 2026


def test_the_cli_json_carries_the_period(remedied: DataRepo, capsys) -> None:
    main(["--root", str(remedied.root), "check", "--as-of", AS_OF.isoformat(), "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    sc601 = [p for p in problems if p["rule"] == "SC601"]
    assert [(p["period_start"], p["period_end"]) for p in sc601] == [("2026-12-21", "2027-01-09")]


def test_the_exports_carry_the_period(remedied: DataRepo) -> None:
    files = write_all(PublicView(remedied.check(AS_OF), base_url="https://swecan.example.se/"))
    name = next(n for n in files if n.endswith("efterlevnad.json"))
    findings = json.loads(files[name])
    items = findings["data"]
    rows = [f for f in items if f["rule"] == "SC601" and f["status"] == "not_met"]
    assert [f["period"] for f in rows] == [{"start": "2026-12-21", "end": "2027-01-09"}]
    name = next(n for n in files if n.endswith("efterlevnad.csv"))
    table = list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"))))
    rows_csv = [r for r in table if r["regel"] == "SC601" and r["status"] == "not_met"]
    assert [(r["period_från"], r["period_till"]) for r in rows_csv] == [
        ("2026-12-21", "2027-01-09")
    ]


def test_a_running_breach_has_no_end(tmp_path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.replace(
        "organisation.yaml",
        "    - partner: vinnova\n      mandat:\n"
        "        - {från: 2026-03-12, till: 2028-03-11, beslut: B-2026-03}",
        "    - partner: vinnova\n      mandat:\n"
        "        - {från: 2026-03-12, till: 2026-10-31, beslut: B-2026-03}",
    )
    report = repo.check(D("2026-11-22"))
    problem = next(p for p in report.problems if p.rule == "SC601")
    assert (problem.period_start, problem.period_end) == (D("2026-11-01"), None)
    assert problem.message.endswith("från 1 november 2026 (pågår).")


def test_membership_is_the_days_a_partner_is_a_member(repo: DataRepo) -> None:
    """timeline.membership and Partner.member_on are one fact: the day of withdrawal is
    the first day outside (§5.3)."""
    data = repo.check(D("2026-11-22")).dataset
    assert data is not None
    left = next(p for p in data.partners if p.withdrawal is not None)
    days = membership(left)
    assert days.end == date.fromordinal(left.withdrawal.date.toordinal() - 1)
    for day in (left.joined, days.end, left.withdrawal.date):
        assert days.contains(day) == left.member_on(day)


def test_a_member_whose_organisation_left_has_no_seat_and_no_mandate_deadline(tmp_path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.replace(
        "organisation.yaml",
        "    - partner: svensk-sjukskoterskeforening",
        "    - partner: svenska-cancercoachforeningen",
    )
    report = repo.check(D("2026-11-22"))
    assert not report.data_errors
    view = PublicView(report)
    seated = {s.partner for s in view.context.timeline.seated(D("2026-11-22"))}
    assert "svenska-cancercoachforeningen" not in seated and len(seated) == 14
    organisation = pages(view)["organisation.md"]
    committee = organisation.split("## Arbetsutskottet")[1].split("\n## ")[0]
    assert committee.count("](partners/") == 14
    assert "svenska-cancercoachforeningen" not in committee
    assert not [d for d in view.deadlines(800) if d.subject.id == "svenska-cancercoachforeningen"]
