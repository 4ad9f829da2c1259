"""Interim stand-in for the public view (replaced by swecan_site.public.PublicView).

Only what the calendar, feeds and catalogue need; every filter here mirrors the
renderer's publication policy and is removed when PublicView lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..check import Report
from ..loader import Dataset
from ..models import ContentDoc, Decision, Meeting, ReportMeta, RulesVersionMeta
from ..rules.common import protocol_published


@dataclass
class View:
    report: Report
    site_url: str

    @property
    def data(self) -> Dataset:
        assert self.report.dataset is not None
        return self.report.dataset

    @property
    def as_of(self) -> date:
        return self.report.as_of

    @property
    def root(self) -> Path:
        return self.data.root

    def meetings(self) -> list[Meeting]:
        return list(self.data.meetings)

    def protocols(self) -> list[Meeting]:
        return [m for m in self.data.meetings if protocol_published(m)]

    def decisions(self) -> list[tuple[Meeting, Decision]]:
        return [(m, d) for m, d in self.data.decisions() if protocol_published(m)]

    def reports(self) -> list[ContentDoc[ReportMeta]]:
        return [d for d in self.data.reports if not d.meta.draft]

    def rules_versions(self) -> list[ContentDoc[RulesVersionMeta]]:
        return sorted(
            (d for d in self.data.rules_versions if not d.meta.draft),
            key=lambda d: d.meta.in_force,
        )
