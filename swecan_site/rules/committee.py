"""§2.2, §6 and §8.2: the arbetsutskott, its mandates, and the chairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import timedelta

from ..config import add_months
from ..models import SECTOR_NAMES, RoleHolder, Sector, Term
from .base import Context, Result, failed, met, pending, rule
from .common import fmt


@rule("SC601", "au-sammansättning", "2.2", "Arbetsutskottet har 15 ledamöter, 3 per sektor")
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
        yield pending("arbetsutskottet", f"Inga ledamöter har mandat {fmt(ctx.as_of)}.", where)
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
                SECTOR_NAMES[partner.sector],
                f"{counts[partner.sector]}:e ledamoten från sektorn; högst "
                f"{params.committee_per_sector}.",
                member.where("partner"),
            )
    for sector in Sector:
        if counts[sector] < params.committee_per_sector:
            ok = False
            yield failed(
                SECTOR_NAMES[sector],
                f"{counts[sector]} ledamöter från sektorn; krav {params.committee_per_sector}.",
                where,
            )
    if len(seated) != params.committee_size:
        ok = False
        yield failed(
            "arbetsutskottet", f"{len(seated)} ledamöter; krav {params.committee_size}.", where
        )
    if ok:
        yield met(
            "arbetsutskottet",
            f"{len(seated)} ledamöter, {params.committee_per_sector} per sektor.",
            where,
        )


def _check_terms(subject: str, terms: list[Term], years: int, reelections: int) -> Iterator[Result]:
    """Each term at most ``years`` long; at most 1 + ``reelections`` terms in a row."""
    terms = sorted(terms, key=lambda t: t.start)
    streak = 0
    previous: Term | None = None
    for term in terms:
        limit = add_months(term.start, 12 * years)
        if term.end is None or term.end > limit:
            yield failed(
                subject,
                f"Mandatet {fmt(term.start)}–{fmt(term.end)} är längre än {years} år.",
                term.where("end"),
            )
        consecutive = (
            previous is not None
            and previous.end is not None
            and term.start <= previous.end + timedelta(days=1)
        )
        streak = streak + 1 if consecutive else 1
        if streak > 1 + reelections:
            yield failed(
                subject,
                f"{streak} mandat i följd; omval tillåts {reelections} gång(er).",
                term.where("start"),
            )
        previous = term
    if terms:
        yield met(
            subject,
            f"{len(terms)} mandat, det senaste {fmt(terms[-1].start)}–{fmt(terms[-1].end)}.",
            terms[-1].where("start"),
        )


@rule("SC602", "au-mandat", "2.2", "Ledamöternas mandat är 2 år med högst ett omval")
def member_mandates(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett mandat i arbetsutskottet är längre än 2 år (parametern
    member_term_years) eller saknar slutdatum, eller en ledamot har fler mandat
    i följd än ett omval tillåter (parametern member_reelections).

    Varför: "Mandatperiod ledamot: 2 år, med möjlighet till omval en gång."
    (§2.2)

    Åtgärd: Ange från och till för varje mandat; en ny ledamot från samma
    partner efter två mandat kräver ett uppehåll.
    """
    params = ctx.params(ctx.as_of)
    for member in ctx.data.organisation.committee.members:
        yield from _check_terms(
            member.partner, member.mandates, params.member_term_years, params.member_reelections
        )


@rule(
    "SC603",
    "au-ordförande",
    "2.2",
    "AU:s ordförande och vice är ledamöter, med 1-årsmandat och högst två omval",
)
def committee_chairs(ctx: Context) -> Iterator[Result]:
    """
    Vad: Arbetsutskottets ordförande eller vice ordförande har ett mandat
    längre än 1 år (parametern chair_term_years), fler mandat i följd än två
    omval tillåter (parametern chair_reelections), eller är inte ledamot i
    arbetsutskottet när mandatet börjar.

    Varför: "Ordförande för arbetsutskottet och vice ordförande utses av dess
    ledamöter. … Mandatperiod ordförande och vice ordförande: 1 år med
    möjlighet till omval 2 gånger." (§2.2) Rapportens huvudtext säger omval en
    gång; arbetsordningen gäller, och talet är en parameter.

    Åtgärd: Kontrollera mandatperioderna under arbetsutskottet: ordförande och
    vice_ordförande i organisation.yaml.
    """
    committee = ctx.data.organisation.committee
    params = ctx.params(ctx.as_of)
    for role in ("chair", "vice_chair"):
        by_partner: dict[str, list[RoleHolder]] = defaultdict(list)
        for holder in getattr(committee, role):
            by_partner[holder.partner].append(holder)
            member = next((m for m in committee.members if m.partner == holder.partner), None)
            if member is None or not member.seated_on(holder.start):
                yield failed(
                    holder.partner,
                    f"{holder.name} är inte ledamot i arbetsutskottet {fmt(holder.start)}.",
                    holder.where("partner"),
                )
        label = "ordförande" if role == "chair" else "vice ordförande"
        for partner_id, terms in by_partner.items():
            yield from _check_terms(
                f"{label} ({partner_id})",
                list(terms),
                params.chair_term_years,
                params.chair_reelections,
            )


@rule(
    "SC604",
    "ordförande-år-1",
    "8.2",
    "Socialstyrelsen innehar ordförandeposten under första verksamhetsåret",
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
            "verksamhetsår 1",
            f"Ingen ordförande angiven {fmt(start)}–{fmt(end)}.",
            partnership.where("chair"),
        )
    for term in terms:
        if term.partner == expected:
            yield met("verksamhetsår 1", f"{term.name} ({term.partner}).", term.where("partner"))
        else:
            yield failed(
                "verksamhetsår 1",
                f"Ordföranden kommer från {term.partner}, inte {expected}.",
                term.where("partner"),
            )


RULES = [committee_composition, member_mandates, committee_chairs, first_year_chair]
