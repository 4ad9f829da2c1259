"""Reading the data files safely: no symbolic link is followed, nothing unbounded is read.

A link anywhere in the data (a file, or a folder above one) is reported as
SC032 and not read, so that nothing from outside the project is published.
A file is read only if it is a regular file (a FIFO or a device would block
or never end) of at most ``limits.MAX_FILE_BYTES``, and must be UTF-8.
"""

from __future__ import annotations

import os
import stat
import typing
from pathlib import Path

from . import limits, progress, yamlpos
from .load_errors import data_problem, yaml_problem
from .problems import Location, Problem


def link_problem(link: Path, root: Path) -> Problem:
    """SC032 for a symbolic link at ``link`` (named relative to ``root``)."""
    try:
        file = link.relative_to(root).as_posix()
    except ValueError:
        file = str(link)
    try:
        inside = link.resolve(strict=False).is_relative_to(root.resolve())
        shown = os.readlink(link)
    except (OSError, RuntimeError):  # a loop, or unreadable
        inside, shown = False, "?"
    where = "inom projektet" if inside else "utanför projektet"
    return data_problem(
        "SC032",
        Location(file),
        f"{file} är en symbolisk länk till {shown} ({where}); länkar följs inte och "
        "publiceras inte. Lägg in filen eller mappen själv i stället för länken.",
    )


def find_links(root: Path, names: list[str], dirs: list[str]) -> list[Path]:
    """Symbolic links among ``names`` and anywhere in ``dirs`` (which are not followed)."""
    links = [root / n for n in names if (root / n).is_symlink()]
    for name in dirs:
        top = root / name
        if top.is_symlink():
            links.append(top)
            continue
        _links_below(os.fspath(top), links)
    return links


def _links_below(folder: str, links: list[Path]) -> None:
    """Append the links in ``folder`` and below, in the order of ``os.walk(folder)``.

    One folder's entries sorted by name, then its subfolders (links to folders
    are not entered). Directory entries know whether they are links, so this
    needs no system call per file.
    """
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return
    subfolders = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            subfolders.append(entry)
    for entry in sorted(entries, key=lambda e: e.name):
        if entry.is_symlink():
            links.append(Path(folder) / entry.name)
    for entry in subfolders:
        if not entry.is_symlink():
            _links_below(entry.path, links)


def _read_at_most(stream: typing.BinaryIO, limit: int, size: int) -> bytes:
    """``stream.read(limit)``, without first allocating ``limit`` bytes for a small file.

    ``size`` is what stat() said; a file that has grown since is read on up to
    ``limit`` all the same.
    """
    want = min(size + 1, limit)
    raw = stream.read(want)
    if len(raw) == want < limit:
        raw += stream.read(limit - want)
    return raw


class SafeFiles:
    """Reads files below ``root``; each problem is appended to ``problems``.

    The text of every file read is kept in ``sources`` (file -> text): the
    privacy rules scan it and the outputs quote from it.
    """

    def __init__(self, root: Path, problems: list[Problem]) -> None:
        self.root = root
        self.problems = problems
        self.sources: dict[str, str] = {}
        self.links: set[Path] = set()
        self.plain_dirs: set[str] = set()  # folders below the root found not to be links
        self.prefix = os.path.join(str(root), "")  # the root as the start of a path

    def rel(self, path: Path) -> str:
        text = str(path)
        if os.sep == "/" and text.startswith(self.prefix):  # the common case, without pathlib
            return text[len(self.prefix) :]
        return path.relative_to(self.root).as_posix()

    def report_link(self, link: Path) -> None:
        if link not in self.links:
            self.links.add(link)
            self.problems.append(link_problem(link, self.root))

    def scan_links(self, names: list[str], dirs: list[str]) -> None:
        """Report the links among ``names`` and anywhere in ``dirs``."""
        for link in find_links(self.root, names, dirs):
            self.report_link(link)

    def is_linked(self, path: Path) -> bool:
        """Is ``path`` or a folder above it (below the root) a symbolic link? Reports it."""
        current = str(self.root)
        parts = path.relative_to(self.root).parts
        for index, part in enumerate(parts):
            current = os.path.join(current, part)
            if current in self.plain_dirs:
                continue
            if os.path.islink(current):
                self.report_link(Path(current))
                return True
            if index < len(parts) - 1:
                self.plain_dirs.add(current)
        return False

    def read_text(self, path: Path) -> str | None:
        """The file's text, or None (with the problem reported) if it is not safe to read."""
        file = self.rel(path)
        if self.is_linked(path):
            return None
        try:
            with progress.processing(file):
                raw = self._read_bytes(path, file)
                if raw is None:
                    return None
                text = yamlpos.decode(raw)
        except yamlpos.YamlProblem as exc:
            self.problems.append(yaml_problem(file, exc))
            return None
        except OSError as exc:
            self.problems.append(
                data_problem("SC006", Location(file), f"Filen kan inte läsas: {exc.strerror}.")
            )
            return None
        self.sources[file] = text
        return text

    def _read_bytes(self, path: Path, file: str) -> bytes | None:
        """A regular file's bytes, or None (reported) for anything else or a file too large."""
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            self.problems.append(
                data_problem("SC006", Location(file), "Detta är inte en vanlig fil.")
            )
            return None
        with path.open("rb") as stream:
            raw = _read_at_most(stream, limits.MAX_FILE_BYTES + 1, info.st_size)
        if len(raw) > limits.MAX_FILE_BYTES:
            self.problems.append(
                data_problem(
                    "SC031",
                    Location(file),
                    f"Filen är större än {limits.MAX_FILE_BYTES // (1024 * 1024)} MB; "
                    "dela upp den eller ta bort det som inte hör hemma här.",
                )
            )
            return None
        return raw
