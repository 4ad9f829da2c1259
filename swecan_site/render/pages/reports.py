"""Annual reports and verksamhetsberättelser (§7): the index and a page per report."""

from __future__ import annotations

from ... import rules, urls
from ...layout import CONTENT_DIR, REPORTS_DIR
from ...rules import Status
from .. import format as fmt
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    reports = view.reports()
    pending = [
        f"{str(e.result.subject).capitalize()}: {e.result.message}"
        for e in view.findings()
        if e.rule is rules.ANNUAL_REPORTS and e.result.status is not Status.MET
    ]
    if not pending and not reports:
        first_end = view.config.operating_year_bounds(1)[1]
        pending = [
            f"Det första verksamhetsåret pågår till {fmt.sv_date(first_end)}. Årsrapport "
            f"och verksamhetsberättelse publiceras efter årets slut."
        ]
    index = urls.source(urls.REPORTS)
    result = {
        index: site.render(
            "reports_index.md.j2",
            index,
            sources=(f"{CONTENT_DIR}/{REPORTS_DIR}/",),
            reports=reports,
            pending=pending,
        )
    }
    for doc in reports:
        here = urls.source(urls.report(doc.slug))
        result[here] = site.render("page.md.j2", here, sources=(doc.file,), doc=doc)
    return result
