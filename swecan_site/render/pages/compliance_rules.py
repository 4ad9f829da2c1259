"""Efterlevnad: a page per rule – its text, quotes, interpretations and verdicts by year."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ... import urls
from ...check import Evaluation
from ...rules import Rule
from ...rules.base import BASIS_LABELS, Basis
from ...rules.interpretations import for_rule
from .compliance import quotes
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    per_rule = view.findings_by_rule()
    result = {}
    years_of: dict[int, list[int]] = defaultdict(list)
    for year, found in view.findings_by_year().items():
        for e in found:
            years_of[id(e)].append(year)
    for rule in view.compliance_rules():
        rows = per_rule.get(rule.id, [])
        here = urls.source(urls.rule(rule.id))
        result[here] = site.render(
            "compliance_rule.md.j2",
            here,
            rule=rule,
            basis_label=BASIS_LABELS[rule.basis],
            is_target=rule.basis is Basis.TARGET,
            quotes=quotes(site, rule),
            interpretations=_interpretations(site, rule),
            rows=rows,
            rows_by_year=_rows_by_year(rows, years_of),
            example=view.any_example,
        )
    return result


def _interpretations(site: Site, rule: Rule) -> list[dict[str, Any]]:
    """The rule's interpretations with the reading selected on the as-of date."""
    params = site.view.params(site.view.as_of)
    return [
        {
            "item": i,
            "selected": getattr(params, i.parameter),
            "selected_text": i.options[getattr(params, i.parameter)],
            "alternative": [
                (value, text) for value, text in i.options.items() if value != i.default
            ],
        }
        for i in for_rule(rule.id)
    ]


def _rows_by_year(
    rows: list[Evaluation], years_of: dict[int, list[int]]
) -> list[tuple[int, list[Evaluation]]]:
    """A rule's findings under the years PublicView.findings_by_year files them in,
    newest first (a breach over a year end under both years)."""
    years: dict[int, list[Evaluation]] = defaultdict(list)
    for e in rows:
        for year in years_of[id(e)]:
            years[year].append(e)
    return sorted(years.items(), reverse=True)
