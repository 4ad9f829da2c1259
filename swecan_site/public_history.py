"""The record's history as the site may publish it: page provenance, the change log,
the addresses that no longer hold a record.

Everything here reads the git evidence (provenance.py) and the change log
(changelog.py) through today's public view: a change is shown by its kind and
its subject, with the subject's *current* name or title where it is public
today, so nothing the publication policy withholds today – a draft, a
non-public underlag, personal data since removed – comes back from the
history. Commit identities (the hash) are shown; authors and messages never.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from . import changelog, labels, urls
from .changes import Change, ChangeKind
from .layout import CONTENT_DIR, MEETING_FILE, MEETING_ID, MEETINGS_DIR, REPORTS_DIR, RULES_DIR
from .provenance import Commit, Evidence

if TYPE_CHECKING:
    from .public import PublicView

ALL_DATA = ("partners.yaml", "organisation.yaml", f"{MEETINGS_DIR}/", f"{CONTENT_DIR}/")


@dataclass(frozen=True)
class PageHistory:
    """When a page's sources were first and last committed, and where to read more."""

    first: Commit
    last: Commit
    first_is_start: bool  # the first commit brought the data into git: not a publication
    history_links: tuple[tuple[str, str], ...]  # (source path, its history in the repository)


@dataclass(frozen=True)
class ChangeLine:
    """One change as the change log shows it: label, subject's name today, link."""

    label: str
    name: str
    link: str | None  # a site address


class RemovedKind(StrEnum):
    MEETING = "möte"
    PARTNER = "partner"
    RULES_VERSION = "arbetsordning"
    REPORT = "rapport"


@dataclass(frozen=True)
class Removed:
    """An address the site published that no record holds any longer."""

    kind: RemovedKind
    key: str  # the record's id: a meeting id, a partner id, a version's or report's slug
    url: str
    what: str  # a title made from the id alone, e.g. "Partnerskapets sammanträde 3 december 2026"
    removed: Commit
    moved_to: str | None = None  # the record's new address, when it was renamed


class PublicHistory:
    def __init__(self, view: PublicView) -> None:
        self.view = view
        self.evidence: Evidence = view.evidence

    @property
    def available(self) -> bool:
        return self.evidence.available

    # --- page provenance ----------------------------------------------------------------

    def page(self, sources: tuple[str, ...] = ALL_DATA) -> PageHistory | None:
        span = self.evidence.span(*sources)
        if span is None:
            return None
        repository = self.view.config.publisher.repository
        links = tuple(
            (source, urls.source_history(repository, source))
            for source in sources
            if repository and self._exists(source)
        )
        return PageHistory(span.first, span.last, span.first == self.evidence.start, links)

    def _exists(self, source: str) -> bool:
        return bool(self.evidence.present(source))

    def protocol_public(self, meeting_id: str) -> Commit | None:
        """The first commit in which the meeting's protocol was public."""
        return self.evidence.protocol_public(meeting_id)

    def is_start(self, commit: Commit) -> bool:
        return commit == self.evidence.start

    def commit_link(self, commit: Commit) -> str | None:
        repository = self.view.config.publisher.repository
        return urls.source_commit(repository, commit.sha) if repository else None

    # --- change log ---------------------------------------------------------------------

    @cached_property
    def log(self) -> list[changelog.Entry]:
        return changelog.entries(self.view.root, self.evidence)

    def line(self, change: Change) -> ChangeLine:
        """A change with its subject's name today (or only its id, if not public today)."""
        view, subject, kind = self.view, change.subject, change.kind
        label = str(kind).capitalize()
        if kind.name.startswith("PARTNER"):
            partner = view.partner(subject)
            return ChangeLine(
                label,
                partner.name if partner else subject,
                urls.partner(subject) if partner else None,
            )
        if kind is ChangeKind.DECISION_PUBLISHED:
            found = view.decision(subject)
            if found is None:
                return ChangeLine(label, subject, None)
            held, decision = found
            return ChangeLine(
                label,
                f"{decision.id} {decision.title}",
                urls.decision(decision.id, held.date.year),
            )
        if kind.name.startswith(("MEETING", "PROTOCOL", "NOTICE")):
            meeting = view.meeting(subject)
            name = labels.meeting_title(meeting) if meeting else _title_from_id(subject) or subject
            return ChangeLine(label, name, urls.meeting(subject))
        if kind.name.startswith("REPORT"):
            return ChangeLine(label, subject.capitalize(), urls.REPORTS)
        if kind.name.startswith("RULES"):
            return ChangeLine(label, f"version {subject}", urls.RULES)
        return ChangeLine(label, "Organisation och kontakt", urls.ORGANISATION)

    # --- addresses that no longer hold a record -----------------------------------------

    @cached_property
    def removed(self) -> list[Removed]:
        """Meetings, arbetsordning versions, reports and partners the history removed and
        that no record holds today: a tombstone or, when renamed, a redirect. A partner's
        removal comes from the change log (partners share one file); its name is not
        repeated – the record no longer holds it."""
        view = self.view
        current_meetings = {m.meeting_id for m in view.meetings()}
        renamed = self.evidence.renamed()
        moves = _rename_commits(self.evidence)
        found: dict[str, Removed] = {}
        for item in self.evidence.removed(f"{MEETINGS_DIR}/"):
            parts = item.path.split("/")
            if len(parts) != 3 or parts[2] != MEETING_FILE or parts[1] in current_meetings:
                continue
            if item.removed is not None:
                meeting_id = parts[1]
                url = urls.meeting(meeting_id)
                title = _title_from_id(meeting_id) or meeting_id
                found[url] = Removed(RemovedKind.MEETING, meeting_id, url, title, item.removed)
        for old, new in renamed.items():
            before, after = old.split("/"), new.split("/")
            moved = moves.get(old)
            if (
                moved is not None
                and len(before) == len(after) == 3
                and before[0] == MEETINGS_DIR
                and before[2] == MEETING_FILE
                and before[1] not in current_meetings
                and after[1] in current_meetings
            ):
                url = urls.meeting(before[1])
                title = _title_from_id(before[1]) or before[1]
                found[url] = Removed(
                    RemovedKind.MEETING, before[1], url, title, moved, urls.meeting(after[1])
                )
        partners_now = {p.id for p in view.partners()}
        for entry in reversed(self.log):  # oldest first: the last removal counts
            for change in entry.changes:
                if change.kind is ChangeKind.PARTNER_REMOVED and change.subject not in partners_now:
                    key, url = change.subject, urls.partner(change.subject)
                    what = f"Partnern {key}"
                    found[url] = Removed(RemovedKind.PARTNER, key, url, what, entry.commit)
        slugs_now = {d.slug for d in view.rules_versions()} | {d.slug for d in view.reports()}
        for prefix, kind, address in (
            (f"{CONTENT_DIR}/{RULES_DIR}/", RemovedKind.RULES_VERSION, urls.rules_version),
            (f"{CONTENT_DIR}/{REPORTS_DIR}/", RemovedKind.REPORT, urls.report),
        ):
            for item in self.evidence.removed(prefix):
                slug = item.path.removeprefix(prefix).removesuffix(".md")
                if (
                    item.removed is not None
                    and slug not in slugs_now
                    and "/" not in slug
                    and self.evidence.was_public(item.path)
                ):
                    url = address(slug)
                    found[url] = Removed(kind, slug, url, slug, item.removed)
        return sorted(found.values(), key=lambda r: r.url)


def _rename_commits(evidence: Evidence) -> dict[str, Commit]:
    """{earlier name: the first commit that renamed it}."""
    found: dict[str, Commit] = {}
    for commit, changed in evidence.commits:
        for change in changed:
            if change.renamed_from is not None:
                found.setdefault(change.renamed_from, commit)
    return found


def _title_from_id(meeting_id: str) -> str | None:
    """A removed meeting's title from its folder name alone (nothing from its file)."""
    match = MEETING_ID.fullmatch(meeting_id)
    if not match:
        return None
    body = (
        "Partnerskapets sammanträde"
        if match.group(2) == "partnerskapet"
        else ("Arbetsutskottets möte")
    )
    return f"{body} {labels.sv_date(date.fromisoformat(match.group(1)))}"
