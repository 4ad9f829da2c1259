"""The partner list (§7) by sector, and a page per partner with roles and attendance."""

from __future__ import annotations

from typing import Any

from ... import labels, urls
from ...layout import PARTNERS_FILE
from ...models import SECTOR_NAMES, BodyName
from .. import format as fmt
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    caps = view.params(view.config.first_operating_year_start).first_year_caps
    groups: list[dict[str, Any]] = [
        {
            "name": SECTOR_NAMES[g.sector],
            "anchor": fmt.anchor(str(g.sector)),
            "cap": caps.get(g.sector),
            "current": g.current,
            "former": g.former,
            "upcoming": g.upcoming,
        }
        for g in view.partner_groups()
    ]
    index = urls.source(urls.PARTNERS)
    result = {
        index: site.render(
            "partners_index.md.j2",
            index,
            sources=(PARTNERS_FILE,),
            groups=groups,
            example=view.partners_example,
            current_count=sum(len(g["current"]) for g in groups),
        )
    }
    partnership = view.held(BodyName.PARTNERSHIP)
    # Every partner page lists the same meetings from the same folder: each
    # meeting's cell is made once, not once per partner (400 × 50 rows).
    here = urls.source(urls.partner("x"))
    meeting_cells = {
        m.meeting_id: f"[{labels.meeting_title(m)}]({urls.link(urls.meeting(m.meeting_id), here)})"
        for m in partnership
    }
    for partner in view.partners():
        attendance = [
            (m, partner.id in m.attendance) for m in partnership if partner.member_on(m.date)
        ]
        path = urls.source(urls.partner(partner.id))
        result[path] = site.render(
            "partner.md.j2",
            path,
            sources=(PARTNERS_FILE,),
            p=partner,
            example=view.partners_example,
            roles=roles(site, partner.id),
            attendance=attendance,
            attended=sum(1 for _, present in attendance if present),
            meeting_cells=meeting_cells,
        )
    return result


def roles(site: Site, partner_id: str) -> list[str]:
    """The partner's mandates in the arbetsutskott and its chairs, as Markdown lines."""
    org = site.view.organisation
    committee = urls.link(urls.committee(), urls.source(urls.partner(partner_id)))
    found = []
    for member in org.committee.members:
        if member.partner == partner_id:
            for term in member.mandates:
                found.append(
                    f"Ledamot i [arbetsutskottet]({committee}) "
                    f"{fmt.sv_date(term.start)} – {fmt.sv_date(term.end)}"
                )
    for label, body in (("SweCan", org.partnership), ("arbetsutskottet", org.committee)):
        for role, title in (("chair", "Ordförande"), ("vice_chair", "Vice ordförande")):
            for holder in getattr(body, role):
                if holder.partner == partner_id:
                    found.append(
                        f"{title} i {label} {fmt.sv_date(holder.start)} – {fmt.sv_date(holder.end)}"
                    )
    return found
