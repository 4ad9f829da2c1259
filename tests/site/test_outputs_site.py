"""The built site carries the calendar, feeds and catalogue, and every page points to the feeds."""

from __future__ import annotations

import re
from pathlib import Path

from ..conftest import AS_OF, REPO
from ..outputs_support import SITE_URL, outputs


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
        # "alternate feed", not "alternate": Material fetches sitemap.xml for every
        # link[rel=alternate] (overrides/main.html).
        assert 'rel="alternate feed" type="application/atom+xml"' in head, page
        assert 'rel="alternate"' not in head, page
        if page.name == "404.html":  # served at any address: links from the site root
            assert 'href="/flode/allt.xml"' in head
            continue
        depth = len(page.relative_to(site).parts) - 1
        href = "../" * depth + "flode/allt.xml"
        assert f'href="{href}"' in head, page
        assert (page.parent / href).resolve() == (site / "flode/allt.xml").resolve()


def _target(site: Path, url: str) -> tuple[Path, str]:
    assert url.startswith(SITE_URL), url
    path, _, fragment = url[len(SITE_URL) :].partition("#")
    return site / path / "index.html", fragment


def test_calendar_and_feeds_agree_with_the_html(site: Path) -> None:
    """Every event and entry links a built page (and anchor); every meeting page has its event."""
    import feedparser
    import icalendar

    events = icalendar.Calendar.from_ical((site / "kalender/swecan.ics").read_bytes())
    event_pages = set()
    for event in events.walk("VEVENT"):
        page, _ = _target(site, str(event["URL"]))
        assert page.is_file(), event["URL"]
        event_pages.add(page)
    meeting_pages = {p for p in (site / "moten").glob("*/index.html")}
    assert event_pages == meeting_pages
    feed = feedparser.parse((site / "flode/allt.xml").read_bytes())
    assert feed.entries
    for entry in feed.entries:
        page, fragment = _target(site, entry.link)
        assert page.is_file(), entry.link
        if fragment:
            assert f'id="{fragment}"' in page.read_text(encoding="utf-8"), entry.link
    # The decision register lists exactly the decisions in the feed.
    register = "".join(
        page.read_text(encoding="utf-8") for page in (site / "beslut").glob("*/index.html")
    )  # the register's year pages
    listed = set(re.findall(r'<h3 id="(b-\d{4}-\d+)"', register))
    in_feed = {
        e.link.rpartition("#")[2]
        for e in feedparser.parse((site / "flode/beslut.xml").read_bytes()).entries
    }
    assert listed and listed == in_feed
