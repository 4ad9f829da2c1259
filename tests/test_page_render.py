"""Faster Markdown to HTML (swecan_site/page_render.py) changes nothing in the site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from swecan_site import page_render
from swecan_site.rules import links

from .conftest import AS_OF
from .test_build import project_copy

pytestmark = pytest.mark.skipif(not page_render.SUPPORTED, reason="another MkDocs version")


def build_here(root: Path, site: Path, **options: Any) -> Any:
    """Build in this process with plugin options; returns the plugin."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["swecan"]
    plugin.config.as_of = AS_OF.isoformat()
    for key, value in options.items():
        setattr(plugin.config, key, value)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return plugin


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return project_copy(tmp_path_factory.mktemp("render"))


@pytest.fixture(scope="module")
def as_mkdocs(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The site as MkDocs renders it: a new Markdown instance per page, one process."""
    site = tmp_path_factory.mktemp("plain") / "site"
    build_here(project, site, markdown_reuse=False, parallel=False)
    return tree(site)


def test_one_markdown_instance_gives_the_same_site(project: Path, as_mkdocs, tmp_path) -> None:
    build_here(project, tmp_path / "site", markdown_reuse=True, parallel=False)
    assert tree(tmp_path / "site") == as_mkdocs


needs_two_cpus = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2, reason="the worker needs a second CPU"
)


@needs_two_cpus
def test_the_worker_converts_pages_and_the_site_is_the_same(
    project: Path, as_mkdocs, tmp_path
) -> None:
    # In a process of its own, as `swecan-site build` runs: this test process has
    # other threads (the browser tests'), and the plugin never forks beside threads.
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--verbose", "-f", str(project / "mkdocs.yml"),
         "-d", str(site)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "SWECAN_AS_OF": AS_OF.isoformat(), "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    taken = re.search(r"(\d+) sidor omvandlades av en andra process", result.stderr)
    assert taken and int(taken.group(1)) > 10, result.stderr[-2000:]  # the worker took part
    assert tree(site) == as_mkdocs


@pytest.fixture
def may_fork(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fork in this process although it has other threads (idle browser-test threads);
    returns the list of workers started, so a test cannot pass without one."""
    monkeypatch.setattr(page_render.threading, "active_count", lambda: 1)
    started: list[object] = []
    real = page_render.Prerender.__init__

    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(page_render.Prerender, "__init__", init)
    return started


@needs_two_cpus
def test_a_worker_that_dies_costs_nothing_but_time(
    project: Path, as_mkdocs, tmp_path, monkeypatch, may_fork
) -> None:
    def die(*args: object) -> None:
        os._exit(1)

    monkeypatch.setattr(page_render, "_work", die)
    plugin = build_here(project, tmp_path / "site", markdown_reuse=True, parallel=True)
    assert may_fork and plugin.pages_from_worker == 0
    assert tree(tmp_path / "site") == as_mkdocs


@needs_two_cpus
def test_a_result_for_other_markdown_is_not_used(
    project: Path, as_mkdocs, tmp_path, monkeypatch, may_fork
) -> None:
    # The worker converts a different text than MkDocs will show: every such page
    # must be converted again by MkDocs, not taken from the worker.
    real = page_render.digest
    monkeypatch.setattr(page_render, "digest", lambda text: real(text + "x"))
    work = page_render._work
    sent = []

    def work_on_other_text(conn, config, files, uris, *rest):  # type: ignore[no-untyped-def]
        page_render.digest = real  # in the worker only (forked): honest digests
        work(conn, config, files, uris, *rest)

    monkeypatch.setattr(page_render, "_work", work_on_other_text)
    real_receive = page_render.Prerender._receive

    def receive(self):  # type: ignore[no-untyped-def]
        got = real_receive(self)
        sent.append(got)
        return got

    monkeypatch.setattr(page_render.Prerender, "_receive", receive)
    plugin = build_here(project, tmp_path / "site", markdown_reuse=True, parallel=True)
    assert may_fork and any(sent)  # the worker did send results
    assert plugin.pages_from_worker == 0  # and none was used
    assert tree(tmp_path / "site") == as_mkdocs


def test_no_worker_when_another_plugin_shapes_the_markdown(project: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"))
    own = config.plugins["swecan"]

    class Other:
        def on_page_markdown(self, markdown: str, **kwargs: object) -> str:
            return markdown

    config.plugins.events["page_markdown"].append(Other().on_page_markdown)
    assert not page_render.can_fork(config, own)


@needs_two_cpus
def test_a_warning_in_the_worker_is_logged_by_mkdocs_and_fails_a_strict_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, may_fork, caplog: pytest.LogCaptureFixture
) -> None:
    root = project_copy(tmp_path / "p")
    protocol = root / "meetings/2026-06-10-partnerskapet/protokoll.md"
    protocol.write_text(protocol.read_text(encoding="utf-8") + "\nSe [bilagan](finns-inte.md).\n")
    real_take = page_render.Prerender.take

    def take_after_the_worker_is_done(self, page):  # type: ignore[no-untyped-def]
        # MkDocs claims nothing until the worker has converted every page, so the
        # page with the broken link is certainly the worker's.
        while self._alive and self._receive():
            pass
        return real_take(self, page)

    monkeypatch.setattr(page_render.Prerender, "take", take_after_the_worker_is_done)
    # check reports such a link itself (SC034); here MkDocs must meet it in the worker
    monkeypatch.setattr(links, "_problem", lambda *args: "")
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        build_here(root, tmp_path / "site", markdown_reuse=True, parallel=True)
    assert may_fork
    assert "contains a link 'finns-inte.md'" in caplog.text
