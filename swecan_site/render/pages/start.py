"""The start page: what SweCan is, the next meeting, the latest decisions."""

from __future__ import annotations

from ... import urls
from ...models import BodyName
from ...public import START_PAGE
from .site import Site

LATEST_DECISIONS = 5


def pages(site: Site) -> dict[str, str]:
    view = site.view
    upcoming = view.upcoming(BodyName.PARTNERSHIP)
    here = urls.source(urls.START)
    return {
        here: site.render(
            "index.md.j2",
            here,
            start=view.pages()[START_PAGE],
            any_example=view.any_example,
            rules_current=view.current_rules(),
            partner_count=len(view.partners_current()),
            next_meeting=upcoming[0] if upcoming else None,
            unreported=view.unreported(),
            latest_decisions=list(reversed(view.decisions()))[:LATEST_DECISIONS],
        )
    }
