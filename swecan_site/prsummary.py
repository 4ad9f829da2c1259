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
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import provenance
from .changes import Change, record_changes
from .check import EXIT_ERRORS, EXIT_OK, QUOTE_SUBJECT, Report, check
from .dates import sv_date
from .layout import CONFIG_FILE, CONTENT_DIR, MEETINGS_DIR, ORGANISATION_FILE, PARTNERS_FILE
from .problems import Kind, Problem, Severity, section_label
from .rules import BY_ID
from .rules.base import Basis, Rule

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
    """The check of the data at ``ref``, with the git evidence as of that commit (the
    exported tree has no history of its own; without it, every verdict that reads the
    evidence would look new in the pull request)."""
    with tempfile.TemporaryDirectory(prefix="swecan-base-") as tmp:
        base_root = export_ref(Path(root), ref, Path(tmp))
        evidence = provenance.read(Path(root), as_of, rev=_commit(Path(root), ref))
        return check(base_root, as_of, evidence)


# --- comparing the record: swecan_site/changes.py (the change log reads it too) ---


# --- comparing the findings ---------------------------------------------------------


def finding_key(problem: Problem) -> tuple[str, ...]:
    """Rule + typed subject; data errors (no subject) by rule + file. Never the message."""
    if problem.subject_kind:
        return (problem.rule, problem.subject_kind, problem.subject_id)
    return (problem.rule, problem.location.file)


def evaluated(report: Report) -> bool:
    """Whether the compliance rules ran on ``report``'s data: they do not when the data
    cannot be read or has data errors (check.run_rules), and then its findings say
    nothing about what is met – an absent finding is not a fixed one."""
    return report.dataset is not None and not report.data_errors


@dataclass
class Comparison:
    head: Report
    base: Report | None
    introduced: list[Problem]  # compliance findings only when both sides were evaluated
    resolved: list[Problem]
    changes: list[Change]
    site_code: list[str] = field(default_factory=list)  # changed files that are not data

    @property
    def comparable(self) -> bool:
        """Whether findings can be called new or resolved: both sides evaluated."""
        return self.base is not None and evaluated(self.base) and evaluated(self.head)

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
    comparison = Comparison(head, base, introduced, resolved, changes)
    if base is not None and not comparison.comparable:
        # A side whose compliance rules did not run has no findings to compare: nothing
        # is new or resolved on that basis (data problems still compare, by file).
        comparison.introduced = [p for p in introduced if p.kind is not Kind.COMPLIANCE]
        comparison.resolved = [p for p in resolved if p.kind is not Kind.COMPLIANCE]
    return comparison


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
        text += f"  \n  *{_escape(_basis_line(rule, problem))}*"
        for quote in rule.quotes:
            text += f"  \n  > ”{_escape(quote.text)}” (§{quote.section})"
    return text


def _basis_line(rule: Rule, problem: Problem) -> str:
    """What the finding rests on, once: a target's verdict already opens with the label
    (check._problem), so its line is the rule's summary without the label again."""
    if rule.kind is not Kind.COMPLIANCE:
        return f"Datafel: {rule.summary}"
    label = rule.basis.label
    summary = rule.summary.removeprefix(f"{label}: ")
    if rule.basis is Basis.TARGET and problem.subject_kind != QUOTE_SUBJECT:
        return summary[:1].upper() + summary[1:]
    return f"{label}: {summary}"


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
        if head.dataset is None:
            lines.append("- kunde inte jämföras: data efter ändringen gick inte att läsa")
        else:
            lines += [f"- {_escape(str(c))}" for c in comparison.changes] or ["- inga"]
        lines.append("")
    if head.data_errors:
        lines += ["### Datafel (måste rättas)", "", *_list(head.data_errors), ""]
    if comparison.base is None:
        lines += ["### Efterlevnadsfynd", ""] + (_list(head.findings) or ["- inga"]) + [""]
    elif not evaluated(head):
        lines += [
            "### Efterlevnad",
            "",
            "Efterlevnadsreglerna kördes inte för ändringen, eftersom den har datafel. "
            "Därför redovisas inga fynd som nya eller åtgärdade. Rätta datafelen, så "
            "jämförs fynden i nästa körning.",
            "",
        ]
    elif not evaluated(comparison.base):
        lines += [
            "### Efterlevnad",
            "",
            "Efterlevnadsreglerna kunde inte köras för basen (den gren ändringen ska in i), "
            "eftersom basen har datafel. Därför redovisas inga fynd som nya eller "
            "åtgärdade, och inga fynd stoppar publiceringen. Fynden nedan gäller data efter "
            "ändringen; granska dem.",
            "",
            "### Efterlevnadsfynd efter ändringen (inte jämförda med basen)",
            "",
            *(_list(head.findings) or ["- inga"]),
            "",
        ]
    else:
        introduced = [p for p in comparison.introduced if p.kind is Kind.COMPLIANCE]
        resolved = [p for p in comparison.resolved if p.kind is Kind.COMPLIANCE]
        lines += ["### Nya efterlevnadsfynd", ""] + (_list(introduced) or ["- inga"]) + [""]
        lines += ["### Åtgärdade fynd", ""] + (_list(resolved) or ["- inga"]) + [""]
        kept = len(head.findings) - len(introduced)
        if kept:
            lines += [
                f"{kept} fynd fanns redan före ändringen; de är publicerade fakta och "
                "stoppar inte publiceringen.",
                "",
            ]
    return "\n".join(lines)


def summary(root: Path, as_of: date, base_ref: str | None) -> Comparison:
    head = check(root, as_of)
    base = check_at_ref(root, base_ref, as_of) if base_ref else None
    comparison = compare(head, base)
    if base_ref:
        comparison.site_code = site_code_changed(Path(root), base_ref)
    return comparison
