"""`check --format markdown --base REF`: what a pull request changes in the record.

The data at the base ref is exported with ``git archive`` (no checkout, no
hooks, nothing from the pull request is executed) into a temporary directory
and checked as of the same date. The two data sets and the two problem sets
are compared: findings by rule and typed subject, never by message text.

The gate: a pull request fails on data errors and on *new* findings whose
severity is ``error``. A finding already present at the base never blocks –
a fact that is already public (a protocol finished late last year) must not
stop the site from being published.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check import EXIT_ERRORS, EXIT_OK, Report, check
from .dataset import Dataset
from .layout import CONFIG_FILE, CONTENT_DIR, MEETINGS_DIR, ORGANISATION_FILE, PARTNERS_FILE
from .models import Node
from .problems import Kind, Problem, Severity, section_label
from .rules import BY_ID
from .rules.common import protocol_published

DATA_PATHS = [CONFIG_FILE, PARTNERS_FILE, ORGANISATION_FILE, MEETINGS_DIR, CONTENT_DIR]


class BaseRefError(Exception):
    """The base ref could not be read (a Swedish message)."""


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise BaseRefError("git finns inte installerat.") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BaseRefError(f"git {args[0]} misslyckades: {message[-1] if message else ''}")
    return result.stdout


def export_ref(root: Path, ref: str, target: Path) -> Path:
    """Write the data files as they are at ``ref`` into ``target`` (git archive, no checkout)."""
    if ref.startswith("-"):
        raise BaseRefError(f"'{ref}' är ingen git-referens.")
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    prefix = _git(root, "rev-parse", "--show-prefix").decode().strip()
    listed = _git(root, "ls-tree", "--name-only", commit, "--", *[prefix + p for p in DATA_PATHS])
    present = [line for line in listed.decode("utf-8").splitlines() if line]
    target.mkdir(parents=True, exist_ok=True)
    if not present:
        return target
    archive = _git(root, "archive", "--format=tar", commit, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The 'data' filter refuses links out of the tree, device files and absolute paths.
        tar.extractall(target, filter="data")
    return target / prefix if prefix else target


def check_at_ref(root: Path, ref: str, as_of: date) -> Report:
    with tempfile.TemporaryDirectory(prefix="swecan-base-") as tmp:
        base_root = export_ref(Path(root), ref, Path(tmp))
        return check(base_root, as_of)


# --- comparing the record ------------------------------------------------------------


def _dump(node: Node | None) -> dict:
    return node.model_dump(mode="json", by_alias=True) if node is not None else {}


@dataclass
class Changes:
    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)


def record_changes(base: Dataset | None, head: Dataset | None) -> list[str]:
    """Swedish lines: what the pull request changes in the public record."""
    if head is None:
        return []
    out = Changes()
    base_partners = {p.id: p for p in base.partners} if base else {}
    for partner in head.partners:
        old = base_partners.pop(partner.id, None)
        if old is None:
            out.add(f"ny partner: {partner.name} ({partner.id}), ansluten {partner.joined}")
        elif _dump(old) != _dump(partner):
            if partner.withdrawal and not old.withdrawal:
                out.add(f"partner utträder: {partner.name} ({partner.withdrawal.date})")
            else:
                out.add(f"partner ändrad: {partner.name} ({partner.id})")
    for partner in base_partners.values():
        out.add(f"partner borttagen: {partner.name} ({partner.id})")

    base_meetings = {m.meeting_id: m for m in base.meetings} if base else {}
    for meeting in head.meetings:
        mid = meeting.meeting_id
        old_meeting = base_meetings.pop(mid, None)
        if old_meeting is None:
            out.add(f"nytt möte: {mid} ({meeting.status})")
        else:
            if old_meeting.status != meeting.status:
                out.add(f"möte {mid}: {old_meeting.status} → {meeting.status}")
            if old_meeting.notice_sent is None and meeting.notice_sent is not None:
                out.add(f"möte {mid}: kallelse skickad {meeting.notice_sent}")
            elif _dump(old_meeting) != _dump(meeting) and old_meeting.status == meeting.status:
                out.add(f"möte {mid} ändrat")
        was_public = old_meeting is not None and protocol_published(old_meeting)
        if protocol_published(meeting) and not was_public:
            out.add(f"protokoll {mid} publiceras")
        elif was_public and not protocol_published(meeting):
            out.add(f"protokoll {mid} avpubliceras")
        elif (
            old_meeting is not None
            and old_meeting.protocol_text != meeting.protocol_text
            and meeting.protocol_text is not None
        ):
            out.add(f"protokoll {mid} ändrat")
        if protocol_published(meeting):
            old_ids = {d.id for d in old_meeting.decisions} if was_public and old_meeting else set()
            for decision in meeting.decisions:
                if decision.id not in old_ids:
                    out.add(f"beslut publiceras: {decision.id} {decision.title}")
    for mid in base_meetings:
        out.add(f"möte borttaget: {mid}")

    base_reports = {(d.meta.year, str(d.meta.kind)): d for d in base.reports} if base else {}
    for doc in head.reports:
        key = (doc.meta.year, str(doc.meta.kind))
        old_doc = base_reports.pop(key, None)
        published = not doc.meta.draft and doc.meta.published is not None
        was = old_doc is not None and not old_doc.meta.draft and old_doc.meta.published
        if published and not was:
            out.add(f"{doc.meta.kind} {doc.meta.year} publiceras ({doc.meta.published})")
        elif old_doc is None:
            out.add(f"ny rapport (utkast): {doc.meta.kind} {doc.meta.year}")
        elif old_doc.body != doc.body or _dump(old_doc.meta) != _dump(doc.meta):
            out.add(f"rapport ändrad: {doc.meta.kind} {doc.meta.year}")
    base_versions = {d.meta.version: d for d in base.rules_versions} if base else {}
    for version in head.rules_versions:
        old_version = base_versions.pop(version.meta.version, None)
        if old_version is None:
            out.add(
                f"ny version av arbetsordningen: {version.meta.version}, gäller från "
                f"{version.meta.in_force} ({version.meta.adopted_by})"
            )
        elif old_version.body != version.body or _dump(old_version.meta) != _dump(version.meta):
            out.add(f"arbetsordningen version {version.meta.version} ändrad")
    if base is not None and _dump(base.organisation) != _dump(head.organisation):
        out.add("organisation.yaml ändrad (ordförande, arbetsutskott, kansli eller arbetsgrupper)")
    return out.lines


# --- comparing the findings ---------------------------------------------------------


def finding_key(problem: Problem) -> tuple[str, ...]:
    """Rule + typed subject; data errors (no subject) by rule + file. Never the message."""
    if problem.subject_kind:
        return (problem.rule, problem.subject_kind, problem.subject_id)
    return (problem.rule, problem.location.file)


@dataclass
class Comparison:
    head: Report
    base: Report | None
    introduced: list[Problem]
    resolved: list[Problem]
    changes: list[str]

    @property
    def blocking(self) -> list[Problem]:
        """Data errors, and new findings whose severity is error."""
        new_errors = [
            p for p in self.introduced if p.kind is Kind.COMPLIANCE and p.severity is Severity.ERROR
        ]
        return self.head.data_errors + new_errors

    @property
    def exit_code(self) -> int:
        return EXIT_ERRORS if self.blocking else EXIT_OK


def compare(head: Report, base: Report | None) -> Comparison:
    base_problems = base.problems if base is not None else []
    base_keys = {finding_key(p) for p in base_problems}
    head_keys = {finding_key(p) for p in head.problems}
    introduced = [p for p in head.problems if finding_key(p) not in base_keys]
    resolved = [p for p in base_problems if finding_key(p) not in head_keys]
    changes = record_changes(base.dataset if base else None, head.dataset)
    return Comparison(head, base, introduced, resolved, changes)


# --- Markdown ------------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def _rule_line(problem: Problem) -> str:
    rule = BY_ID.get(problem.rule)
    ref = section_label(problem.section)
    head = f"**{problem.rule}**" + (f" ({ref})" if ref else "")
    text = f"{head} `{problem.location}` – {_escape(problem.message)}"
    if rule is not None:
        label = rule.basis.label if rule.kind is Kind.COMPLIANCE else "Datafel"
        text += f"  \n  *{label}: {_escape(rule.summary)}*"
        for quote in rule.quotes:
            text += f"  \n  > ”{_escape(quote.text)}” (§{quote.section})"
    return text


def _list(problems: Iterable[Problem]) -> list[str]:
    return [f"- {_rule_line(p)}" for p in problems]


def format_markdown(comparison: Comparison) -> str:
    head = comparison.head
    lines = [f"## SweCan: kontroll per {head.as_of.isoformat()}", ""]
    blocking = comparison.blocking
    if blocking:
        lines.append(
            f"**Stoppar publicering:** {len(head.data_errors)} datafel, "
            f"{len(blocking) - len(head.data_errors)} nya fynd med allvarlighetsgrad fel."
        )
    else:
        lines.append("**Kan publiceras:** inga datafel och inga nya fynd som stoppar.")
    lines.append("")
    if comparison.base is not None:
        lines += ["### Ändringar i det som publiceras", ""]
        lines += [f"- {_escape(c)}" for c in comparison.changes] or ["- inga"]
        lines.append("")
    if head.data_errors:
        lines += ["### Datafel (måste rättas)", "", *_list(head.data_errors), ""]
    introduced = [p for p in comparison.introduced if p.kind is Kind.COMPLIANCE]
    resolved = [p for p in comparison.resolved if p.kind is Kind.COMPLIANCE]
    if comparison.base is not None:
        lines += ["### Nya efterlevnadsfynd", ""] + (_list(introduced) or ["- inga"]) + [""]
        lines += ["### Åtgärdade fynd", ""] + (_list(resolved) or ["- inga"]) + [""]
        kept = len(head.findings) - len(introduced)
        if kept:
            lines += [
                f"{kept} fynd fanns redan före ändringen; de är publicerade fakta och "
                "stoppar inte publiceringen.",
                "",
            ]
    else:
        lines += ["### Efterlevnadsfynd", ""] + (_list(head.findings) or ["- inga"]) + [""]
    return "\n".join(lines)


def summary(root: Path, as_of: date, base_ref: str | None) -> Comparison:
    head = check(root, as_of)
    base = check_at_ref(root, base_ref, as_of) if base_ref else None
    return compare(head, base)
