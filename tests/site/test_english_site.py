"""The built English edition (issue 21): language, hreflang both ways, no Swedish
interface words, and every page with a lang."""

from __future__ import annotations

import re
from pathlib import Path

from swecan_site import urls

SITE_URL = "https://swecan.example.se/"
# Interface words of the Swedish site (Material's Swedish strings and our overrides').
SWEDISH_UI = [
    "Till innehållet", "Gå till innehållet", ">Sök<", 'aria-label="Sök', 'placeholder="Sök',
    '"Meny"', "Huvudmeny", "Innehåll på sidan", "Tillbaka till toppen", "Om webbplatsen",
    "Tillgänglighetsredogörelse", "Personuppgifter och kakor", "Öppna data<", ">Kontakt<",
    "Exempeldata", "Sidans historik", "Länk till det här avsnittet", "Tillbaka till fotnot",
    "sammankallande part", "Föregående", "Nästa", "Skriv för att", "Redigera", "Skriv ut",
]  # fmt: skip
HREFLANG = re.compile(r'<link rel="\s*alternate\s*" hreflang="(sv|en)" href="([^"]*)">')


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_english_pages_are_english_and_link_their_swedish_pages_both_ways(site: Path) -> None:
    assert (site / "en" / "index.html").is_file()
    for swedish, english in urls.TRANSLATIONS.items():
        en_page, sv_page = html_of(site, english), html_of(site, swedish)
        assert '<html lang="en"' in en_page, english
        assert '<html lang="sv"' in sv_page, swedish
        assert ("sv", SITE_URL + swedish) in HREFLANG.findall(en_page), english
        assert ("en", SITE_URL + english) in HREFLANG.findall(sv_page), swedish
        assert 'hreflang="sv" lang="sv"' in en_page and ">Svenska</a>" in en_page
        assert 'hreflang="en" lang="en"' in sv_page and ">English</a>" in sv_page
        # Material's exact selector must not match (it would fetch <href>/sitemap.xml)
        assert '<link rel="alternate" hreflang' not in en_page + sv_page


def test_no_english_page_carries_a_swedish_interface_word(site: Path) -> None:
    for english in urls.TRANSLATIONS.values():
        page = html_of(site, english)
        # Swedish from the data is allowed inside lang="sv" (and the link to Svenska):
        outside = re.sub(r'<(\w+)[^>]*\blang="sv"[^>]*>.*?</\1>', "", page, flags=re.S)
        found = [w for w in SWEDISH_UI if w in outside]
        assert found == [], (english, found)


def test_every_page_has_a_language(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    missing = [
        p for p in pages if not re.search(r'<html[^>]* lang="(sv|en)"', p.read_text("utf-8"))
    ]
    assert missing == []
    english = [p for p in pages if '<html lang="en"' in p.read_text("utf-8")]
    assert len(english) >= len(urls.TRANSLATIONS) >= 5
    assert all(p.relative_to(site).parts[0] == "en" for p in english)


def test_english_search_and_swedish_pages_unchanged(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text("utf-8")
    assert '"lang":["sv","en"]' in index.replace(" ", "")
    assert '"location":"en/meetings/"' in index.replace(" ", "")
