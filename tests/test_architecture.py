"""The house's layout holds: layers, registries, one definition per fact, size.

These pin what issue 15 built so that the next capabilities land as new
modules: pages and outputs never import each other, every page family and
output is registered, no page or output names a rule by its ID, a path is
written once, and no class grows past what one person can hold.
"""

from __future__ import annotations

import ast
import pkgutil
import re
from pathlib import Path

import pytest

from swecan_site import outputs, render, site_files
from swecan_site.check import check
from swecan_site.outputs import record
from swecan_site.public import PublicView
from swecan_site.render import pages as page_registry

from .conftest import AS_OF, REPO

PACKAGE = REPO / "swecan_site"
MAX_CLASS_LINES = 300


def _imports(path: Path) -> set[str]:
    """Absolute names of the swecan_site modules ``path`` imports."""
    module = ".".join(path.relative_to(REPO).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return {n for n in found if n.startswith("swecan_site")}


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize(("folder", "forbidden"), [("outputs", "render"), ("render", "outputs")])
def test_outputs_and_render_do_not_import_each_other(folder: str, forbidden: str) -> None:
    for path in _modules(folder):
        wrong = {n for n in _imports(path) if n.startswith(f"swecan_site.{forbidden}")}
        assert not wrong, f"{path.relative_to(REPO)} imports {sorted(wrong)}"


def test_the_import_check_sees_relative_imports() -> None:
    """The check above can fail: it resolves ``from ..x import y``."""
    names = _imports(PACKAGE / "render" / "pages" / "meetings.py")
    assert "swecan_site.rules.SubjectRef" in names and "swecan_site.urls" in names


def test_no_rule_id_literal_in_pages_and_outputs() -> None:
    """Pages and outputs name a rule by its handle (rules.QUORUM), never by 'SC306'."""
    literal = re.compile(r"[\"']SC\d{3}[\"']")
    offenders = []
    for path in [*_modules("render"), *_modules("outputs"), *PACKAGE.glob("public*.py"),
                 PACKAGE / "labels.py", PACKAGE / "site_files.py"]:  # fmt: skip
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if literal.search(line):
                offenders.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    templates = (PACKAGE / "render" / "templates").glob("*.j2")
    offenders += [str(t) for t in templates if literal.search(t.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_page_family_is_registered() -> None:
    folder = PACKAGE / "render" / "pages"
    modules = {m.name for m in pkgutil.iter_modules([str(folder)])} - {"site"}
    registered = {family.__name__.rsplit(".", 1)[-1] for family in page_registry.PAGES}
    assert registered == modules


def test_every_output_module_is_registered() -> None:
    declared = {
        m.name
        for m in pkgutil.iter_modules([str(PACKAGE / "outputs")])
        if hasattr(__import__(f"swecan_site.outputs.{m.name}", fromlist=["OUTPUT"]), "OUTPUT")
    }
    registered = {o.name for o in outputs.OUTPUTS}
    assert registered == declared
    assert outputs.CATALOGUE.name == "dcat"


def test_each_file_is_declared_once_and_catalogued_under_a_declared_dataset() -> None:
    files = outputs.declared()
    paths = [f.path for f in files]
    assert len(paths) == len(set(paths))
    datasets = {e.key for o in outputs.OUTPUTS for e in o.datasets}
    assert {f.dataset for f in files if f.dataset} == datasets
    csv = [f for f in files if f.format == "CSV"]
    assert csv and all(f.columns for f in csv)


@pytest.fixture(scope="module")
def view() -> PublicView:
    return PublicView(check(REPO, AS_OF), base_url="https://swecan.example.se/")


def test_a_path_written_twice_is_an_error(view: PublicView, monkeypatch) -> None:
    first = outputs.OUTPUTS[0].files[0]
    twin = record.Output("twin", [first])
    monkeypatch.setattr(outputs, "OUTPUTS", [*outputs.OUTPUTS, twin])
    with pytest.raises(ValueError, match=re.escape(f"two outputs write {first.path}")):
        outputs.write_all(view)


def test_a_page_written_twice_is_an_error(view: PublicView, monkeypatch) -> None:
    monkeypatch.setattr(page_registry, "PAGES", [*page_registry.PAGES, page_registry.start])
    with pytest.raises(ValueError, match=re.escape("page family start writes index.md")):
        render.render_site(view)


def test_a_page_and_a_file_on_the_same_path_is_an_error(view: PublicView, monkeypatch) -> None:
    clash = record.DataFile("index.md", "x", "x", "text/markdown", lambda v: b"x")
    monkeypatch.setattr(outputs, "OUTPUTS", [*outputs.OUTPUTS, record.Output("x", [clash])])
    with pytest.raises(ValueError, match=re.escape("index.md is both a page and an output file")):
        site_files.generated(view)


def test_no_class_is_longer_than_300_lines() -> None:
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_CLASS_LINES:
                    long.append(f"{path.relative_to(REPO)}: {node.name} ({lines} lines)")
    assert long == []


def test_every_rule_id_written_outside_rules_is_registered() -> None:
    """The layers below the rules (YAML reader, markup, loader) emit data-error codes
    without importing the registry (rules import them); each code they write must be a
    registered rule, so `swecan-site explain` knows it."""
    from swecan_site.rules import BY_ID

    literal = re.compile(r"[\"'](SC\d{3})[\"']")
    unknown = []
    for path in PACKAGE.rglob("*.py"):
        if "rules" in path.relative_to(PACKAGE).parts:
            continue
        for found in literal.findall(path.read_text(encoding="utf-8")):
            if found not in BY_ID:
                unknown.append(f"{path.relative_to(REPO)}: {found}")
    assert unknown == []
