"""Write output atomically: a failed build never leaves a half-written site."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path


@contextmanager
def staging(target: Path) -> Iterator[Path]:
    """Yield an empty directory beside ``target``; on success it replaces ``target``."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


class BuildError(Exception):
    """MkDocs refused to build; the message says why."""


def build_site(config_file: Path, site_dir: Path | None, as_of: date) -> Path:
    """Build with MkDocs (strict) into a staging directory, then swap it into place."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .plugin import AS_OF_ENV

    # Show MkDocs' warnings (they fail a strict build) the way the mkdocs CLI would.
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)

    config_file = Path(config_file).resolve()
    if site_dir is None:
        site_dir = Path(load_config(str(config_file)).site_dir)
    previous = os.environ.get(AS_OF_ENV)
    os.environ[AS_OF_ENV] = as_of.isoformat()
    try:
        with staging(site_dir) as work:
            build(load_config(str(config_file), site_dir=str(work), strict=True))
    except MkDocsException as exc:
        raise BuildError(str(exc)) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        if previous is None:
            os.environ.pop(AS_OF_ENV, None)
        else:
            os.environ[AS_OF_ENV] = previous
    return Path(site_dir).resolve()
