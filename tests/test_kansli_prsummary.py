"""`check --format markdown --base REF` on a real two-commit git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from swecan_site.cli import main

from .conftest import DataRepo, copy_data

AS_OF = "2026-11-26"


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.se",
         "-c", "commit.gpgsign=false", *args],
        check=True,
        capture_output=True,
    )  # fmt: skip


@pytest.fixture
def history(tmp_path: Path) -> DataRepo:
    """A git repository whose first commit is the shipped data (the base)."""
    repo = copy_data(tmp_path / "data")
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "base")
    return repo


def summary(repo: DataRepo, capsys, *extra: str) -> tuple[int, str]:
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "change", "--allow-empty")
    code = main(["--root", str(repo.root), "check", "--as-of", AS_OF, "--format", "markdown",
                 "--base", "HEAD~1", *extra])  # fmt: skip
    out, _ = capsys.readouterr()
    return code, out


def test_record_changes_are_listed(history: DataRepo, capsys) -> None:
    history.replace(
        "partners.yaml",
        "    inbjuden: 2026-01-17\n",
        "    inbjuden: 2026-01-17\n\n  - id: region-testland\n    namn: Region Testland\n"
        "    sektor: myndighet\n    ansluten: 2026-11-20\n    avsiktsförklaring: 2026-11-19\n",
    )
    history.replace(
        "meetings/2026-11-12-arbetsutskottet/mote.yaml",
        "  status: utkast",
        "  status: färdigställt\n  färdigställt: 2026-11-25",
    )
    code, out = summary(history, capsys)
    assert code == 0, out
    assert "- ny partner: Region Testland (region-testland), ansluten 2026-11-20" in out
    assert "- protokoll 2026-11-12-arbetsutskottet publiceras" in out
    assert "**Kan publiceras:**" in out


def test_existing_finding_never_blocks(history: DataRepo, capsys) -> None:
    # The shipped SC304 finding (a protocol finished on day 16) raised to error after the fact.
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    code, out = summary(history, capsys)
    assert code == 0, out
    assert "1 fynd fanns redan" in out
    # without --base the same data fails, as `check` always has
    plain = main(["--root", str(history.root), "check", "--as-of", AS_OF])
    capsys.readouterr()
    assert plain == 1


def test_new_error_finding_blocks_with_rule_and_quote(history: DataRepo, capsys) -> None:
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC302: error")
    history.replace(
        "meetings/2026-06-10-partnerskapet/mote.yaml",
        "kallelse_skickad: 2026-05-08",
        "kallelse_skickad: 2026-05-20",
    )
    code, out = summary(history, capsys)
    assert code == 1
    new = out.split("### Nya efterlevnadsfynd")[1].split("###")[0]
    assert "**SC302** (§3.1)" in new
    assert "meetings/2026-06-10-partnerskapet/mote.yaml:" in new
    assert "> ”Kallelse ska skickas ut minst 30 dagar före mötet" in new
    assert "**Stoppar publicering:**" in out


def test_resolved_finding_is_listed(history: DataRepo, capsys) -> None:
    history.replace(
        "meetings/2026-10-01-partnerskapet/mote.yaml",
        "färdigställt: 2026-10-17",
        "färdigställt: 2026-10-15",
    )
    code, out = summary(history, capsys)
    assert code == 0
    resolved = out.split("### Åtgärdade fynd")[1]
    assert "**SC304** (§3.2)" in resolved


def test_data_error_blocks(history: DataRepo, capsys) -> None:
    history.replace("meetings/2026-03-12-partnerskapet/mote.yaml", "  - rcc-norr\n",
                    "  - rcc-nrr\n")  # fmt: skip
    code, out = summary(history, capsys)
    assert code == 1
    assert "### Datafel" in out and "Menade du 'rcc-norr'?" in out


def test_github_format_with_base_uses_the_gate(history: DataRepo, capsys) -> None:
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    git(history.root, "add", "-A")
    git(history.root, "commit", "-q", "-m", "severity")
    code = main(["--root", str(history.root), "check", "--as-of", AS_OF, "--format", "github",
                 "--base", "HEAD~1"])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("::error file=meetings/2026-10-01-partnerskapet/mote.yaml,line=")


def test_bad_base_ref(history: DataRepo, capsys) -> None:
    code = main(["--root", str(history.root), "check", "--as-of", AS_OF, "--format",
                 "markdown", "--base", "no-such-ref"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 3 and "no-such-ref" in err


def test_github_annotation_on_a_folder_is_anchored_to_mote_yaml(tmp_path: Path, capsys) -> None:
    repo = copy_data(tmp_path / "data")
    (repo.root / "meetings/2026-12-10-partnerskapet").mkdir()
    code = main(["--root", str(repo.root), "check", "--as-of", AS_OF, "--format", "github"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "::error file=meetings/2026-12-10-partnerskapet/mote.yaml,line=1," in out
