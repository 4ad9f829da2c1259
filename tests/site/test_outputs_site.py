"""The built site carries the calendar, feeds and catalogue, and every page points to the feeds."""

from __future__ import annotations

from pathlib import Path

from ..conftest import AS_OF, REPO
from ..outputs_support import outputs


def test_built_site_has_the_outputs_as_written(site: Path) -> None:
    expected = outputs(REPO, AS_OF)
    assert "datasets/dcat" in expected  # the path dataportal.se harvests, no extension
    for path, content in expected.items():
        assert (site / path).is_file(), path
        assert (site / path).read_bytes() == content, path


def test_every_page_links_the_feeds_in_its_head(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert 'rel="alternate" type="application/atom+xml"' in head, page
        if page.name == "404.html":  # served at any address: links from the site root
            assert 'href="/flode/allt.xml"' in head
            continue
        depth = len(page.relative_to(site).parts) - 1
        href = "../" * depth + "flode/allt.xml"
        assert f'href="{href}"' in head, page
        assert (page.parent / href).resolve() == (site / "flode/allt.xml").resolve()
