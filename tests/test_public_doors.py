"""Nothing leaks through the new doors, and every output tells the same story.

One build (``swecan-site build``, HTML + open data + search index + whatever
outputs are registered) and one ``swecan-site export`` of a copy of the shipped
data with a draft protocol that has a decision, a draft content page, a draft
report, and a non-public underlag – each with a distinctive marker. Every file
in both outputs is scanned for the markers (the way tests/site/test_content.py
scans the HTML) and for personnummer. Then the HTML pages, the JSON and the
CSV must list the same meetings, decisions and partners.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from swecan_site.cli import main
from swecan_site.rules.privacy import personal_numbers

from .conftest import AS_OF, REPO, copy_data

DRAFT_MEETING = "meetings/2026-11-12-arbetsutskottet"
MARKERS = {
    "draft decision title": "Hemligt utkastbeslut QX71",
    "draft decision text": "Beslutstext som aldrig får publiceras QX72",
    "draft protocol": "Protokollsmening som bara finns i utkastet QX73",
    "draft page": "Utkastsida som aldrig får publiceras QX74",
    "draft report": "Utkast till årsrapport QX75",
    "non-public underlag": "Sekretessbelagd kandidatlista QX76",
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("doors")
    repo = copy_data(base / "data")
    for name in ("mkdocs.yml", "docs"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, base / "data" / name)
        else:
            (base / "data" / name).write_bytes(source.read_bytes())
    overrides = REPO / "overrides"
    if overrides.is_dir():  # the theme's custom_dir, when there is one
        shutil.copytree(overrides, base / "data" / "overrides")
    # A draft protocol with a decision of its own.
    repo.write(
        f"{DRAFT_MEETING}/mote.yaml",
        repo.read(f"{DRAFT_MEETING}/mote.yaml")
        + "\nbeslut:\n  - id: B-2026-11\n    paragraf: 3\n    typ: övrigt\n"
        f"    rubrik: {MARKERS['draft decision title']}\n"
        f"    text: {MARKERS['draft decision text']}.\n    metod: konsensus\n",
    )
    repo.write(
        f"{DRAFT_MEETING}/protokoll.md",
        repo.read(f"{DRAFT_MEETING}/protokoll.md") + f"\n{MARKERS['draft protocol']}.\n",
    )
    repo.write(
        "content/utkast-sida.md",
        f"---\ntitel: {MARKERS['draft page']}\nutkast: true\n---\n{MARKERS['draft page']}.\n",
    )
    repo.write(
        "content/rapporter/2026-arsrapport.md",
        f"---\ntitel: {MARKERS['draft report']}\når: 2026\ntyp: årsrapport\nutkast: true\n---\n"
        f"{MARKERS['draft report']}.\n",
    )
    repo.replace(
        "meetings/2026-12-03-partnerskapet/mote.yaml",
        "Kansliets sammanställning av kandidater (publiceras efter beslut)",
        MARKERS["non-public underlag"],
    )
    report = repo.check()
    assert report.data_errors == [], report.data_errors[:3]
    assert report.dataset is not None
    assert any(d.id == "B-2026-11" for _, d in report.dataset.decisions())
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site = base / "site"
    assert main(["--root", str(repo.root), "build", "--as-of", AS_OF.isoformat(),
                 "--config-file", str(repo.root / "mkdocs.yml"),
                 "--site-dir", str(site)]) == 0  # fmt: skip
    export = base / "export"
    assert main(["--root", str(repo.root), "export", "--as-of", AS_OF.isoformat(),
                 "--out", str(export)]) == 0  # fmt: skip
    return {"site": site, "export": export}


def _files(folder: Path) -> dict[Path, str]:
    """Every file's text (binary files decoded leniently: a marker would still show)."""
    return {
        p: p.read_bytes().decode("utf-8", errors="replace")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("which", ["site", "export"])
def test_no_draft_or_non_public_marker_in_any_output_file(
    outputs: dict[str, Path], which: str
) -> None:
    files = _files(outputs[which])
    suffixes = {p.suffix for p in files}
    assert {".json", ".csv"} <= suffixes
    if which == "site":
        assert ".html" in suffixes
        assert (outputs["site"] / "search" / "search_index.json").is_file()
    leaks = [
        (label, path.relative_to(outputs[which]).as_posix())
        for path, text in files.items()
        for label, marker in MARKERS.items()
        if marker in text
    ]
    assert leaks == []
    # The draft decision's id is not published anywhere either (not even as a link).
    assert [p for p, text in files.items() if "B-2026-11" in text or "b-2026-11" in text] == []


def test_the_markers_are_in_the_data_the_outputs_were_built_from(
    outputs: dict[str, Path],
) -> None:
    """The scan above can fail: every marker is in the sources of the build."""
    root = outputs["site"].parent / "data"
    sources = "\n".join(
        p.read_text(encoding="utf-8") for p in root.rglob("*") if p.suffix in (".md", ".yaml")
    )
    for marker in MARKERS.values():
        assert marker in sources, marker


@pytest.mark.parametrize("which", ["site", "export"])
def test_no_personnummer_in_any_output_file(outputs: dict[str, Path], which: str) -> None:
    assert list(personal_numbers("Testperson 19121212-1212")), "the scanner finds one"
    found = [
        (path.relative_to(outputs[which]).as_posix(), where)
        for path, text in _files(outputs[which]).items()
        for where in personal_numbers(text)
    ]
    assert found == []


# --- the same record in HTML, JSON and CSV ---------------------------------------------------


def _csv_ids(path: Path, column: str = "id") -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {row[column] for row in csv.DictReader(io.StringIO(text))}


def test_html_json_and_csv_list_the_same_meetings_decisions_and_partners(
    outputs: dict[str, Path],
) -> None:
    site = outputs["site"]
    data = site / "data"
    html_meetings = {p.parent.name for p in (site / "moten").glob("*/index.html")}
    html_partners = {p.parent.name for p in (site / "partners").glob("*/index.html")}
    register = (site / "beslut" / "index.html").read_text(encoding="utf-8")
    html_decisions = {m.upper() for m in re.findall(r'id="(b-\d{4}-\d+)"', register)}

    def ids(name: str, key: str) -> set[str]:
        return {item[key] for item in json.loads((data / name).read_text("utf-8"))["data"]}

    assert html_meetings and html_partners and html_decisions
    assert ids("moten.json", "swecan:identifier") == html_meetings
    assert _csv_ids(data / "moten.csv") == html_meetings
    assert ids("partners.json", "swecan:identifier") == html_partners
    assert _csv_ids(data / "partners.csv") == html_partners
    assert ids("beslut.json", "identifier") == html_decisions
    assert _csv_ids(data / "beslut.csv") == html_decisions
    # export (no MkDocs) writes byte for byte what the build publishes
    export = outputs["export"] / "data"
    for path in export.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (data / path.relative_to(export)).read_bytes(), path
