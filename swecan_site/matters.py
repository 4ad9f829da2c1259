"""Matters (ärenden) across meetings: the one definition of a matter's course.

A matter is *defined* once, in the ``ärenden:`` of one meeting's ``mote.yaml``
(by convention the first meeting that handles it); every other meeting refers
to it by id – an agenda item's ``ärende:``, a decision's ``ärende:``. This
module joins those references into a :class:`MatterRecord`: the meetings that
handled the matter (:class:`Consultation`), its typed, dated :class:`Event`
list (raised, underlag distributed, on an agenda, prepared by the
arbetsutskottet, tabled, sent back, withdrawn, decided) and the status on any
date derived from the events (:func:`status_on`).

Rules, pages and outputs all read this module; what of it is public is
decided by :class:`~swecan_site.public.PublicView` from
:attr:`Event.needs_protocol` (an outcome of a held meeting is public only
with that meeting's protocol).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from .dataset import Dataset
from .models import (
    AgendaItem,
    BodyName,
    Decision,
    Matter,
    MatterHandling,
    Meeting,
    MeetingStatus,
    Underlag,
)


class Role(StrEnum):
    """What a meeting did with a matter (OParl ``Consultation.role``)."""

    PREPARATION = "beredning"  # the arbetsutskottet prepared it (§4.1)
    DECISION = "beslut"
    TABLING = "bordläggning"
    REFERRAL = "återremiss"
    WITHDRAWAL = "återkallelse"
    TREATMENT = "behandling"  # on the agenda; no outcome recorded (or not yet public)


class EventKind(StrEnum):
    RAISED = "väckt"
    DOCUMENTS = "underlag distribuerat"
    AGENDA = "på dagordningen"
    PREPARED = "berett av arbetsutskottet"
    TABLED = "bordlagt"
    REFERRED_BACK = "återremitterat"
    WITHDRAWN = "återkallat"
    DECIDED = "beslutat"


class MatterStatus(StrEnum):
    """A matter's status on a date (:func:`status_on`); the value is the Swedish word."""

    RAISED = "väckt"
    ON_AGENDA = "på dagordningen"
    PREPARED = "berett"
    HANDLED = "behandlat"
    TABLED = "bordlagt"
    REFERRED_BACK = "återremitterat"
    WITHDRAWN = "återkallat"
    DECIDED = "beslutat"


_HANDLING_ROLE = {
    MatterHandling.TABLED: Role.TABLING,
    MatterHandling.REFERRED_BACK: Role.REFERRAL,
    MatterHandling.WITHDRAWN: Role.WITHDRAWAL,
}
_HANDLING_EVENT = {
    MatterHandling.TABLED: EventKind.TABLED,
    MatterHandling.REFERRED_BACK: EventKind.REFERRED_BACK,
    MatterHandling.WITHDRAWN: EventKind.WITHDRAWN,
}
_EVENT_STATUS = {
    EventKind.RAISED: MatterStatus.RAISED,
    EventKind.DOCUMENTS: MatterStatus.RAISED,
    EventKind.AGENDA: MatterStatus.HANDLED,
    EventKind.PREPARED: MatterStatus.PREPARED,
    EventKind.TABLED: MatterStatus.TABLED,
    EventKind.REFERRED_BACK: MatterStatus.REFERRED_BACK,
    EventKind.WITHDRAWN: MatterStatus.WITHDRAWN,
    EventKind.DECIDED: MatterStatus.DECIDED,
}
# Within one day: raised, underlag, agenda, then the meeting's outcome.
_EVENT_ORDER = {kind: position for position, kind in enumerate(EventKind)}


@dataclass(frozen=True)
class Consultation:
    """One meeting that handled the matter: its agenda item (if the agenda carries it),
    the decisions it took on it and the handling recorded there."""

    meeting: Meeting
    item: AgendaItem | None
    decisions: tuple[Decision, ...]
    handling: MatterHandling | None

    def role(self, *, outcome_public: bool = True) -> Role:
        """The meeting's role; without ``outcome_public`` (its protocol is not public)
        only what the agenda itself says (the organ)."""
        if outcome_public and self.decisions:
            return Role.DECISION
        if outcome_public and self.handling is not None:
            return _HANDLING_ROLE[self.handling]
        if self.meeting.body is BodyName.COMMITTEE:
            return Role.PREPARATION
        return Role.TREATMENT


@dataclass(frozen=True)
class Event:
    """One step in the matter's course. ``needs_protocol``: an outcome of a held meeting,
    public only with that meeting's protocol."""

    kind: EventKind
    day: date
    consultation: Consultation | None = None
    decision: Decision | None = None
    document: Underlag | None = None
    raised_by: tuple[str, ...] = ()

    @property
    def meeting(self) -> Meeting | None:
        return self.consultation.meeting if self.consultation else None

    @property
    def needs_protocol(self) -> bool:
        return self.kind in (
            EventKind.PREPARED,
            EventKind.TABLED,
            EventKind.REFERRED_BACK,
            EventKind.WITHDRAWN,
            EventKind.DECIDED,
        )


@dataclass
class MatterRecord:
    """A matter, the meeting that defines it and every meeting that handled it."""

    matter: Matter
    defined_in: Meeting
    consultations: list[Consultation] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.matter.id

    def decisions(self) -> list[tuple[Meeting, Decision]]:
        return [(c.meeting, d) for c in self.consultations for d in c.decisions]

    def agenda_meetings(self, body: BodyName | None = None) -> list[Meeting]:
        """Meetings (not cancelled) whose agenda carries the matter, in date order."""
        return [
            c.meeting
            for c in self.consultations
            if c.item is not None
            and c.meeting.status is not MeetingStatus.CANCELLED
            and (body is None or c.meeting.body is body)
        ]

    def first_meeting(self, body: BodyName = BodyName.PARTNERSHIP) -> Meeting | None:
        """The meeting the §4.2 deadline is judged against: the first of ``body`` whose
        agenda carries the matter; else the defining meeting, when it is of ``body``."""
        on_agenda = self.agenda_meetings(body)
        if on_agenda:
            return on_agenda[0]
        return self.defined_in if self.defined_in.body is body else None

    def first_year(self) -> int:
        """The year the register files the matter under: raised, else first handled."""
        if self.matter.raised is not None:
            return self.matter.raised.year
        return self.consultations[0].meeting.date.year

    def sort_key(self) -> tuple[date, str]:
        day = self.matter.raised or self.consultations[0].meeting.date
        return day, self.matter.id

    def events(self) -> list[Event]:
        """Every event, in date order (undated underlag and a matter without a raised
        date are left out: the rules report what is missing)."""
        matter = self.matter
        found: list[Event] = []
        if matter.raised is not None:
            found.append(Event(EventKind.RAISED, matter.raised, raised_by=tuple(matter.raised_by)))
        for doc in matter.documents:
            if doc.distributed is not None:
                found.append(Event(EventKind.DOCUMENTS, doc.distributed, document=doc))
        for c in self.consultations:
            found.extend(_meeting_events(c))
        return sorted(found, key=lambda e: (e.day, _EVENT_ORDER[e.kind]))

    def underlag_meeting(self, doc: Underlag) -> Meeting | None:
        """The partnership meeting an underlag went out for (SC303 judges it against that
        meeting's kallelse): the first whose agenda carries the matter on or after the day
        it was distributed (the first one if undated)."""
        meetings = self.agenda_meetings(BodyName.PARTNERSHIP) or (
            [self.defined_in] if self.defined_in.body is BodyName.PARTNERSHIP else []
        )
        if doc.distributed is None:
            return meetings[0] if meetings else None
        # Distributed after the last of them: late for that one.
        last = meetings[-1] if meetings else None
        return next((m for m in meetings if m.date >= doc.distributed), last)


def _meeting_events(c: Consultation) -> list[Event]:
    meeting = c.meeting
    if meeting.status is MeetingStatus.CANCELLED:
        return []
    found = []
    if c.item is not None:
        # The agenda is known (and public) from the kallelse; without one, from the meeting.
        found.append(Event(EventKind.AGENDA, meeting.notice_sent or meeting.date, c))
    if meeting.status is not MeetingStatus.HELD:
        return found
    for decision in c.decisions:
        found.append(Event(EventKind.DECIDED, meeting.date, c, decision=decision))
    if c.handling is not None:
        found.append(Event(_HANDLING_EVENT[c.handling], meeting.date, c))
    elif not c.decisions and meeting.body is BodyName.COMMITTEE and c.item is not None:
        found.append(Event(EventKind.PREPARED, meeting.date, c))
    return found


def status_on(events: Iterable[Event], day: date) -> MatterStatus:
    """The status on ``day`` from the events given (the caller passes the public ones):
    a decision or a withdrawal is final; otherwise on the agenda of a meeting whose
    kallelse has gone out and that has not yet been held; otherwise the latest event on
    or before the day (an agenda counts on its meeting's date: handled there)."""
    events = list(events)
    for final in (EventKind.DECIDED, EventKind.WITHDRAWN):
        if any(e.kind is final and e.day <= day for e in events):
            return _EVENT_STATUS[final]
    past: list[tuple[date, int, EventKind]] = []
    for e in events:
        if e.day > day:
            continue
        if e.kind is EventKind.AGENDA and e.meeting is not None:
            if day <= e.meeting.date:
                return MatterStatus.ON_AGENDA
            past.append((e.meeting.date, _EVENT_ORDER[e.kind], e.kind))
        else:
            past.append((e.day, _EVENT_ORDER[e.kind], e.kind))
    if not past:
        return MatterStatus.RAISED
    return _EVENT_STATUS[max(past)[2]]


class Matters:
    """Every matter of a data set, by id, with the meetings that handled it."""

    def __init__(self, data: Dataset) -> None:
        self.records: dict[str, MatterRecord] = {}
        for meeting in data.meetings:
            for matter in meeting.matters:
                # A second definition of an id is a data error (SC102): the first counts.
                self.records.setdefault(matter.id, MatterRecord(matter, meeting))
        for meeting in data.meetings:  # in date order: consultations come out sorted
            for matter_id in _handled_ids(meeting):
                record = self.records.get(matter_id)
                if record is None:
                    continue  # an unknown id is SC103's
                item = next((a for a in meeting.agenda if a.matter == matter_id), None)
                defined = meeting.matter(matter_id)
                handling = item.handling if item is not None else None
                if handling is None and defined is record.matter:
                    handling = record.matter.handling
                decisions = tuple(d for d in meeting.decisions if d.matter == matter_id)
                record.consultations.append(Consultation(meeting, item, decisions, handling))

    def get(self, matter_id: str) -> MatterRecord | None:
        return self.records.get(matter_id)

    def all(self) -> list[MatterRecord]:
        """Every matter, newest first (by the day raised, else first handled)."""
        return sorted(self.records.values(), key=MatterRecord.sort_key, reverse=True)

    def at(self, meeting: Meeting) -> list[MatterRecord]:
        """The matters a meeting handled (defined there, on its agenda, decided there)."""
        return [r for i in _handled_ids(meeting) if (r := self.records.get(i)) is not None]


def _handled_ids(meeting: Meeting) -> list[str]:
    """Matter ids a meeting handles, each once, in the order the file names them."""
    ids = [m.id for m in meeting.matters]
    ids += [a.matter for a in meeting.agenda if a.matter]
    ids += [d.matter for d in meeting.decisions if d.matter]
    return list(dict.fromkeys(ids))


def matters(data: Dataset) -> Matters:
    """The data set's matters, built once (kept on the data set)."""
    found: Matters | None = getattr(data, "_matters", None)
    if found is None:
        found = Matters(data)
        object.__setattr__(data, "_matters", found)
    return found
