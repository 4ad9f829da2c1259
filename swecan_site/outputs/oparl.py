"""The public record as OParl 1.1 objects (and Popolo/OCD vote events).

Each function turns one record of the :class:`PublicView` into the JSON object
the open-data files carry; :mod:`swecan_site.outputs.opendata` declares the
files. Identifiers are stable: an object's ``id`` is
``<site>/data/<file>#<id>`` built from the data's own ids (meeting folder,
decision and matter numbers, partner slugs), and ``web`` is its permanent HTML
page (swecan_site.urls).

OParl 1.1 has no votes and no jäv: decisions carry them under the extension
key ``swecan:voteEvent`` in the shape of a Popolo/OCD VoteEvent (``counts``
and ``votes`` with the options yes/no/abstain/absent, each with a Swedish
label) plus ``recused`` (jäv).
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cached_property
from typing import Any

from .. import labels, urls
from ..check import Evaluation
from ..dates import STOCKHOLM
from ..facts import MeetingState
from ..licence import LICENSE
from ..matters import Consultation, MatterRecord, Role
from ..models import (
    BODY_NAMES,
    SECTOR_NAMES,
    BodyName,
    ContentDoc,
    Decision,
    Matter,
    Meeting,
    MeetingStatus,
    Method,
    Outcome,
    Partner,
    ReportMeta,
    RulesVersionMeta,
    Term,
    Underlag,
)
from ..public import PublicView, subject_id
from ..public_history import RemovedKind
from ..rules.base import Basis, Status
from ..timeline import Period
from .record import per_view

OPARL = "https://schema.oparl.org/1.1/"
EXTENSION = "swecan:"  # prefix of the keys OParl does not define
VOTE_OPTIONS = labels.VOTE_OPTIONS
BASIS_CODES = {
    Basis.OBLIGATION: "obligation",
    Basis.INTERPRETATION: "interpretation",
    Basis.TARGET: "target",
}
STATUS_CODES = {Status.MET: "met", Status.NOT_MET: "not_met", Status.PENDING: "pending"}
# The meeting's state on the as-of date (facts.meeting_state), as the pages state it.
MEETING_STATES = {state: str(state) for state in MeetingState}


class Ids:
    """Absolute ids: ``<site>/data/<file>#<id>``, from the data's own ids."""

    def __init__(self, view: PublicView) -> None:
        self.base = view.base_url

    def abs(self, url: str) -> str:
        return urls.absolute(self.base, url)

    def obj(self, file: str, ident: str) -> str:
        return self.abs(urls.data_file(file)) + "#" + urls.anchor(ident)

    def meeting(self, meeting_id: str) -> str:
        return self.obj("moten.json", meeting_id)

    def organ(self, body: str) -> str:
        return self.obj("organisation.json", body)

    def partner(self, partner_id: str) -> str:
        return self.obj("partners.json", partner_id)

    def decision(self, decision_id: str) -> str:
        return self.obj("beslut.json", decision_id)

    def matter(self, matter_id: str) -> str:
        return self.obj("arenden.json", matter_id)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _datetime(day: date, clock: time | None) -> str:
    """Local Stockholm time with its UTC offset (summer or winter time)."""
    when = datetime.combine(day, clock or time(0, 0), tzinfo=STOCKHOLM)
    return when.isoformat()


def _drop_none(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if v is not None}


def _file(ids: Ids, meeting: Meeting, doc: Underlag, ident: str) -> dict[str, Any] | None:
    """An OParl File for a public underlag with an address (None without one)."""
    if not doc.url:
        return None
    url = ids.abs(urls.meeting_file(meeting.meeting_id, doc.url)) if doc.is_relative else doc.url
    return _drop_none(
        {
            "id": ids.obj("arenden.json", ident),
            "type": OPARL + "File",
            "name": doc.title,
            "fileName": doc.url.rsplit("/", 1)[-1] if doc.is_relative else None,
            "date": _iso(doc.distributed),
            "accessUrl": url,
            "license": LICENSE,
        }
    )


def _underlag(view: PublicView, meeting: Meeting, matter: Matter) -> list[dict[str, Any]]:
    ids = Ids(view)
    result = []
    for index, doc in enumerate(view.public_underlag(matter), start=1):
        result.append(
            _drop_none(
                {
                    "title": doc.title,
                    "distributed": _iso(doc.distributed),
                    "file": _file(ids, meeting, doc, f"{matter.id}-{index}"),
                }
            )
        )
    return result


def consultation(view: PublicView, record: MatterRecord, c: Consultation) -> dict[str, Any]:
    """One meeting that handled the matter, as an OParl Consultation: its role
    (beredning, beslut, bordläggning …; an outcome only with the meeting's protocol)
    and ``authoritative`` for the meeting whose published decision settled it."""
    ids = Ids(view)
    mt = c.meeting
    role = view.consultation_role(c)
    item = ids.meeting(mt.meeting_id) + f"-punkt-{c.item.number}" if c.item is not None else None
    return _drop_none(
        {
            "id": ids.matter(record.id) + f"-{urls.anchor(mt.meeting_id)}",
            "type": OPARL + "Consultation",
            "paper": ids.matter(record.id),
            "meeting": ids.meeting(mt.meeting_id),
            "agendaItem": item,
            "organization": [ids.organ(str(mt.body))],
            "authoritative": role is Role.DECISION,
            "role": str(role),
            "license": LICENSE,
            "web": ids.abs(urls.meeting(mt.meeting_id)),
        }
    )


def paper(view: PublicView, record: MatterRecord) -> dict[str, Any]:
    """A matter (ärende) as an OParl Paper, with every meeting that handled it as a
    Consultation and its public course (swecan_site.matters) under ``swecan:events``."""
    ids = Ids(view)
    matter = record.matter
    meeting = record.defined_in
    underlag = _underlag(view, meeting, matter)
    files = [u["file"] for u in underlag if "file" in u]
    return _drop_none(
        {
            "id": ids.matter(matter.id),
            "type": OPARL + "Paper",
            "name": matter.title,
            "reference": matter.id,
            "date": _iso(matter.raised),
            "paperType": "ärende",
            "auxiliaryFile": files or None,
            "originatorOrganization": [
                ids.partner(who) for who in matter.raised_by if view.partner(who)
            ]
            or None,
            "consultation": [consultation(view, record, c) for c in record.consultations],
            "license": LICENSE,
            "web": ids.abs(urls.matter_page(matter.id)),
            EXTENSION + "raisedBy": list(matter.raised_by),
            EXTENSION + "status": str(view.matter_status(record)),
            EXTENSION + "events": [
                _drop_none(
                    {
                        "kind": str(e.kind),
                        "date": e.day.isoformat(),
                        "meeting": ids.meeting(e.meeting.meeting_id) if e.meeting else None,
                        "decision": ids.decision(e.decision.id) if e.decision else None,
                    }
                )
                for e in view.matter_events(record)
            ],
            EXTENSION + "handling": str(matter.handling) if matter.handling else None,
            EXTENSION + "underlag": underlag,
            EXTENSION + "nonPublicUnderlag": view.hidden_underlag_count(matter),
        }
    )


def agenda_item(view: PublicView, meeting: Meeting, number: int) -> dict[str, Any]:
    ids = Ids(view)
    item = meeting.agenda[number]
    decisions = [
        d for d in view.meeting_decisions(meeting) if item.matter and d.matter == item.matter
    ]
    return _drop_none(
        {
            "id": ids.meeting(meeting.meeting_id) + f"-punkt-{item.number}",
            "type": OPARL + "AgendaItem",
            "meeting": ids.meeting(meeting.meeting_id),
            "number": str(item.number),
            "order": item.number,
            "name": item.title,
            "public": True,
            "result": ", ".join(str(d.outcome) for d in decisions) or None,
            "resolutionText": "\n\n".join(d.text for d in decisions) or None,
            "license": LICENSE,
            "web": ids.abs(urls.meeting(meeting.meeting_id)),
            EXTENSION + "matter": ids.matter(item.matter) if item.matter else None,
            EXTENSION + "decisions": [ids.decision(d.id) for d in decisions] or None,
        }
    )


def _protocol(view: PublicView, meeting: Meeting) -> dict[str, Any] | None:
    if meeting.status is not MeetingStatus.HELD:
        return None
    if not view.protocol_published(meeting) or meeting.protocol is None:
        return {"published": False, "deadline": view.protocol_deadline(meeting).isoformat()}
    protocol = meeting.protocol
    approved = view.meeting(protocol.approved_at) if protocol.approved_at else None
    return _drop_none(
        {
            "published": True,
            "status": str(protocol.status),
            "completed": _iso(protocol.completed),
            "approvedAt": Ids(view).meeting(approved.meeting_id) if approved else None,
            "deadline": view.protocol_deadline(meeting).isoformat(),
        }
    )


def change_log(view: PublicView) -> list[dict[str, Any]]:
    """The change log (public_history.py), newest first: one object per commit with
    its changes by kind and subject, today's names – what the Ändringslogg page shows."""
    ids = Ids(view)
    history = view.history
    found = []
    for entry in history.log:
        anchor = urls.changelog_entry(entry.commit.day.year, entry.commit.short)
        found.append(
            {
                "id": ids.abs(anchor),
                "type": "swecan:Change",
                "date": entry.commit.time.isoformat(),
                "commit": entry.commit.sha,
                "swecan:firstCommit": entry.first,
                "changes": [
                    _drop_none(
                        {
                            "kind": str(change.kind),
                            "subject": change.subject,
                            "name": line.name,
                            "web": ids.abs(line.link) if line.link else None,
                        }
                    )
                    for change, line in ((c, history.line(c)) for c in entry.changes)
                ],
            }
        )
    return found


def deleted(view: PublicView, kind: RemovedKind) -> list[dict[str, Any]]:
    """Records of ``kind`` the history removed (or renamed) that no record holds today:
    OParl's deleted objects – id, type, ``deleted: true``, when (``modified``) and the
    address that still answers (a tombstone or a redirect), nothing else."""
    ids = Ids(view)
    made = {
        RemovedKind.MEETING: (ids.meeting, "Meeting"),
        RemovedKind.PARTNER: (ids.partner, "Organization"),
    }
    identify, oparl_type = made[kind]
    return [
        {
            "id": identify(removed.key),
            "type": OPARL + oparl_type,
            "deleted": True,
            "modified": removed.removed.time.isoformat(),
            "web": ids.abs(removed.url),
        }
        for removed in view.history.removed
        if removed.kind is kind
    ]


def meeting(view: PublicView, mt: Meeting) -> dict[str, Any]:
    """A meeting as an OParl Meeting, with attendance and protocol metadata as extensions."""
    ids = Ids(view)
    published = view.protocol_published(mt)
    protocol_file = None
    if published:
        protocol_file = _drop_none(
            {
                "id": ids.meeting(mt.meeting_id) + "-protokoll",
                "type": OPARL + "File",
                "name": f"Protokoll, {labels.meeting_title(mt)}",
                "mimeType": "text/html",
                "date": _iso(mt.protocol.completed if mt.protocol else None),
                "accessUrl": ids.abs(urls.protocol(mt.meeting_id)),
                "license": LICENSE,
            }
        )
    held = mt.status is MeetingStatus.HELD
    return _drop_none(
        {
            "id": ids.meeting(mt.meeting_id),
            "type": OPARL + "Meeting",
            "name": labels.meeting_name(mt),
            "meetingState": MEETING_STATES[view.state(mt)],
            "cancelled": mt.status is MeetingStatus.CANCELLED,
            "start": _datetime(mt.date, mt.start),
            "end": _datetime(mt.date, mt.end) if mt.end else None,
            "location": _drop_none(
                {
                    "id": ids.meeting(mt.meeting_id) + "-plats",
                    "type": OPARL + "Location",
                    "description": labels.meeting_place(mt),
                }
            ),
            "organization": [ids.organ(str(mt.body))],
            "resultsProtocol": protocol_file,
            "agendaItem": [agenda_item(view, mt, i) for i in range(len(mt.agenda))],
            "license": LICENSE,
            "web": ids.abs(urls.meeting(mt.meeting_id)),
            EXTENSION + "identifier": mt.meeting_id,
            EXTENSION + "body": str(mt.body),
            EXTENSION + "form": str(mt.form),
            EXTENSION + "extra": mt.extra,
            EXTENSION + "noticeSent": _iso(mt.notice_sent),
            EXTENSION + "papers": [ids.matter(r.id) for r in view.matters_at(mt)],
            EXTENSION + "attendance": sorted(mt.attendance) if held else None,
            EXTENSION + "protocol": _protocol(view, mt),
            EXTENSION + "decisions": [ids.decision(d.id) for d in view.meeting_decisions(mt)],
        }
    )


def vote_event(view: PublicView, mt: Meeting, d: Decision) -> dict[str, Any]:
    """Popolo/OCD VoteEvent: counts and named votes per option, and jäv (recused)."""
    counts: list[dict[str, Any]] = []
    votes: list[dict[str, Any]] = []
    if d.method is Method.VOTE and d.votes is not None:
        for option, value in (
            ("yes", d.votes.yes),
            ("no", d.votes.no),
            ("abstain", d.votes.abstain),
        ):
            counts.append(
                {"option": option, "label": VOTE_OPTIONS[option], "value": d.votes.count(value)}
            )
            if isinstance(value, list):
                votes += [_vote(view, option, pid) for pid in value]
    counts.append({"option": "absent", "label": VOTE_OPTIONS["absent"], "value": len(d.absent)})
    votes += [_vote(view, "absent", pid) for pid in d.absent]
    return {
        "identifier": d.id,
        "motion_text": d.title,
        "start_date": mt.date.isoformat(),
        "organization": Ids(view).organ(str(mt.body)),
        "method": "vote" if d.method is Method.VOTE else "consensus",
        "result": "pass" if d.outcome is Outcome.ADOPTED else "fail",
        "counts": counts,
        "votes": votes,
        "recused": [_voter(view, pid) for pid in d.recused],
    }


def _voter(view: PublicView, partner_id: str) -> dict[str, Any]:
    partner = view.partner(partner_id)
    return {
        "voter_id": Ids(view).partner(partner_id),
        "voter_name": partner.name if partner else partner_id,
    }


def _vote(view: PublicView, option: str, partner_id: str) -> dict[str, Any]:
    return {"option": option, "label": VOTE_OPTIONS[option], **_voter(view, partner_id)}


def decision(
    view: PublicView, mt: Meeting, d: Decision, event: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A decision of the register, with its vote event (``event``: made once per decision
    by the caller that also writes it to CSV)."""
    ids = Ids(view)
    return _drop_none(
        {
            "id": ids.decision(d.id),
            "identifier": d.id,
            "title": d.title,
            "text": d.text,
            "kind": str(d.kind),
            "date": mt.date.isoformat(),
            "meeting": ids.meeting(mt.meeting_id),
            "paragraph": d.paragraph,
            "matter": ids.matter(d.matter) if d.matter else None,
            "outcome": str(d.outcome),
            "license": LICENSE,
            "web": ids.abs(urls.decision(d.id, mt.date.year)),
            "protocol": ids.abs(urls.protocol_paragraph(mt.meeting_id, d.paragraph)),
            "admits": [ids.partner(p) for p in d.admits] or None,
            EXTENSION + "voteEvent": event if event is not None else vote_event(view, mt, d),
        }
    )


def partner(view: PublicView, p: Partner) -> dict[str, Any]:
    """A partner as an OParl Organization (classification: its sector)."""
    ids = Ids(view)
    admitted = p.admitted_by if view.is_published_decision(p.admitted_by) else None
    return _drop_none(
        {
            "id": ids.partner(p.id),
            "type": OPARL + "Organization",
            "name": p.name,
            "organizationType": "partner",
            "classification": SECTOR_NAMES[p.sector],
            "startDate": p.joined.isoformat(),
            "endDate": _iso(p.withdrawal.date if p.withdrawal else None),
            "website": p.website,
            "license": LICENSE,
            "web": ids.abs(urls.partner(p.id)),
            EXTENSION + "identifier": p.id,
            EXTENSION + "sector": str(p.sector),
            EXTENSION + "memberOnAsOf": p.member_on(view.as_of),
            EXTENSION + "admittedBy": ids.decision(admitted) if admitted else None,
        }
    )


def _membership(
    ids: Ids, organ: str, ident: str, role: str, term: Term, partner_id: str | None
) -> dict[str, Any]:
    return _drop_none(
        {
            "id": ids.organ(organ) + "-" + ident,
            "type": OPARL + "Membership",
            "organization": ids.organ(organ),
            "role": role,
            "votingRight": role == "ledamot" or None,
            "startDate": term.start.isoformat(),
            "endDate": _iso(term.end),
            "onBehalfOf": ids.partner(partner_id) if partner_id else None,
            "license": LICENSE,
        }
    )


def organisation(view: PublicView) -> list[dict[str, Any]]:
    """The bodies and working groups as OParl Organizations, with memberships."""
    ids = Ids(view)
    org = view.organisation
    result = []
    for body_name, body in (
        (BodyName.PARTNERSHIP, org.partnership),
        (BodyName.COMMITTEE, org.committee),
    ):
        organ = str(body_name)
        memberships = []
        for field, role in (("chair", "ordförande"), ("vice_chair", "vice ordförande")):
            for n, holder in enumerate(getattr(body, field), start=1):
                m = _membership(ids, organ, f"{field}-{n}", role, holder, holder.partner)
                m[EXTENSION + "name"] = holder.name
                memberships.append(m)
        if body_name is BodyName.COMMITTEE:
            for member in org.committee.members:
                for n, term in enumerate(member.mandates, start=1):
                    memberships.append(
                        _membership(ids, organ, f"{member.partner}-{n}", "ledamot", term,
                                    member.partner)
                    )  # fmt: skip
        result.append(
            {
                "id": ids.organ(organ),
                "type": OPARL + "Organization",
                "name": BODY_NAMES[body_name],
                "organizationType": "organ",
                "license": LICENSE,
                "web": ids.abs(urls.ORGANISATION),
                EXTENSION + "identifier": organ,
                EXTENSION + "memberships": memberships,
                "membership": [m["id"] for m in memberships],
            }
        )
    for group in org.working_groups:
        result.append(
            _drop_none(
                {
                    "id": ids.organ(group.id),
                    "type": OPARL + "Organization",
                    "name": group.name,
                    "organizationType": "arbetsgrupp",
                    "subOrganizationOf": ids.organ(str(BodyName.PARTNERSHIP)),
                    "startDate": group.started.isoformat(),
                    "endDate": _iso(group.ended),
                    "license": LICENSE,
                    "web": ids.abs(urls.ORGANISATION),
                    EXTENSION + "identifier": group.id,
                    EXTENSION + "description": group.description or None,
                    EXTENSION + "decision": ids.decision(group.decision)
                    if group.decision and view.is_published_decision(group.decision)
                    else None,
                }
            )
        )
    return result


def report(view: PublicView, doc: ContentDoc[ReportMeta]) -> dict[str, Any]:
    ids = Ids(view)
    return _drop_none(
        {
            "id": ids.obj("rapporter.json", doc.slug),
            "identifier": doc.slug,
            "title": doc.meta.title,
            "kind": str(doc.meta.kind),
            "year": doc.meta.year,
            "adopted": _iso(doc.meta.adopted),
            "published": _iso(doc.meta.published),
            "license": LICENSE,
            "web": ids.abs(urls.report(doc.slug)),
        }
    )


def rules_version(view: PublicView, doc: ContentDoc[RulesVersionMeta]) -> dict[str, Any]:
    ids = Ids(view)
    adopted = doc.meta.adopted_by
    return {
        "id": ids.obj("arbetsordning.json", doc.slug),
        "version": doc.meta.version,
        "title": doc.meta.title,
        "inForce": doc.meta.in_force.isoformat(),
        "adoptedBy": ids.decision(adopted) if view.is_published_decision(adopted) else None,
        "adoptedByIdentifier": adopted,
        "status": view.rules_status(doc),
        "license": LICENSE,
        "web": ids.abs(urls.rules_version(doc.slug)),
    }


def _subject(result: Any) -> dict[str, Any]:
    """The finding's subject: typed (kind + id) once rules give one, else its identifier."""
    subject = result.subject
    kind = getattr(subject, "kind", None)
    return {
        "kind": str(kind) if kind is not None else None,
        "id": subject_id(subject),
        "label": str(subject),
    }


def _period(period: Period | None) -> dict[str, Any] | None:
    """The days a verdict covers (timeline.Period); ``end`` null while a breach runs."""
    if period is None:
        return None
    return {"start": period.start.isoformat(), "end": _iso(period.end)}


def finding(view: PublicView, e: Evaluation) -> dict[str, Any]:
    ids = Ids(view)
    due = getattr(e.result, "due", None)
    return {
        "rule": e.rule.id,
        "ruleName": e.rule.name,
        "section": e.rule.section or None,
        "summary": e.rule.summary,
        "basis": BASIS_CODES[e.rule.basis],
        "basisLabel": e.rule.basis.label,
        "status": STATUS_CODES[e.result.status],
        "statusLabel": str(e.result.status),
        "severity": str(e.severity),
        "subject": _subject(e.result),
        "due": _iso(due),
        "period": _period(e.result.period),
        "message": e.result.message,
        "web": ids.abs(urls.rule(e.rule.id)),
    }


class Objects:
    """Every open-data object of one view, each made once: the JSON files and the CSV
    tables read the same vote events and findings (see :func:`objects`)."""

    def __init__(self, view: PublicView) -> None:
        self.view = view

    @cached_property
    def vote_events(self) -> dict[str, dict[str, Any]]:
        return {d.id: vote_event(self.view, mt, d) for mt, d in self.view.decisions()}

    @cached_property
    def decisions(self) -> list[dict[str, Any]]:
        events = self.vote_events
        return [decision(self.view, mt, d, events[d.id]) for mt, d in self.view.decisions()]

    @cached_property
    def findings(self) -> list[dict[str, Any]]:
        return [finding(self.view, e) for e in self.view.findings()]

    def partners(self) -> list[dict[str, Any]]:
        partners = [partner(self.view, p) for p in self.view.partners()]
        return partners + deleted(self.view, RemovedKind.PARTNER)

    def organisation(self) -> list[dict[str, Any]]:
        return organisation(self.view)

    def meetings(self) -> list[dict[str, Any]]:
        meetings = [meeting(self.view, mt) for mt in self.view.meetings()]
        return meetings + deleted(self.view, RemovedKind.MEETING)

    def changes(self) -> list[dict[str, Any]]:
        return change_log(self.view)

    @cached_property
    def papers(self) -> list[dict[str, Any]]:
        view = self.view
        return [paper(view, record) for record in view.matter_records()]

    def reports(self) -> list[dict[str, Any]]:
        return [report(self.view, d) for d in self.view.reports()]

    def rules_versions(self) -> list[dict[str, Any]]:
        return [rules_version(self.view, d) for d in self.view.rules_versions()]


@per_view
def objects(view: PublicView) -> Objects:
    """The view's objects, shared by every file built from the same view."""
    return Objects(view)
