"""Where the tests find command-line tools that the test extras install with pip, and
the reference standards that are not part of the repository."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest


def tool(name: str) -> str | None:
    """The tool ``name`` beside the running Python first (the virtual environment's
    ``bin/``, found even when the environment is not activated), then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(name)


STANDARDS_ENV = "SWECAN_STANDARDS"
# Set by a CI run that knowingly has no copy of the standards (GitHub's kod.yml: they
# are published material outside the repository): their tests skip with the reason,
# while every other missing tool still fails when CI is set.
WITHOUT_STANDARDS_ENV = "SWECAN_WITHOUT_STANDARDS"


def standards_folder(needed: str) -> Path:
    """The reference standards: $SWECAN_STANDARDS, else ../shared/standards beside the
    repository. ``needed`` (a path inside) missing: skipped locally and where
    $SWECAN_WITHOUT_STANDARDS says so, a failure in CI otherwise."""
    repo = Path(__file__).resolve().parents[1]
    given = os.environ.get(STANDARDS_ENV)
    folder = Path(given) if given else repo.parent / "shared" / "standards"
    if not (folder / needed).exists():
        message = (
            f"the reference standards are not at {folder} (no {needed}; set "
            f"{STANDARDS_ENV} to the folder holding feedvalidator/, oparl-1.1/, dcat-ap-3.0.1/, …)"
        )
        if os.environ.get("CI") and not os.environ.get(WITHOUT_STANDARDS_ENV):
            pytest.fail(f"{message}; they are required in CI unless {WITHOUT_STANDARDS_ENV}=1")
        pytest.skip(message)
    return folder
