"""One Problem type for everything the check reports, and its output formats."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"


class Kind(StrEnum):
    """Data errors stop publication; compliance findings are published facts."""

    DATA = "data"
    COMPLIANCE = "compliance"


SEVERITY_SV = {
    Severity.ERROR: "fel",
    Severity.WARNING: "varning",
    Severity.INFO: "info",
    Severity.OFF: "av",
}


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    location: Location
    rule: str
    section: str
    severity: Severity
    kind: Kind
    message: str
    subject: str = ""
    subject_kind: str = ""  # SubjectKind of the verdict's subject ("" for data errors)
    subject_id: str = ""  # the subject's permanent id (``subject`` is its display text)
    due: date | None = None  # the deadline the finding is about, if it has one
    # the days a finding judged over time covers (timeline.Period); end None while it runs
    period_start: date | None = None
    period_end: date | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.location, self.rule, self.message)

    def to_dict(self) -> dict:
        data = asdict(self)
        loc = data.pop("location")
        return {
            **loc,
            **data,
            "severity": str(self.severity),
            "kind": str(self.kind),
            "due": _iso(self.due),
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def section_label(section: str) -> str:
    """'3.1' -> '§3.1'; rules outside the arbetsordning carry their own label."""
    if section in ("", "–"):
        return ""
    parts = [f"§{part}" if part[0].isdigit() else part for part in section.split(", ")]
    return ", ".join(parts)


def format_text(problems: Iterable[Problem]) -> str:
    lines = []
    for p in problems:
        label = section_label(p.section)
        ref = f" ({label})" if label else ""
        lines.append(f"{p.location}: {p.severity} {p.rule} {p.message}{ref}")
    return "\n".join(lines)


def _github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (file, title), escaped as GitHub's toolkit
    does (escapeProperty): a file name cannot end the command or add a property."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotated_file(file: str) -> str:
    """A finding on a meeting folder is anchored to the folder's mote.yaml (GitHub
    annotates files, not folders)."""
    parts = file.split("/")
    if len(parts) == 2 and parts[0] == "meetings" and "." not in parts[1]:
        return f"{file}/mote.yaml"
    return file


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands; they become annotations on the PR diff."""
    lines = []
    for p in problems:
        level = {"error": "error", "warning": "warning"}.get(str(p.severity), "notice")
        label = section_label(p.section)
        ref = f" ({label})" if label else ""
        lines.append(
            f"::{level} file={_github_property(_annotated_file(p.location.file))},"
            f"line={p.location.line},col={p.location.column},"
            f"title={_github_property(f'{p.rule}{ref}')}::{_github_data(p.message)}"
        )
    return "\n".join(lines)


def format_json(problems: Iterable[Problem]) -> str:
    return json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2)


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
