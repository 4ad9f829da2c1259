"""The JSON Schemas (draft 2020-12) of the open-data JSON files, by file name.

Each file is an OParl-style list (``data``, ``pagination``, ``links``); the
items' schemas check the OParl types and the ``swecan:`` extensions the site
adds. Published under data/schemas/ beside the files.
"""

from __future__ import annotations

from typing import Any

from ..changes import ChangeKind
from ..licence import LICENSE
from ..matters import EventKind, MatterStatus, Role
from .oparl import BASIS_CODES, MEETING_STATES, OPARL, STATUS_CODES, VOTE_OPTIONS


def schema_name(file: str) -> str:
    """'moten.json' -> 'moten.schema.json'."""
    return file.rsplit(".", 1)[0] + ".schema.json"


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


def _or_deleted(kind: str, required: list[str], props: dict[str, Any]) -> dict[str, Any]:
    """An object, or the OParl stub of one that was removed: id, type, deleted, modified."""
    deleted = {
        "type": "object",
        "required": ["id", "type", "deleted", "modified"],
        "properties": {
            "id": _URI,
            "type": {"const": OPARL + kind},
            "deleted": {"const": True},
            "modified": {"type": "string", "format": "date-time"},
            "web": _URI,
        },
        "additionalProperties": False,
    }
    return {"anyOf": [_oparl(kind, required, props), deleted]}


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
    "andringslogg.json": _list_schema(
        "SweCans ändringslogg: ändringar av det offentliga registret per commit",
        {
            "type": "object",
            "required": ["id", "type", "date", "commit", "changes"],
            "properties": {
                "id": _URI,
                "type": {"const": "swecan:Change"},
                "date": {"type": "string", "format": "date-time"},
                "commit": {"type": "string", "pattern": "^[0-9a-f]{40,64}$"},
                "swecan:firstCommit": {"type": "boolean"},
                "changes": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["kind", "subject", "name"],
                        "properties": {
                            "kind": {"enum": [str(k) for k in ChangeKind]},
                            "subject": _STR,
                            "name": _STR,
                            "web": _URI,
                        },
                    },
                },
            },
        },
    ),
    "partners.json": _list_schema(
        "SweCans partnerförteckning (OParl 1.1 Organization); en borttagen partner som "
        "OParls borttagna objekt (deleted: true)",
        _or_deleted(
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
        "SweCans möten med dagordning (OParl 1.1 Meeting, AgendaItem, File); ett borttaget "
        "möte som OParls borttagna objekt (deleted: true)",
        _or_deleted(
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
        "Ärenden, ärendets gång och offentliga underlag (OParl 1.1 Paper, Consultation, File)",
        _oparl(
            "Paper",
            ["name", "reference", "consultation", "swecan:status"],
            {
                "reference": _STR,
                "auxiliaryFile": {
                    "type": "array",
                    "items": _oparl("File", ["accessUrl"], {"accessUrl": _URI}),
                },
                "consultation": {
                    "type": "array",
                    "minItems": 1,
                    "items": _oparl(
                        "Consultation",
                        ["paper", "meeting", "authoritative", "role"],
                        {
                            "paper": _URI,
                            "meeting": _URI,
                            "agendaItem": _URI,
                            "organization": {"type": "array", "items": _URI},
                            "authoritative": {"type": "boolean"},
                            "role": {"enum": [str(r) for r in Role]},
                        },
                    ),
                },
                "swecan:status": {"enum": [str(s) for s in MatterStatus]},
                "swecan:events": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["kind", "date"],
                        "properties": {
                            "kind": {"enum": [str(k) for k in EventKind]},
                            "date": _DATE,
                            "meeting": _URI,
                            "decision": _URI,
                        },
                        "additionalProperties": False,
                    },
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
                "period": {
                    "type": ["object", "null"],
                    "required": ["start", "end"],
                    "properties": {"start": _DATE, "end": _NDATE},
                },
                "message": _STR,
                "web": _URI,
            },
        },
    ),
}
