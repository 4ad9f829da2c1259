"""Efterlevnad: the index (rules and years) and a page per year.

Verdicts come from the public view only (``findings``, ``findings_by_year``,
``meeting_findings``); the kansli's own targets are kept apart from the
verdicts on the arbetsordning on every page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from ... import deadlines, urls
from ...check import Evaluation
from ...rules import Rule, Status, SubjectKind
from ...rules.base import BASIS_LABELS, SOURCE_NAMES, Basis
from ..helpers import quote_ref
from .site import Site

GROUP_INTROS = {
    Basis.OBLIGATION: "Regler som bygger direkt på en mening i arbetsordningen, som citeras.",
    Basis.INTERPRETATION: (
        "Regler där arbetsordningen inte säger det uttryckligen. Läsningen är en "
        "dokumenterad tolkning med ett alternativ som kan väljas i swecan.yaml."
    ),
    Basis.TARGET: (
        "Mål och frister som kansliet har satt för sig självt. Arbetsordningen kräver dem "
        "inte; ett mål som inte nås är inte ett brott mot arbetsordningen."
    ),
}


def pages(site: Site) -> dict[str, str]:
    view = site.view
    per_rule = defaultdict(list, view.findings_by_rule())
    compliance_rules = view.compliance_rules()
    by_year = view.findings_by_year()
    index = urls.source(urls.COMPLIANCE)
    result = {
        index: site.render(
            "compliance_index.md.j2",
            index,
            groups=_groups(site, compliance_rules, per_rule),
            years=[_year_counts(year, rows) for year, rows in by_year.items()],
            example=view.any_example,
            deadline_days=deadlines.DEFAULT_DAYS,
        )
    }
    years = list(by_year)
    for position, (year, rows) in enumerate(by_year.items()):
        here = urls.source(urls.compliance_year(year))
        result[here] = site.render(
            "compliance_year.md.j2",
            here,
            year=year,
            current=year == view.as_of.year,
            newer=years[position - 1] if position > 0 else None,
            older=years[position + 1] if position + 1 < len(years) else None,
            example=view.any_example,
            **_year_sections(site, year, rows),
        )
    return result


def _groups(
    site: Site, compliance_rules: list[Rule], per_rule: dict[str, list[Evaluation]]
) -> list[dict[str, Any]]:
    """The index's three tables: obligations, interpretations, the kansli's targets."""
    counts = {r.id: Counter(str(e.result.status) for e in per_rule[r.id]) for r in compliance_rules}
    groups = []
    for basis, intro in GROUP_INTROS.items():
        members = [r for r in compliance_rules if r.basis is basis]
        rows: list[tuple[Rule, Counter[str], bool]] = [
            (r, counts[r.id], any(q["holds"] is False for q in quotes(site, r))) for r in members
        ]
        rows.sort(key=lambda row: -row[1]["ej uppfyllt"])  # failures first (issue 17)
        groups.append(
            {
                "basis": basis,
                "label": BASIS_LABELS[basis],
                "intro": intro,
                "rules": rows,
                "totals": Counter(str(e.result.status) for r in members for e in per_rule[r.id]),
            }
        )
    return groups


def _by_rule(rows: Iterable[Evaluation]) -> list[tuple[Rule, list[Evaluation]]]:
    """Findings grouped by rule, in rule order (the rule is named once per group)."""
    groups: dict[str, tuple[Rule, list[Evaluation]]] = {}
    for e in rows:
        groups.setdefault(e.rule.id, (e.rule, []))[1].append(e)
    return list(groups.values())


def _not_met(rows: Iterable[Evaluation], basis: Basis) -> list[tuple[Rule, list[Evaluation]]]:
    return _by_rule(e for e in rows if e.result.status is Status.NOT_MET and e.rule.basis is basis)


def _year_sections(site: Site, year: int, rows: list[Evaluation]) -> dict[str, Any]:
    """What a year's page shows: the year's breaches, missed targets, meetings
    (counted from the verdicts each meeting's page lists) and yearly verdicts."""
    judged = [e for e in rows if e.rule.basis is not Basis.TARGET]
    per_meeting = []
    for meeting in site.view.meetings():
        if meeting.date.year == year and (found := site.view.meeting_verdicts(meeting)):
            per_meeting.append((meeting, Counter(str(v.status) for v in found)))
    return {
        "failures": _not_met(judged, Basis.OBLIGATION),
        "interpretation_failures": _not_met(judged, Basis.INTERPRETATION),
        "target_misses": _not_met(rows, Basis.TARGET),
        "per_meeting": per_meeting,
        "per_year": [
            e
            for e in judged
            if e.result.subject.kind in (SubjectKind.YEAR, SubjectKind.OPERATING_YEAR)
        ],
    }


def _year_counts(year: int, rows: list[Evaluation]) -> dict[str, Any]:
    """A row of the index's year table: verdicts on the arbetsordning by status
    (counted like the meetings' rows; the kansli's targets are on the year's page)."""
    judged = (e for e in rows if e.rule.basis is not Basis.TARGET)
    return {"year": year, "counts": Counter(str(e.result.status) for e in judged)}


def quotes(site: Site, rule: Rule) -> list[dict[str, Any]]:
    """The rule's quoted sentences, and whether the text in force still has them."""
    return [
        {
            "text": q.text,
            "section": q.section,
            "source": SOURCE_NAMES[q.source],
            "ref": quote_ref(q),
            "holds": site.view.quote_holds(q),
        }
        for q in rule.quotes
    ]
