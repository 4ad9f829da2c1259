"""Facts that several rules derive from the data in the same way.

The facts themselves live in :mod:`swecan_site.facts` (outputs use them too);
this module re-exports them for the rules and adds what only rules need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from ..dataset import Dataset
from ..dates import sv_date
from ..facts import (
    Context,
    held,
    longest_term,
    next_meeting,
    next_planned,
    normalise,
    notice_deadline,
    notice_deadline_on,
    planned,
    present_at,
    protocol_deadline,
    protocol_published,
    quorum_members,
    report_published,
    roll_fixed_on,
    roll_on,
    rules_in_force,
    voters_on,
)
from ..models import ContentDoc
from ..problems import Location
from ..timeline import Period, segments
from .base import ARBETSORDNING, Quote, Result, SubjectRef, failed, met

__all__ = [
    "Context",
    "fmt",
    "held",
    "longest_term",
    "next_meeting",
    "next_planned",
    "normalise",
    "notice_deadline",
    "notice_deadline_on",
    "over_time",
    "planned",
    "present_at",
    "protocol_deadline",
    "protocol_published",
    "quorum_members",
    "quote_holds",
    "quote_source",
    "report_published",
    "roll_fixed_on",
    "roll_on",
    "rules_in_force",
    "voters_on",
]  # fmt: skip


def fmt(day: date | None) -> str:
    """A date in a verdict: the reader's form (dates.sv_date), 'saknas' when missing."""
    return sv_date(day) if day else "saknas"


# --- the quoted text -------------------------------------------------------------


def quote_source(data: Dataset, quote: Quote, day: date) -> ContentDoc | None:
    if quote.source == ARBETSORDNING:
        return rules_in_force(data, day)
    return next((d for d in data.pages if d.slug == "utgangspunkter"), None)


def quote_holds(
    data: Dataset, quote: Quote, day: date, *, normalised: dict[str, str] | None = None
) -> bool | None:
    """Whether the quoted sentence is in the text in force on ``day`` (None: no text).

    ``normalised`` (body -> normalised body) lets a caller that asks about many
    quotes normalise each text once.
    """
    doc = quote_source(data, quote, day)
    if doc is None:
        return None
    if normalised is None:
        return normalise(quote.text) in normalise(doc.body)
    if doc.body not in normalised:
        normalised[doc.body] = normalise(doc.body)
    return normalise(quote.text) in normalised[doc.body]


# --- obligations that hold every day ----------------------------------------------


def over_time(
    ctx: Context,
    subject: SubjectRef,
    covered: Period,
    changes: Iterable[date],
    state: Callable[[date], str | None],
    where: Callable[[Period], Location],
    in_order: str,
) -> Iterator[Result]:
    """Judge every day of ``covered`` up to the as-of date (:func:`timeline.segments`).

    ``state`` describes a day in breach ("14 ledamöter; krav 15") and is None on
    a day in order. Each breach is one failed verdict with its period, kept
    after it is remedied; each calendar year without a breach gets one met
    verdict for its days, so every year's page shows that the rule was judged.
    """
    judged = covered.judged_to(ctx.as_of)
    if judged is None:
        return
    pieces = segments(judged, ctx.as_of, [*changes, *ctx.parameter_changes()], state)
    breach_years: set[int] = set()
    for period, what in pieces:
        if what is not None:
            breach_years.update(period.years(ctx.as_of))
            yield failed(subject, f"{what} {period}.", where(period), period=period)
    for year in judged.years(ctx.as_of):
        part = judged.in_year(year, ctx.as_of)
        if year in breach_years or part is None:
            continue
        yield met(subject, f"{in_order} {part}.", where(part), period=part)
