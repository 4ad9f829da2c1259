"""The loaded data: what the rules, the facts and the renderer work on.

A ``Dataset`` exists only when every file loaded and validated (see
``loader.load``); ``LoadResult`` carries it with the data errors found.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .accessibility import AccessibilityFile
from .config import Config, Parameters
from .models import (
    ContentDoc,
    Decision,
    Meeting,
    OrganisationFile,
    PageMeta,
    Partner,
    PartnersFile,
    ReportMeta,
    RulesVersionMeta,
)
from .problems import Problem


@dataclass
class Dataset:
    """Everything the rules and the renderer need, validated."""

    root: Path
    config: Config
    partners_file: PartnersFile
    organisation: OrganisationFile
    meetings: list[Meeting]
    rules_versions: list[ContentDoc[RulesVersionMeta]]
    reports: list[ContentDoc[ReportMeta]]
    pages: list[ContentDoc[PageMeta]]
    sources: dict[str, str] = field(default_factory=dict)
    accessibility: AccessibilityFile | None = None  # content/tillganglighet.yaml
    english_pages: list[ContentDoc[PageMeta]] = field(default_factory=list)  # content/en/

    @property
    def partners(self) -> list[Partner]:
        return self.partners_file.partners

    def partner(self, partner_id: str) -> Partner | None:
        return self._partners_by_id.get(partner_id)

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._meetings_by_id.get(meeting_id)

    def decisions(self) -> Iterator[tuple[Meeting, Decision]]:
        for meeting in self.meetings:
            for decision in meeting.decisions:
                yield meeting, decision

    def decision(self, decision_id: str) -> tuple[Meeting, Decision] | None:
        return self._decisions_by_id.get(decision_id)

    def params(self, day: date) -> Parameters:
        """The rule parameters in force on ``day`` (the versions are folded in ``config``)."""
        return self.config.params_at(day)

    def __post_init__(self) -> None:
        self.meetings.sort(key=lambda m: (m.date, m.start, m.meeting_id))
        self._partners_by_id = {p.id: p for p in self.partners}
        self._meetings_by_id = {m.meeting_id: m for m in self.meetings}
        self._decisions_by_id: dict[str, tuple[Meeting, Decision]] = {}
        for meeting, decision in self.decisions():
            self._decisions_by_id.setdefault(decision.id, (meeting, decision))


class LoadResult:
    """The data set (None when any file failed) and every data error found."""

    def __init__(self, dataset: Dataset | None, problems: list[Problem]) -> None:
        self.dataset = dataset
        self.problems = problems
