"""The decision register: its index (every year, a pointer per decision) and a page per year."""

from __future__ import annotations

from ... import urls
from ...models import Decision, Meeting
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    by_year = list(view.decisions_by_year().items())
    example = any(m.example for m in view.meetings())
    if by_year:
        year, decisions = by_year[0]
        example_url = urls.decision(decisions[0][1].id, year)
    else:
        example_url = urls.decision("B-2026-01", 2026)
    index = urls.source(urls.DECISIONS)
    result = {
        index: site.render(
            "decisions.md.j2", index, by_year=by_year, example=example, example_url=example_url
        )
    }
    years = [year for year, _ in by_year]
    for position, (year, decisions) in enumerate(by_year):
        by_meeting: dict[str, tuple[Meeting, list[Decision]]] = {}
        for meeting, decision in decisions:
            by_meeting.setdefault(meeting.meeting_id, (meeting, []))[1].append(decision)
        here = urls.source(urls.decisions_year(year))
        result[here] = site.render(
            "decisions_year.md.j2",
            here,
            year=year,
            by_meeting=list(by_meeting.values()),
            example=example,
            newer=years[position - 1] if position > 0 else None,
            older=years[position + 1] if position + 1 < len(years) else None,
        )
    return result
