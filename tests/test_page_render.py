"""Faster Markdown to HTML (swecan_site/page_render.py) changes nothing in the site."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from swecan_site import page_render

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


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="the worker needs a second CPU")
def test_the_worker_converts_pages_and_the_site_is_the_same(
    project: Path, as_mkdocs, tmp_path
) -> None:
    plugin = build_here(project, tmp_path / "site", markdown_reuse=True, parallel=True)
    assert plugin.pages_from_worker > 10  # the worker did take part
    assert tree(tmp_path / "site") == as_mkdocs


def test_a_worker_that_dies_costs_nothing_but_time(
    project: Path, as_mkdocs, tmp_path, monkeypatch
) -> None:
    def die(*args: object) -> None:
        os._exit(1)

    monkeypatch.setattr(page_render, "_work", die)
    plugin = build_here(project, tmp_path / "site", markdown_reuse=True, parallel=True)
    assert plugin.pages_from_worker == 0
    assert tree(tmp_path / "site") == as_mkdocs


def test_a_result_for_other_markdown_is_not_used(
    project: Path, as_mkdocs, tmp_path, monkeypatch
) -> None:
    # The worker converts a different text than MkDocs will show: every such page
    # must be converted again by MkDocs, not taken from the worker.
    real = page_render.digest
    monkeypatch.setattr(page_render, "digest", lambda text: real(text + "x"))
    work = page_render._work

    def work_on_other_text(conn, config, files, uris, *rest):  # type: ignore[no-untyped-def]
        page_render.digest = real  # in the worker only (forked): honest digests
        work(conn, config, files, uris, *rest)

    monkeypatch.setattr(page_render, "_work", work_on_other_text)
    plugin = build_here(project, tmp_path / "site", markdown_reuse=True, parallel=True)
    assert plugin.pages_from_worker == 0
    assert tree(tmp_path / "site") == as_mkdocs


def test_no_worker_when_another_plugin_shapes_the_markdown(project: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"))
    own = config.plugins["swecan"]

    class Other:
        def on_page_markdown(self, markdown: str, **kwargs: object) -> str:
            return markdown

    config.plugins.events["page_markdown"].append(Other().on_page_markdown)
    assert not page_render.can_fork(config, own)
