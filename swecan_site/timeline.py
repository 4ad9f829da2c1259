"""Facts over time: who was a partner, who sat in the arbetsutskott, who held a chair.

A fact holds over a period, and an obligation about it holds every day of the
period a rule covers (the AU has 15 members every day, §2.2; Socialstyrelsen
holds the chair every day of the first year, §8.2). A rule that looked only at
the as-of date would forget a breach as soon as it was remedied; the rules
therefore judge the days they cover through :func:`segments` and report each
breach as a :class:`Period` with its first and last day.

This module is the one definition of those periods: the rules, the pages and
the exports read them from here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import TypeVar

from .dataset import Dataset
from .dates import sv_date
from .models import AuMember, Body, Partner, Term

K = TypeVar("K", bound=Hashable)
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, order=True)
class Period:
    """Days from ``start`` to ``end``, both included. ``end`` None: still running on
    the as-of date (a breach not yet remedied, a mandate without an end)."""

    start: date
    end: date | None = None

    def __str__(self) -> str:
        if self.end is None:
            return f"från {sv_date(self.start)} (pågår)"
        if self.end == self.start:
            return sv_date(self.start)
        return f"{sv_date(self.start)} – {sv_date(self.end)}"

    def last(self, as_of: date) -> date:
        """The last day judged: ``end``, or the as-of date while the period runs."""
        return self.end if self.end is not None else as_of

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def years(self, as_of: date) -> range:
        """The calendar years the period touches (a breach over a year end is in both)."""
        return range(self.start.year, self.last(as_of).year + 1)

    def judged_to(self, as_of: date) -> Period | None:
        """The part judged on ``as_of``: up to it, running if the period has not ended
        before it; None if the period has not begun."""
        if self.start > as_of:
            return None
        if self.end is None or self.end >= as_of:
            return Period(self.start, None)
        return self

    def clip(self, start: date | None = None, end: date | None = None) -> Period | None:
        """The part of the period from ``start`` to ``end`` (None: unbounded); None if empty."""
        first = max(self.start, start) if start else self.start
        ends = [d for d in (self.end, end) if d is not None]
        last = min(ends) if ends else None
        if last is not None and last < first:
            return None
        return Period(first, last)

    def in_year(self, year: int, as_of: date) -> Period | None:
        """The part of the period in calendar ``year``; running if it reaches a running
        end on the as-of date. None if the period does not touch the year."""
        first, last = max(self.start, date(year, 1, 1)), min(self.last(as_of), date(year, 12, 31))
        if last < first:
            return None
        return Period(first, None if self.end is None and last == as_of else last)


def term_period(term: Term) -> Period:
    return Period(term.start, term.end)


def membership(partner: Partner) -> Period:
    """The days ``partner`` is a partner: from joining to the day before it left (§5.3)."""
    withdrawal = partner.withdrawal
    return Period(partner.joined, withdrawal.date - ONE_DAY if withdrawal else None)


@dataclass(frozen=True)
class Seat:
    """One AU mandate as it was served: it ends early when the organisation leaves."""

    member: AuMember
    term: Term
    period: Period
    ended_by_withdrawal: bool

    @property
    def partner(self) -> str:
        return self.member.partner


class Timeline:
    """The periods of one data set. Built once per check (``Context.timeline``)."""

    def __init__(self, data: Dataset) -> None:
        self._data = data

    @cached_property
    def seats(self) -> tuple[Seat, ...]:
        """Every AU mandate, cut at its organisation's withdrawal (§5.3: leaving ends
        the partnership, and with it the seat)."""
        found = []  # in order of their first day, then of organisation.yaml
        for member in self._data.organisation.committee.members:
            partner = self._data.partner(member.partner)
            for term in member.mandates:
                served = term_period(term)
                cut = False
                if partner is not None:
                    member_days = membership(partner)
                    clipped = served.clip(member_days.start, member_days.end)
                    if clipped is None:
                        continue  # never a partner while the mandate ran (SC104)
                    cut = member_days.end is not None and (
                        served.end is None or served.end > member_days.end
                    )
                    served = clipped
                found.append(Seat(member, term, served, cut))
        return tuple(sorted(found, key=lambda s: s.period.start))

    def seated(self, day: date) -> list[Seat]:
        return [s for s in self.seats if s.period.contains(day)]

    def seated_partner(self, partner_id: str, day: date) -> bool:
        return any(s.partner == partner_id and s.period.contains(day) for s in self.seats)

    def seat_changes(self) -> Iterator[date]:
        """The days the AU's composition may change: a seat begins, or the day after one ends."""
        for seat in self.seats:
            yield seat.period.start
            if seat.period.end is not None:
                yield seat.period.end + ONE_DAY

    @staticmethod
    def holder_changes(body: Body, role: str) -> Iterator[date]:
        for holder in getattr(body, role):
            yield holder.start
            if holder.end is not None:
                yield holder.end + ONE_DAY


def segments(
    covered: Period, as_of: date, changes: Iterable[date], state: Callable[[date], K]
) -> list[tuple[Period, K]]:
    """The covered days, cut where a fact may change, each piece with its ``state``;
    neighbouring pieces in the same state are one period.

    ``changes`` must hold every day on which ``state`` can differ from the day
    before (a term begins, the day after one ends, a parameter version starts):
    between two such days the state is the same, so judging the first day of a
    piece judges every day of it. A piece that reaches the as-of date of a
    running period is running (``end`` None).
    """
    last = covered.last(as_of)
    if last < covered.start:
        return []
    cuts = sorted({d for d in changes if covered.start < d <= last} | {covered.start})
    found: list[tuple[Period, K]] = []
    for position, first in enumerate(cuts):
        end = cuts[position + 1] - ONE_DAY if position + 1 < len(cuts) else last
        value = state(first)
        if found and found[-1][1] == value:
            first = found.pop()[0].start
        found.append((Period(first, end), value))
    if covered.end is None and found:
        period, value = found[-1]
        found[-1] = (Period(period.start, None), value)
    return found
