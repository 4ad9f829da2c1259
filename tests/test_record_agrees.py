"""Issue 17: the record agrees with itself – one fact, one rendering.

The shipped data on 2026-12-04, the day after the partnership meeting of
2026-12-03 that the kansli has not yet reported as held: every page, list
and export that shows a fact must show the same one. Expected values come
from the data files (the meeting's date and status, the attendance list),
never from the renderer.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

from swecan_site.check import check
from swecan_site.loader import load
from swecan_site.models import BodyName, MeetingStatus
from swecan_site.outputs import write_all
from swecan_site.public import PublicView
from swecan_site.site_files import pages

from .conftest import REPO

AS_OF = date(2026, 12, 4)
STALE = "2026-12-03-partnerskapet"  # planerat in its mote.yaml, its date has passed


@pytest.fixture(scope="module")
def built() -> tuple[PublicView, dict[str, str], dict[str, bytes]]:
    view = PublicView(check(REPO, AS_OF), base_url="https://swecan.example.se/")
    return view, pages(view), write_all(view)


@pytest.fixture(scope="module")
def data():
    dataset = load(REPO).dataset
    assert dataset is not None
    return dataset


def _section(page: str, heading: str) -> str:
    return page.split(heading, 1)[1].split("\n## ", 1)[0] if heading in page else ""


def test_the_shipped_data_has_the_stale_meeting(data) -> None:
    meeting = data.meeting(STALE)
    assert meeting.status is MeetingStatus.PLANNED and meeting.date < AS_OF


def test_a_meeting_not_reported_as_held_reads_the_same_everywhere(built) -> None:
    _, md, files = built
    index = md["moten/index.md"]
    assert STALE not in _section(index, "## Genomförda möten")
    assert STALE not in _section(index, "## Kommande möten")
    assert STALE in _section(index, "## Möten som väntar på uppgifter")
    own = md[f"moten/{STALE}.md"]
    assert "| Status | **Planerat, men uppgift saknas om att mötet har hållits** |" in own
    start = _section(md["index.md"], "## Nästa möte")
    assert STALE in start and "uppgift saknas om att mötet har hållits" in start
    meetings = json.loads(files["data/moten.json"])["data"]
    assert {m["id"].rsplit("#", 1)[-1]: m["meetingState"] for m in meetings}[STALE] == (
        "ej rapporterat"
    )
    rows = csv.DictReader(io.StringIO(files["data/moten.csv"].decode("utf-8-sig")))
    assert {r["id"]: r["status"] for r in rows}[STALE] == "ej rapporterat"


def test_a_meeting_page_counts_attendance_against_the_quorums_members(built, data) -> None:
    _, md, _ = built
    checked = 0
    for meeting in data.meetings:
        if meeting.body is not BodyName.PARTNERSHIP or meeting.status is not MeetingStatus.HELD:
            continue
        page = md[f"moten/{meeting.meeting_id}.md"]
        present = re.search(r"(\d+) närvarande av (\d+) partners", page)
        assert present and int(present[1]) == len(meeting.attendance)
        totals = {int(m) for m in re.findall(r"\d+ av (\d+) deltog", page)}
        assert totals <= {int(present[2])}, (meeting.meeting_id, totals, present[2])
        checked += bool(totals)
    assert checked >= 2


def test_a_late_protocol_is_flagged_in_the_list_exactly_when_its_verdict_fails(built) -> None:
    _, md, _ = built
    index = md["moten/index.md"]
    for meeting_id in ("2026-10-01-partnerskapet", "2026-06-10-partnerskapet"):
        page = md[f"moten/{meeting_id}.md"]
        sc304 = next(line for line in page.splitlines() if line.startswith("| [SC304]"))
        late = "**Ej uppfyllt**" in sc304
        row = next(line for line in index.splitlines() if f"({meeting_id}.md)" in line)
        assert ("försenat" in row) == late, (meeting_id, row)
        protocol_row = next(line for line in page.splitlines() if line.startswith("| Protokoll |"))
        assert ("försenat" in protocol_row) == late
    # 2026-10-01's protocol was finished on 17 October, two days after its deadline
    assert "försenat (frist 15 oktober 2026)" in index


def test_a_meetings_compliance_table_lists_each_rule_once(built) -> None:
    _, md, _ = built
    tables = 0
    for path, page in md.items():
        if not path.startswith("moten/") or "## Efterlevnad av arbetsordningen" not in page:
            continue
        rows = re.findall(
            r"^\| \[(SC\d{3})\]", _section(page, "## Efterlevnad av arbetsordningen"), re.M
        )
        assert len(rows) == len(set(rows)), (path, rows)
        tables += 1
    assert tables >= 4


def test_every_compliance_page_carries_the_example_notice(built) -> None:
    view, md, _ = built
    assert view.any_example
    compliance = [p for p in md if p.startswith("efterlevnad/")]
    assert len(compliance) > 30
    missing = [p for p in compliance if '!!! warning "Exempeldata"' not in md[p]]
    assert missing == []


def test_no_year_page_before_its_year_begins(built) -> None:
    view, md, _ = built
    years = {int(m[1]) for p in md if (m := re.fullmatch(r"efterlevnad/(\d{4})\.md", p))}
    assert years and max(years) == AS_OF.year
    assert set(view.findings_by_year()) == years


# --- findable data: the files beside the records they hold ------------------------------


@pytest.fixture(scope="module")
def before_meeting() -> tuple[PublicView, dict[str, str], dict[str, bytes]]:
    view = PublicView(check(REPO, date(2026, 11, 22)), base_url="https://swecan.example.se/")
    return view, pages(view), write_all(view)


def test_a_planned_meetings_page_offers_its_own_event(before_meeting) -> None:
    from icalendar import Calendar

    _, md, files = before_meeting
    page = md[f"moten/{STALE}.md"]
    row = next(line for line in page.splitlines() if line.startswith("| Kalender |"))
    assert f"[Lägg till i kalender](../kalender/moten/{STALE}.ics)" in row
    own = Calendar.from_ical(files[f"kalender/moten/{STALE}.ics"]).walk("VEVENT")
    everything = Calendar.from_ical(files["kalender/swecan.ics"]).walk("VEVENT")
    shared = [e for e in everything if str(e["uid"]) == str(own[0]["uid"])]
    assert len(own) == 1 and len(shared) == 1
    for key in ("uid", "sequence", "summary", "location", "url"):
        assert str(own[0][key]) == str(shared[0][key]), key
    assert own[0]["dtstart"].dt == shared[0]["dtstart"].dt
    # a held meeting is not added to a calendar from its page
    assert "| Kalender |" not in md["moten/2026-06-10-partnerskapet.md"]


def test_the_record_pages_link_their_data_and_subscriptions(before_meeting) -> None:
    _, md, files = before_meeting
    for page, names in {
        "beslut/index.md": ["data/beslut.csv", "data/kalkylblad/beslut.csv", "flode/beslut.xml"],
        "moten/index.md": ["data/moten.csv", "kalender/swecan.ics", "flode/protokoll.xml"],
        "efterlevnad/index.md": ["data/efterlevnad.csv"],
        "partners/index.md": ["data/partners.csv", "data/kalkylblad/partners.csv"],
    }.items():
        for name in names:
            assert f"](../{name})" in md[page], (page, name)
            assert name in files, name


def test_permanent_addresses_are_full_links(before_meeting) -> None:
    _, md, _ = before_meeting
    address = "https://swecan.example.se/moten/2026-06-10-partnerskapet/"
    assert (
        f"| Permanent adress | [{address}]({address}) |" in md["moten/2026-06-10-partnerskapet.md"]
    )
