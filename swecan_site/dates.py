"""Dates: today's in Stockholm (the default as-of date of every command and build), and
the one way a date is written for a reader.

The convention (README "Dates"): a date a person reads – on a page, in a verdict,
an error message, a feed's text – is written in full Swedish, "15 oktober 2026";
a date a program reads – data files, JSON and CSV date fields, iCalendar, ids and
addresses – is ISO 8601, "2026-10-15". One sentence never mixes the two.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")

# The as-of date for a bare `mkdocs build`/`mkdocs serve`, and for `swecan-site
# serve` (MkDocs re-reads mkdocs.yml on each rebuild; no plugin option survives).
# `swecan-site build` sets the plugin option instead.
AS_OF_ENV = "SWECAN_AS_OF"


def today() -> date:
    return datetime.now(STOCKHOLM).date()


MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


def sv_date(day: date | None, *, weekday: bool = False) -> str:
    """2026-03-12 -> '12 mars 2026' (or 'torsdag 12 mars 2026')."""
    if day is None:
        return "–"
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def en_date(day: date | None) -> str:
    """2026-03-12 -> '12 March 2026': the English edition's form (day month year, as the
    EU's Interinstitutional Style Guide writes dates; no ordinal, no comma)."""
    if day is None:
        return "–"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
