"""Ändringslogg: every change to the public record, newest first (public_history.py).

Split by year like the decision register: ``/andringslogg/`` shows the latest
changes and lists the years, ``/andringslogg/<år>/`` every change of a year
(the permanent place of an entry). Ten years of history is thousands of
entries, which as one page would be megabytes.
"""

from __future__ import annotations

from collections import defaultdict

from ... import changelog, urls
from ...public_history import ChangeLine
from .site import Site

LATEST = 30  # entries on the index page


def pages(site: Site) -> dict[str, str]:
    history = site.view.history
    by_year: dict[int, list[changelog.Entry]] = defaultdict(list)
    for entry in history.log:
        by_year[entry.commit.day.year].append(entry)
    years = sorted(((year, len(items)) for year, items in by_year.items()), reverse=True)

    def render(here: str, entries: list[changelog.Entry], year: int | None) -> str:
        lines: list[tuple[changelog.Entry, list[ChangeLine]]] = [
            (entry, [history.line(c) for c in entry.changes]) for entry in entries
        ]
        # The page is about all of the data; its own history footer would repeat its top entry.
        return site.render(
            "changelog.md.j2", here, sources=(), available=history.available,
            entries=lines, years=years, year=year,
        )  # fmt: skip

    index = urls.source(urls.CHANGELOG)
    result = {index: render(index, history.log[:LATEST], None)}
    for year, entries in by_year.items():
        here = urls.source(urls.changelog_year(year))
        result[here] = render(here, entries, year)
    return result
