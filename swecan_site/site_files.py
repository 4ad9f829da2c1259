"""Everything the site generates from the data: pages and outputs, side by side.

The one place where :mod:`swecan_site.render` (pages) and
:mod:`swecan_site.outputs` (data files) meet: the open-data files the Öppna
data page lists are handed to the pages here, and a page and a file that
claim the same path are an error, never a silent overwrite.
"""

from __future__ import annotations

from jinja2 import BytecodeCache

from . import outputs
from .public import PublicView
from .render import render_site


def pages(view: PublicView, bytecode_cache: BytecodeCache | None = None) -> dict[str, str]:
    """Every page, as {relative path: Markdown}."""
    return render_site(view, outputs.data_files(), bytecode_cache)


def generated(
    view: PublicView, bytecode_cache: BytecodeCache | None = None
) -> dict[str, str | bytes]:
    """Every page (Markdown) and every output file (bytes), by site path."""
    found: dict[str, str | bytes] = dict(pages(view, bytecode_cache))
    for path, content in outputs.write_all(view).items():
        if path in found:
            raise ValueError(f"{path} is both a page and an output file")
        found[path] = content
    return found
