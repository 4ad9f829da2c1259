"""Open data under /data/: each file checked by an independent client.

* every JSON file against the JSON Schema the site publishes beside it
  (``jsonschema``), and the OParl-shaped objects against the official OParl
  1.1 schemas kept in ../shared/standards/oparl-1.1/ (or $SWECAN_STANDARDS);
* the CSV tables with ``frictionless validate`` on the published data package;
* the files say what the pages say (the same meetings, decisions and partners
  as the HTML on the same date) – see also tests/test_public_doors.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from swecan_site.check import check
from swecan_site.cli import main
from swecan_site.outputs import data_files, oparl, tables
from swecan_site.outputs.json_schemas import schema_name
from swecan_site.public import PublicView

from .conftest import AS_OF, REPO
from .test_build import project_copy
from .tools import standards_folder
from .tools import tool as find_tool

JSON_FILES = [d.file for d in data_files() if d.schema]


def standards_dir() -> Path:
    """The reference standards: $SWECAN_STANDARDS or ../shared/standards (tools.py)."""
    return standards_folder("oparl-1.1/Meeting.json")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``swecan-site export`` of the shipped data, as the README shows it."""
    out = tmp_path_factory.mktemp("export") / "out"
    assert main(["--root", str(REPO), "export", "--as-of", AS_OF.isoformat(),
                 "--out", str(out)]) == 0  # fmt: skip
    return out / "data"


def load(folder: Path, name: str) -> Any:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    text = (folder / f"{table}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_export_writes_every_listed_file_and_nothing_else(exported: Path) -> None:
    written = sorted(p.relative_to(exported).as_posix() for p in exported.rglob("*") if p.is_file())
    expected = sorted(
        [d.file for d in data_files()] + [f"schemas/{d.schema}" for d in data_files() if d.schema]
    )
    assert written == expected


@pytest.mark.parametrize("name", JSON_FILES)
def test_json_file_validates_against_its_published_schema(exported: Path, name: str) -> None:
    document = load(exported, name)
    schema = load(exported, f"schemas/{schema_name(name)}")
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(document)] == []
    assert document["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert document["asOf"] == AS_OF.isoformat()


def test_published_schema_rejects_a_broken_file(exported: Path) -> None:
    """The schemas are not vacuous: a decision without its vote event fails."""
    document = load(exported, "beslut.json")
    del document["data"][0]["swecan:voteEvent"]
    document["data"][1]["swecan:voteEvent"]["counts"][0]["option"] = "kanske"
    schema = load(exported, "schemas/beslut.schema.json")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
    assert len(errors) == 2


def _oparl_objects(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """Every OParl-shaped object in the files, with the OParl class it claims to be."""
    found: list[tuple[str, dict[str, Any]]] = []

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            kind = value.get("type")
            if isinstance(kind, str) and kind.startswith(oparl.OPARL):
                found.append((kind.removeprefix(oparl.OPARL), value))
            for item in value.values():
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    for name in JSON_FILES:
        visit(load(folder, name)["data"])
    return found


def test_oparl_objects_validate_against_the_official_oparl_schemas(exported: Path) -> None:
    folder = standards_dir() / "oparl-1.1"
    objects = _oparl_objects(exported)
    kinds = {kind for kind, _ in objects}
    assert {"Meeting", "AgendaItem", "Organization", "Membership", "Paper", "File",
            "Location"} <= kinds  # fmt: skip
    validators = {}
    for kind in kinds:
        schema = json.loads((folder / f"{kind}.json").read_text(encoding="utf-8"))
        validators[kind] = jsonschema.Draft4Validator(schema)
    problems = [
        (kind, obj["id"], error.message)
        for kind, obj in objects
        for error in validators[kind].iter_errors(obj)
    ]
    assert problems == []
    # The check can fail: OParl requires AgendaItem.order and File.accessUrl.
    item = next(obj for kind, obj in objects if kind == "AgendaItem")
    broken = {k: v for k, v in item.items() if k != "order"}
    assert list(validators["AgendaItem"].iter_errors(broken))


def test_meeting_times_carry_stockholm_offsets(exported: Path) -> None:
    meetings = {m["swecan:identifier"]: m for m in load(exported, "moten.json")["data"]}
    assert meetings["2026-03-12-partnerskapet"]["start"] == "2026-03-12T10:00:00+01:00"
    summer = meetings["2026-06-10-partnerskapet"]["start"]
    assert summer.endswith("+02:00")


def test_votes_use_the_ocd_options_with_swedish_labels(exported: Path) -> None:
    decisions = load(exported, "beslut.json")["data"]
    options = {c["option"]: c["label"] for d in decisions for c in d["swecan:voteEvent"]["counts"]}
    assert options.get("absent") == "frånvarande"
    assert set(options) <= {"yes", "no", "abstain", "absent"}
    voted = [d for d in decisions if d["swecan:voteEvent"]["method"] == "vote"]
    for d in voted:
        counts = {c["option"]: c["value"] for c in d["swecan:voteEvent"]["counts"]}
        assert {"yes", "no", "abstain"} <= set(counts)


def test_frictionless_validates_the_data_package(exported: Path) -> None:
    tool = find_tool("frictionless")
    command = [tool] if tool else [sys.executable, "-m", "frictionless"]
    result = subprocess.run(
        [*command, "validate", "--json", "datapackage.json"],
        cwd=exported, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["valid"], result.stdout[:2000]
    assert result.returncode == 0
    # each table twice: RFC 4180 for programs, and its edition for spreadsheets
    assert len(report["tasks"]) == 2 * len(tables.COLUMNS)


def test_frictionless_finds_a_broken_table(exported: Path, tmp_path: Path) -> None:
    """The package's types are checked: a date column with a non-date fails."""
    copy = tmp_path / "data"
    shutil.copytree(exported, copy)
    text = (copy / "moten.csv").read_text(encoding="utf-8")
    (copy / "moten.csv").write_text(text.replace(",2026-03-12,", ",12 mars,", 1), encoding="utf-8")
    tool = find_tool("frictionless")
    command = [tool] if tool else [sys.executable, "-m", "frictionless"]
    result = subprocess.run([*command, "validate", "--json", "datapackage.json"], cwd=copy,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert not json.loads(result.stdout)["valid"]


def test_json_and_csv_agree(exported: Path) -> None:
    partners = {p["swecan:identifier"] for p in load(exported, "partners.json")["data"]}
    assert partners == {r["id"] for r in rows(exported, "partners")}
    meetings = {m["swecan:identifier"] for m in load(exported, "moten.json")["data"]}
    assert meetings == {r["id"] for r in rows(exported, "moten")}
    decisions = {d["identifier"] for d in load(exported, "beslut.json")["data"]}
    assert decisions == {r["id"] for r in rows(exported, "beslut")}
    assert decisions == {r["beslut"] for r in rows(exported, "omrostningar")}
    attendance = {
        (m["swecan:identifier"], p)
        for m in load(exported, "moten.json")["data"]
        for p in m.get("swecan:attendance", [])
    }
    assert attendance == {(r["möte"], r["partner"]) for r in rows(exported, "narvaro")}
    findings = load(exported, "efterlevnad.json")["data"]
    assert len(findings) == len(rows(exported, "efterlevnad"))


def test_files_follow_the_public_view_on_the_date() -> None:
    """On a later date the completed protocol of 2026-11-12 would publish its decisions;
    today only decisions of published protocols are in the register."""
    view = PublicView(check(REPO, AS_OF), base_url="https://swecan.example.se/")
    objects = oparl.objects(view)
    payload = {"beslut.json": objects.decisions, "moten.json": objects.meetings()}
    published = {d.id for _, d in view.decisions()}
    assert {d["identifier"] for d in payload["beslut.json"]} == published
    draft = view.meeting("2026-11-12-arbetsutskottet")
    assert draft is not None and not view.protocol_published(draft)
    meeting = next(m for m in payload["moten.json"] if m["swecan:identifier"] == draft.meeting_id)
    assert "resultsProtocol" not in meeting
    assert meeting["swecan:protocol"]["published"] is False
    assert meeting["swecan:decisions"] == []


def test_export_needs_a_site_url(tmp_path: Path, capsys) -> None:
    root = project_copy(tmp_path)  # the data, mkdocs.yml, docs/, overrides/ (not the venv)
    config = root / "mkdocs.yml"
    config.write_text(
        "\n".join(
            line for line in config.read_text(encoding="utf-8").splitlines()
            if not line.startswith("site_url:")
        ),
        encoding="utf-8",
    )  # fmt: skip
    code = main(["--root", str(root), "export", "--as-of", AS_OF.isoformat(),
                 "--out", str(tmp_path / "out")])  # fmt: skip
    assert code == 1
    assert "site_url saknas" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
