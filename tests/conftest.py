"""Shared fixtures: a copy of the shipped data set that a test may change."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from swecan_site.check import Report, check

# In CI the fuzz tests draw the same examples every run: a red build must be
# reproducible, not a lucky draw. Locally they explore at random.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
DATA_ITEMS = ["swecan.yaml", "partners.yaml", "organisation.yaml", "meetings", "content"]
AS_OF = date(2026, 11, 22)


@dataclass
class DataRepo:
    """A throw-away copy of the shipped data; edits report where they landed."""

    root: Path

    def path(self, file: str) -> Path:
        return self.root / file

    def read(self, file: str) -> str:
        return self.path(file).read_text(encoding="utf-8")

    def replace(self, file: str, old: str, new: str) -> int:
        """Replace the single occurrence of ``old``; return the line the change starts on."""
        text = self.read(file)
        count = text.count(old)
        assert count == 1, f"{old!r} occurs {count} times in {file}"
        start = text.index(old)
        self.path(file).write_text(text.replace(old, new), encoding="utf-8")
        return text[:start].count("\n") + 1

    def line_of(self, file: str, needle: str) -> int:
        """The line on which ``needle`` (which must be unique in the file) starts."""
        text = self.path(file).read_bytes().decode("utf-8", errors="replace")
        count = text.count(needle)
        assert count == 1, f"{needle!r} occurs {count} times in {file}"
        return text[: text.index(needle)].count("\n") + 1

    def write(self, file: str, content: str | bytes) -> None:
        path = self.path(file)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    def delete(self, file: str) -> None:
        path = self.path(file)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()

    def check(self, as_of: date = AS_OF) -> Report:
        return check(self.root, as_of)


def copy_data(target: Path) -> DataRepo:
    target.mkdir(parents=True)
    for item in DATA_ITEMS:
        source = REPO / item
        if source.is_dir():
            shutil.copytree(source, target / item)
        else:
            shutil.copy2(source, target / item)
    return DataRepo(target)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`browser` on every test that starts Chromium (it uses the `browser` fixture, directly
    or through `page`), `site` on every test that builds the whole shipped site: so that
    `pytest -m "not browser"` is the fast loop and `-m "not browser and not site"` faster."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if "site" in names:
            item.add_marker(pytest.mark.site)


@pytest.fixture
def repo(tmp_path: Path) -> DataRepo:
    return copy_data(tmp_path / "data")
