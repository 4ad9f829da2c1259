"""Transformations of Markdown written by people, for inclusion in generated pages.

``demote`` and ``protocol_markdown`` live in :mod:`swecan_site.markup`, because
``check`` runs the allowlist over exactly what the renderer embeds.
"""

from __future__ import annotations

import re

from ..markup import demote, protocol_markdown

__all__ = ["demote", "explanation_markdown", "protocol_markdown"]


def explanation_markdown(text: str) -> str:
    """'Vad: …' paragraphs of a rule's docstring as bold lead-ins."""
    return re.sub(r"^(Vad|Varför|Åtgärd):", r"**\1:**", text, flags=re.MULTILINE)
