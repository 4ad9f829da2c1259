"""The command line: thin wrappers around check, explain and rules."""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
import textwrap
import traceback
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import argparse_sv, labels, progress, provenance, publish, siteconfig, theme_sandbox
from .check import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, Report, check
from .config import Parameters
from .dates import sv_date, today
from .facts import protocol_published
from .layout import CONFIG_FILE as DATA_CONFIG_FILE
from .models import MATTER_ID_PATTERN
from .problems import FORMATTERS, SEVERITY_SV, Kind, Severity, section_label
from .rules import AREAS, BY_ID, REGISTRY, Rule
from .rules.base import ARBETSORDNING, SOURCE_NAMES, Basis
from .rules.interpretations import for_rule

if TYPE_CHECKING:
    from . import scaffold

EXIT_CODES = """\
slutkoder:
  0  inga fel (efterlevnadsfynd rapporteras men stoppar inte)
  1  datafel, eller efterlevnadsfynd med allvarlighetsgrad error
  2  med --strict: varningar (efterlevnadsfynd med allvarlighetsgrad warning,
     datavarningarna SC033 och SC039)
  3  felaktigt kommando eller argument
"""


# What an argument may be (issue 18): a value outside these ranges is a one-line
# Swedish usage error (exit 3), never an internal error or a line written into a file.
YEARS = range(2000, 2201)  # dates the site can compute with (deadlines add years)
MAX_DAYS = 3650  # frister --dagar: ten years ahead
REPORT_YEARS = range(2025, 2101)  # the years a report's front matter accepts (ReportMeta)


def _shown(value: str) -> str:
    """An argument as an error message shows it: on one line, control characters escaped."""
    return repr(value[:80])


def _as_of(value: str) -> date:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_shown(value)} är inget datum (ÅÅÅÅ-MM-DD)") from None
    if day.year not in YEARS:
        raise argparse.ArgumentTypeError(
            f"{_shown(value)}: året ska vara {YEARS.start}–{YEARS.stop - 1}"
        )
    return day


def _days(value: str) -> int:
    if not value.isdigit() or int(value) > MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"{_shown(value)}: ange ett antal dagar mellan 0 och {MAX_DAYS}"
        )
    return int(value)


def _report_year(value: str) -> int:
    if not value.isdigit() or int(value) not in REPORT_YEARS:
        raise argparse.ArgumentTypeError(
            f"{_shown(value)}: ange verksamhetsåret med fyra siffror, "
            f"{REPORT_YEARS.start}–{REPORT_YEARS.stop - 1}"
        )
    return int(value)


def _identifier(value: str) -> str:
    from .scaffold import ID

    if not ID.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"{_shown(value)} är inget giltigt id: använd a–z, 0–9 och bindestreck, "
            "t.ex. region-gotland"
        )
    return value


def _one_line(value: str) -> str:
    if any(unicodedata.category(ch)[0] == "C" for ch in value):
        raise argparse.ArgumentTypeError(
            f"{_shown(value)}: skriv texten på en rad, utan styrtecken"
        )
    return value


class _Parser(argparse_sv.Parser):
    """Usage, help and errors in Swedish; a usage error exits 3 (2 means warnings here)."""

    usage_exit = EXIT_USAGE


def cmd_check(args: argparse.Namespace) -> int:
    if args.format == "markdown" or args.base:
        return _check_markdown(args)
    report = check(args.root, args.as_of)
    output = FORMATTERS[args.format](report.problems)
    if output:
        print(output)
    if args.format == "text":
        for line in _publication_evidence(report):
            print(line)
        summary = _summary(report)
        if report.data_errors and report.dataset is not None:
            summary += "; efterlevnadsreglerna körs när datafelen är rättade"
        print(summary, file=sys.stderr)
        _provenance_note(report)
    return report.exit_code(args.strict)


def _publication_evidence(report: Report) -> list[str]:
    """One line per protocol whose publication day the git history shows (provenance.py),
    located at its status line: what the meeting page says, for the kansli at the prompt.
    Not a finding (SC209 reports a typed date that disagrees)."""
    evidence, data = report.evidence, report.dataset
    if data is None or not evidence.available or report.data_errors:
        return []
    lines = []
    for meeting in data.meetings:
        commit = evidence.protocol_published_at(meeting.meeting_id)
        if commit is None or meeting.protocol is None or not protocol_published(meeting):
            continue
        title = labels.meeting_title(meeting)
        lines.append(
            f"{meeting.protocol.where('status')}: versionshistorik: protokollet från "
            f"{title[:1].lower()}{title[1:]} blev offentligt {sv_date(commit.day)} "
            f"(commit {commit.short})."
        )
    return lines


def _provenance_note(report: Report) -> None:
    """Once per command, on stderr: the git evidence is missing (not an error)."""
    reason = report.evidence.unavailable
    if reason is not None and reason != provenance.UNAVAILABLE_OFF and report.dataset:
        print(
            f"Obs: ingen versionshistorik – {reason}; datum från git visas inte. "
            "Bygg från en fullständig klon (git clone utan --depth) för att visa dem.",
            file=sys.stderr,
        )


def _check_markdown(args: argparse.Namespace) -> int:
    """The pull request summary; with --base the gate counts only new findings."""
    from . import prsummary

    try:
        comparison = prsummary.summary(args.root, args.as_of, args.base)
    except prsummary.BaseRefError as exc:
        print(f"Kunde inte läsa --base {args.base}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "markdown":
        print(prsummary.format_markdown(comparison))
    else:
        output = FORMATTERS[args.format](comparison.head.problems)
        if output:
            print(output)
    if args.base:
        return comparison.exit_code
    return comparison.head.exit_code(args.strict)


def cmd_rules(args: argparse.Namespace) -> int:
    area = None
    for rule in REGISTRY:
        if rule.area != area:
            area = rule.area
            print(f"\n{AREAS[area]}")
        ref = section_label(rule.section)
        print(
            f"  {rule.id}  {rule.name:<26} {SEVERITY_SV[rule.severity]:<8} {ref:<12} {rule.summary}"
        )
    return EXIT_OK


def _rule_named(name: str) -> Rule | None:
    by_name = {r.name: r for r in REGISTRY}
    return BY_ID.get(name.upper()) or by_name.get(name.lower())


def _explain_settings(rule: Rule, root: Path, as_of: date) -> Parameters:
    """The severity and parameters in force per ``as_of`` under swecan.yaml (issue 20)."""
    from . import rule_settings

    config, problems = rule_settings.read_config(root)
    if problems:
        print(f"Obs: {DATA_CONFIG_FILE} kan inte läsas ({len(problems)} fel, se "
              "swecan-site check); visar arbetsordningens standardvärden.",
              file=sys.stderr)  # fmt: skip
    found = rule_settings.settings(rule, config, as_of)
    kind = "datafel (stoppar publicering)" if rule.kind == "data" else "efterlevnad"
    if rule.kind is Kind.DATA and rule.severity is Severity.WARNING:
        kind = "datavarning (stoppar inte publicering; --strict ger slutkod 2)"
    severity = SEVERITY_SV[found.severity]
    if found.severity_at is not None:
        severity += (
            f" (satt i {found.severity_at.file} rad {found.severity_at.line}; "
            f"standard: {SEVERITY_SV[found.default_severity]})"
        )
    print(f"Typ: {kind}. Allvarlighetsgrad: {severity}.")
    if rule.kind is Kind.COMPLIANCE:
        print(f"Slag: {rule.basis.label}.")
    if found.parameters:
        print(f"\nParametrar i {DATA_CONFIG_FILE} per {sv_date(as_of)}:")
    for item in found.parameters:
        value = rule_settings.shown(item.value)
        if item.changed:
            since = f" från {item.since.isoformat()}" if item.since else ""
            note = f"ändrad{since}; standard: {rule_settings.shown(item.default)}"
        else:
            note = "standard"
        later = "".join(
            f"; från {start.isoformat()}: {rule_settings.shown(value_then)}"
            for start, value_then in item.later
        )
        print(textwrap.fill(f"  {item.name}: {value} ({note}{later}) – {item.description}",
                            width=78, subsequent_indent="    "))  # fmt: skip
    print()
    return config.params_at(as_of)


def cmd_explain(args: argparse.Namespace) -> int:
    rule = _rule_named(args.rule)
    if rule is None:
        known = [r.id for r in REGISTRY] + [r.name for r in REGISTRY]
        hint = argparse_sv.suggestion(args.rule.upper(), known) or argparse_sv.suggestion(
            args.rule.lower(), known
        )
        print(f"Ingen regel heter {args.rule}.{hint} Se 'swecan-site rules'.", file=sys.stderr)
        return EXIT_ERRORS
    ref = section_label(rule.section) or "–"
    print(f"{rule.id} {rule.name} ({ref})\n{rule.summary}\n")
    in_force = _explain_settings(rule, args.root, args.as_of)
    for quote in rule.quotes:
        source = (
            "§" + quote.section
            if quote.source == ARBETSORDNING
            else (f"{SOURCE_NAMES[quote.source]}, punkt {quote.section}")
        )
        print(textwrap.fill(f"”{quote.text}” ({source})", width=78, subsequent_indent="  "))
    if rule.quotes:
        print()
    elif rule.kind is Kind.COMPLIANCE and rule.basis is Basis.TARGET:
        print("Kansliets eget mål; arbetsordningen ställer inte det kravet.\n")
    print(textwrap.dedent(rule.explanation))
    for item in for_rule(rule.id):
        print(f"\nTolkning {item.id}: {item.title}")
        for quote in item.reads:
            print(
                textwrap.fill(
                    f"  Läser: ”{quote.text}” (§{quote.section})",
                    width=78,
                    subsequent_indent="    ",
                )
            )
        chosen = getattr(in_force, item.parameter, item.default)
        for value, text in item.options.items():
            mark = "standard" if value == item.default else "alternativ"
            mark += ", gäller" if value == chosen else ""
            print(
                textwrap.fill(
                    f"  {item.parameter}: {value} ({mark}) – {text}",
                    width=78,
                    subsequent_indent="    ",
                )
            )
    return EXIT_OK


def _checked(args: argparse.Namespace) -> Report | None:
    """Run the check; print data errors the way `check` does. None if they stop us."""
    report = check(args.root, args.as_of)
    if report.data_errors:
        print(FORMATTERS["text"](report.data_errors))
        print(f"{len(report.data_errors)} datafel: inget har skrivits.", file=sys.stderr)
        return None
    return report


def _interrupted(exc: BaseException) -> int:
    name = signal.Signals(exc.signum).name if isinstance(exc, publish.Interrupted) else "SIGINT"
    print(f"Avbrutet ({name}): inget har skrivits och ingen tillfällig katalog finns kvar.",
          file=sys.stderr)  # fmt: skip
    return EXIT_ERRORS


def _write_tree(root: Path, files: dict[str, bytes]) -> None:
    """Write {relative path: bytes} below ``root`` (a staging directory)."""
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def cmd_generate(args: argparse.Namespace) -> int:
    from .public import PublicView
    from .render import site_assets
    from .site_files import pages as site_pages

    try:
        publish.check_target(args.out, [args.root])
    except publish.BuildError as exc:
        print(f"Inget skrevs: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    report = _checked(args)
    if report is None:
        return EXIT_ERRORS
    view = PublicView(report)
    pages = site_pages(view)
    try:
        with publish.signals_as_exceptions(), publish.staging(args.out) as staging:
            _write_tree(staging, {path: text.encode() for path, text in pages.items()})
            _write_tree(staging, {p: src.read_bytes() for p, src in site_assets(view).items()})
    except (publish.Interrupted, KeyboardInterrupt) as exc:
        return _interrupted(exc)
    print(f"{len(pages)} sidor skrivna till {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """The open data, feeds and calendars (swecan_site/outputs) without MkDocs."""
    from .outputs import write_all
    from .public import PublicView

    try:
        publish.check_target(args.out, [args.root])
    except publish.BuildError as exc:
        print(f"Inget skrevs: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    config_file = args.config_file or args.root / siteconfig.CONFIG_FILE
    problems = publish.config_problems(config_file)
    if problems:
        print(problems)
        print(f"{config_file} kan inte läsas: inget skrevs.", file=sys.stderr)
        return EXIT_ERRORS
    base_url = siteconfig.site_url(config_file)
    if not base_url:
        print(f"Inget skrevs: site_url saknas i {config_file}; öppna data och flöden "
              "behöver webbplatsens adress.", file=sys.stderr)  # fmt: skip
        return EXIT_ERRORS
    report = _checked(args)
    if report is None:
        return EXIT_ERRORS
    files = write_all(PublicView(report, base_url=base_url))
    try:
        with publish.signals_as_exceptions(), publish.staging(args.out) as staging:
            _write_tree(staging, files)
    except (publish.Interrupted, KeyboardInterrupt) as exc:
        return _interrupted(exc)
    print(f"{len(files)} filer skrivna till {args.out}", file=sys.stderr)
    return EXIT_OK


def _summary(report: Report) -> str:
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    noun = "varning" if warnings == 1 else "varningar"
    return f"{errors} fel, {warnings} {noun} (per {sv_date(report.as_of)})"


def cmd_build(args: argparse.Namespace) -> int:
    # mkdocs.yml first, with a safe loader: MkDocs' own loader runs Python tags.
    problems = publish.config_problems(args.config_file)
    if problems:
        print(problems)
        print(f"{args.config_file} läses inte av MkDocs: inget har byggts.", file=sys.stderr)
        return EXIT_ERRORS
    report = _checked(args)
    if report is None:
        return EXIT_ERRORS
    # The same findings and exit code as `check`: an error-level finding stops the build.
    if report.findings:
        print(FORMATTERS["text"](report.findings))
    print(_summary(report), file=sys.stderr)
    _provenance_note(report)
    if report.exit_code() != EXIT_OK and not args.allow_findings:
        print(
            "Bygget avbröts: efterlevnadsfynd med allvarlighetsgrad error (se swecan.yaml, "
            "severity). Inget har skrivits. (--allow-findings bygger ändå: fynden är "
            "publicerade fakta.)",
            file=sys.stderr,
        )
        return report.exit_code()
    try:
        with publish.signals_as_exceptions():
            site_dir = publish.build_site(
                args.config_file,
                args.site_dir,
                args.as_of,
                project_roots=[args.root],
                report=report,
            )
    except publish.BuildError as exc:
        print(f"Bygget avbröts: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except (publish.Interrupted, KeyboardInterrupt) as exc:
        return _interrupted(exc)
    print(f"Webbplatsen är byggd i {site_dir}", file=sys.stderr)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        publish.serve_site(args.config_file, args.as_of, args.dev_addr)
    except publish.BuildError as exc:
        print(f"Förhandsvisningen startade inte: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def cmd_deadlines(args: argparse.Namespace) -> int:
    from . import deadlines

    report = _checked(args)
    if report is None:
        return EXIT_ERRORS
    items = deadlines.upcoming(report, args.dagar)
    if args.format == "json":
        print(deadlines.format_json(items))
    elif args.format == "ics":
        reminders = report.dataset.config.reminder_days if report.dataset else ()
        sys.stdout.write(deadlines.format_ics(items, args.as_of, reminders))
    else:
        print(deadlines.format_text(items, args.as_of, args.dagar))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from . import scaffold
    from .models import BodyName, ReportKind, Sector

    root: Path = args.root
    try:
        if args.what in ("möte", "meeting"):
            created = scaffold.new_meeting(
                root,
                BodyName(args.organ),
                args.datum,
                args.as_of,
                start=args.tid,
                form=args.form,
                place=args.plats or "",
            )
        elif args.what in ("protokoll", "protocol"):
            created = scaffold.new_protocol(root, args.mote, args.as_of)
        elif args.what == "partner":
            created = scaffold.new_partner(
                root, args.id, args.namn, Sector(args.sektor), args.ansluten, args.as_of
            )
        else:
            created = scaffold.new_report(root, args.ar, ReportKind(args.typ), args.as_of)
    except scaffold.ScaffoldError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERRORS
    return _report_created(created)


def _report_created(created: scaffold.Created) -> int:
    """What a `ny` command did, its next steps and the check's words about it."""
    print(f"{created.done} Nästa steg:")
    for number, step in enumerate(created.next_steps, start=1):
        print(f"  {number}. {step}")
    if created.notes:
        print("\nKontrollen (swecan-site check) om det som skrevs:")
        for note in created.notes:
            print(f"  {note}")
    return EXIT_OK


def cmd_new_matter(args: argparse.Namespace) -> int:
    """`ny ärende`: a matter in a planned meeting's ärenden, with its §4.2 date."""
    from . import scaffold

    root: Path = args.root
    try:
        created = scaffold.new_matter(
            root,
            args.rubrik,
            args.vackt_av,
            args.as_of,
            meeting_id=args.mote,
            raised=args.vackt,
            matter_id=args.arende_id,
        )
    except scaffold.ScaffoldError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERRORS
    return _report_created(created)


def _raisers(value: str) -> list[str]:
    return [_identifier(part.strip()) for part in value.split(",")]


def _matter_id(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    if not re.fullmatch(MATTER_ID_PATTERN, value):
        raise argparse.ArgumentTypeError(f"{_shown(value)} är inget ärende-id (Ä-ÅÅÅÅ-NN)")
    return value


def _add_new_matter_command(kinds: argparse._SubParsersAction, as_of: Mapping[str, Any]) -> None:
    m = kinds.add_parser("ärende", aliases=["matter"], help="nytt ärende i ett planerat möte")
    m.add_argument("--rubrik", type=_one_line, required=True, help="ärendets rubrik")
    m.add_argument(
        "--väckt-av", dest="vackt_av", type=_raisers, required=True, metavar="ID[,ID…]",
        help="partner-id eller organ, åtskilda med komma, t.ex. cancerfonden,lif",
    )  # fmt: skip
    m.add_argument(
        "--väckt", dest="vackt", type=_as_of, default=None, metavar="ÅÅÅÅ-MM-DD",
        help="dagen den skriftliga begäran kom in (standard: i dag)",
    )  # fmt: skip
    m.add_argument(
        "--möte", dest="mote", default=None, metavar="MÖTE-ID",
        help="mötets mappnamn (standard: nästa planerade sammanträde i partnerskapet)",
    )  # fmt: skip
    m.add_argument(
        "--id", dest="arende_id", type=_matter_id, default=None, metavar="Ä-ÅÅÅÅ-NN",
        help="ärendets id (standard: nästa lediga Ä-ÅÅÅÅ-NN)",
    )  # fmt: skip
    m.add_argument("--as-of", **as_of)
    m.set_defaults(func=cmd_new_matter)


def _add_new_commands(sub: argparse._SubParsersAction) -> None:
    """`ny möte|protokoll|partner|rapport` (English aliases: `new meeting` …)."""
    from .models import BodyName, ReportKind, Sector

    p = sub.add_parser("ny", aliases=["new"], help="skapa ett nytt möte, protokoll, partner …")
    kinds = p.add_subparsers(
        dest="what", required=True, metavar="SLAG", title="slag", parser_class=_Parser
    )
    as_of = {
        "type": _as_of,
        "default": None,
        "metavar": "DATUM",
        "help": "kontrollera per detta datum",
    }

    m = kinds.add_parser("möte", aliases=["meeting"], help="ny mötesmapp med mote.yaml")
    m.add_argument("--organ", choices=[b.value for b in BodyName], required=True)
    m.add_argument(
        "--datum", type=_as_of, metavar="DATUM", required=True, help="mötesdagen (ÅÅÅÅ-MM-DD)"
    )
    m.add_argument("--tid", type=_one_line, default="10:00", help="starttid (standard 10:00)")
    m.add_argument("--form", choices=["fysiskt", "hybrid", "digitalt"], default="fysiskt")
    m.add_argument("--plats", type=_one_line, default="", help="adress, eller digitalt")
    m.add_argument("--as-of", **as_of)

    m = kinds.add_parser("protokoll", aliases=["protocol"], help="protokoll.md för ett möte")
    m.add_argument(
        "mote", metavar="MÖTE-ID", help="mötets mappnamn, t.ex. 2026-12-03-partnerskapet"
    )
    m.add_argument("--as-of", **as_of)

    m = kinds.add_parser("partner", help="lägg till en partner i partners.yaml")
    m.add_argument(
        "--id", type=_identifier, required=True, help="permanent id, t.ex. region-gotland"
    )
    m.add_argument("--namn", type=_one_line, required=True, help="organisationens namn")
    m.add_argument("--sektor", choices=[s.value for s in Sector], required=True)
    m.add_argument(
        "--ansluten", type=_as_of, metavar="DATUM", required=True, help="första dagen som partner"
    )
    m.add_argument("--as-of", **as_of)

    m = kinds.add_parser("rapport", aliases=["report"], help="ny årsrapport i content/rapporter/")
    m.add_argument("ar", metavar="ÅR", type=_report_year, help="verksamhetsåret, t.ex. 2026")
    m.add_argument("--typ", choices=[k.value for k in ReportKind], default="årsrapport")
    m.add_argument("--as-of", **as_of)
    _add_new_matter_command(kinds, as_of)
    p.set_defaults(func=cmd_new)


def cmd_schemas(args: argparse.Namespace) -> int:
    from . import schemas

    for path in schemas.write(args.out):
        print(path)
    return EXIT_OK


def internal_error(exc: Exception, debug: bool, root: Path = Path(".")) -> int:
    """One Swedish line naming the file being processed; the traceback only with --debug.

    A template the sandbox stopped is not a crash but refused site code: its line
    names the template and the line instead."""
    if debug:
        traceback.print_exception(exc)
    if (refused := theme_sandbox.refusal(exc, root.resolve())) is not None:
        print(f"swecan-site: {refused}", file=sys.stderr)  # site code, not a crash
        return EXIT_ERRORS
    file = progress.current(exc) or "okänd fil"
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    hint = "" if debug else " Kör igen med --debug för hela felspåret."
    print(
        f"swecan-site: internt fel vid bearbetning av {file}: {type(exc).__name__}"
        f"{': ' + detail if detail else ''}.{hint} Rapportera felet till utvecklarna.",
        file=sys.stderr,
    )
    return EXIT_ERRORS


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="swecan-site",
        description="Kontrollerar och publicerar SweCans data enligt arbetsordningen.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        metavar="KATALOG",
        help="datakatalogen (standard: aktuell katalog)",
    )
    parser.add_argument(
        "--debug", action="store_true", help="visa hela felspåret (traceback) vid interna fel"
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="KOMMANDO", title="kommandon", parser_class=_Parser
    )

    p = sub.add_parser(
        "check",
        help="kontrollera data och arbetsordningens regler",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--as-of",
        type=_as_of,
        metavar="DATUM",
        default=None,
        help="bedöm per detta datum (ÅÅÅÅ-MM-DD; standard: i dag)",
    )
    p.add_argument("--format", choices=[*sorted(FORMATTERS), "markdown"], default="text")
    p.add_argument("--strict", action="store_true", help="låt även varningar ge slutkod 2")
    p.add_argument(
        "--base",
        metavar="REF",
        default=None,
        help="jämför med datan i git-referensen REF (t.ex. origin/main): bara nya fynd "
        "med allvarlighetsgrad error ger slutkod 1",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="kontrollera och bygg webbplatsen (MkDocs) i site/")
    p.add_argument(
        "--as-of", type=_as_of, metavar="DATUM", default=None, help="bedöm per detta datum"
    )
    p.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    p.add_argument(
        "--allow-findings",
        action="store_true",
        help="bygg även om ett efterlevnadsfynd har allvarlighetsgrad error (datafel stoppar "
        "alltid); för publicering från main, där spärren redan körts i pull requesten",
    )
    p.add_argument(
        "--site-dir", type=Path, default=None, help="målkatalog (standard: site_dir i mkdocs.yml)"
    )
    p.set_defaults(func=cmd_build)

    p = sub.add_parser(
        "serve",
        help="förhandsvisa webbplatsen lokalt; bygger om det som ändras när en fil sparas",
    )
    p.add_argument(
        "--as-of",
        type=_as_of,
        metavar="DATUM",
        default=None,
        help="visa webbplatsen per detta datum",
    )
    p.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    p.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="VÄRD:PORT",
        help="adress att lyssna på (standard: 127.0.0.1:8000)",
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("generate", help="skriv webbplatsens sidor som Markdown (för andra motorer)")
    p.add_argument(
        "--as-of", type=_as_of, metavar="DATUM", default=None, help="bedöm per detta datum"
    )
    p.add_argument("--out", type=Path, required=True, help="målkatalog")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser(
        "export", help="skriv öppna data, flöden och kalendrar (utan MkDocs) till en katalog"
    )
    p.add_argument(
        "--as-of", type=_as_of, metavar="DATUM", default=None, help="bedöm per detta datum"
    )
    p.add_argument("--out", type=Path, required=True, help="målkatalog")
    p.add_argument(
        "--config-file",
        type=Path,
        default=None,
        help="mkdocs.yml med site_url (standard: mkdocs.yml i datakatalogen)",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "frister", aliases=["deadlines"], help="lista frister som infaller de närmaste dagarna"
    )
    p.add_argument(
        "--as-of", type=_as_of, metavar="DATUM", default=None, help="räkna från detta datum"
    )
    p.add_argument(
        "--dagar", "--days", type=_days, default=30, help="antal dagar framåt (standard: 30)"
    )
    p.add_argument("--format", choices=["text", "json", "ics"], default="text")
    p.set_defaults(func=cmd_deadlines)

    _add_new_commands(sub)

    p = sub.add_parser("schemas", help="skriv JSON Schema för datafilerna (hjälp i editorn)")
    p.add_argument("--out", type=Path, default=Path("schemas"), help="målkatalog (schemas/)")
    p.set_defaults(func=cmd_schemas)

    p = sub.add_parser("rules", help="lista alla regler")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser(
        "explain", help="förklara en regel, med allvarlighetsgrad och parametrar i swecan.yaml"
    )
    p.add_argument("rule", metavar="REGEL", help="regelkod eller namn, t.ex. SC302")
    p.add_argument(
        "--as-of", type=_as_of, metavar="DATUM", default=None,
        help="parametrarna som gäller detta datum (standard: i dag)",
    )  # fmt: skip
    p.set_defaults(func=cmd_explain)
    # --debug also after the command (each parser once: aliases share theirs)
    for command in {id(c): c for c in sub.choices.values()}.values():
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help=argparse.SUPPRESS)  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "as_of", "unset") is None:
        args.as_of = today()
    try:
        return args.func(args)
    except BrokenPipeError:  # the output went to a reader that stopped (| head): not a bug
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERRORS
    except Exception as exc:  # a bug or an input we did not foresee: never a bare traceback
        return internal_error(exc, args.debug, args.root)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
