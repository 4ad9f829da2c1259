"""Run the loader and every rule; collect problems and the compliance evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import provenance
from .config import Config
from .dataset import Dataset
from .load_errors import data_problem
from .loader import load, without_gc_pauses
from .problems import Kind, Location, Problem, Severity
from .provenance import UNAVAILABLE_OFF, Evidence
from .rules import BY_ID, REGISTRY, Context, Result, Rule, Status
from .rules.base import Basis

# Exit codes of `swecan-site check` (documented in the README and --help).
EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_STRICT_WARNINGS = 2
EXIT_USAGE = 3


@dataclass(frozen=True)
class Evaluation:
    """One rule's verdict on one subject, with the evidence."""

    rule: Rule
    result: Result
    severity: Severity


@dataclass
class Report:
    as_of: date
    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    evidence: Evidence = field(default_factory=lambda: Evidence(unavailable=UNAVAILABLE_OFF))

    @property
    def data_errors(self) -> list[Problem]:
        """What stops publication: data problems of severity error (a data rule may only
        warn, e.g. SC033 about a value that the CSV files neutralise)."""
        return [p for p in self.problems if p.kind is Kind.DATA and p.severity is Severity.ERROR]

    @property
    def findings(self) -> list[Problem]:
        return [p for p in self.problems if p.kind is Kind.COMPLIANCE]

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)

    def exit_code(self, strict: bool = False) -> int:
        if self.count(Severity.ERROR):
            return EXIT_ERRORS
        if strict and self.count(Severity.WARNING):
            return EXIT_STRICT_WARNINGS
        return EXIT_OK


def _severities(dataset: Dataset) -> tuple[dict[str, Severity], list[Problem]]:
    return configured_severities(dataset.config)


def configured_severities(config: Config) -> tuple[dict[str, Severity], list[Problem]]:
    """Severity per rule after the configuration's overrides (compliance rules only)."""
    result = {r.id: r.severity for r in REGISTRY}
    problems = []
    for rule_id, severity in config.severity.items():
        where = config.severity_locations.get(rule_id, Location("swecan.yaml"))
        rule = BY_ID.get(rule_id)
        if rule is None:
            problems.append(data_problem("SC009", where, f"Regeln {rule_id} finns inte."))
        elif rule.kind is Kind.DATA:
            problems.append(
                data_problem(
                    "SC009",
                    where,
                    f"{rule_id} är ett datafel; dess allvarlighetsgrad kan inte ändras.",
                )
            )
        else:
            result[rule_id] = severity
    return result, problems


def run_rules(dataset: Dataset, as_of: date, evidence: Evidence | None = None) -> Report:
    report = Report(as_of, dataset)
    if evidence is not None:
        report.evidence = evidence
    severities, report.problems = _severities(dataset)
    ctx = Context(dataset, as_of, report.evidence)
    data_rules = [r for r in REGISTRY if r.kind is Kind.DATA]
    compliance_rules = [r for r in REGISTRY if r.kind is Kind.COMPLIANCE]
    _evaluate(report, ctx, data_rules, severities)
    if report.data_errors:
        # Compliance on data that contradicts itself would be noise: fix the data first.
        return _sorted(report)
    _evaluate(report, ctx, compliance_rules, severities)
    report.problems += missing_quotes(dataset, as_of, compliance_rules, severities)
    return _sorted(report)


# The subject kind of missing_quotes' warnings; every other compliance problem is a rule's
# verdict, whose message _problem opens with "Kansliets mål" for a target.
QUOTE_SUBJECT = "quote"


def missing_quotes(
    dataset: Dataset, as_of: date, rules: list[Rule], severities: dict
) -> list[Problem]:
    """A rule whose quoted sentence is not in the text in force: the kansli must know.

    Not a data error (the site can still be published, and the rule page
    says the sentence is no longer in the version in force), but a warning
    under the rule's own ID so that CI shows it.
    """
    from .rules.common import quote_holds, quote_source

    problems = []
    normalised: dict[str, str] = {}  # each text in force normalised once, not once per quote
    for rule in rules:
        severity = severities[rule.id]
        if severity is Severity.OFF:
            continue
        for quote in rule.quotes:
            if quote_holds(dataset, quote, as_of, normalised=normalised) is False:
                doc = quote_source(dataset, quote, as_of)
                where = Location(doc.file if doc else "content")
                version = getattr(doc.meta, "version", "") if doc else ""
                problems.append(
                    Problem(
                        where,
                        rule.id,
                        rule.section,
                        Severity.WARNING,
                        Kind.COMPLIANCE,
                        f"Meningen som regeln citerar (§{quote.section}) finns inte i "
                        f"{'arbetsordningen version ' + version if version else where.file} "
                        f'som gäller: "{quote.text}". Regelns bedömningar behöver ses över.',
                        "citat",
                        QUOTE_SUBJECT,
                        quote.section,
                    )
                )
    return problems


def _evaluate(report: Report, ctx: Context, rules: list[Rule], severities: dict) -> None:
    for rule in rules:
        severity = severities[rule.id]
        try:
            results = list(rule.check(ctx)) if rule.check else []
        except Exception as exc:  # a bug in a rule must not become a traceback or a finding
            report.problems.append(
                Problem(
                    Location("swecan_site/rules"),
                    rule.id,
                    rule.section,
                    Severity.ERROR,
                    Kind.DATA,
                    f"Internt fel: regeln kunde inte köras ({type(exc).__name__}: {exc}). "
                    "Rapportera detta till utvecklarna.",
                )
            )
            continue
        for result in results:
            report.evaluations.append(Evaluation(rule, result, severity))
            if result.status is Status.NOT_MET and severity is not Severity.OFF:
                report.problems.append(_problem(rule, result, severity))


def _problem(rule: Rule, result: Result, severity: Severity) -> Problem:
    message = result.message
    if rule.basis is Basis.TARGET:
        message = "Kansliets mål (inte ett krav i arbetsordningen): " + message
    return Problem(
        result.location,
        rule.id,
        rule.section,
        severity,
        rule.kind,
        message,
        str(result.subject),
        str(result.subject.kind),
        result.subject.id,
        result.due,
        result.period.start if result.period else None,
        result.period.end if result.period else None,
    )


def _sorted(report: Report) -> Report:
    report.problems.sort(key=lambda p: p.sort_key)
    return report


def check(root: Path | str, as_of: date, evidence: Evidence | None = None) -> Report:
    """Load the data repository at ``root`` and judge it as of ``as_of``, with the git
    evidence of ``root``'s history (or ``evidence``, read elsewhere)."""
    with without_gc_pauses():
        loaded = load(Path(root))
        if loaded.dataset is None:
            return _sorted(Report(as_of, None, loaded.problems))
        if evidence is None:
            evidence = provenance.read(Path(root), as_of)
        return run_rules(loaded.dataset, as_of, evidence)
