"""The MkDocs adapter: check the data, refuse to build on data errors, add the pages.

Kept thin on purpose (MkDocs 1.x and Material are in maintenance mode); the
work is done by ``check`` and ``render``, which do not import MkDocs.
"""

from __future__ import annotations

import os
import signal
import threading
import typing
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from . import progress, publish, siteconfig, urls
from .check import Report, check
from .dates import today
from .loader import (
    CONFIG_FILE,
    CONTENT_DIR,
    MEETINGS_DIR,
    ORGANISATION_FILE,
    PARTNERS_FILE,
    find_links,
    link_problem,
)
from .markup import clean_page_html
from .outputs import write_all
from .problems import Kind, Location, Problem, Severity, format_text
from .public import PublicView
from .render import render_files, render_site, site_assets

log = get_plugin_logger(__name__)

# For a bare `mkdocs build` only: `swecan-site build --as-of` sets the plugin option.
AS_OF_ENV = "SWECAN_AS_OF"
PAGE_SECONDS = 30.0  # per page, Markdown to HTML (the largest page takes 0.1 s)


class SwecanConfig(Config):
    data_dir = c.Type(str, default=".")
    # The date the site shows the record on (ÅÅÅÅ-MM-DD). `swecan-site build`
    # sets it from --as-of (publish.build_site); unset, SWECAN_AS_OF or today.
    as_of = c.Optional(c.Type(str))


class SwecanPlugin(BasePlugin[SwecanConfig]):
    def __init__(self) -> None:
        self.report: Report | None = None
        self._previous_alarm: typing.Any = None

    def _root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / self.config.data_dir).resolve()

    def _as_of(self) -> date:
        value = self.config.as_of or os.environ.get(AS_OF_ENV)
        try:
            return date.fromisoformat(value) if value else today()
        except ValueError:
            raise PluginError(f"as_of '{value}' är inget datum (ÅÅÅÅ-MM-DD).") from None

    def _safety_problems(self, config: MkDocsConfig, root: Path) -> list[Problem]:
        """What check() cannot see from the data root: this mkdocs.yml and its folders."""
        problems: list[Problem] = []
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        if config.config_file_path and config_file != root / siteconfig.CONFIG_FILE:
            # MkDocs has already read it (too late to stop its tags), but the build fails.
            problems += siteconfig.problems(config_file, config_file.parent)
        project = config_file.parent
        folders = [("docs_dir", config.docs_dir), ("theme.custom_dir", config.theme.custom_dir)]
        for key, value in folders:
            if not value:
                continue
            folder = Path(value).resolve()
            if not (folder.is_relative_to(project) or folder.is_relative_to(root)):
                # MkDocs copies every file there into the site (/etc/passwd, say)
                problems.append(
                    Problem(
                        Location(siteconfig.CONFIG_FILE),
                        "SC032",
                        "",
                        Severity.ERROR,
                        Kind.DATA,
                        f"{key} pekar utanför projektet ({value}); bygget läser bara filer "
                        "inom projektet.",
                    )
                )
            elif folder != root / "docs" and folder.is_dir():
                # MkDocs follows links while collecting files: refuse them before it does.
                problems += [link_problem(p, project) for p in find_links(folder, [], ["."])]
        return problems

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Checked before MkDocs cleans site/: bad data leaves the last good site in place.
        root = self._root(config)
        try:
            report = check(root, self._as_of())
            errors = [*report.data_errors, *self._safety_problems(config, root)]
        except Exception as exc:  # one Swedish line, not a traceback
            raise PluginError(
                f"Internt fel vid bearbetning av {progress.current(exc) or 'data'}: "
                f"{type(exc).__name__}: {str(exc)[:200]}"
            ) from exc
        if errors:
            for line in format_text(errors).splitlines():
                log.error(line)
            raise PluginError(
                f"{len(errors)} datafel: webbplatsen byggs inte. "
                "Rätta felen ovan (swecan-site check visar samma lista)."
            )
        try:  # MkDocs empties site_dir next: never the project or a folder that is not a build
            publish.check_target(
                Path(config.site_dir), [root, Path(config.config_file_path or ".").parent]
            )
        except publish.BuildError as exc:
            raise PluginError(f"Bygget avbröts: {exc}") from None
        for line in format_text(report.findings).splitlines():
            log.info(line)  # compliance findings are published, not build failures
        self.report = report

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.report is not None
        view = PublicView(self.report, base_url=config.site_url or "")
        generated: dict[str, str | bytes] = {**render_site(view), **write_all(view)}
        for path, content in generated.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, path, content=content))
        for path, source in site_assets(view).items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        for path, data in render_files(view).items():
            files.append(File.generated(config, path, content=data))
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        env.globals["swecan_urls"] = urls  # theme overrides take addresses from urls.py
        return env

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        progress.note(f"sidan {page.file.src_uri}")  # named if Markdown rendering fails
        self._arm(page.file.src_uri)
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        self._disarm()
        # The renderer already escapes data and checks human Markdown against the
        # allowlist; this is the last layer, with a browser-grade HTML parser.
        return clean_page_html(html)

    def on_build_error(self, *, error: Exception) -> None:
        self._disarm()

    # A safety net behind the input limits (SC030): should some Markdown still
    # make Python-Markdown work for minutes, the build stops with the page's name.
    def _arm(self, page: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # `mkdocs serve` rebuilds in a thread; signals only reach the main one
        if signal.getitimer(signal.ITIMER_REAL)[0]:
            return  # somebody else's timer: leave it alone

        def expired(signum: int, frame: object) -> None:
            raise PluginError(
                f"Sidan {page} tog mer än {PAGE_SECONDS:g} s att omvandla från Markdown; "
                "kontrollera att den inte är nästlad eller upprepad på ett ovanligt sätt."
            )

        self._previous_alarm = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, PAGE_SECONDS)

    def _disarm(self) -> None:
        if self._previous_alarm is None:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous_alarm)
        self._previous_alarm = None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # `mkdocs build` output is a previous build too: the next build may replace it.
        stamp = Path(config.site_dir) / publish.STAMP
        stamp.write_text(publish.STAMP_TEXT, encoding="utf-8")

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:
        root = self._root(config)
        for name in (CONFIG_FILE, PARTNERS_FILE, ORGANISATION_FILE, MEETINGS_DIR, CONTENT_DIR):
            path = root / name
            if path.exists():
                server.watch(str(path), recursive=True)
        return server
