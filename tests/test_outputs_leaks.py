"""Nothing unpublished leaks through the calendar, the feeds or the catalogue (issue 8, item 7)."""

from __future__ import annotations

import feedparser

from .conftest import AS_OF, DataRepo
from .outputs_support import HOST, outputs

DRAFT = "meetings/2026-11-12-arbetsutskottet"
DRAFT_DECISION = "B-2026-77"
MARKERS = ["HEMLIGT-UTKASTBESLUT-7731", "HEMLIG-BESLUTSTEXT-7731", "HEMLIGT-UNDERLAG-7731"]


def _hostile(repo: DataRepo) -> None:
    """A draft protocol with a decision, and a non-public underlag, all with markers."""
    repo.write(
        f"{DRAFT}/mote.yaml",
        repo.read(f"{DRAFT}/mote.yaml")
        + f"""
beslut:
  - id: {DRAFT_DECISION}
    paragraf: 3
    rubrik: {MARKERS[0]}
    text: {MARKERS[1]}
    metod: konsensus
""",
    )
    repo.replace(
        "meetings/2026-12-03-partnerskapet/mote.yaml",
        "Kansliets sammanställning av kandidater (publiceras efter beslut)",
        MARKERS[2],
    )


def test_no_draft_or_non_public_underlag_in_any_output(repo: DataRepo) -> None:
    _hostile(repo)
    found = outputs(repo.root, AS_OF)
    report = repo.check()
    meeting = report.dataset.meeting("2026-11-12-arbetsutskottet")
    assert meeting.decisions[0].id == DRAFT_DECISION  # the data really holds the draft decision
    sentences = [s.strip() for s in meeting.protocol_text.splitlines() if len(s.strip()) > 40]
    assert sentences
    for path, content in found.items():
        text = content.decode("utf-8")
        for marker in [*MARKERS, DRAFT_DECISION, *sentences]:
            assert marker not in text, (path, marker)
    protocols = feedparser.parse(found["flode/protokoll.xml"])
    assert f"tag:{HOST},2026:protokoll/2026-11-12-arbetsutskottet" not in {
        e.id for e in protocols.entries
    }
    # The meeting itself is public: it is in the calendar, without the draft.
    assert b"2026-11-12-arbetsutskottet@" in found["kalender/arbetsutskottet.ics"]
