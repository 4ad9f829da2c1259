"""The kansli's content pages (content/*.md) and the accessibility statement."""

from __future__ import annotations

from ... import urls
from ...accessibility import ACCESSIBILITY_FILE
from ...layout import CONTENT_DIR
from ...public import START_PAGE
from .site import Site

STATEMENT_PAGE = "tillganglighet"  # written from content/tillganglighet.yaml when it exists


def pages(site: Site) -> dict[str, str]:
    view = site.view
    result = {}
    for slug, doc in view.pages().items():
        if slug == START_PAGE:
            continue  # start.py's
        here = urls.source(urls.page(slug))
        if slug == STATEMENT_PAGE and view.accessibility is not None:
            result[here] = site.render(
                "accessibility.md.j2",
                here,
                sources=(doc.file, f"{CONTENT_DIR}/{ACCESSIBILITY_FILE}"),
                doc=doc,
                s=view.accessibility,
                kansli=view.organisation.secretariat,
            )
        else:
            result[here] = site.render("page.md.j2", here, sources=(doc.file,), doc=doc)
    return result
