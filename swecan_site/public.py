"""What is public on a date: the public record and the verdicts on it.

:class:`PublicView` is what every page and output reads. The records
(meetings, decisions, partners, content, ``report_public``) are
:class:`~swecan_site.public_record.PublicRecord`'s; this module adds what a
verdict may be about – :meth:`PublicView.subject_public`, one rule per
subject kind – and the verdicts and deadlines that pass it, filed by year
and by rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from .check import Evaluation, Report
from .deadlines import Deadline, upcoming
from .facts import protocol_published
from .layout import MEETING_FILE, MEETINGS_DIR
from .matters import Consultation, Event, MatterRecord, MatterStatus, Role, matters, status_on
from .models import Meeting, MeetingStatus
from .problems import Kind
from .public_history import PublicHistory
from .public_record import START_PAGE, Asset, PublicRecord, SectorGroup, subject_id
from .rules import REGISTRY, Rule, Status, SubjectKind, SubjectRef
from .rules.base import Basis, Quote
from .rules.common import quote_holds

__all__ = ["START_PAGE", "Asset", "PublicView", "RuleVerdict", "SectorGroup", "subject_id"]


STATUS_WEIGHT = {Status.NOT_MET: 0, Status.PENDING: 1, Status.MET: 2}


@dataclass(frozen=True)
class RuleVerdict:
    """One rule's verdicts on one meeting (the meeting, its decisions, its matters)."""

    rule: Rule
    findings: tuple[Evaluation, ...]

    @property
    def status(self) -> Status:
        """The rule's outcome for the meeting: not met if any verdict is, else pending
        if any is, else met."""
        return min((e.result.status for e in self.findings), key=STATUS_WEIGHT.__getitem__)

    def lines(self) -> list[tuple[list[SubjectRef], str]]:
        """Each distinct message once, with the subjects it is about (in order)."""
        lines: dict[str, list[SubjectRef]] = {}
        for e in self.findings:
            lines.setdefault(e.result.message, []).append(e.result.subject)
        return [(subjects, message) for message, subjects in lines.items()]


class PublicView(PublicRecord):
    """The public record on ``as_of`` with the verdicts that may be published.

    ``base_url`` is the site's address (``site_url`` in mkdocs.yml), needed
    for absolute IRIs in open data and feeds; the HTML does not use it.
    """

    def __init__(self, report: Report, base_url: str = "") -> None:
        super().__init__(report, base_url)
        self._deadlines: dict[int, list[Deadline]] = {}

    @cached_property
    def history(self) -> PublicHistory:
        """The record's history as the site may publish it (public_history.py)."""
        return PublicHistory(self)

    # --- what a verdict may be about ------------------------------------------------

    def subject_public(self, subject: SubjectRef) -> bool:
        """Whether a verdict or a deadline about ``subject`` may be published – the one
        rule per subject kind:

        * a decision: only with the protocol that publishes it;
        * a matter: its verdicts rest on what the meeting decided, so once its
          meeting is held they wait for that meeting's protocol (before the
          meeting, the agenda and its matters are public);
        * everything else (meetings, partners, years, roles, reports …) is public.
        """
        if subject.kind is SubjectKind.DECISION:
            return subject.id in self._published
        if subject.kind is SubjectKind.MATTER:
            return self._rests_on_public(self._meeting_of.get((SubjectKind.MATTER, subject.id)))
        return True

    @staticmethod
    def _rests_on_public(meeting: Meeting | None) -> bool:
        """Whether what a meeting decided may be shown: before it is held, or with its
        protocol."""
        return not (
            meeting is not None
            and meeting.status is MeetingStatus.HELD
            and not protocol_published(meeting)
        )

    def evaluation_public(self, evaluation: Evaluation) -> bool:
        """:meth:`subject_public` for one verdict. A matter is handled by several
        meetings: its verdict rests on the meeting whose file it points at (SC406 on
        the agenda item of 10 June, not on the later meeting that took it up again),
        else on the meeting that defines the matter."""
        subject = evaluation.result.subject
        if subject.kind is SubjectKind.MATTER:
            at = self._meeting_of_file.get(evaluation.result.location.file)
            if at is not None:
                return self._rests_on_public(at)
        return self.subject_public(subject)

    @cached_property
    def _meeting_of_file(self) -> dict[str, Meeting]:
        return {f"{MEETINGS_DIR}/{m.meeting_id}/{MEETING_FILE}": m for m in self._data.meetings}

    # --- matters: their course as far as it is public ---------------------------------

    def matter_records(self) -> list[MatterRecord]:
        """Every matter (all are public: they stand in the meetings' files), newest first."""
        return matters(self._data).all()

    def matter_record(self, matter_id: str) -> MatterRecord | None:
        return matters(self._data).get(matter_id)

    def matters_at(self, meeting: Meeting) -> list[MatterRecord]:
        """The matters a meeting handled: defined there, on its agenda or decided there."""
        return matters(self._data).at(meeting)

    def outcome_public(self, meeting: Meeting) -> bool:
        """Whether a meeting's outcome for its matters (decided, tabled, prepared …) is
        public: not before it is held, and then only with its protocol."""
        return meeting.status is MeetingStatus.HELD and protocol_published(meeting)

    def matter_events(self, record: MatterRecord) -> list[Event]:
        """The matter's course as the site may show it on the as-of date: an outcome of
        a meeting only with that meeting's protocol; the agendas (published before
        the meetings) and what the matter's file states always."""
        return [
            e
            for e in record.events()
            if (not e.needs_protocol or (e.meeting is not None and self.outcome_public(e.meeting)))
            and (e.document is None or e.document.public)  # not even its title (§7, SC803)
        ]

    def matter_status(self, record: MatterRecord) -> MatterStatus:
        return status_on(self.matter_events(record), self.as_of)

    def consultation_role(self, consultation: Consultation) -> Role:
        return consultation.role(outcome_public=self.outcome_public(consultation.meeting))

    def meeting_subjects(self, meeting: Meeting) -> Iterator[SubjectRef]:
        """What a meeting's verdicts are about: the meeting, its decisions and its
        matters, as far as :meth:`subject_public` lets them be shown."""
        yield SubjectRef.meeting(meeting.meeting_id)
        for subject in (
            *(SubjectRef.decision(d.id) for d in meeting.decisions),
            *(SubjectRef.matter(r.id) for r in self.matters_at(meeting)),
        ):
            if self.subject_public(subject):
                yield subject

    @cached_property
    def _meeting_of(self) -> dict[tuple[SubjectKind, str], Meeting]:
        """(kind, id) of a meeting, decision or matter -> its meeting."""
        found: dict[tuple[SubjectKind, str], Meeting] = {}
        for meeting in self._data.meetings:
            found[(SubjectKind.MEETING, meeting.meeting_id)] = meeting
            for decision in meeting.decisions:
                found[(SubjectKind.DECISION, decision.id)] = meeting
            for matter in meeting.matters:
                found.setdefault((SubjectKind.MATTER, matter.id), meeting)
        return found

    # --- compliance ------------------------------------------------------------------

    def compliance_rules(self) -> list[Rule]:
        return [r for r in REGISTRY if r.kind is Kind.COMPLIANCE]

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
            if e.rule.kind is Kind.COMPLIANCE and self.evaluation_public(e)
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

    def finding_years(self, evaluation: Evaluation) -> tuple[int, ...]:
        """The years a finding belongs to, from typed data only – the one place this is
        decided.

        * about a meeting, or a decision or matter of one: the year of the meeting's date;
        * judged over a period (``Result.period``: a breach of the AU's composition,
          a vacant chair): every year the period touches, so a breach over a year end
          stays on both years' pages after it is remedied;
        * about a calendar year (``SubjectRef.year``): that year;
        * otherwise, when the obligation has a date it falls due (``Result.due``:
          a report, a §9 review, an operating year): the year of that date;
        * otherwise none: a finding about the current state (a partner, a sector,
          a role, a mandate, a document); :meth:`findings_by_year` files it under
          the as-of year, whose page says that it holds the current state too.
        """
        result = evaluation.result
        subject = result.subject
        kind = subject.kind
        if kind in (SubjectKind.MEETING, SubjectKind.DECISION, SubjectKind.MATTER):
            meeting = self._meeting_of.get((kind, subject.id))
            if meeting is not None:
                return (meeting.date.year,)
        if result.period is not None:
            return tuple(result.period.years(self.as_of))
        if kind is SubjectKind.YEAR and subject.id.isdigit():
            return (int(subject.id),)  # SubjectRef.year(int) writes the calendar year as the id
        if result.due is not None:
            return (result.due.year,)
        return ()

    def findings_by_year(self) -> dict[int, list[Evaluation]]:
        """Every public finding under the years it belongs to (:meth:`finding_years`),
        newest year first, in rule order within a year. A finding about the current
        state (no year of its own), or due in a later year, is filed under the as-of
        year, so it is shown with what is happening now; nothing is left out."""
        return {year: list(found) for year, found in self._by_year.items()}

    @cached_property
    def _by_year(self) -> dict[int, tuple[Evaluation, ...]]:
        years: dict[int, list[Evaluation]] = {}
        now = self.as_of.year
        for evaluation in self.findings():
            # A verdict due in a year that has not begun (a report due next spring) is
            # shown with the present: there is no page for a year before it begins.
            filed = sorted({min(year, now) for year in self.finding_years(evaluation)})
            for year in filed or [now]:
                years.setdefault(year, []).append(evaluation)
        return {year: tuple(found) for year, found in sorted(years.items(), reverse=True)}

    def findings_by_rule(self) -> dict[str, list[Evaluation]]:
        """Every public finding under its rule's ID (rules without findings absent)."""
        return {rule_id: list(found) for rule_id, found in self._by_rule.items()}

    @cached_property
    def _by_rule(self) -> dict[str, tuple[Evaluation, ...]]:
        rules: dict[str, list[Evaluation]] = {}
        for evaluation in self.findings():
            rules.setdefault(evaluation.rule.id, []).append(evaluation)
        return {rule_id: tuple(found) for rule_id, found in rules.items()}

    def deadlines(self, days: int) -> list[Deadline]:
        """Obligations falling due within ``days``, without those about unpublished decisions.

        Computed once per window: the page and its calendar both read it.
        """
        if days not in self._deadlines:
            self._deadlines[days] = [
                d for d in upcoming(self._report, days) if self.subject_public(d.subject)
            ]
        return self._deadlines[days]

    def meeting_findings(self, meeting: Meeting) -> list[Evaluation]:
        """The verdicts about a meeting, its decisions and its matters – of a matter that
        several meetings handled, those judged at this meeting (located in its folder)."""
        folder = f"{MEETINGS_DIR}/{meeting.meeting_id}/"
        return [
            e
            for e in self.findings_for(self.meeting_subjects(meeting))
            if e.result.subject.kind is not SubjectKind.MATTER
            or e.result.location.file.startswith(folder)
        ]

    def meeting_verdicts(self, meeting: Meeting) -> list[RuleVerdict]:
        """One verdict per rule for a meeting – what its page lists and the compliance
        year page counts (a rule judged on three decisions is one row, not three)."""
        grouped: dict[str, list[Evaluation]] = {}
        for evaluation in self.meeting_findings(meeting):
            grouped.setdefault(evaluation.rule.id, []).append(evaluation)
        return [RuleVerdict(found[0].rule, tuple(found)) for found in grouped.values()]

    def findings_of(self, rule: Rule, subjects: Iterable[object]) -> list[Evaluation]:
        """One rule's public verdicts about ``subjects``."""
        return [e for e in self.findings_for(subjects) if e.rule is rule]
