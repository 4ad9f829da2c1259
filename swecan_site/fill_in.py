"""The one marker for text the kansli must fill in: ``[FYLL I: …]``.

The scaffolding (``swecan-site ny …``) writes it wherever it cannot know the
text; rule SC039 warns when one reaches what the site publishes. Bracketed so
that it reads as a note, in capitals so that it stands out. The bracketed form
is recognised in any case (``[fyll i adressen]``); the bare form only in
capitals (``FYLL I``), because "fyll i blanketten" is ordinary Swedish.
"""

from __future__ import annotations

import re

MARKER = re.compile(r"(?i:\[[ \t]*fyll[ \t]+i\b[^\]\n]*\])|\bFYLL[ \t]+I\b")


def marker(what: str) -> str:
    """The marker asking for ``what``: ``[FYLL I: vad som beslutades]``."""
    return f"[FYLL I: {what}]"


__all__ = ["MARKER", "marker"]
