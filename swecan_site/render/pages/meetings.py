"""Meetings: the index (upcoming, past by year, cancelled) and a page per meeting."""

from __future__ import annotations

from collections import defaultdict

from ... import rules, urls
from ...labels import MEMBERS_COUNTED
from ...layout import MEETINGS_DIR
from ...models import SECTOR_NAMES, Meeting, Sector
from ...rules import SubjectRef
from .site import Site


def pages(site: Site) -> dict[str, str]:
    view = site.view
    meetings = view.meetings()
    by_year: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in reversed(view.held(None)):
        by_year[meeting.date.year].append(meeting)
    index = urls.source(urls.MEETINGS)
    result = {
        index: site.render(
            "meetings_index.md.j2",
            index,
            sources=(f"{MEETINGS_DIR}/",),
            example=any(m.example for m in meetings),
            upcoming=view.upcoming(),
            unreported=view.unreported(),
            past_by_year=sorted(by_year.items(), reverse=True),
            cancelled=view.cancelled(),
        )
    }
    for meeting in meetings:
        result[urls.source(urls.meeting(meeting.meeting_id))] = meeting_page(site, meeting)
    return result


def meeting_page(site: Site, meeting: Meeting) -> str:
    # Decisions, the protocol and verdicts on decisions and matters come only
    # with the protocol that publishes them (PublicView.subject_public).
    view = site.view
    decisions = view.meeting_decisions(meeting)
    quorum = {
        e.result.subject.id: e.result.message
        for e in view.findings_of(rules.QUORUM, (SubjectRef.decision(d.id) for d in decisions))
    }
    by_sector: dict[Sector, list[str]] = defaultdict(list)
    for pid in meeting.attendance:
        partner = view.partner(pid)
        by_sector[partner.sector].append(pid)  # type: ignore[union-attr]
    return site.render(
        "meeting.md.j2",
        urls.source(urls.meeting(meeting.meeting_id)),
        sources=(f"{MEETINGS_DIR}/{meeting.meeting_id}/",),
        mt=meeting,
        published=view.protocol_published(meeting),
        decisions=decisions,
        protocol_text=view.protocol(meeting),
        quorum=quorum,
        state=view.state(meeting),
        member_count=view.member_count(meeting),
        members_counted=MEMBERS_COUNTED[view.params(meeting.date).quorum_members],
        attendance_by_sector=[(SECTOR_NAMES[s], by_sector[s]) for s in Sector if by_sector[s]],
        protocol_deadline=view.protocol_deadline(meeting),
        verdicts=view.meeting_verdicts(meeting),
        other_matters=[
            (record, view.consultation_role(c))
            for record in view.matters_at(meeting)
            if record.defined_in is not meeting
            for c in record.consultations
            if c.meeting is meeting
        ],
    )
