"""What a rebuild under `mkdocs serve` may skip: the pages that have not changed.

The plugin renders every page from the data on every build (fast: the data is
checked and the Markdown written in a fraction of a second even for ten
years). What is slow is MkDocs turning 500 pages into HTML and through the
theme. Under `mkdocs serve --dirty` (`swecan-site serve`) MkDocs skips every
file whose ``is_modified()`` is false; for a generated file that is decided
here, by comparing its content with the previous build's (SHA-256). So an
edited protocol rebuilds its meeting page and whatever else the edit really
changes (the decision register, the compliance pages, the feeds), nothing
more.

A skipped page is only correct if everything else it shows is the same, so
all generated files count as changed whenever the *site around them*
changes: the list of files, the navigation (titles and addresses), the
configuration or a template in ``custom_dir``. Material's search plugin keeps
the previous build's entries for skipped pages under ``--dirty``.

Under a plain `mkdocs serve` every page is rebuilt, but the HTML of a page
whose Markdown has not changed is taken from the previous build. Either way
the theme's templates are compiled once per session, not once per rebuild.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.structure.files import File

from .page_render import Rendered, digest

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


BUILD_LOGGER = "mkdocs.commands.build"


def not_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every `--dirty` build that the navigation may be stale, which
    fails a strict build; :meth:`Incremental.settle` rebuilds every page when the
    navigation changes, so the warning does not apply (a logging filter)."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


class GeneratedFile(File):
    """A generated file that knows whether it differs from the previous build's."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class TemplateCache(BytecodeCache):
    """Compiled templates kept between rebuilds, the theme's and the renderer's
    (MkDocs makes a new Jinja environment for each build, and compiling
    Material's templates takes a quarter of a second). Jinja keys each entry by
    the template's name and file, and checks a checksum of its source, so an
    edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SEARCH_PLUGIN = "material/search"


class SearchIndexRepair:
    """Make the search index of a ``--dirty`` rebuild the index of the whole site.

    Material merges a dirty rebuild into the previous index assuming that one
    page changed: it drops the old entries of the *first* rebuilt page only, so
    every other rebuilt page keeps its old text beside the new (a protocol set
    back to utkast stayed searchable), removed pages stay, and a rebuilt start
    page ("" is a prefix of every address) drops every other page. Before the
    pages are rendered, :meth:`capture` keeps the previous build's entries and
    the list this build's pages are added to; after the search plugin has
    written its index, :meth:`repair` writes the right one – the entries of
    pages that still exist and were not rebuilt, then this build's – and gives
    Material that as the previous index of the next rebuild.
    """

    def __init__(self) -> None:
        self._previous: list[dict[str, Any]] | None = None
        self._fresh: list[dict[str, Any]] = []

    def capture(self, config: MkDocsConfig) -> None:
        search = config.plugins.get(SEARCH_PLUGIN)
        previous = getattr(search, "search_index_prev", None)
        index = getattr(search, "search_index", None)
        self._previous = list(previous.entries) if previous is not None else None
        self._fresh = index.entries if index is not None else []  # filled as pages render

    def repair(self, config: MkDocsConfig, pages: set[str]) -> None:
        search = config.plugins.get(SEARCH_PLUGIN)
        written = Path(config.site_dir) / "search" / "search_index.json"
        if self._previous is None or search is None or not written.is_file():
            return
        rebuilt = {_page_of(entry) for entry in self._fresh}
        entries = [
            entry
            for entry in self._previous
            if _page_of(entry) in pages and _page_of(entry) not in rebuilt
        ] + self._fresh
        data = json.loads(written.read_text(encoding="utf-8"))
        data["docs"] = entries
        written.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
        search.search_index_prev.entries = entries  # type: ignore[attr-defined]


def _page_of(entry: dict[str, Any]) -> str:
    return str(entry["location"]).partition("#")[0]


class Incremental:
    """The previous build of a `mkdocs serve` session, for the next one."""

    def __init__(self) -> None:
        self.templates = TemplateCache()
        self._digests: dict[str, str] = {}  # generated file -> content digest, last build
        self._next: dict[str, str] = {}
        self._signature = ""
        self._rendered: dict[str, tuple[str, Rendered]] = {}  # page -> (Markdown digest, HTML)
        self._generated: list[GeneratedFile] = []
        self.reused = 0  # pages whose HTML came from the previous build, this build

    def file(self, config: MkDocsConfig, path: str, content: str | bytes) -> GeneratedFile:
        made = GeneratedFile.generated(config, path, content=content)
        assert isinstance(made, GeneratedFile)
        self._next[path] = digest(content)
        made.changed = self._digests.get(path) != self._next[path]
        self._generated.append(made)
        return made

    def settle(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        """After the navigation is made: if the site around the pages has changed,
        every generated file is rebuilt; else unchanged pages get back what other
        pages read of them (their title) without being rendered."""
        self.reused = 0
        signature = _site_signature(config, files, nav)
        if signature != self._signature:
            self._signature = signature
            self._rendered.clear()
            for generated in self._generated:
                generated.changed = True
            return
        for page in nav.pages:
            file = page.file
            if isinstance(file, GeneratedFile) and not file.changed:
                page.read_source(config)  # front matter and Markdown: the title is read there
                known = self._rendered.get(file.src_uri)
                if known is not None:
                    page._title_from_render = known[1].title

    def reuse(self, page: Page, files: Files) -> bool:
        """Put the previous build's HTML on ``page`` if its Markdown is unchanged."""
        known = self._rendered.get(page.file.src_uri)
        if known is None or page.markdown is None or known[0] != digest(page.markdown):
            return False
        known[1].apply(page, files)
        self.reused += 1
        return True

    def remember(self, page: Page) -> None:
        if page.markdown is not None and page.content is not None:
            self._rendered[page.file.src_uri] = (digest(page.markdown), Rendered.of(page))

    def built(self) -> None:
        """The build succeeded: its files are what the next one compares with."""
        self._digests, self._next = self._next, {}
        self._generated = []

    def failed(self) -> None:
        """The build failed half-way: compare the next one with the last good build."""
        self._next = {}
        self._generated = []


def _site_signature(config: MkDocsConfig, files: Files, nav: Navigation) -> str:
    parts = [config.config_file_path or "", str(config.site_url)]
    if config.config_file_path and os.path.isfile(config.config_file_path):
        parts.append(Path(config.config_file_path).read_text(encoding="utf-8"))
    parts += sorted(f.src_uri for f in files)
    parts += [f"{item.title}\t{getattr(item, 'url', '')}" for item in _walk(nav.items)]
    if config.theme.custom_dir:
        for folder, _dirs, names in os.walk(config.theme.custom_dir):
            for name in names:
                path = os.path.join(folder, name)
                parts.append(f"{path}\t{os.stat(path).st_mtime_ns}")
    return digest("\n".join(parts))


def _walk(items: list) -> list:  # type: ignore[type-arg]
    found = []
    for item in items:
        found.append(item)
        found += _walk(getattr(item, "children", None) or [])
    return found
