"""Open data under /data/: JSON (OParl 1.1 shapes), CSV with a Frictionless
data package, and a JSON Schema for every JSON file.

Everything comes from the :class:`PublicView`, so the files hold what the
HTML pages show on the same date and nothing more. UTF-8, CC0 1.0.

Identifiers are stable: an object's ``id`` is ``<site>/data/<file>#<id>``
built from the data's own ids (meeting folder, decision and matter numbers,
partner slugs), and ``web`` is its permanent HTML page (swecan_site.urls).

OParl 1.1 has no votes and no jäv: decisions carry them under the extension
key ``swecan:voteEvent`` in the shape of a Popolo/OCD VoteEvent (``counts``
and ``votes`` with the options yes/no/abstain/absent, each with a Swedish
label) plus ``recused`` (jäv) – see SCHEMAS and the Öppna data page.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from .. import urls
from ..dates import STOCKHOLM
from ..models import (
    BODY_NAMES,
    SECTOR_NAMES,
    BodyName,
    Decision,
    Matter,
    Meeting,
    MeetingStatus,
    Method,
    Outcome,
    Partner,
    Term,
    Underlag,
)
from ..public import PublicView, subject_id
from ..rules.base import Basis, Status

LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENSE_NAME = "CC0-1.0"
OPARL = "https://schema.oparl.org/1.1/"
EXTENSION = "swecan:"  # prefix of the keys OParl does not define

# OCD / Popolo vote options, with the labels the pages use.
VOTE_OPTIONS = {"yes": "för", "no": "emot", "abstain": "avstår", "absent": "frånvarande"}
BASIS_CODES = {
    Basis.OBLIGATION: "obligation",
    Basis.INTERPRETATION: "interpretation",
    Basis.TARGET: "target",
}
STATUS_CODES = {Status.MET: "met", Status.NOT_MET: "not_met", Status.PENDING: "pending"}
MEETING_STATES = {
    MeetingStatus.PLANNED: "planerat",
    MeetingStatus.HELD: "genomfört",
    MeetingStatus.CANCELLED: "inställt",
}


@dataclass(frozen=True)
class Dataset:
    """One published file: what the Öppna data page and the data package say of it."""

    file: str  # under data/
    title: str
    description: str
    schema: str | None  # JSON Schema file under data/schemas/ (JSON files)
    format: str  # "JSON" or "CSV"


# --- helpers -------------------------------------------------------------------------


class _Ids:
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


def _json(payload: Any) -> bytes:
    # Compact: json's C encoder only runs without indent (5× faster, a third smaller);
    # browsers and jq indent JSON for reading.
    return (json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _envelope(view: PublicView, file: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """An OParl-style list (one page holds everything) with the licence and date."""
    ids = _Ids(view)
    return {
        "$schema": ids.abs(urls.schema(_schema_name(file))),
        "license": LICENSE,
        "asOf": view.as_of.isoformat(),
        "data": items,
        "pagination": {
            "totalElements": len(items),
            "elementsPerPage": len(items),
            "currentPage": 1,
            "totalPages": 1,
        },
        "links": {"self": ids.abs(urls.data_file(file))},
    }


def _schema_name(file: str) -> str:
    return file.rsplit(".", 1)[0] + ".schema.json"


# --- objects ---------------------------------------------------------------------------


def _file(ids: _Ids, meeting: Meeting, doc: Underlag, ident: str) -> dict[str, Any] | None:
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
    ids = _Ids(view)
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


def paper(view: PublicView, meeting: Meeting, matter: Matter) -> dict[str, Any]:
    """A matter (ärende) as an OParl Paper."""
    ids = _Ids(view)
    files = [u["file"] for u in _underlag(view, meeting, matter) if "file" in u]
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
            "license": LICENSE,
            "web": ids.abs(urls.matter(meeting.meeting_id, matter.id)),
            EXTENSION + "meeting": ids.meeting(meeting.meeting_id),
            EXTENSION + "raisedBy": list(matter.raised_by),
            EXTENSION + "handling": str(matter.handling) if matter.handling else None,
            EXTENSION + "underlag": _underlag(view, meeting, matter),
            EXTENSION + "nonPublicUnderlag": view.hidden_underlag_count(matter),
        }
    )


def agenda_item(view: PublicView, meeting: Meeting, number: int) -> dict[str, Any]:
    ids = _Ids(view)
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
            "approvedAt": _Ids(view).meeting(approved.meeting_id) if approved else None,
            "deadline": view.protocol_deadline(meeting).isoformat(),
        }
    )


def meeting_title(meeting: Meeting) -> str:
    kind = "sammanträde" if meeting.body is BodyName.PARTNERSHIP else "möte"
    body = "Partnerskapets" if meeting.body is BodyName.PARTNERSHIP else "Arbetsutskottets"
    extra = "extrainsatta " if meeting.extra else ""
    return f"{body} {extra}{kind} {meeting.date.isoformat()}"


def meeting(view: PublicView, mt: Meeting) -> dict[str, Any]:
    """A meeting as an OParl Meeting, with attendance and protocol metadata as extensions."""
    ids = _Ids(view)
    published = view.protocol_published(mt)
    protocol_file = None
    if published:
        protocol_file = _drop_none(
            {
                "id": ids.meeting(mt.meeting_id) + "-protokoll",
                "type": OPARL + "File",
                "name": f"Protokoll, {meeting_title(mt)}",
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
            "name": mt.title or meeting_title(mt),
            "meetingState": MEETING_STATES[mt.status],
            "cancelled": mt.status is MeetingStatus.CANCELLED,
            "start": _datetime(mt.date, mt.start),
            "end": _datetime(mt.date, mt.end) if mt.end else None,
            "location": _drop_none(
                {
                    "id": ids.meeting(mt.meeting_id) + "-plats",
                    "type": OPARL + "Location",
                    "description": mt.place or str(mt.form),
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
            EXTENSION + "papers": [ids.matter(m.id) for m in view.matters(mt)],
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
        "organization": _Ids(view).organ(str(mt.body)),
        "method": "vote" if d.method is Method.VOTE else "consensus",
        "result": "pass" if d.outcome is Outcome.ADOPTED else "fail",
        "counts": counts,
        "votes": votes,
        "recused": [_voter(view, pid) for pid in d.recused],
    }


def _voter(view: PublicView, partner_id: str) -> dict[str, Any]:
    partner = view.partner(partner_id)
    return {
        "voter_id": _Ids(view).partner(partner_id),
        "voter_name": partner.name if partner else partner_id,
    }


def _vote(view: PublicView, option: str, partner_id: str) -> dict[str, Any]:
    return {"option": option, "label": VOTE_OPTIONS[option], **_voter(view, partner_id)}


def decision(view: PublicView, mt: Meeting, d: Decision) -> dict[str, Any]:
    ids = _Ids(view)
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
            EXTENSION + "voteEvent": vote_event(view, mt, d),
        }
    )


def partner(view: PublicView, p: Partner) -> dict[str, Any]:
    """A partner as an OParl Organization (classification: its sector)."""
    ids = _Ids(view)
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
    ids: _Ids, organ: str, ident: str, role: str, term: Term, partner_id: str | None
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
    ids = _Ids(view)
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


def report(view: PublicView, doc: Any) -> dict[str, Any]:
    ids = _Ids(view)
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


def rules_version(view: PublicView, doc: Any) -> dict[str, Any]:
    ids = _Ids(view)
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


def finding(view: PublicView, e: Any) -> dict[str, Any]:
    ids = _Ids(view)
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
        "message": e.result.message,
        "web": ids.abs(urls.rule(e.rule.id)),
    }


# --- CSV -------------------------------------------------------------------------------

# Columns per table: (name, Frictionless type, description in Swedish).
Column = tuple[str, str, str]
TABLES: dict[str, list[Column]] = {
    "partners": [
        ("id", "string", "Partnerns id (adressen /partners/<id>/)"),
        ("namn", "string", "Organisationens namn"),
        ("sektor", "string", "Sektorns kod"),
        ("sektor_namn", "string", "Sektorns namn"),
        ("ansluten", "date", "Datum då partnern anslöt"),
        ("utträdd", "date", "Datum för utträde (tomt om partnern är kvar)"),
        ("partner_per_datum", "boolean", "Partner på uttagsdatumet"),
        ("webbplats", "string", "Organisationens webbplats"),
        ("sida", "string", "Partnerns sida på SweCans webbplats"),
    ],
    "moten": [
        ("id", "string", "Mötets id (adressen /moten/<id>/)"),
        ("organ", "string", "partnerskapet eller arbetsutskottet"),
        ("datum", "date", "Mötesdatum"),
        ("start", "string", "Starttid (TT:MM, svensk tid)"),
        ("slut", "string", "Sluttid (TT:MM)"),
        ("form", "string", "fysiskt, hybrid eller digitalt"),
        ("status", "string", "planerat, genomfört eller inställt"),
        ("plats", "string", "Plats"),
        ("kallelse_skickad", "date", "Datum då kallelsen skickades"),
        ("protokoll_publicerat", "boolean", "Protokollet är färdigställt och publicerat"),
        ("antal_närvarande", "integer", "Antal närvarande partners (genomförda möten)"),
        ("sida", "string", "Mötets sida"),
    ],
    "beslut": [
        ("id", "string", "Beslutets id (B-ÅÅÅÅ-NN)"),
        ("möte", "string", "Mötets id"),
        ("datum", "date", "Mötesdatum"),
        ("paragraf", "integer", "Paragraf i protokollet"),
        ("rubrik", "string", "Rubrik"),
        ("typ", "string", "Slag av beslut"),
        ("ärende", "string", "Ärendets id"),
        ("metod", "string", "konsensus eller omröstning"),
        ("utfall", "string", "bifall eller avslag"),
        ("för", "integer", "Röster för (vid omröstning)"),
        ("emot", "integer", "Röster emot (vid omröstning)"),
        ("avstår", "integer", "Avstår (vid omröstning)"),
        ("jäv", "string", "Partners med jäv, åtskilda av semikolon"),
        ("sida", "string", "Beslutets adress i beslutsregistret"),
    ],
    "omrostningar": [
        ("beslut", "string", "Beslutets id"),
        ("alternativ", "string", "yes, no, abstain eller absent (OCD)"),
        ("alternativ_namn", "string", "för, emot, avstår eller frånvarande"),
        ("antal", "integer", "Antal"),
        ("partners", "string", "Namngivna partners (id), åtskilda av semikolon"),
    ],
    "narvaro": [
        ("möte", "string", "Mötets id"),
        ("datum", "date", "Mötesdatum"),
        ("organ", "string", "Organ"),
        ("partner", "string", "Närvarande partners id"),
    ],
    "efterlevnad": [
        ("regel", "string", "Regelkod (SC…)"),
        ("grund", "string", "obligation, interpretation eller target"),
        ("status", "string", "met, not_met eller pending"),
        ("status_namn", "string", "uppfyllt, ej uppfyllt eller ej avgjort"),
        ("gäller", "string", "Vad bedömningen gäller (möte, beslut, år …)"),
        ("förfaller", "date", "När en väntande skyldighet förfaller"),
        ("bedömning", "string", "Bedömningen i klartext"),
        ("sida", "string", "Regelns sida"),
    ],
}


def _csv(table: str, rows: list[dict[str, Any]]) -> bytes:
    names = [c[0] for c in TABLES[table]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: ("true" if v is True else "false" if v is False else "" if v is None else v)
                for k, v in row.items()
            }
        )
    return out.getvalue().encode("utf-8")


def csv_rows(view: PublicView) -> dict[str, list[dict[str, Any]]]:
    ids = _Ids(view)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for p in view.partners():
        rows["partners"].append({
            "id": p.id, "namn": p.name, "sektor": str(p.sector),
            "sektor_namn": SECTOR_NAMES[p.sector], "ansluten": p.joined.isoformat(),
            "utträdd": _iso(p.withdrawal.date if p.withdrawal else None),
            "partner_per_datum": p.member_on(view.as_of), "webbplats": p.website,
            "sida": ids.abs(urls.partner(p.id)),
        })  # fmt: skip
    for mt in view.meetings():
        held = mt.status is MeetingStatus.HELD
        rows["moten"].append({
            "id": mt.meeting_id, "organ": str(mt.body), "datum": mt.date.isoformat(),
            "start": mt.start.strftime("%H:%M"),
            "slut": mt.end.strftime("%H:%M") if mt.end else None,
            "form": str(mt.form), "status": str(mt.status), "plats": mt.place,
            "kallelse_skickad": _iso(mt.notice_sent),
            "protokoll_publicerat": view.protocol_published(mt),
            "antal_närvarande": len(mt.attendance) if held else None,
            "sida": ids.abs(urls.meeting(mt.meeting_id)),
        })  # fmt: skip
        if held:
            for pid in mt.attendance:
                rows["narvaro"].append({"möte": mt.meeting_id, "datum": mt.date.isoformat(),
                                        "organ": str(mt.body), "partner": pid})  # fmt: skip
    for mt, d in view.decisions():
        totals = d.votes.totals if d.method is Method.VOTE and d.votes else (None, None, None)
        rows["beslut"].append({
            "id": d.id, "möte": mt.meeting_id, "datum": mt.date.isoformat(),
            "paragraf": d.paragraph, "rubrik": d.title, "typ": str(d.kind), "ärende": d.matter,
            "metod": str(d.method), "utfall": str(d.outcome), "för": totals[0],
            "emot": totals[1], "avstår": totals[2], "jäv": ";".join(d.recused),
            "sida": ids.abs(urls.decision(d.id, mt.date.year)),
        })  # fmt: skip
        for count in vote_event(view, mt, d)["counts"]:
            named = [
                v["voter_id"].rsplit("#", 1)[-1]
                for v in vote_event(view, mt, d)["votes"]
                if v["option"] == count["option"]
            ]
            rows["omrostningar"].append({
                "beslut": d.id, "alternativ": count["option"], "alternativ_namn": count["label"],
                "antal": count["value"], "partners": ";".join(named),
            })  # fmt: skip
    for e in view.findings():
        f = finding(view, e)
        rows["efterlevnad"].append({
            "regel": f["rule"], "grund": f["basis"], "status": f["status"],
            "status_namn": f["statusLabel"], "gäller": f["subject"]["id"], "förfaller": f["due"],
            "bedömning": f["message"], "sida": f["web"],
        })  # fmt: skip
    return rows


def datapackage(view: PublicView) -> dict[str, Any]:
    """A Frictionless Data Package describing the CSV tables."""
    return {
        "name": "swecan-oppna-data",
        "title": "SweCan – öppna data",
        "description": "Partners, möten, beslut, omröstningar, närvaro och efterlevnad, "
        f"per {view.as_of.isoformat()}.",
        "homepage": urls.absolute(view.base_url, urls.OPEN_DATA),
        "licenses": [{"name": LICENSE_NAME, "path": LICENSE, "title": "CC0 1.0 Universal"}],
        "resources": [
            {
                "name": table,
                "path": f"{table}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": n, "type": t, "description": desc} for n, t, desc in columns
                    ],
                    "primaryKey": ["id"] if columns[0][0] == "id" else [],
                },
            }
            for table, columns in TABLES.items()
        ],
    }


# --- JSON Schemas ----------------------------------------------------------------------------


def _list_schema(title: str, item: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "required": ["license", "asOf", "data", "pagination", "links"],
        "properties": {
            "$schema": {"type": "string"},
            "license": {"const": LICENSE},
            "asOf": {"type": "string", "format": "date"},
            "data": {"type": "array", "items": item},
            "pagination": {"type": "object"},
            "links": {"type": "object"},
        },
    }


_STR = {"type": "string"}
_NSTR = {"type": ["string", "null"]}
_DATE = {"type": "string", "format": "date"}
_NDATE = {"type": ["string", "null"], "format": "date"}
_URI = {"type": "string", "format": "uri"}


def _oparl(kind: str, required: list[str], props: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["id", "type", *required],
        "properties": {"id": _URI, "type": {"const": OPARL + kind}, "web": _URI, **props},
    }


_VOTE = {
    "type": "object",
    "required": ["option", "label", "voter_id", "voter_name"],
    "properties": {
        "option": {"enum": list(VOTE_OPTIONS)},
        "label": {"enum": list(VOTE_OPTIONS.values())},
        "voter_id": _URI,
        "voter_name": _STR,
    },
}

SCHEMAS: dict[str, dict[str, Any]] = {
    "partners.json": _list_schema(
        "SweCans partnerförteckning (OParl 1.1 Organization)",
        _oparl(
            "Organization",
            ["name", "startDate", "swecan:sector", "swecan:identifier"],
            {
                "name": _STR,
                "classification": _STR,
                "startDate": _DATE,
                "endDate": _DATE,
                "swecan:sector": _STR,
                "swecan:identifier": _STR,
                "swecan:memberOnAsOf": {"type": "boolean"},
            },
        ),
    ),
    "organisation.json": _list_schema(
        "SweCans organ och arbetsgrupper (OParl 1.1 Organization, Membership)",
        _oparl(
            "Organization",
            ["name", "organizationType"],
            {
                "name": _STR,
                "organizationType": {"enum": ["organ", "arbetsgrupp"]},
                "swecan:memberships": {
                    "type": "array",
                    "items": _oparl(
                        "Membership",
                        ["organization", "role", "startDate"],
                        {
                            "role": {"enum": ["ordförande", "vice ordförande", "ledamot"]},
                            "startDate": _DATE,
                            "endDate": _DATE,
                            "onBehalfOf": _URI,
                        },
                    ),
                },
            },
        ),
    ),
    "moten.json": _list_schema(
        "SweCans möten med dagordning (OParl 1.1 Meeting, AgendaItem, File)",
        _oparl(
            "Meeting",
            [
                "name",
                "meetingState",
                "cancelled",
                "start",
                "organization",
                "agendaItem",
                "swecan:identifier",
            ],
            {
                "start": {"type": "string", "format": "date-time"},
                "end": {"type": "string", "format": "date-time"},
                "meetingState": {"enum": list(MEETING_STATES.values())},
                "agendaItem": {
                    "type": "array",
                    "items": _oparl(
                        "AgendaItem", ["order", "meeting"], {"order": {"type": "integer"}}
                    ),
                },
                "resultsProtocol": _oparl("File", ["accessUrl"], {"accessUrl": _URI}),
                "swecan:attendance": {"type": "array", "items": _STR},
                "swecan:protocol": {
                    "type": "object",
                    "required": ["published", "deadline"],
                    "properties": {"published": {"type": "boolean"}, "deadline": _DATE},
                },
                "swecan:decisions": {"type": "array", "items": _URI},
            },
        ),
    ),
    "arenden.json": _list_schema(
        "Ärenden och offentliga underlag (OParl 1.1 Paper, File)",
        _oparl(
            "Paper",
            ["name", "reference", "swecan:meeting"],
            {
                "reference": _STR,
                "auxiliaryFile": {
                    "type": "array",
                    "items": _oparl("File", ["accessUrl"], {"accessUrl": _URI}),
                },
                "swecan:nonPublicUnderlag": {"type": "integer", "minimum": 0},
            },
        ),
    ),
    "beslut.json": _list_schema(
        "SweCans beslutsregister med omröstningar och jäv (Popolo/OCD VoteEvent)",
        {
            "type": "object",
            "required": [
                "id",
                "identifier",
                "title",
                "text",
                "date",
                "meeting",
                "paragraph",
                "web",
                "swecan:voteEvent",
            ],
            "properties": {
                "id": _URI,
                "identifier": _STR,
                "title": _STR,
                "text": _STR,
                "date": _DATE,
                "meeting": _URI,
                "paragraph": {"type": "integer"},
                "web": _URI,
                "swecan:voteEvent": {
                    "type": "object",
                    "required": ["result", "counts", "votes", "recused"],
                    "properties": {
                        "result": {"enum": ["pass", "fail"]},
                        "method": {"enum": ["vote", "consensus"]},
                        "counts": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["option", "label", "value"],
                                "properties": {
                                    "option": {"enum": list(VOTE_OPTIONS)},
                                    "label": {"enum": list(VOTE_OPTIONS.values())},
                                    "value": {"type": "integer", "minimum": 0},
                                },
                            },
                        },
                        "votes": {"type": "array", "items": _VOTE},
                        "recused": {
                            "type": "array",
                            "items": {"type": "object", "required": ["voter_id", "voter_name"]},
                        },
                    },
                },
            },
        },
    ),
    "rapporter.json": _list_schema(
        "Årsrapporter och verksamhetsberättelser",
        {
            "type": "object",
            "required": ["id", "identifier", "title", "kind", "year", "web"],
            "properties": {"id": _URI, "title": _STR, "year": {"type": "integer"}, "web": _URI},
        },
    ),
    "arbetsordning.json": _list_schema(
        "Arbetsordningens versioner",
        {
            "type": "object",
            "required": ["id", "version", "inForce", "status", "web"],
            "properties": {
                "id": _URI,
                "version": _STR,
                "inForce": _DATE,
                "adoptedBy": {"type": ["string", "null"]},
                "status": {"enum": ["gällande", "kommande", "upphävd"]},
                "web": _URI,
            },
        },
    ),
    "efterlevnad.json": _list_schema(
        "Efterlevnad av arbetsordningen: regelbedömningar",
        {
            "type": "object",
            "required": ["rule", "basis", "status", "subject", "due", "message", "web"],
            "properties": {
                "rule": {"type": "string", "pattern": "^SC[0-9]{3}$"},
                "basis": {"enum": list(BASIS_CODES.values())},
                "status": {"enum": list(STATUS_CODES.values())},
                "subject": {"type": "object", "required": ["id"]},
                "due": _NDATE,
                "message": _STR,
                "web": _URI,
            },
        },
    ),
}

DATASETS: list[Dataset] = [
    Dataset(
        "partners.json",
        "Partners",
        "Förteckningen över partners: sektor, datum för anslutning och utträde, webbplats och "
        "länk till partnerns sida.",
        "partners.schema.json",
        "JSON",
    ),
    Dataset(
        "organisation.json",
        "Organisation",
        "Partnerskapet, arbetsutskottet och arbetsgrupperna; ordförande, vice ordförande och "
        "arbetsutskottets ledamöter med mandatperioder.",
        "organisation.schema.json",
        "JSON",
    ),
    Dataset(
        "moten.json",
        "Möten",
        "Alla möten med dagordning, plats, tid, närvaro och protokollets status (utan "
        "protokoll som inte är färdigställda).",
        "moten.schema.json",
        "JSON",
    ),
    Dataset(
        "arenden.json",
        "Ärenden",
        "Ärenden med vem som väckt dem och offentliga underlag.",
        "arenden.schema.json",
        "JSON",
    ),
    Dataset(
        "beslut.json",
        "Beslut",
        "Beslutsregistret: beslut i färdigställda protokoll, med beslutsmetod, omröstning och jäv.",
        "beslut.schema.json",
        "JSON",
    ),
    Dataset(
        "rapporter.json",
        "Rapporter",
        "Publicerade årsrapporter och verksamhetsberättelser.",
        "rapporter.schema.json",
        "JSON",
    ),
    Dataset(
        "arbetsordning.json",
        "Arbetsordningen",
        "Arbetsordningens versioner, när de gäller från och vilket beslut som antog dem.",
        "arbetsordning.schema.json",
        "JSON",
    ),
    Dataset(
        "efterlevnad.json",
        "Efterlevnad",
        "Bedömningen av hur arbetsordningen följs: regel, grund (krav, tolkning eller mål), "
        "status, vad den gäller och när en skyldighet förfaller.",
        "efterlevnad.schema.json",
        "JSON",
    ),
    *[
        Dataset(f"{t}.csv", title, description, None, "CSV")
        for t, (title, description) in {
            "partners": ("Partners (CSV)", "En rad per partner."),
            "moten": ("Möten (CSV)", "En rad per möte."),
            "beslut": ("Beslut (CSV)", "En rad per publicerat beslut, med röstetal och jäv."),
            "omrostningar": (
                "Omröstningar (CSV)",
                "En rad per beslut och alternativ (för, emot, avstår, frånvarande).",
            ),
            "narvaro": ("Närvaro (CSV)", "En rad per närvarande partner och genomfört möte."),
            "efterlevnad": ("Efterlevnad (CSV)", "En rad per regelbedömning."),
        }.items()
    ],
    Dataset(
        "datapackage.json",
        "Datapaket",
        "Frictionless Data Package som beskriver CSV-filernas kolumner.",
        None,
        "JSON",
    ),
]


def json_payloads(view: PublicView) -> dict[str, list[dict[str, Any]]]:
    """The JSON files' items, by file name."""
    matters = [(mt, m) for mt in view.meetings() for m in view.matters(mt)]
    builders: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "partners.json": lambda: [partner(view, p) for p in view.partners()],
        "organisation.json": lambda: organisation(view),
        "moten.json": lambda: [meeting(view, mt) for mt in view.meetings()],
        "arenden.json": lambda: [paper(view, mt, m) for mt, m in matters],
        "beslut.json": lambda: [decision(view, mt, d) for mt, d in view.decisions()],
        "rapporter.json": lambda: [report(view, d) for d in view.reports()],
        "arbetsordning.json": lambda: [rules_version(view, d) for d in view.rules_versions()],
        "efterlevnad.json": lambda: [finding(view, e) for e in view.findings()],
    }
    return {name: build() for name, build in builders.items()}


def write(view: PublicView) -> dict[str, bytes]:
    """Every file under data/."""
    files: dict[str, bytes] = {}
    for name, items in json_payloads(view).items():
        files[urls.data_file(name)] = _json(_envelope(view, name, items))
    for table, rows in csv_rows(view).items():
        files[urls.data_file(f"{table}.csv")] = _csv(table, rows)
    files[urls.data_file("datapackage.json")] = _json(datapackage(view))
    for name, schema in SCHEMAS.items():
        schema = {"$id": urls.absolute(view.base_url, urls.schema(_schema_name(name))), **schema}
        files[urls.schema(_schema_name(name))] = _json(schema)
    return files
