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
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ..dates import sv_date
from ..facts import Context  # rules receive it; defined with the facts it serves
from ..problems import Kind, Location, Severity
from ..timeline import Period


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


class SubjectKind(StrEnum):
    """What a verdict is about; outputs select by kind, never by parsing text."""

    MEETING = "meeting"
    DECISION = "decision"
    MATTER = "matter"
    PARTNER = "partner"
    YEAR = "year"  # a calendar year
    OPERATING_YEAR = "operating_year"  # a verksamhetsår (1, 2, ...)
    SECTOR = "sector"
    BODY = "body"  # partnerskapet, arbetsutskottet
    ROLE = "role"  # a chair or vice-chair role of a body
    MANDATE = "mandate"  # one mandate (term) in organisation.yaml
    RULES_VERSION = "rules_version"  # an arbetsordning version
    DOCUMENT = "document"  # a §7 document (partnerförteckning, arbetsordning, rapport)
    FILE = "file"  # a data file (privacy rules)
    QUOTE = "quote"  # a sentence the rule quotes
    REPORT = "report"  # an annual report or verksamhetsberättelse for a year
    REVIEW = "review"  # a §9 review window (id: the date it began)


@dataclass(frozen=True)
class SubjectRef:
    """A typed reference to what a verdict is about.

    ``id`` is the permanent id of the subject (a meeting folder name, a
    decision id, a partner id, a year); ``label`` is the Swedish text shown
    where the id alone would not say what it is (``verksamhetsår 1``). ``str()``
    gives the text the JSON output has always carried as ``subject``.
    """

    kind: SubjectKind
    id: str
    label: str = field(default="", compare=False)

    def __str__(self) -> str:
        return self.label or self.id

    @classmethod
    def meeting(cls, meeting_id: str) -> SubjectRef:
        return cls(SubjectKind.MEETING, meeting_id)

    @classmethod
    def decision(cls, decision_id: str) -> SubjectRef:
        return cls(SubjectKind.DECISION, decision_id)

    @classmethod
    def matter(cls, matter_id: str) -> SubjectRef:
        return cls(SubjectKind.MATTER, matter_id)

    @classmethod
    def partner(cls, partner_id: str) -> SubjectRef:
        return cls(SubjectKind.PARTNER, partner_id)

    @classmethod
    def year(cls, year: int) -> SubjectRef:
        return cls(SubjectKind.YEAR, str(year))

    @classmethod
    def operating_year(cls, number: int) -> SubjectRef:
        return cls(SubjectKind.OPERATING_YEAR, str(number), f"verksamhetsår {number}")

    @classmethod
    def sector(cls, name: str) -> SubjectRef:
        return cls(SubjectKind.SECTOR, name)

    @classmethod
    def body(cls, name: str) -> SubjectRef:
        return cls(SubjectKind.BODY, name)

    @classmethod
    def role(cls, name: str) -> SubjectRef:
        return cls(SubjectKind.ROLE, name)

    @classmethod
    def mandate(cls, name: str) -> SubjectRef:
        return cls(SubjectKind.MANDATE, name)

    @classmethod
    def rules_version(cls, version: str) -> SubjectRef:
        return cls(SubjectKind.RULES_VERSION, version, f"arbetsordning {version}")

    @classmethod
    def document(cls, name: str) -> SubjectRef:
        return cls(SubjectKind.DOCUMENT, name)

    @classmethod
    def file(cls, path: str) -> SubjectRef:
        return cls(SubjectKind.FILE, path)

    @classmethod
    def report(cls, year: int, kind: str) -> SubjectRef:
        return cls(SubjectKind.REPORT, f"{year}-{kind}", f"{kind} {year}")

    @classmethod
    def review(cls, since: date) -> SubjectRef:
        return cls(SubjectKind.REVIEW, since.isoformat(), f"översyn efter {sv_date(since)}")


@dataclass(frozen=True)
class Result:
    """One verdict. ``due`` is the date the obligation falls due: for a pending
    result the date it must be met by; for a met or failed deadline the
    deadline itself where the rule has one (None for rules without a date).

    ``period`` is the days the verdict covers, for rules judged over time
    (:mod:`swecan_site.timeline`): a breach from its first to its last day
    (running while not remedied), or the days found in order. The verdict is
    filed under every year the period touches."""

    subject: SubjectRef
    status: Status
    message: str
    location: Location
    due: date | None = None
    period: Period | None = None


def met(
    subject: SubjectRef,
    message: str,
    location: Location,
    due: date | None = None,
    *,
    period: Period | None = None,
) -> Result:
    return Result(subject, Status.MET, message, location, due, period)


def failed(
    subject: SubjectRef,
    message: str,
    location: Location,
    due: date | None = None,
    *,
    period: Period | None = None,
) -> Result:
    return Result(subject, Status.NOT_MET, message, location, due, period)


def pending(
    subject: SubjectRef,
    message: str,
    location: Location,
    due: date | None = None,
    *,
    period: Period | None = None,
) -> Result:
    return Result(subject, Status.PENDING, message, location, due, period)


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
