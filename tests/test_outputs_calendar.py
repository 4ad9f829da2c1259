"""The iCalendar files (issue 8, item 3), read back by two independent clients."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import vobject

from .conftest import AS_OF, REPO, DataRepo, copy_data
from .outputs_support import HOST, SITE_URL, outputs

CANCELLED_DST = """\
organ: arbetsutskottet
rubrik: Möte på sommartidens första dag
datum: 2026-03-29
tid: "10:00"
sluttid: "11:30"
form: fysiskt
plats: Socialstyrelsen, Stockholm
status: inställt
"""


def _events_vobject(ics: bytes) -> list:
    cal = vobject.readOne(ics.decode("utf-8"))
    return list(getattr(cal, "vevent_list", []))


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    return outputs(REPO, AS_OF)


def test_one_calendar_for_all_and_one_per_organ(shipped) -> None:
    from swecan_site.loader import load

    data = load(REPO).dataset
    assert data is not None
    expected = {
        "kalender/swecan.ics": {m.meeting_id for m in data.meetings},
        "kalender/partnerskapet.ics": {
            m.meeting_id for m in data.meetings if m.body == "partnerskapet"
        },
        "kalender/arbetsutskottet.ics": {
            m.meeting_id for m in data.meetings if m.body == "arbetsutskottet"
        },
    }
    for path, ids in expected.items():
        ics = shipped[path]
        cal = icalendar.Calendar.from_ical(ics)
        uids = {str(e["UID"]) for e in cal.walk("VEVENT")}
        assert uids == {f"{i}@{HOST}" for i in ids}, path
        assert {str(e.uid.value) for e in _events_vobject(ics)} == uids
        assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
        assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH"


def test_event_fields_link_the_meeting_page(shipped) -> None:
    cal = icalendar.Calendar.from_ical(shipped["kalender/partnerskapet.ics"])
    event = next(
        e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("2026-03-12-partnerskapet@")
    )
    url = f"{SITE_URL}moten/2026-03-12-partnerskapet/"
    assert str(event["URL"]) == url
    assert url in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Socialstyrelsen, Rålambsvägen 3, Stockholm"
    assert event["DTSTART"].dt == datetime(2026, 3, 12, 9, 0, tzinfo=UTC)  # 10:00 CET
    assert event["DTEND"].dt == datetime(2026, 3, 12, 14, 30, tzinfo=UTC)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "Partnerskapets sammanträde 12 mars 2026" in str(event["SUMMARY"])


def test_dtstamp_is_the_as_of_date_and_output_is_reproducible(shipped) -> None:
    for path, ics in shipped.items():
        if not path.startswith("kalender/"):  # the meeting calendars (frister.ics: its own test)
            continue
        for event in icalendar.Calendar.from_ical(ics).walk("VEVENT"):
            assert event["DTSTAMP"].dt == datetime(2026, 11, 22, tzinfo=UTC)
    again = outputs(REPO, AS_OF)
    assert {k: v for k, v in again.items() if k.endswith(".ics")} == {
        k: v for k, v in shipped.items() if k.endswith(".ics")
    }
    later = outputs(REPO, date(2026, 11, 26))["kalender/swecan.ics"]
    assert b"DTSTAMP:20261126T000000Z" in later


def test_cancelled_meeting_on_the_dst_day(repo: DataRepo) -> None:
    """10:00 in Stockholm on 2026-03-29 (the first day of summer time) is 08:00Z."""
    repo.write("meetings/2026-03-29-arbetsutskottet/mote.yaml", CANCELLED_DST)
    ics = outputs(repo.root, AS_OF)["kalender/arbetsutskottet.ics"]
    uid = f"2026-03-29-arbetsutskottet@{HOST}"
    event = next(e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT") if e["UID"] == uid)
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert event["DTEND"].dt.astimezone(UTC) == datetime(2026, 3, 29, 9, 30, tzinfo=UTC)
    assert str(event["STATUS"]) == "CANCELLED"
    other = next(e for e in _events_vobject(ics) if e.uid.value == uid)
    assert other.dtstart.value.astimezone(UTC) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert other.status.value == "CANCELLED"
    # The day before is still winter time: 10:00 is 09:00Z.
    repo.write(
        "meetings/2026-03-28-arbetsutskottet/mote.yaml",
        CANCELLED_DST.replace("2026-03-29", "2026-03-28"),
    )
    ics = outputs(repo.root, AS_OF)["kalender/arbetsutskottet.ics"]
    day_before = next(
        e for e in _events_vobject(ics) if e.uid.value == f"2026-03-28-arbetsutskottet@{HOST}"
    )
    assert day_before.dtstart.value.astimezone(UTC) == datetime(2026, 3, 28, 9, 0, tzinfo=UTC)


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.se", *args],
        check=True,
        capture_output=True,
    )


def _sequence(root: Path, meeting_id: str) -> int:
    ics = outputs(root, AS_OF)["kalender/swecan.ics"]
    for event in icalendar.Calendar.from_ical(ics).walk("VEVENT"):
        if event["UID"] == f"{meeting_id}@{HOST}":
            return int(event["SEQUENCE"])
    raise AssertionError(meeting_id)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sequence_counts_significant_changes_in_git(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    meeting = "2026-12-03-partnerskapet"
    file = f"meetings/{meeting}/mote.yaml"
    assert _sequence(repo.root, meeting) == 0  # not a git checkout: no history, 0
    _git(repo.root, "init", "-q")
    _git(repo.root, "add", "-A")
    _git(repo.root, "commit", "-qm", "data")
    assert _sequence(repo.root, meeting) == 0
    text = repo.read(file)
    old_time = next(line for line in text.splitlines() if line.startswith("tid:"))
    repo.replace(file, old_time, 'tid: "09:00"')
    _git(repo.root, "commit", "-qam", "new time")
    assert _sequence(repo.root, meeting) == 1
    # A comment or a new title is no significant revision.
    repo.write(file, "# kommentar\n" + repo.read(file))
    _git(repo.root, "commit", "-qam", "comment")
    assert _sequence(repo.root, meeting) == 1
    # An uncommitted change of place counts too (the build is of the working tree).
    old_place = next(line for line in repo.read(file).splitlines() if line.startswith("plats:"))
    repo.replace(file, old_place, "plats: Göteborg")
    assert _sequence(repo.root, meeting) == 2
    assert _sequence(repo.root, "2026-03-12-partnerskapet") == 0
