"""What a keyboard user does, at 320, 640 and 1280 px, in headless Chromium.

Each test names the WCAG 2.2 success criteria it checks (``@pytest.mark.wcag``);
tests/site/test_statement.py compares them with what the
tillgänglighetsredogörelse claims. Screenshots at 320 px are saved under
``test-artifacts/keyboard/`` in the repository (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ..conftest import REPO
from .test_browser import assert_no_wcag_violations

PAGE_TYPES = {
    "start": "",
    "partners": "partners/",
    "partner": "partners/svenska-cancercoachforeningen/",
    "organisation": "organisation/",
    "möten": "moten/",
    "möte": "moten/2026-06-10-partnerskapet/",
    "beslut": "beslut/",
    "ärenden": "arenden/",
    "arbetsordning": "arbetsordning/",
    "arbetsordning-version": "arbetsordning/1.0/",
    "arbetsordning-ändringar": "arbetsordning/1.1/",  # a redline: reflow at 320 px
    "efterlevnad": "efterlevnad/",
    "efterlevnad-regel": "efterlevnad/sc304/",
    "rapporter": "rapporter/",
    "tillgänglighet": "tillganglighet/",
    "personuppgifter": "personuppgifter/",
    "404": "finns-inte/",
    # the English edition (issue 21): its own menu, the language switch, a wide table
    "en-start": "en/",
    "en-meetings": "en/meetings/",
    "en-compliance": "en/compliance/",
}
WIDTHS = [320, 640, 1280]
NARROW = [320, 640]  # the drawer and the search panel are closed panels below 1220/960 px
SCREENSHOTS = {"start", "möte", "efterlevnad", "arbetsordning-version", "404"}
ARTIFACTS = REPO / "test-artifacts" / "keyboard"
NO_TRANSITIONS = (
    "*, *::before, *::after { transition: none !important; animation: none !important; }"
)
# The walk stops when focus comes round again or after this many stops: every
# stop of the header, the menu and the start of the content at every width, the
# whole of most pages at 320 px (runtime: two cores).
MAX_TABS = {320: 150, 640: 60, 1280: 60}

# The focused element, judged in the page after the page has settled: visible,
# inside the viewport, not covered (WCAG 2.2, 2.4.11: the topmost element at the
# centre of its box is the element or one of its descendants; for a link broken
# over lines, the centre of each line box), with a focus indicator.
FOCUS_STATE = """async () => {
  // Two frames: Material resizes its sticky sidebars after a scroll.
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const el = document.activeElement;
  if (!el || el === document.body) return {body: true};
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  let hit = document.elementFromPoint(cx, cy);
  const on = (x, y) => {
    const h = document.elementFromPoint(
      Math.min(Math.max(x, 0), innerWidth - 1), Math.min(Math.max(y, 0), innerHeight - 1));
    return !!h && (h === el || el.contains(h));
  };
  let uncovered = !!hit && (el === hit || el.contains(hit));
  if (!uncovered && hit && hit.contains(el)) {
    // A link broken over two lines: its box's centre can fall between the line
    // boxes, on the paragraph. Then the centre of every line box must be on it.
    const lines = [...el.getClientRects()]
      .filter(q => q.width > 0 && q.height > 0 && q.bottom > 0 && q.top < innerHeight);
    const under = lines.find(q => !on(q.left + q.width / 2, q.top + q.height / 2));
    uncovered = lines.length > 1 && !under;
    if (under) {
      hit = document.elementFromPoint(under.left + under.width / 2, under.top + under.height / 2);
    }
  }
  let opaque = true;
  for (let e = el; e; e = e.parentElement) {
    if (parseFloat(getComputedStyle(e).opacity) === 0) opaque = false;
  }
  const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
  return {
    body: false,
    key: el.outerHTML.slice(0, 160),
    visible: r.width > 0 && r.height > 0 && style.visibility === "visible" && opaque,
    inside: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight
      && r.left >= -1 && r.right <= innerWidth + 1,
    uncovered: uncovered,
    covered_by: hit ? hit.outerHTML.slice(0, 100) : null,
    ring: ring,
    in_drawer: el.closest('.md-sidebar--primary') !== null,
  };
}"""


@pytest.fixture(scope="module")
def contexts(browser) -> Iterator[dict[int, object]]:
    """One browser context per width, shared by the tests of this module."""
    made: dict[int, object] = {}
    yield made
    for context in made.values():
        context.close()  # type: ignore[attr-defined]


def open_page(browser, contexts: dict, origin: str, width: int, path: str, settled: bool = True):
    if width not in contexts:
        contexts[width] = browser.new_context(viewport={"width": width, "height": 800})
    page = contexts[width].new_page()
    page.goto(f"{origin}/{path}")
    page.wait_for_load_state("load")
    if settled:
        # Judge end states, not frames of the theme's transitions (the skip link fades in).
        page.add_style_tag(content=NO_TRANSITIONS)
    return page


def tab_walk(page, limit: int, key: str = "Tab") -> list[dict]:
    """Press Tab (or Shift+Tab) until focus comes round; the state at each stop."""
    stops: list[dict] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        if state["body"]:
            if stops:
                break
            continue
        if state["key"] in seen:
            break
        seen.add(state["key"])
        stops.append(state)
    return stops


@pytest.mark.wcag("2.1.1", "2.4.3", "2.4.7", "2.4.11", "1.4.10")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_focus_stop_is_visible_and_in_view(
    browser, contexts, origin: str, width: int, path: str
) -> None:
    page = open_page(browser, contexts, origin, width, path)
    try:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"the page scrolls sideways: {scroll_width} px > {width} px"
        stops = tab_walk(page, MAX_TABS[width])
        assert len(stops) >= 3, "Tab reaches almost nothing"
        bad = [
            f"{problem}: {s['key']}"
            + (f" (under {s['covered_by']})" if problem == "uncovered" else "")
            for s in stops
            for problem in ("visible", "inside", "uncovered", "ring")
            if not s[problem]
        ]
        assert bad == [], "\n".join(bad)
        if width == 320 and path in [PAGE_TYPES[k] for k in SCREENSHOTS]:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            name = next(k for k, v in PAGE_TYPES.items() if v == path)
            target = ARTIFACTS / f"{name}-320.png"
            page.keyboard.press("Home")
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(target), full_page=True)
            print(f"skärmbild: {target}")
    finally:
        page.close()


@pytest.mark.wcag("2.1.1", "1.3.1")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_overflowing_tables_are_focusable_named_regions(
    browser, contexts, origin: str, width: int, path: str
) -> None:
    page = open_page(browser, contexts, origin, width, path)
    try:
        tables = page.evaluate("""() => [...document.querySelectorAll('.md-typeset table')]
        .map(t => {
          const wrap = t.closest('.md-typeset__scrollwrap');
          return {
            caption: (t.querySelector('caption') || {}).textContent || '',
            cols: t.querySelectorAll('thead th').length,
            scoped: t.querySelectorAll('thead th[scope=col]').length,
            overflow: !!wrap && wrap.scrollWidth > wrap.clientWidth + 1,
            tabindex: wrap && wrap.getAttribute('tabindex'),
            role: wrap && wrap.getAttribute('role'),
            label: wrap && wrap.getAttribute('aria-label'),
          };
        })""")
        for table in tables:
            assert table["caption"].strip(), f"a table without a caption: {table}"
            assert table["scoped"] == table["cols"], f"header cells without scope: {table}"
            if table["overflow"]:
                assert table["tabindex"] == "0", table
                assert table["role"] == "region", table
                assert table["label"], table
    finally:
        page.close()


def test_a_table_wider_than_the_screen_becomes_a_focusable_region(
    browser, contexts, origin: str
) -> None:
    """The shipped tables fit 320 px (cells wrap); a wider one must scroll by keyboard."""
    page = open_page(browser, contexts, origin, 320, PAGE_TYPES["efterlevnad"])
    try:
        fitting = page.locator(".md-typeset__scrollwrap:not([tabindex])")
        assert fitting.count() >= 1, "no table fits 320 px; a table that fits is not a tab stop"
        caption = fitting.first.locator("caption").inner_text()
        fitting.first.evaluate(
            "el => { el.id = 'widened'; el.querySelector('table').style.minWidth = '900px'; }"
        )
        wrap = page.locator("#widened")
        page.wait_for_function(
            "document.getElementById('widened').getAttribute('tabindex') === '0'"
        )
        assert wrap.get_attribute("role") == "region"
        assert wrap.get_attribute("aria-label") == caption
        wrap.focus()
        assert page.evaluate(FOCUS_STATE)["ring"], "the region shows no focus"
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        # Scrolling may be animated; wait for it rather than for a fixed time.
        page.wait_for_function("document.getElementById('widened').scrollLeft > 0", timeout=5000)
    finally:
        page.close()


def _tab_to(page, selector: str, limit: int = 10) -> int:
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return count
    raise AssertionError(f"Tab does not reach {selector} within {limit} stops")


MENU = "[data-swecan-toggle=__drawer]"
SEARCH = "[data-swecan-toggle=__search]"
IN_DRAWER = "document.activeElement.closest('.md-sidebar--primary') !== null"


@pytest.mark.wcag("2.1.1", "2.4.3", "2.4.11", "4.1.2")
@pytest.mark.parametrize("width", NARROW)
@pytest.mark.parametrize(
    "path", ["", "arbetsordning/", "utgangspunkter/", "moten/2026-06-10-partnerskapet/"]
)
def test_menu_opens_and_closes_by_keyboard(
    browser, contexts, origin: str, width: int, path: str
) -> None:
    page = open_page(browser, contexts, origin, width, path)
    try:
        button = page.locator(MENU)
        assert button.get_attribute("aria-label") == "Meny"
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.querySelector('.md-sidebar--primary a[href]')"
                             ".checkVisibility({visibilityProperty: true})") is False  # fmt: skip
        _tab_to(page, MENU)
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert page.evaluate(IN_DRAWER), "focus did not move into the menu"
        # The page behind the open menu is inert: Tab goes round the menu (and the
        # browser's own controls), never onto the page under the overlay.
        first = page.evaluate(FOCUS_STATE)["key"]
        for _ in range(40):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state["body"]:
                continue
            assert page.evaluate(IN_DRAWER), f"focus left the open menu: {state['key']}"
            assert state["visible"] and state["inside"] and state["uncovered"], state
            if state["key"] == first:
                break
        else:
            raise AssertionError("Tab never comes round the menu")
        assert button.get_attribute("aria-expanded") == "true"
        # Shift+Tab from the menu's first stop stays in the menu too.
        page.keyboard.press("Shift+Tab")
        state = page.evaluate(FOCUS_STATE)
        assert state["body"] or page.evaluate(IN_DRAWER), state
        # Close with Escape: focus returns to the button, the page is live again.
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(f"document.activeElement.matches({MENU!r})")
        assert page.evaluate("document.querySelectorAll('[inert]').length") == 0
        # Open again with Space and close with Escape.
        page.keyboard.press("Space")
        assert page.evaluate(IN_DRAWER)
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(f"document.activeElement.matches({MENU!r})")
    finally:
        page.close()


@pytest.mark.wcag("2.1.1", "2.4.3", "4.1.2", "4.1.3")
@pytest.mark.parametrize("width", NARROW)
def test_search_opens_and_closes_by_keyboard(browser, contexts, origin: str, width: int) -> None:
    page = open_page(browser, contexts, origin, width, "")
    try:
        button = page.locator(SEARCH)
        assert button.get_attribute("aria-label") == "Sök"
        query = page.locator("input[data-md-component='search-query']")
        assert not query.is_visible()
        _tab_to(page, SEARCH)
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert page.evaluate(
            "document.activeElement.matches('input[data-md-component=search-query]')"
        )
        meta = page.locator(".md-search-result__meta")
        assert meta.get_attribute("aria-live") == "polite"
        hint = page.locator("#swecan-search-hint")
        assert hint.is_visible() and "piltangenterna" in hint.inner_text()
        assert query.get_attribute("aria-describedby") == "swecan-search-hint"
        page.keyboard.type("protokoll")
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.includes('sökresultat')",
            timeout=30000,  # the worker builds the index first
        )
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate(f"document.activeElement.matches({SEARCH!r})"), "focus is lost"
        assert not query.is_visible()
        # Material locks the page's scrolling while the panel is open and unlocks it
        # a moment later; a person does not press Tab within that moment.
        page.wait_for_function("!document.body.hasAttribute('data-md-scrolllock')")
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        assert not state["body"] and state["visible"] and state["inside"], state
    finally:
        page.close()


@pytest.mark.wcag("2.1.1", "2.4.3", "4.1.3")
def test_search_at_1280_px_is_in_the_header(browser, contexts, origin: str) -> None:
    page = open_page(browser, contexts, origin, 1280, "")
    try:
        assert not page.locator(MENU).is_visible()
        assert not page.locator(SEARCH).is_visible()
        _tab_to(page, "input[data-md-component='search-query']")
        page.keyboard.type("protokoll")
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.includes('sökresultat')",
            timeout=30000,
        )
        assert page.locator(".md-search-result__meta").is_visible()
        page.keyboard.press("Escape")
        assert page.evaluate(
            "document.activeElement.matches('input[data-md-component=search-query]')"
        )
        assert not page.locator(".md-search-result__meta").is_visible()
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        assert not state["body"] and state["visible"] and state["inside"], state
        # The sidebar navigation is visible and reachable.
        assert page.locator("#swecan-drawer > .md-nav__list a[href]").first.is_visible()
    finally:
        page.close()


@pytest.mark.wcag("1.3.1", "2.4.1", "4.1.2")
@pytest.mark.parametrize("width", WIDTHS)
def test_landmarks_and_current_page(browser, contexts, origin: str, width: int) -> None:
    page = open_page(browser, contexts, origin, width, "beslut/")
    try:
        names = page.evaluate("""() => [...document.querySelectorAll('nav, [role=navigation]')]
            .map(n => n.getAttribute('aria-label'))""")
        assert None not in names, names
        assert len(names) == len(set(names)), f"navigation landmarks share a name: {names}"
        assert "Huvudmeny" in names and "Innehåll på sidan" in names
        current = page.locator("#swecan-drawer [aria-current=page]")
        assert current.count() == 1
        assert current.first.get_attribute("href") in ("./", ".", "../beslut/")
        permalinks = page.locator("a.headerlink:not([tabindex='-1'])")
        assert permalinks.count() == 0
    finally:
        page.close()


@pytest.mark.wcag("1.3.1", "1.4.3", "4.1.2", "2.4.2", "3.1.1")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_axe_at_each_width(browser, contexts, origin: str, width: int, path: str) -> None:
    page = open_page(browser, contexts, origin, width, path)
    try:
        assert_no_wcag_violations(page)
    finally:
        page.close()


@pytest.mark.wcag("2.4.1", "2.4.2", "3.1.1")
def test_404_page_is_swedish_with_a_way_on(browser, contexts, origin: str) -> None:
    page = open_page(browser, contexts, origin, 640, "finns-inte/alls/")
    try:
        assert page.title() == "Sidan hittades inte - SweCan"
        assert page.locator("h1").inner_text() == "Sidan hittades inte"
        assert page.evaluate("document.documentElement.lang") == "sv"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent.trim()") == "Gå till innehållet"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "sidan-hittades-inte"
        assert page.locator("main a", has_text="Till startsidan").count() == 1
        page.fill("#swecan-404-q", "arbetsordning")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.startswith(f"{origin}/?q=arbetsordning")
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.includes('sökresultat')",
            timeout=30000,
        )
    finally:
        page.close()


# WCAG 2.2, 2.4.11 Focus Not Obscured, with the theme's transitions running (a
# closing overlay that fades out covers what focus moved to): Shift+Tab up
# through the page (the sticky header), the open menu, and Tab out of the search.
COVER_PAGES = {k: PAGE_TYPES[k] for k in ("start", "möte", "efterlevnad", "404")}
BACK_TABS = 60


def _covered(stops: list[dict]) -> list[str]:
    return [f"{s['key']} (under {s['covered_by']})" for s in stops if not s["uncovered"]]


@pytest.mark.wcag("2.4.11")
@pytest.mark.parametrize("drawer", ["closed", "open"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", COVER_PAGES.values(), ids=COVER_PAGES.keys())
def test_focus_is_never_covered(
    browser, contexts, origin: str, width: int, path: str, drawer: str
) -> None:
    page = open_page(browser, contexts, origin, width, path, settled=False)
    try:
        if drawer == "closed":
            # From the end of the page upwards: each stop scrolls in under the header.
            stops = tab_walk(page, BACK_TABS, key="Shift+Tab")
            assert len(stops) >= 3, "Shift+Tab reaches almost nothing"
        elif width in NARROW:
            _tab_to(page, MENU)
            page.keyboard.press("Enter")
            assert page.evaluate(IN_DRAWER), "focus did not move into the menu"
            # The menu slides in (.25 s); judge it once it is in place.
            page.wait_for_function("document.getAnimations().length === 0")
            stops = [page.evaluate(FOCUS_STATE)]
            stops += tab_walk(page, 40) + tab_walk(page, 40, key="Shift+Tab")
            outside = [s["key"] for s in stops if not s["body"] and not s["in_drawer"]]
            assert outside == [], f"focus left the open menu: {outside}"
        else:
            # From 76.25em the drawer is the sidebar; its checkbox changes nothing.
            page.evaluate("document.getElementById('__drawer').click()")
            stops = tab_walk(page, MAX_TABS[width])
        assert _covered(stops) == [], "\n".join(_covered(stops))
    finally:
        page.close()


@pytest.mark.wcag("2.4.11")
@pytest.mark.parametrize("width", WIDTHS)
def test_tab_out_of_the_search_lands_on_an_uncovered_element(
    browser, contexts, origin: str, width: int
) -> None:
    page = open_page(browser, contexts, origin, width, "moten/", settled=False)
    try:
        query = "input[data-md-component='search-query']"
        if width in NARROW:
            _tab_to(page, SEARCH)
            page.keyboard.press("Enter")
        else:
            _tab_to(page, query)
        assert page.evaluate(f"document.activeElement.matches({query!r})")
        # While the search is open the page behind its overlay is inert.
        # (Material opens the search on focus a moment later: wait for it.)
        page.wait_for_function("document.querySelector('.md-container').inert", timeout=5000)
        page.keyboard.type("protokoll")
        page.wait_for_function(
            "document.querySelector('.md-search-result__meta').textContent.includes('sökresultat')",
            timeout=30000,
        )
        for key in ["Tab", "Tab", "Tab"]:
            page.keyboard.press(key)
            state = page.evaluate(FOCUS_STATE)
            if state["body"]:
                continue
            assert state["uncovered"], f"{state['key']} (under {state['covered_by']})"
        assert page.evaluate("document.querySelectorAll('[inert]').length") == 0
    finally:
        page.close()
