"""Kommande frister: a page under Efterlevnad (not in the nav); its calendar is an output."""

from __future__ import annotations

from datetime import timedelta

from ... import deadlines, urls
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    days = deadlines.DEFAULT_DAYS
    here = urls.source(urls.DEADLINES)
    return {
        here: site.render(
            "deadlines.md.j2",
            here,
            items=view.deadlines(days),
            until=view.as_of + timedelta(days=days),
            example=view.any_example,
        )
    }
