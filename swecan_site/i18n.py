"""The site's own interface words in Swedish and English (issue 21).

Material's interface strings (skip link, search placeholder, "back to top",
footer) come from its ``partials/languages/<lang>.html``; our overrides choose
that file per page (``overrides/partials/language.html``, by
:func:`swecan_site.urls.language`). The words our own overrides add – the menu
and search buttons, landmark names, footer links, the language switch – are
here, one table per language, so that no English page carries a Swedish one.
The plugin gives the theme this module as the Jinja global ``swecan_i18n``.
"""

from __future__ import annotations

import re

from . import urls

LANGUAGES = ("sv", "en")

UI: dict[str, dict[str, str]] = {
    "sv": {
        "menu": "Meny",
        "search": "Sök",
        "search_landmark": "Sök på webbplatsen",
        "search_hint": "Gå till sökresultaten med piltangenterna. Esc stänger sökningen.",
        "main_nav": "Huvudmeny",
        "on_this_page": "Innehåll på sidan",
        "about_site": "Om webbplatsen",
        "statement": "Tillgänglighetsredogörelse",
        "privacy": "Personuppgifter och kakor",
        "contact": "Kontakt",
        "open_data": "Öppna data",
        "copyright": "",  # the Swedish line is mkdocs.yml's copyright
        "switch": "English",  # the link to the other language, in that language
        "switch_title": "This page in English",
        "feed_all": "SweCan – allt som publiceras",
        "feed_protocols": "SweCan – protokoll",
        "feed_decisions": "SweCan – beslut",
        "feed_reports": "SweCan – rapporter",
        "feed_rules": "SweCan – arbetsordning",
        "feed_matters": "SweCan – ärenden",
        "feed_calendar": "SweCan – möteskalender",
        "feed_changelog": "SweCan – ändringslogg",
    },
    "en": {
        "menu": "Menu",
        "search": "Search",
        "search_landmark": "Search the website",
        "search_hint": "Use the arrow keys to reach the results. Esc closes the search.",
        "main_nav": "Main menu",
        "on_this_page": "On this page",
        "about_site": "About the website",
        "statement": "Accessibility statement",
        "privacy": "Personal data and cookies",
        "contact": "Contact",
        "open_data": "Open data",
        "copyright": "SweCan · convened by Socialstyrelsen, the Swedish National Board of "
        "Health and Welfare",
        "switch": "Svenska",
        "switch_title": "Den här sidan på svenska",
        "feed_all": "SweCan – everything published (in Swedish)",
        "feed_protocols": "SweCan – minutes (in Swedish)",
        "feed_decisions": "SweCan – decisions (in Swedish)",
        "feed_reports": "SweCan – reports (in Swedish)",
        "feed_rules": "SweCan – rules of procedure (in Swedish)",
        "feed_matters": "SweCan – matters (in Swedish)",
        "feed_calendar": "SweCan – meeting calendar (in Swedish)",
        "feed_changelog": "SweCan – change log (in Swedish)",
    },
}

# The English edition's menu: its own pages, in the order of the Swedish menu.
ENGLISH_NAV: list[tuple[str, str]] = [
    (urls.EN_START, "About SweCan"),
    (urls.EN_PARTNERS, "Partners"),
    (urls.EN_ORGANISATION, "Chairs and contact"),
    (urls.EN_MEETINGS, "Meetings"),
    (urls.EN_DECISIONS, "Decisions"),
    (urls.EN_COMPLIANCE, "Compliance"),
    (urls.EN_OPEN_DATA, "Open data"),
    (urls.EN_ACCESSIBILITY, "Accessibility statement"),
    (urls.EN_PRIVACY, "Personal data and cookies"),
]

# Footer links: (key in UI, Swedish page, English page).
FOOTER = [
    ("statement", urls.page("tillganglighet"), urls.EN_ACCESSIBILITY),
    ("privacy", urls.page("personuppgifter"), urls.EN_PRIVACY),
    ("contact", urls.organisation_contact(), urls.EN_ORGANISATION + "#contact"),
    ("open_data", urls.OPEN_DATA, urls.EN_OPEN_DATA),
]

# Attributes the Markdown extensions write in Swedish (mkdocs.yml: toc's
# permalink_title, footnotes' BACKLINK_TITLE) -> the English page's words.
_HTML_WORDS_EN = [
    (re.compile(r'title="Länk till det här avsnittet"'), 'title="Link to this section"'),
    (re.compile(r'title="Tillbaka till fotnot (\d+) i texten"'), r'title="Back to footnote \1"'),
]


def ui(language: str, key: str) -> str:
    """One interface word in ``language`` ("sv" or "en")."""
    return UI[language if language in UI else "sv"][key]


def footer(language: str) -> list[tuple[str, str]]:
    """(label, site-relative URL) of the footer links in ``language``."""
    english = language == "en"
    return [(ui(language, key), en if english else sv) for key, sv, en in FOOTER]


def localise_html(html: str, url: str) -> str:
    """A page's HTML with the Markdown extensions' Swedish attribute texts in its language."""
    if urls.language(url) != "en":
        return html
    for swedish, english in _HTML_WORDS_EN:
        html = swedish.sub(english, html)
    return html
