"""The page families: one module each, listed in :data:`PAGES`.

A family is a module with ``pages(site: Site) -> dict[str, str]`` ({page path:
Markdown}) that reads the data only through ``site.view`` (the public view)
and takes its addresses from :mod:`swecan_site.urls`. To add one, write the
module and add it to :data:`PAGES`; two families may not write the same page.
"""

from __future__ import annotations

from typing import Protocol

from ... import progress
from . import (
    arbetsordning,
    changelog,
    compliance,
    compliance_rules,
    content,
    deadlines,
    decisions,
    english,
    matters,
    meetings,
    open_data,
    organisation,
    partners,
    reports,
    start,
    tombstones,
)
from .site import Site


class PageFamily(Protocol):
    """A page family module (a module object satisfies this protocol)."""

    __name__: str

    def pages(self, site: Site) -> dict[str, str]: ...


# The registry, in the order the pages are handed to the site engine.
PAGES: list[PageFamily] = [
    start,
    organisation,
    open_data,
    content,
    arbetsordning,
    partners,
    decisions,
    matters,
    meetings,
    reports,
    compliance,
    deadlines,
    compliance_rules,
    changelog,
    tombstones,
    english,  # the English summary edition under en/ (issue 21)
]


def render_all(site: Site) -> dict[str, str]:
    """Every family's pages; a page two families write is an error, not an overwrite."""
    result: dict[str, str] = {}
    for family in PAGES:
        name = family.__name__.rsplit(".", 1)[-1]
        with progress.processing(f"sidorna {name}"):  # named if a family fails
            written = family.pages(site)
        clash = sorted(set(written) & set(result))
        if clash:
            raise ValueError(f"page family {name} writes {clash[0]}, which another family wrote")
        result.update(written)
    missing = english.missing_counterparts(result)
    if missing:  # urls.TRANSLATIONS promises both languages of these pages
        raise ValueError(f"sidan {missing[0]} saknas, men den andra språkversionen finns")
    return result
