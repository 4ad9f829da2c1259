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
from enum import StrEnum

from ..facts import Context  # rules receive it; defined with the facts it serves
from ..problems import Kind, Location, Severity


class Basis(StrEnum):
    """What a rule's verdict rests on (shown on the Efterlevnad pages)."""

    OBLIGATION = "krav"
    INTERPRETATION = "tolkning"
    TARGET = "mål"

    @property
    def label(self) -> str:
        return BASIS_LABELS[self]


BASIS_LABELS = {
    Basis.OBLIGATION: "Arbetsordningens krav",
    Basis.INTERPRETATION: "Tolkning",
    Basis.TARGET: "Kansliets mål",
}

ARBETSORDNING = "arbetsordning"
UTGANGSPUNKTER = "utgångspunkter"
SOURCE_NAMES = {
    ARBETSORDNING: "Arbetsordningen",
    UTGANGSPUNKTER: "Utgångspunkter för samverkan (bilaga 2)",
}


@dataclass(frozen=True)
class Quote:
    """A sentence quoted verbatim from the arbetsordning (or from Bilaga 2).

    The text must be a substring of the source after collapsing whitespace;
    a test checks it against content/, and the pages say when the version
    in force no longer contains it.
    """

    text: str
    section: str
    source: str = ARBETSORDNING


def ao(section: str, text: str) -> Quote:
    return Quote(" ".join(text.split()), section)


def bilaga2(section: str, text: str) -> Quote:
    return Quote(" ".join(text.split()), section, UTGANGSPUNKTER)


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
    basis: Basis = Basis.OBLIGATION
    quotes: tuple[Quote, ...] = ()

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
    basis: Basis = Basis.OBLIGATION,
    quotes: tuple[Quote, ...] = (),
) -> Callable[[Check], Rule]:
    """Turn a check function into a Rule; its module name is the rule's area.

    ``basis`` says what the verdict rests on: an obligation of the
    arbetsordning (then ``quotes`` holds the sentence(s) it rests on), a
    documented interpretation, or a target the kansli sets for itself.
    """

    def wrap(func: Check) -> Rule:
        if severity is not None:
            default = severity
        elif kind is Kind.DATA:
            default = Severity.ERROR
        elif basis is Basis.TARGET:
            default = Severity.INFO
        else:
            default = Severity.WARNING
        area = func.__module__.rsplit(".", 1)[-1]
        return Rule(
            id, name, section, kind, default, summary, func, area, basis=basis, quotes=quotes
        )

    return wrap


def file_rule(id: str, name: str, summary: str, doc: str) -> Rule:
    """A data rule enforced while reading files (by the loader, not by a check)."""
    return Rule(
        id, name, "", Kind.DATA, Severity.ERROR, summary, None, "files", inspect.cleandoc(doc)
    )
