"""The Swedish words for the data: one wording per fact, for every page and output.

A meeting's title, place and form, a decision's method, a protocol's state and
a date are written the same way on the HTML pages, in the open data, in the
feeds and in the calendars: each has one function or table here, and nothing
else spells them out. Independent of the machine's locale (the build must give
the same files on every machine), and free of escaping: pages escape what
they print (render/format.py), outputs leave it to their writers.
"""

from __future__ import annotations

from datetime import date, time
from fractions import Fraction

from .dates import sv_date
from .facts import MeetingState
from .models import (
    BodyName,
    Decision,
    DecisionKind,
    Meeting,
    MeetingForm,
    Method,
    ProtocolStatus,
)

FORM_NAMES = {
    MeetingForm.PHYSICAL: "fysiskt möte",
    MeetingForm.HYBRID: "hybridmöte (fysiskt och digitalt)",
    MeetingForm.DIGITAL: "digitalt möte",
}
KIND_NAMES = {
    DecisionKind.ROLL: "Röstlängd och sammansättning",
    DecisionKind.RULES_CHANGE: "Arbetsordning",
    DecisionKind.ADMISSION: "Antagning av partner",
    DecisionKind.ELECTION: "Val",
    DecisionKind.REVIEW: "Översyn av arbetsordningen",
    DecisionKind.EVALUATION: "Extern utvärdering",
    DecisionKind.OTHER: "Övrigt",
}
PROTOCOL_NAMES = {
    ProtocolStatus.DRAFT: "utkast (publiceras inte)",
    ProtocolStatus.COMPLETED: "färdigställt",
    ProtocolStatus.APPROVED: "godkänt",
}
# The offices on the organisation page (public_record.CONTACTS).
CONTACT_TITLES = {
    (BodyName.PARTNERSHIP, "chair"): "Ordförande i SweCan",
    (BodyName.PARTNERSHIP, "vice_chair"): "Vice ordförande i SweCan",
    (BodyName.COMMITTEE, "chair"): "Ordförande i arbetsutskottet",
    (BodyName.COMMITTEE, "vice_chair"): "Vice ordförande i arbetsutskottet",
}
MEETING_STATES = {
    MeetingState.UPCOMING: "planerat",
    MeetingState.UNREPORTED: "planerat, men uppgift saknas om att mötet har hållits",
    MeetingState.HELD: "genomfört",
    MeetingState.CANCELLED: "inställt",
}
# 'Partnerskapets medlemmar' (§3.3) under interpretation T1, as a meeting page counts them.
MEMBERS_COUNTED = {
    "partners": "partners på mötesdagen",
    "röstlängd": "partners i röstlängden",
}
RULES_STATUS = {
    "gällande": "gällande",
    "kommande": "beslutad, gäller framöver",
    "upphävd": "upphävd",
}
# OCD / Popolo vote options (the open data's codes) and their Swedish words.
VOTE_OPTIONS = {"yes": "för", "no": "emot", "abstain": "avstår", "absent": "frånvarande"}
DIGITAL_PLACE = "digitalt"
PLACE_UNKNOWN = "plats meddelas senare"


def sv_time(moment: time | None) -> str:
    """13:30 -> '13.30', the Swedish way of writing a clock time."""
    return "–" if moment is None else f"{moment.hour:02d}.{moment.minute:02d}"


def capitalised(text: str) -> str:
    """The first letter upper-case, the rest as written ('fysiskt möte' -> 'Fysiskt möte')."""
    return text[:1].upper() + text[1:]


def meeting_title(meeting: Meeting) -> str:
    """'Partnerskapets sammanträde 1 oktober 2026' – a meeting's name everywhere."""
    partnership = meeting.body is BodyName.PARTNERSHIP
    kind = "sammanträde" if partnership else "möte"
    body = "Partnerskapets" if partnership else "Arbetsutskottets"
    extra = "extrainsatta " if meeting.extra else ""
    return f"{body} {extra}{kind} {sv_date(meeting.date)}"


def meeting_name(meeting: Meeting) -> str:
    """The title with the meeting's own heading, where one line must carry both
    (a calendar event, an open-data object): 'Partnerskapets … 2026: Uppstart'."""
    title = meeting_title(meeting)
    return f"{title}: {meeting.title}" if meeting.title else title


def meeting_location(meeting: Meeting) -> str | None:
    """Where the meeting is, when that is known: its place, or 'digitalt'."""
    if meeting.place:
        return meeting.place
    return DIGITAL_PLACE if meeting.form is MeetingForm.DIGITAL else None


def meeting_place(meeting: Meeting) -> str:
    """The place as a reader sees it: known, or 'plats meddelas senare'."""
    return meeting_location(meeting) or PLACE_UNKNOWN


def method_text(decision: Decision) -> str:
    """'konsensus' or 'omröstning: 40 för, 2 emot, 1 avstod (bifall)'."""
    if decision.method is Method.CONSENSUS:
        return "konsensus"
    if decision.votes is None:  # pragma: no cover - SC106 stops such data
        return "omröstning"
    yes, no, abstain = decision.votes.totals
    return f"omröstning: {yes} för, {no} emot, {abstain} avstod ({decision.outcome})"


def protocol_state(meeting: Meeting, approved_on: date | None) -> str:
    """A protocol's state: 'färdigställt 17 oktober 2026, godkänt vid mötet 3 december
    2026' (``approved_on``: the date of the approving meeting, once it has come)."""
    protocol = meeting.protocol
    if protocol is None:
        return ""
    completed = protocol.completed
    parts = [f"färdigställt {sv_date(completed)}" if completed else PROTOCOL_NAMES[protocol.status]]
    if approved_on:
        parts.append(f"godkänt vid mötet {sv_date(approved_on)}")
    elif protocol.status is ProtocolStatus.APPROVED and completed:
        parts.append(PROTOCOL_NAMES[ProtocolStatus.APPROVED])
    return ", ".join(parts)


def decimal(value: Fraction, places: int = 2) -> str:
    """A non-negative number with a decimal comma: exact when it has at most
    ``places`` decimals, otherwise cut (never rounded) and marked '…' – so a
    figure never rounds across a threshold (29 of 44 is 65,9… %, not 66 %)."""
    scaled = value.numerator * 10**places // value.denominator
    integer, rest = divmod(scaled, 10**places)
    digits = f"{rest:0{places}d}".rstrip("0") if places else ""
    text = f"{integer}" + ("," + digits if digits else "")
    return text if Fraction(scaled, 10**places) == value else text + "…"


def percentages(share: Fraction, threshold: Fraction) -> tuple[str, str]:
    """``share`` and ``threshold`` in per cent, with as many decimals as it takes for
    the two figures to differ exactly when the fractions do."""
    for places in range(1, 9):
        shown = decimal(share * 100, places), decimal(threshold * 100, places)
        if (shown[0] == shown[1]) == (share == threshold):
            break
    return f"{shown[0]} %", f"{shown[1]} %"
