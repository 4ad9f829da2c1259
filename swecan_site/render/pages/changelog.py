"""Ändringslogg: every change to the public record, newest first (public_history.py)."""

from __future__ import annotations

from ... import urls
from .site import Site


def pages(site: Site) -> dict[str, str]:
    history = site.view.history
    here = urls.source(urls.CHANGELOG)
    entries = [(entry, [history.line(c) for c in entry.changes]) for entry in history.log]
    # The page is about all of the data; its own history footer would repeat its top entry.
    return {
        here: site.render(
            "changelog.md.j2", here, sources=(), available=history.available, entries=entries
        )
    }
