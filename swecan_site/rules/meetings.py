"""§3 SweCans sammanträden: frequency, notice, protocol and quorum."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..labels import decimal
from ..layout import MEETINGS_DIR
from ..matters import matters
from ..models import (
    SECTOR_NAMES,
    BodyName,
    ChairRole,
    Matter,
    Meeting,
    MeetingStatus,
    ProtocolStatus,
    Sector,
    Underlag,
)
from ..problems import Location
from .base import Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import (
    fmt,
    held,
    next_meeting,
    next_planned,
    notice_deadline,
    planned,
    present_at,
    protocol_deadline,
    quorum_members,
)


@rule(
    "SC301",
    "fysiska-möten",
    "3.1",
    "Partnerskapet sammanträder fysiskt minst två gånger per kalenderår",
    quotes=(ao("3.1", "SweCan sammanträder fysiskt minst två gånger per år."),),
)
def physical_meetings(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett kalenderår som har tagit slut hade färre genomförda fysiska
    sammanträden i partnerskapet än arbetsordningen kräver (parametern
    physical_meetings_per_year, 2). Hybridmöten räknas som fysiska; digitala
    möten gör det inte. Ett år som pågår är ej avgjort tills det är slut –
    även ett möte som kallas med för kort varsel är ett sammanträde, så
    kravet kan uppfyllas till årets sista dag. Uppfyllt blir det så snart
    mötena är genomförda.

    Varför: "SweCan sammanträder fysiskt minst två gånger per år." (§3.1)

    Åtgärd: Planera in och genomför fysiska sammanträden; ett inställt möte
    behöver ersättas.
    """
    first = ctx.data.config.first_operating_year_start.year
    for year in range(first, ctx.as_of.year + 1):
        last_day = date(year, 12, 31)
        required = ctx.params(min(last_day, ctx.as_of)).physical_meetings_per_year
        year_meetings = [
            m for m in ctx.data.meetings if m.body is BodyName.PARTNERSHIP and m.date.year == year
        ]
        meetings = [m for m in year_meetings if m.is_physical]
        done = [m for m in meetings if m.status is MeetingStatus.HELD and m.date <= ctx.as_of]
        planned = [m for m in meetings if m.status is MeetingStatus.PLANNED and m.date >= ctx.as_of]
        # Point at the year's last partnership meeting: where a change would have to be made.
        where = year_meetings[-1].where("form") if year_meetings else Location(MEETINGS_DIR)
        evidence = (
            f"{len(done)} genomförda fysiska/hybrida möten {year}"
            + (f", {len(planned)} planerade" if planned else "")
            + f" (krav {required})"
        )
        if len(done) >= required:
            yield met(SubjectRef.year(year), evidence + ".", where, due=last_day)
        elif ctx.as_of > last_day:
            yield failed(
                SubjectRef.year(year),
                evidence + f"; året tog slut {fmt(last_day)}.",
                where,
                due=last_day,
            )
        else:
            yield pending(
                SubjectRef.year(year),
                evidence + f"; året pågår till {fmt(last_day)}.",
                where,
                due=last_day,
            )


@rule(
    "SC302",
    "kallelse-i-tid",
    "3.1",
    "Kallelse med preliminär dagordning skickas minst 30 dagar före mötet",
    quotes=(
        ao(
            "3.1",
            "Kallelse ska skickas ut minst 30 dagar före mötet, tillsammans med preliminär "
            "dagordning. Detsamma gäller för extrainsatta sammanträden.",
        ),
    ),
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
        mid = SubjectRef.meeting(meeting.meeting_id)
        days = ctx.params(meeting.date).notice_days
        deadline = notice_deadline(ctx, meeting)
        sent = meeting.notice_sent
        if sent is None:
            where = meeting.where("status")
            if ctx.as_of > deadline:
                yield failed(
                    mid,
                    f"Kallelse saknas; den skulle ha skickats senast {fmt(deadline)}.",
                    where,
                    due=deadline,
                )
            else:
                yield pending(
                    mid, f"Kallelsen ska skickas senast {fmt(deadline)}.", where, due=deadline
                )
            continue
        where = meeting.where("notice_sent")
        before = (meeting.date - sent).days
        if sent > deadline:
            yield failed(
                mid,
                f"Kallelsen skickades {fmt(sent)}, {before} dagar före mötet (krav minst {days}).",
                where,
                due=deadline,
            )
        elif not meeting.agenda:
            yield failed(mid, "Kallelsen saknar preliminär dagordning.", where, due=deadline)
        else:
            yield met(
                mid,
                f"Kallelsen skickades {fmt(sent)}, {before} dagar före mötet, med "
                f"{len(meeting.agenda)} dagordningspunkter.",
                where,
                due=deadline,
            )


# Days after the kallelse an underlag may still go out (interpretation T11).
DOCUMENT_GRACE_DAYS = {"senast_kallelsedagen": 0, "inom_en_vecka": 7}


def _documents(ctx: Context, meeting: Meeting) -> list[tuple[Matter, Underlag]]:
    """The underlag that went out for this meeting: of every matter its agenda carries
    (or it defines), those distributed for it (MatterRecord.underlag_meeting) – a matter
    taken up again is judged per meeting, each underlag against its own kallelse."""
    return [
        (record.matter, doc)
        for record in matters(ctx.data).at(meeting)
        for doc in record.matter.documents
        if record.underlag_meeting(doc) is meeting
    ]


@rule(
    "SC303",
    "underlag-med-kallelse",
    "3.2",
    "Underlag till beslut distribueras med kallelsen",
    quotes=(
        ao(
            "3.2",
            "Underlag till beslut ska distribueras i samband med att kallelse skickas ut.",
        ),
    ),
)
def documents_with_notice(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett underlag till ett ärende distribuerades efter kallelsen, eller
    saknar datum för distribution. Som standard ska underlaget gå ut senast
    samma dag som kallelsen (tolkning T11, parametern documents_with_notice;
    alternativet godtar upp till sju dagar efter).

    Varför: "Underlag till beslut ska distribueras i samband med att kallelse
    skickas ut." (§3.2) Partners ska kunna ta ställning före mötet.

    Åtgärd: Ange distribuerat för varje underlag. Underlag som kommer sent
    redovisas öppet; överväg att skjuta upp beslutet.
    """
    for meeting in ctx.data.meetings:
        if meeting.body is not BodyName.PARTNERSHIP:
            continue
        mid, sent = SubjectRef.meeting(meeting.meeting_id), meeting.notice_sent
        if sent is None:
            deadline = notice_deadline(ctx, meeting)
            count = len(_documents(ctx, meeting))
            if meeting.status is MeetingStatus.PLANNED and count and ctx.as_of <= deadline:
                # Not yet judged: the underlag goes out with the kallelse (SC302's deadline).
                yield pending(
                    mid,
                    f"{count} underlag ska distribueras med kallelsen, senast {fmt(deadline)}.",
                    meeting.where("matters"),
                    due=deadline,
                )
            continue
        documents = _documents(ctx, meeting)
        grace = DOCUMENT_GRACE_DAYS[ctx.params(meeting.date).documents_with_notice]
        last = sent + timedelta(days=grace)
        reading = f"senast {fmt(last)}, tolkning T11"
        late = False
        for matter, doc in documents:
            if doc.distributed is None or doc.distributed > last:
                late = True
                # The verdict is published: a non-public underlag is not named (§7, SC803).
                what = f"'{doc.title}'" if doc.public else "som inte är offentligt"
                yield failed(
                    mid,
                    f"Underlaget {what} ({matter.id}) distribuerades "
                    f"{fmt(doc.distributed)}, kallelsen {fmt(sent)} ({reading}).",
                    doc.where("distributed"),
                )
        if documents and not late:
            yield met(
                mid,
                f"{len(documents)} underlag distribuerades i samband med kallelsen "
                f"{fmt(sent)} ({reading}).",
                meeting.where("matters"),
            )


PROTOCOL_QUOTE = ao(
    "3.2",
    "Protokoll ska färdigställas senast inom 14 dagar efter mötet och godkännas vid "
    "nästkommande sammanträde.",
)


@rule(
    "SC304",
    "protokoll-i-tid",
    "3.2",
    "Partnerskapets protokoll färdigställs inom 14 dagar efter mötet",
    quotes=(PROTOCOL_QUOTE,),
)
def protocol_in_time(ctx: Context) -> Iterator[Result]:
    """
    Vad: Protokollet från ett sammanträde i partnerskapet färdigställdes
    senare än 14 dagar efter mötet (parametern protocol_days), eller är inte
    färdigställt fast fristen har gått ut. Dag 14 efter mötet är i tid, dag 15
    inte. Arbetsutskottets möten omfattas inte: §3 gäller SweCans
    sammanträden, och arbetsutskottet beslutar självständigt om formerna för
    sina sammanträden (§2.2). Kansliets eget mål för arbetsutskottets
    protokoll är SC207.

    Varför: "Protokoll ska färdigställas senast inom 14 dagar efter mötet"
    (§3.2). Beslut publiceras först genom protokollet.

    Åtgärd: Ange protokoll: färdigställt: med det datum protokollet blev färdigt.
    """
    for meeting in held(ctx):
        mid, deadline = SubjectRef.meeting(meeting.meeting_id), protocol_deadline(ctx, meeting)
        protocol = meeting.protocol
        completed = protocol.completed if protocol else None
        where = protocol.where("completed") if protocol else meeting.where("status")
        if completed is not None and completed <= deadline:
            yield met(
                mid,
                f"Färdigställt {fmt(completed)}, {(completed - meeting.date).days} "
                f"dagar efter mötet (frist {fmt(deadline)}).",
                where,
                due=deadline,
            )
        elif completed is not None:
            yield failed(
                mid,
                f"Färdigställt {fmt(completed)}, {(completed - meeting.date).days} "
                f"dagar efter mötet (frist {fmt(deadline)}).",
                where,
                due=deadline,
            )
        elif ctx.as_of > deadline:
            yield failed(
                mid, f"Inte färdigställt; fristen gick ut {fmt(deadline)}.", where, due=deadline
            )
        else:
            yield pending(mid, f"Ska färdigställas senast {fmt(deadline)}.", where, due=deadline)
    for meeting in planned(ctx, BodyName.PARTNERSHIP):
        # Not held yet: the protocol's deadline is already known from the date.
        deadline = protocol_deadline(ctx, meeting)
        yield pending(
            SubjectRef.meeting(meeting.meeting_id),
            f"Mötet är planerat; protokollet ska färdigställas senast {fmt(deadline)}.",
            meeting.where("date"),
            due=deadline,
        )


@rule(
    "SC305",
    "protokoll-godkänt",
    "3.2",
    "Partnerskapets protokoll godkänns vid nästkommande sammanträde",
    quotes=(PROTOCOL_QUOTE,),
)
def protocol_approved(ctx: Context) -> Iterator[Result]:
    """
    Vad: Protokollet från ett sammanträde i partnerskapet godkändes inte vid
    partnerskapets nästa genomförda sammanträde, utan vid ett senare möte
    eller inte alls. Arbetsutskottets möten omfattas inte (§2.2: utskottet
    beslutar självständigt om formerna för sina sammanträden).

    Varför: Protokollet ska "godkännas vid nästkommande sammanträde" (§3.2).

    Åtgärd: Sätt protokoll: status: godkänt och godkänt_vid: med id för mötet
    som godkände det (mappnamnet).
    """
    for meeting in held(ctx):
        mid = SubjectRef.meeting(meeting.meeting_id)
        following = next_meeting(ctx, meeting)
        protocol = meeting.protocol
        approved_at = protocol.approved_at if protocol else None
        where = protocol.where("approved_at") if protocol else meeting.where("status")
        if following is None:
            planned = next_planned(ctx, meeting)
            if planned is not None:
                yield pending(
                    mid,
                    f"Ska godkännas vid nästa sammanträde, {planned.meeting_id}.",
                    where,
                    due=planned.date,
                )
            else:
                yield pending(mid, "Nästa sammanträde har inte hållits.", where)
        elif (
            protocol is not None
            and approved_at == following.meeting_id
            and protocol.status is ProtocolStatus.APPROVED
        ):
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


@rule(
    "SC306",
    "beslutsförhet",
    "3.3",
    "Partnerskapet är beslutsfört vid varje beslut",
    quotes=(
        ao(
            "3.3",
            "För att SweCan ska vara beslutsför krävs att minst en representant från varje "
            "sektor är närvarande, samt att minst hälften av partnerskapets medlemmar deltar "
            "vid beslutstillfället.",
        ),
    ),
)
def quorum(ctx: Context) -> Iterator[Result]:
    """
    Vad: Vid ett beslut i partnerskapet var någon av de fem sektorerna inte
    närvarande, eller deltog färre än hälften av partnerskapets medlemmar
    (parametern quorum_share; exakt hälften räcker).

    Närvarande är de som står i närvarolistan och inte i ej_närvarande för
    beslutet; en partner med jäv är närvarande. En sektor som saknar
    partners på mötesdagen kan inte vara företrädd: som standard är
    partnerskapet då inte beslutsfört (tolkning T10, parametern
    empty_sector), och bedömningen säger vilken sektor det gäller. Vilka som
    är "partnerskapets medlemmar" (tolkning T1, parametern quorum_members)
    och vilka som "deltar" (tolkning T2, parametern quorum_participants: som
    standard närvarande utan jäv) är tolkningar; bedömningen anger hur många
    närvarande som hade jäv och vilken läsning den vilar på.

    Varför: "minst en representant från varje sektor är närvarande, samt att
    minst hälften av partnerskapets medlemmar deltar vid beslutstillfället"
    (§3.3) – beslut ska ha bred sektorsförankring.

    Åtgärd: Kontrollera närvarolistan, ej_närvarande och jäv. Ett beslut som
    fattades utan beslutsförhet bör tas upp igen på nästa möte.
    """
    for meeting in held(ctx):
        params = ctx.params(meeting.date)
        share = params.quorum_share
        members = quorum_members(ctx, meeting.date)
        with_partners = {p.sector for p in ctx.members_on(meeting.date)}
        empty = [s for s in Sector if s not in with_partners]
        for decision in meeting.decisions:
            present = {pid for pid in present_at(meeting, decision) if ctx.data.partner(pid)}
            present_sectors = {ctx.data.partner(pid).sector for pid in present}  # type: ignore[union-attr]
            recused = present & members & set(decision.recused)
            taking_part = present & members
            if params.quorum_participants == "utan_jäv":
                taking_part -= recused
            missing = [s for s in with_partners if s not in present_sectors]
            # share of the members, rounded up: 'minst hälften' of 47 is 24, of 46 is 23
            needed = -(-len(members) * share.numerator // share.denominator)
            evidence = (
                f"{len(taking_part)} av {len(members)} deltog (krav minst {needed}: "
                f"{share} av {len(members)} är {decimal(share * len(members))})"
            )
            if recused:
                reading = (
                    "som inte deltar i beslutet"
                    if params.quorum_participants == "utan_jäv"
                    else "som ändå räknas som deltagande"
                )
                evidence += (
                    f"; {len(present & members)} närvarande, varav {len(recused)} med jäv "
                    f"{reading} (tolkning T2)"
                )
            problems = []
            if missing:
                names = ", ".join(sorted(SECTOR_NAMES[s] for s in missing))
                problems.append(f"ingen närvarande från: {names}")
            if empty:
                names = ", ".join(sorted(SECTOR_NAMES[s] for s in empty))
                if params.empty_sector == "ej_beslutsför":
                    problems.append(
                        f"inga partners i sektorn {names}, som därför inte kunde vara "
                        "företrädd (tolkning T10)"
                    )
                else:
                    evidence += f"; {names} saknar partners och undantas (tolkning T10)"
            subject, where = SubjectRef.decision(decision.id), decision.where("id")
            if problems:
                yield failed(subject, f"{evidence}; {'; '.join(problems)}.", where)
            elif len(taking_part) < needed:
                yield failed(subject, evidence + ".", where)
            else:
                sectors = "alla fem sektorer" if not empty else "alla sektorer med partners"
                yield met(subject, f"{evidence}; {sectors} närvarande.", where)


@rule(
    "SC307",
    "mötesordförande",
    "6.2, 2.2",
    "Sammanträdet leds av organets ordförande eller, i dennes frånvaro, vice ordförande",
    quotes=(
        ao(
            "6.2",
            "Leder SweCans sammanträden och samverkar vid behov med ordförande för "
            "arbetsutskottet och ansvarig tjänsteperson för kansliet.",
        ),
        ao("6.2", "Vice ordförande ersätter ordföranden i dennes frånvaro."),
        ao(
            "2.2",
            "Arbetsutskottet leds av en ordförande som vid behov samverkar med ordförande för "
            "SweCan och kansliet.",
        ),
        ao("2.2", "Vice ordförande ersätter ordförande i dennes frånvaro."),
    ),
)
def meeting_chair(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett genomfört möte leddes av någon annan än organets ordförande
    eller vice ordförande, eller av en ordförande eller vice som inte hade
    mandat på mötesdagen (organisation.yaml). Uppgiften mötesordförande är
    frivillig; möten utan den bedöms inte. Hade organet ingen ordförande
    eller vice vars mandat började före mötet (arbetsutskottets
    konstituerande möte, där de väljs) är annan mötesledare inget fynd.

    Varför: Ordföranden "Leder SweCans sammanträden" och "Vice ordförande
    ersätter ordföranden i dennes frånvaro" (§6.2); arbetsutskottet "leds av
    en ordförande" och vice ersätter ordförande i dennes frånvaro (§2.2).

    Åtgärd: Ange mötesordförande: ordförande, vice_ordförande eller annan i
    mote.yaml, och kontrollera mandatperioderna i organisation.yaml.
    """
    org = ctx.data.organisation
    for meeting in held(ctx, None):
        role = meeting.chaired_by
        if role is None:
            continue
        body = org.partnership if meeting.body is BodyName.PARTNERSHIP else org.committee
        mid, where = SubjectRef.meeting(meeting.meeting_id), meeting.where("chaired_by")
        chair = body.holder("chair", meeting.date)
        vice = body.holder("vice_chair", meeting.date)
        if role is ChairRole.OTHER:
            # A body whose chair and vice were first chosen at this very meeting (the AU's
            # constituent meeting) had no one to lead it before the election.
            earlier = [
                t
                for t in (*body.chair, *body.vice_chair)
                if t.start < meeting.date and (t.end is None or t.end >= meeting.date)
            ]
            if not earlier:
                yield met(
                    mid,
                    "Organet hade ingen ordförande eller vice ordförande med mandat före mötet.",
                    where,
                )
            else:
                yield failed(
                    mid,
                    "Mötet leddes av någon annan än ordföranden eller vice ordföranden.",
                    where,
                )
            continue
        holder = chair if role is ChairRole.CHAIR else vice
        label = "ordförande" if role is ChairRole.CHAIR else "vice ordförande"
        if holder is None:
            yield failed(
                mid,
                f"Mötet leddes av {label}, men ingen {label} hade mandat {fmt(meeting.date)}.",
                where,
            )
        else:
            yield met(mid, f"Leddes av {label}: {holder.name}.", where)


@rule(
    "SC308",
    "extrainsatt-av-ordförande",
    "3.1",
    "Ett extrainsatt sammanträde beslutas av partnerskapets ordförande",
    quotes=(ao("3.1", "SweCans ordförande beslutar om extrainsatta sammanträden."),),
)
def extra_meeting_called_by_chair(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett extrainsatt sammanträde i partnerskapet (extrainsatt: true)
    beslutades av någon annan än partnerskapets ordförande (beslutat_av:
    annan), eller av en ordförande eller vice ordförande som inte hade
    mandat på beslutsdagen (organisation.yaml). Beslutsdagen är beslutat:,
    annars dagen då kallelsen skickades, annars mötesdagen. Ett beslut av
    vice ordföranden är som standard i sin ordning, eftersom vice ordförande
    ersätter ordföranden i dennes frånvaro (tolkning T14, parametern
    extra_meeting_vice; alternativet är att bara ordföranden får besluta).
    Uppgiften beslutat_av är frivillig; extrainsatta sammanträden utan den
    bedöms inte.

    Varför: "SweCans ordförande beslutar om extrainsatta sammanträden."
    (§3.1) "Vice ordförande ersätter ordföranden i dennes frånvaro." (§6.2)

    Åtgärd: Ange beslutat_av: ordförande, vice_ordförande eller annan och
    beslutat: med datum för beslutet i mote.yaml, och kontrollera
    mandatperioderna i organisation.yaml.
    """
    partnership = ctx.data.organisation.partnership
    for meeting in ctx.data.meetings:
        if meeting.body is not BodyName.PARTNERSHIP or not meeting.extra:
            continue
        role = meeting.called_by
        if role is None:
            continue  # not recorded: not judged
        mid, where = SubjectRef.meeting(meeting.meeting_id), meeting.where("called_by")
        if meeting.called_on is not None:
            day, which = meeting.called_on, "beslutsdagen"
        elif meeting.notice_sent is not None:
            day, which = meeting.notice_sent, "dagen då kallelsen skickades"
        else:
            day, which = meeting.date, "mötesdagen"
        if role is ChairRole.OTHER:
            yield failed(
                mid,
                "Det extrainsatta sammanträdet beslutades av någon annan än ordföranden.",
                where,
            )
            continue
        if role is ChairRole.VICE_CHAIR and ctx.params(day).extra_meeting_vice == "räcker_inte":
            yield failed(
                mid,
                "Det extrainsatta sammanträdet beslutades av vice ordföranden; bara "
                "ordföranden beslutar om extrainsatta sammanträden (tolkning T14).",
                where,
            )
            continue
        holder = partnership.holder("chair" if role is ChairRole.CHAIR else "vice_chair", day)
        label = "ordförande" if role is ChairRole.CHAIR else "vice ordförande"
        if holder is None:
            yield failed(
                mid,
                f"Beslutat av {label}, men ingen {label} för partnerskapet hade mandat "
                f"{fmt(day)} ({which}).",
                where,
            )
        else:
            stands_in = (
                " (ersätter ordföranden, tolkning T14)" if role is ChairRole.VICE_CHAIR else ""
            )
            yield met(
                mid, f"Beslutat {fmt(day)} ({which}) av {label}: {holder.name}{stands_in}.", where
            )


RULES = [
    physical_meetings,
    notice_in_time,
    documents_with_notice,
    protocol_in_time,
    protocol_approved,
    quorum,
    meeting_chair,
    extra_meeting_called_by_chair,
]
