"""The tillgänglighetsredogörelse tells the truth about the tests (runs after the browser tests)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from swecan_site.accessibility import AUTOMATED_CRITERIA
from swecan_site.loader import load

from ..conftest import REPO
from . import test_keyboard, test_presentation
from .conftest import CRITERIA_OUTCOMES

CRITERION = re.compile(r"\b([1-4]\.[1-9]\.[0-9]{1,2})\b")


def _tested_criteria() -> set[str]:
    """The criteria that the keyboard, axe and presentation tests are marked with."""
    found: set[str] = set()
    for module in (test_keyboard, test_presentation):
        for _, function in inspect.getmembers(module, inspect.isfunction):
            for mark in getattr(function, "pytestmark", []):
                if mark.name == "wcag":
                    found.update(mark.args)
    return found


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start : end if end != -1 else None]


@pytest.fixture(scope="module")
def statement(site: Path) -> str:
    return (site / "tillganglighet" / "index.html").read_text(encoding="utf-8")


def test_every_criterion_the_statement_can_claim_has_a_test() -> None:
    assert set(AUTOMATED_CRITERIA) <= _tested_criteria()


def test_statement_claims_no_known_defect_and_lists_every_defect(statement: str) -> None:
    data = load(REPO).dataset
    assert data is not None and data.accessibility is not None
    claimed = set(CRITERION.findall(_section(statement, "testade-kriterier")))
    listed = set(CRITERION.findall(_section(statement, "kanda-brister")))
    known = data.accessibility.defect_criteria()
    assert claimed, "the statement lists no tested criteria"
    assert claimed <= _tested_criteria(), claimed - _tested_criteria()
    assert not claimed & known, f"claimed although a known defect: {claimed & known}"
    assert known <= listed, f"known defects missing under Kända brister: {known - listed}"


@pytest.mark.browser  # reads the outcomes of the browser tests that ran before it
def test_statement_claims_no_criterion_a_test_shows_failing(statement: str) -> None:
    """Uses the outcomes of the browser tests that ran earlier in this session."""
    claimed = set(CRITERION.findall(_section(statement, "testade-kriterier")))
    failing = {
        criterion: [node for node, outcome in runs if outcome == "failed"]
        for criterion, runs in CRITERIA_OUTCOMES.items()
    }
    wrong = {c: nodes for c, nodes in failing.items() if nodes and c in claimed}
    assert wrong == {}, (
        "the statement claims criteria that tests show failing; list them under "
        f"brister in content/tillganglighet.yaml: {wrong}"
    )


def test_statement_names_standard_contact_digg_and_review_date(statement: str) -> None:
    text = re.sub(r"<[^>]+>", " ", statement)
    text = " ".join(text.split())
    assert "EN 301 549" in text and "WCAG 2.2 nivå AA" in text and "WCAG 2.1" in text
    assert "Följande kriterier i WCAG 2.2" in text
    assert "2.4.11 Fokus inte skymt (minimum)" in text and "2.5.8 Målstorlek (minimum)" in text
    assert "delvis förenlig" in text  # no screen-reader review has been done
    assert "https://www.digg.se/tdosanmalan" in statement
    assert "mailto:swecan@socialstyrelsen.se" in statement
    assert "Nästa granskning är planerad till den 31 maj 2027" in text
    assert "manuell med tangentbord" in text and "automatisk" in text
