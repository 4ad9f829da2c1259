"""Build the shipped site once per session; serve it on loopback for the browser tests."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from swecan_site.cli import main

from ..conftest import AS_OF, REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data built with the README's build command, into a temporary site/."""
    out = tmp_path_factory.mktemp("built") / "site"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    code = main(["--root", str(REPO), "build", "--as-of", AS_OF.isoformat(),
                 "--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(out)])  # fmt: skip
    assert code == 0
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static server that, like the production one, answers a missing page with 404.html."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def origin(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is required in CI (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Outcomes of the browser tests per WCAG criterion (@pytest.mark.wcag), for
# test_statement.py: the statement may not claim a criterion a test shows failing.
CRITERIA_OUTCOMES: dict[str, list[tuple[str, str]]] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    marker = item.get_closest_marker("wcag")
    if marker is None or (report.when != "call" and report.passed):
        return
    for criterion in marker.args:
        CRITERIA_OUTCOMES.setdefault(criterion, []).append((item.nodeid, report.outcome))


def search_for(page, query: str):  # type: ignore[no-untyped-def]
    """Type ``query`` into the site's search and wait for its results (a locator).

    Material reads the field on ``keyup`` (and on focus and while its worker
    starts), not on ``input``: a bare ``fill()`` into a field that already has
    focus is never searched if the worker became ready in between. So the query
    is typed as real keystrokes, and typed again until results come (up to two
    minutes on a loaded machine). A search that finds nothing fails after the
    last round.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    field = page.locator("input[data-md-component='search-query']")
    results = page.locator(".md-search-result__item")
    for attempt in range(12):
        field.fill("")
        field.press_sequentially(query)
        try:
            results.first.wait_for(timeout=10000)
            return results
        except PlaywrightTimeout:
            if attempt == 11:
                raise
    return results
