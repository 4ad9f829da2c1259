"""Matters across meetings (§4.2): one decision per matter, tabled matters taken up again.

A matter's course is :mod:`swecan_site.matters`' (the same one the pages and the
open data show); the §4.2 deadline (SC401) and the underlag with the kallelse
(SC303) read it in their own modules.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..matters import Consultation, MatterRecord, matters
from ..models import MatterHandling, Meeting, MeetingStatus
from ..problems import Location
from .base import Basis, Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import fmt

DECIDED_BY_DECISION = ao(
    "4.2",
    "SweCans partnerskap hanterar genom beslut ärendets vidare hantering enligt § 4.3.",
)


@rule(
    "SC410",
    "ärende-ett-beslut",
    "4.2",
    "Ett avgjort ärende har ett beslut",
    quotes=(DECIDED_BY_DECISION,),
)
def one_decision(ctx: Context) -> Iterator[Result]:
    """
    Vad: Flera beslut anger samma ärende (ärende: Ä-ÅÅÅÅ-NN), vid samma
    möte eller vid olika möten. Ett ärende avgörs av ett beslut; ett
    ärende som bordläggs eller återremitteras får inget beslut i sak förrän
    det tas upp igen.

    Varför: Partnerskapet "hanterar genom beslut ärendets vidare hantering"
    (§4.2). Ärenderegistret och öppna data visar vilket beslut som avgjorde
    ärendet; med två beslut går det inte att säga vilket som gäller.

    Åtgärd: Låt bara beslutet som avgjorde ärendet ange ärende:. Ett
    förberedande beslut (arbetsutskottets beredning) eller ett
    tilläggsbeslut får ett eget ärende, eller inget ärende:.
    """
    for record in matters(ctx.data).all():
        decisions = record.decisions()
        if not decisions:
            continue
        subject = SubjectRef.matter(record.id)
        first_meeting, first = decisions[0]
        if len(decisions) == 1:
            yield met(
                subject, f"Avgjort genom {first.id} ({first_meeting.meeting_id}).",
                first.where("matter"),
            )  # fmt: skip
            continue
        for meeting, decision in decisions[1:]:
            yield failed(
                subject,
                f"{decision.id} ({meeting.meeting_id}) anger ärendet {record.id}, som redan "
                f"avgjordes genom {first.id} ({first_meeting.meeting_id}).",
                decision.where("matter"),
            )


def _tablings(record: MatterRecord) -> Iterator[tuple[Consultation, Location]]:
    """The held meetings that tabled or sent the matter back, with where the data says so."""
    for c in record.consultations:
        if c.meeting.status is not MeetingStatus.HELD:
            continue
        if c.handling not in (MatterHandling.TABLED, MatterHandling.REFERRED_BACK):
            continue
        if c.item is not None and c.item.handling is not None:
            yield c, c.item.where("handling")
        else:
            yield c, record.matter.where("handling")


@rule(
    "SC411",
    "bordlagt-ärende-tas-upp",
    "4.2",
    "Kansliets mål: ett bordlagt ärende tas upp igen inom två sammanträden",
    basis=Basis.TARGET,
)
def tabled_taken_up(ctx: Context) -> Iterator[Result]:
    """
    Vad: Kansliets eget mål: ett ärende som bordlades eller återremitterades
    står på dagordningen för ett senare möte (i vilket organ som helst)
    senast vid organets andra sammanträde därefter (parametern
    tabled_matter_meetings, 2). Ett sammanträde räknas när det är hållet
    eller när dess kallelse har skickats (dagordningen är då bestämd);
    inställda möten räknas inte. Arbetsordningen anger ingen frist, så ett
    missat mål är inte ett brott mot arbetsordningen.

    Varför: Partnerskapet "hanterar genom beslut ärendets vidare hantering"
    (§4.2). Ett bordlagt ärende som aldrig tas upp igen blir aldrig
    avgjort, och den som väckte det får inget besked.

    Åtgärd: Ta upp ärendet på dagordningen (ärende: Ä-ÅÅÅÅ-NN på en punkt)
    för ett kommande möte, eller anteckna att det återkallades
    (hantering: återkallat på dagordningspunkten).
    """
    for record in matters(ctx.data).all():
        for c, where in _tablings(record):
            yield _taken_up(ctx, record, c, where)


def _taken_up(ctx: Context, record: MatterRecord, c: Consultation, where: Location) -> Result:
    subject = SubjectRef.matter(record.id)
    tabled_at: Meeting = c.meeting
    limit = ctx.params(tabled_at.date).tabled_matter_meetings
    later = [
        m
        for m in ctx.data.meetings
        if m.body is tabled_at.body and m.date > tabled_at.date
        and m.status is not MeetingStatus.CANCELLED
    ][:limit]  # fmt: skip
    window_end = later[-1].date if len(later) == limit else None
    again = [
        m
        for m in record.agenda_meetings()
        if m.date > tabled_at.date and (window_end is None or m.date <= window_end)
    ]
    what = str(c.handling)
    if again:
        return met(
            subject,
            f"Ärendet, {what} vid {tabled_at.meeting_id}, står på dagordningen för "
            f"{again[0].meeting_id}.",
            where,
            due=window_end,
        )
    counted = [m for m in later if m.date <= ctx.as_of or m.notice_sent is not None]
    if len(counted) == limit:
        return failed(
            subject,
            f"Ärendet, {what} vid {tabled_at.meeting_id}, har inte tagits upp igen vid "
            f"organets {limit} följande sammanträden (till och med {fmt(later[-1].date)}).",
            where,
            due=window_end,
        )
    return pending(
        subject,
        f"Ärendet, {what} vid {tabled_at.meeting_id}, ska tas upp igen inom {limit} sammanträden.",
        where,
        due=window_end,
    )


RULES = [one_decision, tabled_taken_up]
