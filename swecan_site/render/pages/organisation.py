"""Organisation: the chairs' contact details (§7), the arbetsutskott, the kansli."""

from __future__ import annotations

from ... import labels, urls
from ...layout import ORGANISATION_FILE
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    org = view.organisation
    day = view.as_of
    contacts = [(labels.CONTACT_TITLES[office], holder) for office, holder in view.contacts()]
    # The seats held today, as the AU rules count them (a member whose organisation
    # has left has no seat: timeline.Timeline.seats).
    committee = [
        (seat.member, view.partner(seat.partner), seat.term)
        for seat in view.context.timeline.seated(day)
    ]
    here = urls.source(urls.ORGANISATION)
    return {
        here: site.render(
            "organisation.md.j2",
            here,
            sources=(ORGANISATION_FILE,),
            org=org,
            contacts=contacts,
            committee=committee,
        )
    }
