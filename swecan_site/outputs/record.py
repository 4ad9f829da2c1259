"""The declaration of a published file and of a catalogued dataset.

Every file an output writes is one :class:`DataFile` record: its address,
what it is called and holds, its media type, the schema it conforms to, its
CSV columns and the function that builds it. The DCAT catalogue, the Öppna
data page, ``swecan-site export`` and the MkDocs plugin all iterate these
records, so a file is described in exactly one place.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from .. import urls
from ..public import PublicView

T = TypeVar("T")

# A CSV column: (name, Frictionless type, description in Swedish).
Column = tuple[str, str, str]

FORMATS = {"application/json": "JSON", "text/csv": "CSV"}


@dataclass(frozen=True)
class DataFile:
    """One published file."""

    path: str  # site-relative
    title: str  # also its distribution's title in the catalogue: "Partners (JSON)"
    description: str
    media_type: str
    build: Callable[[PublicView], bytes]
    dataset: str | None = None  # the catalogue dataset it belongs to (None: not catalogued)
    conforms_to: str | None = None  # site path of the schema the file follows
    columns: tuple[Column, ...] = ()  # a CSV file's columns

    @property
    def file(self) -> str:
        """The name under data/ (what the Öppna data page lists)."""
        return self.path.removeprefix(urls.DATA_DIR)

    @property
    def format(self) -> str:
        return FORMATS.get(self.media_type, self.media_type)

    @property
    def schema(self) -> str | None:
        """Its JSON Schema's file name under data/schemas/, if it has one."""
        prefix = urls.schema("")
        if self.conforms_to and self.conforms_to.startswith(prefix):
            return self.conforms_to.removeprefix(prefix)
        return None


@dataclass(frozen=True)
class CatalogueEntry:
    """A dataset in the DCAT catalogue; its distributions are the files naming its key."""

    key: str
    title: str
    description: str
    page: str  # landing page, relative to the site
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Output:
    """An output: the files it writes and the catalogue datasets they belong to.
    Each output module declares one, and ``outputs.OUTPUTS`` lists them."""

    name: str
    files: Sequence[DataFile]
    datasets: Sequence[CatalogueEntry] = ()
    # Files that exist once per record of the view (a meeting's own .ics): written with
    # the others, not catalogued – each is a part of a dataset's distribution, not one.
    each: Callable[[PublicView], Sequence[DataFile]] | None = None


def json_bytes(payload: Any) -> bytes:
    # Compact: json's C encoder only runs without indent (5× faster, a third smaller);
    # browsers and jq indent JSON for reading.
    return (json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def per_view(func: Callable[[PublicView], T]) -> Callable[[PublicView], T]:
    """Compute ``func(view)`` once per view: the files an output declares are built
    one by one, but share what they are made from (objects, git history, entries)."""
    memo: WeakKeyDictionary[PublicView, T] = WeakKeyDictionary()

    def once(view: PublicView) -> T:
        if view not in memo:
            memo[view] = func(view)
        return memo[view]

    once.__doc__ = func.__doc__
    return once
