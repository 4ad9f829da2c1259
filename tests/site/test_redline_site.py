"""The arbetsordning's redline on the built example site (issue 19, item 6).

The example's version 1.1 adds one list item to §3.2 (content/arbetsordning/
1.0.md and 1.1.md), adopted by B-2026-09 with 36 for, 7 against, 3 abstaining.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)

ADDED_ITEM = (
    "<li><ins>Protokollet justeras av ordföranden och en justerare som mötet utser. "
    "*(Exempel på ändring, beslut B-2026-09.)*</ins></li>"
)


def _article(site: Path, path: str) -> str:
    found = _ARTICLE.search((site / path / "index.html").read_text(encoding="utf-8"))
    assert found, path
    return found.group(1)


def _section(article: str, anchor: str) -> str:
    """From the element with ``id=anchor`` to the next h2."""
    start = article.index(f'id="{anchor}"')
    end = article.find("<h2", start)
    return article[start : end if end != -1 else None]


def test_version_page_shows_the_32_change_and_the_adopting_decision(site: Path) -> None:
    changes = _section(_article(site, "arbetsordning/1.1"), "andringar")
    assert changes.startswith('id="andringar">Ändringar mot version 1.0<')
    # The adopting decision, linked, with its §9 verdict (SC405) linked to the rule page.
    assert '<a href="../../beslut/2026/#b-2026-09">B-2026-09</a>' in changes
    assert "<em>Ändring av arbetsordningen §3.2</em>" in changes
    assert "<caption>Bedömning av beslut B-2026-09 enligt §9</caption>" in changes
    row = re.search(r"<tr>\s*<td><a href=\"../../efterlevnad/sc405/\">SC405</a>.*?</tr>",
                    changes, re.S)  # fmt: skip
    assert row, changes
    assert "<td>Uppfyllt</td>" in row.group(0)
    assert "36 för, 7 emot, 3 avstod" in row.group(0)
    # The changed section, with the added sentence inside <ins>; nothing deleted.
    assert 'id="andring-3-2">3.2 Dagordning och dokumentation – ändrat<' in changes
    redline = changes[changes.index('<div id="redline-3-2">') :]
    redline = redline[: redline.index("</div>")]
    assert ADDED_ITEM in redline
    assert redline.count("<ins>") == 1 and "<del>" not in redline
    kept = "<li>Underlag till beslut ska distribueras i samband med att kallelse skickas ut.</li>"
    assert kept in redline
    # Unchanged sections are summarised, not repeated.
    summary = (
        "Oförändrade: 7 avsnitt, från 1 Syfte och mål till och\nmed 3.1 Frekvens och kallelse."
    )
    assert summary in changes
    assert "Beslut fattas enligt punkt 4." not in changes
    assert changes.count("<ins>") == 1


def test_version_page_keeps_its_text_and_links_the_previous_version(site: Path) -> None:
    article = _article(site, "arbetsordning/1.1")
    text = _section(article, "text")
    assert text.count("Beslut fattas enligt punkt 4.") == 1
    assert "Protokollet justeras av ordföranden" in text and "<ins>" not in text
    assert '<a href="../1.0/">version 1.0</a>' in article
    assert "jamfor" not in article  # 1.1 is in force: nothing to compare it with


def test_first_version_has_its_decision_and_no_changes(site: Path) -> None:
    article = _article(site, "arbetsordning/1.0")
    assert 'id="andringar"' not in article and "<ins>" not in article
    decision = _section(article, "beslut")
    assert '<a href="../../beslut/2026/#b-2026-02">B-2026-02</a>' in decision
    assert "<td>Uppfyllt</td>" in decision and "Beslutat med konsensus." in decision
    assert '<a href="jamfor/">Jämför med gällande version 1.1</a>' in article


def test_comparison_with_the_version_in_force(site: Path) -> None:
    article = _article(site, "arbetsordning/1.0/jamfor")
    assert ">Version 1.0 jämfört med gällande version 1.1<" in article
    assert '<a href="../">arbetsordningen, version 1.0</a>' in article
    assert '<a href="../../1.1/">den gällande versionen 1.1</a>' in article
    assert '<a href="../../../beslut/2026/#b-2026-09">B-2026-09</a>' in article
    assert '<a href="../../../efterlevnad/sc405/">SC405</a>' in article
    assert ADDED_ITEM in _section(article, "andringar")
    index = _article(site, "arbetsordning")
    assert '<li><a href="1.0/jamfor/">Version 1.0 jämfört med gällande version</a></li>' in index
    assert not (site / "arbetsordning/1.1/jamfor").exists()


def test_redlines_are_kept_out_of_the_search_index(site: Path) -> None:
    """A redline repeats the text: the search finds the versions' own text instead."""
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"] for d in docs if d["location"].startswith("arbetsordning/")}
    assert "arbetsordning/1.1/#text" in locations
    assert not {loc for loc in locations if "jamfor" in loc or "andring" in loc}
    assert "arbetsordning/1.1/#32-dagordning-och-dokumentation" in locations


# --- in the browser ---------------------------------------------------------------------

REDLINE_STYLE = """() => {
  const out = {};
  for (const tag of ['ins', 'del']) {
    const e = document.createElement(tag);
    e.textContent = 'x';
    document.querySelector('#redline-3-2').append(e);
    const s = getComputedStyle(e), b = getComputedStyle(e, '::before'),
          a = getComputedStyle(e, '::after');
    out[tag] = {line: s.textDecorationLine, color: s.color, background: s.backgroundColor,
                before: b.content, after: a.content, beforeWidth: b.width,
                beforeClip: b.clipPath, beforePosition: b.position};
    e.remove();
  }
  return out;
}"""


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.wcag("1.4.1", "1.4.3")
@pytest.mark.parametrize("forced", ["none", "active"])
def test_changes_are_announced_and_not_shown_by_colour_alone(
    browser, origin: str, forced: str
) -> None:
    context = browser.new_context(forced_colors=forced)
    try:
        page = context.new_page()
        page.goto(f"{origin}/arbetsordning/1.1/")
        style = page.evaluate(REDLINE_STYLE)
        assert style["ins"]["line"] == "underline" and style["del"]["line"] == "line-through"
        expected = {
            "ins": ('" [tillagt:] "', '" [slut på tillägg] "'),
            "del": ('" [borttaget:] "', '" [slut på borttaget] "'),
        }
        for tag, (before, after) in expected.items():
            s = style[tag]
            assert (s["before"], s["after"]) == (before, after), s
            # Clipped to nothing on screen, still in the accessibility tree (below).
            assert (s["beforeWidth"], s["beforeClip"], s["beforePosition"]) == (
                "1px",
                "inset(100%)",
                "absolute",
            ), s
            assert _contrast(s["color"], s["background"]) >= 4.5, s
        cdp = context.new_cdp_session(page)
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        names = [n.get("name", {}).get("value", "") for n in nodes]
        assert "[tillagt:]" in names and "[slut på tillägg]" in names
        insertion = page.locator("#redline-3-2").aria_snapshot()
        assert '"[tillagt:] Protokollet justeras av ordföranden' in insertion
    finally:
        context.close()
