"""§9 and §8.3: yearly review of the arbetsordning and the external evaluation."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import add_months
from ..loader import MEETINGS_DIR
from ..models import BodyName, DecisionKind
from ..problems import Location
from .base import Context, Result, ao, failed, met, pending, rule
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
    Vad: Det har gått mer än 12 månader (parametern review_months, i kraft
    när perioden började) sedan
    arbetsutskottet senast såg över arbetsordningen – eller, om ingen översyn
    har gjorts, sedan den första arbetsordningen började gälla. En översyn är
    ett beslut i arbetsutskottet med typ: översyn.

    Varför: "Arbetsordningen ska ses över årligen av arbetsutskottet." (§9)

    Åtgärd: Protokollför arbetsutskottets översyn som ett beslut med
    typ: översyn, även när översynen inte leder till ändringsförslag.
    """
    versions = sorted(ctx.data.rules_versions, key=lambda d: d.meta.in_force)
    if not versions:
        return
    reviews = [
        (m, d)
        for m in held(ctx, BodyName.COMMITTEE)
        for d in m.decisions
        if d.kind is DecisionKind.REVIEW and m.date <= ctx.as_of
    ]
    if reviews:
        meeting, decision = reviews[-1]
        since, what, where = meeting.date, f"senaste översyn {decision.id}", decision.where("kind")
    else:
        meta = versions[0].meta
        since, what = meta.in_force, "ingen översyn sedan arbetsordningen började gälla"
        where = meta.where("in_force")
    # The window is set by the parameters in force when it began (the last review).
    due = add_months(since, ctx.params(since).review_months)
    if ctx.as_of > due:
        yield failed(
            "arbetsordningen", f"{what} ({fmt(since)}); nästa skulle ske senast {fmt(due)}.", where
        )
    elif reviews:
        yield met("arbetsordningen", f"{what} ({fmt(since)}); nästa senast {fmt(due)}.", where)
    else:
        yield pending(
            "arbetsordningen", f"{what} ({fmt(since)}); första översyn senast {fmt(due)}.", where
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
            "verksamhetsår 1",
            f"Beslut {decision.id} vid {meeting.meeting_id}.",
            decision.where("kind"),
        )
    elif ctx.as_of <= end:
        yield pending(
            "verksamhetsår 1", f"Beslut ska fattas senast {fmt(end)}.", Location(MEETINGS_DIR)
        )
    else:
        yield failed(
            "verksamhetsår 1",
            f"Inget beslut under {fmt(start)}–{fmt(end)}.",
            Location(MEETINGS_DIR),
        )


RULES = [yearly_review, external_evaluation]
