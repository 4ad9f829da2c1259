"""Deadlines ahead ("frister"): every obligation falling due in a window.

The list is built from the typed ``due`` of the check's results (a pending
verdict says when it falls due) plus one query over the model for mandates
that end (a mandate ending is not a verdict: no rule judges it until the
next mandate is recorded). Nothing here reads message text: each rule
computes its own deadline once (``common.protocol_deadline``,
``common.notice_deadline``, ``facts.longest_term``) and outputs only
read ``Result.due``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from .check import Report
from .config import Parameters
from .dataset import Dataset
from .dates import STOCKHOLM, sv_date
from .facts import longest_term
from .models import BODY_NAMES, BodyName, RoleHolder, Term
from .problems import Location, section_label
from .rules.base import Basis, SubjectRef
from .rules.base import Status as VerdictStatus
from .timeline import Timeline

DEFAULT_DAYS = 30
T = TypeVar("T", bound=Term)
TermYears = Callable[[Parameters], int]


def _chair_years(params: Parameters) -> int:
    return params.chair_term_years


def _member_years(params: Parameters) -> int:
    return params.member_term_years


@dataclass(frozen=True)
class Deadline:
    """One obligation falling due."""

    due: date
    what: str  # the rule's summary, or the mandate that ends
    detail: str  # the verdict's evidence or the mandate holder
    section: str
    basis: Basis
    rule: str  # rule id, or "" for a mandate ending
    subject: SubjectRef
    location: Location

    @property
    def uid(self) -> str:
        """Stable across builds: the same obligation keeps its UID (calendar updates)."""
        rule = self.rule or "mandat"
        return f"{rule}-{self.subject.kind}-{self.subject.id}@frister.swecan".replace(" ", "_")

    def to_dict(self) -> dict:
        return {
            "due": self.due.isoformat(),
            "what": self.what,
            "detail": self.detail,
            "section": self.section,
            "basis": str(self.basis),
            "basis_label": self.basis.label,
            "rule": self.rule,
            "subject_kind": str(self.subject.kind),
            "subject_id": self.subject.id,
            "subject": str(self.subject),
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "uid": self.uid,
        }


def _from_results(report: Report, until: date) -> Iterable[Deadline]:
    for evaluation in report.evaluations:
        result = evaluation.result
        if result.status is not VerdictStatus.PENDING or result.due is None:
            continue
        if not report.as_of <= result.due <= until:
            continue
        rule = evaluation.rule
        yield Deadline(
            result.due,
            rule.summary,
            result.message,
            rule.section,
            rule.basis,
            rule.id,
            result.subject,
            result.location,
        )


def _term_end(data: Dataset, term: Term, term_years: TermYears) -> date:
    """A mandate's last day: ``till`` when written, else the longest the rules allow.

    The longest is by the term length in force when the mandate began, as
    SC602/SC603 judge it (``facts.longest_term``).
    """
    if term.end is not None:
        return term.end
    _, last = longest_term(data, term.start, term_years)
    return last


def _current_term_ending(
    data: Dataset, terms: list[T], term_years: TermYears, as_of: date, until: date
) -> tuple[T, date] | None:
    """The term in force on ``as_of`` and its last day, if that falls in the window and no
    successor is recorded."""
    current = next((t for t in terms if t.covers(as_of)), None)
    if current is None:
        return None
    end = _term_end(data, current, term_years)
    if not as_of <= end <= until:
        return None
    successor = any(t is not current and t.start > current.start for t in terms)
    return None if successor else (current, end)


def _chair_terms_ending(data: Dataset, as_of: date, until: date) -> Iterable[Deadline]:
    """The chairs and vice chairs of the partnership (§6.1) and of the committee (§2.2)."""
    org = data.organisation
    roles = (("chair", "Ordförandens"), ("vice_chair", "Vice ordförandens"))
    for body_name, body, section in (
        (BodyName.PARTNERSHIP, org.partnership, "6.1"),
        (BodyName.COMMITTEE, org.committee, "2.2"),
    ):
        for role, label in roles:
            terms: list[RoleHolder] = list(getattr(body, role))
            ending = _current_term_ending(data, terms, _chair_years, as_of, until)
            if ending is None:
                continue
            term, end = ending
            role_sv = "ordförande" if role == "chair" else "vice ordförande"
            body_sv = BODY_NAMES[body_name].lower()
            yield Deadline(
                end,
                f"{label} mandat i {body_sv} slutar; nästa mandatperiod ska föras in",
                f"{term.name} ({term.partner}), mandat {sv_date(term.start)} – {sv_date(end)}.",
                section,
                Basis.OBLIGATION,
                "",
                SubjectRef.role(f"{role_sv} i {body_name}"),
                term.where("end" if term.end else "start"),
            )


def _member_terms_ending(data: Dataset, as_of: date, until: date) -> Iterable[Deadline]:
    """The committee members' mandates (§2.2), of the members who hold a seat today: one
    whose organisation has left lost its seat then (timeline.Timeline.seats)."""
    timeline = Timeline(data)
    for member in data.organisation.committee.members:
        if not timeline.seated_partner(member.partner, as_of):
            continue
        mandates = list(member.mandates)
        ending = _current_term_ending(data, mandates, _member_years, as_of, until)
        if ending is None:
            continue
        mandate, end = ending
        partner = data.partner(member.partner)
        name = partner.name if partner else member.partner
        yield Deadline(
            end,
            "Mandat i arbetsutskottet slutar; omval eller ny ledamot ska beslutas",
            f"{name}, mandat {sv_date(mandate.start)} – {sv_date(end)}.",
            "2.2",
            Basis.OBLIGATION,
            "",
            SubjectRef.partner(member.partner),
            mandate.where("end" if mandate.end else "start"),
        )


def _mandates_ending(report: Report, until: date) -> Iterable[Deadline]:
    data = report.dataset
    if data is None:
        return
    yield from _chair_terms_ending(data, report.as_of, until)
    yield from _member_terms_ending(data, report.as_of, until)


def upcoming(report: Report, days: int = DEFAULT_DAYS) -> list[Deadline]:
    """Every obligation falling due from ``report.as_of`` to ``days`` days later, in order."""
    until = report.as_of + timedelta(days=days)
    items = [*_from_results(report, until), *_mandates_ending(report, until)]
    return sorted(items, key=lambda d: (d.due, d.location, d.rule, d.subject.id))


# --- output ---------------------------------------------------------------------


def _basis_note(item: Deadline) -> str:
    if item.basis is Basis.TARGET:
        return "kansliets mål"
    if item.basis is Basis.INTERPRETATION:
        return "tolkning"
    return "krav"


def format_text(items: list[Deadline], as_of: date, days: int) -> str:
    head = f"Frister {sv_date(as_of)} – {sv_date(as_of + timedelta(days=days))}"
    if not items:
        return f"{head}: inga frister."
    lines = [f"{head} ({len(items)}):"]
    for item in items:
        ref = section_label(item.section)
        rule = f"{item.rule} " if item.rule else ""
        lines.append(
            f"{item.due.isoformat()}  {item.what} – {item.subject} "
            f"({rule}{ref}, {_basis_note(item)})\n"
            f"            {item.detail}\n"
            f"            {item.location}"
        )
    return "\n".join(lines)


def format_json(items: list[Deadline]) -> str:
    return json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2)


# A reminder rings at 09:00 on its day: an all-day event starts at midnight, so "n days
# before at 09:00" is the trigger -(n days) + 9 hours (as calendar apps write their own
# all-day alerts, e.g. -PT15H for "the day before at 09:00").
REMINDER_HOUR = 9


def reminder_trigger(days_before: int) -> timedelta:
    """The VALARM trigger, relative to an all-day event's start, ``days_before`` it at 09:00."""
    return timedelta(days=-days_before, hours=REMINDER_HOUR)


def format_ics(items: list[Deadline], as_of: date, reminder_days: Sequence[int] = ()) -> str:
    """An iCalendar file: one all-day VEVENT per deadline (see README for why VEVENT),
    with a VALARM per entry of ``reminder_days`` (swecan.yaml, reminder_days).

    DTSTAMP is the as-of date (midnight in Stockholm), not "now", so the same
    data and date give the same bytes; UIDs are stable per obligation.
    """
    from datetime import datetime

    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//SweCan//swecan-site frister//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "SweCan – kansliets frister")
    calendar.add("x-wr-timezone", STOCKHOLM.key)
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=STOCKHOLM)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("summary", f"Frist: {item.what} – {item.subject}")
        ref = section_label(item.section)
        rule = f"{item.rule} " if item.rule else ""
        event.add(
            "description",
            f"{item.detail}\n{rule}{ref} ({item.basis.label}).\nFil: {item.location}",
        )
        event.add("categories", [item.basis.label])
        event.add("transp", "TRANSPARENT")
        for days_before in reminder_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Frist {sv_date(item.due)}: {item.what} – {item.subject}")
            alarm.add("trigger", reminder_trigger(days_before))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
