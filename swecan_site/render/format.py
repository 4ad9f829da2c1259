"""Escaping of data for Markdown pages (dates come from :mod:`swecan_site.labels`).

Independent of the machine's locale: the build must give the same pages on
every machine.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

from ..labels import sv_date, sv_time
from ..markup import html_text, plain_text

__all__ = [
    "anchor", "cell", "hostname", "mailto", "sv_date", "sv_time", "text", "url", "yaml_str",
]  # fmt: skip


def text(value: object) -> str:
    """Data for running Markdown text: shown as written, never markup (see markup.py)."""
    return plain_text(value)


def cell(value: object) -> str:
    """Data for a Markdown table cell, a heading or link text: inert and on one line."""
    return plain_text(value, one_line=True)


def yaml_str(value: object) -> str:
    """A front-matter value the theme prints as HTML (title, description): escaped."""
    return json.dumps(html_text(value), ensure_ascii=False)


def url(value: object) -> str:
    """A validated http(s) URL as a Markdown link destination (no breaking characters)."""
    return quote(str(value), safe=":/?#[]@!$&'*+,;=%~-._")


def mailto(address: object) -> str:
    """A validated e-mail address as a mailto: link destination."""
    return "mailto:" + quote(str(address), safe="@")


def hostname(value: object) -> str:
    """'https://www.cancercentrum.se/x' -> 'cancercentrum.se', as inert link text."""
    host = urlsplit(str(value)).hostname or str(value)
    return cell(host.removeprefix("www."))


def anchor(identifier: str) -> str:
    """A stable, lower-case HTML id: 'B-2026-07' -> 'b-2026-07'."""
    return identifier.lower().replace("ä", "a").replace("å", "a").replace("ö", "o")
