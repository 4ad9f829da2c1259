"""Facts that several rules derive from the data in the same way.

The facts themselves live in :mod:`swecan_site.facts` (outputs use them too);
this module re-exports them for the rules and adds what only rules need.
"""

from __future__ import annotations

from datetime import date

from ..dataset import Dataset
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
from .base import ARBETSORDNING, Quote

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
    return day.isoformat() if day else "saknas"


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
