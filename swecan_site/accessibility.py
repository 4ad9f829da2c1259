"""The evidence behind the tillgänglighetsredogörelse (lag 2018:1937, MDFFS 2019:2).

``content/tillganglighet.yaml`` lists the known defects (WCAG criterion, page,
description, reason, planned fix date) and the reviews done; the renderer
writes the statement from it and from ``AUTOMATED_CRITERIA``, the criteria the
browser tests check on every build (tests/site/test_keyboard.py marks each test
with its criteria; tests/site/test_statement.py fails if the statement claims a
criterion that a test shows failing or that no test checks).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from .models import IsoDate, Node, Text

ACCESSIBILITY_FILE = "tillganglighet.yaml"  # under content/

# The version of WCAG the statement judges against (level AA). EN 301 549
# v3.2.1, which the law points to, refers to WCAG 2.1; 2.2 adds criteria to it.
WCAG_VERSION = "WCAG 2.2"

# The WCAG 2.2 criteria the browser tests check at 320, 640 and 1280 px (see the
# markers in tests/site/test_keyboard.py and test_presentation.py), with their
# Swedish names (DIGG's; 2.4.11 and 2.5.8, new in 2.2, in our translation).
AUTOMATED_CRITERIA = {
    "1.3.1": "Information och relationer",
    "1.4.3": "Kontrast (minimum)",
    "1.4.10": "Anpassning till skärmstorlek",
    "2.1.1": "Tangentbord",
    "2.4.1": "Möjlighet att hoppa över block",
    "2.4.2": "Sidans titel",
    "2.4.3": "Fokusordning",
    "2.4.7": "Synligt fokus",
    "2.4.11": "Fokus inte skymt (minimum)",
    "2.5.8": "Målstorlek (minimum)",
    "3.1.1": "Sidans språk",
    "4.1.2": "Namn, roll, värde",
    "4.1.3": "Statusmeddelanden",
}
# Names of further criteria a known defect may name (the statement prints them).
CRITERION_NAMES = {
    **AUTOMATED_CRITERIA,
    "1.1.1": "Icke-textuellt innehåll",
    "1.3.2": "Meningsfull ordningsföljd",
    "1.4.1": "Användning av färg",
    "1.4.4": "Ändra textstorlek",
    "1.4.11": "Kontrast för icke-textuellt innehåll",
    "1.4.12": "Textavstånd",
    "1.4.13": "Innehåll vid hovring eller fokus",
    "2.4.4": "Syfte med länk (i sitt sammanhang)",
    "2.4.5": "Olika sätt",
    "2.4.6": "Rubriker och etiketter",
    "3.1.2": "Språk för delar av sidan",
    "3.2.3": "Konsekvent navigering",
    "3.3.2": "Etiketter eller instruktioner",
}
CRITERION = r"^[1-4]\.[1-9]\.[0-9]{1,2}$"


class Conformance(StrEnum):
    FULL = "förenlig"
    PARTIAL = "delvis förenlig"
    NONE = "inte förenlig"


class ReviewMethod(StrEnum):
    AUTOMATED = "automatisk"
    KEYBOARD = "manuell med tangentbord"
    SCREEN_READER = "manuell med skärmläsare"


class Defect(Node):
    criterion: str = Field(alias="kriterium", pattern=CRITERION)
    pages: list[Text] = Field(alias="sidor", min_length=1)
    description: Text = Field(alias="beskrivning")
    reason: Text = Field(alias="orsak")
    fix_by: IsoDate = Field(alias="åtgärdas_senast")


class Review(Node):
    day: IsoDate = Field(alias="datum")
    method: ReviewMethod = Field(alias="metod")
    description: Text = Field(alias="beskrivning")


class AccessibilityFile(Node):
    example: bool = Field(default=False, alias="exempeldata")
    standard: Text = Field(alias="standard")
    conformance: Conformance = Field(alias="förenlighet")
    published: IsoDate = Field(alias="publicerad")
    updated: IsoDate = Field(alias="uppdaterad")
    next_review: IsoDate = Field(alias="nästa_granskning")
    reviews: list[Review] = Field(alias="granskningar", min_length=1)
    defects: list[Defect] = Field(default_factory=list, alias="brister")

    @model_validator(mode="after")
    def _honest(self) -> AccessibilityFile:
        if self.conformance is Conformance.FULL and self.defects:
            raise ValueError("'förenlighet: förenlig' går inte ihop med kända brister")
        if self.conformance is Conformance.FULL and not self.screen_reader_reviewed():
            raise ValueError(
                "'förenlighet: förenlig' kräver en granskning med metod 'manuell med skärmläsare'"
            )
        return self

    @property
    def wcag(self) -> str:
        """The WCAG version the statement names ("WCAG 2.2")."""
        return WCAG_VERSION

    def screen_reader_reviewed(self) -> bool:
        return any(r.method is ReviewMethod.SCREEN_READER for r in self.reviews)

    def defect_criteria(self) -> set[str]:
        return {d.criterion for d in self.defects}

    def claimed_criteria(self) -> dict[str, str]:
        """Criteria the automated tests check and no known defect names."""
        known = self.defect_criteria()
        return {c: name for c, name in AUTOMATED_CRITERIA.items() if c not in known}

    @staticmethod
    def criterion_name(criterion: str) -> str:
        name = CRITERION_NAMES.get(criterion)
        return f"{criterion} {name}" if name else criterion

    def last_review(self) -> date:
        return max(r.day for r in self.reviews)
