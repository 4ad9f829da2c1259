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


# The kansli's words in a rule's docstring: the parameter a number comes from. The
# public reads what the rule means; `explain` and the handbook keep the parameter.
_PARAMETER_ALONE = re.compile(r"\s*\(parametern\s+\w+\)")
_PARAMETER_FIRST = re.compile(r"\(parametern\s+\w+[,;:]\s+")
_PARAMETER_AFTER = re.compile(r",\s+parametern\s+\w+")


def public_explanation(text: str) -> str:
    """A rule's docstring for the public rule page: what the rule means and why, without
    the fixing instructions (Åtgärd) and the parameter names, which are for the kansli."""
    parts = re.split(r"^Åtgärd:", text, maxsplit=1, flags=re.MULTILINE)
    text = parts[0].rstrip() + "\n"
    text = _PARAMETER_ALONE.sub("", text)
    text = _PARAMETER_FIRST.sub("(", text)
    text = _PARAMETER_AFTER.sub("", text)
    return explanation_markdown(text).replace("**Vad:**", "**Vad regeln bedömer:**", 1)
