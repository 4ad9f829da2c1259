"""The meetings as iCalendar (RFC 5545): /kalender/swecan.ics and one file per organ.

Every value is reproducible from the checkout: DTSTAMP is the as-of date (not
"now"), UIDs are ``<meeting-id>@<site host>`` and never change, and SEQUENCE
counts the significant revisions of the meeting in the git history (see
:func:`sequences`). Cancelled meetings stay in the feed with STATUS:CANCELLED,
so calendar clients remove them instead of keeping a stale entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .. import history, labels, urls, yamlpos
from ..dates import STOCKHOLM
from ..layout import MEETING_FILE, MEETINGS_DIR
from ..limits import MAX_FILE_BYTES
from ..models import BODY_NAMES, BodyName, Meeting, MeetingStatus
from ..public import PublicView
from .record import CatalogueEntry, DataFile, Output, per_view

TIMEZONE = STOCKHOLM
PRODID = "-//SweCan//swecan-site//SV"
ALL = "swecan"
NAMES = {
    ALL: "SweCan – alla möten",
    BodyName.PARTNERSHIP: "SweCan – partnerskapets sammanträden",
    BodyName.COMMITTEE: "SweCan – arbetsutskottets möten",
}
# The keys of mote.yaml whose change is a significant revision (RFC 5545 §3.8.7.4):
# when and where the meeting is, and whether it takes place at all.
SIGNIFICANT = ("datum", "tid", "sluttid", "form", "plats")


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "swecan.invalid"


def meeting_url(site_url: str, meeting: Meeting) -> str:
    return urls.absolute(site_url, urls.meeting(meeting.meeting_id))


def _significant(data: object) -> tuple | None:
    if not isinstance(data, dict):
        return None
    cancelled = data.get("status") == MeetingStatus.CANCELLED.value
    return (*(str(data.get(key)) for key in SIGNIFICANT), cancelled)


def _parse(raw: bytes) -> tuple | None:
    if len(raw) > MAX_FILE_BYTES:
        return None
    try:
        return _significant(yamlpos.parse(yamlpos.decode(raw)).data)
    except (yamlpos.YamlProblem, UnicodeDecodeError, ValueError):
        return None  # an old revision that does not parse tells nothing


def sequences(root: Path) -> dict[str, int]:
    """SEQUENCE per meeting id: how often its date, time, place, form or cancellation changed.

    Read from git: every committed version of ``meetings/<id>/mote.yaml`` (one
    ``git log`` and one ``git cat-file --batch`` for all meetings) and the file
    as it is now, compared field by field. The first version is 0; each later
    version that changes one of :data:`SIGNIFICANT` or cancels/reinstates the
    meeting adds 1. Outside a git checkout (or in a shallow clone, which lacks
    the history) every meeting has 0 – build from a full clone.
    """
    found = history.versions(root, MEETINGS_DIR, MEETING_FILE)
    blobs = history.contents(root, {b for v in found.values() for b in v})
    contents = {blob: _parse(raw) for blob, raw in blobs.items()}
    result = {}
    for meeting_id, blobs_of in found.items():
        states = [contents.get(b) for b in blobs_of]
        current = root / MEETINGS_DIR / meeting_id / MEETING_FILE
        if current.is_file() and not current.is_symlink():
            states.append(_parse(current.read_bytes()[: MAX_FILE_BYTES + 1]))
        known = [s for s in states if s is not None]
        result[meeting_id] = sum(1 for a, b in pairwise(known) if a != b)
    return result


def _description(meeting: Meeting, url: str) -> str:
    lines = [f"{BODY_NAMES[meeting.body]}, {labels.FORM_NAMES[meeting.form]}."]
    if meeting.status is MeetingStatus.CANCELLED:
        lines.append("Mötet är inställt.")
    if meeting.example:
        lines.append("Exempeldata: ett påhittat möte, inte ett av SweCans verkliga möten.")
    lines.append(f"Dagordning, underlag och protokoll: {url}")
    return "\n".join(lines)


def event(meeting: Meeting, site_url: str, as_of: date, sequence: int) -> Event:
    url = meeting_url(site_url, meeting)
    item = Event()
    item.add("uid", f"{meeting.meeting_id}@{host(site_url)}")
    item.add("dtstamp", datetime.combine(as_of, time(0, 0), UTC))
    start = datetime.combine(meeting.date, meeting.start, TIMEZONE)
    item.add("dtstart", start)
    if meeting.end is not None and meeting.end > meeting.start:
        item.add("dtend", datetime.combine(meeting.date, meeting.end, TIMEZONE))
    item.add("sequence", sequence)
    item.add("summary", labels.meeting_name(meeting))
    if (location := labels.meeting_location(meeting)) is not None:
        item.add("location", location)
    item.add("description", _description(meeting, url))
    item.add("url", url)
    item.add("status", "CANCELLED" if meeting.status is MeetingStatus.CANCELLED else "CONFIRMED")
    item.add("transp", "OPAQUE")
    item.add("class", "PUBLIC")
    item.add("categories", [BODY_NAMES[meeting.body]])
    return item


def calendar(name: str, meetings: list[Meeting], as_of: date, events: dict[str, Event]) -> bytes:
    """The calendar ``name`` of ``meetings``, whose events are made once (:func:`_events`)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE.key)
    cal.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    for meeting in sorted(meetings, key=lambda m: (m.date, m.start, m.meeting_id)):
        cal.add_component(events[meeting.meeting_id])
    if meetings:
        first = min(m.date for m in meetings).replace(month=1, day=1)
        last = max(m.date for m in meetings).replace(month=12, day=31) + timedelta(days=1)
    else:
        first = last = as_of
    cal.add_missing_timezones(first_date=first, last_date=last)
    if not cal.timezones:  # no events: still name the zone the calendar is meant for
        cal.add_component(_empty_zone(first))
    return cal.to_ical()


def _empty_zone(day: date):
    probe = Calendar()
    item = Event()
    item.add("dtstart", datetime.combine(day, time(12, 0), TIMEZONE))
    probe.add_component(item)
    probe.add_missing_timezones(first_date=day, last_date=day + timedelta(days=366))
    return probe.timezones[0]


@per_view
def _events(view: PublicView) -> dict[str, Event]:
    """Each meeting's event, made once for the calendars it is in."""
    seqs = sequences(view.root)
    return {
        m.meeting_id: event(m, view.base_url, view.as_of, seqs.get(m.meeting_id, 0))
        for m in view.meetings()
    }


def _calendar_file(body: BodyName | None) -> DataFile:
    """The calendar of every meeting (``body`` None) or of one organ's."""
    name = NAMES[body or ALL]

    def build(view: PublicView) -> bytes:
        meetings = [m for m in view.meetings() if body is None or m.body is body]
        return calendar(name, meetings, view.as_of, _events(view))

    path = urls.calendar(body.value if body else None)
    return DataFile(path, f"{name} (iCalendar)", name, "text/calendar", build, dataset="kalender")


# Every meeting in the public view (a meeting is public once it is in the data).
FILES: list[DataFile] = [_calendar_file(None), *(_calendar_file(body) for body in BodyName)]
DATASETS = [
    CatalogueEntry(
        "kalender",
        "SweCans möteskalender",
        "Partnerskapets och arbetsutskottets möten (datum, tid, plats, form, inställda möten) "
        "som iCalendar (RFC 5545) att prenumerera på.",
        urls.MEETINGS,
        ("möten", "kalender", "sammanträden"),
    )
]


def meeting_files(view: PublicView) -> list[DataFile]:
    """A file per planned meeting, for its page's "Lägg till i kalender": the same
    event (UID, SEQUENCE) as in the calendars, so a client that has both keeps one."""

    def build_for(meeting: Meeting) -> Callable[[PublicView], bytes]:
        def build(view: PublicView) -> bytes:
            return calendar(labels.meeting_name(meeting), [meeting], view.as_of, _events(view))

        return build

    return [
        DataFile(
            urls.meeting_event(m.meeting_id),
            f"{labels.meeting_name(m)} (iCalendar)",
            labels.meeting_name(m),
            "text/calendar",
            build_for(m),
        )
        for m in view.upcoming()
    ]


OUTPUT = Output("calendar", FILES, DATASETS, each=meeting_files)
