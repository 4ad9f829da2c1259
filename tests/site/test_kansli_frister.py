"""The built site: Kommande frister at a stable URL, linked from Efterlevnad, with its calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from icalendar import Calendar


def test_frister_page_lists_the_deadlines(site: Path) -> None:
    page = (site / "efterlevnad" / "frister" / "index.html").read_text(encoding="utf-8")
    assert "Kommande frister" in page
    assert "17 december 2026" in page  # the 2026-12-03 meeting's protocol (§3.2)
    assert 'href="../../moten/2026-12-03-partnerskapet/"' in page
    assert "Kansliets mål" in page and "Arbetsordningens krav" in page
    assert 'href="../frister.ics"' in page


def test_efterlevnad_links_to_frister(site: Path) -> None:
    index = (site / "efterlevnad" / "index.html").read_text(encoding="utf-8")
    assert 'href="frister/"' in index


def test_frister_calendar_parses(site: Path) -> None:
    calendar = Calendar.from_ical((site / "efterlevnad" / "frister.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert date(2026, 12, 17) in {e.decoded("DTSTART") for e in events}
    assert all(str(e["UID"]).endswith("@frister.swecan") for e in events)
