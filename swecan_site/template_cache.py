"""Compiled Jinja templates kept on disk between builds (the theme's and the pages').

MkDocs compiles every Material template on every build, and the renderer
compiles its own page templates: about a third of a second of CPU on each
`swecan-site build` for work whose result only changes when a template does.
Jinja's :class:`~jinja2.FileSystemBytecodeCache` keeps the compiled code in a
folder of the temporary directory that only this user may read or write
(``_jinja2-cache-<uid>``, mode 0700, refused if another user owns it), keyed by
template name and checked against a checksum of the source, so an edited
template is compiled again. It changes nothing in the output; a fresh machine
(CI) starts cold. ``SWECAN_TEMPLATE_CACHE=0`` turns it off.
"""

from __future__ import annotations

import functools
import os

from jinja2 import BytecodeCache, FileSystemBytecodeCache

ENV = "SWECAN_TEMPLATE_CACHE"


def on_disk() -> BytecodeCache | None:
    """The shared on-disk cache, or None when it is off or cannot be used."""
    return None if os.environ.get(ENV) == "0" else _shared()


@functools.cache
def _shared() -> BytecodeCache | None:
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no private temporary folder: compile each time
        return None
