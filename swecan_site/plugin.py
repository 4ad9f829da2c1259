"""The MkDocs adapter: check the data, refuse to build on data errors, add the pages.

Kept thin on purpose (MkDocs 1.x and Material are in maintenance mode); the
work is done by ``check`` and ``render``, which do not import MkDocs.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .check import Report, check
from .cli import today
from .loader import (
    CONFIG_FILE,
    CONTENT_DIR,
    MEETINGS_DIR,
    ORGANISATION_FILE,
    PARTNERS_FILE,
)
from .markup import clean_html
from .problems import format_text
from .render import render_site, site_assets

log = get_plugin_logger(__name__)

AS_OF_ENV = "SWECAN_AS_OF"  # lets `swecan-site build --as-of` and tests pin the date


class SwecanConfig(Config):
    data_dir = c.Type(str, default=".")
    as_of = c.Optional(c.Type(str))


class SwecanPlugin(BasePlugin[SwecanConfig]):
    def __init__(self) -> None:
        self.report: Report | None = None

    def _root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / self.config.data_dir).resolve()

    def _as_of(self) -> date:
        value = os.environ.get(AS_OF_ENV) or self.config.as_of
        return date.fromisoformat(value) if value else today()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Checked before MkDocs cleans site/: bad data leaves the last good site in place.
        report = check(self._root(config), self._as_of())
        if report.data_errors:
            for line in format_text(report.data_errors).splitlines():
                log.error(line)
            raise PluginError(
                f"{len(report.data_errors)} datafel: webbplatsen byggs inte. "
                "Rätta felen ovan (swecan-site check visar samma lista)."
            )
        for line in format_text(report.findings).splitlines():
            log.info(line)  # compliance findings are published, not build failures
        self.report = report

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.report is not None
        for path, content in render_site(self.report).items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        for path, source in site_assets(self.report).items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_page_content(self, html: str, **kwargs) -> str:
        # The renderer already escapes data and checks human Markdown against the
        # allowlist; this is the last layer, with a browser-grade HTML parser.
        return clean_html(html)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:
        root = self._root(config)
        for name in (CONFIG_FILE, PARTNERS_FILE, ORGANISATION_FILE, MEETINGS_DIR, CONTENT_DIR):
            path = root / name
            if path.exists():
                server.watch(str(path), recursive=True)
        return server
