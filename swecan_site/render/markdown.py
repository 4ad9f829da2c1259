"""Transformations of Markdown written by people, for inclusion in generated pages."""

from __future__ import annotations

import re

from ..models import PARAGRAPH_HEADING

_HEADING = re.compile(r"^(#{1,5})(?=\s)", re.MULTILINE)
_FIRST_H1 = re.compile(r"^#\s.*\n", re.MULTILINE)


def demote(markdown: str) -> str:
    """Push every heading one level down: the page has its own h1."""
    return _HEADING.sub(lambda m: m.group(1) + "#", markdown)


def protocol_markdown(markdown: str) -> str:
    """A protocol for inclusion on its meeting page, with #p-N anchors on '§ N' headings."""
    body = _FIRST_H1.sub("", markdown, count=1)
    body = demote(body)
    return PARAGRAPH_HEADING.sub(
        lambda m: f"{m.group(1)} § {m.group(2)}{m.group(3).rstrip()} {{ #p-{m.group(2)} }}", body
    )


def explanation_markdown(text: str) -> str:
    """'Vad: …' paragraphs of a rule's docstring as bold lead-ins."""
    return re.sub(r"^(Vad|Varför|Åtgärd):", r"**\1:**", text, flags=re.MULTILINE)
