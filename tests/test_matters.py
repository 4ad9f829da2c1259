"""Issue 22: matters as records across meetings – their course, status, pages and data.

In the shipped data Ä-2026-07 is prepared by the arbetsutskottet (2026-05-20) and
decided by the partnership (2026-06-10); Ä-2026-14 is tabled 2026-06-10 and on the
agenda of 2026-12-03 again.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date

import feedparser
import jsonschema
import pytest

from swecan_site import urls
from swecan_site.check import check
from swecan_site.loader import load
from swecan_site.matters import EventKind, MatterStatus, Role, matters, status_on
from swecan_site.public import PublicView
from swecan_site.render.pages import render_all
from swecan_site.render.pages.site import Site

from .conftest import AS_OF, REPO, DataRepo
from .outputs_support import SITE_URL, outputs, standards


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    return outputs(REPO, AS_OF)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_all(Site.of(PublicView(check(REPO, AS_OF), SITE_URL)))


def test_status_is_derived_from_the_events_on_each_date() -> None:
    data = load(REPO).dataset
    assert data is not None
    tabled = matters(data).get("Ä-2026-14")
    assert tabled is not None
    events = tabled.events()
    on = {day: status_on(events, date.fromisoformat(day)) for day in (
        "2026-05-07", "2026-05-08", "2026-06-11", "2026-10-31", "2026-12-04")}  # fmt: skip
    assert on == {
        "2026-05-07": MatterStatus.RAISED,
        "2026-05-08": MatterStatus.ON_AGENDA,  # the kallelse to 10 June went out
        "2026-06-11": MatterStatus.TABLED,  # the agenda of 3 December is not yet sent
        "2026-10-31": MatterStatus.ON_AGENDA,  # its kallelse went out 30 October
        "2026-12-04": MatterStatus.HANDLED,  # 3 December is still 'planerat' in the data
    }
    prepared = matters(data).get("Ä-2026-07")
    assert prepared is not None
    kinds = [e.kind for e in prepared.events()]
    assert kinds.index(EventKind.PREPARED) < kinds.index(EventKind.DECIDED)
    assert [c.role() for c in prepared.consultations] == [Role.PREPARATION, Role.DECISION]
    assert status_on(prepared.events(), date(2026, 5, 25)) is MatterStatus.ON_AGENDA
    only_au = [e for e in prepared.events() if e.day <= date(2026, 5, 20) and (
        e.meeting is None or e.meeting.meeting_id.endswith("arbetsutskottet"))]  # fmt: skip
    assert status_on(only_au, date(2026, 5, 25)) is MatterStatus.PREPARED
    assert status_on(prepared.events(), date(2026, 6, 10)) is MatterStatus.DECIDED


def test_papers_carry_their_consultations_and_validate_as_oparl(shipped) -> None:
    papers = json.loads(shipped["data/arenden.json"])["data"]
    folder = standards().parent / "standards" / "oparl-1.1"
    paper_schema = json.loads((folder / "Paper.json").read_text(encoding="utf-8"))
    consultation_schema = json.loads((folder / "Consultation.json").read_text(encoding="utf-8"))
    for paper in papers:
        assert list(jsonschema.Draft4Validator(paper_schema).iter_errors(paper)) == []
        assert paper["consultation"], paper["reference"]
        for c in paper["consultation"]:
            assert list(jsonschema.Draft4Validator(consultation_schema).iter_errors(c)) == []
    by_ref = {p["reference"]: p for p in papers}
    prepared = by_ref["Ä-2026-07"]["consultation"]
    assert [(c["role"], c["authoritative"]) for c in prepared] == [
        ("beredning", False),
        ("beslut", True),
    ]
    assert prepared[0]["agendaItem"].endswith("#2026-05-20-arbetsutskottet-punkt-4")
    tabled = by_ref["Ä-2026-14"]["consultation"]
    assert [c["role"] for c in tabled] == ["bordläggning", "behandling"]
    csv_row = next(r for r in shipped["data/arenden.csv"].decode().splitlines() if "Ä-2026-07" in r)
    assert "2026-05-20-arbetsutskottet;2026-06-10-partnerskapet,beredning;beslut,B-2026-07" in (
        csv_row
    )


def test_register_lists_every_matter_and_filters_by_year_and_status(pages) -> None:
    data = load(REPO).dataset
    assert data is not None
    ids = [m.id for mt in data.meetings for m in mt.matters]
    register = pages[urls.source(urls.MATTERS)]
    for matter_id in ids:
        assert f"[{matter_id}]({urls.link(urls.matter_page(matter_id), 'arenden/index.md')})" in (
            register
        )
    assert "[2026](2026.md)" in register and "[beslutat](status/beslutat.md)" in register
    beslutat = pages[urls.source(urls.matters_status("beslutat"))]
    assert "[Ä-2026-07](../a-2026-07.md)" in beslutat
    assert "Ä-2026-14" not in beslutat.split("Tabell:", 1)[1]
    for status in MatterStatus:  # every status page exists, empty or not (permanent URLs)
        assert urls.source(urls.matters_status(status)) in pages


def test_each_meeting_page_links_its_matters_and_each_matter_page_its_meetings(pages) -> None:
    data = load(REPO).dataset
    assert data is not None
    index = matters(data)
    for meeting in data.meetings:
        here = urls.source(urls.meeting(meeting.meeting_id))
        for record in index.at(meeting):
            assert f"({urls.link(urls.matter_page(record.id), here)})" in pages[here], (
                meeting.meeting_id,
                record.id,
            )
    for record in index.all():
        here = urls.source(urls.matter_page(record.id))
        for c in record.consultations:
            assert f"({urls.link(urls.meeting(c.meeting.meeting_id), here)})" in pages[here]
    page = pages[urls.source(urls.matter_page("Ä-2026-07"))]
    assert "berett av arbetsutskottet vid [Arbetsutskottets möte 20 maj 2026]" in page
    assert "beslut [B-2026-07](../beslut/2026.md#b-2026-07)" in page


def test_an_outcome_at_a_meeting_without_a_public_protocol_is_not_shown(
    tmp_path, repo: DataRepo
) -> None:
    """The arbetsutskottet's draft protocol of 2026-11-12: its agenda is public, the
    preparation it records is not."""
    repo.replace(
        "meetings/2026-11-12-arbetsutskottet/mote.yaml",
        "    rubrik: Beredning inför partnerskapets sammanträde 2026-12-03\n",
        "    rubrik: Beredning inför partnerskapets sammanträde 2026-12-03\n"
        "    ärende: Ä-2026-11\n",
    )
    view = PublicView(repo.check(AS_OF), SITE_URL)
    record = view.matter_record("Ä-2026-11")
    assert record is not None
    kinds = [e.kind for e in view.matter_events(record)]
    assert EventKind.AGENDA in kinds and EventKind.PREPARED not in kinds
    assert EventKind.PREPARED in [e.kind for e in record.events()]  # the data has it
    repo.replace(
        "meetings/2026-11-12-arbetsutskottet/mote.yaml",
        "protokoll:\n  status: utkast\n",
        "protokoll:\n  status: färdigställt\n  färdigställt: 2026-11-20\n",
    )
    view = PublicView(repo.check(AS_OF), SITE_URL)
    record = view.matter_record("Ä-2026-11")
    assert record is not None
    assert EventKind.PREPARED in [e.kind for e in view.matter_events(record)]


def test_the_matters_feed_is_valid_atom_with_stable_ids(shipped) -> None:
    parsed = feedparser.parse(shipped["flode/arenden.xml"])
    assert not parsed.bozo
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"tag:swecan\.example\.se,2026:arenden/a-\d{4}-\d{2}/[\w.-]+", i)
               for i in ids), ids  # fmt: skip
    titles = {e.title for e in parsed.entries}
    assert "Ä-2026-07: Berett av arbetsutskottet" in titles
    assert "Ä-2026-07: Beslutat (B-2026-07)" in titles
    assert "Ä-2026-14: Bordlagt" in titles
    assert all(e.updated[:10] <= AS_OF.isoformat() for e in parsed.entries)
    folder = standards() / "feedvalidator"
    sys.path.insert(0, str(folder))
    try:
        import feedvalidator
        from feedvalidator import compatibility
    finally:
        sys.path.remove(str(folder))
    result = feedvalidator.validateString(
        shipped["flode/arenden.xml"].decode(),
        firstOccurrenceOnly=1,
        base=f"{SITE_URL}flode/arenden.xml",
    )
    assert compatibility.A(result["loggedEvents"]) == []


# --- `swecan-site ny ärende` and the open matters `ny möte` offers ---------------------

SCAFFOLD_AS_OF = date(2026, 11, 26)


def _run(repo: DataRepo, capsys, *args: str) -> tuple[int, str, str]:
    from swecan_site.cli import main

    code = main(["--root", str(repo.root), *args, "--as-of", SCAFFOLD_AS_OF.isoformat()])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_matter_goes_to_the_next_partnership_meeting_with_its_deadline(
    repo: DataRepo, capsys
) -> None:
    code, out, err = _run(repo, capsys, "ny", "ärende", "--rubrik", "Test: 'citat' # och mer",
                          "--väckt-av", "cancerfonden,lif", "--väckt", "2026-10-10")  # fmt: skip
    assert code == 0, err
    # 3 December's kallelse went out 30 October: raised by 16 October (§4.2, 14 days)
    assert "senast 16 oktober 2026 (14 dagar före kallelsen 30 oktober 2026)" in out
    assert "Lade till ärendet Ä-2026-15 i meetings/2026-12-03-partnerskapet/mote.yaml" in out
    file = "meetings/2026-12-03-partnerskapet/mote.yaml"
    data = load(repo.root).dataset
    assert data is not None
    meeting = data.meeting("2026-12-03-partnerskapet")
    assert meeting is not None
    added = meeting.matter("Ä-2026-15")
    assert added is not None and added.title == "Test: 'citat' # och mer"
    assert added.raised_by == ["cancerfonden", "lif"] and added.raised == date(2026, 10, 10)
    assert "# §4.2: väcks senast 2026-10-16" in repo.read(file)
    report = repo.check(SCAFFOLD_AS_OF)
    assert not report.data_errors
    # a second one takes the next number; an id in use is refused, nothing written
    assert _run(repo, capsys, "ny", "ärende", "--rubrik", "Två", "--väckt-av", "kansliet")[0] == 0
    assert "id: Ä-2026-16" in repo.read(file)
    before = repo.read(file)
    code, _, err = _run(repo, capsys, "ny", "ärende", "--rubrik", "Tre", "--väckt-av",
                        "kansliet", "--id", "Ä-2026-07")  # fmt: skip
    assert code == 1 and "Ä-2026-07 finns redan" in err and repo.read(file) == before


def test_new_matter_late_for_the_meeting_says_so(repo: DataRepo, capsys) -> None:
    code, out, _ = _run(repo, capsys, "ny", "ärende", "--rubrik", "Sent", "--väckt-av", "lif")
    assert code == 0
    assert "kom in för sent" in out
    assert "SENT: ärendet hinner inte till detta möte" in repo.read(
        "meetings/2026-12-03-partnerskapet/mote.yaml"
    )


def test_new_meeting_offers_the_open_matters_and_takes_a_new_one(repo: DataRepo, capsys) -> None:
    code, _, err = _run(repo, capsys, "ny", "möte", "--organ", "partnerskapet", "--datum",
                        "2027-03-11")  # fmt: skip
    assert code == 0, err
    file = "meetings/2027-03-11-partnerskapet/mote.yaml"
    head = repo.read(file).split("organ:", 1)[0]
    assert "#   Ä-2026-14 Gemensam kommunikationsplan för SweCan (på dagordningen)" in head
    assert "Ä-2026-07" not in head  # decided
    code, _, err = _run(repo, capsys, "ny", "ärende", "--möte", "2027-03-11-partnerskapet",
                        "--rubrik", "Nytt", "--väckt-av", "kansliet")  # fmt: skip
    assert code == 0, err
    data = load(repo.root).dataset
    assert data is not None
    meeting = data.meeting("2027-03-11-partnerskapet")
    assert meeting is not None and [m.id for m in meeting.matters] == ["Ä-2026-15"]
