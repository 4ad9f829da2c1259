"""JSON Schemas for the data files: committed = generated, and the shipped data validates."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from swecan_site import schemas
from swecan_site.yamlpos import split_front_matter

from .conftest import REPO
from .tools import tool as find_tool

SCHEMAS = REPO / "schemas"


def test_committed_schemas_equal_generated_ones() -> None:
    generated = schemas.generate()
    committed = {p.name for p in SCHEMAS.glob("*.json")}
    assert committed == set(generated), "run: swecan-site schemas --out schemas"
    for name, schema in generated.items():
        text = (SCHEMAS / name).read_text(encoding="utf-8")
        assert text == schemas.dump(schema), f"{name} is stale: run swecan-site schemas"


def test_schemas_are_draft_07_with_swedish_titles() -> None:
    for name, schema in schemas.generate().items():
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        text = json.dumps(schema)
        assert "$defs" not in text and '"format": "time"' not in text, name
        for definition in schema.get("definitions", {}).values():
            assert definition.get("description"), name
        for key, prop in schema.get("properties", {}).items():
            assert prop.get("description"), f"{name}: {key} has no description"


def test_every_data_file_names_its_schema() -> None:
    files = [REPO / "partners.yaml", REPO / "organisation.yaml", REPO / "swecan.yaml"]
    files += [*sorted(REPO.glob("meetings/*/mote.yaml")), REPO / "content/tillganglighet.yaml"]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file() and target.parent == SCHEMAS.resolve(), path


def _tool() -> str:
    tool = find_tool("check-jsonschema")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("check-jsonschema is not installed (CI must have the test extras)")
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    return tool  # type: ignore[return-value]


def _validate(schema: str, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_tool(), "--schemafile", str(SCHEMAS / schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [
        ("partners.schema.json", "partners.yaml"),
        ("organisation.schema.json", "organisation.yaml"),
        ("swecan.schema.json", "swecan.yaml"),
        ("mote.schema.json", "meetings/*/mote.yaml"),
        ("tillganglighet.schema.json", "content/tillganglighet.yaml"),
    ],
)
def test_shipped_data_validates(schema: str, pattern: str) -> None:
    files = sorted(REPO.glob(pattern))
    assert files
    result = _validate(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("schema", "pattern"),
    [
        ("sida.schema.json", "content/*.md"),
        ("arbetsordning.schema.json", "content/arbetsordning/*.md"),
        ("rapport.schema.json", "content/rapporter/*.md"),
    ],
)
def test_shipped_front_matter_validates(schema: str, pattern: str, tmp_path: Path) -> None:
    files = []
    for path in sorted(REPO.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        front = text.split("---\n")[1]
        assert split_front_matter(text)[0] is not None
        target = tmp_path / (path.stem + ".yaml")
        target.write_text(front, encoding="utf-8")
        files.append(target)
    if not files:
        pytest.skip(f"no {pattern} in the shipped data")
    result = _validate(schema, files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_catches_a_typo(tmp_path: Path) -> None:
    bad = tmp_path / "mote.yaml"
    text = (REPO / "meetings/2026-12-03-partnerskapet/mote.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("status: planerat", "status: planrat"), encoding="utf-8")
    result = _validate("mote.schema.json", [bad])
    assert result.returncode == 1 and "planrat" in result.stdout
