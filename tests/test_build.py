"""Building: the MkDocs plugin, `swecan-site build` and `generate`, and what never builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from swecan_site.cli import main

from .conftest import AS_OF, REPO, copy_data

ENV = {**os.environ, "SWECAN_AS_OF": AS_OF.isoformat(), "NO_MKDOCS_2_WARNING": "1"}


def project_copy(tmp_path: Path) -> Path:
    """Data plus mkdocs.yml and docs/: a complete project a kansli member would have."""
    repo = copy_data(tmp_path / "project")
    shutil.copy2(REPO / "mkdocs.yml", repo.root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", repo.root / "docs")
    shutil.copytree(REPO / "overrides", repo.root / "overrides")  # theme.custom_dir
    return repo.root


def test_plain_mkdocs_build_strict(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"),
         "-d", str(out)],
        capture_output=True, text=True, env=ENV, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (out / "moten/2026-06-10-partnerskapet/index.html").is_file()


def test_mkdocs_refuses_data_errors_with_file_and_line(tmp_path: Path) -> None:
    root = project_copy(tmp_path)
    (root / "site").mkdir()
    (root / "site/keep.html").write_text("previous build")
    text = (root / "partners.yaml").read_text(encoding="utf-8")
    (root / "partners.yaml").write_text(
        text.replace("    namn: Region Uppsala\n", "    namn: Region Uppsala\n    namn: X\n"),
        encoding="utf-8",
    )
    line = text[: text.index("    namn: Region Uppsala\n")].count("\n") + 2
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        capture_output=True, text=True, env=ENV, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert f"partners.yaml:{line}:5: error SC002" in result.stderr
    assert "Traceback" not in result.stderr
    # checked before MkDocs cleans site/: the previous site is untouched
    assert (root / "site/keep.html").read_text() == "previous build"


def test_swecan_build_replaces_the_site_atomically(tmp_path: Path, capsys) -> None:
    root = project_copy(tmp_path)
    args = ["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
            "--config-file", str(root / "mkdocs.yml")]  # fmt: skip
    assert main(args) == 0
    first = (root / "site/index.html").read_text(encoding="utf-8")
    (root / "meetings/2026-06-10-partnerskapet/mote.yaml").write_text("datum: 2026-02-30\n")
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "meetings/2026-06-10-partnerskapet/mote.yaml:1:8: error SC012" in out
    assert (root / "site/index.html").read_text(encoding="utf-8") == first
    assert not [p for p in root.iterdir() if p.name.startswith(".site-")]


def test_generate_writes_markdown_for_any_engine(tmp_path: Path) -> None:
    out = tmp_path / "md"
    assert main(["--root", str(REPO), "generate", "--as-of", AS_OF.isoformat(),
                 "--out", str(out)]) == 0  # fmt: skip
    meeting = (out / "moten/2026-06-10-partnerskapet.md").read_text(encoding="utf-8")
    assert meeting.startswith("---\ntitle:")
    assert "{ #b-2026-07 " in meeting and "{ #p-5 }" in meeting
    assert (out / "efterlevnad/sc302.md").is_file()


def test_renderer_does_not_import_mkdocs() -> None:
    code = ("import sys, swecan_site.render, swecan_site.check, swecan_site.cli; "
            "bad = [m for m in sys.modules if m.startswith('mkdocs') or m == 'material']; "
            "assert not bad, bad")  # fmt: skip
    subprocess.run([sys.executable, "-c", code], check=True)


def test_draft_pages_are_never_generated(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.write("content/utkast-sida.md", "---\ntitel: Hemligt utkast\nutkast: true\n---\nText.\n")
    repo.write(
        "content/rapporter/2026-arsrapport.md",
        "---\ntitel: Årsrapport 2026\når: 2026\ntyp: årsrapport\nutkast: true\n---\nUtkasttext.\n",
    )
    out = tmp_path / "md"
    assert main(["--root", str(repo.root), "generate", "--as-of", AS_OF.isoformat(),
                 "--out", str(out)]) == 0  # fmt: skip
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "Hemligt utkast" not in text and "Utkasttext" not in text
    assert not (out / "utkast-sida.md").exists()


def test_serve_watches_every_data_file() -> None:
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    plugin = config.plugins["swecan"]
    watched: list[str] = []

    class Server:
        def watch(self, path: str, recursive: bool = True) -> None:
            watched.append(Path(path).name)

    plugin.on_serve(Server(), config=config, builder=None)
    assert set(watched) == {"swecan.yaml", "partners.yaml", "organisation.yaml", "meetings",
                            "content"}  # fmt: skip
