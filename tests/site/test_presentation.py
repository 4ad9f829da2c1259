"""WCAG 2.2 beyond the keyboard walk: target size, forced colours, landmarks, print.

Runs before tests/site/test_statement.py (which reads the outcomes of the
``@pytest.mark.wcag`` tests; keep this file's name before it alphabetically).
"""

from __future__ import annotations

import re

import pytest

from .test_browser import _axe_source
from .test_keyboard import PAGE_TYPES, WIDTHS

PROTOCOL = "moten/2026-06-10-partnerskapet/"
TARGET_PAGES = {k: PAGE_TYPES[k] for k in ("start", "möte", "tillgänglighet", "404")}


@pytest.fixture
def context_at(browser):
    made = []

    def make(width: int, **options):  # type: ignore[no-untyped-def]
        context = browser.new_context(viewport={"width": width, "height": 800}, **options)
        made.append(context)
        return context.new_page()

    yield make
    for context in made:
        context.close()


# Every link or button outside running text (footer, header, menus) is at least
# 24 × 24 px, or a 24 px circle around its centre meets no other target (2.5.8).
TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), label[tabindex]';
  const all = [...document.querySelectorAll(selector)]
    .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .filter(e => !e.closest('.md-typeset p, .md-typeset li, .md-typeset td, .md-typeset dd')
                 || e.closest('.md-footer, .md-header, .md-nav'));
  const boxes = all.map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.width && r.height);
  const bad = [];
  for (const [e, r] of boxes) {
    if (r.width >= 23.5 && r.height >= 23.5) continue;
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    const clash = boxes.some(([o, q]) => o !== e && !o.contains(e) && !e.contains(o) && (() => {
      const dx = Math.max(q.left - cx, 0, cx - q.right);
      const dy = Math.max(q.top - cy, 0, cy - q.bottom);
      return Math.hypot(dx, dy) < 12;
    })());
    const size = `${Math.round(r.width)}×${Math.round(r.height)}`;
    if (clash) bad.push(`${size} ${e.outerHTML.slice(0, 90)}`);
  }
  return bad;
}"""


@pytest.mark.wcag("2.5.8")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", TARGET_PAGES.values(), ids=TARGET_PAGES.keys())
def test_targets_are_24_px_or_spaced(context_at, origin: str, width: int, path: str) -> None:
    page = context_at(width)
    page.goto(f"{origin}/{path}")
    assert page.evaluate(TARGETS) == []
    footer = page.locator(".swecan-footer-links a")
    assert footer.count() == 4
    for i in range(footer.count()):
        box = footer.nth(i).bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24, box
    # axe-core's own 2.5.8 rule agrees.
    page.add_script_tag(content=_axe_source())
    result = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}})")
    assert result["violations"] == [], result["violations"]


@pytest.mark.wcag("1.3.1", "2.4.1")
@pytest.mark.parametrize("width", WIDTHS)
def test_404_landmarks_are_unique(context_at, origin: str, width: int) -> None:
    page = context_at(width)
    page.goto(f"{origin}/finns-inte/")
    page.add_script_tag(content=_axe_source())
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'rule', values: ['landmark-unique', "
        "'landmark-no-duplicate-main', 'landmark-one-main', 'region']}})"
    )
    assert result["passes"], "axe checked no landmark"
    assert result["violations"] == [], [
        (v["id"], v["nodes"][0]["target"]) for v in result["violations"]
    ]


FOCUS_RING = """() => {
  const s = getComputedStyle(document.activeElement);
  return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor};
}"""


@pytest.mark.wcag("2.4.7")
@pytest.mark.parametrize("width", WIDTHS)
def test_focus_outline_in_forced_colours(context_at, origin: str, width: int) -> None:
    page = context_at(width, forced_colors="active")
    page.goto(f"{origin}/")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    query = page.locator("input[data-md-component='search-query']")
    if width < 960:
        page.locator("[data-swecan-toggle=__search]").focus()
        page.keyboard.press("Enter")
    else:
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('[data-md-component=search-query]')"):
                break
    assert query.evaluate("el => el === document.activeElement")
    ring = page.evaluate(FOCUS_RING)
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    page.keyboard.press("Escape")
    # Any other stop: the menu button or a link.
    page.keyboard.press("Tab")
    ring = page.evaluate(FOCUS_RING)
    assert ring["style"] != "none" and ring["width"] >= 2, ring


def _pages_and_destinations(pdf: bytes) -> tuple[list[str], dict[str, str]]:
    """Page object ids in order and named destinations (id → page object) of a Chromium PDF."""
    kids = re.search(rb"/Type /Pages\s*/Count \d+\s*/Kids \[([^\]]*)\]", pdf)
    assert kids, "no page tree"
    pages = re.findall(rb"(\d+) 0 R", kids.group(1))
    dests = dict(re.findall(rb"/([A-Za-z0-9_.-]+) \[(\d+) 0 R /XYZ", pdf))
    return [p.decode() for p in pages], {k.decode(): v.decode() for k, v in dests.items()}


def test_protocol_prints_from_the_first_sheet_with_its_source(context_at, origin: str) -> None:
    page = context_at(1280)
    page.goto(f"{origin}/{PROTOCOL}")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-skip"):  # fmt: skip
        assert not page.locator(chrome).first.is_visible(), chrome
    source = page.locator(".swecan-print-source")
    assert source.is_visible()
    assert source.inner_text() == f"SweCan · https://swecan.example.se/{PROTOCOL}"
    assert page.locator("#p-5").is_visible()
    # External links print their address after the text.
    after = page.evaluate("""() => [...document.querySelectorAll('.md-typeset a[href^="http"]')]
        .map(a => getComputedStyle(a, '::after').content)""")
    assert all("attr(href)" in c or "http" in c for c in after), after
    # The heading is at the top of the first sheet (no blank first page).
    h1 = page.locator("article h1")
    assert h1.bounding_box()["y"] < 150, h1.bounding_box()  # type: ignore[index]
    pages, dests = _pages_and_destinations(page.pdf(format="A4"))
    heading = h1.get_attribute("id")
    assert heading in dests, sorted(dests)[:10]
    assert dests[heading] == pages[0], "the protocol does not start on the first sheet"
    page.emulate_media(media="screen")
    assert not source.is_visible()
