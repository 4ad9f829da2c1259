"""Write output atomically and safely.

* A failed or interrupted build never leaves a half-written site: the output
  is built in a staging directory beside the target and swapped in on
  success; SIGINT/SIGTERM/SIGHUP remove the staging directory, and leftovers
  of a killed build (SIGKILL) are removed by the next one.
* The target is replaced only if it is empty, missing or a previous build
  (marked by the stamp file ``.swecan-site-build``); never the project, a
  folder above it, or a folder that holds its sources.
* The published tree has ordinary permissions: folders 755, files 644.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import reproducible, siteconfig
from .dates import AS_OF_ENV
from .problems import format_text

if TYPE_CHECKING:
    from .check import Report

PLUGIN = "swecan"  # its name in mkdocs.yml (entry point in pyproject.toml)
STAMP = ".swecan-site-build"
STAMP_TEXT = "Byggd av swecan-site. Hela katalogen ersätts vid nästa bygge.\n"
# Folders of a project whose contents must never be replaced by output.
SOURCE_DIRS = (".git", "content", "meetings", "docs", "swecan_site", "tests", "benchmarks", ".ci")
# A folder that holds one of these is somebody's project, not a previous build.
PROJECT_MARKERS = (
    ".git", "mkdocs.yml", "partners.yaml", "organisation.yaml", "swecan.yaml",
    "pyproject.toml", "content", "meetings",
)  # fmt: skip
DIR_MODE = 0o755
FILE_MODE = 0o644
_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class BuildError(Exception):
    """The build cannot or must not go ahead; the message says why (in Swedish)."""


class Interrupted(BaseException):
    """A signal asked us to stop (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """Turn SIGTERM, SIGINT and SIGHUP into :class:`Interrupted` so cleanup code runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {s: signal.signal(s, handler) for s in _SIGNALS}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


@contextmanager
def _signals_blocked() -> Iterator[None]:
    """Hold signals back for the two renames that swap the output into place."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def check_target(target: Path, project_roots: Sequence[Path]) -> None:
    """Raise BuildError unless ``target`` may be replaced entirely by output."""
    shown = str(target)
    resolved = Path(target).resolve()
    for root in {Path(r).resolve() for r in project_roots}:
        if resolved == root or root.is_relative_to(resolved):
            raise BuildError(
                f"{shown} är projektets egen katalog eller en katalog ovanför den; "
                "välj en egen katalog för webbplatsen, t.ex. site."
            )
        for name in SOURCE_DIRS:
            if resolved.is_relative_to(root / name):
                raise BuildError(
                    f"{shown} ligger i projektets källor ({name}/); "
                    "välj en egen katalog för webbplatsen, t.ex. site."
                )
    if not resolved.exists():
        return
    if not resolved.is_dir():
        raise BuildError(f"{shown} är en fil, inte en katalog.")
    found = [n for n in PROJECT_MARKERS if (resolved / n).exists()]
    if found:
        raise BuildError(
            f"{shown} innehåller ett projekt ({', '.join(found)}) och ersätts inte; "
            "välj en egen katalog för webbplatsen."
        )
    if not (resolved / STAMP).is_file() and any(resolved.iterdir()):
        raise BuildError(
            f"{shown} är inte tom och är inget tidigare bygge (filen {STAMP} saknas), så den "
            "ersätts inte. Töm eller ta bort katalogen, eller välj en annan."
        )


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(target: Path) -> None:
    """Remove staging leftovers of killed builds of ``target`` (not of running ones)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}-(new|old)(?:-(\d+))?(?:-.*)?")
    if not target.parent.is_dir():
        return
    for entry in sorted(target.parent.iterdir()):
        match = pattern.fullmatch(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir():
            continue
        if match.group(2) and _alive(int(match.group(2))):
            continue  # another build is using it right now
        if match.group(1) == "old" and not target.exists() and (entry / STAMP).is_file():
            os.replace(entry, target)  # killed between the two renames: put it back
            continue
        shutil.rmtree(entry, ignore_errors=True)


def normalise_modes(tree: Path) -> None:
    """Folders 755, files 644, whatever the umask or mkdtemp (700) made them."""
    os.chmod(tree, DIR_MODE)
    for folder, dirs, files in os.walk(tree):
        for name in dirs:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, DIR_MODE)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """Yield an empty directory beside ``target``; on success it replaces ``target``.

    Callers check the target first with :func:`check_target`.
    """
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    pid = os.getpid()
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-{pid}-", dir=target.parent))
    try:
        yield work
        (work / STAMP).write_text(STAMP_TEXT, encoding="utf-8")
        normalise_modes(work)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old-{pid}")
    shutil.rmtree(old, ignore_errors=True)
    with _signals_blocked():
        if target.exists():
            os.replace(target, old)
        os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


def config_problems(config_file: Path) -> str:
    """mkdocs.yml read safely (no Python tags): the problems as text, or ''."""
    path = Path(config_file)
    return format_text(siteconfig.problems(path, path.resolve().parent))


def refuse_unsafe_config(config_file: Path) -> None:
    """Read the configuration safely before MkDocs' own loader, which runs Python tags."""
    problems = config_problems(config_file)
    if problems:
        raise BuildError(f"{siteconfig.CONFIG_FILE} läses inte av MkDocs:\n{problems}")


def build_site(
    config_file: Path,
    site_dir: Path | None,
    as_of: date,
    project_roots: Sequence[Path] = (),
    report: Report | None = None,
) -> Path:
    """Build with MkDocs (strict) into a staging directory, then swap it into place.

    ``report`` is a check() of the data root on ``as_of`` the caller has made
    already; the plugin uses it instead of checking again.
    """
    refuse_unsafe_config(config_file)
    if reproducible.ENV in os.environ:  # as one line now, not as MkDocs' build error later
        try:
            reproducible.reference_time(Path(config_file).parent, as_of)
        except reproducible.SourceDateEpochError as exc:
            raise BuildError(str(exc)) from None

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # Show MkDocs' warnings (they fail a strict build) the way the mkdocs CLI would.
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)

    config_file = Path(config_file).resolve()
    try:
        if site_dir is None:
            site_dir = Path(load_config(str(config_file)).site_dir)
        check_target(site_dir, [config_file.parent, *project_roots])
        with staging(site_dir) as work:
            config = load_config(str(config_file), site_dir=str(work), strict=True)
            plugin = config.plugins.get(PLUGIN)
            if plugin is None:
                raise BuildError(f"{config_file.name} saknar pluginet {PLUGIN} under plugins.")
            plugin.config.as_of = as_of.isoformat()  # the date reaches the plugin as its option
            plugin.checked = report
            config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BuildError(str(exc)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return Path(site_dir).resolve()


def serve_site(config_file: Path, as_of: date, dev_addr: str) -> None:
    """MkDocs' development server, rebuilding only what an edit changes (``--dirty``;
    swecan_site/incremental.py), with the site shown as of ``as_of``."""
    refuse_unsafe_config(config_file)
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    # MkDocs reads mkdocs.yml again for every rebuild and takes no plugin option from
    # its caller then: the date goes the way a bare `mkdocs serve` takes it.
    previous = os.environ.get(AS_OF_ENV)
    os.environ[AS_OF_ENV] = as_of.isoformat()
    try:
        serve(str(config_file), build_type="dirty", dev_addr=dev_addr)
    except MkDocsException as exc:
        raise BuildError(str(exc)) from None
    finally:
        logger.removeHandler(handler)
        if previous is None:
            os.environ.pop(AS_OF_ENV, None)
        else:
            os.environ[AS_OF_ENV] = previous
