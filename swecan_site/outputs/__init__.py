"""Outputs beside the HTML pages: open data, feeds, calendars, the catalogue.

Each output module declares its files once (``OUTPUT``: a
:class:`~swecan_site.outputs.record.Output` of
:class:`~swecan_site.outputs.record.DataFile` records) and builds them from the
:class:`~swecan_site.public.PublicView` only. To add one, write the module and
list its ``OUTPUT`` in :data:`OUTPUTS`: the DCAT catalogue, the Öppna data
page, ``swecan-site export`` and the MkDocs plugin all iterate this list.
"""

from __future__ import annotations

from .. import progress, urls
from ..public import PublicView
from . import calendar, dcat, deadline_calendar, feeds, opendata
from .record import DataFile, Output

# The registry, in the order the files are written.
OUTPUTS: list[Output] = [
    opendata.OUTPUT,
    calendar.OUTPUT,
    feeds.OUTPUT,
    deadline_calendar.OUTPUT,
]
# The catalogue lists every dataset of the outputs above.
CATALOGUE: Output = dcat.output(OUTPUTS)


def declared() -> list[DataFile]:
    """Every file the site publishes beside its pages, the catalogue last."""
    return [f for output in (*OUTPUTS, CATALOGUE) for f in output.files]


def data_files() -> list[DataFile]:
    """The open-data files under /data/ that the Öppna data page lists (not the schemas)."""
    return [
        f
        for f in declared()
        if f.path.startswith(urls.DATA_DIR) and not f.path.startswith(urls.SCHEMAS_DIR)
    ]


def write_all(view: PublicView) -> dict[str, bytes]:
    """Every declared file and every per-record file of the view, built; two files may
    not have the same path."""
    files: dict[str, bytes] = {}
    per_record = [f for output in OUTPUTS if output.each for f in output.each(view)]
    for item in [*declared(), *per_record]:
        if item.path in files:
            raise ValueError(f"two outputs write {item.path}")
        with progress.processing(f"utdata {item.path}"):  # named if an output fails
            files[item.path] = item.build(view)
    return files
