"""What is public on a date: the single publication policy.

Every output – the HTML pages (``render``), the open data (``outputs``), feeds,
calendars and through the pages the search index – reads the data only
through a :class:`PublicView`. What must never be published is decided here,
once, and nowhere else:

* content marked ``utkast: true`` (pages, arbetsordning versions, reports);
* a protocol that is not färdigställt (status ``utkast``, or its text missing),
  its decisions and verdicts on them, and the matters' evidence that comes
  with it;
* underlag marked ``offentligt: false`` (not even its title);
* the kansli's evidence behind a finding about something that is not public.

A meeting itself (date, organ, agenda, matters, attendance) is public once it
is in the data: the arbetsordning requires the kallelse and the dagordning to
be published before the meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from .accessibility import AccessibilityFile
from .check import Evaluation, Report
from .config import Config, Parameters
from .dataset import Dataset
from .deadlines import Deadline, upcoming
from .facts import Context, protocol_deadline, protocol_published, roll_on, rules_in_force
from .layout import MEETINGS_DIR
from .models import (
    BodyName,
    ContentDoc,
    Decision,
    Matter,
    Meeting,
    MeetingStatus,
    OrganisationFile,
    PageMeta,
    Partner,
    ReportMeta,
    RulesVersionMeta,
    Underlag,
)
from .problems import Kind
from .rules import REGISTRY, Rule, SubjectKind
from .rules.base import Basis, Quote
from .rules.common import quote_holds

START_PAGE = "start"


def subject_id(subject: object) -> str:
    """The id a verdict is about: a typed reference's ``id`` (kind + id), or the string."""
    return str(getattr(subject, "id", subject))


@dataclass(frozen=True)
class Asset:
    """A file published as it is (a public underlag beside its meeting page)."""

    path: str  # site-relative
    source: Path


class PublicView:
    """The public record on ``as_of``, with typed queries.

    ``base_url`` is the site's address (``site_url`` in mkdocs.yml), needed
    for absolute IRIs in open data and feeds; the HTML does not use it.
    """

    def __init__(self, report: Report, base_url: str = "") -> None:
        if report.dataset is None or report.data_errors:
            raise ValueError("only data without data errors is published")
        self._report = report
        self._deadlines: dict[int, list[Deadline]] = {}
        self._data: Dataset = report.dataset
        self.as_of: date = report.as_of
        self.base_url = base_url
        self._published = {d.id: (m, d) for m, d in self._data.decisions() if protocol_published(m)}
        self._decision_ids = {d.id for _, d in self._data.decisions()}
        self._context = Context(self._data, self.as_of)
        self._meetings_by_subject: dict[tuple[SubjectKind, str], Meeting] | None = None

    # --- configuration and facts ----------------------------------------------------

    @property
    def root(self) -> Path:
        """The data folder (the calendar reads each meeting's history from git there)."""
        return self._data.root

    @property
    def config(self) -> Config:
        return self._data.config

    def params(self, day: date) -> Parameters:
        return self._data.params(day)

    @property
    def context(self) -> Context:
        """For the shared facts (swecan_site.facts) that take a context."""
        return self._context

    @property
    def any_example(self) -> bool:
        """Whether any of the data is made-up example data (the pages say so)."""
        return (
            self._data.partners_file.example
            or self._data.organisation.example
            or any(m.example for m in self._data.meetings)
        )

    @property
    def partners_example(self) -> bool:
        return self._data.partners_file.example

    # --- partners and organisation ------------------------------------------------

    def partners(self) -> list[Partner]:
        """The whole register: current, former and upcoming partners (all public)."""
        return list(self._data.partners)

    def partner(self, partner_id: str) -> Partner | None:
        return self._data.partner(partner_id)

    def partners_current(self, day: date | None = None) -> list[Partner]:
        day = day or self.as_of
        return [p for p in self._data.partners if p.member_on(day)]

    def roll_size(self, day: date) -> int:
        return len(roll_on(self._context, day))

    @property
    def organisation(self) -> OrganisationFile:
        return self._data.organisation

    @property
    def accessibility(self) -> AccessibilityFile | None:
        """The accessibility statement's facts (content/tillganglighet.yaml), or None."""
        return self._data.accessibility

    # --- meetings, protocols, decisions ----------------------------------------------

    def meetings(self) -> list[Meeting]:
        """Every meeting in the data (planned, held, cancelled), in date order."""
        return list(self._data.meetings)

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._data.meeting(meeting_id)

    def upcoming(self, body: BodyName | None = None) -> list[Meeting]:
        return [
            m
            for m in self._data.meetings
            if m.status is MeetingStatus.PLANNED
            and m.date >= self.as_of
            and (body is None or m.body is body)
        ]

    def held(self, body: BodyName | None = None) -> list[Meeting]:
        return [
            m
            for m in self._data.meetings
            if m.status is MeetingStatus.HELD and (body is None or m.body is body)
        ]

    def protocol_published(self, meeting: Meeting) -> bool:
        return protocol_published(meeting)

    def protocol(self, meeting: Meeting) -> str | None:
        """The protocol text if it is published (färdigställt or approved), else None."""
        return meeting.protocol_text if protocol_published(meeting) else None

    def protocol_deadline(self, meeting: Meeting) -> date:
        return protocol_deadline(self._context, meeting)

    def decisions(self) -> list[tuple[Meeting, Decision]]:
        """Published decisions with their meetings, in meeting order."""
        return list(self._published.values())

    def decision(self, decision_id: str) -> tuple[Meeting, Decision] | None:
        """A published decision, or None (also when its protocol is not published)."""
        return self._published.get(decision_id)

    def decisions_by_year(self) -> dict[int, list[tuple[Meeting, Decision]]]:
        """Published decisions by the year of their meeting's date, newest year first
        (decisions in meeting order within a year)."""
        years: dict[int, list[tuple[Meeting, Decision]]] = {}
        for meeting, decision in sorted(
            self._published.values(), key=lambda md: md[0].date.year, reverse=True
        ):
            years.setdefault(meeting.date.year, []).append((meeting, decision))
        return years

    def is_published_decision(self, decision_id: str | None) -> bool:
        return decision_id is not None and decision_id in self._published

    def meeting_decisions(self, meeting: Meeting) -> list[Decision]:
        """The meeting's decisions if its protocol is published, else none."""
        return list(meeting.decisions) if protocol_published(meeting) else []

    def matters(self, meeting: Meeting) -> list[Matter]:
        return list(meeting.matters)

    def find_matter(self, matter_id: str) -> tuple[Meeting, Matter] | None:
        for meeting in self._data.meetings:
            found = meeting.matter(matter_id)
            if found is not None:
                return meeting, found
        return None

    def public_underlag(self, matter: Matter) -> list[Underlag]:
        return [d for d in matter.documents if d.public]

    def hidden_underlag_count(self, matter: Matter) -> int:
        """How many underlag are not public (the pages say so; nothing else is shown)."""
        return sum(1 for d in matter.documents if not d.public)

    def assets(self) -> list[Asset]:
        """Public underlag in a meeting folder, published unchanged beside the meeting page.

        SC025 has checked that each exists inside its folder.
        """
        result = []
        for meeting in self._data.meetings:
            folder = self._data.root / MEETINGS_DIR / meeting.meeting_id
            for matter in meeting.matters:
                for doc in self.public_underlag(matter):
                    if doc.url and doc.is_relative:
                        result.append(
                            Asset(f"moten/{meeting.meeting_id}/{doc.url}", folder / doc.url)
                        )
        return result

    # --- content ---------------------------------------------------------------------

    def pages(self) -> dict[str, ContentDoc[PageMeta]]:
        """Published content pages by slug (the start page included)."""
        return {d.slug: d for d in self._data.pages if not d.meta.draft}

    def rules_versions(self) -> list[ContentDoc[RulesVersionMeta]]:
        """Published arbetsordning versions, oldest first (future ones included)."""
        docs = [d for d in self._data.rules_versions if not d.meta.draft]
        return sorted(docs, key=lambda d: d.meta.in_force)

    def current_rules(self) -> ContentDoc[RulesVersionMeta]:
        """The version in force on ``as_of`` (SC201 guarantees one)."""
        doc = rules_in_force(self._data, self.as_of)
        assert doc is not None
        return doc

    def rules_status(self, doc: ContentDoc[RulesVersionMeta]) -> str:
        """'gällande', 'kommande' or 'upphävd' on ``as_of``."""
        if doc is self.current_rules():
            return "gällande"
        if doc.meta.in_force > self.as_of:
            return "kommande"
        return "upphävd"

    def reports(self) -> list[ContentDoc[ReportMeta]]:
        """Published reports, newest first."""
        return sorted(
            (d for d in self._data.reports if not d.meta.draft),
            key=lambda d: (d.meta.year, str(d.meta.kind)),
            reverse=True,
        )

    # --- compliance ------------------------------------------------------------------

    def compliance_rules(self) -> list[Rule]:
        return [r for r in REGISTRY if r.kind is Kind.COMPLIANCE]

    def _subject_public(self, subject: object) -> bool:
        """A verdict on a decision is public only with the protocol that publishes it."""
        ident = subject_id(subject)
        return ident in self._published or ident not in self._decision_ids

    def quote_holds(self, quote: Quote) -> bool | None:
        """Whether a rule's quoted sentence is in the text in force (None: no text)."""
        return quote_holds(self._data, quote, self.as_of)

    def findings(self) -> list[Evaluation]:
        """Every compliance verdict that may be published, in rule order."""
        return list(self._findings)

    @cached_property
    def _findings(self) -> tuple[Evaluation, ...]:
        return tuple(
            e
            for e in self._report.evaluations
            if e.rule.kind is Kind.COMPLIANCE and self._subject_public(e.result.subject)
        )

    @cached_property
    def _findings_by_subject(self) -> dict[object, list[int]]:
        """Positions in findings() by subject, under both the typed reference and its id."""
        index: dict[object, list[int]] = {}
        for position, evaluation in enumerate(self._findings):
            subject = evaluation.result.subject
            keys = {subject, subject_id(subject)}
            for key in keys:
                index.setdefault(key, []).append(position)
        return index

    def findings_for(self, subjects: Iterable[object]) -> list[Evaluation]:
        """Verdicts on the arbetsordning (obligations and interpretations) about subjects
        (typed references, or ids), in rule order."""
        index = self._findings_by_subject
        positions = sorted({p for s in set(subjects) for p in index.get(s, ())})
        return [
            e for e in (self._findings[p] for p in positions) if e.rule.basis is not Basis.TARGET
        ]

    def finding_year(self, evaluation: Evaluation) -> int | None:
        """The year a finding belongs to, from typed data only – the one place this is decided.

        * about a meeting, or a decision or matter of one: the year of the meeting's date;
        * about a calendar year (``SubjectRef.year``): that year;
        * otherwise, when the obligation has a date it falls due (``Result.due``:
          a report, a §9 review, an operating year): the year of that date;
        * otherwise None: a finding about the current state (a partner, a sector,
          a role, a mandate, a document); :meth:`findings_by_year` files it under
          the as-of year, whose page says that it holds the current state too.
        """
        subject = evaluation.result.subject
        kind = getattr(subject, "kind", None)
        ident = subject_id(subject)
        if kind in (SubjectKind.MEETING, SubjectKind.DECISION, SubjectKind.MATTER):
            meeting = self._meeting_of().get((kind, ident))
            if meeting is not None:
                return meeting.date.year
        if kind is SubjectKind.YEAR and ident.isdigit():
            return int(ident)  # SubjectRef.year(int) writes the calendar year as the id
        if evaluation.result.due is not None:
            return evaluation.result.due.year
        return None

    def findings_by_year(self) -> dict[int, list[Evaluation]]:
        """Every public finding under the year it belongs to (:meth:`finding_year`),
        newest year first, in rule order within a year. A finding about the current
        state (no year of its own) is filed under the as-of year, so it is shown
        with what is happening now; nothing is left out."""
        years: dict[int, list[Evaluation]] = {}
        for evaluation in self.findings():
            year = self.finding_year(evaluation)
            years.setdefault(self.as_of.year if year is None else year, []).append(evaluation)
        return dict(sorted(years.items(), reverse=True))

    def _meeting_of(self) -> dict[tuple[SubjectKind, str], Meeting]:
        """(kind, id) of a meeting, decision or matter -> its meeting (built once)."""
        if self._meetings_by_subject is None:
            found: dict[tuple[SubjectKind, str], Meeting] = {}
            for meeting in self._data.meetings:
                found[(SubjectKind.MEETING, meeting.meeting_id)] = meeting
                for decision in meeting.decisions:
                    found[(SubjectKind.DECISION, decision.id)] = meeting
                for matter in meeting.matters:
                    found.setdefault((SubjectKind.MATTER, matter.id), meeting)
            self._meetings_by_subject = found
        return self._meetings_by_subject

    def deadlines(self, days: int) -> list[Deadline]:
        """Obligations falling due within ``days``, without those about unpublished decisions.

        Computed once per window: the page and its calendar both read it.
        """
        if days not in self._deadlines:
            self._deadlines[days] = [
                d for d in upcoming(self._report, days) if self._subject_public(d.subject)
            ]
        return self._deadlines[days]

    def meeting_subjects(self, meeting: Meeting) -> Iterator[str]:
        """What a meeting's verdicts are about: the meeting, and with a published
        protocol its decisions and matters."""
        yield meeting.meeting_id
        if protocol_published(meeting):
            yield from (d.id for d in meeting.decisions)
            yield from (m.id for m in meeting.matters)
