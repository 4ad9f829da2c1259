"""§5 and §8.1: who is a partner, how they join and leave, and the year-1 caps."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..models import (
    SECTOR_NAMES,
    BodyName,
    DecisionKind,
    Meeting,
    MeetingStatus,
    Outcome,
    Partner,
    Sector,
)
from .base import Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import fmt, held


@rule(
    "SC501",
    "avsiktsförklaring",
    "5.3",
    "Partnern signerade avsiktsförklaringen senast när den anslöt",
    quotes=(
        ao(
            "5.3",
            "Partnerskap i SweCan sker endast efter inbjudan av partnerskapet och efter "
            "signerad avsiktsförklaring.",
        ),
    ),
)
def letter_of_intent(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner saknar datum för signerad avsiktsförklaring, eller
    signerade den efter anslutningsdatumet.

    Varför: "Partnerskap i SweCan sker endast efter inbjudan av partnerskapet
    och efter signerad avsiktsförklaring." (§5.3)

    Åtgärd: Ange avsiktsförklaring: med datum då den signerade förklaringen
    kom in till kansliet.
    """
    for partner in ctx.data.partners:
        signed = partner.letter_signed
        if signed is None:
            yield failed(
                SubjectRef.partner(partner.id),
                "Datum för signerad avsiktsförklaring saknas.",
                partner.where("joined"),
            )
        elif signed > partner.joined:
            yield failed(
                SubjectRef.partner(partner.id),
                f"Signerad {fmt(signed)}, efter anslutningen {fmt(partner.joined)}.",
                partner.where("letter_signed"),
            )
        else:
            yield met(
                SubjectRef.partner(partner.id),
                f"Signerad {fmt(signed)}, ansluten {fmt(partner.joined)}.",
                partner.where("letter_signed"),
            )


@rule(
    "SC502",
    "skriftligt-utträde",
    "5.3",
    "Utträde sker efter skriftlig begäran",
    quotes=(
        ao(
            "5.3",
            "Begäran om utträde ur SweCan meddelas skriftligen till partnerskapets ordförande "
            "och kansliet.",
        ),
    ),
)
def written_withdrawal(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner har ett utträdesdatum men ingen skriftlig begäran, eller
    begäran kom in efter utträdesdatumet.

    Varför: En partner "kvarstår som partner tills annat meddelas", och
    "begäran om utträde ur SweCan meddelas skriftligen till partnerskapets
    ordförande och kansliet" (§5.3).

    Åtgärd: Ange utträde: skriftlig_begäran: med datum då begäran kom in.
    """
    for partner in ctx.data.partners:
        exit_ = partner.withdrawal
        if exit_ is None:
            continue
        if exit_.written_request is None:
            yield failed(
                SubjectRef.partner(partner.id),
                "Utträde utan skriftlig begäran.",
                exit_.where("date"),
            )
        elif exit_.written_request > exit_.date:
            yield failed(
                SubjectRef.partner(partner.id),
                f"Begäran {fmt(exit_.written_request)} kom efter utträdet {fmt(exit_.date)}.",
                exit_.where("written_request"),
            )
        else:
            yield met(
                SubjectRef.partner(partner.id),
                f"Skriftlig begäran {fmt(exit_.written_request)}.",
                exit_.where("written_request"),
            )


@rule(
    "SC503",
    "tak-första-året",
    "8.1",
    "Under första verksamhetsåret högst 27/15/9/20/3 partners per sektor",
    quotes=(
        ao(
            "8.1",
            "Under SweCans första verksamhetsår ska dess partnerskap efter inbjudan från "
            "Socialstyrelsen, och utan föregående nominering, besättas sektorsvis med maximalt "
            "följande antal partners:",
        ),
    ),
)
def first_year_caps(ctx: Context) -> Iterator[Result]:
    """
    Vad: Under SweCans första verksamhetsår hade en sektor fler partners
    samtidigt än interimsbestämmelsen tillåter (parametern first_year_caps:
    hälso- och sjukvård 27, innovation och forskning 15, myndigheter 9,
    patientföreningar och civilsamhälle 20, näringsliv 3). Fyndet pekar på den
    partner som tog sektorn över taket.

    Varför: Partnerskapet ska första året "besättas sektorsvis med maximalt
    följande antal partners" (§8.1) för att hålla balansen mellan sektorerna.

    Åtgärd: Kontrollera sektor och anslutningsdatum; en partner som ska
    ersätta en annan ansluter först när den andra har utträtt.
    """
    start, end = ctx.data.config.operating_year_bounds(1)
    caps = ctx.params(start).first_year_caps
    for sector in Sector:
        cap = caps.get(sector)
        if cap is None:
            continue
        # Sorted by joining date; ties keep file order, so the later entry is the one over.
        partners = sorted(
            (p for p in ctx.data.partners if p.sector is sector and p.joined <= end),
            key=lambda p: p.joined,
        )
        peak, over = 0, False
        leaving: list[Partner] = []  # the partners so far who have a withdrawal date
        for position, partner in enumerate(partners, start=1):
            day = max(partner.joined, start)
            if partner.withdrawal is not None:
                leaving.append(partner)
            # members of the sector on the day this partner joined, counting up to this one:
            # all of them joined on or before ``day``, so only a withdrawal takes one out
            rank = position - sum(1 for p in leaving if not p.member_on(day))
            peak = max(peak, rank)
            if rank > cap:
                over = True
                yield failed(
                    SubjectRef.sector(SECTOR_NAMES[sector]),
                    f"{partner.name} är partner nummer {rank} i "
                    f"sektorn {fmt(day)}; taket är {cap}.",
                    partner.where("sector"),
                )
        if not over:
            where = partners[-1].where("sector") if partners else ctx.data.partners_file.where()
            yield met(
                SubjectRef.sector(SECTOR_NAMES[sector]),
                f"Högst {peak} samtidigt av {cap} tillåtna.",
                where,
            )


@rule(
    "SC504",
    "röstlängd-fastställd",
    "5.2",
    "Röstlängden fastställs vid varje kalenderårs första sammanträde",
    quotes=(
        ao(
            "5.2",
            "som därefter fastställer SweCans sammansättning, tillika röstlängd, vid varje "
            "kalenderårs första sammanträde.",
        ),
    ),
)
def roll_fixed(ctx: Context) -> Iterator[Result]:
    """
    Vad: Vid kalenderårets första genomförda sammanträde i partnerskapet
    fattades inget beslut om röstlängd (typ: röstlängd). Under första
    verksamhetsåret krävs det som standard inte, eftersom §8.1 tillämpar
    punkt 5 "från och med SweCans andra verksamhetsår" (tolkning T6,
    parametern first_year_roll); ett beslut som ändå fattas redovisas som
    uppfyllt.

    Varför: Partnerskapet "fastställer SweCans sammansättning, tillika
    röstlängd, vid varje kalenderårs första sammanträde" (§5.2). Röstlängden
    avgör beslutsförhet och vem som får rösta.

    Åtgärd: Protokollför beslutet om röstlängd med typ: röstlängd; lista
    partnerna under röstlängd: om den avviker från partnerförteckningen.
    """
    first_by_year: dict[int, Meeting] = {}
    for meeting in held(ctx):
        first_by_year.setdefault(meeting.date.year, meeting)
    config = ctx.data.config
    # A year whose first meeting is still planned: the röstlängd falls due on its date.
    planned = sorted(
        (
            m
            for m in ctx.data.meetings
            if m.body is BodyName.PARTNERSHIP
            and m.status is MeetingStatus.PLANNED
            and m.date >= ctx.as_of
            and m.date.year not in first_by_year
        ),
        key=lambda m: (m.date, m.start),
    )
    for meeting in planned:
        year = meeting.date.year
        if year in first_by_year:
            continue
        first_by_year[year] = meeting
        first_year = config.operating_year(meeting.date) < 2
        if first_year and ctx.params(meeting.date).first_year_roll == "krävs_inte":
            continue
        yield pending(
            SubjectRef.year(year),
            f"Röstlängden ska fastställas vid årets första sammanträde, {meeting.meeting_id}.",
            meeting.where("date"),
            due=meeting.date,
        )
    first_by_year = {y: m for y, m in first_by_year.items() if m.status is MeetingStatus.HELD}
    for year, meeting in sorted(first_by_year.items()):
        roll = [d for d in meeting.decisions if d.kind is DecisionKind.ROLL]
        first_year = config.operating_year(meeting.date) < 2
        exempt = first_year and ctx.params(meeting.date).first_year_roll == "krävs_inte"
        if exempt and not roll:
            continue  # not required in verksamhetsår 1 (interpretation T6)
        if roll:
            yield met(
                SubjectRef.year(year),
                f"Fastställd vid {meeting.meeting_id} ({roll[0].id}).",
                roll[0].where("kind"),
            )
        else:
            yield failed(
                SubjectRef.year(year),
                f"Årets första sammanträde {meeting.meeting_id} fastställde ingen röstlängd.",
                meeting.where("date"),
            )


@rule(
    "SC505",
    "antagningsbeslut",
    "2.1, 8.1",
    "Från verksamhetsår 2 antas nya partners genom beslut i partnerskapet",
    quotes=(
        ao("2.1", "Beslutar om tillkommande partners fr.o.m. verksamhetsår 2 enligt punkt 8.1."),
    ),
)
def admission_decision(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner som anslöt från och med SweCans andra verksamhetsår saknar
    antagen_genom, eller hänvisar till ett beslut som inte är ett bifallet
    antagningsbeslut (typ: antagning) i partnerskapet före anslutningen.

    Varför: Partnerskapet "beslutar om tillkommande partners fr.o.m.
    verksamhetsår 2" (§2.1) efter nominering (§5, §8.1).

    Åtgärd: Ange antagen_genom: med id för antagningsbeslutet och lista
    partnern under antar: i beslutet.
    """
    config = ctx.data.config
    for partner in ctx.data.partners:
        if config.operating_year(partner.joined) < 2:
            continue
        found = ctx.data.decision(partner.admitted_by) if partner.admitted_by else None
        if found is None:
            if not partner.admitted_by:
                yield failed(
                    SubjectRef.partner(partner.id),
                    "Ansluten från verksamhetsår 2 utan antagningsbeslut.",
                    partner.where("joined"),
                )
            continue  # a broken reference is SC103's
        meeting, decision = found
        problems = []
        if meeting.body is not BodyName.PARTNERSHIP or decision.kind is not DecisionKind.ADMISSION:
            problems.append("inte ett antagningsbeslut i partnerskapet")
        if decision.outcome is not Outcome.ADOPTED:
            problems.append("förslaget avslogs")
        if meeting.date > partner.joined:
            problems.append(f"beslutet ({fmt(meeting.date)}) är efter anslutningen")
        if decision.admits and partner.id not in decision.admits:
            problems.append("partnern står inte under antar: i beslutet")
        if problems:
            yield failed(
                SubjectRef.partner(partner.id),
                f"{decision.id}: " + "; ".join(problems) + ".",
                partner.where("admitted_by"),
            )
        else:
            yield met(
                SubjectRef.partner(partner.id),
                f"Antagen genom {decision.id} ({fmt(meeting.date)}).",
                partner.where("admitted_by"),
            )


@rule(
    "SC506",
    "inbjudan",
    "5.3, 8.1",
    "En partner är inbjuden innan den ansluter",
    quotes=(
        ao(
            "5.3",
            "Partnerskap i SweCan sker endast efter inbjudan av partnerskapet och efter "
            "signerad avsiktsförklaring.",
        ),
        ao(
            "8.1",
            "Under SweCans första verksamhetsår ska dess partnerskap efter inbjudan från "
            "Socialstyrelsen, och utan föregående nominering, besättas sektorsvis",
        ),
    ),
)
def invitation(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner har ett datum för inbjudan (inbjuden:) som är senare än
    anslutningen. Inbjuden samma dag som anslutningen är i tid. Uppgiften är
    frivillig; partners utan den bedöms inte. (Från verksamhetsår 2 prövar
    SC505 dessutom partnerskapets antagningsbeslut.)

    Varför: "Partnerskap i SweCan sker endast efter inbjudan av partnerskapet
    och efter signerad avsiktsförklaring." (§5.3) Första året bjuder
    Socialstyrelsen in (§8.1).

    Åtgärd: Ange inbjuden: med datum för inbjudan i partners.yaml.
    """
    for partner in ctx.data.partners:
        if partner.invited is None:
            continue
        if partner.invited > partner.joined:
            yield failed(
                SubjectRef.partner(partner.id),
                f"Inbjuden {fmt(partner.invited)}, efter anslutningen {fmt(partner.joined)}.",
                partner.where("invited"),
            )
        else:
            yield met(
                SubjectRef.partner(partner.id),
                f"Inbjuden {fmt(partner.invited)}, ansluten {fmt(partner.joined)}.",
                partner.where("invited"),
            )


NOMINATION_STEPS = (
    ("public_invitation", "offentlig inbjudan"),
    ("nominated", "nominering"),
    ("candidate_list", "kandidatlista"),
)


@rule(
    "SC507",
    "nominering",
    "5.2, 8.1",
    "Från andra verksamhetsåret nomineras nya partners i ordning enligt punkt 5",
    quotes=(
        ao(
            "5.2",
            "Kansliet sammanställer och meddelar lista över kandidater till SweCans "
            "partnerskap, som därefter fastställer SweCans sammansättning, tillika "
            "röstlängd, vid varje kalenderårs första sammanträde.",
        ),
        ao(
            "8.1",
            "Från och med SweCans andra verksamhetsår tillämpas nomineringsprocess för "
            "partnerskap i SweCan enligt punkt 5.",
        ),
    ),
)
def nomination(ctx: Context) -> Iterator[Result]:
    """
    Vad: För en partner som anslöt från och med SweCans andra verksamhetsår
    har nomineringens steg (nominering: i partners.yaml) skett i fel
    ordning: den offentliga inbjudan (offentlig_inbjudan:) ska komma före
    eller samma dag som nomineringen (nominerad:), och nomineringen före
    eller samma dag som kansliet meddelade kandidatlistan (kandidatlista:).
    Kandidatlistan ska också ha meddelats senast samma dag som mötet där
    partnerskapet antog partnern (antagen_genom:) och senast
    anslutningsdagen. Är alla steg angivna och i ordning är regeln
    uppfylld. Ett steg som saknas är inte antecknat och bedöms inte (det är
    inget fynd); partners utan nominering: bedöms inte.

    Varför: Nominering sker genom "Offentlig inbjudan till relevanta
    aktörer", och "Kansliet sammanställer och meddelar lista över kandidater
    till SweCans partnerskap, som därefter fastställer SweCans
    sammansättning" (§5.2); "Från och med SweCans andra verksamhetsår
    tillämpas nomineringsprocess för partnerskap i SweCan enligt punkt 5."
    (§8.1)

    Åtgärd: Ange datumen under nominering: (offentlig_inbjudan, nominerad,
    kandidatlista) för partnern i partners.yaml och kontrollera dem mot
    kansliets handlingar.
    """
    config = ctx.data.config
    for partner in ctx.data.partners:
        steps = partner.nomination
        if steps is None or config.operating_year(partner.joined) < 2:
            continue
        subject = SubjectRef.partner(partner.id)
        recorded = [
            (name, label, getattr(steps, name))
            for name, label in NOMINATION_STEPS
            if getattr(steps, name) is not None
        ]
        ok = True
        for (_, before_label, before), (name, label, day) in pairwise(recorded):
            if day < before:
                ok = False
                yield failed(
                    subject,
                    f"{label.capitalize()} {fmt(day)}, före {before_label} {fmt(before)}.",
                    steps.where(name),
                )
        listed = steps.candidate_list
        if listed is not None:
            found = ctx.data.decision(partner.admitted_by) if partner.admitted_by else None
            if found is not None and listed > found[0].date:
                ok = False
                yield failed(
                    subject,
                    f"Kandidatlistan meddelades {fmt(listed)}, efter mötet "
                    f"{found[0].meeting_id} där {found[1].id} fattades.",
                    steps.where("candidate_list"),
                )
            if listed > partner.joined:
                ok = False
                yield failed(
                    subject,
                    f"Kandidatlistan meddelades {fmt(listed)}, efter anslutningen "
                    f"{fmt(partner.joined)}.",
                    steps.where("candidate_list"),
                )
        if ok and len(recorded) == len(NOMINATION_STEPS):
            yield met(
                subject,
                f"Offentlig inbjudan {fmt(steps.public_invitation)}, nominering "
                f"{fmt(steps.nominated)}, kandidatlista {fmt(listed)}, ansluten "
                f"{fmt(partner.joined)}.",
                steps.where("candidate_list"),
            )


RULES = [
    letter_of_intent,
    written_withdrawal,
    first_year_caps,
    roll_fixed,
    admission_decision,
    invitation,
    nomination,
]
