"""Today's date in Stockholm: the default as-of date of every command and build."""

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
