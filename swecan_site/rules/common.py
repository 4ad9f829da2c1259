"""Facts that several rules derive from the data in the same way."""

from __future__ import annotations

from datetime import date, timedelta

from ..models import BodyName, DecisionKind, Meeting, MeetingStatus, ProtocolStatus
from .base import Context


def held(ctx: Context, body: BodyName | None = BodyName.PARTNERSHIP) -> list[Meeting]:
    """Held meetings of ``body`` (all bodies if None), in date order."""
    return [
        m
        for m in ctx.data.meetings
        if m.status is MeetingStatus.HELD and (body is None or m.body is body)
    ]


def protocol_deadline(ctx: Context, meeting: Meeting) -> date:
    return meeting.date + timedelta(days=ctx.params(meeting.date).protocol_days)


def protocol_published(meeting: Meeting) -> bool:
    """A completed (justerat) or approved protocol whose text exists."""
    protocol = meeting.protocol
    return (
        protocol is not None
        and protocol.status is not ProtocolStatus.DRAFT
        and meeting.protocol_text is not None
    )


def next_meeting(ctx: Context, meeting: Meeting) -> Meeting | None:
    """The next held meeting of the same body."""
    when = (meeting.date, meeting.start)
    later = [m for m in held(ctx, meeting.body) if (m.date, m.start) > when]
    return later[0] if later else None


def roll_on(ctx: Context, day: date) -> set[str]:
    """The röstlängd in force on ``day``: fixed at the year's first meeting (§5.2).

    Before it is fixed (or if it never was), every partner who is a member on
    ``day`` counts.
    """
    roll: set[str] | None = None
    for meeting in held(ctx):
        if meeting.date.year != day.year or meeting.date > day:
            continue
        for decision in meeting.decisions:
            if decision.kind is DecisionKind.ROLL:
                if decision.roll is not None:
                    roll = set(decision.roll)
                else:
                    roll = {p.id for p in ctx.members_on(meeting.date)}
    current = {p.id for p in ctx.members_on(day)}
    # A partner who has left is no longer on the roll; one who joined later is not yet on it.
    return current if roll is None else roll & current


def fmt(day: date | None) -> str:
    return day.isoformat() if day else "saknas"
