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
    docs = view.pages()
    result = {}
    for slug, doc in docs.items():
        if slug != START_PAGE:
            here = urls.source(urls.page(slug))
            result[here] = site.render("page.md.j2", here, sources=(doc.file,), doc=doc)
    statement = docs.get(STATEMENT_PAGE)
    if statement is not None and view.accessibility is not None:
        here = urls.source(urls.page(STATEMENT_PAGE))
        result[here] = site.render(
            "accessibility.md.j2",
            here,
            sources=(statement.file, f"{CONTENT_DIR}/{ACCESSIBILITY_FILE}"),
            doc=statement,
            s=view.accessibility,
            kansli=view.organisation.secretariat,
        )
    return result
