"""The arbetsordning: its index and one page per published version."""

from __future__ import annotations

from ... import urls
from ...layout import CONTENT_DIR, RULES_DIR
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    versions = view.rules_versions()
    index = urls.source(urls.RULES)
    result = {
        index: site.render(
            "rules_index.md.j2",
            index,
            sources=(f"{CONTENT_DIR}/{RULES_DIR}/",),
            current=view.current_rules(),
            versions=versions,
        )
    }
    for doc in versions:
        here = urls.source(urls.rules_version(doc.slug))
        result[here] = site.render("rules_version.md.j2", here, sources=(doc.file,), doc=doc)
    return result
