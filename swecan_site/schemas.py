"""JSON Schemas for the data files, generated from the pydantic models (editor help).

`swecan-site schemas --out schemas` writes them; a `# yaml-language-server:
$schema=…` line at the top of each data file lets VS Code and Codespaces
complete keys and underline mistakes as the kansli types. The schemas are
draft-07 (the YAML language server's default) and describe the YAML as
written: dates and clock times are strings. The models stay the authority –
`check` validates more (cross-file references, the arbetsordning's rules).

Swedish titles are the YAML keys; descriptions come from the model field's
``description`` when it has one, otherwise from DESCRIPTIONS below (kept here
so that the models stay about validation).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .accessibility import AccessibilityFile
from .config import ConfigFile, Parameters
from .models import (
    Meeting,
    OrganisationFile,
    PageMeta,
    PartnersFile,
    ReportMeta,
    RulesVersionMeta,
)

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

# file name -> (model, Swedish title, description)
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "partners.schema.json": (
        PartnersFile,
        "SweCans partners (partners.yaml)",
        "Förteckningen över partners (arbetsordningen §5, §7, §8.1).",
    ),
    "organisation.schema.json": (
        OrganisationFile,
        "SweCans organisation (organisation.yaml)",
        "Ordförande, arbetsutskott, kansli och arbetsgrupper (§2, §6, §8.2).",
    ),
    "mote.schema.json": (
        Meeting,
        "Ett möte (meetings/ÅÅÅÅ-MM-DD-organ/mote.yaml)",
        "Ett sammanträde i partnerskapet eller ett möte i arbetsutskottet (§3, §4).",
    ),
    "swecan.schema.json": (
        ConfigFile,
        "Regelparametrar (swecan.yaml)",
        "Arbetsordningens tal som parametrar, versionerade per datum, och allvarlighetsgrader.",
    ),
    "tillganglighet.schema.json": (
        AccessibilityFile,
        "Underlag för tillgänglighetsredogörelsen (content/tillganglighet.yaml)",
        "Status, standard, kända brister per WCAG-kriterium och granskningar (lag 2018:1937).",
    ),
    "sida.schema.json": (
        PageMeta,
        "Front matter för en sida (content/*.md)",
        "Överst i en sida, mellan två rader ---.",
    ),
    "rapport.schema.json": (
        ReportMeta,
        "Front matter för en årsrapport (content/rapporter/*.md)",
        "Årsrapport eller verksamhetsberättelse för ett avslutat verksamhetsår (§7).",
    ),
    "arbetsordning.schema.json": (
        RulesVersionMeta,
        "Front matter för en version av arbetsordningen (content/arbetsordning/*.md)",
        "En antagen version av arbetsordningen (§9).",
    ),
}

# Which schema each data file uses (the path written after $schema=, from the file).
DATA_FILES = {
    "partners.yaml": "schemas/partners.schema.json",
    "organisation.yaml": "schemas/organisation.schema.json",
    "swecan.yaml": "schemas/swecan.schema.json",
    "meetings/*/mote.yaml": "../../schemas/mote.schema.json",
    "content/tillganglighet.yaml": "../schemas/tillganglighet.schema.json",
}

DESCRIPTIONS: dict[str, str] = {
    "exempeldata": "true om uppgifterna är påhittade exempel; webbplatsen visar då en notis.",
    "partners": "Lista med partners, en per organisation.",
    "id": "Permanent id: små bokstäver a–z, siffror och bindestreck (beslut B-ÅÅÅÅ-NN, "
    "ärenden Ä-ÅÅÅÅ-NN).",
    "namn": "Namnet som visas på webbplatsen.",
    "sektor": "Sektorn enligt §8.1.",
    "webbplats": "Organisationens webbplats (https://…).",
    "ansluten": "Första dagen som partner (ÅÅÅÅ-MM-DD).",
    "inbjuden": "Datum för inbjudan (år 1 från Socialstyrelsen, §8.1).",
    "avsiktsförklaring": "Datum då avsiktsförklaringen signerades (§5.1).",
    "antagen_genom": "Från verksamhetsår 2: partnerskapets beslut om antagning (§2.1).",
    "utträde": "Om partnern har lämnat: datum och skriftlig begäran (§5.3).",
    "datum": "Datum (ÅÅÅÅ-MM-DD).",
    "skriftlig_begäran": "Datum då den skriftliga begäran kom in (§5.3).",
    "partnerskapet": "Partnerskapets ordförande och vice ordförande (§6).",
    "arbetsutskottet": "Arbetsutskottets ledamöter, ordförande och vice (§2.2).",
    "kansliet": "Kansliets kontaktuppgifter (§7).",
    "arbetsgrupper": "Arbetsgrupper som partnerskapet har inrättat.",
    "ordförande": "Mandatperioder för ordföranden.",
    "vice_ordförande": "Mandatperioder för vice ordföranden.",
    "ledamöter": "Ledamöter med sina mandatperioder.",
    "mandat": "Mandatperioder (från/till).",
    "partner": "Id för partnern (se partners.yaml).",
    "från": "Mandatperiodens första dag.",
    "till": "Mandatperiodens sista dag.",
    "beslut": "Id för beslutet (B-ÅÅÅÅ-NN), eller mötets beslut.",
    "e-post": "Funktionsbrevlåda.",
    "telefon": "Telefonnummer.",
    "ansvarig": "Ansvarig tjänsteperson.",
    "adress": "Postadress.",
    "beskrivning": "Kort beskrivning.",
    "startad": "Datum då gruppen startade.",
    "avslutad": "Datum då gruppen avslutades.",
    "organ": "partnerskapet eller arbetsutskottet.",
    "rubrik": "Rubrik.",
    "rubrik_en": "Rubriken på engelska, för den engelska sammanfattningen (valfri; "
    "översätt inte maskinellt – utan den visas den svenska rubriken).",
    "tid": 'Starttid TT:MM, inom citattecken ("10:00").',
    "sluttid": 'Sluttid TT:MM, inom citattecken ("15:30").',
    "form": "fysiskt, hybrid eller digitalt (§3.1; hybrid räknas som fysiskt).",
    "plats": "Adress, eller digitalt.",
    "extrainsatt": "true för ett extrainsatt sammanträde (§3.1).",
    "beslutat_av": "Vem som beslutade om det extrainsatta sammanträdet: ordförande, "
    "vice_ordförande eller annan (§3.1, §6.2).",
    "beslutat": "Datum för beslutet om det extrainsatta sammanträdet.",
    "utsedd_av": "Id för den som utsåg rollinnehavaren (§6.1: socialstyrelsen).",
    "utsedd": "Datum då rollinnehavaren utsågs (senast mandatets första dag).",
    "nominering": "Från verksamhetsår 2: datum för nomineringens steg (§5.2, §8.1).",
    "offentlig_inbjudan": "Datum för den offentliga inbjudan (§5.2).",
    "nominerad": "Datum då organisationen nominerades (§5.2).",
    "kandidatlista": "Datum då kansliet meddelade kandidatlistan (§5.2).",
    "status": "Mötets eller protokollets status.",
    "kallelse_skickad": "Datum då kallelsen skickades (§3.1: minst 30 dagar före).",
    "dagordning": "Den preliminära dagordningen (§3.1).",
    "punkt": "Punktens nummer.",
    "ärende": "Id för ärendet (Ä-ÅÅÅÅ-NN).",
    "ärenden": "Ärenden till mötet (§4.2).",
    "väckt_av": "Partner-id, eller arbetsutskottet, kansliet eller ordföranden.",
    "väckt": "Datum då ärendet väcktes (§4.2: senast 14 dagar före kallelsen).",
    "underlag": "Underlag till ärendet (§3.2: distribueras med kallelsen).",
    "titel": "Titel.",
    "distribuerat": "Datum då underlaget distribuerades.",
    "offentligt": "false för underlag som inte får publiceras (titeln visas inte heller).",
    "länk": "Länk till underlaget (bara för offentliga underlag).",
    "hantering": "bordlagt eller återremitterat (ärendet fick inget beslut i sak).",
    "närvaro": "Närvarande partners (partner-id).",
    "mötesordförande": "Vem som ledde mötet (§6.2, §2.2).",
    "protokoll": "Protokollets status och datum (§3.2).",
    "färdigställt": "Datum då protokollet färdigställdes (§3.2: inom 14 dagar).",
    "godkänt_vid": "Id för mötet som godkände protokollet (mappnamnet).",
    "paragraf": "Protokollets paragraf (## § N i protokoll.md).",
    "text": "Beslutets text.",
    "typ": "Slag av beslut eller rapport.",
    "utfall": "bifall eller avslag.",
    "röster": "För, emot och avstår: antal eller lista med partner-id.",
    "för": "Röster för: ett antal (12) eller en lista med partner-id.",
    "emot": "Röster emot: ett antal (0) eller en lista med partner-id.",
    "avstår": "Nedlagda röster: ett antal eller en lista med partner-id.",
    "jäv": "Partners som anmält jäv (bilaga 2 punkt 5).",
    "ej_närvarande": "Partners som inte var närvarande vid beslutet.",
    "röstlängd": "Partners på röstlängden (§5.2), om den avviker från förteckningen.",
    "antar": "Partners som antas genom beslutet.",
    "utkast": "true: publiceras inte.",
    "år": "Verksamhetsåret rapporten gäller.",
    "antagen": "Datum då rapporten antogs.",
    "publicerad": "Datum då dokumentet publicerades (inte i framtiden).",
    "standard": "Standarden webbplatsen bedöms mot.",
    "förenlighet": "förenlig, delvis förenlig eller inte förenlig.",
    "uppdaterad": "Datum då redogörelsen senast uppdaterades.",
    "nästa_granskning": "Datum för nästa granskning.",
    "granskningar": "Granskningar: datum, metod och beskrivning.",
    "brister": "Kända brister, en per WCAG-kriterium och sida.",
    "kriterium": "WCAG-kriteriet, t.ex. 1.4.3.",
    "sidor": "Sidorna där bristen finns.",
    "orsak": "Varför bristen finns.",
    "åtgärdas_senast": "Datum då bristen ska vara åtgärdad.",
    "metod": "Hur granskningen gjordes, eller beslutets metod (konsensus, omröstning).",
    "version": "Versionsnummer, t.ex. 1.1.",
    "gäller_från": "Första dagen versionen gäller.",
    "first_operating_year_start": "Första dagen i SweCans första verksamhetsår.",
    "parameters": "Parameterversioner; varje post anger in_force_from och det som ändras.",
    "severity": "Allvarlighetsgrad per efterlevnadsregel: error, warning, info eller off.",
    "publisher": "Utgivaren av öppna data (namn och organisationsnummer), för dataportal.se.",
    "name": "Utgivande myndighetens namn.",
    "organisation_number": "Organisationsnummer, t.ex. 202100-5810.",
}

MODEL_TITLES = {
    "Partner": "Partner",
    "Withdrawal": "Utträde",
    "Nomination": "Nominering",
    "Term": "Mandatperiod",
    "RoleHolder": "Rollinnehavare",
    "Body": "Organ",
    "AuMember": "Ledamot i arbetsutskottet",
    "ExecutiveCommittee": "Arbetsutskottet",
    "Secretariat": "Kansliet",
    "WorkingGroup": "Arbetsgrupp",
    "Underlag": "Underlag",
    "Matter": "Ärende",
    "AgendaItem": "Dagordningspunkt",
    "Votes": "Röster",
    "Decision": "Beslut",
    "Protocol": "Protokoll",
    "Publisher": "Utgivare",
}

ENUM_TITLES = {
    "Sector": "Sektor",
    "BodyName": "Organ",
    "MeetingForm": "Mötesform",
    "MeetingStatus": "Mötets status",
    "ProtocolStatus": "Protokollets status",
    "ChairRole": "Mötesordförande",
    "MatterHandling": "Hantering",
    "DecisionKind": "Beslutstyp",
    "Method": "Beslutsmetod",
    "Outcome": "Utfall",
    "ReportKind": "Rapporttyp",
    "Severity": "Allvarlighetsgrad",
}

_TIME_PATTERN = r"^\d{1,2}:\d{2}$"


def _fix(node: Any) -> Any:
    """Draft-07 and YAML-as-written: $defs -> definitions, times as TT:MM strings."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = value.replace("#/$defs/", "#/definitions/")
            elif key == "$defs":
                out["definitions"] = {name: _fix(v) for name, v in value.items()}
            else:
                out[key] = _fix(value)
        if out.get("format") == "time":
            del out["format"]
            out["pattern"] = _TIME_PATTERN
        if "properties" in out:
            for name, prop in out["properties"].items():
                prop["title"] = name
                if "description" not in prop and name in DESCRIPTIONS:
                    prop["description"] = DESCRIPTIONS[name]
        return out
    if isinstance(node, list):
        return [_fix(v) for v in node]
    return node


# The keywords that constrain one JSON type only: alternatives of different types whose
# keywords are these can be one schema with a list of types – a single, readable message
# ("Incorrect type. Expected one of string, null") instead of one per alternative.
_TYPE_KEYWORDS = {
    "string": {"format", "pattern", "minLength", "maxLength"},
    "integer": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"},
    "number": {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"},
    "array": {"items", "minItems", "maxItems", "uniqueItems"},
    "null": set(),
}
NULL_ALTERNATIVE = "Tomt (null): uppgiften anges inte."


def _merged_types(alternatives: list[Any]) -> dict[str, Any] | None:
    """``anyOf`` alternatives as one schema with a list of types, when each alternative
    has one distinct type and only that type's keywords (so none constrains another's
    values); None when they cannot be merged without changing what validates."""
    merged: dict[str, Any] = {}
    types: list[str] = []
    for alternative in alternatives:
        kind = alternative.get("type") if isinstance(alternative, dict) else None
        if not isinstance(kind, str) or kind in types or kind not in _TYPE_KEYWORDS:
            return None
        keywords = [key for key in alternative if key != "type"]  # in order: stable output
        if not set(keywords) <= _TYPE_KEYWORDS[kind] or set(keywords) & set(merged):
            return None
        types.append(kind)
        merged.update({key: alternative[key] for key in keywords})
    return {"type": types, **merged}


def _readable_alternatives(node: Any, definitions: dict[str, Any]) -> None:
    """Every bare ``anyOf``/``oneOf`` under ``node`` becomes one schema with a list of
    types, or else each alternative gets a Swedish description: a reference says what it
    refers to (draft-07 ignores a ``$ref``'s siblings when validating; editors show
    them), null that the value is left out. The one place editor messages are shaped."""
    if isinstance(node, list):
        for item in node:
            _readable_alternatives(item, definitions)
        return
    if not isinstance(node, dict):
        return
    for keyword in ("anyOf", "oneOf"):
        alternatives = node.get(keyword)
        if not isinstance(alternatives, list):
            continue
        merged = _merged_types(alternatives)
        if merged is not None:
            del node[keyword]
            node.update(merged)
            continue
        for alternative in alternatives:
            if alternative.get("description"):
                continue
            if alternative.get("type") == "null":
                alternative["description"] = NULL_ALTERNATIVE
            elif "$ref" in alternative:
                target = definitions.get(alternative["$ref"].rsplit("/", 1)[-1], {})
                alternative["description"] = target.get("description", "")
    for value in node.values():
        _readable_alternatives(value, definitions)


def _parameters_schema() -> dict:
    """swecan.yaml's parameter versions: the Parameters fields plus in_force_from."""
    schema = Parameters.model_json_schema(by_alias=True)
    properties = {
        name: {k: v for k, v in prop.items() if k != "default"}
        for name, prop in schema.get("properties", {}).items()
    }
    properties["in_force_from"] = {
        "type": "string",
        "format": "date",
        "description": "Första dagen som versionen gäller (ÅÅÅÅ-MM-DD).",
    }
    return {
        "type": "object",
        "required": ["in_force_from"],
        "additionalProperties": False,
        "properties": properties,
        **({"$defs": schema["$defs"]} if "$defs" in schema else {}),
    }


def generate() -> dict[str, dict]:
    """Every schema, as {file name: schema}."""
    result = {}
    for name, (model, title, description) in SCHEMAS.items():
        schema = model.model_json_schema(by_alias=True, mode="validation")
        if model is ConfigFile:
            params = _parameters_schema()
            schema.setdefault("$defs", {}).update(params.pop("$defs", {}))
            schema["$defs"]["Parametrar"] = params
            schema["properties"]["parameters"]["items"] = {"$ref": "#/$defs/Parametrar"}
        for def_name, definition in schema.get("$defs", {}).items():
            # The models' docstrings are English developer notes: the kansli sees Swedish.
            if "enum" in definition:
                definition["title"] = ENUM_TITLES.get(def_name, def_name)
                values = ", ".join(str(v) for v in definition["enum"])
                definition["description"] = f"Skriv ett av: {values}."
            else:
                definition["title"] = MODEL_TITLES.get(def_name, def_name)
                definition["description"] = definition["title"] + ": ett avsnitt med egna fält."
        schema = _fix(schema)
        _readable_alternatives(schema, schema.get("definitions", {}))
        schema = {
            "$schema": DRAFT_07,
            "$id": f"https://swecan.example.se/schemas/{name}",
            **schema,
            "title": title,
            "description": description,
        }
        result[name] = schema
    return result


def dump(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in generate().items():
        path = out / name
        path.write_text(dump(schema), encoding="utf-8")
        written.append(path)
    return written
