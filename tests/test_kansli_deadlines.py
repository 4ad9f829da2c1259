"""Issue 9 (frister) and issue 8's typed results: subjects have kinds, deadlines are dates."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

from icalendar import Calendar

from swecan_site.check import check
from swecan_site.cli import main
from swecan_site.loader import load
from swecan_site.rules import Status, SubjectKind, SubjectRef

from .conftest import REPO, DataRepo

AS_OF = date(2026, 11, 20)


def frister(capsys, *args: str, root=REPO) -> tuple[int, str]:
    code = main(["--root", str(root), "frister", *args])
    out, _ = capsys.readouterr()
    return code, out


def test_every_result_has_a_typed_subject() -> None:
    report = check(REPO, AS_OF)
    assert report.evaluations
    for e in report.evaluations:
        assert isinstance(e.result.subject, SubjectRef)
        assert isinstance(e.result.subject.kind, SubjectKind)
        assert e.result.subject.id
    kinds = {e.result.subject.kind for e in report.evaluations}
    assert {SubjectKind.MEETING, SubjectKind.DECISION, SubjectKind.PARTNER} <= kinds
    assert SubjectKind.YEAR in kinds


def test_pending_deadlines_carry_their_date() -> None:
    report = check(REPO, AS_OF)
    sc304 = {
        e.result.subject.id: e.result
        for e in report.evaluations
        if e.rule.id == "SC304" and e.result.subject.kind is SubjectKind.MEETING
    }
    planned = sc304["2026-12-03-partnerskapet"]
    assert planned.status is Status.PENDING
    assert planned.due == date(2026, 12, 17)
    late = sc304["2026-10-01-partnerskapet"]  # finished on day 16: the deadline is kept
    assert late.status is Status.NOT_MET and late.due == date(2026, 10, 15)


def test_json_problem_keeps_subject_and_adds_kind_and_due(capsys) -> None:
    code = main(["--root", str(REPO), "check", "--as-of", "2026-11-22", "--format", "json"])
    out, _ = capsys.readouterr()
    assert code == 0
    [problem] = json.loads(out)
    assert problem["subject"] == "2026-10-01-partnerskapet"
    assert problem["subject_kind"] == "meeting"
    assert problem["subject_id"] == "2026-10-01-partnerskapet"
    assert problem["due"] == "2026-10-15"


def test_frister_acceptance(capsys) -> None:
    code, out = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20")
    assert code == 0
    lines = out.splitlines()
    protocol = [line for line in lines if line.startswith("2026-12-17")]
    assert protocol and "2026-12-03-partnerskapet" in protocol[0] and "§3.2" in protocol[0]
    chairs = [line for line in lines if line.startswith("2026-12-31")]
    assert any("ordförande i partnerskapet" in line for line in chairs)
    assert any("vice ordförande i partnerskapet" in line for line in chairs)
    assert "meetings/2026-12-03-partnerskapet/mote.yaml:" in out
    # date order
    dates = [line[:10] for line in lines if line[:4].isdigit()]
    assert dates == sorted(dates)


def test_frister_window(capsys) -> None:
    _, out = frister(capsys, "--dagar", "10", "--as-of", "2026-11-20")
    assert "2026-12-17" not in out and "2026-12-31" not in out
    assert "2026-11-26" in out  # the AU protocol: a kansli target, labelled so
    assert "kansliets mål" in out


def test_frister_json(capsys) -> None:
    _, out = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "json")
    items = json.loads(out)
    by_due = {(i["due"], i["subject_id"], i["rule"]) for i in items}
    assert ("2026-12-17", "2026-12-03-partnerskapet", "SC304") in by_due
    target = [i for i in items if i["rule"] == "SC207"]
    assert target and all(i["basis"] == "mål" for i in target)
    assert all(i["file"] and i["line"] >= 1 for i in items)


def test_frister_ics_is_reproducible_and_parses(capsys) -> None:
    _, first = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "ics")
    _, second = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "ics")
    assert first == second
    calendar = Calendar.from_ical(first)
    events = list(calendar.walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    starts = {e.decoded("DTSTART") for e in events}
    assert date(2026, 12, 17) in starts and date(2026, 12, 31) in starts
    stamp = events[0].decoded("DTSTAMP")
    assert stamp.date() in (date(2026, 11, 19), date(2026, 11, 20))  # midnight in Stockholm
    # another as-of date keeps the UID of the same obligation
    _, later = frister(capsys, "--dagar", "40", "--as-of", "2026-11-25", "--format", "ics")
    later_uids = {str(e["UID"]) for e in Calendar.from_ical(later).walk("VEVENT")}
    protocol_uid = next(str(e["UID"]) for e in events if e.decoded("DTSTART") == date(2026, 12, 17))
    assert protocol_uid in later_uids


def test_roll_due_at_the_first_meeting_of_year_two(repo: DataRepo, capsys) -> None:
    # A planned first meeting of 2027 (verksamhetsår 2): the röstlängd falls due on its date.
    repo.write(
        "meetings/2027-02-11-partnerskapet/mote.yaml",
        'organ: partnerskapet\ndatum: 2027-02-11\ntid: "10:00"\nform: fysiskt\n'
        "plats: Stockholm\nstatus: planerat\n",
    )
    report = repo.check(date(2026, 12, 20))
    assert not report.data_errors, report.data_errors
    roll = [e.result for e in report.evaluations if e.rule.id == "SC504" and e.result.due]
    assert roll and roll[0].due == date(2027, 2, 11) and roll[0].status is Status.PENDING
    _, out = frister(capsys, "--dagar", "60", "--as-of", "2026-12-20", root=repo.root)
    assert "2027-02-11" in out and "SC504" in out


# --- a term's end when the term length changes during the term ---------------------------

AU_CHAIR = "ordförande i arbetsutskottet"
AU_CHAIR_TERM = "partner: rcc-vast\n      från: 2026-04-02\n      till: 2027-04-01\n"


def open_au_chair_term(repo: DataRepo, *versions: str) -> None:
    """The AU chair's mandate from 2026-04-02 without ``till``; chair_term_years per version."""
    repo.replace("organisation.yaml", AU_CHAIR_TERM, "partner: rcc-vast\n      från: 2026-04-02\n")
    repo.replace(
        "swecan.yaml",
        "    report_deadline_days: 120\n",
        "    report_deadline_days: 120\n" + "".join(versions),
    )


def au_chair_deadlines(repo: DataRepo, capsys, as_of: str) -> list[dict]:
    code, out = frister(
        capsys, "--dagar", "30", "--as-of", as_of, "--format", "json", root=repo.root
    )
    assert code == 0, out
    return [i for i in json.loads(out) if i["subject_id"] == AU_CHAIR]


def au_chair_too_long(repo: DataRepo, as_of: date) -> list[str]:
    report = repo.check(as_of)
    assert not report.data_errors, report.data_errors
    return [
        e.result.message
        for e in report.evaluations
        if e.rule.id == "SC603"
        and e.result.status is Status.NOT_MET
        and e.result.subject.id == "ordförande (rcc-vast)"
    ]


def test_term_end_uses_the_term_length_when_the_term_began_longer_later(
    repo: DataRepo, capsys
) -> None:
    # 1 year when the mandate began (2026-04-02), 2 years from 2026-06-01: the mandate
    # still ends 2027-04-01, and the deadline says so before it passes.
    open_au_chair_term(repo, "  - in_force_from: 2026-06-01\n    chair_term_years: 2\n")
    [item] = au_chair_deadlines(repo, capsys, "2027-03-15")
    assert item["due"] == "2027-04-01"
    assert "mandat 2 april 2026 – 1 april 2027." in item["detail"]
    # the rule judges the mandate by the same length: over the day after
    assert au_chair_too_long(repo, date(2027, 4, 1)) == []
    assert au_chair_too_long(repo, date(2027, 4, 2))


def test_term_end_uses_the_term_length_when_the_term_began_shorter_later(
    repo: DataRepo, capsys
) -> None:
    # 2 years when the mandate began, 1 year from 2026-06-01: it may run to 2028-04-01,
    # so nothing falls due in 2027 and the deadline comes in 2028.
    open_au_chair_term(
        repo,
        "    chair_term_years: 2\n",
        "  - in_force_from: 2026-06-01\n    chair_term_years: 1\n",
    )
    assert au_chair_deadlines(repo, capsys, "2027-03-15") == []
    [item] = au_chair_deadlines(repo, capsys, "2028-03-15")
    assert item["due"] == "2028-04-01"
    assert "mandat 2 april 2026 – 1 april 2028." in item["detail"]
    assert au_chair_too_long(repo, date(2027, 4, 2)) == []
    assert au_chair_too_long(repo, date(2028, 4, 2))


# --- issue 20, item 6: reminders in the deadline calendar --------------------------------


def _alarms(ics: str) -> list[tuple[date, list]]:
    """Per event (read back by icalendar): its day and its VALARM components."""
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert events
    return [(event.decoded("dtstart"), event.walk("VALARM")) for event in events]


def _rings(due: date, alarm) -> datetime:  # type: ignore[no-untyped-def]
    """When a relative trigger rings: from the all-day event's start (midnight)."""
    assert alarm["action"] == "DISPLAY" and alarm["description"]
    trigger = alarm.decoded("trigger")
    assert isinstance(trigger, timedelta)  # relative to DTSTART, not an absolute time
    return datetime.combine(due, time()) + trigger


def test_the_shipped_calendar_reminds_7_and_1_days_before_at_nine(capsys) -> None:
    """swecan.yaml says reminder_days: [7, 1]: every deadline rings at 09:00 seven days
    and one day before it."""
    assert "reminder_days: [7, 1]" in (REPO / "swecan.yaml").read_text(encoding="utf-8")
    _, ics = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "ics")
    for due, alarms in _alarms(ics):
        assert [_rings(due, a) for a in alarms] == [
            datetime.combine(due - timedelta(days=7), time(9)),
            datetime.combine(due - timedelta(days=1), time(9)),
        ]


def test_reminder_days_is_configurable(repo: DataRepo, capsys) -> None:
    repo.replace("swecan.yaml", "reminder_days: [7, 1]", "reminder_days: 3")
    _, ics = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "ics",
                     root=repo.root)  # fmt: skip
    for due, alarms in _alarms(ics):
        assert [_rings(due, a) for a in alarms] == [datetime.combine(due - timedelta(3), time(9))]
    repo.replace("swecan.yaml", "reminder_days: 3", "reminder_days: [0, 14, 14]")
    _, ics = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "ics",
                     root=repo.root)  # fmt: skip
    for due, alarms in _alarms(ics):
        assert [_rings(due, a) for a in alarms] == [
            datetime.combine(due - timedelta(14), time(9)),
            datetime.combine(due, time(9)),
        ]
    repo.replace("swecan.yaml", "reminder_days: [0, 14, 14]", "reminder_days: []")
    _, ics = frister(capsys, "--dagar", "45", "--as-of", "2026-11-20", "--format", "ics",
                     root=repo.root)  # fmt: skip
    assert all(alarms == [] for _, alarms in _alarms(ics)) and "VALARM" not in ics


def test_without_the_setting_the_default_is_7_and_1(repo: DataRepo) -> None:
    repo.replace("swecan.yaml", "reminder_days: [7, 1]\n", "")
    config = load(repo.root).dataset.config  # type: ignore[union-attr]
    assert config.reminder_days == (7, 1)


def test_a_bad_reminder_is_a_located_data_error(repo: DataRepo) -> None:
    line = repo.line_of("swecan.yaml", "reminder_days: [7, 1]")
    for bad in ("[7, -1]", "sju", "400", "[true]"):
        repo.replace("swecan.yaml", repo.read("swecan.yaml").splitlines()[line - 1],
                     f"reminder_days: {bad}")  # fmt: skip
        errors = repo.check(AS_OF).data_errors
        assert errors and all(e.location.file == "swecan.yaml" for e in errors), bad
        assert {e.location.line for e in errors} == {line}, (bad, errors)


def test_the_published_calendar_file_carries_the_reminders() -> None:
    """efterlevnad/frister.ics as the site publishes it (outputs registry)."""
    from swecan_site import urls

    from .outputs_support import outputs

    ics = outputs(REPO, AS_OF)[urls.DEADLINES_CALENDAR].decode()
    triggers = {str(a.get("trigger").to_ical(), "ascii") for _, al in _alarms(ics) for a in al}
    assert triggers == {"-P6DT15H", "-PT15H"}
