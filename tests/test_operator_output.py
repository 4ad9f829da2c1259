"""Output for operators: GitHub workflow commands carry data only as data.

A file name or message from a pull request must not end an annotation, add a
property or start a second command (GitHub's toolkit: escapeData for the
message, escapeProperty for file and title).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from swecan_site.cli import main
from swecan_site.problems import Kind, Location, Problem, Severity, format_github

from .conftest import DataRepo, copy_data

HOSTILE_FILE = "meetings/a,title=x:y\r\n::error file=owned.yaml::pwned/mote.yaml"


def _problem(file: str, message: str) -> Problem:
    return Problem(Location(file, 3, 4), "SC304", "3.2", Severity.WARNING, Kind.COMPLIANCE, message)


def test_a_hostile_file_name_stays_one_property_of_one_command() -> None:
    out = format_github([_problem(HOSTILE_FILE, "ok")])
    assert out.count("\n") == 0 and out.count("::") == 2  # '::warning …::ok'
    head, message = out[2:].split("::")
    properties = dict(item.split("=", 1) for item in head.removeprefix("warning ").split(","))
    assert set(properties) == {"file", "line", "col", "title"}
    assert properties["file"] == (
        "meetings/a%2Ctitle=x%3Ay%0D%0A%3A%3Aerror file=owned.yaml%3A%3Apwned/mote.yaml"
    )
    assert properties["title"] == "SC304 (§3.2)" and message == "ok"


def test_a_message_keeps_its_colons_and_commas_but_not_its_line_breaks() -> None:
    out = format_github([_problem("partners.yaml", "a, b: 100 %\n::error::x")])
    assert out.endswith("::a, b: 100 %25%0A::error::x")
    assert out.count("\n") == 0


# --- commands: out-of-range arguments and broken trees are one Swedish line ---------------


BAD_ARGUMENTS = {
    "days far ahead": ["frister", "--dagar", "999999999"],
    "negative days": ["frister", "--dagar", "-5"],
    "year 0 for a report": ["ny", "rapport", "0"],
    "year 99999 for a report": ["ny", "rapport", "99999"],
    "an id with a line break": [
        "ny", "partner", "--id", "x\ny: 1", "--namn", "X", "--sektor", "vård",
        "--ansluten", "2026-12-01",
    ],
    "a name with a line break": [
        "ny", "partner", "--id", "region-x", "--namn", "X\nsektor: vård", "--sektor", "vård",
        "--ansluten", "2026-12-01",
    ],
    "a date out of range": ["check", "--as-of", "9999-12-31"],
}  # fmt: skip


@pytest.mark.parametrize("args", BAD_ARGUMENTS.values(), ids=BAD_ARGUMENTS.keys())
def test_an_out_of_range_argument_is_a_usage_error(args, repo: DataRepo, capsys) -> None:
    before = repo.read("partners.yaml")
    with pytest.raises(SystemExit) as exited:
        main(["--root", str(repo.root), *args])
    assert exited.value.code == 3
    _, err = capsys.readouterr()
    message = err.strip().splitlines()[-1]
    assert ": fel: argument" in message and "Traceback" not in err and "internt fel" not in err
    assert repo.read("partners.yaml") == before


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.se",
         "-c", "commit.gpgsign=false", *args],
        check=True, capture_output=True,
    )  # fmt: skip


def test_a_base_tree_with_a_link_out_of_it_is_a_swedish_error(tmp_path, capsys) -> None:
    repo = copy_data(tmp_path / "data")
    _git(repo.root, "init", "-q", "-b", "main")
    (repo.root / "content" / "stolen.md").symlink_to("/etc/passwd")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-q", "-m", "base with a link out")
    (repo.root / "content" / "stolen.md").unlink()
    code = main(["--root", str(repo.root), "check", "--as-of", "2026-11-22",
                 "--format", "markdown", "--base", "HEAD"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 3
    assert "går inte att läsa ut" in err and "Traceback" not in err and "internt fel" not in err
