"""§4 Beslutsprocess and §9: matters, votes, jäv and changes to the arbetsordning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from fractions import Fraction

from ..labels import percentages
from ..matters import matters
from ..models import RAISED_BY_BODIES, BodyName, DecisionKind, Method, Outcome
from .base import Basis, Context, Result, SubjectRef, ao, bilaga2, failed, met, pending, rule
from .common import fmt, held, present_at, protocol_deadline, protocol_published, voters_on


@rule(
    "SC401",
    "ärende-i-tid",
    "4.2",
    "Ett ärende väcks skriftligen minst 14 dagar innan kallelsen skickas",
    quotes=(
        ao(
            "4.2",
            "Ett ärende initieras genom att partner eller en grupp av partners meddelar "
            "ordförande och kansliet skriftligen enligt framtagen mall senast 14 dagar innan "
            "kallelse skickas ut enligt punkt 3.1.",
        ),
    ),
)
def matter_in_time(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett ärende till partnerskapet kom in senare än 14 dagar innan
    kallelsen skickades (parametern matter_days_before_notice), eller saknar
    datum. Väckt på dagen 14 dagar före kallelsen är i tid, 13 dagar före
    inte. Fristen gäller som standard alla ärenden, också de som
    arbetsutskottet, kansliet eller ordföranden tar upp: §4.2 anger inget
    undantag (tolkning T7, parametern matter_deadline_scope).

    Varför: "Ett ärende initieras genom att partner … meddelar ordförande och
    kansliet skriftligen … senast 14 dagar innan kallelse skickas ut" (§4.2),
    så att arbetsutskottet hinner bereda det (§4.1).

    Åtgärd: Ange väckt: med datum då den skriftliga begäran kom in.

    Ett ärende som flera möten behandlar bedöms mot kallelsen till det första
    sammanträde i partnerskapet vars dagordning tar upp det (ärende: på en
    punkt), annars mot mötet där ärendet står under ärenden:. Att ärendet
    bordläggs och tas upp igen vid ett senare möte flyttar inte fristen.
    """
    for record in matters(ctx.data).all():
        meeting = record.first_meeting(BodyName.PARTNERSHIP)
        if meeting is None or meeting.notice_sent is None:
            continue
        matter = record.matter
        params = ctx.params(meeting.date)
        days = params.matter_days_before_notice
        deadline = meeting.notice_sent - timedelta(days=days)
        by_bodies = all(who in RAISED_BY_BODIES for who in matter.raised_by)
        if by_bodies and params.matter_deadline_scope == "partners":
            continue
        later = "" if meeting is record.defined_in else f" till {meeting.meeting_id}"
        if matter.raised is None:
            yield failed(
                SubjectRef.matter(matter.id),
                "Datum då ärendet väcktes saknas.",
                matter.where("title"),
                due=deadline,
            )
        elif matter.raised > deadline:
            yield failed(
                SubjectRef.matter(matter.id),
                f"Väckt {fmt(matter.raised)}, senast {fmt(deadline)} "
                f"({days} dagar före kallelsen{later} {fmt(meeting.notice_sent)}).",
                matter.where("raised"),
                due=deadline,
            )
        else:
            yield met(
                SubjectRef.matter(matter.id),
                f"Väckt {fmt(matter.raised)}, kallelsen{later} {fmt(meeting.notice_sent)}.",
                matter.where("raised"),
                due=deadline,
            )


@rule(
    "SC402",
    "enkel-majoritet",
    "4.3",
    "Ett beslut genom omröstning har enkel majoritet",
    quotes=(
        ao(
            "4.3",
            "I det fall oenighet om ett förslag råder, tillämpas omröstning med enkel majoritet.",
        ),
    ),
)
def simple_majority(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett förslag som bifölls genom omröstning fick inte fler röster för
    än emot – eller ett förslag som avslogs hade majoritet för sig. Vid lika
    röstetal har förslaget som standard ingen majoritet och ska vara avslaget
    (tolkning T3, parametern tie_outcome; alternativet är ordförandens
    utslagsröst).

    Varför: SweCan beslutar i första hand med konsensus; vid oenighet
    "tillämpas omröstning med enkel majoritet" (§4.3).

    Åtgärd: Kontrollera röstsiffrorna och utfall (bifall/avslag) mot
    protokollet.
    """
    for meeting, decision in ctx.data.decisions():
        if decision.method is not Method.VOTE or decision.votes is None:
            continue
        yes, no, abstain = decision.votes.totals
        evidence = f"{yes} för, {no} emot, {abstain} avstod"
        adopted = decision.outcome is Outcome.ADOPTED
        casting_vote = ctx.params(meeting.date).tie_outcome == "utslagsröst"
        if (yes > no) == adopted or (yes == no and casting_vote):
            yield met(
                SubjectRef.decision(decision.id),
                f"{evidence}; {decision.outcome}.",
                decision.where("votes"),
            )
        else:
            # Point at 'utfall' when it is written out, otherwise at the votes.
            field = "outcome" if "outcome" in decision.model_fields_set else "votes"
            yield failed(
                SubjectRef.decision(decision.id),
                f"{evidence}, men utfallet är {decision.outcome}.",
                decision.where(field),
            )


@rule(
    "SC403",
    "en-röst-per-partner",
    "4.3, 5.2",
    "Varje partner har en röst; bara röstberättigade röstar",
    quotes=(ao("4.3", "Varje partner i SweCan har en röst."),),
)
def one_vote_per_partner(ctx: Context) -> Iterator[Result]:
    """
    Vad: Vid en omröstning i partnerskapet röstade någon som inte var
    röstberättigad, eller fler röster avgavs än det fanns röstberättigade
    närvarande. Röstberättigad är som standard varje partner på mötesdagen,
    också en som anslöt efter att årets röstlängd fastställdes (tolkning T4,
    parametern late_partner_vote; alternativet är att bara röstlängden röstar).
    En partner med jäv räknas inte som röstberättigad i beslutet (tolkning T8).

    Varför: "Varje partner i SweCan har en röst." (§4.3) Röstlängden
    fastställs vid årets första sammanträde (§5.2).

    Åtgärd: Kontrollera röstlängdsbeslutet och röstsiffrorna.
    """
    for meeting in held(ctx):
        roll = voters_on(ctx, meeting.date)
        recused_vote = ctx.params(meeting.date).recused_vote
        for decision in meeting.decisions:
            if decision.votes is None or decision.kind is DecisionKind.ROLL:
                continue
            outside = [
                pid for names in decision.votes.named().values() for pid in names if pid not in roll
            ]
            eligible = present_at(meeting, decision) & roll
            if recused_vote == "röstar_inte":
                eligible -= set(decision.recused)
            allowed = len(eligible)
            total = sum(decision.votes.totals)
            if outside:
                yield failed(
                    SubjectRef.decision(decision.id),
                    "Röstade utan att vara röstberättigad: " + ", ".join(outside) + ".",
                    decision.where("votes"),
                )
            elif total > allowed:
                yield failed(
                    SubjectRef.decision(decision.id),
                    f"{total} röster men {allowed} röstberättigade närvarande.",
                    decision.where("votes"),
                )
            else:
                yield met(
                    SubjectRef.decision(decision.id),
                    f"{total} röster av {allowed} röstberättigade.",
                    decision.where("votes"),
                )


@rule(
    "SC404",
    "jäv",
    "Bilaga 2 §5",
    "En partner som anmält jäv röstar inte i beslutet (tolkning)",
    basis=Basis.INTERPRETATION,
    quotes=(
        bilaga2(
            "5",
            "Deltagare ska aktivt undvika situationer där jäv kan uppstå samt vara öppna med "
            "eventuella bindningar eller intressekonflikter.",
        ),
    ),
)
def recusal(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner som anmält jäv i ett beslut står ändå bland dem som
    röstade (per namn). Att den som har jäv inte röstar är en tolkning
    (tolkning T8, parametern recused_vote): varken arbetsordningen eller
    utgångspunkterna säger det med de orden.

    Varför: "Deltagare ska aktivt undvika situationer där jäv kan uppstå samt
    vara öppna med eventuella bindningar eller intressekonflikter."
    (Utgångspunkter för samverkan, punkt 5.)

    Åtgärd: Kontrollera protokollet: antingen är jävet fel antecknat, eller
    ska rösten strykas och beslutet prövas på nytt.
    """
    for meeting, decision in ctx.data.decisions():
        if not decision.recused:
            continue
        if ctx.params(meeting.date).recused_vote == "tillåts":
            yield met(
                SubjectRef.decision(decision.id),
                "Jäv anmält av " + ", ".join(decision.recused) + " (tolkning T8: tillåts rösta).",
                decision.where("recused"),
            )
            continue
        voted = {
            pid
            for names in (decision.votes.named() if decision.votes else {}).values()
            for pid in names
        }
        conflicted = [pid for pid in decision.recused if pid in voted]
        if conflicted:
            yield failed(
                SubjectRef.decision(decision.id),
                "Röstade trots jäv: " + ", ".join(conflicted) + ".",
                decision.where("recused"),
            )
        else:
            yield met(
                SubjectRef.decision(decision.id),
                "Jäv anmält av " + ", ".join(decision.recused) + "; röstade inte.",
                decision.where("recused"),
            )


@rule(
    "SC405",
    "ändra-arbetsordning",
    "9",
    "Arbetsordningen ändras bara med två tredjedels majoritet",
    quotes=(
        ao(
            "9",
            "Förslag till ändring av arbetsordning beslutas genom kvalificerad majoritet (2/3).",
        ),
    ),
)
def rules_change(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett beslut om ändrad arbetsordning (typ: arbetsordning) bifölls med
    mindre än två tredjedelar av rösterna för (parametern
    rules_change_majority; exakt två tredjedelar räcker), eller en ny version
    av arbetsordningen hänvisar till ett beslut som inte är ett sådant beslut
    i partnerskapet. Andelen räknas som standard på röster för och emot; den
    som avstår räknas inte (tolkning T5, parametern two_thirds_base).

    Varför: "Förslag till ändring av arbetsordning beslutas genom
    kvalificerad majoritet (2/3)." (§9)

    Åtgärd: Kontrollera röstsiffrorna och antagen_genom i arbetsordningens
    front matter.
    """
    for meeting, decision in ctx.data.decisions():
        if decision.kind is not DecisionKind.RULES_CHANGE or decision.outcome is Outcome.REJECTED:
            continue
        params = ctx.params(meeting.date)
        needed = params.rules_change_majority
        if decision.method is Method.CONSENSUS or decision.votes is None:
            yield met(
                SubjectRef.decision(decision.id),
                "Beslutat med konsensus.",
                decision.where("method"),
            )
            continue
        yes, no, abstain = decision.votes.totals
        base = yes + no + (abstain if params.two_thirds_base == "alla_röster" else 0)
        share = Fraction(yes, base) if base else Fraction(0)
        counted = (
            "av för och emot" if params.two_thirds_base == "för_och_emot" else "av alla röster"
        )
        shown, required = percentages(share, needed)
        evidence = (
            f"{yes} för, {no} emot, {abstain} avstod ({shown} {counted}: {yes} av {base}; "
            f"krav minst {needed} = {required}; tolkning T5)"
        )
        if share >= needed:
            yield met(SubjectRef.decision(decision.id), evidence + ".", decision.where("votes"))
        else:
            yield failed(SubjectRef.decision(decision.id), evidence + ".", decision.where("votes"))
    for doc in ctx.data.rules_versions:
        meta = doc.meta
        found = ctx.data.decision(meta.adopted_by)
        if found is None:
            continue  # SC103 reports the broken reference
        meeting, decision = found
        in_partnership = meeting.body is BodyName.PARTNERSHIP
        if decision.kind is not DecisionKind.RULES_CHANGE or not in_partnership:
            yield failed(
                SubjectRef.rules_version(meta.version),
                f"{decision.id} är inte ett beslut om arbetsordningen i partnerskapet "
                "(typ: arbetsordning).",
                meta.where("adopted_by"),
            )


@rule(
    "SC406",
    "ärende-beslutat",
    "4.2",
    "Varje ärende på dagordningen får ett beslut om sin vidare hantering",
    quotes=(
        ao(
            "4.2",
            "SweCans partnerskap hanterar genom beslut ärendets vidare hantering enligt § 4.3.",
        ),
    ),
)
def matter_decided(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett ärende på dagordningen för ett genomfört sammanträde i
    partnerskapet fick inget beslut (inget beslut med ärende: för det) och är
    inte heller antecknat som bordlagt, återremitterat eller återkallat
    (hantering: på dagordningspunkten, eller i ärendet vid mötet där det
    står under ärenden:). Så länge protokollet inte är färdigställt och
    fristen inte gått ut är det ej avgjort.

    Varför: "SweCans partnerskap hanterar genom beslut ärendets vidare
    hantering enligt § 4.3." (§4.2) Att bordlägga eller återremittera är också
    ett beslut om ärendets vidare hantering.

    Åtgärd: Lägg till beslutet i mote.yaml med ärende:, eller ange
    hantering: bordlagt, återremitterat eller återkallat på
    dagordningspunkten.
    """
    index = matters(ctx.data)
    for meeting in held(ctx):
        decided = {d.matter for d in meeting.decisions if d.matter}
        final = protocol_published(meeting) or ctx.as_of > protocol_deadline(ctx, meeting)
        for item in meeting.agenda:
            if item.matter is None:
                continue
            record = index.get(item.matter)
            consultations = record.consultations if record else []
            handling = next((c.handling for c in consultations if c.meeting is meeting), None)
            where = item.where("matter")
            if item.matter in decided:
                yield met(
                    SubjectRef.matter(item.matter), f"Beslut vid {meeting.meeting_id}.", where
                )
            elif handling is not None:
                yield met(
                    SubjectRef.matter(item.matter),
                    f"Ärendet {handling} vid {meeting.meeting_id}.",
                    where,
                )
            elif not final:
                yield pending(
                    SubjectRef.matter(item.matter),
                    "Beslutet förs in när protokollet är färdigställt.",
                    where,
                )
            else:
                yield failed(
                    SubjectRef.matter(item.matter),
                    f"Ärendet stod på dagordningen {meeting.meeting_id} men fick inget beslut "
                    "och är inte antecknat som bordlagt eller återremitterat.",
                    where,
                )


@rule(
    "SC407",
    "ändring-initierad-av-partner",
    "9",
    "Ett förslag till ändring av arbetsordningen initieras av en eller flera partners",
    quotes=(
        ao(
            "9",
            "Förslag till ändring av arbetsordning kan initieras av enskild partner eller flera "
            "partners i samförstånd.",
        ),
    ),
)
def rules_change_initiated(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett beslut om ändrad arbetsordning (typ: arbetsordning) gäller ett
    ärende (ärende:) som ingen partner väckte: väckt_av nämner bara
    arbetsutskottet, kansliet eller ordföranden. Står en partner bland dem
    som väckte ärendet är förslaget initierat av en partner. Som standard kan bara
    partners initiera en ändring (tolkning T15, parametern
    rules_change_initiative; alternativet är att också ett förslag från
    arbetsutskottet efter dess årliga översyn, från kansliet eller från
    ordföranden räknas). Beslut utan ärende: bedöms inte, inte heller
    beslutet som antog arbetsordningens första version (det är ingen
    ändring).

    Varför: "Förslag till ändring av arbetsordning kan initieras av enskild
    partner eller flera partners i samförstånd." (§9) "SweCan beslutar om
    eventuella ändringar av arbetsordningen enligt § 4.2", där ett ärende
    initieras av "partner eller en grupp av partners" (§4.2).

    Åtgärd: Ange i väckt_av: de partners som lade fram förslaget. Kom
    förslaget från ett organ utan att någon partner ställde sig bakom det
    redovisas fyndet öppet.
    """
    versions = [d for d in ctx.data.rules_versions if not d.meta.draft]
    first = min(versions, key=lambda d: d.meta.in_force).meta.adopted_by if versions else None
    for meeting, decision in ctx.data.decisions():
        if decision.kind is not DecisionKind.RULES_CHANGE or decision.matter is None:
            continue
        if decision.id == first:
            continue  # adopting the first version changes nothing
        record = matters(ctx.data).get(decision.matter)
        if record is None:
            continue  # a broken reference is another rule's
        matter = record.matter
        partners = [who for who in matter.raised_by if who not in RAISED_BY_BODIES]
        unknown = [
            who
            for who in matter.raised_by
            if who not in RAISED_BY_BODIES and ctx.data.partner(who) is None
        ]
        if unknown:
            continue  # an unknown id is an integrity error, not a verdict
        subject, where = SubjectRef.decision(decision.id), matter.where("raised_by")
        raised = ", ".join(matter.raised_by)
        if partners:  # 'enskild partner' suffices; an organ beside it takes nothing away
            yield met(subject, f"Ärendet {matter.id} väcktes av {raised}.", where)
        elif ctx.params(meeting.date).rules_change_initiative == "även_organ":
            yield met(
                subject,
                f"Ärendet {matter.id} väcktes av {raised} (tolkning T15: även organ).",
                where,
            )
        else:
            yield failed(
                subject,
                f"Ärendet {matter.id} väcktes av {raised}; förslag till ändring av "
                "arbetsordningen initieras av partners (tolkning T15).",
                where,
            )


@rule(
    "SC408",
    "arbetsordning-efter-beslut",
    "9",
    "En version av arbetsordningen gäller först från partnerskapets beslut om den",
    quotes=(ao("9", "SweCan beslutar om eventuella ändringar av arbetsordningen enligt § 4.2."),),
)
def rules_version_after_decision(ctx: Context) -> Iterator[Result]:
    """
    Vad: En version av arbetsordningen (content/arbetsordning/) gäller från
    (gäller_från:) ett datum före mötet där beslutet som antog den
    (antagen_genom:) fattades, eller det beslutet avslogs. Samma dag som
    beslutet är i tid. Utkast bedöms inte; en hänvisning till ett beslut som
    inte finns rapporteras av SC103.

    Varför: "SweCan beslutar om eventuella ändringar av arbetsordningen
    enligt § 4.2." (§9) En ändring gäller först när partnerskapet har
    beslutat om den.

    Åtgärd: Kontrollera gäller_från: och antagen_genom: i versionens front
    matter mot protokollet.
    """
    for doc in ctx.data.rules_versions:
        meta = doc.meta
        if meta.draft:
            continue
        found = ctx.data.decision(meta.adopted_by)
        if found is None:
            continue  # SC103 reports the broken reference
        meeting, decision = found
        subject, where = SubjectRef.rules_version(meta.version), meta.where("in_force")
        problems = []
        if meta.in_force < meeting.date:
            problems.append(
                f"versionen gällde från {fmt(meta.in_force)}, men {decision.id} fattades "
                f"{fmt(meeting.date)}"
            )
        if decision.outcome is Outcome.REJECTED:
            problems.append(f"förslaget i {decision.id} avslogs")
        if problems:
            text = "; ".join(problems)
            yield failed(subject, text[0].upper() + text[1:] + ".", where)
        else:
            yield met(
                subject,
                f"Antagen genom {decision.id} {fmt(meeting.date)}, gäller från "
                f"{fmt(meta.in_force)}.",
                where,
            )


RULES = [
    matter_in_time,
    simple_majority,
    one_vote_per_partner,
    recusal,
    rules_change,
    matter_decided,
    rules_change_initiated,
    rules_version_after_decision,
]
