"""`swecan-site ny …`: new files that pass `check` as written and say what to fill in.

Every command checks its input first (nothing is written on a Swedish error),
refuses to overwrite an existing file, writes text (it never re-serialises a
YAML file, so comments and layout survive; a new partner goes where
partners.yaml's order puts it, :mod:`swecan_site.partner_order`), validates the
result by running the check, and says what it did and what to do next.

Only the check's problems in what the command wrote are its own: a data error
there undoes the command; a problem in another file is not blamed on it, only
counted (issue 20). Text the kansli must write is marked ``[FYLL I: …]``
(:mod:`swecan_site.fill_in`). Deadlines shown in the files come from the same
functions the rules use.

A new kind is one function here, ``new_<kind>(root, …, as_of) -> Created``,
plus its registration in ``cli._add_new_commands`` and ``cli.cmd_new``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from . import partner_order, yamlpos
from .check import Report, check
from .config import Config, Parameters
from .dataset import Dataset
from .dates import sv_date
from .fill_in import marker
from .layout import (
    CONTENT_DIR,
    MEETING_FILE,
    MEETINGS_DIR,
    PARTNERS_FILE,
    PROTOCOL_FILE,
    REPORTS_DIR,
)
from .loader import Loader, load
from .models import BODY_NAMES, SECTOR_NAMES, BodyName, MeetingStatus, ReportKind, Sector
from .problems import Kind, Problem, Severity, format_text
from .rules.common import notice_deadline_on

SCHEMA_LINE = "# yaml-language-server: $schema={path}\n"
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")  # a permanent id: it becomes a web address


class ScaffoldError(Exception):
    """A Swedish message: why nothing was written."""


@dataclass
class Created:
    """What a command wrote: the file, what it did (Swedish, one sentence), the next
    steps, and the check's words about what it wrote (problems in other files counted)."""

    path: Path
    next_steps: list[str]
    done: str = ""
    notes: list[str] = field(default_factory=list)


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        raise ScaffoldError(f"{path.name} finns redan ({path}); inget har skrivits över.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _dataset(root: Path) -> Dataset:
    """The data a command computes from (deadlines, the agenda, the meeting)."""
    loaded = load(root)
    if loaded.dataset is None:
        raise ScaffoldError(
            "Datan har fel som måste rättas först (inget har skrivits):\n"
            + format_text(loaded.problems)
        )
    return loaded.dataset


def _config(root: Path) -> Config:
    """swecan.yaml alone: a command that needs only the parameters works while other
    files have errors."""
    loader = Loader(root)
    config = loader.load_config()
    if config is None or loader.problems:
        raise ScaffoldError(
            "swecan.yaml har fel som måste rättas först (inget har skrivits):\n"
            + format_text(loader.problems)
        )
    return config


def _ours(problem: Problem, file: str, lines: range | None) -> bool:
    return problem.location.file == file and (lines is None or problem.location.line in lines)


def _validate(
    root: Path,
    as_of: date,
    created: Path,
    *,
    undo: str | None = None,
    lines: range | None = None,
) -> list[str]:
    """Run the check with what the command wrote (the file ``created``, or ``lines`` of
    it); on a data error there remove (or restore) it and say why. Returns the notes
    to show: the check's other problems there, and how many there are elsewhere."""
    report = check(root, as_of)
    file = created.relative_to(root).as_posix()
    ours = [p for p in report.problems if _ours(p, file, lines)]
    errors = [p for p in ours if p.kind is Kind.DATA and p.severity is Severity.ERROR]
    if errors:
        if undo is None:
            created.unlink()
        else:
            created.write_text(undo, encoding="utf-8")
        what = "Ändringen" if undo is not None else "Den nya filen"
        raise ScaffoldError(
            f"{what} gav datafel och har tagits bort; inget har skrivits:\n" + format_text(errors)
        )
    return _notes(report, [p for p in ours if p.severity is not Severity.OFF])


def _notes(report: Report, ours: list[Problem]) -> list[str]:
    notes = format_text(ours).splitlines() if ours else []
    others = sum(
        1
        for p in report.problems
        if p not in ours and p.severity in (Severity.ERROR, Severity.WARNING)
    )
    if others:
        noun = "annat problem" if others == 1 else "andra problem"
        notes.append(f"{others} {noun} finns i andra filer; kör swecan-site check.")
    return notes


def _kv(key: str, value: str, comment: str) -> str:
    """One ``key: value`` line with its Swedish comment aligned at column 33."""
    return f"{key}: {value}".rstrip().ljust(31) + f" # {comment}\n"


def _quoted(text: str) -> str:
    """A single-quoted YAML scalar: safe for any text on one line."""
    return "'" + text.replace("'", "''") + "'"


def _schema_line(root: Path, target: Path, schema: str) -> str:
    relative = Path("../" * (len(target.relative_to(root).parts) - 1)) / "schemas" / schema
    return SCHEMA_LINE.format(path=relative.as_posix())


# --- ny möte ---------------------------------------------------------------------


@dataclass(frozen=True)
class _MeetingDeadlines:
    """The dates a new meeting's file states, from the parameters in force on its day."""

    notice_by: date  # §3.1
    matters_by: date  # §4.2
    protocol_by: date  # §3.2 (partnerskapet) or the kansli's target (arbetsutskottet)
    protocol_days: int


def _meeting_deadlines(data: Dataset, body: BodyName, day: date) -> _MeetingDeadlines:
    params = data.params(day)
    notice_by = notice_deadline_on(data, day)
    protocol_days = (
        params.protocol_days if body is BodyName.PARTNERSHIP else params.committee_protocol_days
    )
    return _MeetingDeadlines(
        notice_by,
        notice_by - timedelta(days=params.matter_days_before_notice),
        day + timedelta(days=protocol_days),
        protocol_days,
    )


def _agenda(data: Dataset, body: BodyName, day: date) -> list[str]:
    """The preliminary agenda: approving the last protocol, fixing the röstlängd (§5.2)."""
    earlier = [m for m in data.meetings if m.body is body and m.date < day]
    previous = max(earlier, key=lambda m: (m.date, m.start), default=None)
    first_this_year = body is BodyName.PARTNERSHIP and not any(
        m.date.year == day.year and m.status is not MeetingStatus.CANCELLED and m.date < day
        for m in earlier
    )
    agenda = ["Mötets öppnande"]
    if previous is not None and previous.status is MeetingStatus.HELD:
        agenda.append(f"Godkännande av protokoll från {previous.date.isoformat()}")
    if first_this_year and data.config.operating_year(day) >= 2:
        agenda.append("Fastställande av röstlängd (§5.2)")
    agenda.append("Mötets avslutande")
    return agenda


def _body_rules(body: BodyName, params: Parameters, due: _MeetingDeadlines) -> str:
    """The comment lines that state the body's rules and the meeting's deadlines."""
    if body is BodyName.PARTNERSHIP:
        return (
            "# §3.1: kallelse med preliminär dagordning minst "
            f"{params.notice_days} dagar före mötet, dvs. senast {due.notice_by.isoformat()}.\n"
            f"# §4.2: ärenden ska ha väckts senast {due.matters_by.isoformat()} "
            f"({params.matter_days_before_notice} dagar före kallelsen).\n"
            f"# §3.2: protokollet ska färdigställas senast {due.protocol_by.isoformat()} "
            f"({due.protocol_days} dagar efter mötet) och godkännas vid nästa sammanträde.\n"
        )
    return (
        "# §2.2: arbetsutskottet beslutar självständigt om formerna för sina möten.\n"
        f"# Kansliets mål: protokollet färdigställt senast {due.protocol_by.isoformat()} "
        f"({due.protocol_days} dagar efter mötet).\n"
    )


def _meeting_text(
    head: str,
    body: BodyName,
    day: date,
    due: _MeetingDeadlines,
    agenda: list[str],
    *,
    start: str,
    form: str,
    place: str,
) -> str:
    """mote.yaml for a planned meeting: ``head`` (the comments), then every field explained."""
    agenda_yaml = "".join(
        f"  - punkt: {i}\n    rubrik: {title}\n" for i, title in enumerate(agenda, start=1)
    )
    return (
        head + "# Mappnamnet är mötets permanenta adress: byt inte namn på mappen.\n"
        "\n"
        + _kv("organ", str(body), "partnerskapet eller arbetsutskottet")
        + _kv("rubrik", "", '(frivillig) egen rubrik, annars t.ex. "Partnerskapets sammanträde"')
        + _kv("datum", day.isoformat(), "mötesdagen (ÅÅÅÅ-MM-DD)")
        + _kv("tid", f'"{start}"', "starttid, inom citattecken")
        + _kv("sluttid", "", '(frivillig) sluttid, t.ex. "15:30"')
        + _kv("form", form, "fysiskt, hybrid eller digitalt (§3.1)")
        + _kv("plats", _quoted(place) if place else "", "adress, eller digitalt")
        + _kv("extrainsatt", "false", "true för ett extrainsatt sammanträde (§3.1)")
        + _kv("status", "planerat", "planerat, genomfört eller inställt")
        + _kv(
            "kallelse_skickad",
            "",
            "datum då kallelsen skickades"
            + (f" (senast {due.notice_by.isoformat()})" if body is BodyName.PARTNERSHIP else ""),
        )
        + _kv("mötesordförande", "", "efter mötet: ordförande, vice_ordförande eller annan")
        + "\n"
        "# Preliminär dagordning (skickas med kallelsen). Lägg till punkter; en punkt\n"
        "# som gäller ett ärende får raden  ärende: Ä-ÅÅÅÅ-NN\n"
        "dagordning:\n" + agenda_yaml + "\n"
        "# Ärenden (§4.2): id Ä-ÅÅÅÅ-NN, rubrik, väckt_av (partner-id eller\n"
        "# arbetsutskottet/kansliet/ordföranden), väckt (datum) och underlag (titel,\n"
        "# distribuerat, offentligt: true/false, länk).\n"
        "ärenden: []\n"
        "\n"
        "# Fylls i efter mötet: närvaro (partner-id), protokoll (status: utkast,\n"
        "# färdigställt eller godkänt; färdigställt: datum; godkänt_vid: möte-id)\n"
        "# och beslut (id B-ÅÅÅÅ-NN, paragraf, rubrik, text, metod …).\n"
        "närvaro: []\n"
        "protokoll:\n"
        "beslut: []\n"
    )


def _meeting_steps(
    root: Path, path: Path, body: BodyName, meeting_id: str, due: _MeetingDeadlines
) -> list[str]:
    steps = [
        f"Fyll i plats och tid i {path.relative_to(root)}.",
        "Lägg till punkter i dagordningen och ärenden med underlag.",
    ]
    if body is BodyName.PARTNERSHIP:
        steps.append(
            f"Skicka kallelsen senast {due.notice_by.isoformat()} (§3.1) och skriv datumet "
            "i kallelse_skickad."
        )
    steps.append("Efter mötet: status: genomfört, närvaro, och swecan-site ny protokoll "
                 f"{meeting_id}.")  # fmt: skip
    return steps


def new_meeting(
    root: Path,
    body: BodyName,
    day: date,
    as_of: date,
    *,
    start: str = "10:00",
    form: str = "fysiskt",
    place: str = "",
) -> Created:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", start):
        raise ScaffoldError(f"Tiden {start!r} ska skrivas TT:MM, t.ex. 10:00; inget har skrivits.")
    data = _dataset(root)
    meeting_id = f"{day.isoformat()}-{body}"
    folder = root / MEETINGS_DIR / meeting_id
    path = folder / MEETING_FILE
    if folder.exists():
        raise ScaffoldError(f"Mötesmappen {folder.relative_to(root)} finns redan.")
    due = _meeting_deadlines(data, body, day)
    head = (
        _schema_line(root, path, "mote.schema.json")
        + f"# {BODY_NAMES[body]}s möte {day.isoformat()} – skapat med swecan-site ny möte.\n"
        + _body_rules(body, data.params(day), due)
        + _open_matters(data, as_of)
    )
    agenda = _agenda(data, body, day)
    text = _meeting_text(head, body, day, due, agenda, start=start, form=form, place=place)
    _write_new(path, text)
    try:
        notes = _validate(root, as_of, path)
    except ScaffoldError:
        folder.rmdir()
        raise
    steps = _meeting_steps(root, path, body, meeting_id, due)
    return Created(path, steps, f"Skapade {path.relative_to(root)}.", notes)


# --- ny protokoll ------------------------------------------------------------------


def new_protocol(root: Path, meeting_id: str, as_of: date) -> Created:
    data = _dataset(root)
    meeting = data.meeting(meeting_id)
    if meeting is None:
        import difflib

        known = [m.meeting_id for m in data.meetings]
        close = difflib.get_close_matches(meeting_id, known, n=1, cutoff=0.6)
        hint = f" Menade du '{close[0]}'?" if close else ""
        raise ScaffoldError(f"Mötet '{meeting_id}' finns inte under {MEETINGS_DIR}/.{hint}")
    if meeting.status is MeetingStatus.CANCELLED:
        raise ScaffoldError(
            f"Mötet '{meeting_id}' är inställt (status: inställt) och har inget protokoll; "
            "inget har skrivits."
        )
    path = root / MEETINGS_DIR / meeting_id / PROTOCOL_FILE
    kind = "extrainsatta sammanträde" if meeting.extra else "sammanträde"
    if meeting.body is BodyName.COMMITTEE:
        kind = "möte"
    title = f"# Protokoll från {meeting.body!s}s {kind} {meeting.date.isoformat()}"
    end = f"–{meeting.end.strftime('%H.%M')}" if meeting.end else ""
    lines = [
        title,
        "",
        f"**Tid:** {meeting.start.strftime('%H.%M')}{end}  ",
        f"**Plats:** {meeting.place or marker('plats')}",
        "",
    ]
    for item in meeting.agenda:
        lines += [
            f"## § {item.number} {item.title}",
            "",
            marker("vad som sades och beslutades"),
            "",
        ]
    if not meeting.agenda:
        lines += ["## § 1 Mötets öppnande", "", marker("vad som sades"), ""]
    _write_new(path, "\n".join(lines))
    notes = _validate(root, as_of, path)
    rel = path.relative_to(root)
    return Created(
        path,
        [
            f"Skriv protokollet i {rel}; varje paragraf är en rubrik '## § N Rubrik'.",
            "Ett beslut i mote.yaml anger sin paragraf (paragraf: N) – den ska finnas här.",
            "Sätt protokoll: status: utkast i mote.yaml medan du skriver (utkast publiceras "
            "aldrig), och status: färdigställt med färdigställt: datum när det är klart.",
            "Ersätt varje [FYLL I: …] med texten: i ett färdigställt protokoll varnar "
            "swecan-site check för markeringen (SC039).",
        ],
        f"Skapade {rel}.",
        notes,
    )


# --- ny partner --------------------------------------------------------------------


def _partner_entry(partner_id: str, name: str, sector: Sector, joined: date) -> list[str]:
    """The entry's lines, without the list's indentation."""
    return [
        f"- id: {partner_id}   # permanent id: små bokstäver, siffror och bindestreck",
        f"  namn: {_quoted(name)}",
        f"  sektor: {sector}                 # vård, forskning, myndighet, civilsamhälle, "
        "näringsliv",
        "  # webbplats: https://…          # (frivillig) organisationens webbplats",
        f"  ansluten: {joined.isoformat()}            # första dagen som partner",
        f"  avsiktsförklaring: {joined.isoformat()}   # datum då avsiktsförklaringen "
        "signerades (§5.1)",
        "  # inbjuden: ÅÅÅÅ-MM-DD          # (frivillig) datum för inbjudan",
        "  # antagen_genom: B-ÅÅÅÅ-NN      # från verksamhetsår 2: partnerskapets beslut (§2.1)",
    ]


def _check_new_partner(text: str, partner_id: str, name: str) -> None:
    """A Swedish error, before anything is written, for an id or a name taken already."""
    if not ID.fullmatch(partner_id):
        raise ScaffoldError(
            f"'{partner_id}' är inget giltigt id: använd a–z, 0–9 och bindestreck, t.ex. "
            "region-gotland. Inget har skrivits."
        )
    if not name.strip() or any(ch in name for ch in "\r\n"):
        raise ScaffoldError("Ange organisationens namn på en rad. Inget har skrivits.")
    try:
        doc = yamlpos.parse(text)
    except yamlpos.YamlProblem as exc:
        raise ScaffoldError(f"{PARTNERS_FILE} kan inte läsas ({exc}); rätta den först.") from None
    partners = doc.data.get("partners") if isinstance(doc.data, dict) else None
    for index, item in enumerate(partners if isinstance(partners, list) else []):
        if not isinstance(item, dict):
            continue
        line = doc.position(("partners", index))[0]
        if str(item.get("id")) == partner_id:
            raise ScaffoldError(
                f"Partnern '{partner_id}' finns redan i {PARTNERS_FILE} (rad {line}); "
                "inget har skrivits."
            )
        if str(item.get("namn", "")).strip().casefold() == name.strip().casefold():
            raise ScaffoldError(
                f"En partner med namnet '{item.get('namn')}' finns redan i {PARTNERS_FILE} "
                f"(id {item.get('id')}, rad {line}); inget har skrivits."
            )


def new_partner(
    root: Path, partner_id: str, name: str, sector: Sector, joined: date, as_of: date
) -> Created:
    path = root / PARTNERS_FILE
    original = path.read_text(encoding="utf-8")
    name = name.strip()
    _check_new_partner(original, partner_id, name)
    entry = _partner_entry(partner_id, name, sector, joined)
    try:
        text, line = partner_order.insert(original, entry, sector, name)
    except partner_order.OrderError as exc:
        raise ScaffoldError(
            f"Partnern kan inte läggas till i {PARTNERS_FILE}: {exc}. Inget har skrivits."
        ) from None
    path.write_text(text, encoding="utf-8")
    notes = _validate(root, as_of, path, undo=original, lines=range(line, line + len(entry)))
    return Created(
        path,
        [
            f"Kontrollera datumen för {partner_id} i {PARTNERS_FILE}: ansluten och "
            "avsiktsförklaring (signerad senast anslutningsdagen, §5.1).",
            "Från verksamhetsår 2: ange antagen_genom med partnerskapets beslut (§2.1).",
            "Kör swecan-site check: efterlevnadsreglerna för partners (SC501–SC506) bedömer "
            "den nya partnern.",
        ],
        f"Lade till partnern '{name}' ({partner_id}) i {PARTNERS_FILE} (rad {line}), "
        f"i avsnittet {SECTOR_NAMES[sector]}.",
        notes,
    )


# --- ny rapport --------------------------------------------------------------------


def new_report(root: Path, year: int, kind: ReportKind, as_of: date) -> Created:
    slug = str(kind).replace("å", "a").replace("ä", "a").replace("ö", "o")
    path = root / CONTENT_DIR / REPORTS_DIR / f"{year}-{slug}.md"
    config = _config(root)
    number = config.operating_year(date(year, 12, 31))
    start, end = config.operating_year_bounds(max(number, 1))
    finished = end < as_of
    title = f"{str(kind).capitalize()} {year}"
    text = (
        "---\n"
        f"titel: {title}\n"
        f"år: {year}                      # verksamhetsåret rapporten gäller\n"
        f"typ: {kind}             # årsrapport eller verksamhetsberättelse\n"
        "# antagen: ÅÅÅÅ-MM-DD          # (frivillig) datum då rapporten antogs\n"
        "utkast: true                  # publiceras inte förrän du tar bort raden\n"
        "# publicerad: ÅÅÅÅ-MM-DD       # datum då rapporten publiceras (§7)\n"
        "---\n"
        "\n"
        f"# {title}\n"
        "\n" + marker(f"rapporten för verksamhetsåret {start.isoformat()}–{end.isoformat()}") + "\n"
    )
    _write_new(path, text)
    notes = _validate(root, as_of, path)
    steps = [f"Skriv rapporten i {path.relative_to(root)}."]
    if finished:
        steps.append(
            "När den är klar: ta bort raden utkast: true och ange publicerad: med "
            "publiceringsdagen."
        )
    else:
        steps.append(
            f"Verksamhetsåret pågår till {end.isoformat()}: rapporten förblir utkast tills "
            "året är slut (SC040)."
        )
    return Created(path, steps, f"Skapade {path.relative_to(root)}.", notes)


# --- ny ärende ----------------------------------------------------------------------


def _open_matters(data: Dataset, as_of: date) -> str:
    """Comment lines naming the matters not yet decided or withdrawn on ``as_of``
    (swecan_site.matters), for the new meeting's agenda: ``ny möte`` offers them."""
    from .matters import MatterStatus, matters, status_on

    lines = []
    for record in sorted(matters(data).all(), key=lambda r: r.id):
        status = status_on(record.events(), as_of)
        if status not in (MatterStatus.DECIDED, MatterStatus.WITHDRAWN):
            lines.append(f"#   {record.id} {record.matter.title} ({status})\n")
    if not lines:
        return ""
    return (
        "# Öppna ärenden som kan tas upp på dagordningen (en punkt med ärende: Ä-ÅÅÅÅ-NN;\n"
        "# ärendet står kvar under ärenden: i mötet där det väcktes):\n" + "".join(lines)
    )


def _next_matter_id(data: Dataset, year: int) -> str:
    from .matters import matters

    numbers = [
        int(matter_id.rsplit("-", 1)[1])
        for matter_id in matters(data).records
        if matter_id.startswith(f"Ä-{year}-")
    ]
    return f"Ä-{year}-{max(numbers, default=0) + 1:02d}"


def _insert_matter(text: str, entry: str) -> str:
    """``entry`` (list items indented two spaces) added last under ``ärenden:``, as text:
    the file's comments and layout stay as they are."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"ärenden:", line)), None)
    if start is None:
        return text + ("" if text.endswith("\n") else "\n") + "\närenden:\n" + entry
    if re.match(r"ärenden:\s*\[\s*\]\s*(#.*)?$", lines[start]):
        lines[start] = "ärenden:\n"
        return "".join(lines[: start + 1]) + entry + "".join(lines[start + 1 :])
    end = next(
        (i for i in range(start + 1, len(lines))
         if lines[i].strip() and not lines[i][0].isspace() and not lines[i].startswith("-")),
        len(lines),
    )  # fmt: skip
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1  # blank lines and comments before the next key belong to it
    return "".join(lines[:end]) + entry + "".join(lines[end:])


def new_matter(
    root: Path,
    title: str,
    raised_by: list[str],
    as_of: date,
    *,
    meeting_id: str | None = None,
    raised: date | None = None,
    matter_id: str | None = None,
) -> Created:
    """A matter in the ärenden of a planned meeting (the next partnership meeting unless
    named), with the §4.2 date it must be raised by against that meeting's kallelse."""
    data = _dataset(root)
    if meeting_id is None:
        planned = [
            m for m in data.meetings
            if m.body is BodyName.PARTNERSHIP and m.status is MeetingStatus.PLANNED
            and m.date >= as_of
        ]  # fmt: skip
        if not planned:
            raise ScaffoldError(
                "Inget planerat sammanträde i partnerskapet: skapa mötet med swecan-site ny "
                "möte, eller ange --möte."
            )
        meeting = planned[0]
    else:
        found = data.meeting(meeting_id)
        if found is None:
            raise ScaffoldError(f"Mötet '{meeting_id}' finns inte under {MEETINGS_DIR}/.")
        meeting = found
    raised = raised or as_of
    matter_id = matter_id or _next_matter_id(data, raised.year)
    from .matters import matters

    if matter_id in matters(data).records:
        raise ScaffoldError(f"Ärendet {matter_id} finns redan; inget har skrivits.")
    days = data.params(meeting.date).matter_days_before_notice
    if meeting.notice_sent is not None:
        notice, sent = meeting.notice_sent, "kallelsen skickades"
    else:
        notice, sent = notice_deadline_on(data, meeting.date), "kallelsen senast"
    deadline = notice - timedelta(days=days)
    late = "" if raised <= deadline else " – SENT: ärendet hinner inte till detta möte"
    entry = (
        f"  # §4.2: väcks senast {deadline.isoformat()}, {days} dagar före kallelsen till "
        f"{meeting.meeting_id} ({sent} {notice.isoformat()}){late}.\n"
        "  # Tillagt med swecan-site ny ärende. Ett senare möte hänvisar till ärendet med\n"
        "  # ärende: på en punkt i dagordningen.\n"
        f"  - id: {matter_id}\n"
        f"    rubrik: {_quoted(title)}\n"
        f"    väckt_av: [{', '.join(raised_by)}]   # partner-id, eller arbetsutskottet, "
        "kansliet, ordföranden\n"
        f"    väckt: {raised.isoformat()}             # dagen den skriftliga begäran kom in\n"
        "    # underlag:                      # distribueras med kallelsen (§3.2)\n"
        "    #   - titel: …\n"
        "    #     distribuerat: ÅÅÅÅ-MM-DD\n"
        "    #     offentligt: true\n"
    )
    path = root / MEETINGS_DIR / meeting.meeting_id / MEETING_FILE
    original = path.read_text(encoding="utf-8")
    text = _insert_matter(original, entry)
    path.write_text(text, encoding="utf-8")
    first = text[: text.index(f"  - id: {matter_id}\n")].count("\n") + 1
    notes = _validate(root, as_of, path, undo=original, lines=range(first, first + 12))
    steps = [
        f"Kontrollera ärendet {matter_id} i {path.relative_to(root)}.",
        f"Lägg en punkt i dagordningen med ärende: {matter_id}.",
        f"§4.2: ärendet ska väckas senast {sv_date(deadline)} ({days} dagar före "
        f"kallelsen {sv_date(notice)}).",
    ]
    if late:
        steps.append(
            "Ärendet kom in för sent för detta möte; SC401 redovisar det om det ändå tas upp."
        )
    rel = path.relative_to(root).as_posix()
    return Created(path, steps, f"Lade till ärendet {matter_id} i {rel} (rad {first}).", notes)


__all__ = [
    "Created",
    "ScaffoldError",
    "new_matter",
    "new_meeting",
    "new_partner",
    "new_protocol",
    "new_report",
]
