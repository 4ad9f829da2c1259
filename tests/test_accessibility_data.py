"""content/tillganglighet.yaml: located errors for bad input, an honest status."""

from __future__ import annotations

from swecan_site.check import check

from .conftest import AS_OF

FILE = "content/tillganglighet.yaml"


def _problems(repo, old: str, new: str):
    repo.replace(FILE, old, new)
    return [p for p in check(repo.root, AS_OF).data_errors if p.location.file == FILE]


def test_a_bad_fix_date_is_reported_at_its_line(repo) -> None:
    problems = _problems(repo, "åtgärdas_senast: 2027-03-31", "åtgärdas_senast: 2027-02-30")
    assert problems, "no problem reported"
    line = repo.line_of(FILE, "2027-02-30")
    assert (problems[0].rule, problems[0].location.line) == ("SC012", line)


def test_a_malformed_criterion_is_reported_at_its_line(repo) -> None:
    problems = _problems(repo, 'kriterium: "4.1.2"', 'kriterium: "4.1"')
    line = repo.line_of(FILE, 'kriterium: "4.1"')
    assert [(p.rule, p.location.line) for p in problems] == [("SC012", line)]


def test_claiming_full_conformance_without_a_screen_reader_review_is_an_error(repo) -> None:
    problems = _problems(repo, "förenlighet: delvis förenlig", "förenlighet: förenlig")
    assert problems and all(p.rule == "SC010" for p in problems)
    assert any("förenlig" in p.message for p in problems)


def test_an_unknown_key_gets_a_suggestion(repo) -> None:
    problems = _problems(repo, "nästa_granskning:", "nasta_granskning:")
    assert any(p.rule == "SC011" and "nästa_granskning" in p.message for p in problems)
