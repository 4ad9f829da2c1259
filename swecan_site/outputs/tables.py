"""The open data as CSV tables, one row builder per table, and their Data Package.

Columns are declared once (:data:`COLUMNS`); the file records in
:mod:`swecan_site.outputs.opendata` carry them, and the Frictionless Data
Package (``datapackage.json``) is made from those records.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from .. import urls
from ..licence import LICENSE, LICENSE_NAME, LICENSE_TITLE
from ..markup import FORMULA_START
from ..models import SECTOR_NAMES, MeetingStatus, Method
from .oparl import Objects, _iso
from .record import Column, DataFile

Row = dict[str, Any]

COLUMNS: dict[str, tuple[Column, ...]] = {
    "partners": (
        ("id", "string", "Partnerns id (adressen /partners/<id>/)"),
        ("namn", "string", "Organisationens namn"),
        ("sektor", "string", "Sektorns kod"),
        ("sektor_namn", "string", "Sektorns namn"),
        ("ansluten", "date", "Datum då partnern anslöt"),
        ("utträdd", "date", "Datum för utträde (tomt om partnern är kvar)"),
        ("partner_per_datum", "boolean", "Partner på uttagsdatumet"),
        ("webbplats", "string", "Organisationens webbplats"),
        ("sida", "string", "Partnerns sida på SweCans webbplats"),
    ),
    "moten": (
        ("id", "string", "Mötets id (adressen /moten/<id>/)"),
        ("organ", "string", "partnerskapet eller arbetsutskottet"),
        ("datum", "date", "Mötesdatum"),
        ("start", "string", "Starttid (TT:MM, svensk tid)"),
        ("slut", "string", "Sluttid (TT:MM)"),
        ("form", "string", "fysiskt, hybrid eller digitalt"),
        (
            "status",
            "string",
            "planerat, ej rapporterat (datumet har passerat), genomfört eller inställt",
        ),
        ("plats", "string", "Plats"),
        ("kallelse_skickad", "date", "Datum då kallelsen skickades"),
        ("protokoll_publicerat", "boolean", "Protokollet är färdigställt och publicerat"),
        ("antal_närvarande", "integer", "Antal närvarande partners (genomförda möten)"),
        ("sida", "string", "Mötets sida"),
    ),
    "arenden": (
        ("id", "string", "Ärendets id (Ä-ÅÅÅÅ-NN; sidan /arenden/<id>/)"),
        ("rubrik", "string", "Rubrik"),
        ("väckt", "date", "Datum då ärendet väcktes"),
        ("väckt_av", "string", "Partner-id eller organ som väckte ärendet, åtskilda med ;"),
        (
            "status",
            "string",
            "Status på uttagsdatumet (väckt, på dagordningen, berett, "
            "behandlat, bordlagt, återremitterat, återkallat, beslutat)",
        ),
        ("möten", "string", "Id för de möten som har behandlat ärendet, åtskilda med ;"),
        (
            "roller",
            "string",
            "Varje mötes roll i samma ordning (beredning, beslut, "
            "bordläggning, återremiss, återkallelse, behandling), åtskilda med ;",
        ),
        ("beslut", "string", "Publicerade beslut i ärendet, åtskilda med ;"),
        ("offentliga_underlag", "integer", "Antal offentliga underlag"),
        ("sida", "string", "Ärendets sida med ärendets gång"),
    ),
    "beslut": (
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
    ),
    "omrostningar": (
        ("beslut", "string", "Beslutets id"),
        ("alternativ", "string", "yes, no, abstain eller absent (OCD)"),
        ("alternativ_namn", "string", "för, emot, avstår eller frånvarande"),
        ("antal", "integer", "Antal"),
        ("partners", "string", "Namngivna partners (id), åtskilda av semikolon"),
    ),
    "narvaro": (
        ("möte", "string", "Mötets id"),
        ("datum", "date", "Mötesdatum"),
        ("organ", "string", "Organ"),
        ("partner", "string", "Närvarande partners id"),
    ),
    "efterlevnad": (
        ("regel", "string", "Regelkod (SC…)"),
        ("grund", "string", "obligation, interpretation eller target"),
        ("status", "string", "met, not_met eller pending"),
        ("status_namn", "string", "uppfyllt, ej uppfyllt eller ej avgjort"),
        ("gäller", "string", "Vad bedömningen gäller (möte, beslut, år …)"),
        ("förfaller", "date", "När en väntande skyldighet förfaller"),
        ("period_från", "date", "Första dagen bedömningen gäller (regler som bedöms över tid)"),
        ("period_till", "date", "Sista dagen; tom om perioden pågår eller saknas"),
        ("bedömning", "string", "Bedömningen i klartext"),
        ("sida", "string", "Regelns sida"),
    ),
}


def partners(objs: Objects) -> list[Row]:
    view = objs.view
    return [
        {
            "id": p.id, "namn": p.name, "sektor": str(p.sector),
            "sektor_namn": SECTOR_NAMES[p.sector], "ansluten": p.joined.isoformat(),
            "utträdd": _iso(p.withdrawal.date if p.withdrawal else None),
            "partner_per_datum": p.member_on(view.as_of), "webbplats": p.website,
            "sida": urls.absolute(view.base_url, urls.partner(p.id)),
        }
        for p in view.partners()
    ]  # fmt: skip


def meetings(objs: Objects) -> list[Row]:
    view = objs.view
    return [
        {
            "id": mt.meeting_id, "organ": str(mt.body), "datum": mt.date.isoformat(),
            "start": mt.start.strftime("%H:%M"),
            "slut": mt.end.strftime("%H:%M") if mt.end else None,
            "form": str(mt.form), "status": str(view.state(mt)), "plats": mt.place,
            "kallelse_skickad": _iso(mt.notice_sent),
            "protokoll_publicerat": view.protocol_published(mt),
            "antal_närvarande": len(mt.attendance) if mt.status is MeetingStatus.HELD else None,
            "sida": urls.absolute(view.base_url, urls.meeting(mt.meeting_id)),
        }
        for mt in view.meetings()
    ]  # fmt: skip


def matters(objs: Objects) -> list[Row]:
    """One row per matter: the Paper objects' facts (arenden.json), ids from the record."""
    view = objs.view
    rows = []
    for record, paper in zip(view.matter_records(), objs.papers, strict=True):
        decided = [e.decision.id for e in view.matter_events(record) if e.decision]
        rows.append({
            "id": record.id, "rubrik": paper["name"], "väckt": paper.get("date"),
            "väckt_av": ";".join(record.matter.raised_by), "status": paper["swecan:status"],
            "möten": ";".join(c.meeting.meeting_id for c in record.consultations),
            "roller": ";".join(c["role"] for c in paper["consultation"]),
            "beslut": ";".join(decided),
            "offentliga_underlag": len(paper["swecan:underlag"]),
            "sida": paper["web"],
        })  # fmt: skip
    return rows


def attendance(objs: Objects) -> list[Row]:
    return [
        {"möte": mt.meeting_id, "datum": mt.date.isoformat(), "organ": str(mt.body),
         "partner": pid}
        for mt in objs.view.held()
        for pid in mt.attendance
    ]  # fmt: skip


def decisions(objs: Objects) -> list[Row]:
    view = objs.view
    rows = []
    for mt, d in view.decisions():
        totals = d.votes.totals if d.method is Method.VOTE and d.votes else (None, None, None)
        rows.append({
            "id": d.id, "möte": mt.meeting_id, "datum": mt.date.isoformat(),
            "paragraf": d.paragraph, "rubrik": d.title, "typ": str(d.kind), "ärende": d.matter,
            "metod": str(d.method), "utfall": str(d.outcome), "för": totals[0],
            "emot": totals[1], "avstår": totals[2], "jäv": ";".join(d.recused),
            "sida": urls.absolute(view.base_url, urls.decision(d.id, mt.date.year)),
        })  # fmt: skip
    return rows


def votes(objs: Objects) -> list[Row]:
    rows = []
    for decision_id, event in objs.vote_events.items():
        for count in event["counts"]:
            named = [
                v["voter_id"].rsplit("#", 1)[-1]
                for v in event["votes"]
                if v["option"] == count["option"]
            ]
            rows.append({
                "beslut": decision_id, "alternativ": count["option"],
                "alternativ_namn": count["label"], "antal": count["value"],
                "partners": ";".join(named),
            })  # fmt: skip
    return rows


def findings(objs: Objects) -> list[Row]:
    return [
        {
            "regel": f["rule"], "grund": f["basis"], "status": f["status"],
            "status_namn": f["statusLabel"], "gäller": f["subject"]["id"], "förfaller": f["due"],
            "period_från": (f["period"] or {}).get("start"),
            "period_till": (f["period"] or {}).get("end"),
            "bedömning": f["message"], "sida": f["web"],
        }
        for f in objs.findings
    ]  # fmt: skip


ROWS: dict[str, Callable[[Objects], list[Row]]] = {
    "partners": partners,
    "moten": meetings,
    "arenden": matters,
    "beslut": decisions,
    "omrostningar": votes,
    "narvaro": attendance,
    "efterlevnad": findings,
}


def inert(text: str) -> str:
    """Text a spreadsheet would read as a formula, made inert with a leading apostrophe
    (OWASP's CSV injection advice) – in every CSV file; the JSON keeps the value."""
    return "'" + text if text.startswith(FORMULA_START) else text


MACHINE_BOOLEANS = ("true", "false")
SPREADSHEET_BOOLEANS = ("ja", "nej")  # the data package declares them (datapackage)


def _cell(value: Any, booleans: tuple[str, str]) -> Any:
    """A CSV cell: a yes/no word for a boolean, empty for none, text made inert."""
    if value is True or value is False:
        return booleans[0] if value else booleans[1]
    if value is None:
        return ""
    return inert(value) if isinstance(value, str) else value


def spreadsheet_bytes(columns: Sequence[Column], rows: list[Row]) -> bytes:
    """The same table for a Swedish spreadsheet: UTF-8 with a byte-order mark (how
    Excel knows the encoding), semicolons (the Swedish list separator), CRLF."""
    out = io.StringIO()
    names = [c[0] for c in columns]
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([_cell(row.get(name), SPREADSHEET_BOOLEANS) for name in names])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def csv_bytes(columns: Sequence[Column], rows: list[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[c[0] for c in columns], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v, MACHINE_BOOLEANS) for k, v in row.items()})
    return out.getvalue().encode("utf-8")


def datapackage(
    base_url: str,
    as_of: str,
    tables: Sequence[DataFile],
    spreadsheets: Sequence[DataFile] = (),
) -> dict[str, Any]:
    """A Frictionless Data Package describing the CSV files: the RFC 4180 tables, and
    their editions for spreadsheets with the dialect and the words they use."""
    return {
        "name": "swecan-oppna-data",
        "title": "SweCan – öppna data",
        "description": "Partners, möten, beslut, omröstningar, närvaro och efterlevnad, "
        f"per {as_of}.",
        "homepage": urls.absolute(base_url, urls.OPEN_DATA),
        "licenses": [{"name": LICENSE_NAME, "path": LICENSE, "title": LICENSE_TITLE}],
        "resources": [
            *(_resource(table, spreadsheet=False) for table in tables),
            *(_resource(table, spreadsheet=True) for table in spreadsheets),
        ],
    }


def _resource(table: DataFile, *, spreadsheet: bool) -> dict[str, Any]:
    name = table.file.removesuffix(".csv").replace("/", "-")
    fields = []
    for column, kind, description in table.columns:
        field: dict[str, Any] = {"name": column, "type": kind, "description": description}
        if spreadsheet and kind == "boolean":
            yes, no = SPREADSHEET_BOOLEANS
            field |= {"trueValues": [yes], "falseValues": [no]}
        fields.append(field)
    resource: dict[str, Any] = {
        "name": name,
        "path": table.file,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig" if spreadsheet else "utf-8",
        "schema": {
            "fields": fields,
            "primaryKey": ["id"] if table.columns[0][0] == "id" else [],
        },
    }
    if spreadsheet:
        resource["dialect"] = {"delimiter": ";"}
    return resource
