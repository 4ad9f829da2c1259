"""Organisation: the chairs' contact details (§7), the arbetsutskott, the kansli."""

from __future__ import annotations

from ... import urls
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    org = view.organisation
    day = view.as_of
    contacts = [
        ("Ordförande i SweCan", org.partnership.holder("chair", day)),
        ("Vice ordförande i SweCan", org.partnership.holder("vice_chair", day)),
        ("Ordförande i arbetsutskottet", org.committee.holder("chair", day)),
        ("Vice ordförande i arbetsutskottet", org.committee.holder("vice_chair", day)),
    ]
    committee = []
    for member in org.committee.members:
        term = next((t for t in member.mandates if t.covers(day)), None)
        if term is not None:
            committee.append((member, view.partner(member.partner), term))
    here = urls.source(urls.ORGANISATION)
    return {
        here: site.render(
            "organisation.md.j2", here, org=org, contacts=contacts, committee=committee
        )
    }
