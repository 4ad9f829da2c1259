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
import re
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check import EXIT_ERRORS, EXIT_OK, Report, check
from .dataset import Dataset
from .dates import sv_date
from .layout import CONFIG_FILE, CONTENT_DIR, MEETINGS_DIR, ORGANISATION_FILE, PARTNERS_FILE
from .models import ContentDoc, Meeting, Node, ReportMeta
from .problems import Kind, Problem, Severity, section_label
from .rules import BY_ID
from .rules.common import protocol_published, report_published

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


def _commit(root: Path, ref: str) -> str:
    """The commit ``ref`` names (a BaseRefError if it names none, or is an option)."""
    if ref.startswith("-"):
        raise BaseRefError(f"'{ref}' är ingen git-referens.")
    return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()


def _prefix(root: Path) -> str:
    """``root`` relative to the top of its git work tree ('' at the top)."""
    return _git(root, "rev-parse", "--show-prefix").decode().strip()


def export_ref(root: Path, ref: str, target: Path) -> Path:
    """Write the data files as they are at ``ref`` into ``target`` (git archive, no checkout)."""
    commit = _commit(root, ref)
    prefix = _prefix(root)
    listed = _git(root, "ls-tree", "--name-only", commit, "--", *[prefix + p for p in DATA_PATHS])
    present = [line for line in listed.decode("utf-8").splitlines() if line]
    target.mkdir(parents=True, exist_ok=True)
    if not present:
        return target
    archive = _git(root, "archive", "--format=tar", commit, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The 'data' filter refuses links out of the tree, device files and absolute paths.
        try:
            tar.extractall(target, filter="data")
        except (tarfile.FilterError, OSError) as exc:
            raise BaseRefError(
                f"Datafilerna i {ref} går inte att läsa ut: en fil pekar utanför mappen "
                f"eller är ingen vanlig fil ({type(exc).__name__})."
            ) from None
    return target / prefix if prefix else target


def is_data(path: str) -> bool:
    """Whether a repository path is data the kansli and partners change through pull
    requests (DATA_PATHS); everything else – the package, templates, mkdocs.yml,
    workflows, static files, tests, docs – is site code, reviewed by a developer."""
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in DATA_PATHS)


def site_code_changed(root: Path, ref: str) -> list[str]:
    """Files outside the data that differ between ``ref`` and the working tree."""
    commit = _commit(root, ref)
    changed = _git(root, "diff", "--name-only", "--no-renames", "-z", commit, "--", ".")
    prefix = _prefix(root)
    paths = [p.decode("utf-8", "replace") for p in changed.split(b"\0") if p]
    return sorted(p.removeprefix(prefix) for p in paths if not is_data(p.removeprefix(prefix)))


def check_at_ref(root: Path, ref: str, as_of: date) -> Report:
    with tempfile.TemporaryDirectory(prefix="swecan-base-") as tmp:
        base_root = export_ref(Path(root), ref, Path(tmp))
        return check(base_root, as_of)


# --- comparing the record ------------------------------------------------------------


def _dump(node: Node | None) -> dict:
    return node.model_dump(mode="json", by_alias=True) if node is not None else {}


# One comparer per kind of record: (base or None, head) -> Swedish lines, in head order.
# (base, head, as-of date) -> Swedish change lines
Comparer = Callable[[Dataset | None, Dataset, date], list[str]]


def partner_changes(base: Dataset | None, head: Dataset, as_of: date) -> list[str]:
    """New, changed, withdrawing and removed partners."""
    lines = []
    base_partners = {p.id: p for p in base.partners} if base else {}
    for partner in head.partners:
        old = base_partners.pop(partner.id, None)
        if old is None:
            lines.append(
                f"ny partner: {partner.name} ({partner.id}), ansluten {sv_date(partner.joined)}"
            )
        elif _dump(old) != _dump(partner):
            if partner.withdrawal and not old.withdrawal:
                lines.append(
                    f"partner utträder: {partner.name} ({sv_date(partner.withdrawal.date)})"
                )
            else:
                lines.append(f"partner ändrad: {partner.name} ({partner.id})")
    lines += [f"partner borttagen: {p.name} ({p.id})" for p in base_partners.values()]
    return lines


def meeting_changes(base: Dataset | None, head: Dataset, as_of: date) -> list[str]:
    """Per meeting: the meeting, its protocol and its decisions; then removed meetings."""
    lines = []
    base_meetings = {m.meeting_id: m for m in base.meetings} if base else {}
    for meeting in head.meetings:
        old = base_meetings.pop(meeting.meeting_id, None)
        lines += _meeting_lines(old, meeting)
        lines += _protocol_lines(old, meeting)
        lines += _decision_lines(old, meeting)
    lines += [f"möte borttaget: {mid}" for mid in base_meetings]
    return lines


def _meeting_lines(old: Meeting | None, meeting: Meeting) -> list[str]:
    """A new meeting, a change of status, a notice sent, or some other change."""
    mid = meeting.meeting_id
    if old is None:
        return [f"nytt möte: {mid} ({meeting.status})"]
    lines = []
    if old.status != meeting.status:
        lines.append(f"möte {mid}: {old.status} → {meeting.status}")
    if old.notice_sent is None and meeting.notice_sent is not None:
        lines.append(f"möte {mid}: kallelse skickad {sv_date(meeting.notice_sent)}")
    elif _dump(old) != _dump(meeting) and old.status == meeting.status:
        lines.append(f"möte {mid} ändrat")
    return lines


def _protocol_lines(old: Meeting | None, meeting: Meeting) -> list[str]:
    """A protocol published, unpublished, or its text changed."""
    mid = meeting.meeting_id
    was_public = old is not None and protocol_published(old)
    public = protocol_published(meeting)
    if public and not was_public:
        return [f"protokoll {mid} publiceras"]
    if was_public and not public:
        return [f"protokoll {mid} avpubliceras"]
    if (
        old is not None
        and old.protocol_text != meeting.protocol_text
        and meeting.protocol_text is not None
    ):
        return [f"protokoll {mid} ändrat"]
    return []


def _decision_lines(old: Meeting | None, meeting: Meeting) -> list[str]:
    """Decisions that become public with the protocol (all of them when it is published)."""
    if not protocol_published(meeting):
        return []
    was_public = old is not None and protocol_published(old)
    old_ids = {d.id for d in old.decisions} if was_public and old else set()
    return [
        f"beslut publiceras: {decision.id} {decision.title}"
        for decision in meeting.decisions
        if decision.id not in old_ids
    ]


def report_changes(base: Dataset | None, head: Dataset, as_of: date) -> list[str]:
    """Annual reports and verksamhetsberättelser: published, new as drafts, or changed."""
    base_reports = {(d.meta.year, str(d.meta.kind)): d for d in base.reports} if base else {}
    lines = []
    for doc in head.reports:
        old = base_reports.pop((doc.meta.year, str(doc.meta.kind)), None)
        line = _report_line(old, doc, as_of)
        if line:
            lines.append(line)
    return lines


def _report_line(
    old: ContentDoc[ReportMeta] | None, doc: ContentDoc[ReportMeta], as_of: date
) -> str:
    meta = doc.meta
    published = report_published(meta, as_of)  # the site's own definition
    was = old is not None and report_published(old.meta, as_of)
    if published and not was:
        return f"{meta.kind} {meta.year} publiceras ({sv_date(meta.published)})"
    if old is None:
        return f"ny rapport (utkast): {meta.kind} {meta.year}"
    if old.body != doc.body or _dump(old.meta) != _dump(meta):
        return f"rapport ändrad: {meta.kind} {meta.year}"
    return ""


def rules_version_changes(base: Dataset | None, head: Dataset, as_of: date) -> list[str]:
    """New and changed versions of the arbetsordning."""
    lines = []
    base_versions = {d.meta.version: d for d in base.rules_versions} if base else {}
    for version in head.rules_versions:
        meta = version.meta
        old = base_versions.pop(meta.version, None)
        if old is None:
            lines.append(
                f"ny version av arbetsordningen: {meta.version}, gäller från "
                f"{sv_date(meta.in_force)} ({meta.adopted_by})"
            )
        elif old.body != version.body or _dump(old.meta) != _dump(meta):
            lines.append(f"arbetsordningen version {meta.version} ändrad")
    return lines


def organisation_changes(base: Dataset | None, head: Dataset, as_of: date) -> list[str]:
    """organisation.yaml as a whole (chairs, committee, kansli, working groups)."""
    if base is not None and _dump(base.organisation) != _dump(head.organisation):
        return ["organisation.yaml ändrad (ordförande, arbetsutskott, kansli eller arbetsgrupper)"]
    return []


COMPARERS: list[Comparer] = [
    partner_changes,
    meeting_changes,
    report_changes,
    rules_version_changes,
    organisation_changes,
]


def record_changes(base: Dataset | None, head: Dataset | None, as_of: date) -> list[str]:
    """Swedish lines: what the pull request changes in the public record on ``as_of``."""
    if head is None:
        return []
    return [line for compare in COMPARERS for line in compare(base, head, as_of)]


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
    site_code: list[str] = field(default_factory=list)  # changed files that are not data

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
    changes = record_changes(base.dataset if base else None, head.dataset, head.as_of)
    return Comparison(head, base, introduced, resolved, changes)


# --- Markdown ------------------------------------------------------------------------


# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping
# all of them leaves no link, image, emphasis, HTML tag or autolink ('https\://',
# 'www\.') for data from a pull request to make in the step summary.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _escape(text: str) -> str:
    """Text from the data as Markdown that shows exactly that text, on one line."""
    one_line = " ".join(text.replace("\r", "\n").split("\n"))
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line)


def _rule_line(problem: Problem) -> str:
    rule = BY_ID.get(problem.rule)
    ref = section_label(problem.section)
    head = f"**{problem.rule}**" + (f" ({ref})" if ref else "")
    text = f"{head} {_escape(str(problem.location))} – {_escape(problem.message)}"
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
    lines = [f"## SweCan: kontroll per {sv_date(head.as_of)}", ""]
    if comparison.site_code:
        # First and prominent: a reviewer of a data change must see that code changes too.
        lines += [
            f"> **Ändrar webbplatsens kod, inte bara data:** {len(comparison.site_code)} "
            "fil(er). En utvecklare måste granska och godkänna dem (CODEOWNERS) innan "
            "ändringen förs in.",
            "",
            *(f"- {_escape(path)}" for path in comparison.site_code),
            "",
        ]
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
    comparison = compare(head, base)
    if base_ref:
        comparison.site_code = site_code_changed(Path(root), base_ref)
    return comparison
