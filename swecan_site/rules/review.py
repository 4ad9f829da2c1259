"""§9 and §8.3: yearly review of the arbetsordning and the external evaluation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..config import add_months
from ..layout import MEETINGS_DIR
from ..models import BodyName, Decision, DecisionKind, Meeting, RulesVersionMeta
from ..problems import Location
from .base import Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import fmt, held


@rule(
    "SC701",
    "årlig-översyn",
    "9",
    "Arbetsutskottet ser över arbetsordningen minst en gång om året",
    quotes=(ao("9", "Arbetsordningen ska ses över årligen av arbetsutskottet."),),
)
def yearly_review(ctx: Context) -> Iterator[Result]:
    """
    Vad: Arbetsutskottet såg inte över arbetsordningen inom 12 månader
    (parametern review_months, i kraft när perioden började) efter den
    föregående översynen – eller, för den första, efter att den första
    arbetsordningen började gälla. Att "årligen" betyder högst tolv månader
    mellan översynerna är tolkning T12 (parametern review_period); med
    alternativet kalenderår krävs minst en översyn under varje kalenderår
    efter det år den första arbetsordningen började gälla. Varje period bedöms för sig, så en sen
    översyn förblir redovisad även när en ny har gjorts. Den period som pågår
    är ej avgjord tills den har gått ut. En översyn är ett beslut i
    arbetsutskottet med typ: översyn.

    Varför: "Arbetsordningen ska ses över årligen av arbetsutskottet." (§9)

    Åtgärd: Protokollför arbetsutskottets översyn som ett beslut med
    typ: översyn, även när översynen inte leder till ändringsförslag.
    """
    versions = sorted(ctx.data.rules_versions, key=lambda d: d.meta.in_force)
    if not versions or versions[0].meta.in_force > ctx.as_of:
        return
    reviews = [
        (m, d)
        for m in held(ctx, BodyName.COMMITTEE)
        for d in m.decisions
        if d.kind is DecisionKind.REVIEW and m.date <= ctx.as_of
    ]
    yield from _rolling_windows(ctx, versions[0].meta, reviews)
    yield from _calendar_years(ctx, versions[0].meta, reviews)


def _rolling_windows(
    ctx: Context, meta: RulesVersionMeta, reviews: list[tuple[Meeting, Decision]]
) -> Iterator[Result]:
    """Tolkning T12 'tolv_månader': each window from one review (or the first version)
    to the next review, judged where the reading in force when it began is this one."""
    since, label, where = meta.in_force, "arbetsordningen började gälla", meta.where("in_force")
    for meeting, decision in reviews:
        due = add_months(since, ctx.params(since).review_months)
        subject = SubjectRef.review(since)
        evidence = f"Översyn {decision.id} {fmt(meeting.date)}; {label} {fmt(since)}"
        if ctx.params(since).review_period == "tolv_månader":
            in_time = meeting.date <= due
            yield (met if in_time else failed)(
                subject,
                f"{evidence}, senast {fmt(due)}."
                if in_time
                else f"{evidence}; skulle ske senast {fmt(due)}.",
                decision.where("kind"),
                due=due,
            )
        since, label, where = (
            meeting.date,
            f"föregående översyn {decision.id}",
            decision.where("kind"),
        )
    if ctx.params(since).review_period != "tolv_månader":
        return
    # The window still running, set by the parameters in force when it began.
    due = add_months(since, ctx.params(since).review_months)
    subject = SubjectRef.review(since)
    if ctx.as_of > due:
        yield failed(
            subject, f"Ingen översyn sedan {label} {fmt(since)}; senast {fmt(due)}.", where, due=due
        )
    else:
        yield pending(
            subject, f"Nästa översyn senast {fmt(due)} ({label} {fmt(since)}).", where, due=due
        )


def _calendar_years(
    ctx: Context, meta: RulesVersionMeta, reviews: list[tuple[Meeting, Decision]]
) -> Iterator[Result]:
    """Tolkning T12 'kalenderår': at least one review in every calendar year after the
    year the first version came into force, judged where that reading is in force on
    the year's first day."""
    for year in range(meta.in_force.year + 1, ctx.as_of.year + 1):
        first, last = date(year, 1, 1), date(year, 12, 31)
        if ctx.params(first).review_period != "kalenderår":
            continue
        subject = SubjectRef.year(year)
        found = [(m, d) for m, d in reviews if m.date.year == year]
        if found:
            meeting, decision = found[0]
            yield met(
                subject,
                f"Översyn {decision.id} {fmt(meeting.date)} (kalenderår, tolkning T12).",
                decision.where("kind"),
                due=last,
            )
        elif ctx.as_of > last:
            yield failed(
                subject,
                f"Ingen översyn under {year} (kalenderår, tolkning T12).",
                meta.where("in_force"),
                due=last,
            )
        else:
            yield pending(
                subject,
                f"Översyn ska ske senast {fmt(last)} (kalenderår, tolkning T12).",
                meta.where("in_force"),
                due=last,
            )


@rule(
    "SC702",
    "extern-utvärdering",
    "8.3",
    "Partnerskapet beslutar om extern utvärdering under första verksamhetsåret",
    quotes=(
        ao(
            "8.3",
            "SweCans partnerskap ska under sitt första verksamhetsår besluta om formerna för "
            "extern utvärdering och granskning av verksamheten.",
        ),
    ),
)
def external_evaluation(ctx: Context) -> Iterator[Result]:
    """
    Vad: Under första verksamhetsåret fattade partnerskapet inget beslut om
    formerna för extern utvärdering och granskning (ett beslut med
    typ: utvärdering).

    Varför: "SweCans partnerskap ska under sitt första verksamhetsår besluta
    om formerna för extern utvärdering och granskning av verksamheten." (§8.3)

    Åtgärd: Protokollför beslutet med typ: utvärdering.
    """
    start, end = ctx.data.config.operating_year_bounds(1)
    found = [
        (m, d)
        for m in held(ctx)
        for d in m.decisions
        if d.kind is DecisionKind.EVALUATION and start <= m.date <= end
    ]
    if found:
        meeting, decision = found[0]
        yield met(
            SubjectRef.operating_year(1),
            f"Beslut {decision.id} vid {meeting.meeting_id}.",
            decision.where("kind"),
            due=end,
        )
    elif ctx.as_of <= end:
        yield pending(
            SubjectRef.operating_year(1),
            f"Beslut ska fattas senast {fmt(end)}.",
            Location(MEETINGS_DIR),
            due=end,
        )
    else:
        yield failed(
            SubjectRef.operating_year(1),
            f"Inget beslut under {fmt(start)}–{fmt(end)}.",
            Location(MEETINGS_DIR),
            due=end,
        )


RULES = [yearly_review, external_evaluation]
