"""Addresses the site has published that no record holds any longer (public_history.py):
a renamed meeting's old address leads to its new one; a removed record's says what was
there, when it was removed, and where the change log is. No published URL answers 404."""

from __future__ import annotations

from ... import urls
from .site import Site


def pages(site: Site) -> dict[str, str]:
    result = {}
    for removed in site.view.history.removed:
        here = urls.source(removed.url)
        template = "moved.md.j2" if removed.moved_to else "removed.md.j2"
        result[here] = site.render(template, here, sources=(), removed=removed)
    return result
