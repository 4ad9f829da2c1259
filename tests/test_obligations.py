"""Issue 16, item 3: what the new obligations leave unjudged (no verdict at all).

tests/cases/obligations.yaml holds the failing and passing cases; a case can
only say that a rule reports nothing *and* judged something, so the rules'
"bedöms inte" (not recorded, not a change) is asserted here.
"""

from __future__ import annotations

from datetime import date

from swecan_site.cli import main

from .conftest import DataRepo

MEETING = "meetings/2026-10-01-partnerskapet/mote.yaml"


def _subjects(report, rule_id: str) -> set[str]:
    return {str(e.result.subject) for e in report.evaluations if e.rule.id == rule_id}


def test_unrecorded_decisions_and_appointments_are_not_judged(repo: DataRepo) -> None:
    report = repo.check()
    # The shipped extra meeting has no beslutat_av; the shipped chairs are year-1 terms.
    assert not _subjects(report, "SC308")
    assert not _subjects(report, "SC607")
    # No partner joined from year 2, so none has a nomination to judge.
    assert not _subjects(report, "SC507")


def test_adopting_the_first_version_is_not_a_change(repo: DataRepo) -> None:
    subjects = _subjects(repo.check(), "SC407")
    assert "B-2026-02" not in subjects  # adopts version 1.0
    assert "B-2026-09" in subjects  # changes it (version 1.1)


def test_a_change_decision_without_a_matter_is_not_judged(repo: DataRepo) -> None:
    repo.replace(MEETING, "    ärende: Ä-2026-09\n    typ: arbetsordning", "    typ: arbetsordning")
    assert "B-2026-09" not in _subjects(repo.check(), "SC407")


def test_a_missing_nomination_step_is_neither_met_nor_failed(repo: DataRepo) -> None:
    repo.replace(
        "partners.yaml",
        "    inbjuden: 2026-08-18\n",
        "    inbjuden: 2026-08-18\n\n  - id: cancerforeningen-test\n    namn: Test\n"
        "    sektor: civilsamhälle\n    ansluten: 2027-01-15\n    avsiktsförklaring: 2027-01-10\n"
        "    nominering:\n      offentlig_inbjudan: 2026-08-01\n      kandidatlista: 2026-10-01\n",
    )
    assert not _subjects(repo.check(date(2027, 2, 1)), "SC507")


def test_explain_prints_the_new_rules_documentation(capsys) -> None:
    assert main(["explain", "SC308"]) == 0
    out = capsys.readouterr().out
    assert "SweCans ordförande beslutar om extrainsatta sammanträden." in out
    assert "Vad:" in out and "bedöms inte" in out
    assert "extra_meeting_vice: ersätter (standard)" in out
