"""The ärenderegister: every matter (newest first), a page per year and per status
(filters that work without JavaScript), and a page per matter with "Ärendets gång"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ... import urls
from ...matters import MatterRecord, MatterStatus
from ...models import Meeting
from .site import Site


@dataclass(frozen=True)
class Row:
    """One matter as the register lists it (status as of the view's date)."""

    record: MatterRecord
    status: MatterStatus
    meetings: tuple[Meeting, ...]

    @property
    def year(self) -> int:
        return self.record.first_year()


def pages(site: Site) -> dict[str, str]:
    view = site.view
    rows = [
        Row(
            record,
            view.matter_status(record),
            tuple(c.meeting for c in record.consultations),  # one consultation per meeting
        )
        for record in view.matter_records()
    ]
    years = sorted({row.year for row in rows}, reverse=True)
    # Every status has its page, also when no matter is in it today: a published
    # address never disappears (README, "No published URL disappears").
    statuses = list(MatterStatus)
    example = view.any_example
    common: dict[str, Any] = {
        "years": years,
        "statuses": statuses,
        "example": example,
        "counts": _counts(rows),
    }
    index = urls.source(urls.MATTERS)
    result = {index: site.render("matters_index.md.j2", index, rows=rows, title=None, **common)}
    for year in years:
        here = urls.source(urls.matters_year(year))
        chosen = [row for row in rows if row.year == year]
        result[here] = site.render(
            "matters_index.md.j2", here, rows=chosen, title=f"Ärenden {year}", **common
        )
    for status in statuses:
        here = urls.source(urls.matters_status(status))
        chosen = [row for row in rows if row.status is status]
        result[here] = site.render(
            "matters_index.md.j2",
            here,
            rows=chosen,
            title=f"Ärenden: {status.value}",
            **common,
        )
    for row in rows:
        result[urls.source(urls.matter_page(row.record.id))] = matter_page(site, row)
    return result


def _counts(rows: list[Row]) -> dict[object, int]:
    counts: dict[object, int] = dict.fromkeys(MatterStatus, 0)
    for row in rows:
        counts[row.year] = counts.get(row.year, 0) + 1
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def matter_page(site: Site, row: Row) -> str:
    view = site.view
    record = row.record
    here = urls.source(urls.matter_page(record.id))
    return site.render(
        "matter.md.j2",
        here,
        record=record,
        matter=record.matter,
        status=row.status,
        events=view.matter_events(record),
        consultations=[(c, view.consultation_role(c)) for c in record.consultations],
        decisions=[(m, d) for m, d in record.decisions() if view.is_published_decision(d.id)],
        underlag=view.public_underlag(record.matter),
        hidden=view.hidden_underlag_count(record.matter),
    )
