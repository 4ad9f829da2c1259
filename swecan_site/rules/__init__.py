"""The rule registry: an explicit list, in the order the docs present them."""

from __future__ import annotations

from . import (
    committee,
    decisions,
    evidence,
    files,
    integrity,
    links,
    markup,
    matters,
    meetings,
    partners,
    privacy,
    publication,
    review,
)
from .base import Context, Result, Rule, Status, SubjectKind, SubjectRef

REGISTRY: list[Rule] = [
    *files.RULES,
    *markup.RULES,
    *links.RULES,
    *integrity.RULES,
    *publication.RULES,
    *meetings.RULES,
    *decisions.RULES,
    *matters.RULES,
    *partners.RULES,
    *committee.RULES,
    *review.RULES,
    *privacy.RULES,
    *evidence.RULES,
]

BY_ID: dict[str, Rule] = {r.id: r for r in REGISTRY}

# Rules whose verdicts a page shows in a place of its own. Pages and outputs name
# them by these handles, never by their IDs (an ID is the rule's, not the page's).
QUORUM: Rule = meetings.quorum
PROTOCOL_IN_TIME: Rule = meetings.protocol_in_time
ANNUAL_REPORTS: Rule = publication.annual_reports
RULES_CHANGE: Rule = decisions.rules_change  # §9: a change of the arbetsordning needs 2/3

AREAS = {
    "files": "Filer och format",
    "markup": "Det som publiceras (text, HTML och länkar)",
    "links": "Länkar inom webbplatsen",
    "integrity": "Hänvisningar och id",
    "publication": "Publicering (§7)",
    "meetings": "Sammanträden (§3)",
    "decisions": "Beslut (§4, §9)",
    "matters": "Ärenden (§4.2)",
    "partners": "Partners (§5, §8.1)",
    "committee": "Arbetsutskott och ordförande (§2.2, §8.2)",
    "review": "Översyn och uppföljning (§8.3, §9)",
    "privacy": "Personuppgifter",
    "evidence": "Versionshistoriken (git)",
}

__all__ = [
    "ANNUAL_REPORTS",
    "AREAS",
    "BY_ID",
    "PROTOCOL_IN_TIME",
    "QUORUM",
    "REGISTRY",
    "RULES_CHANGE",
    "Context",
    "Result",
    "Rule",
    "Status",
    "SubjectKind",
    "SubjectRef",
]
