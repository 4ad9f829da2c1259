"""Where the tests find command-line tools that the test extras install with pip."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def tool(name: str) -> str | None:
    """The tool ``name`` beside the running Python first (the virtual environment's
    ``bin/``, found even when the environment is not activated), then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(name)
