"""Facts derived from the data the same way everywhere.

The rules (``swecan_site/rules``) and every output (HTML, open data, feeds,
calendar) import these from here; outputs never import rule internals.
``rules/common.py`` re-exports them for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .config import Parameters, last_day_of_term
from .dataset import Dataset
from .models import (
    BodyName,
    ContentDoc,
    Decision,
    DecisionKind,
    Meeting,
    MeetingStatus,
    Partner,
    ProtocolStatus,
    ReportMeta,
)
from .timeline import Timeline

if TYPE_CHECKING:  # provenance reads the publication facts below
    from .provenance import Evidence

T = TypeVar("T")
MEMO_LIMIT = 4096  # facts remembered per Context; beyond that it starts afresh


@dataclass
class Context:
    """The data and the date the facts are taken on (rules receive one too).

    Facts asked for many times (the partners on a meeting's date, what the
    Markdown checks found) are computed once per Context: a check builds a new
    one each run, so nothing is carried from one run to the next.
    """

    data: Dataset
    as_of: date
    # What the git history proves (provenance.py); None: no evidence was read.
    evidence: Evidence | None = None
    _memo: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` for the life of this Context."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            pass
        value = compute()
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = value
        return value

    def params(self, day: date) -> Parameters:
        """The rule parameters in force on ``day``."""
        return self.data.params(day)

    @property
    def timeline(self) -> Timeline:
        """The data set's periods (memberships, AU seats, chairs)."""
        return self.memo("timeline", lambda: Timeline(self.data))

    def parameter_changes(self) -> list[date]:
        """The days a parameter version comes into force (a rule judged over time
        cuts its periods there too)."""
        return [start for start, _ in self.data.config.versions]

    def members_on(self, day: date) -> list[Partner]:
        members = self.memo(
            ("members_on", day),
            lambda: tuple(p for p in self.data.partners if p.member_on(day)),
        )
        return list(members)


class MeetingState(StrEnum):
    """A meeting as the public record states it on a date: the one definition every
    page, list and export reads (issue 17: one fact, one rendering)."""

    UPCOMING = "planerat"
    UNREPORTED = "ej rapporterat"  # planned, its date has passed, not marked held (SC206)
    HELD = "genomfört"
    CANCELLED = "inställt"


def meeting_state(meeting: Meeting, day: date) -> MeetingState:
    if meeting.status is MeetingStatus.HELD:
        return MeetingState.HELD
    if meeting.status is MeetingStatus.CANCELLED:
        return MeetingState.CANCELLED
    return MeetingState.UPCOMING if meeting.date >= day else MeetingState.UNREPORTED


def held(ctx: Context, body: BodyName | None = BodyName.PARTNERSHIP) -> list[Meeting]:
    """Held meetings of ``body`` (all bodies if None), in date order."""
    return [
        m
        for m in ctx.data.meetings
        if m.status is MeetingStatus.HELD and (body is None or m.body is body)
    ]


def protocol_deadline(ctx: Context, meeting: Meeting) -> date:
    """The arbetsordning's §3.2 deadline (partnerskapet) or the kansli's target (AU)."""
    params = ctx.params(meeting.date)
    days = (
        params.protocol_days
        if meeting.body is BodyName.PARTNERSHIP
        else params.committee_protocol_days
    )
    return meeting.date + timedelta(days=days)


def planned(ctx: Context, body: BodyName) -> list[Meeting]:
    """Planned meetings of ``body`` on or after the as-of date, in date order."""
    return [
        m
        for m in ctx.data.meetings
        if m.body is body and m.status is MeetingStatus.PLANNED and m.date >= ctx.as_of
    ]


def notice_deadline_on(data: Dataset, day: date) -> date:
    """The last day the kallelse for a meeting on ``day`` may be sent (§3.1)."""
    return day - timedelta(days=data.params(day).notice_days)


def notice_deadline(ctx: Context, meeting: Meeting) -> date:
    """The last day the kallelse may be sent (§3.1: ``notice_days`` before the meeting)."""
    return notice_deadline_on(ctx.data, meeting.date)


def next_planned(ctx: Context, meeting: Meeting) -> Meeting | None:
    """The next planned (not yet held) meeting of the same body after ``meeting``."""
    when = (meeting.date, meeting.start)
    later = [
        m
        for m in ctx.data.meetings
        if m.body is meeting.body and m.status is MeetingStatus.PLANNED and (m.date, m.start) > when
    ]
    return min(later, key=lambda m: (m.date, m.start)) if later else None


def protocol_is_public(status: ProtocolStatus, *, has_text: bool) -> bool:
    """The publication policy of a protocol: completed (färdigställt) or approved, and
    its text exists. Read for today's data and for every version in the history."""
    return status is not ProtocolStatus.DRAFT and has_text


def protocol_published(meeting: Meeting) -> bool:
    """A completed (färdigställt) or approved protocol whose text exists."""
    protocol = meeting.protocol
    return protocol is not None and protocol_is_public(
        protocol.status, has_text=meeting.protocol_text is not None
    )


def report_published(meta: ReportMeta, day: date) -> bool:
    """Whether an annual report or verksamhetsberättelse is public on ``day``: not a
    draft, and its ``publicerad`` date has come. The one definition the site, the
    rules (SC204, SC208) and the pull-request summary read."""
    return not meta.draft and meta.published is not None and meta.published <= day


def next_meeting(ctx: Context, meeting: Meeting) -> Meeting | None:
    """The next held meeting of the same body."""
    when = (meeting.date, meeting.start)
    later = [m for m in held(ctx, meeting.body) if (m.date, m.start) > when]
    return later[0] if later else None


def roll_fixed_on(ctx: Context, day: date) -> set[str] | None:
    """The röstlängd fixed at the year's first meeting on or before ``day`` (None if none)."""
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
    return roll


def voters_on(ctx: Context, day: date) -> set[str]:
    """Partners with a vote on ``day`` (§4.3, §5.2; interpretation T4).

    Every partner on ``day`` by default; with ``late_partner_vote:
    nästa_röstlängd`` only those on the year's röstlängd once it is fixed.
    """
    if ctx.params(day).late_partner_vote == "röstar":
        return {p.id for p in ctx.members_on(day)}
    return roll_on(ctx, day)


def quorum_members(ctx: Context, day: date) -> set[str]:
    """'Partnerskapets medlemmar' (§3.3; interpretation T1)."""
    if ctx.params(day).quorum_members == "partners":
        return {p.id for p in ctx.members_on(day)}
    return roll_on(ctx, day)


def present_at(meeting: Meeting, decision: Decision) -> set[str]:
    """Partners present when the decision was taken (recused ones included)."""
    return set(meeting.attendance) - set(decision.absent)


def roll_on(ctx: Context, day: date) -> set[str]:
    """The röstlängd in force on ``day``: fixed at the year's first meeting (§5.2).

    Before it is fixed (or if it never was), every partner who is a member on
    ``day`` counts.
    """
    roll = roll_fixed_on(ctx, day)
    current = {p.id for p in ctx.members_on(day)}
    # A partner who has left is no longer on the roll; one who joined later is not yet on it.
    return current if roll is None else roll & current


def normalise(text: str) -> str:
    """Collapse whitespace and line breaks, and drop Markdown list markers and emphasis."""
    text = re.sub(r"^\s*[-*]\s+", "", text, flags=re.MULTILINE)
    return " ".join(text.replace("*", "").split())


def longest_term(
    data: Dataset, start: date, term_years: Callable[[Parameters], int]
) -> tuple[int, date]:
    """A term's length in years and its last possible day (§2.2).

    The length is the one in force when the term began, whatever it is
    later: SC602/SC603 judge a term by it, and the deadlines list the end of
    a term by it, so the two always agree.
    """
    years = term_years(data.params(start))
    return years, last_day_of_term(start, years)


def rules_in_force(data: Dataset, day: date) -> ContentDoc | None:
    """The arbetsordning version in force on ``day`` (the latest adopted before it)."""
    versions = [d for d in data.rules_versions if not d.meta.draft and d.meta.in_force <= day]
    return max(versions, key=lambda d: d.meta.in_force) if versions else None
