"""The built site (shipped data): the decision register and the compliance
findings by year, old decision addresses, search and a real browser following
an old address to the decision."""

from __future__ import annotations

import json
import re
from pathlib import Path

from swecan_site.check import check
from swecan_site.public import PublicView

from ..conftest import AS_OF, REPO


def _read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_register_index_points_every_old_address_at_the_year_page(site: Path) -> None:
    view = PublicView(check(REPO, AS_OF))
    index = _read(site, "beslut/index.html")
    by_year = view.decisions_by_year()
    assert by_year
    for year, decisions in by_year.items():
        assert f'href="{year}/"' in index  # the index links every year
        page = _read(site, f"beslut/{year}/index.html")
        for _, decision in decisions:
            anchor = decision.id.lower()
            # the decision itself is on the year page …
            assert f'<h3 id="{anchor}"' in page, decision.id
            # … and beslut/#<id> (the address documented before the split) still exists
            element = re.search(rf'<a [^>]*id="{anchor}"[^>]*>', index)
            assert element, decision.id
            assert f'href="{year}/#{anchor}"' in element.group(0)


def test_compliance_index_links_the_year_pages_and_search_indexes_them(site: Path) -> None:
    view = PublicView(check(REPO, AS_OF))
    index = _read(site, "efterlevnad/index.html")
    years = list(view.findings_by_year())
    assert AS_OF.year in years
    for year in years:
        assert f'href="{year}/"' in index
        assert (site / f"efterlevnad/{year}/index.html").is_file()
    search = json.loads(_read(site, "search/search_index.json"))
    locations = {doc["location"].partition("#")[0] for doc in search["docs"]}
    assert {"beslut/", f"efterlevnad/{AS_OF.year}/"} <= locations
    assert {f"beslut/{year}/" for year in view.decisions_by_year()} <= locations


def test_an_old_decision_address_leads_to_the_decision(browser, origin: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{origin}/beslut/#b-2026-07")
        pointer = page.locator("#b-2026-07")
        assert pointer.is_visible()
        pointer.click()
        page.wait_for_url(re.compile(r"/beslut/2026/#b-2026-07$"))
        heading = page.locator("h3#b-2026-07")
        assert heading.is_visible() and "B-2026-07" in heading.inner_text()
    finally:
        context.close()
