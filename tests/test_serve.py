"""`swecan-site serve`: a rebuild redoes only what an edit changes, and the result is
the site a full build of the same data makes (swecan_site/incremental.py)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .conftest import AS_OF
from .test_build import project_copy

MEETING = "2026-06-10-partnerskapet"
PROTOCOL = f"meetings/{MEETING}/protokoll.md"
SERVE_URL = "http://127.0.0.1:8000/"
UNRELATED = "partners/rcc-norr/index.html"


def _config(root: Path, site: Path) -> Any:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins["swecan"].config.as_of = AS_OF.isoformat()
    config.site_url = SERVE_URL  # as `mkdocs serve` sets it
    return config


class Session:
    """What `mkdocs serve --dirty` does, in this process: one start, then rebuilds."""

    def __init__(self, root: Path, site: Path, dirty: bool = True) -> None:
        self.root, self.site, self.dirty = root, site, dirty
        _config(root, site).plugins.on_startup(command="serve", dirty=dirty)

    def build(self) -> None:
        build(_config(self.root, self.site), serve_url=SERVE_URL, dirty=self.dirty)


def full_build(root: Path, site: Path) -> None:
    config = _config(root, site)
    config.plugins.on_startup(command="build", dirty=False)
    build(config, serve_url=SERVE_URL)


def pages(site: Path) -> dict[str, bytes]:
    found = {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    found.pop("search/search_index.json")  # compared by search_entries
    found.pop("SHA256SUMS", None)  # a build's checksum list (checksums.py); serve writes none
    return found


def search_entries(site: Path) -> list[str]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return sorted(json.dumps(doc, sort_keys=True, ensure_ascii=False) for doc in index["docs"])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return project_copy(tmp_path)


def test_an_edited_protocol_rebuilds_its_page_not_the_others(project: Path, tmp_path) -> None:
    session = Session(project, tmp_path / "served")
    session.build()
    unrelated = tmp_path / "served" / UNRELATED
    before = unrelated.stat().st_mtime_ns
    protocol = project / PROTOCOL
    protocol.write_text(protocol.read_text(encoding="utf-8") + "\nTillägg i protokollet.\n")
    time.sleep(0.01)
    session.build()

    page = (tmp_path / "served/moten" / MEETING / "index.html").read_text(encoding="utf-8")
    assert "Tillägg i protokollet." in page
    assert unrelated.stat().st_mtime_ns == before  # skipped, not written again

    full_build(project, tmp_path / "full")
    assert pages(tmp_path / "served") == pages(tmp_path / "full")
    assert search_entries(tmp_path / "served") == search_entries(tmp_path / "full")


def test_plain_mkdocs_serve_reuses_unchanged_html_and_gets_the_same_site(
    project: Path, tmp_path: Path
) -> None:
    session = Session(project, tmp_path / "served", dirty=False)
    session.build()
    protocol = project / PROTOCOL
    protocol.write_text(protocol.read_text(encoding="utf-8") + "\nTillägg i protokollet.\n")
    session.build()
    incremental = _config(project, tmp_path / "x").plugins["swecan"]._incremental
    assert incremental.reused > 50  # most pages' HTML came from the first build
    full_build(project, tmp_path / "full")
    assert pages(tmp_path / "served") == pages(tmp_path / "full")


def test_a_navigation_change_rebuilds_every_page(project: Path, tmp_path) -> None:
    session = Session(project, tmp_path / "served")
    session.build()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - Beslutsregister: " in text
    config.write_text(text.replace("  - Beslutsregister: ", "  - Alla beslut: "), encoding="utf-8")
    session.build()
    assert "Alla beslut" in (tmp_path / "served" / UNRELATED).read_text(encoding="utf-8")
    full_build(project, tmp_path / "full")
    assert pages(tmp_path / "served") == pages(tmp_path / "full")


def test_a_failed_rebuild_is_followed_by_a_correct_one(
    project: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    session = Session(project, tmp_path / "served")
    session.build()
    protocol = project / PROTOCOL
    good = protocol.read_text(encoding="utf-8")
    broken = project / f"meetings/{MEETING}/mote.yaml"
    yaml_text = broken.read_text(encoding="utf-8")
    broken.write_text(yaml_text + "\n: [\n", encoding="utf-8")  # a data error: no build
    with pytest.raises(Abort):
        session.build()
    assert "1 datafel: webbplatsen byggs inte" in caplog.text
    broken.write_text(yaml_text, encoding="utf-8")
    protocol.write_text(good + "\nEfter felet.\n", encoding="utf-8")
    session.build()
    full_build(project, tmp_path / "full")
    assert pages(tmp_path / "served") == pages(tmp_path / "full")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while text not in _get(url):
        assert server.poll() is None, "the server stopped"
        assert time.monotonic() < deadline, f"{text!r} never appeared at {url}"
        time.sleep(0.1)


def test_swecan_site_serve_shows_an_edit(project: Path, tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (tmp_path / "serve.log").open("w")
    command = [
        sys.executable, "-m", "swecan_site.cli", "serve", "--as-of", AS_OF.isoformat(),
        "--dev-addr", f"127.0.0.1:{port}",
    ]  # fmt: skip
    server = subprocess.Popen(
        command,
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        page = f"{base}moten/{MEETING}/"
        _wait_for(page, "Protokoll", server)
        protocol = project / PROTOCOL
        protocol.write_text(protocol.read_text(encoding="utf-8") + "\nSparat i editorn.\n")
        _wait_for(page, "Sparat i editorn.", server)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in output
    assert "dirty" not in output  # MkDocs' warning is ours to answer, not the kansli's


def test_the_data_folders_are_polled_more_often_than_mkdocs_does(project: Path) -> None:
    from mkdocs.livereload import LiveReloadServer

    from swecan_site.plugin import WATCH_SECONDS

    config = _config(project, project / "site")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(project))
    try:
        server.watch(str(project / "docs"))  # what MkDocs watches before the plugins
        config.plugins["swecan"].on_serve(server, config=config, builder=lambda: None)
        timeouts = {Path(e.watch.path).name: e.timeout for e in server.observer.emitters}
    finally:
        server.server_close()
    assert timeouts["meetings"] == WATCH_SECONDS < timeouts["docs"]
    assert timeouts[project.name] == WATCH_SECONDS  # partners.yaml & co., watched via their folder


def _readable(path: Path) -> str:
    """A file's text, JSON with its escapes undone."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return json.dumps(json.loads(text), ensure_ascii=False) if path.suffix == ".json" else text


def test_an_unpublished_protocol_leaves_the_search_index_and_the_feeds(
    project: Path, tmp_path: Path
) -> None:
    """Issue 18: a protocol set back to utkast under `serve` disappears from every file,
    the search index included (Material's search merges a --dirty rebuild into the
    previous index assuming one page changed), exactly as a full build shows it."""
    marker = "Till justerare valdes företrädaren för Region Halland"
    session = Session(project, tmp_path / "served")
    session.build()
    assert marker in _readable(tmp_path / "served/search/search_index.json")
    meeting = project / f"meetings/{MEETING}/mote.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(
        text.replace("  status: godkänt\n  färdigställt: 2026-06-22\n  godkänt_vid: "
                     "2026-10-01-partnerskapet\n", "  status: utkast\n"),
        encoding="utf-8",
    )  # fmt: skip
    assert meeting.read_text(encoding="utf-8") != text
    session.build()

    leaks = [
        str(p.relative_to(tmp_path / "served"))
        for p in (tmp_path / "served").rglob("*")
        if p.is_file() and p.suffix in {".json", ".xml", ".html", ".ics", ".csv"}
        and marker in _readable(p)
    ]  # fmt: skip
    assert leaks == []
    full_build(project, tmp_path / "full")
    assert pages(tmp_path / "served") == pages(tmp_path / "full")
    assert search_entries(tmp_path / "served") == search_entries(tmp_path / "full")
