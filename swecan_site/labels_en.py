"""The English edition's words for the data (issue 21): one wording per fact, as
:mod:`swecan_site.labels` is for Swedish.

Only fixed vocabulary is translated here – the names of sectors, bodies, states
and forms the arbetsordning defines. Text the kansli writes (a meeting's or a
decision's heading) is English only where the data gives it (``rubrik_en``);
everything else stays Swedish and the pages mark it ``lang="sv"``. Nothing is
machine-translated. Free of escaping, like labels.py.
"""

from __future__ import annotations

from .dates import en_date
from .facts import MeetingState
from .models import BodyName, Meeting, MeetingForm, Method, ProtocolStatus, Sector

# The arbetsordning's §8.1 sectors, in the English the EU Mission on Cancer uses for
# its stakeholder groups.
SECTOR_NAMES = {
    Sector.HEALTH: "Health and medical care",
    Sector.RESEARCH: "Innovation and research",
    Sector.AGENCY: "Government agencies",
    Sector.INDUSTRY: "Industry",
    Sector.CIVIL: "Patient organisations and civil society",
}
BODY_NAMES = {
    BodyName.PARTNERSHIP: "Partnership",
    BodyName.COMMITTEE: "Executive Committee",
}
FORM_NAMES = {
    MeetingForm.PHYSICAL: "in person",
    MeetingForm.HYBRID: "hybrid: in person and online",
    MeetingForm.DIGITAL: "online",
}
CONTACT_TITLES = {
    (BodyName.PARTNERSHIP, "chair"): "Chair of SweCan (the Partnership)",
    (BodyName.PARTNERSHIP, "vice_chair"): "Vice chair of SweCan (the Partnership)",
    (BodyName.COMMITTEE, "chair"): "Chair of the Executive Committee",
    (BodyName.COMMITTEE, "vice_chair"): "Vice chair of the Executive Committee",
}
MEETING_STATES = {
    MeetingState.UPCOMING: "planned",
    MeetingState.UNREPORTED: "planned, not yet reported as held",
    MeetingState.HELD: "held",
    MeetingState.CANCELLED: "cancelled",
}
PROTOCOL_NAMES = {
    ProtocolStatus.DRAFT: "draft (not published)",
    ProtocolStatus.COMPLETED: "completed",
    ProtocolStatus.APPROVED: "approved",
}
METHOD_NAMES = {Method.CONSENSUS: "consensus", Method.VOTE: "vote"}
# The verdict statuses of the compliance page (rules.Status values) in English.
STATUS_NAMES = {"uppfyllt": "met", "ej uppfyllt": "not met", "ej avgjort": "not yet decided"}
# Each rule's basis (rules.base.Basis values).
BASIS_NAMES = {
    "krav": "Obligations of the rules of procedure",
    "tolkning": "Interpretations",
    "mål": "The secretariat's own targets",
}
PLACE_UNKNOWN = "place to be announced"
ONLINE = "online"


def meeting_title(meeting: Meeting) -> str:
    """'Partnership meeting, 1 October 2026' – the English name of a meeting."""
    body = BODY_NAMES[meeting.body]
    extra = "Extraordinary " if meeting.extra else ""
    return f"{extra}{body} meeting, {en_date(meeting.date)}"


def clock(meeting: Meeting) -> str:
    """'13:30–16:00' (24-hour clock, as in EU texts)."""
    start = f"{meeting.start:%H:%M}"
    return f"{start}–{meeting.end:%H:%M}" if meeting.end else start
