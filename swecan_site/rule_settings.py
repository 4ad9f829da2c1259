"""A rule's settings in force: its severity and parameters as ``swecan.yaml`` sets them.

``swecan-site explain`` prints them (issue 20: it showed the defaults only). The
severity comes from the same function the check uses
(:func:`swecan_site.check.configured_severities`), the parameter values from the
version in force on the date asked about (:meth:`Config.params_at`). Which
parameters a rule uses is what its documentation names: each rule's Swedish
docstring says "(parametern notice_days)", and its interpretations name theirs;
tests/test_rule_settings.py checks that every parameter a rule's code reads is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from .check import configured_severities
from .config import Config, Parameters
from .loader import Loader
from .problems import Location, Problem, Severity
from .rules.base import Rule
from .rules.interpretations import for_rule

_DEFAULTS = Parameters()


@dataclass(frozen=True)
class Setting:
    """One parameter of a rule: the value in force, the arbetsordning's default, and
    since when (the ``in_force_from`` of the version that set it; None: never changed)."""

    name: str
    value: Any
    default: Any
    since: date | None
    description: str
    later: tuple[tuple[date, Any], ...] = ()  # versions after the date that change it

    @property
    def changed(self) -> bool:
        return bool(self.value != self.default)


@dataclass(frozen=True)
class RuleSettings:
    severity: Severity
    default_severity: Severity
    severity_at: Location | None  # the line in swecan.yaml that sets it
    parameters: tuple[Setting, ...]


def parameter_names(rule: Rule) -> list[str]:
    """The parameters ``rule`` uses, in the order Parameters declares them."""
    named = {i.parameter for i in for_rule(rule.id)}
    text = rule.explanation
    return [
        name
        for name in Parameters.model_fields
        if name in named or re.search(rf"\b{re.escape(name)}\b", text)
    ]


def read_config(root: Path) -> tuple[Config, list[Problem]]:
    """``swecan.yaml`` under ``root`` (the defaults, and its problems, if it cannot be read)."""
    loader = Loader(root)
    config = loader.load_config()
    return (config or Config()), loader.problems


def settings(rule: Rule, config: Config, day: date) -> RuleSettings:
    severities, _problems = configured_severities(config)
    severity = severities[rule.id]
    where = config.severity_locations.get(rule.id) if severity is not rule.severity else None
    in_force = config.params_at(day)
    parameters = []
    for name in parameter_names(rule):
        value = getattr(in_force, name)
        since = _set_since(config, name, day)
        later = tuple(
            (start, getattr(params, name))
            for start, params in config.versions
            if start > day and getattr(params, name) != value
        )
        field = Parameters.model_fields[name]
        parameters.append(
            Setting(
                name,
                value,
                getattr(_DEFAULTS, name),
                since,
                field.description or "",
                _first_changes(later),
            )
        )
    return RuleSettings(severity, rule.severity, where, tuple(parameters))


def _set_since(config: Config, name: str, day: date) -> date | None:
    """The first day of the run of versions up to ``day`` that gave ``name`` its value."""
    since, value = None, getattr(_DEFAULTS, name)
    for start, params in config.versions:
        if start > day:
            break
        if getattr(params, name) != value:
            since, value = start, getattr(params, name)
    return since


def _first_changes(later: Iterable[tuple[date, Any]]) -> tuple[tuple[date, Any], ...]:
    """Each change once: consecutive versions with the same value are one change."""
    result: list[tuple[date, Any]] = []
    for start, value in later:
        if not result or result[-1][1] != value:
            result.append((start, value))
    return tuple(result)


def shown(value: Any) -> str:
    """A parameter value as swecan.yaml would spell it."""
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


__all__ = ["RuleSettings", "Setting", "parameter_names", "read_config", "settings", "shown"]
