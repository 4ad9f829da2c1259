"""§2.2, §6 and §8.2: the arbetsutskott, its mandates, and the chairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from ..config import Parameters
from ..models import SECTOR_NAMES, Body, BodyName, Outcome, RoleHolder, Sector, Term
from ..problems import Location
from ..timeline import Period, segments
from .base import Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import fmt, longest_term, over_time


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
    Vad: Någon dag sedan det första mandatet i arbetsutskottet började hade
    utskottet inte 15 ledamöter med mandat (parametern committee_size), eller
    hade en sektor fler eller färre än 3 (parametern committee_per_sector).
    Varje dag bedöms; ett fynd är en period med första och sista dag och
    står kvar på årets sida också när utskottet är fulltaligt igen. En
    ledamot vars organisation lämnar partnerskapet har inget mandat från
    utträdesdagen (§5.3).

    Varför: "Arbetsutskottet består av 15 ledamöter med 3 representanter från
    varje sektor." (§2.2)

    Åtgärd: Kontrollera ledamöternas mandatperioder och partnernas sektor, och
    utse en ersättare när en ledamot lämnar.
    """
    committee = ctx.data.organisation.committee
    timeline = ctx.timeline
    if not timeline.seats:
        yield pending(
            SubjectRef.body("arbetsutskottet"),
            f"Inga ledamöter har mandat {fmt(ctx.as_of)}.",
            committee.where("members"),
        )
        return

    def state(day: date) -> str | None:
        params = ctx.params(day)
        seated = timeline.seated(day)
        counts = Counter(_sector_of(ctx, seat.partner) for seat in seated)
        wrong = [
            f"{SECTOR_NAMES[sector]} {counts[sector]}"
            for sector in Sector
            if counts[sector] != params.committee_per_sector
        ]
        if len(seated) == params.committee_size and not wrong:
            return None
        return (
            f"{len(seated)} ledamöter (krav {params.committee_size}, "
            f"{params.committee_per_sector} per sektor"
            + ("; " + ", ".join(wrong) if wrong else "")
            + ")"
        )

    yield from over_time(
        ctx,
        SubjectRef.body("arbetsutskottet"),
        Period(timeline.seats[0].period.start),
        timeline.seat_changes(),
        state,
        lambda period: _composition_cause(ctx, period) or committee.where("members"),
        "Fulltaligt med rätt fördelning per sektor varje dag",
    )


def _sector_of(ctx: Context, partner_id: str) -> Sector | None:
    partner = ctx.data.partner(partner_id)
    return partner.sector if partner else None


def _composition_cause(ctx: Context, period: Period) -> Location | None:
    """Where the change that began ``period`` is written: the member who took a sector
    over its number, the mandate or withdrawal that ended the day before, or the
    mandate that began that day."""
    seats = ctx.timeline.seats
    limit = ctx.params(period.start).committee_per_sector
    counts: Counter[Sector | None] = Counter()
    for seat in ctx.timeline.seated(period.start):
        counts[_sector_of(ctx, seat.partner)] += 1
        if counts[_sector_of(ctx, seat.partner)] == limit + 1:
            return seat.member.where("partner")
    for seat in seats:
        if seat.period.end is not None and seat.period.end + timedelta(days=1) == period.start:
            if seat.ended_by_withdrawal:
                partner = ctx.data.partner(seat.partner)
                if partner is not None and partner.withdrawal is not None:
                    return partner.withdrawal.where("date")
            return seat.term.where("end")
    for seat in seats:
        if seat.period.start == period.start:
            return seat.term.where("start")
    return None


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
    för uppehåll), eller var inte ledamot i arbetsutskottet någon dag under
    mandatet – också när ledamotens mandat har tagit slut eller
    organisationen har lämnat partnerskapet medan uppdraget som ordförande
    pågår. Fyndet är perioden utan mandat i utskottet. Varje mandat bedöms
    efter de parametrar som gällde när det började.

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
        label = "ordförande" if role == "chair" else "vice ordförande"
        for holder in getattr(committee, role):
            by_partner[holder.partner].append(holder)
            yield from _seated_while_holding(ctx, holder, label)
        for partner_id, terms in by_partner.items():
            yield from _check_terms(
                ctx,
                SubjectRef.role(f"{label} ({partner_id})"),
                list(terms),
                lambda p: p.chair_term_years,
                lambda p: p.chair_reelections,
            )


def _seated_while_holding(ctx: Context, holder: RoleHolder, label: str) -> Iterator[Result]:
    """Every day of an AU chair's term, the holder's organisation has a seat in the AU.
    Only breaches are reported: the term's own verdict (_check_terms) says it is in order."""
    timeline = ctx.timeline
    judged = Period(holder.start, holder.end).judged_to(ctx.as_of)
    if judged is None:
        return
    for period, outside in segments(
        judged,
        ctx.as_of,
        timeline.seat_changes(),
        lambda day: not timeline.seated_partner(holder.partner, day),
    ):
        if outside:
            yield failed(
                SubjectRef.partner(holder.partner),
                f"{holder.name} var {label} men inte ledamot i arbetsutskottet {period}.",
                holder.where("partner"),
                period=period,
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
    Vad: Någon dag under SweCans första verksamhetsår innehades
    partnerskapets ordförandepost inte av Socialstyrelsen (parametern
    first_year_chair) – posten var vakant eller innehades av någon från en
    annan organisation. Varje dag av året bedöms; fyndet är perioden, och
    det står kvar när en ny ordförande har utsetts.

    Varför: "Under SweCans första verksamhetsår innehar Socialstyrelsen av
    förvaltningsmässiga och praktiska skäl ordförandeposten." (§8.2)

    Åtgärd: Ange ordförandens mandat (från, till) med partner: socialstyrelsen
    för hela första året i organisation.yaml.
    """
    start, end = ctx.data.config.operating_year_bounds(1)
    partnership = ctx.data.organisation.partnership

    def state(day: date) -> str | None:
        expected = ctx.params(day).first_year_chair
        holder = partnership.holder("chair", day)
        if holder is None:
            return "Ordförandeposten var vakant"
        if holder.partner != expected:
            return f"Ordföranden ({holder.name}) kom från {holder.partner}, inte {expected},"
        return None

    def where(period: Period) -> Location:
        holder = partnership.holder("chair", period.start)
        if holder is not None:
            return holder.where("partner")
        return _vacancy_cause(partnership, period.start)

    yield from over_time(
        ctx,
        SubjectRef.operating_year(1),
        Period(start, end),
        ctx.timeline.holder_changes(partnership, "chair"),
        state,
        where,
        "Socialstyrelsen innehade ordförandeposten varje dag",
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


def _vacancy_cause(body: Body, day: date) -> Location:
    """Where a chair vacancy beginning on ``day`` is written: the end of the last term
    that ended before it, or the body's chair list when none has."""
    ended = [h for h in body.chair if h.end is not None and h.end < day]
    if ended:
        return max(ended, key=lambda h: h.start).where("end")
    return body.where("chair")


@rule(
    "SC608",
    "ordförandepost-besatt",
    "2.1, 2.2",
    "Partnerskapet och arbetsutskottet leds av en ordförande varje dag",
    quotes=(
        ao("2.1", "Leds av en ordförande som Socialstyrelsen utser."),
        ao(
            "2.2",
            "Arbetsutskottet leds av en ordförande som vid behov samverkar med ordförande för "
            "SweCan och kansliet.",
        ),
    ),
)
def chair_held(ctx: Context) -> Iterator[Result]:
    """
    Vad: Någon dag saknade partnerskapet eller arbetsutskottet ordförande –
    ingen i organisation.yaml hade mandat som ordförande den dagen.
    Partnerskapets ordförandepost bedöms från andra verksamhetsåret (det
    första året bedömer SC604), arbetsutskottets från den dag dess första
    ordförande tillträdde. Fyndet är perioden utan ordförande och står kvar
    när posten är tillsatt igen.

    Varför: Partnerskapet "Leds av en ordförande som Socialstyrelsen utser."
    (§2.1) och "Arbetsutskottet leds av en ordförande" (§2.2).

    Åtgärd: Ange ordförandens mandat (från, till) utan glapp mellan
    mandaten i organisation.yaml.
    """
    org = ctx.data.organisation
    second_year, _ = ctx.data.config.operating_year_bounds(2)
    committee_start = min((h.start for h in org.committee.chair), default=None)
    for body, label, start in (
        (org.partnership, "partnerskapet", second_year),
        (org.committee, "arbetsutskottet", committee_start),
    ):
        if start is None:
            continue

        def state(day: date, body: Body = body, label: str = label) -> str | None:
            return None if body.holder("chair", day) else f"Ingen ordförande i {label}"

        def where(period: Period, body: Body = body) -> Location:
            if state(period.start) is not None:
                return _vacancy_cause(body, period.start)
            return body.where("chair")

        yield from over_time(
            ctx,
            SubjectRef.role(f"ordförande i {label}"),
            Period(start),
            ctx.timeline.holder_changes(body, "chair"),
            state,
            where,
            f"En ordförande i {label} hade mandat varje dag",
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
    chair_held,
    committee_appointed,
    committee_chair_elected,
    partnership_chair_appointed,
]
