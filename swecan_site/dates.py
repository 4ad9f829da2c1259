"""Today's date in Stockholm: the default as-of date of every command and build."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def today() -> date:
    return datetime.now(STOCKHOLM).date()
