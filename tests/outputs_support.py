"""Shared helpers for the calendar, feed and catalogue tests (issue 8, items 3–5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from swecan_site.check import check

from .tools import standards_folder

SITE_URL = "https://swecan.example.se/"
HOST = "swecan.example.se"


def standards() -> Path:
    """The reference standards (../shared/standards or $SWECAN_STANDARDS): tools.py."""
    return standards_folder("feedvalidator")


def outputs(root: Path, as_of: date) -> dict[str, bytes]:
    """Every output file (open data, calendars, feeds, catalogue) from the data at ``root``."""
    from swecan_site.outputs import write_all
    from swecan_site.public import PublicView

    report = check(root, as_of)
    assert not report.data_errors, report.data_errors
    return write_all(PublicView(report, SITE_URL))
