"""Reproducible builds: one reference time per build, and no other clock in the output.

Two builds of one commit on one as-of date are byte-identical, whatever the wall
clock, time zone, locale or directory (README, "Reproducible builds"). The as-of
date is an input like the data – it changes verdicts – so it is part of what is
reproduced, not a clock. Everything the project writes takes its dates from the
data or the as-of date (feeds: the day an item became public; calendars:
DTSTAMP is the as-of date). What MkDocs itself would take from the wall clock
(the sitemap's ``<lastmod>``, the mtime in the header of ``sitemap.xml.gz``,
``build_date_utc`` in templates) comes from :func:`reference_time`, handed to
MkDocs as ``SOURCE_DATE_EPOCH`` (reproducible-builds.org's convention, which
MkDocs honours) for the duration of one build (:func:`pin`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from .dates import STOCKHOLM
from .history import git

ENV = "SOURCE_DATE_EPOCH"
# 2106-02-07T06:28:15Z: the last second the mtime in a gzip header (32 bits) can hold
LAST_SECOND = 2**32 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")  # ASCII only: str.isdigit() would accept '²'


class SourceDateEpochError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set but is not a time; the message says so in Swedish."""


def reference_time(root: Path, as_of: date) -> int:
    """The build's reference time, in seconds since 1970-01-01 UTC.

    ``SOURCE_DATE_EPOCH`` if set (an integer ≥ 0, else :class:`SourceDateEpochError`);
    else the committer time of ``HEAD`` in the repository holding ``root``; else,
    outside git, midnight of the as-of date in Stockholm.
    """
    value = os.environ.get(ENV)
    if value is not None:
        if not _DIGITS.fullmatch(value) or int(value) > LAST_SECOND:
            raise SourceDateEpochError(
                f"{ENV}={value[:40]!r} är ingen tidpunkt: ange sekunder sedan 1970-01-01 UTC "
                f"som ett heltal mellan 0 och {LAST_SECOND} (som git log -1 --format=%ct "
                f"skriver), eller ta bort variabeln."
            )
        return int(value)
    committed = (git(root, "log", "-1", "--format=%ct") or b"").strip().decode("ascii", "replace")
    if _DIGITS.fullmatch(committed):
        return int(committed)
    return int(datetime.combine(as_of, time(0, 0), STOCKHOLM).timestamp())


def pin(seconds: int) -> Callable[[], None]:
    """Set ``SOURCE_DATE_EPOCH`` for MkDocs; the function returned puts back what was there."""
    previous = os.environ.get(ENV)
    os.environ[ENV] = str(seconds)

    def restore() -> None:
        if previous is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = previous

    return restore
