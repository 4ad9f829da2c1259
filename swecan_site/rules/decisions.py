"""§4 Beslutsprocess and §9: matters, votes, jäv and changes to the arbetsordning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from fractions import Fraction

from ..models import RAISED_BY_BODIES, BodyName, DecisionKind, Method, Outcome
from .base import Context, Result, failed, met, rule
from .common import fmt, held, roll_on
from .integrity import eligible_voters


@rule(
    "SC401",
    "ärende-i-tid",
    "4.2",
    "Ett ärende väcks skriftligen minst 14 dagar innan kallelsen skickas",
)
def matter_in_time(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett ärende som en partner väckt kom in senare än 14 dagar innan
    kallelsen skickades (parametern matter_days_before_notice), eller saknar
    datum. Ärenden som arbetsutskottet, kansliet eller ordföranden tar upp
    omfattas inte.

    Varför: "Ett ärende initieras genom att partner … meddelar ordförande och
    kansliet skriftligen … senast 14 dagar innan kallelse skickas ut" (§4.2),
    så att arbetsutskottet hinner bereda det (§4.1).

    Åtgärd: Ange väckt: med datum då den skriftliga begäran kom in.
    """
    for meeting in ctx.data.meetings:
        if meeting.body is not BodyName.PARTNERSHIP or meeting.notice_sent is None:
            continue
        days = ctx.params(meeting.date).matter_days_before_notice
        deadline = meeting.notice_sent - timedelta(days=days)
        for matter in meeting.matters:
            if all(who in RAISED_BY_BODIES for who in matter.raised_by):
                continue
            if matter.raised is None:
                yield failed(matter.id, "Datum då ärendet väcktes saknas.", matter.where("title"))
            elif matter.raised > deadline:
                yield failed(
                    matter.id,
                    f"Väckt {fmt(matter.raised)}, senast {fmt(deadline)} "
                    f"({days} dagar före kallelsen {fmt(meeting.notice_sent)}).",
                    matter.where("raised"),
                )
            else:
                yield met(
                    matter.id,
                    f"Väckt {fmt(matter.raised)}, kallelsen {fmt(meeting.notice_sent)}.",
                    matter.where("raised"),
                )


@rule("SC402", "enkel-majoritet", "4.3", "Ett beslut genom omröstning har enkel majoritet")
def simple_majority(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett förslag som bifölls genom omröstning fick inte fler röster för
    än emot – eller ett förslag som avslogs hade majoritet för sig.

    Varför: SweCan beslutar i första hand med konsensus; vid oenighet
    "tillämpas omröstning med enkel majoritet" (§4.3).

    Åtgärd: Kontrollera röstsiffrorna och utfall (bifall/avslag) mot
    protokollet.
    """
    for _, decision in ctx.data.decisions():
        if decision.method is not Method.VOTE or decision.votes is None:
            continue
        yes, no, abstain = decision.votes.totals
        evidence = f"{yes} för, {no} emot, {abstain} avstod"
        adopted = decision.outcome is Outcome.ADOPTED
        if (yes > no) == adopted:
            yield met(decision.id, f"{evidence}; {decision.outcome}.", decision.where("votes"))
        else:
            # Point at 'utfall' when it is written out, otherwise at the votes.
            field = "outcome" if "outcome" in decision.model_fields_set else "votes"
            yield failed(
                decision.id,
                f"{evidence}, men utfallet är {decision.outcome}.",
                decision.where(field),
            )


@rule("SC403", "en-röst-per-partner", "4.3, 5.2", "Bara partners i röstlängden röstar, en röst var")
def one_vote_per_partner(ctx: Context) -> Iterator[Result]:
    """
    Vad: Vid en omröstning i partnerskapet röstade en partner som inte står i
    årets röstlängd, eller fler röster avgavs än det fanns röstberättigade
    närvarande.

    Varför: "Varje partner i SweCan har en röst" (§4.3); röstlängden
    fastställs vid årets första sammanträde (§5.2).

    Åtgärd: Kontrollera röstlängdsbeslutet och röstsiffrorna.
    """
    for meeting in held(ctx):
        roll = roll_on(ctx, meeting.date)
        for decision in meeting.decisions:
            if decision.votes is None or decision.kind is DecisionKind.ROLL:
                continue
            outside = [
                pid for names in decision.votes.named().values() for pid in names if pid not in roll
            ]
            allowed = len(eligible_voters(meeting, decision) & roll)
            total = sum(decision.votes.totals)
            if outside:
                yield failed(
                    decision.id,
                    "Röstade utan att stå i röstlängden: " + ", ".join(outside) + ".",
                    decision.where("votes"),
                )
            elif total > allowed:
                yield failed(
                    decision.id,
                    f"{total} röster men {allowed} röstberättigade närvarande.",
                    decision.where("votes"),
                )
            else:
                yield met(
                    decision.id,
                    f"{total} röster av {allowed} röstberättigade.",
                    decision.where("votes"),
                )


@rule("SC404", "jäv", "Bilaga 2 §5", "En partner med jäv deltar inte i beslutet")
def recusal(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner som anmält jäv i ett beslut står ändå bland dem som
    röstade.

    Varför: Partners ska "aktivt undvika situationer där jäv kan uppstå"
    (Utgångspunkter för samverkan, punkt 5); den som har jäv deltar inte i
    beslutet.

    Åtgärd: Kontrollera protokollet: antingen är jävet fel antecknat, eller
    ska rösten strykas och beslutet prövas på nytt.
    """
    for _, decision in ctx.data.decisions():
        if not decision.recused:
            continue
        voted = {
            pid
            for names in (decision.votes.named() if decision.votes else {}).values()
            for pid in names
        }
        conflicted = [pid for pid in decision.recused if pid in voted]
        if conflicted:
            yield failed(
                decision.id,
                "Röstade trots jäv: " + ", ".join(conflicted) + ".",
                decision.where("recused"),
            )
        else:
            yield met(
                decision.id,
                "Jäv anmält av " + ", ".join(decision.recused) + "; deltog inte i beslutet.",
                decision.where("recused"),
            )


@rule(
    "SC405", "ändra-arbetsordning", "9", "Arbetsordningen ändras bara med två tredjedels majoritet"
)
def rules_change(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett beslut om ändrad arbetsordning (typ: arbetsordning) bifölls med
    mindre än två tredjedelar av rösterna för (parametern
    rules_change_majority, räknat på röster för och emot; nedlagda röster
    räknas inte), eller en ny version av arbetsordningen hänvisar till ett
    beslut som inte är ett sådant beslut i partnerskapet.

    Varför: "Förslag till ändring av arbetsordning beslutas genom
    kvalificerad majoritet (2/3)." (§9)

    Åtgärd: Kontrollera röstsiffrorna och antagen_genom i arbetsordningens
    front matter.
    """
    for meeting, decision in ctx.data.decisions():
        if decision.kind is not DecisionKind.RULES_CHANGE or decision.outcome is Outcome.REJECTED:
            continue
        needed = ctx.params(meeting.date).rules_change_majority
        if decision.method is Method.CONSENSUS or decision.votes is None:
            yield met(decision.id, "Beslutat med konsensus.", decision.where("method"))
            continue
        yes, no, _ = decision.votes.totals
        share = Fraction(yes, yes + no) if yes + no else Fraction(0)
        evidence = f"{yes} för och {no} emot ({float(share):.0%}; krav {needed})"
        if share >= needed:
            yield met(decision.id, evidence + ".", decision.where("votes"))
        else:
            yield failed(decision.id, evidence + ".", decision.where("votes"))
    for doc in ctx.data.rules_versions:
        meta = doc.meta
        found = ctx.data.decision(meta.adopted_by)
        if found is None:
            continue  # SC103 reports the broken reference
        meeting, decision = found
        in_partnership = meeting.body is BodyName.PARTNERSHIP
        if decision.kind is not DecisionKind.RULES_CHANGE or not in_partnership:
            yield failed(
                f"arbetsordning {meta.version}",
                f"{decision.id} är inte ett beslut om arbetsordningen i partnerskapet "
                "(typ: arbetsordning).",
                meta.where("adopted_by"),
            )


RULES = [matter_in_time, simple_majority, one_vote_per_partner, recusal, rules_change]
