"""Markdown to HTML for MkDocs' pages, faster than MkDocs does it alone.

Two measures, both invisible in the output (tests/test_page_render.py builds
the site with and without them and compares every file):

* **One Python-Markdown instance per build.** MkDocs' ``Page.render`` builds
  a new ``markdown.Markdown`` for every page, loading every extension again –
  about 1.7 ms a page, a second for the 550 pages of a ten-year archive with
  400 partners (benchmarks/archive.py). Python-Markdown is made for reuse:
  ``reset()`` clears every extension's state between documents, and MkDocs'
  page-specific processors are registered by name, so each page's replace the
  previous page's. :meth:`MarkdownReuse.render` mirrors ``Page.render`` of
  MkDocs 1.6 line for line except for where the instance comes from.
* **A second core.** Converting Markdown is half of a build. Before MkDocs
  reads the pages, :class:`Prerender` forks a worker that converts pages from
  the last one backwards while MkDocs converts them from the first; when
  MkDocs reaches a page the worker has done, the result is used only if the
  page's Markdown is exactly what the worker converted (a SHA-256 of it) and
  converting it logged no warning (which MkDocs must log, and a strict build
  count, itself). Anything unexpected –
  no result, a different text, an error or a page slower than the plugin's
  page time limit – and MkDocs renders the page itself, so errors and time
  limits behave as without the worker. It only runs where it is safe: a
  ``fork`` platform, more than one CPU, the main thread of a process with no
  other threads (not under ``mkdocs serve``), and no other plugin handling
  the events that produce a page's Markdown.

With another MkDocs version both are off and MkDocs renders every page.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

import markdown  # type: ignore[import-untyped]
import mkdocs

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

SUPPORTED = mkdocs.__version__.startswith("1.6.")

# Events that shape a page's Markdown before rendering; the worker runs none of them.
SOURCE_EVENTS = ("pre_page", "page_read_source", "page_markdown")
MIN_PAGES = 40  # below this, forking costs more than it saves

log = logging.getLogger("mkdocs.structure.pages")  # whose level Page.render consults


@dataclass
class Rendered:
    """What ``Page.render`` leaves on a page, in a form that crosses processes."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None  # target src_uri -> {anchor: original link}

    @classmethod
    def of(cls, page: Page) -> Rendered:
        assert page.content is not None and page.present_anchor_ids is not None
        links = page.links_to_anchors
        return cls(
            page.content,
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            None if links is None else {f.src_uri: dict(a) for f, a in links.items()},
        )

    def apply(self, page: Page, files: Files) -> None:
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = self.anchors
        if self.links is not None:
            targets = ((files.get_file_from_path(uri), a) for uri, a in self.links.items())
            page.links_to_anchors = {f: a for f, a in targets if f is not None}


def digest(content: str | bytes) -> str:
    """SHA-256 of a page's Markdown or a generated file's content."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha256(data).hexdigest()


class MarkdownReuse:
    """Renders a build's pages with one Markdown instance made from its config."""

    def __init__(self, config: MkDocsConfig) -> None:
        self._md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """What ``Page.render`` does, with the shared instance."""
        from mkdocs.structure import pages
        from mkdocs.structure.toc import get_toc

        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self._md.reset()
        raw_html_ext: Any = pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext: Any = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext: Any = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext: Any = pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)

        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = (
            extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        )
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors


def can_fork(config: MkDocsConfig, own: object) -> bool:
    """Whether a worker may be forked for this build (see the module docstring)."""
    if not SUPPORTED or "fork" not in multiprocessing.get_all_start_methods():
        return False
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cpus or 1) < 2:
        return False
    if threading.current_thread() is not threading.main_thread() or threading.active_count() > 1:
        return False
    events = config.plugins.events
    return all(getattr(m, "__self__", None) is own for e in SOURCE_EVENTS for m in events[e])


class Prerender:
    """A forked worker converting pages from the last one backwards while MkDocs
    converts them from the first one on, until the two meet.

    Which side converts a page is settled when one of them claims it, under a
    lock on two shared counters: nobody has to guess in advance how long a
    page takes.
    """

    def __init__(self, config: MkDocsConfig, files: Files, pages: Iterable[File], timeout: float):
        self._files = files
        self._timeout = timeout
        self._order = {f.src_uri: n for n, f in enumerate(pages)}
        self._results: dict[str, tuple[str, Rendered | None]] = {}
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._bottom = context.RawValue("i", 0)  # the next page MkDocs may claim
        self._top = context.RawValue("i", len(self._order) - 1)  # the next one for the worker
        self._conn, child = context.Pipe(duplex=False)
        uris = list(self._order)
        self._process = context.Process(
            target=_work,
            args=(child, config, files, uris, self._lock, self._bottom, self._top),
            daemon=True,
            name="swecan-render",
        )
        self._process.start()
        child.close()
        self._alive = True
        self.taken = 0  # pages whose HTML came from the worker

    def take(self, page: Page) -> bool:
        """Put the worker's result on ``page`` if the worker claimed it and converted
        exactly this Markdown; False: MkDocs renders it (the page is claimed for it)."""
        uri = page.file.src_uri
        position = self._order.get(uri)
        if position is None or page.markdown is None:
            return False
        while self._alive and self._conn.poll(0):  # a full pipe would stall the worker
            self._receive()
        with self._lock:
            if position >= self._bottom.value:
                self._bottom.value = position + 1
            if position <= self._top.value:
                return False  # not the worker's (and now never will be)
        while uri not in self._results and self._alive and self._receive():
            pass
        found = self._results.pop(uri, None)
        if found is None or found[1] is None or found[0] != digest(page.markdown):
            return False
        found[1].apply(page, self._files)
        self.taken += 1
        return True

    def _receive(self) -> bool:
        try:
            if not self._conn.poll(self._timeout):
                raise TimeoutError
            uri, text_digest, rendered = self._conn.recv()
        except (EOFError, OSError, TimeoutError):
            self.close()  # the worker is gone or stuck: MkDocs renders the rest itself
            return False
        self._results[uri] = (text_digest, rendered)
        return True

    def close(self) -> None:
        if not self._alive:
            return
        self._alive = False
        with self._lock:
            self._top.value = -1  # nothing more for the worker
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()


class _Warned(logging.Handler):
    """Notes that something was logged at WARNING or above (in the worker)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True


def _work(
    conn: Connection,
    config: MkDocsConfig,
    files: Files,
    uris: list[str],
    lock: Any,
    bottom: Any,
    top: Any,
) -> None:
    """In the worker: claim pages from the end, convert each, send
    (src_uri, digest, Rendered | None)."""
    from mkdocs.structure.pages import Page

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build stops the worker (close())
    # A page whose conversion logs a warning (a link to no page, say) is left to
    # MkDocs: the warning must be logged, and counted by a strict build, there.
    warned = _Warned()
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        logger.handlers = [warned]
    reuse = MarkdownReuse(config)
    while True:
        with lock:
            if top.value < bottom.value:
                break
            position = top.value
            top.value -= 1
        uri = uris[position]
        rendered: Rendered | None = None
        text = ""
        try:
            file = files.get_file_from_path(uri)
            assert file is not None
            page = file.page or Page(None, file, config)
            page.read_source(config)
            text = page.markdown or ""
            warned.seen = False
            reuse.render(page, config, files)
            rendered = None if warned.seen else Rendered.of(page)
        except Exception:  # MkDocs renders this page itself and reports the error
            rendered = None
        try:
            conn.send((uri, digest(text), rendered))
        except OSError:  # the build has ended
            return
    conn.close()
