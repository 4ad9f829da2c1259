"""Shared helpers for the calendar, feed and catalogue tests (issue 8, items 3–5)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from swecan_site.check import check

from .conftest import REPO

SITE_URL = "https://swecan.example.se/"
HOST = "swecan.example.se"


def standards() -> Path:
    """The reference standards (../shared/standards or $SWECAN_STANDARDS).

    Skipped locally when absent, a failure in CI (like the Chromium tests).
    """
    given = os.environ.get("SWECAN_STANDARDS")
    folder = Path(given) if given else REPO.parent / "shared" / "standards"
    if not (folder / "feedvalidator").is_dir():
        message = (
            f"the reference standards are not at {folder} "
            "(set SWECAN_STANDARDS to the folder holding feedvalidator/, dcat-ap-3.0.1/, …)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return folder


def outputs(root: Path, as_of: date) -> dict[str, bytes]:
    """Every output file (open data, calendars, feeds, catalogue) from the data at ``root``."""
    from swecan_site.outputs import write_all
    from swecan_site.public import PublicView

    report = check(root, as_of)
    assert not report.data_errors, report.data_errors
    return write_all(PublicView(report, SITE_URL))
