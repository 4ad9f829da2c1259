"""What changed in the public record between two states of the data: one definition.

The pull-request summary compares the base with the pull request; the change
log (changelog.py) compares each commit of the history with the one before.
Both read these comparers, one per kind of record, which turn (base or None,
head, as-of date) into typed :class:`Change` values in the head's order.

A comparer reads a :class:`Record`: a whole data set, or the slice of one that
a commit touched (the change log parses only the files a commit changed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from .dates import sv_date
from .facts import protocol_published, report_published
from .models import (
    ContentDoc,
    Meeting,
    Node,
    OrganisationFile,
    Partner,
    ReportMeta,
    RulesVersionMeta,
)


class Record(Protocol):
    """What the comparers read: a Dataset, or a commit's slice of one."""

    @property
    def partners(self) -> Sequence[Partner]: ...
    @property
    def meetings(self) -> Sequence[Meeting]: ...
    @property
    def reports(self) -> Sequence[ContentDoc[ReportMeta]]: ...
    @property
    def rules_versions(self) -> Sequence[ContentDoc[RulesVersionMeta]]: ...
    @property
    def organisation(self) -> OrganisationFile | None: ...


class ChangeKind(StrEnum):
    PARTNER_NEW = "ny partner"
    PARTNER_CHANGED = "partner ändrad"
    PARTNER_WITHDRAWS = "partner utträder"
    PARTNER_REMOVED = "partner borttagen"
    MEETING_NEW = "nytt möte"
    MEETING_STATUS = "mötets status ändrad"
    NOTICE_SENT = "kallelse skickad"
    MEETING_CHANGED = "möte ändrat"
    MEETING_REMOVED = "möte borttaget"
    PROTOCOL_PUBLISHED = "protokoll publicerat"
    PROTOCOL_UNPUBLISHED = "protokoll avpublicerat"
    PROTOCOL_CHANGED = "protokoll ändrat"
    DECISION_PUBLISHED = "beslut publicerat"
    REPORT_PUBLISHED = "rapport publicerad"
    REPORT_DRAFT = "ny rapport (utkast)"
    REPORT_CHANGED = "rapport ändrad"
    RULES_NEW = "ny version av arbetsordningen"
    RULES_CHANGED = "arbetsordningen ändrad"
    ORGANISATION_CHANGED = "organisationen ändrad"


# What the public change log leaves out: a draft exists only for the kansli.
NOT_PUBLIC = frozenset({ChangeKind.REPORT_DRAFT})


@dataclass(frozen=True)
class Change:
    """One change to the record: its kind, the id of what changed, and a Swedish line."""

    kind: ChangeKind
    subject: str  # a partner, meeting or decision id, "årsrapport 2026", a version
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def public(self) -> bool:
        return self.kind not in NOT_PUBLIC


# (base or None, head, as-of date) -> changes, in head order
Comparer = Callable[[Record | None, Record, date], list[Change]]


def _dump(node: Node | None) -> dict:
    return node.model_dump(mode="json", by_alias=True) if node is not None else {}


def partner_changes(base: Record | None, head: Record, as_of: date) -> list[Change]:
    """New, changed, withdrawing and removed partners."""
    changes = []
    base_partners = {p.id: p for p in base.partners} if base else {}
    for partner in head.partners:
        old = base_partners.pop(partner.id, None)
        if old is None:
            text = f"ny partner: {partner.name} ({partner.id}), ansluten {sv_date(partner.joined)}"
            changes.append(Change(ChangeKind.PARTNER_NEW, partner.id, text))
        elif _dump(old) != _dump(partner):
            if partner.withdrawal and not old.withdrawal:
                text = f"partner utträder: {partner.name} ({sv_date(partner.withdrawal.date)})"
                changes.append(Change(ChangeKind.PARTNER_WITHDRAWS, partner.id, text))
            else:
                text = f"partner ändrad: {partner.name} ({partner.id})"
                changes.append(Change(ChangeKind.PARTNER_CHANGED, partner.id, text))
    changes += [
        Change(ChangeKind.PARTNER_REMOVED, p.id, f"partner borttagen: {p.name} ({p.id})")
        for p in base_partners.values()
    ]
    return changes


def meeting_changes(base: Record | None, head: Record, as_of: date) -> list[Change]:
    """Per meeting: the meeting, its protocol and its decisions; then removed meetings."""
    changes = []
    base_meetings = {m.meeting_id: m for m in base.meetings} if base else {}
    for meeting in head.meetings:
        old = base_meetings.pop(meeting.meeting_id, None)
        changes += _meeting_changes(old, meeting)
        changes += _protocol_changes(old, meeting)
        changes += _decision_changes(old, meeting)
    changes += [
        Change(ChangeKind.MEETING_REMOVED, mid, f"möte borttaget: {mid}") for mid in base_meetings
    ]
    return changes


def _meeting_changes(old: Meeting | None, meeting: Meeting) -> list[Change]:
    """A new meeting, a change of status, a notice sent, or some other change."""
    mid = meeting.meeting_id
    if old is None:
        return [Change(ChangeKind.MEETING_NEW, mid, f"nytt möte: {mid} ({meeting.status})")]
    changes = []
    if old.status != meeting.status:
        text = f"möte {mid}: {old.status} → {meeting.status}"
        changes.append(Change(ChangeKind.MEETING_STATUS, mid, text))
    if old.notice_sent is None and meeting.notice_sent is not None:
        text = f"möte {mid}: kallelse skickad {sv_date(meeting.notice_sent)}"
        changes.append(Change(ChangeKind.NOTICE_SENT, mid, text))
    elif _dump(old) != _dump(meeting) and old.status == meeting.status:
        changes.append(Change(ChangeKind.MEETING_CHANGED, mid, f"möte {mid} ändrat"))
    return changes


def _protocol_changes(old: Meeting | None, meeting: Meeting) -> list[Change]:
    """A protocol published, unpublished, or its text changed."""
    mid = meeting.meeting_id
    was_public = old is not None and protocol_published(old)
    public = protocol_published(meeting)
    if public and not was_public:
        return [Change(ChangeKind.PROTOCOL_PUBLISHED, mid, f"protokoll {mid} publiceras")]
    if was_public and not public:
        return [Change(ChangeKind.PROTOCOL_UNPUBLISHED, mid, f"protokoll {mid} avpubliceras")]
    if (
        old is not None
        and old.protocol_text != meeting.protocol_text
        and meeting.protocol_text is not None
    ):
        return [Change(ChangeKind.PROTOCOL_CHANGED, mid, f"protokoll {mid} ändrat")]
    return []


def _decision_changes(old: Meeting | None, meeting: Meeting) -> list[Change]:
    """Decisions that become public with the protocol (all of them when it is published)."""
    if not protocol_published(meeting):
        return []
    was_public = old is not None and protocol_published(old)
    old_ids = {d.id for d in old.decisions} if was_public and old else set()
    return [
        Change(
            ChangeKind.DECISION_PUBLISHED,
            decision.id,
            f"beslut publiceras: {decision.id} {decision.title}",
        )
        for decision in meeting.decisions
        if decision.id not in old_ids
    ]


def report_subject(meta: ReportMeta) -> str:
    return f"{meta.kind} {meta.year}"


def report_changes(base: Record | None, head: Record, as_of: date) -> list[Change]:
    """Annual reports and verksamhetsberättelser: published, new as drafts, or changed."""
    base_reports = {(d.meta.year, str(d.meta.kind)): d for d in base.reports} if base else {}
    changes = []
    for doc in head.reports:
        old = base_reports.pop((doc.meta.year, str(doc.meta.kind)), None)
        change = _report_change(old, doc, as_of)
        if change:
            changes.append(change)
    return changes


def _report_change(
    old: ContentDoc[ReportMeta] | None, doc: ContentDoc[ReportMeta], as_of: date
) -> Change | None:
    meta = doc.meta
    subject = report_subject(meta)
    published = report_published(meta, as_of)  # the site's own definition
    was = old is not None and report_published(old.meta, as_of)
    if published and not was:
        text = f"{subject} publiceras ({sv_date(meta.published)})"
        return Change(ChangeKind.REPORT_PUBLISHED, subject, text)
    if old is None:
        return Change(ChangeKind.REPORT_DRAFT, subject, f"ny rapport (utkast): {subject}")
    if old.body != doc.body or _dump(old.meta) != _dump(meta):
        return Change(ChangeKind.REPORT_CHANGED, subject, f"rapport ändrad: {subject}")
    return None


def rules_version_changes(base: Record | None, head: Record, as_of: date) -> list[Change]:
    """New and changed versions of the arbetsordning."""
    changes = []
    base_versions = {d.meta.version: d for d in base.rules_versions} if base else {}
    for version in head.rules_versions:
        meta = version.meta
        old = base_versions.pop(meta.version, None)
        if old is None:
            text = (
                f"ny version av arbetsordningen: {meta.version}, gäller från "
                f"{sv_date(meta.in_force)} ({meta.adopted_by})"
            )
            changes.append(Change(ChangeKind.RULES_NEW, meta.version, text))
        elif old.body != version.body or _dump(old.meta) != _dump(meta):
            text = f"arbetsordningen version {meta.version} ändrad"
            changes.append(Change(ChangeKind.RULES_CHANGED, meta.version, text))
    return changes


def organisation_changes(base: Record | None, head: Record, as_of: date) -> list[Change]:
    """organisation.yaml as a whole (chairs, committee, kansli, working groups)."""
    if base is None or base.organisation is None or head.organisation is None:
        return []
    if _dump(base.organisation) != _dump(head.organisation):
        text = "organisation.yaml ändrad (ordförande, arbetsutskott, kansli eller arbetsgrupper)"
        return [Change(ChangeKind.ORGANISATION_CHANGED, "organisation", text)]
    return []


COMPARERS: list[Comparer] = [
    partner_changes,
    meeting_changes,
    report_changes,
    rules_version_changes,
    organisation_changes,
]


def record_changes(base: Record | None, head: Record | None, as_of: date) -> list[Change]:
    """What changes in the public record from ``base`` to ``head`` on ``as_of``."""
    if head is None:
        return []
    return [change for compare in COMPARERS for change in compare(base, head, as_of)]
