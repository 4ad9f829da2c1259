"""Every bad-input case through the CLI: a located error, exit code 1, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from swecan_site.cli import main

from .conftest import AS_OF, copy_data
from .test_cases import CASES, apply_edits

BAD = [c for c in CASES if c["_source"] == "bad_input" and c.get("expect")]


@pytest.mark.parametrize("case", BAD, ids=[c["name"] for c in BAD])
def test_cli_reports_bad_input(case, tmp_path: Path, capsys) -> None:
    repo = copy_data(tmp_path / "data")
    first_file, first_line = apply_edits(repo, case)
    code = main(["--root", str(repo.root), "check", "--as-of", AS_OF.isoformat()])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 1, out + err
    expected = case["expect"][0]
    file = expected.get("file", first_file)
    line = (
        repo.line_of(file, expected["line_of"])
        if "line_of" in expected
        else expected.get("line", first_line)
    )
    assert f"{file}:{line}:" in out and f"error {expected['rule']}" in out, out
