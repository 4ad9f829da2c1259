"""§3 SweCans sammanträden: frequency, notice, protocol and quorum."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..loader import MEETINGS_DIR
from ..models import SECTOR_NAMES, BodyName, MeetingStatus, ProtocolStatus
from ..problems import Location
from .base import Context, Result, failed, met, pending, rule
from .common import fmt, held, next_meeting, protocol_deadline, roll_on
from .integrity import eligible_voters


@rule(
    "SC301",
    "fysiska-möten",
    "3.1",
    "Partnerskapet sammanträder fysiskt minst två gånger per kalenderår",
)
def physical_meetings(ctx: Context) -> Iterator[Result]:
    """
    Vad: Under ett kalenderår har partnerskapet haft färre fysiska sammanträden
    än arbetsordningen kräver (parametern physical_meetings_per_year, 2).
    Hybridmöten räknas som fysiska; digitala möten gör det inte. För
    innevarande år räknas även planerade fysiska möten: regeln är uppfylld
    först när mötena är genomförda, och bryts när de inte längre hinns med.

    Varför: "SweCan sammanträder fysiskt minst två gånger per år" (§3.1).

    Åtgärd: Planera in och genomför fysiska sammanträden; ett inställt möte
    behöver ersättas.
    """
    first = ctx.data.config.first_operating_year_start.year
    for year in range(first, ctx.as_of.year + 1):
        required = ctx.params(date(year, 12, 31)).physical_meetings_per_year
        year_meetings = [
            m for m in ctx.data.meetings if m.body is BodyName.PARTNERSHIP and m.date.year == year
        ]
        meetings = [m for m in year_meetings if m.is_physical]
        done = [m for m in meetings if m.status is MeetingStatus.HELD]
        planned = [m for m in meetings if m.status is MeetingStatus.PLANNED and m.date >= ctx.as_of]
        # Point at the year's last partnership meeting: where a change would have to be made.
        where = year_meetings[-1].where("form") if year_meetings else Location(MEETINGS_DIR)
        evidence = (
            f"{len(done)} genomförda fysiska/hybrida möten {year}"
            + (f", {len(planned)} planerade" if planned else "")
            + f" (krav {required})."
        )
        if len(done) >= required:
            yield met(str(year), evidence, where)
        elif year < ctx.as_of.year or len(done) + len(planned) < required:
            yield failed(str(year), evidence, where)
        else:
            yield pending(str(year), evidence, where)


@rule(
    "SC302",
    "kallelse-i-tid",
    "3.1",
    "Kallelse med preliminär dagordning skickas minst 30 dagar före mötet",
)
def notice_in_time(ctx: Context) -> Iterator[Result]:
    """
    Vad: Kallelsen till ett sammanträde i partnerskapet skickades senare än
    30 dagar före mötet (parametern notice_days), eller saknade preliminär
    dagordning. Gäller även extrainsatta sammanträden.

    Varför: "Kallelse ska skickas ut minst 30 dagar före mötet, tillsammans
    med preliminär dagordning. Detsamma gäller för extrainsatta
    sammanträden." (§3.1) Partners behöver tid att förbereda sig och förankra
    i sin organisation.

    Åtgärd: Fyll i kallelse_skickad och dagordning i mote.yaml. Har kallelsen
    gått ut för sent kan regeln inte längre uppfyllas; den redovisas öppet.
    """
    for meeting in ctx.data.meetings:
        if meeting.body is not BodyName.PARTNERSHIP or meeting.status is MeetingStatus.CANCELLED:
            continue
        mid = meeting.meeting_id
        days = ctx.params(meeting.date).notice_days
        deadline = meeting.date - timedelta(days=days)
        sent = meeting.notice_sent
        if sent is None:
            where = meeting.where("status")
            if ctx.as_of > deadline:
                yield failed(
                    mid, f"Kallelse saknas; den skulle ha skickats senast {fmt(deadline)}.", where
                )
            else:
                yield pending(mid, f"Kallelsen ska skickas senast {fmt(deadline)}.", where)
            continue
        where = meeting.where("notice_sent")
        before = (meeting.date - sent).days
        if sent > deadline:
            yield failed(
                mid,
                f"Kallelsen skickades {fmt(sent)}, {before} dagar före mötet (krav minst {days}).",
                where,
            )
        elif not meeting.agenda:
            yield failed(mid, "Kallelsen saknar preliminär dagordning.", where)
        else:
            yield met(
                mid,
                f"Kallelsen skickades {fmt(sent)}, {before} dagar före mötet, med "
                f"{len(meeting.agenda)} dagordningspunkter.",
                where,
            )


@rule("SC303", "underlag-med-kallelse", "3.2", "Underlag till beslut distribueras med kallelsen")
def documents_with_notice(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett underlag till ett ärende distribuerades efter kallelsen, eller
    saknar datum för distribution.

    Varför: "Underlag till beslut ska distribueras i samband med att kallelse
    skickas ut." (§3.2) Partners ska kunna ta ställning före mötet.

    Åtgärd: Ange distribuerat för varje underlag. Underlag som kommer sent
    redovisas öppet; överväg att skjuta upp beslutet.
    """
    for meeting in ctx.data.meetings:
        if meeting.body is not BodyName.PARTNERSHIP or meeting.notice_sent is None:
            continue
        mid, sent = meeting.meeting_id, meeting.notice_sent
        documents = [(m, u) for m in meeting.matters for u in m.documents]
        late = False
        for matter, doc in documents:
            if doc.distributed is None or doc.distributed > sent:
                late = True
                yield failed(
                    mid,
                    f"Underlaget '{doc.title}' ({matter.id}) distribuerades "
                    f"{fmt(doc.distributed)}, kallelsen {fmt(sent)}.",
                    doc.where("distributed"),
                )
        if documents and not late:
            yield met(
                mid,
                f"{len(documents)} underlag distribuerades senast med kallelsen {fmt(sent)}.",
                meeting.where("matters"),
            )


@rule("SC304", "protokoll-i-tid", "3.2", "Protokollet färdigställs inom 14 dagar efter mötet")
def protocol_in_time(ctx: Context) -> Iterator[Result]:
    """
    Vad: Protokollet färdigställdes (justerades) senare än 14 dagar efter
    mötet (parametern protocol_days), eller är inte färdigt fast fristen har
    gått ut. Gäller partnerskapets och arbetsutskottets möten.

    Varför: "Protokoll ska färdigställas senast inom 14 dagar efter mötet"
    (§3.2). Beslut får verkan och publiceras först genom protokollet.

    Åtgärd: Ange protokoll: färdigställt: med det datum protokollet justerades.
    """
    for meeting in held(ctx, None):
        mid, deadline = meeting.meeting_id, protocol_deadline(ctx, meeting)
        protocol = meeting.protocol
        completed = protocol.completed if protocol else None
        where = protocol.where("completed") if protocol else meeting.where("status")
        if completed is not None and completed <= deadline:
            yield met(
                mid,
                f"Färdigställt {fmt(completed)}, {(completed - meeting.date).days} "
                f"dagar efter mötet (frist {fmt(deadline)}).",
                where,
            )
        elif completed is not None:
            yield failed(
                mid,
                f"Färdigställt {fmt(completed)}, {(completed - meeting.date).days} "
                f"dagar efter mötet (frist {fmt(deadline)}).",
                where,
            )
        elif ctx.as_of > deadline:
            yield failed(mid, f"Inte färdigställt; fristen gick ut {fmt(deadline)}.", where)
        else:
            yield pending(mid, f"Ska färdigställas senast {fmt(deadline)}.", where)


@rule("SC305", "protokoll-godkänt", "3.2", "Protokollet godkänns vid nästkommande sammanträde")
def protocol_approved(ctx: Context) -> Iterator[Result]:
    """
    Vad: Protokollet godkändes inte vid nästa genomförda möte i samma organ,
    utan vid ett senare möte eller inte alls.

    Varför: Protokollet ska "godkännas vid nästkommande sammanträde" (§3.2).

    Åtgärd: Sätt protokoll: status: godkänt och godkänt_vid: med id för mötet
    som godkände det (mappnamnet).
    """
    for meeting in held(ctx, None):
        mid = meeting.meeting_id
        following = next_meeting(ctx, meeting)
        protocol = meeting.protocol
        approved_at = protocol.approved_at if protocol else None
        where = protocol.where("approved_at") if protocol else meeting.where("status")
        if following is None:
            yield pending(mid, "Nästa sammanträde har inte hållits.", where)
        elif approved_at == following.meeting_id and protocol.status is ProtocolStatus.APPROVED:
            yield met(mid, f"Godkänt vid {following.meeting_id}.", where)
        elif approved_at:
            yield failed(
                mid,
                f"Godkänt vid {approved_at}, men nästa sammanträde var {following.meeting_id}.",
                where,
            )
        else:
            yield failed(
                mid, f"Inte godkänt; skulle ha godkänts vid {following.meeting_id}.", where
            )


@rule("SC306", "beslutsförhet", "3.3", "Partnerskapet är beslutsfört vid varje beslut")
def quorum(ctx: Context) -> Iterator[Result]:
    """
    Vad: Vid ett beslut i partnerskapet saknades någon sektor bland de
    närvarande, eller deltog färre än hälften av partnerskapets medlemmar
    (röstlängden; parametern quorum_share). Partners med jäv och partners som
    inte var närvarande vid beslutet (ej_närvarande) räknas inte som
    deltagande.

    Varför: "minst en representant från varje sektor är närvarande, samt …
    minst hälften av partnerskapets medlemmar deltar vid beslutstillfället"
    (§3.3) – beslut ska ha bred sektorsförankring.

    Åtgärd: Kontrollera närvarolistan och ej_närvarande. Ett beslut som
    fattades utan beslutsförhet bör tas upp igen på nästa möte.
    """
    for meeting in held(ctx):
        share = ctx.params(meeting.date).quorum_share
        roll = roll_on(ctx, meeting.date)
        sectors = {p.sector for pid in roll if (p := ctx.data.partner(pid))}
        for decision in meeting.decisions:
            present = eligible_voters(meeting, decision) & roll
            present_sectors = {ctx.data.partner(pid).sector for pid in present}  # type: ignore[union-attr]
            missing = sorted(SECTOR_NAMES[s] for s in sectors - present_sectors)
            needed = -(-len(roll) * share.numerator // share.denominator)
            evidence = f"{len(present)} av {len(roll)} deltog (krav {needed})"
            where = decision.where("id")
            if missing:
                yield failed(decision.id, f"{evidence}; ingen från: {', '.join(missing)}.", where)
            elif len(present) < needed:
                yield failed(decision.id, evidence + ".", where)
            else:
                yield met(decision.id, f"{evidence}; alla sektorer närvarande.", where)


RULES = [
    physical_meetings,
    notice_in_time,
    documents_with_notice,
    protocol_in_time,
    protocol_approved,
    quorum,
]
