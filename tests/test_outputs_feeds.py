"""The Atom feeds (issue 8, item 4): the W3C feed validator and feedparser read them."""

from __future__ import annotations

import sys
from datetime import date

import feedparser
import pytest

from swecan_site.outputs import feeds

from .conftest import AS_OF, REPO, DataRepo
from .outputs_support import HOST, SITE_URL, outputs, standards

NAMES = ["protokoll", "beslut", "rapporter", "arbetsordning", "allt"]


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    return outputs(REPO, AS_OF)


@pytest.fixture(scope="module")
def validator():
    folder = standards() / "feedvalidator"
    sys.path.insert(0, str(folder))
    try:
        import feedvalidator
        from feedvalidator import compatibility
    finally:
        sys.path.remove(str(folder))
    return feedvalidator, compatibility


def _problems(validator, text: str, url: str) -> tuple[list, list]:
    """(errors, warnings) as (class name, params)."""
    feedvalidator, compatibility = validator
    result = feedvalidator.validateString(text, firstOccurrenceOnly=1, base=url)
    events = result["loggedEvents"]
    errors = [(type(e).__name__, e.params) for e in compatibility.A(events)]
    should = [(type(e).__name__, e.params) for e in compatibility.AA(events)]
    return errors, [w for w in should if w not in errors]


@pytest.mark.parametrize("name", NAMES)
def test_w3c_feed_validator_finds_no_error(shipped, validator, name: str) -> None:
    url = f"{SITE_URL}flode/{name}.xml"
    errors, warnings = _problems(validator, shipped[f"flode/{name}.xml"].decode(), url)
    assert errors == []
    # Items published on the same day share their `updated` instant (the validator's
    # "should" about it); nothing else is even a warning.
    assert {w[0] for w in warnings} <= {"DuplicateUpdated"}, warnings


def test_validator_catches_a_broken_feed(validator) -> None:
    """The validator is really checking: a feed without id/updated is an error."""
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>x</title></feed>"
    )
    errors, _ = _problems(validator, text, f"{SITE_URL}flode/x.xml")
    assert {"MissingElement"} <= {e[0] for e in errors}


def test_feedparser_reads_every_published_decision_and_protocol(shipped) -> None:
    from swecan_site.loader import load
    from swecan_site.rules.common import protocol_published

    data = load(REPO).dataset
    assert data is not None
    published = [(m, d) for m, d in data.decisions() if protocol_published(m)]
    parsed = feedparser.parse(shipped["flode/beslut.xml"])
    assert not parsed.bozo
    assert parsed.feed.id == f"tag:{HOST},2026:flode/beslut"
    assert parsed.feed.language == "sv"
    assert any(
        link.rel == "self" and link.href == f"{SITE_URL}flode/beslut.xml"
        for link in parsed.feed.links
    )
    ids = [e.id for e in parsed.entries]
    assert sorted(ids) == sorted(f"tag:{HOST},2026:beslut/{d.id}" for _, d in published)
    entry = next(e for e in parsed.entries if e.id.endswith("/B-2026-03"))
    meeting, decision = data.decision("B-2026-03")
    assert entry.link == f"{SITE_URL}beslut/{meeting.date.year}/#b-2026-03"
    assert decision.text in entry.summary and "Beslut B-2026-03" in entry.summary
    assert entry.updated.startswith(meeting.protocol.completed.isoformat())

    protocols = feedparser.parse(shipped["flode/protokoll.xml"])
    assert sorted(e.id for e in protocols.entries) == sorted(
        f"tag:{HOST},2026:protokoll/{m.meeting_id}" for m in data.meetings if protocol_published(m)
    )
    everything = feedparser.parse(shipped["flode/allt.xml"])
    assert {e.id for e in everything.entries} == {
        e.id for n in NAMES[:-1] for e in feedparser.parse(shipped[f"flode/{n}.xml"]).entries
    }
    rules = feedparser.parse(shipped["flode/arbetsordning.xml"])
    assert {e.id for e in rules.entries} == {
        f"tag:{HOST},2026:arbetsordning/1.0",
        f"tag:{HOST},2026:arbetsordning/1.1",
    }


def test_approval_moves_updated_but_not_the_id(repo: DataRepo) -> None:
    """A protocol approved at a later meeting is updated that day; its id stays."""
    after = feedparser.parse(outputs(repo.root, AS_OF)["flode/protokoll.xml"])
    repo.replace(
        "meetings/2026-06-10-partnerskapet/mote.yaml",
        "  status: godkänt\n  färdigställt: 2026-06-22\n  godkänt_vid: 2026-10-01-partnerskapet\n",
        "  status: färdigställt\n  färdigställt: 2026-06-22\n",
    )
    before = feedparser.parse(outputs(repo.root, AS_OF)["flode/protokoll.xml"])
    key = f"tag:{HOST},2026:protokoll/2026-06-10-partnerskapet"
    old = next(e for e in before.entries if e.id == key)
    new = next(e for e in after.entries if e.id == key)
    assert old.updated.startswith("2026-06-22")  # färdigställt
    assert new.updated.startswith("2026-10-01")  # godkänt vid mötet 2026-10-01
    assert new.published == old.published


def test_summaries_are_escaped_text() -> None:
    item = feeds.Entry(
        "beslut", "B-2026-99", "Titel <b>fet</b> & mer", "Text med <script>x</script> & å",
        f"{SITE_URL}beslut/2026/#b-2026-99", date(2026, 5, 1), date(2026, 5, 1),
    )  # fmt: skip
    raw = feeds.feed("beslut", [item], SITE_URL, AS_OF)
    assert b"<script>" not in raw and b"<b>" not in raw
    assert b"&lt;script&gt;" in raw
    parsed = feedparser.parse(raw)
    assert parsed.entries[0].summary_detail.type == "text/plain"
    assert parsed.entries[0].summary == "Text med <script>x</script> & å"
    assert parsed.entries[0].title == "Titel <b>fet</b> & mer"


def test_feeds_are_reproducible(shipped) -> None:
    again = outputs(REPO, AS_OF)
    for name in NAMES:
        assert again[f"flode/{name}.xml"] == shipped[f"flode/{name}.xml"]
