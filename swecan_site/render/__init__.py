"""The public view -> the website's pages, as Markdown.

No MkDocs here: :func:`render_site` returns ``{path: markdown}`` so that any
static site engine can publish it (``swecan-site generate``), and the MkDocs
plugin stays a thin adapter. Pages read the data only through
:class:`swecan_site.public.PublicView`, which decides what is public, and take
every address from :mod:`swecan_site.urls`.

Layout: ``environment.py`` (Jinja: filters, globals, ``render``),
``helpers.py`` (links and labels that look something up in the view),
``format.py`` (escaping for Markdown) and ``pages/`` (one module per page
family, listed in ``pages.PAGES``). Never imports :mod:`swecan_site.outputs`:
the open-data files the Öppna data page lists are handed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import BytecodeCache

from .. import progress
from ..public import PublicView
from .pages import render_all
from .pages.site import DataFileEntry, Site

__all__ = ["DataFileEntry", "Site", "render_site", "site_assets"]


def render_site(
    view: PublicView,
    data_files: Sequence[DataFileEntry] = (),
    bytecode_cache: BytecodeCache | None = None,
) -> dict[str, str]:
    """Every page of the public site, as {relative path: Markdown}."""
    with progress.processing("webbplatsens sidor"):  # named if rendering fails
        return render_all(Site.of(view, data_files, bytecode_cache))


def site_assets(view: PublicView) -> dict[str, Path]:
    """Files the site publishes unchanged, as {relative path: source file}."""
    return {asset.path: asset.source for asset in view.assets()}
