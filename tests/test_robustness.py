"""Damaged data never produces a traceback: seeded random edits of every data file.

Each edit either leaves data the site can be built from, or gives located
problems with a rule ID; neither the check nor the renderer may raise.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from swecan_site.public import PublicView
from swecan_site.rules import BY_ID
from swecan_site.site_files import pages

from .conftest import REPO, copy_data

FILES = sorted(
    p.relative_to(REPO).as_posix()
    for pattern in ("*.yaml", "meetings/*/*", "content/**/*.md")
    for p in REPO.glob(pattern)
    if p.is_file()
)
EDITS = ["delete", "duplicate", "swap", "indent", "truncate", "junk"]


def damage(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    i = rng.randrange(len(lines))
    edit = rng.choice(EDITS)
    if edit == "delete":
        del lines[i]
    elif edit == "duplicate":
        lines.insert(i, lines[i])
    elif edit == "swap" and i + 1 < len(lines):
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
    elif edit == "indent":
        lines[i] = "  " + lines[i]
    elif edit == "truncate":
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)] + "\n"
    else:
        lines[i] = (
            lines[i].rstrip("\n")
            + rng.choice([" :", " - x", " {", " ]", " 'x", " &a", " *b", ": ?"])
            + "\n"
        )
    return "".join(lines)


@pytest.mark.parametrize("seed", range(60))
def test_damaged_data_never_raises(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    repo = copy_data(tmp_path / "data")
    file = FILES[seed % len(FILES)]
    repo.write(file, damage(repo.read(file), rng))
    report = repo.check()
    for problem in report.problems:
        assert problem.rule in BY_ID
        assert problem.location.line >= 1 and problem.message
    if not report.data_errors:
        assert pages(PublicView(report))
