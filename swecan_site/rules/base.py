"""What a rule is, and what it yields.

A rule is a function decorated with :func:`rule`. Its docstring is the rule's
documentation in Swedish, in three parts (what, why, how to fix); the CLI's
``explain`` and the website print it. The function receives a
:class:`Context` and yields :class:`Result` items: one per subject it judged
(a meeting, a decision, a year, a partner), met or not, with the evidence.
Data rules (``Kind.DATA``) only need to yield what is wrong.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..config import Parameters
from ..loader import Dataset
from ..models import Partner
from ..problems import Kind, Location, Severity


class Status(StrEnum):
    MET = "uppfyllt"
    NOT_MET = "ej uppfyllt"
    PENDING = "ej avgjort"


@dataclass(frozen=True)
class Result:
    subject: str
    status: Status
    message: str
    location: Location


def met(subject: str, message: str, location: Location) -> Result:
    return Result(subject, Status.MET, message, location)


def failed(subject: str, message: str, location: Location) -> Result:
    return Result(subject, Status.NOT_MET, message, location)


def pending(subject: str, message: str, location: Location) -> Result:
    return Result(subject, Status.PENDING, message, location)


@dataclass
class Context:
    data: Dataset
    as_of: date

    def params(self, day: date) -> Parameters:
        """The rule parameters in force on ``day``."""
        return self.data.params(day)

    def members_on(self, day: date) -> list[Partner]:
        return [p for p in self.data.partners if p.member_on(day)]


Check = Callable[[Context], Iterable[Result]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    section: str
    kind: Kind
    severity: Severity
    summary: str
    check: Check | None
    area: str
    doc: str = ""  # file rules' documentation; check functions carry theirs as a docstring

    @property
    def explanation(self) -> str:
        """The Swedish documentation: what, why, how to fix."""
        return inspect.cleandoc(self.check.__doc__ or "") if self.check else self.doc


def rule(
    id: str,
    name: str,
    section: str,
    summary: str,
    *,
    kind: Kind = Kind.COMPLIANCE,
    severity: Severity | None = None,
) -> Callable[[Check], Rule]:
    """Turn a check function into a Rule; its module name is the rule's area."""

    def wrap(func: Check) -> Rule:
        default = severity or (Severity.ERROR if kind is Kind.DATA else Severity.WARNING)
        area = func.__module__.rsplit(".", 1)[-1]
        return Rule(id, name, section, kind, default, summary, func, area)

    return wrap


def file_rule(id: str, name: str, summary: str, doc: str) -> Rule:
    """A data rule enforced while reading files (by the loader, not by a check)."""
    return Rule(
        id, name, "", Kind.DATA, Severity.ERROR, summary, None, "files", inspect.cleandoc(doc)
    )
