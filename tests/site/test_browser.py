"""The built site in a real headless Chromium: accessibility, privacy, search."""

from __future__ import annotations

import pytest

from .conftest import search_for

PAGE_TYPES = {
    "start": "",
    "arbetsordning": "arbetsordning/",
    "arbetsordning-version": "arbetsordning/1.0/",
    "arbetsordning-ändringar": "arbetsordning/1.1/",  # the redline against 1.0
    "arbetsordning-jämförelse": "arbetsordning/1.0/jamfor/",
    "dokument": "utgangspunkter/",
    "partners": "partners/",
    "partner": "partners/svenska-cancercoachforeningen/",
    "organisation": "organisation/",
    "möten": "moten/",
    "möte-med-protokoll": "moten/2026-06-10-partnerskapet/",
    "möte-utkast": "moten/2026-11-12-arbetsutskottet/",
    "möte-planerat": "moten/2026-12-03-partnerskapet/",
    "beslutsregister": "beslut/",
    "beslut-år": "beslut/2026/",
    "ärenderegister": "arenden/",
    "ärenden-status": "arenden/status/beslutat/",
    "ärende": "arenden/a-2026-07/",
    "rapporter": "rapporter/",
    "efterlevnad": "efterlevnad/",
    "efterlevnad-regel": "efterlevnad/sc304/",
    "efterlevnad-år": "efterlevnad/2026/",
    "tillgänglighet": "tillganglighet/",
    "personuppgifter": "personuppgifter/",
    "ändringslogg": "andringslogg/",
    "404": "404.html",
    # the English summary edition (issue 21): every page of it
    "en-start": "en/",
    "en-partners": "en/partners/",
    "en-organisation": "en/organisation/",
    "en-meetings": "en/meetings/",
    "en-decisions": "en/decisions/",
    "en-compliance": "en/compliance/",
    "en-open-data": "en/open-data/",
    "en-accessibility": "en/accessibility/",
    "en-privacy": "en/privacy/",
}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # 2.2: target-size


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def _axe_source() -> str:
    from importlib.resources import files

    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def assert_no_wcag_violations(page) -> None:  # type: ignore[no-untyped-def]
    """Run axe-core on the page for WCAG_TAGS: it must check something and find nothing."""
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
        for v in result["violations"]
    ]
    assert result["passes"], "axe ran no checks"
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_axe_finds_no_wcag_violations(page, origin: str, path: str) -> None:
    page.goto(f"{origin}/{path}")
    assert_no_wcag_violations(page)


@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_request_leaves_the_origin_and_no_cookies(page, origin: str, path: str) -> None:
    page.goto(f"{origin}/{path}")
    page.wait_for_load_state("networkidle")
    assert page.requests, "the request log is empty"
    outside = [u for u in page.requests if not u.startswith((origin, "data:", "blob:"))]
    assert outside == []
    assert page.context.cookies() == []


NETWORK_PAGES = {
    k: PAGE_TYPES[k]
    for k in (
        "start",
        "möte-med-protokoll",
        "beslutsregister",
        "efterlevnad-regel",
        "tillgänglighet",
        "404",
        "en-start",  # the hreflang links must not make Material fetch <page>/sitemap.xml
        "en-meetings",
    )
}


@pytest.mark.parametrize("path", NETWORK_PAGES.values(), ids=NETWORK_PAGES.keys())
def test_no_request_fails(browser, origin: str, path: str) -> None:
    """No 404 or failed request on a page load (Material once fetched <feed>/sitemap.xml)."""
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(f"{r.failure}: {r.url}"))
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and not (path == "404.html" and r.url == f"{origin}/404.html")  # the page itself
            and failed.append(f"{r.status}: {r.url}")
        ),
    )
    console: list[str] = []
    page.on("console", lambda m: m.type == "error" and console.append(m.text))
    try:
        page.goto(f"{origin}/{path}")
        page.wait_for_load_state("networkidle")
        assert failed == []
        assert [m for m in console if path != "404.html" or "404" not in m] == []
    finally:
        context.close()


def test_swedish_search_finds_a_decision_by_an_inflected_word(page, origin: str) -> None:
    page.goto(f"{origin}/")
    # 'beredningsgruppen' (definite form) is not in the decision's title
    # 'Beredningsgrupp för europeiska cancerinitiativ'; only stemming finds it.
    search_for(page, "beredningsgruppen")
    text = page.locator(".md-search-result").inner_text()
    assert "B-2026-07" in text or "Beredningsgrupp" in text, text
    outside = [u for u in page.requests if not u.startswith((origin, "data:", "blob:"))]
    assert outside == []


def test_protocol_prints_without_navigation(page, origin: str) -> None:
    page.goto(f"{origin}/moten/2026-06-10-partnerskapet/")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.locator("#p-5").is_visible()
