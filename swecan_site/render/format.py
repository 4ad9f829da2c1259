"""Swedish formatting of dates and labels, and escaping of data for Markdown.

Independent of the machine's locale: the build must give the same pages on
every machine.
"""

from __future__ import annotations

import html
from datetime import date, time

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


def sv_time(moment: time | None) -> str:
    """13:30 -> '13.30', the Swedish way of writing a clock time."""
    return "–" if moment is None else f"{moment.hour:02d}.{moment.minute:02d}"


def text(value: object) -> str:
    """Data for running Markdown text: HTML-escaped so data cannot inject markup."""
    return html.escape(str(value), quote=False)


def cell(value: object) -> str:
    """Data for a Markdown table cell: escaped, one line, no column breaks."""
    return text(value).replace("|", "\\|").replace("\n", " ")


def anchor(identifier: str) -> str:
    """A stable, lower-case HTML id: 'B-2026-07' -> 'b-2026-07'."""
    return identifier.lower().replace("ä", "a").replace("å", "a").replace("ö", "o")
