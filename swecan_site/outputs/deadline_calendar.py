"""Kommande frister as iCalendar (efterlevnad/frister.ics), beside its page.

The same deadlines as the page /efterlevnad/frister/ (PublicView.deadlines,
so nothing about an unpublished decision), as all-day events to subscribe to.
"""

from __future__ import annotations

from .. import deadlines, urls
from ..public import PublicView
from .record import CatalogueEntry, DataFile, Output

TITLE = "SweCan – kansliets frister"  # the calendar's own name (deadlines.format_ics)


def _build(view: PublicView) -> bytes:
    items = view.deadlines(deadlines.DEFAULT_DAYS)
    return deadlines.format_ics(items, view.as_of, view.config.reminder_days).encode()


FILES = [
    DataFile(
        urls.DEADLINES_CALENDAR,
        f"{TITLE} (iCalendar)",
        f"Frister de närmaste {deadlines.DEFAULT_DAYS} dagarna.",
        "text/calendar",
        _build,
        dataset="frister",
    )
]
DATASETS = [
    CatalogueEntry(
        "frister",
        "SweCans kommande frister",
        f"Frister enligt arbetsordningen och kansliets egna mål som infaller de närmaste "
        f"{deadlines.DEFAULT_DAYS} dagarna (protokoll, kallelser, rapporter, mandat), som "
        "iCalendar (RFC 5545) att prenumerera på.",
        urls.DEADLINES,
        ("frister", "efterlevnad", "kalender"),
    )
]

OUTPUT = Output("deadline_calendar", FILES, DATASETS)
