"""The public record on a date: the single publication policy.

Every output – the HTML pages (``render``), the open data (``outputs``), feeds,
calendars and through the pages the search index – reads the data only
through a :class:`PublicView`. What must never be published is decided here,
once, and nowhere else:

* content marked ``utkast: true`` (pages, arbetsordning versions, reports);
* a protocol that is not färdigställt (status ``utkast``, or its text missing),
  its decisions and verdicts on them, and the matters' evidence that comes
  with it;
* underlag marked ``offentligt: false`` (not even its title);
* the kansli's evidence behind a finding about something that is not public.

A meeting itself (date, organ, agenda, matters, attendance) is public once it
is in the data: the arbetsordning requires the kallelse and the dagordning to
be published before the meeting.

One rule per subject kind, read by every page, export and feed:
:meth:`PublicView.subject_public` (what a verdict or a deadline is about),
built on :func:`~swecan_site.facts.protocol_published`, and
:meth:`PublicRecord.report_public` (:func:`~swecan_site.facts.report_published`).
The rules and the pull-request summary read the same two facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .accessibility import AccessibilityFile
from .check import Report
from .config import Config, Parameters
from .dataset import Dataset
from .facts import (
    Context,
    MeetingState,
    meeting_state,
    protocol_deadline,
    protocol_published,
    quorum_members,
    report_published,
    rules_in_force,
)
from .layout import MEETINGS_DIR
from .models import (
    BodyName,
    ContentDoc,
    Decision,
    Matter,
    Meeting,
    MeetingStatus,
    OrganisationFile,
    PageMeta,
    Partner,
    ReportMeta,
    RoleHolder,
    RulesVersionMeta,
    Sector,
    Underlag,
)
from .provenance import Evidence

Office = tuple[BodyName, str]  # a body and the role field of its holders ("chair" …)
# "kontaktuppgifter till ordförande" (§7): both chairs and vice chairs, both bodies.
CONTACTS: tuple[Office, ...] = (
    (BodyName.PARTNERSHIP, "chair"),
    (BodyName.PARTNERSHIP, "vice_chair"),
    (BodyName.COMMITTEE, "chair"),
    (BodyName.COMMITTEE, "vice_chair"),
)

START_PAGE = "start"


def subject_id(subject: object) -> str:
    """The id a verdict is about: a typed reference's ``id`` (kind + id), or the string."""
    return str(getattr(subject, "id", subject))


@dataclass(frozen=True)
class SectorGroup:
    """A sector's partners on the as-of date: current (by name), former and upcoming."""

    sector: Sector
    current: list[Partner]
    former: list[Partner]
    upcoming: list[Partner]


@dataclass(frozen=True)
class Asset:
    """A file published as it is (a public underlag beside its meeting page)."""

    path: str  # site-relative
    source: Path


class PublicRecord:
    """The public record on ``as_of``: what may be shown of the data, with typed queries.

    ``base_url`` is the site's address (``site_url`` in mkdocs.yml), needed
    for absolute IRIs in open data and feeds; the HTML does not use it.
    """

    def __init__(self, report: Report, base_url: str = "") -> None:
        if report.dataset is None or report.data_errors:
            raise ValueError("only data without data errors is published")
        self._report = report
        self._data: Dataset = report.dataset
        self.as_of: date = report.as_of
        self.base_url = base_url
        self._published = {d.id: (m, d) for m, d in self._data.decisions() if protocol_published(m)}
        self._context = Context(self._data, self.as_of, report.evidence)

    # --- configuration and facts ----------------------------------------------------

    @property
    def evidence(self) -> Evidence:
        """What the git history proves (provenance.py); unavailable without it."""
        return self._report.evidence

    @property
    def root(self) -> Path:
        """The data folder (the calendar reads each meeting's history from git there)."""
        return self._data.root

    @property
    def config(self) -> Config:
        return self._data.config

    def params(self, day: date) -> Parameters:
        return self._data.params(day)

    @property
    def context(self) -> Context:
        """For the shared facts (swecan_site.facts) that take a context."""
        return self._context

    @property
    def any_example(self) -> bool:
        """Whether any of the data is made-up example data (the pages say so)."""
        return (
            self._data.partners_file.example
            or self._data.organisation.example
            or any(m.example for m in self._data.meetings)
        )

    @property
    def partners_example(self) -> bool:
        return self._data.partners_file.example

    # --- partners and organisation ------------------------------------------------

    def partners(self) -> list[Partner]:
        """The whole register: current, former and upcoming partners (all public)."""
        return list(self._data.partners)

    def partner(self, partner_id: str) -> Partner | None:
        return self._data.partner(partner_id)

    def partners_current(self, day: date | None = None) -> list[Partner]:
        day = day or self.as_of
        return [p for p in self._data.partners if p.member_on(day)]

    def partner_groups(self) -> list[SectorGroup]:
        """The register by sector, in the sectors' order."""
        day = self.as_of
        groups = []
        for sector in Sector:
            members = [p for p in self._data.partners if p.sector is sector]
            groups.append(
                SectorGroup(
                    sector,
                    sorted((p for p in members if p.member_on(day)), key=lambda p: p.name),
                    [p for p in members if p.withdrawal and p.withdrawal.date <= day],
                    [p for p in members if p.joined > day],
                )
            )
        return groups

    def member_count(self, meeting: Meeting) -> int:
        """'Partnerskapets medlemmar' on the meeting's date – the total the quorum verdict
        (SC306, interpretation T1) counts against, and so the one every page shows."""
        return len(quorum_members(self._context, meeting.date))

    @property
    def organisation(self) -> OrganisationFile:
        return self._data.organisation

    def contacts(self) -> list[tuple[Office, RoleHolder | None]]:
        """The chairs whose contact details §7 publishes, each with its holder on the
        as-of date (None: vacant) – the Swedish and the English organisation page."""
        org = self.organisation
        bodies = {BodyName.PARTNERSHIP: org.partnership, BodyName.COMMITTEE: org.committee}
        return [(office, bodies[office[0]].holder(office[1], self.as_of)) for office in CONTACTS]

    @property
    def accessibility(self) -> AccessibilityFile | None:
        """The accessibility statement's facts (content/tillganglighet.yaml), or None."""
        return self._data.accessibility

    # --- meetings, protocols, decisions ----------------------------------------------

    def meetings(self) -> list[Meeting]:
        """Every meeting in the data (planned, held, cancelled), in date order."""
        return list(self._data.meetings)

    def meeting(self, meeting_id: str) -> Meeting | None:
        return self._data.meeting(meeting_id)

    def state(self, meeting: Meeting) -> MeetingState:
        """The meeting's state on the as-of date (facts.meeting_state): what every page,
        list and export says about it."""
        return meeting_state(meeting, self.as_of)

    def in_state(self, state: MeetingState, body: BodyName | None = None) -> list[Meeting]:
        """The meetings in ``state`` (of ``body``, or all), in date order."""
        return [
            m
            for m in self._data.meetings
            if self.state(m) is state and (body is None or m.body is body)
        ]

    def upcoming(self, body: BodyName | None = None) -> list[Meeting]:
        """Planned meetings from the as-of date on, in date order."""
        return self.in_state(MeetingState.UPCOMING, body)

    def unreported(self) -> list[Meeting]:
        """Planned meetings whose date has passed without a report that they were held."""
        return self.in_state(MeetingState.UNREPORTED)

    def cancelled(self) -> list[Meeting]:
        return self.in_state(MeetingState.CANCELLED)

    def held(self, body: BodyName | None = None) -> list[Meeting]:
        return [
            m
            for m in self._data.meetings
            if m.status is MeetingStatus.HELD and (body is None or m.body is body)
        ]

    def protocol_published(self, meeting: Meeting) -> bool:
        return protocol_published(meeting)

    def protocol(self, meeting: Meeting) -> str | None:
        """The protocol text if it is published (färdigställt or approved), else None."""
        return meeting.protocol_text if protocol_published(meeting) else None

    def protocol_deadline(self, meeting: Meeting) -> date:
        return protocol_deadline(self._context, meeting)

    def protocol_approved_on(self, meeting: Meeting) -> date | None:
        """The date of the meeting that approved the protocol, once that date has come."""
        protocol = meeting.protocol
        approver = self.meeting(protocol.approved_at) if protocol and protocol.approved_at else None
        return approver.date if approver and approver.date <= self.as_of else None

    def decisions(self) -> list[tuple[Meeting, Decision]]:
        """Published decisions with their meetings, in meeting order."""
        return list(self._published.values())

    def decision(self, decision_id: str) -> tuple[Meeting, Decision] | None:
        """A published decision, or None (also when its protocol is not published)."""
        return self._published.get(decision_id)

    def decisions_by_year(self) -> dict[int, list[tuple[Meeting, Decision]]]:
        """Published decisions by the year of their meeting's date, newest year first
        (decisions in meeting order within a year)."""
        years: dict[int, list[tuple[Meeting, Decision]]] = {}
        for meeting, decision in sorted(
            self._published.values(), key=lambda md: md[0].date.year, reverse=True
        ):
            years.setdefault(meeting.date.year, []).append((meeting, decision))
        return years

    def is_published_decision(self, decision_id: str | None) -> bool:
        return decision_id is not None and decision_id in self._published

    def meeting_decisions(self, meeting: Meeting) -> list[Decision]:
        """The meeting's decisions if its protocol is published, else none."""
        return list(meeting.decisions) if protocol_published(meeting) else []

    def public_underlag(self, matter: Matter) -> list[Underlag]:
        return [d for d in matter.documents if d.public]

    def hidden_underlag_count(self, matter: Matter) -> int:
        """How many underlag are not public (the pages say so; nothing else is shown)."""
        return sum(1 for d in matter.documents if not d.public)

    def assets(self) -> list[Asset]:
        """Public underlag in a meeting folder, published unchanged beside the meeting page.

        SC025 has checked that each exists inside its folder.
        """
        result = []
        for meeting in self._data.meetings:
            folder = self._data.root / MEETINGS_DIR / meeting.meeting_id
            for matter in meeting.matters:
                for doc in self.public_underlag(matter):
                    if doc.url and doc.is_relative:
                        result.append(
                            Asset(f"moten/{meeting.meeting_id}/{doc.url}", folder / doc.url)
                        )
        return result

    # --- content ---------------------------------------------------------------------

    def pages(self) -> dict[str, ContentDoc[PageMeta]]:
        """Published content pages by slug (the start page included)."""
        return {d.slug: d for d in self._data.pages if not d.meta.draft}

    def english_pages(self) -> dict[str, ContentDoc[PageMeta]]:
        """Published pages of the English edition (content/en/) by slug."""
        return {d.slug: d for d in self._data.english_pages if not d.meta.draft}

    def rules_versions(self) -> list[ContentDoc[RulesVersionMeta]]:
        """Published arbetsordning versions, oldest first (future ones included)."""
        docs = [d for d in self._data.rules_versions if not d.meta.draft]
        return sorted(docs, key=lambda d: d.meta.in_force)

    def current_rules(self) -> ContentDoc[RulesVersionMeta]:
        """The version in force on ``as_of`` (SC201 guarantees one)."""
        doc = rules_in_force(self._data, self.as_of)
        assert doc is not None
        return doc

    def rules_status(self, doc: ContentDoc[RulesVersionMeta]) -> str:
        """'gällande', 'kommande' or 'upphävd' on ``as_of``."""
        if doc is self.current_rules():
            return "gällande"
        if doc.meta.in_force > self.as_of:
            return "kommande"
        return "upphävd"

    def report_public(self, doc: ContentDoc[ReportMeta]) -> bool:
        return report_published(doc.meta, self.as_of)

    def reports(self) -> list[ContentDoc[ReportMeta]]:
        """Published reports (:meth:`report_public`), newest first."""
        return sorted(
            (d for d in self._data.reports if self.report_public(d)),
            key=lambda d: (d.meta.year, str(d.meta.kind)),
            reverse=True,
        )
