"""§2.2, §6 and §8.2: the arbetsutskott, its mandates, and the chairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import timedelta

from ..config import Parameters
from ..models import SECTOR_NAMES, BodyName, Outcome, RoleHolder, Sector, Term
from .base import Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import fmt, longest_term


@rule(
    "SC601",
    "au-sammansättning",
    "2.2",
    "Arbetsutskottet har 15 ledamöter, 3 per sektor",
    quotes=(
        ao(
            "2.2",
            "Arbetsutskottet består av 15 ledamöter med 3 representanter från varje sektor.",
        ),
    ),
)
def committee_composition(ctx: Context) -> Iterator[Result]:
    """
    Vad: Per dagens datum har arbetsutskottet inte 15 ledamöter med mandat
    (parametern committee_size), eller en sektor har fler eller färre än 3
    (parametern committee_per_sector). Fyndet pekar på ledamoten som tog
    sektorn över gränsen.

    Varför: "Arbetsutskottet består av 15 ledamöter med 3 representanter från
    varje sektor." (§2.2)

    Åtgärd: Kontrollera ledamöternas mandatperioder och partnernas sektor.
    """
    committee = ctx.data.organisation.committee
    params = ctx.params(ctx.as_of)
    seated = [m for m in committee.members if m.seated_on(ctx.as_of)]
    where = committee.where("members")
    if not seated:
        yield pending(
            SubjectRef.body("arbetsutskottet"),
            f"Inga ledamöter har mandat {fmt(ctx.as_of)}.",
            where,
        )
        return
    counts: Counter[Sector] = Counter()
    ok = True
    for member in seated:
        partner = ctx.data.partner(member.partner)
        if partner is None:
            continue
        counts[partner.sector] += 1
        if counts[partner.sector] == params.committee_per_sector + 1:
            ok = False
            yield failed(
                SubjectRef.sector(SECTOR_NAMES[partner.sector]),
                f"{counts[partner.sector]}:e ledamoten från sektorn; högst "
                f"{params.committee_per_sector}.",
                member.where("partner"),
            )
    for sector in Sector:
        if counts[sector] < params.committee_per_sector:
            ok = False
            yield failed(
                SubjectRef.sector(SECTOR_NAMES[sector]),
                f"{counts[sector]} ledamöter från sektorn; krav {params.committee_per_sector}.",
                where,
            )
    if len(seated) != params.committee_size:
        ok = False
        yield failed(
            SubjectRef.body("arbetsutskottet"),
            f"{len(seated)} ledamöter; krav {params.committee_size}.",
            where,
        )
    if ok:
        yield met(
            SubjectRef.body("arbetsutskottet"),
            f"{len(seated)} ledamöter, {params.committee_per_sector} per sektor.",
            where,
        )


def _check_terms(
    ctx: Context,
    subject: SubjectRef,
    terms: list[Term],
    term_years: Callable[[Parameters], int],
    reelections: Callable[[Parameters], int],
) -> Iterator[Result]:
    """Each term at most N years (``till`` is its last day); at most 1 + re-elections terms.

    Each term is judged by the parameters in force when it began. Whether a
    gap restarts the count of re-elections is interpretation T9.
    """
    terms = sorted(terms, key=lambda t: t.start)
    count = 0
    previous: Term | None = None
    ok = True
    for term in terms:
        params = ctx.params(term.start)
        years, last = longest_term(ctx.data, term.start, term_years)
        if term.end is not None and term.end > last:
            ok = False
            yield failed(
                subject,
                f"Mandatet {fmt(term.start)}–{fmt(term.end)} är längre än {years} år "
                f"(sista dag högst {fmt(last)}).",
                term.where("end"),
            )
        elif term.end is None and ctx.as_of > last:
            ok = False
            yield failed(
                subject,
                f"Mandatet från {fmt(term.start)} saknar slutdatum och har pågått längre än "
                f"{years} år (sista dag högst {fmt(last)}).",
                term.where("start"),
            )
        consecutive = (
            previous is not None
            and previous.end is not None
            and term.start <= previous.end + timedelta(days=1)
        )
        if params.reelection_count == "i_följd" and not consecutive:
            count = 1
        else:
            count += 1
        allowed = reelections(params)
        if count > 1 + allowed:
            ok = False
            how = "i följd" if params.reelection_count == "i_följd" else "totalt"
            yield failed(
                subject,
                f"{count} mandat {how}; omval tillåts {allowed} gång(er).",
                term.where("start"),
            )
        previous = term
    if terms and ok:
        yield met(
            subject,
            f"{len(terms)} mandat, det senaste {fmt(terms[-1].start)}–{fmt(terms[-1].end)}.",
            terms[-1].where("start"),
        )


@rule(
    "SC602",
    "au-mandat",
    "2.2",
    "Ledamöternas mandat är 2 år med högst ett omval",
    quotes=(ao("2.2", "Mandatperiod ledamot: 2 år, med möjlighet till omval en gång."),),
)
def member_mandates(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett mandat i arbetsutskottet är längre än 2 år (parametern
    member_term_years), eller en ledamot har fler mandat än ett omval tillåter
    (parametern member_reelections). Till är mandatets sista dag: ett mandat
    från 2026-03-12 får vara till och med 2028-03-11. Varje mandat bedöms
    efter de parametrar som gällde när det började. Som standard räknas varje
    senare mandat för samma partner som ett omval, även efter ett uppehåll
    (tolkning T9, parametern reelection_count). Ett mandat utan slutdatum är
    ett fynd först när det har pågått längre än mandatperioden.

    Varför: "Mandatperiod ledamot: 2 år, med möjlighet till omval en gång."
    (§2.2)

    Åtgärd: Ange från och till för varje mandat i organisation.yaml.
    """
    for member in ctx.data.organisation.committee.members:
        yield from _check_terms(
            ctx,
            SubjectRef.partner(member.partner),
            member.mandates,
            lambda p: p.member_term_years,
            lambda p: p.member_reelections,
        )


@rule(
    "SC603",
    "au-ordförande",
    "2.2",
    "Arbetsutskottets ordförande och vice är ledamöter, med 1-årsmandat och högst två omval",
    quotes=(
        ao("2.2", "Ordförande för arbetsutskottet och vice ordförande utses av dess ledamöter."),
        ao(
            "2.2",
            "Mandatperiod ordförande och vice ordförande: 1 år med möjlighet till omval 2 gånger.",
        ),
    ),
)
def committee_chairs(ctx: Context) -> Iterator[Result]:
    """
    Vad: Arbetsutskottets ordförande eller vice ordförande har ett mandat
    längre än 1 år (parametern chair_term_years; till är sista dagen), fler
    mandat än två omval tillåter (parametern chair_reelections; tolkning T9
    för uppehåll), eller är inte ledamot i arbetsutskottet när mandatet
    börjar. Varje mandat bedöms efter de parametrar som gällde när det
    började.

    Varför: "Ordförande för arbetsutskottet och vice ordförande utses av dess
    ledamöter. … Mandatperiod ordförande och vice ordförande: 1 år med
    möjlighet till omval 2 gånger." (§2.2) Rapportens huvudtext säger omval en
    gång; arbetsordningen gäller, och talet är en parameter.

    Åtgärd: Kontrollera mandatperioderna under arbetsutskottet: ordförande och
    vice_ordförande i organisation.yaml.
    """
    committee = ctx.data.organisation.committee
    for role in ("chair", "vice_chair"):
        by_partner: dict[str, list[RoleHolder]] = defaultdict(list)
        for holder in getattr(committee, role):
            by_partner[holder.partner].append(holder)
            member = next((m for m in committee.members if m.partner == holder.partner), None)
            if member is None or not member.seated_on(holder.start):
                yield failed(
                    SubjectRef.partner(holder.partner),
                    f"{holder.name} är inte ledamot i arbetsutskottet {fmt(holder.start)}.",
                    holder.where("partner"),
                )
        label = "ordförande" if role == "chair" else "vice ordförande"
        for partner_id, terms in by_partner.items():
            yield from _check_terms(
                ctx,
                SubjectRef.role(f"{label} ({partner_id})"),
                list(terms),
                lambda p: p.chair_term_years,
                lambda p: p.chair_reelections,
            )


@rule(
    "SC604",
    "ordförande-år-1",
    "8.2",
    "Socialstyrelsen innehar ordförandeposten under första verksamhetsåret",
    quotes=(
        ao(
            "8.2",
            "Under SweCans första verksamhetsår innehar Socialstyrelsen av "
            "förvaltningsmässiga och praktiska skäl ordförandeposten.",
        ),
    ),
)
def first_year_chair(ctx: Context) -> Iterator[Result]:
    """
    Vad: Under SweCans första verksamhetsår var partnerskapets ordförande inte
    från Socialstyrelsen (parametern first_year_chair), eller ingen ordförande
    är angiven för året.

    Varför: "Under SweCans första verksamhetsår innehar Socialstyrelsen av
    förvaltningsmässiga och praktiska skäl ordförandeposten." (§8.2)

    Åtgärd: Ange partner: socialstyrelsen för ordföranden under första året.
    """
    start, end = ctx.data.config.operating_year_bounds(1)
    expected = ctx.params(start).first_year_chair
    partnership = ctx.data.organisation.partnership
    terms = [t for t in partnership.chair if t.start <= end and (t.end is None or t.end >= start)]
    if not terms:
        yield failed(
            SubjectRef.operating_year(1),
            f"Ingen ordförande angiven {fmt(start)}–{fmt(end)}.",
            partnership.where("chair"),
        )
    for term in terms:
        if term.partner == expected:
            yield met(
                SubjectRef.operating_year(1),
                f"{term.name} ({term.partner}).",
                term.where("partner"),
            )
        else:
            yield failed(
                SubjectRef.operating_year(1),
                f"Ordföranden kommer från {term.partner}, inte {expected}.",
                term.where("partner"),
            )


def _appointing_decision(
    ctx: Context, subject: SubjectRef, term: Term, body: BodyName, what: str
) -> Iterator[Result]:
    """The decision named in ``beslut`` was taken by ``body``, adopted, on or before the start."""
    if term.decision is None:
        return
    found = ctx.data.decision(term.decision)
    if found is None:
        return  # a broken reference is SC103's
    meeting, decision = found
    problems = []
    if meeting.body is not body:
        problems.append(f"fattat av {meeting.body}, inte {body}")
    if decision.outcome is not Outcome.ADOPTED:
        problems.append("förslaget avslogs")
    if meeting.date > term.start:
        problems.append(f"beslutet ({fmt(meeting.date)}) är efter mandatets början")
    if problems:
        yield failed(
            subject, f"{what}: {decision.id} " + "; ".join(problems) + ".", term.where("decision")
        )
    else:
        yield met(
            subject,
            f"{what}: {decision.id} vid {meeting.meeting_id}.",
            term.where("decision"),
        )


@rule(
    "SC605",
    "au-utsett-av-partnerskapet",
    "2.1, 2.2",
    "Ledamöterna i arbetsutskottet utses av partnerskapet",
    quotes=(
        ao("2.1", "Utser arbetsutskott."),
        ao(
            "2.2",
            "I syfte att möjliggöra och uppnå effektivitet och ändamålsenlighet utser SweCans "
            "partnerskap ett arbetsutskott.",
        ),
    ),
)
def committee_appointed(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett mandat i arbetsutskottet hänvisar (beslut:) till ett beslut som
    inte fattades av partnerskapet, som avslogs, eller som fattades efter att
    mandatet började (samma dag är i tid). Mandat utan beslut: bedöms inte.

    Varför: Partnerskapet "Utser arbetsutskott" (§2.1, §2.2).

    Åtgärd: Ange beslut: med id för partnerskapets beslut om valet.
    """
    for member in ctx.data.organisation.committee.members:
        for term in member.mandates:
            yield from _appointing_decision(
                ctx, SubjectRef.partner(member.partner), term, BodyName.PARTNERSHIP, "Utsedd genom"
            )


@rule(
    "SC606",
    "au-ordförande-vald-av-au",
    "2.2",
    "Arbetsutskottets ordförande och vice väljs av utskottets ledamöter",
    quotes=(
        ao("2.2", "Ordförande för arbetsutskottet och vice ordförande utses av dess ledamöter."),
    ),
)
def committee_chair_elected(ctx: Context) -> Iterator[Result]:
    """
    Vad: Arbetsutskottets ordförande eller vice ordförande hänvisar
    (beslut:) till ett beslut som inte fattades av arbetsutskottet, som
    avslogs, eller som fattades efter att mandatet började (samma dag är i
    tid). Mandat utan beslut: bedöms inte.

    Varför: "Ordförande för arbetsutskottet och vice ordförande utses av dess
    ledamöter." (§2.2)

    Åtgärd: Ange beslut: med id för arbetsutskottets beslut om valet.
    """
    committee = ctx.data.organisation.committee
    for label, holders in (
        ("ordförande", committee.chair),
        ("vice ordförande", committee.vice_chair),
    ):
        for holder in holders:
            yield from _appointing_decision(
                ctx,
                SubjectRef.role(f"{label} ({holder.partner})"),
                holder,
                BodyName.COMMITTEE,
                "Vald genom",
            )


@rule(
    "SC607",
    "ordförande-utsedd-av-socialstyrelsen",
    "6.1, 8.2",
    "Från andra verksamhetsåret utser Socialstyrelsen partnerskapets ordförande och vice",
    quotes=(
        ao("6.1", "Socialstyrelsen utser ordförande och vice ordförande."),
        ao(
            "8.2",
            "Under SweCans andra verksamhetsår utses ordförande och vice ordförande enligt "
            "punkt 6.1.",
        ),
    ),
)
def partnership_chair_appointed(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett mandat som partnerskapets ordförande eller vice ordförande, som
    börjar under SweCans andra verksamhetsår eller senare, anger (utsedd_av:)
    att någon annan än Socialstyrelsen utsåg rollinnehavaren (parametern
    chair_appointer), eller anger ett datum för utnämningen (utsedd:) som är
    senare än mandatets första dag (samma dag är i tid). Mandat utan
    utsedd_av: bedöms inte. Första verksamhetsåret prövas av SC604.

    Varför: "Socialstyrelsen utser ordförande och vice ordförande." (§6.1)
    "Under SweCans andra verksamhetsår utses ordförande och vice ordförande
    enligt punkt 6.1." (§8.2)

    Åtgärd: Ange utsedd_av: socialstyrelsen och utsedd: med datum för
    utnämningen under partnerskapet: ordförande och vice_ordförande i
    organisation.yaml.
    """
    second_year, _ = ctx.data.config.operating_year_bounds(2)
    partnership = ctx.data.organisation.partnership
    for label, holders in (
        ("ordförande", partnership.chair),
        ("vice ordförande", partnership.vice_chair),
    ):
        for holder in holders:
            if holder.start < second_year or holder.appointed_by is None:
                continue
            subject = SubjectRef.role(f"SweCans {label} ({holder.partner})")
            expected = ctx.params(holder.start).chair_appointer
            ok = True
            if holder.appointed_by != expected:
                ok = False
                yield failed(
                    subject,
                    f"Mandatet från {fmt(holder.start)}: utsedd av {holder.appointed_by}, "
                    f"inte {expected}.",
                    holder.where("appointed_by"),
                )
            if holder.appointed is not None and holder.appointed > holder.start:
                ok = False
                yield failed(
                    subject,
                    f"Utsedd {fmt(holder.appointed)}, efter mandatets början {fmt(holder.start)}.",
                    holder.where("appointed"),
                )
            if ok:
                when = f" {fmt(holder.appointed)}" if holder.appointed else ""
                yield met(
                    subject,
                    f"Mandatet från {fmt(holder.start)}: utsedd{when} av {holder.appointed_by}.",
                    holder.where("appointed_by"),
                )


RULES = [
    committee_composition,
    member_mandates,
    committee_chairs,
    first_year_chair,
    committee_appointed,
    committee_chair_elected,
    partnership_chair_appointed,
]
