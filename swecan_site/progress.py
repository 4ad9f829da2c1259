"""Which file is being processed, so that an unexpected error can name it.

The loader, the renderer and the MkDocs plugin wrap their work per file in
:func:`processing`; an exception that leaves such a block carries the name of
the innermost file (``exc.swecan_file``), and the CLI prints it in one Swedish
line instead of a traceback (the traceback only with ``--debug``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_stack: list[str] = []
_last: list[str] = []


@contextmanager
def processing(name: str) -> Iterator[None]:
    """Mark ``name`` as the file being processed for the duration of the block."""
    _stack.append(name)
    try:
        yield
    except Exception as exc:
        if getattr(exc, "swecan_file", None) is None:
            exc.swecan_file = name  # type: ignore[attr-defined]
        raise
    finally:
        _stack.pop()


def note(name: str) -> None:
    """Record the file a step outside our control (a MkDocs page) is working on."""
    _last[:] = [name]


def current(exc: BaseException | None = None) -> str | None:
    """The file to blame for ``exc``: where it was raised, else the last one noted."""
    if exc is not None and getattr(exc, "swecan_file", None):
        return str(exc.swecan_file)  # type: ignore[attr-defined]
    if _stack:
        return _stack[-1]
    return _last[0] if _last else None
