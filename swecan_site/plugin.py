"""The MkDocs adapter: check the data, refuse to build on data errors, add the pages.

Kept thin on purpose (MkDocs 1.x and Material are in maintenance mode); the
work is done by ``check`` and ``render``, which do not import MkDocs.
"""

from __future__ import annotations

import functools
import logging
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
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import (
    checksums,
    i18n,
    incremental,
    page_render,
    progress,
    publish,
    reproducible,
    site_files,
    siteconfig,
    template_cache,
    theme_sandbox,
    urls,
)
from .check import Report, check
from .dates import AS_OF_ENV, today
from .incremental import Incremental
from .layout import CONFIG_FILE, CONTENT_DIR, MEETINGS_DIR, ORGANISATION_FILE, PARTNERS_FILE
from .markup import clean_page_html
from .page_render import MarkdownReuse, Prerender
from .problems import Kind, Location, Problem, Severity, format_text
from .public import PublicView
from .render import site_assets
from .safe_files import find_links, link_problem

log = get_plugin_logger(__name__)

PAGE_SECONDS = 30.0  # per page, Markdown to HTML (the largest page takes 0.1 s)
WATCH_SECONDS = 0.1  # `mkdocs serve`: how often the data folders are polled for changes


class SwecanConfig(Config):
    data_dir = c.Type(str, default=".")
    # The date the site shows the record on (ÅÅÅÅ-MM-DD). `swecan-site build`
    # sets it from --as-of (publish.build_site); unset, SWECAN_AS_OF or today.
    as_of = c.Optional(c.Type(str))
    # Faster Markdown to HTML, same output (swecan_site/page_render.py): one
    # Python-Markdown instance for all pages, and a worker on a second core.
    markdown_reuse = c.Type(bool, default=True)
    parallel = c.Type(bool, default=True)


class SwecanPlugin(BasePlugin[SwecanConfig]):
    def __init__(self) -> None:
        self.report: Report | None = None
        # A report `swecan-site build` has already made for this root and date
        # (publish.build_site): the build does not check the data twice.
        self.checked: Report | None = None
        self._markdown: MarkdownReuse | None = None
        self._prerender: Prerender | None = None
        self.pages_from_worker = 0  # in the last build (the tests look)
        self._page_urls: set[str] = set()  # the pages of this build (for the search index)
        self._search = incremental.SearchIndexRepair()
        self._incremental: Incremental | None = None
        self._previous_alarm: typing.Any = None
        self._unpin_clock: typing.Callable[[], None] | None = None  # reproducible.pin

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this event makes MkDocs keep one instance of the plugin for the whole
        # process (across `mkdocs serve` rebuilds, but also across builds in one
        # process): per-build state is reset in on_config; what lives longer is only
        # what a serve session may skip on its next rebuild (incremental.py).
        self._incremental = Incremental() if command == "serve" else None
        build_log = logging.getLogger(incremental.BUILD_LOGGER)
        if self._incremental is not None and dirty:
            build_log.addFilter(incremental.not_dirty_warning)
        else:
            build_log.removeFilter(incremental.not_dirty_warning)

    def on_shutdown(self) -> None:
        self._release_clock()
        logging.getLogger(incremental.BUILD_LOGGER).removeFilter(incremental.not_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pages_from_worker = 0
        self.report = None
        self._markdown = None
        self._stop_worker()
        return config

    def _root(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        return (base / self.config.data_dir).resolve()

    def _as_of(self) -> date:
        value = self.config.as_of or os.environ.get(AS_OF_ENV)
        try:
            return date.fromisoformat(value) if value else today()
        except ValueError:
            raise PluginError(f"as_of '{value}' är inget datum (ÅÅÅÅ-MM-DD).") from None

    def _handed_over(self, root: Path, as_of: date) -> Report | None:
        """The report handed over by `swecan-site build`, if it is of this root and date."""
        checked, self.checked = self.checked, None  # once: `mkdocs serve` rebuilds re-check
        if checked is None or checked.dataset is None or checked.as_of != as_of:
            return None
        return checked if Path(checked.dataset.root).resolve() == root else None

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
        as_of = self._as_of()
        self._pin_clock(root, as_of)
        try:
            report = self._handed_over(root, as_of) or check(root, as_of)
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
        reuse = self.config.markdown_reuse and page_render.SUPPORTED
        self._markdown = MarkdownReuse(config) if reuse else None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.report is not None
        view = PublicView(self.report, base_url=config.site_url or "")
        templates = self._incremental.templates if self._incremental else template_cache.on_disk()
        for path, content in site_files.generated(view, templates).items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            if self._incremental is not None:
                files.append(self._incremental.file(config, path, content))
            else:
                files.append(File.generated(config, path, content=content))
        for path, source in site_assets(view).items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        # a page's address as MkDocs' Page.url and the search index give it ("" for "./")
        self._page_urls = {
            "" if f.url in (".", "./") else f.url for f in files.documentation_pages()
        }
        return files

    def on_env(self, env, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        env = theme_sandbox.sandboxed(env)  # no theme template reaches Python (issue 18)
        env.globals["swecan_urls"] = urls  # theme overrides take addresses from urls.py
        env.globals["swecan_i18n"] = i18n  # ... and their words, per page language
        # Templates do not change during a build: no stat() of every partial for every page.
        env.auto_reload = False
        env.bytecode_cache = (
            self._incremental.templates if self._incremental else template_cache.on_disk()
        )
        return env

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if self._incremental is not None:
            self._search.capture(config)
            self._incremental.settle(config, files, nav)
            return nav
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        if (
            self._markdown is not None
            and self.config.parallel
            and len(pages) >= page_render.MIN_PAGES
            and page_render.can_fork(config, self)
        ):
            # Half of PAGE_SECONDS: a stuck worker is given up before a page's alarm rings.
            self._prerender = Prerender(config, files, pages, PAGE_SECONDS / 2)
        return nav

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):  # type: ignore[no-untyped-def]
        if self._markdown is not None:
            page.render = functools.partial(self._render, page)
        return page

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if self._incremental is not None and self._incremental.reuse(page, files):
            return
        if self._prerender is None or not self._prerender.take(page):
            assert self._markdown is not None
            self._markdown.render(page, config, files)
        if self._incremental is not None:
            self._incremental.remember(page)

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        progress.note(f"sidan {page.file.src_uri}")  # named if Markdown rendering fails
        self._arm(page.file.src_uri)
        return markdown

    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):  # type: ignore[no-untyped-def]
        # A renamed meeting's old address names the new one as canonical (tombstones.py).
        target = page.meta.get("swecan_redirect") if page.meta else None
        if isinstance(target, str) and config.site_url:
            page.canonical_url = urls.absolute(config.site_url, target)
        return context

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        self._disarm()
        # The renderer already escapes data and checks human Markdown against the
        # allowlist; this is the last layer, with a browser-grade HTML parser.
        return i18n.localise_html(clean_page_html(html), page.url)

    def on_build_error(self, *, error: Exception) -> None:
        self._release_clock()
        self._disarm()
        self._stop_worker()
        if self._incremental is not None:
            self._incremental.failed()

    def _stop_worker(self) -> None:
        if self._prerender is not None:
            self.pages_from_worker = self._prerender.taken
            log.debug(f"{self.pages_from_worker} sidor omvandlades av en andra process")
            self._prerender.close()
            self._prerender = None

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

    # Reproducible builds (reproducible.py): what MkDocs would take from the wall clock
    # comes from the build's reference time, given to MkDocs as SOURCE_DATE_EPOCH for
    # this build only (pages' update_date, the sitemap and its .gz, build_date_utc).
    def _pin_clock(self, root: Path, as_of: date) -> None:
        self._release_clock()
        try:
            self._unpin_clock = reproducible.pin(reproducible.reference_time(root, as_of))
        except reproducible.SourceDateEpochError as exc:
            raise PluginError(str(exc)) from None

    def _release_clock(self) -> None:
        if self._unpin_clock is not None:
            self._unpin_clock()
            self._unpin_clock = None

    @event_priority(-100)  # last: SHA256SUMS lists what every plugin wrote (search's index)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_worker()
        self._release_clock()
        if self._incremental is not None:
            self._search.repair(config, self._page_urls)
            self._incremental.built()
        # `mkdocs build` output is a previous build too: the next build may replace it.
        stamp = Path(config.site_dir) / publish.STAMP
        stamp.write_text(publish.STAMP_TEXT, encoding="utf-8")
        if self._incremental is None:  # not for `serve`'s previews
            try:
                checksums.write(Path(config.site_dir))
            except checksums.ChecksumError as exc:
                raise PluginError(str(exc)) from None

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder
    ) -> LiveReloadServer:
        root = self._root(config)
        # MkDocs polls for changes every 0.5 s; the data folders every 0.1 s (a few
        # hundred files: a millisecond a poll), so a saved protocol shows sooner.
        # watchdog gives a new watch the observer's timeout (PollingObserver(timeout=)).
        observer = getattr(server, "observer", None)
        if isinstance(getattr(observer, "_timeout", None), float):
            observer._timeout = WATCH_SECONDS  # type: ignore[union-attr]
        for name in (CONFIG_FILE, PARTNERS_FILE, ORGANISATION_FILE, MEETINGS_DIR, CONTENT_DIR):
            path = root / name
            if path.exists():
                server.watch(str(path), recursive=True)
        return server
