"""The English summary edition under ``en/`` (issue 21).

Swedish is the site's language; these pages summarise, for SweCan's partners
in the EU Mission on Cancer, who takes part, when SweCan meets, what it
decided and whether it keeps its own rules. Every page is the counterpart of
a Swedish page (``urls.TRANSLATIONS``) and reads the same public view, so it
shows exactly what the Swedish page shows on the same date.

English text comes only from the data (``rubrik_en``, content/en/*.md) and
from the fixed vocabulary in labels_en.py and rules/english.py. Where the data
has no English text the Swedish text is shown inside ``<span lang="sv">``
(WCAG 3.1.2) – escaped as on the Swedish pages – and the page says that the
Swedish text is the authoritative one. Nothing is machine-translated.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ... import labels_en, urls
from ...dates import en_date
from ...licence import LICENSE
from ...models import BodyName, ContentDoc, PageMeta
from ...rules import Status
from ...rules.base import Basis
from ...rules.english import title as rule_title
from .. import format as fmt
from .site import Site

LATEST_DECISIONS = 5


def swedish(value: object) -> str:
    """Swedish text from the data inside an English page: escaped, marked ``lang="sv"``."""
    return f'<span lang="sv">{fmt.cell(value)}</span>'


def english_or_swedish(english: object | None, swedish_text: object) -> str:
    """The English text when the data has one, else the Swedish text, marked."""
    return fmt.cell(english) if english else swedish(swedish_text)


def _helpers() -> dict[str, Any]:
    return {
        "en_date": en_date,
        "sv": swedish,
        "en_or_sv": english_or_swedish,
        "meeting_title": labels_en.meeting_title,
        "clock": labels_en.clock,
        "body_name": lambda b: labels_en.BODY_NAMES[BodyName(b)],
        "state_name": lambda s: labels_en.MEETING_STATES[s],
        "form_name": lambda f: labels_en.FORM_NAMES[f],
        "method_name": lambda m: labels_en.METHOD_NAMES[m],
        "status_name": lambda s: labels_en.STATUS_NAMES[str(s)],
        "rule_title": _rule_title,
    }


def _rule_title(rule: Any) -> str:
    title = rule_title(rule.id)
    return fmt.cell(title) if title else swedish(rule.summary)


def _content(site: Site, slug: str) -> tuple[str, str]:
    """(page, Markdown) of content/en/<slug>.md (SC006 requires the edition's pages)."""
    doc: ContentDoc[PageMeta] = site.view.english_pages()[slug]
    here = urls.source(urls.english_page(slug))
    return here, _render(site, "en/page.md.j2", here, doc=doc)


def _render(site: Site, template: str, here: str, **context: Any) -> str:
    # No "Sidans historik" (a Swedish footer): the Swedish counterpart carries the
    # page's provenance, and the language switch leads there.
    context.setdefault("any_example", site.view.any_example)
    return site.render(template, here, sources=(), **_helpers(), **context)


def pages(site: Site) -> dict[str, str]:
    view = site.view
    result: dict[str, str] = {}
    for slug in view.english_pages():
        if slug == "start":
            continue  # _start's
        if slug == "accessibility" and view.accessibility is not None:
            result.update(_accessibility(site))
        else:
            here, page = _content(site, slug)
            result[here] = page
    result.update(_start(site))
    result.update(_partners(site))
    result.update(_organisation(site))
    result.update(_meetings(site))
    result.update(_decisions(site))
    result.update(_compliance(site))
    result.update(_open_data(site))
    return result


def _accessibility(site: Site) -> dict[str, str]:
    """The statement written from content/tillganglighet.yaml's facts."""
    view = site.view
    here = urls.source(urls.EN_ACCESSIBILITY)
    return {
        here: _render(
            site,
            "en/accessibility.md.j2",
            here,
            doc=view.english_pages()["accessibility"],
            s=view.accessibility,
            kansli=view.organisation.secretariat,
        )
    }


def _start(site: Site) -> dict[str, str]:
    view = site.view
    upcoming = view.upcoming(BodyName.PARTNERSHIP)
    here = urls.source(urls.EN_START)
    start = view.english_pages()["start"]
    return {
        here: _render(
            site,
            "en/index.md.j2",
            here,
            start=start,
            rules_current=view.current_rules(),
            partner_count=len(view.partners_current()),
            next_meeting=upcoming[0] if upcoming else None,
            latest_decisions=list(reversed(view.decisions()))[:LATEST_DECISIONS],
        )
    }


def _partners(site: Site) -> dict[str, str]:
    view = site.view
    groups = [
        {
            "name": labels_en.SECTOR_NAMES[g.sector],
            "anchor": fmt.anchor(str(g.sector)),
            "current": g.current,
        }
        for g in view.partner_groups()
    ]
    here = urls.source(urls.EN_PARTNERS)
    return {
        here: _render(
            site,
            "en/partners.md.j2",
            here,
            groups=groups,
            example=view.partners_example,
            current_count=sum(len(g["current"]) for g in groups),
        )
    }


def _organisation(site: Site) -> dict[str, str]:
    view = site.view
    org = view.organisation
    contacts = [(labels_en.CONTACT_TITLES[office], holder) for office, holder in view.contacts()]
    here = urls.source(urls.EN_ORGANISATION)
    return {
        here: _render(
            site,
            "en/organisation.md.j2",
            here,
            org=org,
            contacts=contacts,
            partner=view.partner,
        )
    }


def _meetings(site: Site) -> dict[str, str]:
    view = site.view
    rows = [
        {
            "meeting": m,
            "state": view.state(m),
            "protocol": view.protocol(m) is not None,
            "decisions": len(view.meeting_decisions(m)),
        }
        for m in reversed(view.meetings())
    ]
    here = urls.source(urls.EN_MEETINGS)
    return {here: _render(site, "en/meetings.md.j2", here, rows=rows)}


def _decisions(site: Site) -> dict[str, str]:
    view = site.view
    years = [(year, list(reversed(rows))) for year, rows in view.decisions_by_year().items()]
    years.sort(key=lambda item: -item[0])
    here = urls.source(urls.EN_DECISIONS)
    return {here: _render(site, "en/decisions.md.j2", here, years=years)}


def _compliance(site: Site) -> dict[str, str]:
    view = site.view
    per_rule = view.findings_by_rule()
    groups = []
    for basis in Basis:
        rules = [r for r in view.compliance_rules() if r.basis is basis]
        rows = [
            (rule, Counter(str(e.result.status) for e in per_rule.get(rule.id, [])))
            for rule in rules
        ]
        rows.sort(key=lambda row: -row[1][Status.NOT_MET])
        totals: Counter[str] = Counter()
        for _, counts in rows:
            totals.update(counts)
        groups.append(
            {
                "label": labels_en.BASIS_NAMES[basis.value],
                "target": basis is Basis.TARGET,
                "rows": rows,
                "totals": totals,
            }
        )
    here = urls.source(urls.EN_COMPLIANCE)
    return {here: _render(site, "en/compliance.md.j2", here, groups=groups)}


def _open_data(site: Site) -> dict[str, str]:
    view = site.view
    base = view.base_url
    here = urls.source(urls.EN_OPEN_DATA)
    return {
        here: _render(
            site,
            "en/open_data.md.j2",
            here,
            datasets=site.data_files,
            license_url=LICENSE,
            data_root=urls.absolute(base, urls.DATA_DIR) if base else "/" + urls.DATA_DIR,
        )
    }


def missing_counterparts(pages: dict[str, str]) -> list[str]:
    """Pages of one language whose counterpart (``urls.TRANSLATIONS``) was not written:
    an English page without its Swedish one, or a Swedish page without its English one."""
    written = set(pages)
    missing = []
    for swedish_url, english_url in urls.TRANSLATIONS.items():
        sv_page, en_page = urls.source(swedish_url), urls.source(english_url)
        if (sv_page in written) != (en_page in written):
            missing.append(en_page if sv_page in written else sv_page)
    return sorted(missing)
