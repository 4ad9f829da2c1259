"""Open data under /data/: JSON (OParl 1.1 shapes), CSV with a Frictionless
data package, and a JSON Schema for every JSON file – each file declared once.

Everything comes from the :class:`PublicView`, so the files hold what the
HTML pages show on the same date and nothing more. UTF-8, CC0 1.0. The
objects are :mod:`.oparl`'s, the tables :mod:`.tables`', the schemas
:mod:`.json_schemas`'; this module says which files exist, what each is
called and holds, and which catalogue dataset it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..licence import LICENSE
from ..public import PublicView
from . import tables
from .json_schemas import SCHEMAS, schema_name
from .oparl import Objects, objects
from .record import CatalogueEntry, DataFile, Output, json_bytes

JSON = "application/json"
CSV = "text/csv"
KEYWORDS = ("SweCan", "öppna data")
DATAPACKAGE = urls.data_file("datapackage.json")
SPREADSHEET_DIR = "kalkylblad/"  # the tables for spreadsheets: data/kalkylblad/<name>.csv


@dataclass(frozen=True)
class Subject:
    """One subject of the open data: its dataset and its JSON and/or CSV file."""

    key: str  # the file name without extension: "moten"
    title: str
    description: str  # the dataset's (and its JSON file's) description
    items: Callable[[Objects], list[dict[str, Any]]] | None = None  # the JSON file's objects
    # The CSV table's description when the subject also has a JSON file (a subject has a
    # CSV table when tables.COLUMNS has its key; a CSV-only subject's is the description).
    csv_description: str | None = None


SUBJECTS = [
    Subject(
        "partners",
        "Partners",
        "Förteckningen över partners: sektor, datum för anslutning och utträde, webbplats och "
        "länk till partnerns sida.",
        Objects.partners,
        "En rad per partner.",
    ),
    Subject(
        "organisation",
        "Organisation",
        "Partnerskapet, arbetsutskottet och arbetsgrupperna; ordförande, vice ordförande och "
        "arbetsutskottets ledamöter med mandatperioder.",
        Objects.organisation,
    ),
    Subject(
        "moten",
        "Möten",
        "Alla möten med dagordning, plats, tid, närvaro och protokollets status (utan "
        "protokoll som inte är färdigställda).",
        Objects.meetings,
        "En rad per möte.",
    ),
    Subject(
        "arenden",
        "Ärenden",
        "Ärenden med vem som väckt dem, offentliga underlag, status och ärendets gång: "
        "varje möte som har behandlat ärendet (beredning, beslut, bordläggning).",
        lambda objs: objs.papers,
        "En rad per ärende, med status, möten och beslut.",
    ),
    Subject(
        "beslut",
        "Beslut",
        "Beslutsregistret: beslut i färdigställda protokoll, med beslutsmetod, omröstning och jäv.",
        lambda objs: objs.decisions,
        "En rad per publicerat beslut, med röstetal och jäv.",
    ),
    Subject(
        "rapporter",
        "Rapporter",
        "Publicerade årsrapporter och verksamhetsberättelser.",
        Objects.reports,
    ),
    Subject(
        "arbetsordning",
        "Arbetsordningen",
        "Arbetsordningens versioner, när de gäller från och vilket beslut som antog dem.",
        Objects.rules_versions,
    ),
    Subject(
        "efterlevnad",
        "Efterlevnad",
        "Bedömningen av hur arbetsordningen följs: regel, grund (krav, tolkning eller mål), "
        "status, vad den gäller och när en skyldighet förfaller.",
        lambda objs: objs.findings,
        "En rad per regelbedömning.",
    ),
    Subject(
        "omrostningar",
        "Omröstningar",
        "En rad per beslut och alternativ (för, emot, avstår, frånvarande).",
    ),
    Subject("narvaro", "Närvaro", "En rad per närvarande partner och genomfört möte."),
    Subject(
        "andringslogg",
        "Ändringslogg",
        "Varje ändring av det offentliga registret enligt versionshistoriken (git), den "
        "senaste först: dag, commit och vad som ändrades (slag, id och dagens namn).",
        Objects.changes,
    ),
]


def _envelope(view: PublicView, name: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """An OParl-style list (one page holds everything) with the licence and date."""
    return {
        "$schema": urls.absolute(view.base_url, urls.schema(schema_name(name))),
        "license": LICENSE,
        "asOf": view.as_of.isoformat(),
        "data": items,
        "pagination": {
            "totalElements": len(items),
            "elementsPerPage": len(items),
            "currentPage": 1,
            "totalPages": 1,
        },
        "links": {"self": urls.absolute(view.base_url, urls.data_file(name))},
    }


def _json_file(subject: Subject) -> DataFile:
    name = f"{subject.key}.json"
    items = subject.items
    assert items is not None

    def build(view: PublicView) -> bytes:
        return json_bytes(_envelope(view, name, items(objects(view))))

    return DataFile(
        urls.data_file(name),
        f"{subject.title} (JSON)",
        subject.description,
        JSON,
        build,
        dataset=f"data-{subject.key}",
        conforms_to=urls.schema(schema_name(name)),
    )


def _table_file(subject: Subject, *, spreadsheet: bool = False) -> DataFile:
    """A CSV table: RFC 4180 for programs, or its edition for spreadsheets
    (tables.spreadsheet_bytes) under data/kalkylblad/."""
    columns = tables.COLUMNS[subject.key]
    rows = tables.ROWS[subject.key]
    write = tables.spreadsheet_bytes if spreadsheet else tables.csv_bytes

    def build(view: PublicView) -> bytes:
        return write(columns, rows(objects(view)))

    description = subject.csv_description or subject.description
    if spreadsheet:
        description += (
            " Semikolon som avgränsare och UTF-8 med BOM, så att Excel och LibreOffice "
            "visar å, ä och ö rätt."
        )
    return DataFile(
        urls.data_file(f"{SPREADSHEET_DIR if spreadsheet else ''}{subject.key}.csv"),
        f"{subject.title} ({'för kalkylprogram' if spreadsheet else 'CSV'})",
        description,
        CSV,
        build,
        dataset=f"data-{subject.key}",
        conforms_to=DATAPACKAGE,
        columns=columns,
    )


def _schema_file(name: str) -> DataFile:
    path = urls.schema(schema_name(name))

    def build(view: PublicView) -> bytes:
        return json_bytes({"$id": urls.absolute(view.base_url, path), **SCHEMAS[name]})

    return DataFile(path, f"JSON Schema för {name}", f"Schemat som {name} följer.", JSON, build)


_JSON = [_json_file(s) for s in SUBJECTS if s.items is not None]
_BY_KEY = {s.key: s for s in SUBJECTS}
_CSV = [_table_file(_BY_KEY[key]) for key in tables.COLUMNS]  # in the tables' order
_SPREADSHEETS = [_table_file(_BY_KEY[key], spreadsheet=True) for key in tables.COLUMNS]


def _datapackage(view: PublicView) -> bytes:
    return json_bytes(
        tables.datapackage(view.base_url, view.as_of.isoformat(), _CSV, _SPREADSHEETS)
    )


FILES: list[DataFile] = [
    *_JSON,
    *_CSV,
    DataFile(
        DATAPACKAGE,
        "Datapaket",
        "Frictionless Data Package som beskriver CSV-filernas kolumner.",
        JSON,
        _datapackage,
    ),
    *[_schema_file(f.file) for f in _JSON],
    *_SPREADSHEETS,
]

DATASETS: list[CatalogueEntry] = [
    CatalogueEntry(f"data-{s.key}", f"SweCan: {s.title}", s.description, urls.OPEN_DATA, KEYWORDS)
    for s in SUBJECTS
]

OUTPUT = Output("opendata", FILES, DATASETS)
