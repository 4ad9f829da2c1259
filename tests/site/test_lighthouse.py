"""Issue 17: Lighthouse (mobile) scores 100 for accessibility, best practices and SEO.

Lighthouse 12 from npm (`npm install -g lighthouse@12.8.2`; `.ci/run` installs it)
runs Debian's Chromium against the built shipped site on loopback, on the five
page types the issue names. Lighthouse's default form factor is mobile. The
test skips without Lighthouse or Chromium, and fails without them in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CHROMIUM

PAGES = {
    "start": "",
    "möten": "moten/",
    "möte": "moten/2026-10-01-partnerskapet/",
    "efterlevnad": "efterlevnad/",
    "partners": "partners/",
}
CATEGORIES = ("accessibility", "best-practices", "seo")


def _lighthouse() -> str:
    found = shutil.which("lighthouse")
    if found and Path(CHROMIUM).exists():
        return found
    if os.environ.get("CI"):
        pytest.fail("Lighthouse and Chromium are required in CI (npm install -g lighthouse@12)")
    pytest.skip("lighthouse is not installed (npm install -g lighthouse@12)")


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_lighthouse_scores_100(origin: str, path: str, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = subprocess.run(
        [_lighthouse(), f"{origin}/{path}", "--quiet", f"--only-categories={','.join(CATEGORIES)}",
         "--output=json", f"--output-path={report}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert report.is_file(), result.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    failing = [
        f"{name}: {ref['id']} – {data['audits'][ref['id']]['title']}"
        for name in CATEGORIES
        for ref in data["categories"][name]["auditRefs"]
        if ref.get("weight")
        and (data["audits"][ref["id"]].get("score") or 0) < 1
        and data["audits"][ref["id"]].get("scoreDisplayMode") in ("binary", "numeric")
    ]
    assert scores == dict.fromkeys(CATEGORIES, 1.0), failing
