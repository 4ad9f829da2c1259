"""`build` reports the findings like `check` and stops where `check` exits 1."""

from __future__ import annotations

import shutil
from pathlib import Path

from swecan_site.cli import main

from .conftest import REPO, DataRepo


def test_build_stops_on_an_error_level_finding(repo: DataRepo, tmp_path: Path, capsys) -> None:
    repo.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    (repo.root / "mkdocs.yml").write_text(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    site = repo.root / "site"
    args = ["--root", str(repo.root), "build", "--as-of", "2026-11-22"]
    code = main([*args, "--config-file", str(repo.root / "mkdocs.yml"), "--site-dir", str(site)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "error SC304" in out  # the finding, as check prints it
    assert "1 fel, 0 varningar (per 22 november 2026)" in err
    assert "Bygget avbröts" in err
    assert not site.exists()
    check = main(["--root", str(repo.root), "check", "--as-of", "2026-11-22"])
    capsys.readouterr()
    assert check == code


def test_allow_findings_builds_anyway(repo: DataRepo, capsys) -> None:
    repo.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    for name in ("mkdocs.yml",):
        (repo.root / name).write_text((REPO / name).read_text(encoding="utf-8"), encoding="utf-8")
    for folder in ("docs", "overrides"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, repo.root / folder)
    site = repo.root / "site"
    config = str(repo.root / "mkdocs.yml")
    args = ["build", "--as-of", "2026-11-22", "--allow-findings", "--config-file", config]
    code = main(["--root", str(repo.root), *args, "--site-dir", str(site)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "error SC304" in out
    assert (site / "efterlevnad" / "sc304" / "index.html").is_file()


def test_deploy_builds_with_allow_findings() -> None:
    text = (REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    assert "swecan-site build --allow-findings" in text
