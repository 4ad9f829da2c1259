"""The rule registry: every rule is complete, documented and tested."""

from __future__ import annotations

import re

import pytest

from swecan_site.problems import Kind, Severity
from swecan_site.rules import AREAS, BY_ID, REGISTRY
from swecan_site.rules.base import Basis

from .test_cases import CASES

ID = re.compile(r"SC\d{3}")
NAME = re.compile(r"[a-zåäö0-9]+(-[a-zåäö0-9]+)*")


def test_ids_are_well_formed_and_unique() -> None:
    ids = [r.id for r in REGISTRY]
    assert all(ID.fullmatch(i) for i in ids), ids
    assert len(ids) == len(set(ids))
    assert len(BY_ID) == len(REGISTRY)


def test_names_are_unique_kebab_case() -> None:
    names = [r.name for r in REGISTRY]
    assert all(NAME.fullmatch(n) for n in names), names
    assert len(names) == len(set(names))


# Data rules that only warn: the output already makes the value safe (SC033: the CSV
# files neutralise a formula-like value; SC039: a [FYLL I: …] marker is text to finish,
# which `check --strict` stops), so the kansli is told but publishing goes on.
DATA_WARNINGS = {"SC033", "SC039"}


def test_a_data_warning_does_not_stop_publication(repo) -> None:
    repo.replace("partners.yaml", "    namn: Region Uppsala\n", '    namn: "-Region Uppsala"\n')
    report = repo.check()
    assert [p.rule for p in report.problems if p.kind is Kind.DATA] == ["SC033"]
    assert report.data_errors == [] and report.exit_code() == 0


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.id)
def test_rule_is_documented(rule) -> None:
    assert rule.summary and rule.summary[0].isupper()
    assert rule.area in AREAS
    for part in ("Vad:", "Varför:", "Åtgärd:"):
        assert part in rule.explanation, f"{rule.id} lacks '{part}'"
    if rule.kind is Kind.COMPLIANCE:
        assert rule.section and rule.section != "–", f"{rule.id} has no § citation"
        if rule.basis is Basis.TARGET:  # the kansli's own targets: info unless set otherwise
            assert rule.severity in (Severity.INFO, Severity.WARNING)
        else:
            assert rule.severity in (Severity.WARNING, Severity.ERROR)
    elif rule.id in DATA_WARNINGS:  # reported at the source, does not stop the build
        assert rule.severity is Severity.WARNING
    else:
        assert rule.severity is Severity.ERROR


def _cases_for(rule_id: str) -> tuple[list, list]:
    failing = [c for c in CASES if any(e["rule"] == rule_id for e in c.get("expect", []))]
    passing = [c for c in CASES if rule_id in c.get("pass", [])]
    return failing, passing


# Obligations without a deadline in the arbetsordning can never be 'ej uppfyllt':
# they stay 'ej avgjort' until met (tests/test_verdicts.py asserts that status).
NEVER_BREACHED = {"SC204"}


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.id)
def test_rule_has_failing_and_passing_cases(rule) -> None:
    failing, passing = _cases_for(rule.id)
    assert failing or rule.id in NEVER_BREACHED, f"{rule.id} has no failing case in tests/cases"
    if rule.check is not None:  # file rules pass whenever the shipped data loads
        assert passing, f"{rule.id} has no passing case in tests/cases"


def test_bad_input_corpus_is_large_enough() -> None:
    corpus = [c for c in CASES if c["_source"] == "bad_input" and c.get("expect")]
    assert len(corpus) >= 30
