"""Öppna data: what each file under /data/ holds, its schema and licence.

The files are the outputs' declaration (``site.data_files``), handed in by
whoever builds the site, so this page and the files cannot disagree.
"""

from __future__ import annotations

from ... import labels, urls
from ...licence import LICENSE
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    base = view.base_url
    here = urls.source(urls.OPEN_DATA)
    return {
        here: site.render(
            "open_data.md.j2",
            here,
            any_example=view.any_example,
            datasets=site.data_files,
            license_url=LICENSE,
            vote_options=labels.VOTE_OPTIONS,
            data_root=urls.absolute(base, urls.DATA_DIR) if base else "/" + urls.DATA_DIR,
            checksums=urls.absolute(base, urls.CHECKSUMS) if base else "/" + urls.CHECKSUMS,
            publisher=view.config.publisher.name,
        )
    }
