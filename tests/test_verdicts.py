"""Issue 7: every verdict rests on quoted text, an interpretation or a kansli target.

The quotes are checked against the shipped arbetsordning versions and Bilaga 2;
the interpretation registry against the parameters; and the verdicts whose
*status* matters (ej avgjort, not ej uppfyllt) against the data.
"""

from __future__ import annotations

import typing
from datetime import date

import pytest

from swecan_site.cli import main
from swecan_site.config import Parameters, last_day_of_term
from swecan_site.loader import load
from swecan_site.problems import Kind, Severity
from swecan_site.public import PublicView
from swecan_site.rules import BY_ID, REGISTRY, Status
from swecan_site.rules.base import ARBETSORDNING, Basis, Quote
from swecan_site.rules.common import normalise
from swecan_site.rules.interpretations import INTERPRETATIONS
from swecan_site.site_files import pages

from .conftest import REPO, DataRepo

COMPLIANCE = [r for r in REGISTRY if r.kind is Kind.COMPLIANCE]
ALL_QUOTES: list[tuple[str, Quote]] = [
    *((r.id, q) for r in COMPLIANCE for q in r.quotes),
    *((i.id, q) for i in INTERPRETATIONS for q in i.reads),
]


def _source_text(quote: Quote, version_file: str) -> str:
    path = (
        REPO
        / "content"
        / (
            f"arbetsordning/{version_file}"
            if quote.source == ARBETSORDNING
            else "utgangspunkter.md"
        )
    )
    return normalise(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("version", ["1.0.md", "1.1.md"])
@pytest.mark.parametrize(
    "owner,quote", ALL_QUOTES, ids=[f"{o}-{q.text[:30]}" for o, q in ALL_QUOTES]
)
def test_quote_is_verbatim_in_the_text(owner: str, quote: Quote, version: str) -> None:
    assert normalise(quote.text) in _source_text(quote, version), (owner, quote.text)


def test_quote_section_is_the_section_it_is_in() -> None:
    text = (REPO / "content/arbetsordning/1.0.md").read_text(encoding="utf-8")
    for owner, quote in ALL_QUOTES:
        if quote.source != ARBETSORDNING:
            continue
        position = normalise(text).index(normalise(quote.text))
        before = normalise(text)[:position]
        major = quote.section.split(".")[0]
        heading = f"## {quote.section}" if "." in quote.section else f"## {major}."
        assert heading.replace("## ", "") in before, (owner, quote.section)


@pytest.mark.parametrize("rule", COMPLIANCE, ids=lambda r: r.id)
def test_every_finding_rests_on_a_quote_an_interpretation_or_a_target(rule) -> None:
    if rule.basis is Basis.OBLIGATION:
        assert rule.quotes, f"{rule.id} is an obligation without the sentence it rests on"
    elif rule.basis is Basis.INTERPRETATION:
        assert any(rule.id in i.rules for i in INTERPRETATIONS), rule.id
    else:
        assert rule.severity in (Severity.INFO, Severity.WARNING), rule.id


@pytest.mark.parametrize("item", INTERPRETATIONS, ids=lambda i: i.id)
def test_interpretation_is_a_parameter_with_its_options(item) -> None:
    field = Parameters.model_fields[item.parameter]
    assert field.default == item.default
    assert set(typing.get_args(field.annotation)) == set(item.options)
    assert item.alternative != item.default
    assert all(rule_id in BY_ID for rule_id in item.rules)
    assert item.reads and item.why


def test_last_day_of_term() -> None:
    assert last_day_of_term(date(2026, 3, 12), 2) == date(2028, 3, 11)
    assert last_day_of_term(date(2026, 4, 2), 1) == date(2027, 4, 1)
    assert last_day_of_term(date(2028, 2, 29), 2) == date(2030, 2, 28)


def _verdicts(report, rule_id: str) -> dict[str, Status]:
    return {
        str(e.result.subject): e.result.status for e in report.evaluations if e.rule.id == rule_id
    }


def test_running_year_is_pending_until_it_ends(repo: DataRepo) -> None:
    repo.replace("meetings/2026-06-10-partnerskapet/mote.yaml", "form: hybrid", "form: digitalt")
    repo.replace(
        "meetings/2026-12-03-partnerskapet/mote.yaml", "status: planerat", "status: inställt"
    )
    assert _verdicts(repo.check(date(2026, 12, 31)), "SC301")["2026"] is Status.PENDING
    assert _verdicts(repo.check(date(2027, 1, 1)), "SC301")["2026"] is Status.NOT_MET
    january = repo.check(date(2027, 1, 5))
    assert _verdicts(january, "SC301")["2027"] is Status.PENDING
    assert not [p for p in january.problems if p.rule == "SC301" and "2027" in p.message]


def test_annual_report_without_deadline_stays_pending(repo: DataRepo) -> None:
    repo.replace(
        "meetings/2026-12-03-partnerskapet/mote.yaml", "status: planerat", "status: inställt"
    )
    report = repo.check(date(2027, 6, 1))
    assert set(_verdicts(report, "SC204").values()) == {Status.PENDING}
    assert set(_verdicts(report, "SC208").values()) == {Status.NOT_MET}
    target = [p for p in report.problems if p.rule == "SC208"]
    assert target and all(p.severity is Severity.INFO for p in target)
    assert all(p.message.startswith("Kansliets mål (inte ett krav") for p in target)


def test_committee_meetings_are_not_judged_by_section_3(repo: DataRepo) -> None:
    report = repo.check(date(2027, 1, 5))
    for rule_id in ("SC304", "SC305"):
        assert all(s.endswith("partnerskapet") for s in _verdicts(report, rule_id)), rule_id
    au = "2026-11-12-arbetsutskottet"  # a draft protocol long after 14 days
    assert _verdicts(report, "SC202")[au] is Status.PENDING
    assert _verdicts(report, "SC207")[au] is Status.NOT_MET


def test_year_one_needs_no_roll_by_default(repo: DataRepo) -> None:
    repo.replace(
        "meetings/2026-03-12-partnerskapet/mote.yaml", "    typ: röstlängd", "    typ: övrigt"
    )
    report = repo.check(date(2026, 11, 22))
    assert not [p for p in report.problems if p.rule == "SC504"]


def test_interpretation_is_versioned_by_date(repo: DataRepo) -> None:
    """A reading changed from 2026-07-01 does not reach back to a decision of 2026-06-10."""
    repo.replace(
        "meetings/2026-06-10-partnerskapet/mote.yaml",
        "      för: 38\n      emot: 6",
        "      för: 22\n      emot: 22",
    )
    repo.replace(
        "swecan.yaml",
        "    report_deadline_days: 120\n",
        "    report_deadline_days: 120\n"
        "  - in_force_from: 2026-07-01\n    tie_outcome: utslagsröst\n",
    )
    assert _verdicts(repo.check(), "SC402")["B-2026-07"] is Status.NOT_MET


def test_missing_quote_is_visible_in_check_and_on_the_page(repo: DataRepo) -> None:
    repo.replace(
        "content/arbetsordning/1.1.md",
        "ska skickas ut minst 30 dagar",
        "ska skickas ut minst 20 dagar",
    )
    report = repo.check(date(2026, 11, 22))
    found = [p for p in report.problems if p.rule == "SC302" and p.subject == "citat"]
    assert found and found[0].location.file == "content/arbetsordning/1.1.md"
    assert found[0].severity is Severity.WARNING and "version 1.1" in found[0].message
    assert report.exit_code() == 0
    page = pages(PublicView(report))["efterlevnad/sc302.md"]
    assert "Meningen finns inte i den version som gäller" in page


def test_compliance_pages_keep_the_three_kinds_apart() -> None:
    loaded = load(REPO)
    from swecan_site.check import run_rules

    report = run_rules(loaded.dataset, date(2027, 1, 5))  # a missed AU protocol target
    rendered = pages(PublicView(report))
    index = rendered["efterlevnad/index.md"]
    for heading in ("## Arbetsordningens krav", "## Tolkning", "## Kansliets mål"):
        assert heading in index
    year = rendered["efterlevnad/2026.md"]
    breaches = year.split("## Krav i arbetsordningen som inte är uppfyllda")[1].split("\n## ")[0]
    assert "SC207" not in breaches and "SC304" in breaches
    assert "## Kansliets mål som inte har nåtts" in year
    rule_page = rendered["efterlevnad/sc306.md"]
    assert "## Tolkning T1" in rule_page and "alla som är partner på mötesdagen" in rule_page
    # the kansli's words stay in `explain` and the handbook (issue 17)
    assert "quorum_members" not in rule_page and "Åtgärd" not in rule_page
    assert "”För att SweCan ska vara beslutsför krävs" in rule_page
    target_page = rendered["efterlevnad/sc207.md"]
    assert "Kansliets mål" in target_page and "Målet ej nått" in target_page
    assert "**Ej uppfyllt**" not in target_page
    jav = rendered["efterlevnad/sc404.md"]
    assert "| Slag | Tolkning |" in jav and "aktivt undvika situationer där jäv" in jav


def test_explain_prints_the_quote_and_interpretations(capsys) -> None:
    assert main(["explain", "SC405"]) == 0
    out = capsys.readouterr().out
    assert "Slag: Arbetsordningens krav." in out
    assert "kvalificerad majoritet (2/3)" in out
    assert "two_thirds_base: för_och_emot (standard)" in out
    assert main(["explain", "SC208"]) == 0
    assert "Slag: Kansliets mål." in capsys.readouterr().out


def test_meeting_pages_show_the_new_fields() -> None:
    from swecan_site.check import run_rules

    report = run_rules(load(REPO).dataset, date(2026, 11, 26))
    rendered = pages(PublicView(report))
    june = rendered["moten/2026-06-10-partnerskapet.md"]
    assert "| Mötesordförande | Ordförande för SweCan, Socialstyrelsen |" in june
    assert "Ärendet bordlades." in june
    september = rendered["moten/2026-09-03-arbetsutskottet.md"]
    assert "| Mötesordförande | Arbetsutskottets vice ordförande (Cancerfonden) |" in september
    assert "[Ä-2026-14](../arenden/a-2026-14.md)" in rendered["efterlevnad/sc406.md"]
