"""Outputs beside the HTML pages: open data, feeds, calendars, catalogues.

Each output is one module with ``write(view: PublicView) -> dict[str, bytes]``
({site-relative path: file content}); it reads the data only through the
:class:`~swecan_site.public.PublicView` (the publication policy) and takes its
addresses from :mod:`swecan_site.urls`. To add one, write the module and list
it in :data:`OUTPUTS`. The MkDocs plugin adds every file to the built site;
``swecan-site export --out DIR`` writes them without MkDocs.
"""

from __future__ import annotations

from typing import Protocol

from .. import progress
from ..public import PublicView


class Output(Protocol):
    """An output module (a module object satisfies this protocol)."""

    __name__: str

    def write(self, view: PublicView) -> dict[str, bytes]: ...


from . import calendar, dcat, feeds, opendata  # noqa: E402  (the modules import PublicView too)

# The registry: every output module, in the order they are written.
OUTPUTS: list[Output] = [opendata, calendar, feeds, dcat]


def write_all(view: PublicView) -> dict[str, bytes]:
    """Every output's files; two outputs may not write the same path."""
    files: dict[str, bytes] = {}
    for output in OUTPUTS:
        name = output.__name__.rsplit(".", 1)[-1]
        with progress.processing(f"utdata {name}"):  # named if an output fails
            written = output.write(view)
        clash = sorted(set(written) & set(files))
        if clash:
            raise ValueError(f"output {name} writes {clash[0]}, which another output wrote")
        files.update(written)
    return files
