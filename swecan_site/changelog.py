"""The change log: each commit of the published branch compared with the one before.

"What changed" has one definition, :mod:`swecan_site.changes`, which the
pull-request summary reads too. Here it is applied to consecutive commits of
the history that provenance.py has read: for each commit only the records it
touched are parsed, at the commit and at its parent (a partner list, a
meeting with its protocol, a report, an arbetsordning version, the
organisation), from the blobs git keeps, with the loader's own validation.
A version that does not validate proves nothing and is left out.

The log keeps only what the publication policy would publish today
(:attr:`~swecan_site.changes.Change.public`: no drafts), and the pages show
a change by its kind and its subject's id – names and titles come from
today's data, so text the kansli has since removed (personal data) is not
shown again from the history. Never a commit message, author or e-mail.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import history
from .changes import Change, record_changes
from .layout import (
    CONTENT_DIR,
    MEETING_FILE,
    MEETINGS_DIR,
    ORGANISATION_FILE,
    PARTNERS_FILE,
    PROTOCOL_FILE,
    REPORTS_DIR,
    RULES_DIR,
)
from .loader import Loader
from .models import (
    ContentDoc,
    Meeting,
    OrganisationFile,
    Partner,
    PartnersFile,
    ReportMeta,
    RulesVersionMeta,
)
from .provenance import Commit, Evidence, FileChange

REPORTS = f"{CONTENT_DIR}/{REPORTS_DIR}/"
RULES = f"{CONTENT_DIR}/{RULES_DIR}/"


@dataclass(frozen=True)
class Entry:
    """The public changes one commit made."""

    commit: Commit
    changes: tuple[Change, ...]
    first: bool = False  # the commit that brought the data into git


@dataclass
class RecordSlice:
    """The records one commit touched, at one side of it (a changes.Record)."""

    partners: list[Partner] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    reports: list[ContentDoc[ReportMeta]] = field(default_factory=list)
    rules_versions: list[ContentDoc[RulesVersionMeta]] = field(default_factory=list)
    organisation: OrganisationFile | None = None


def entries(root: Path, evidence: Evidence) -> list[Entry]:
    """The change log, newest first (empty without the history)."""
    if not evidence.available or not evidence.commits:
        return []
    return list(reversed(list(_walk(Path(root), evidence))))


def _walk(root: Path, evidence: Evidence) -> Iterator[Entry]:
    blobs = history.contents(
        root,
        {
            c.blob
            for _, changed in evidence.commits
            for c in changed
            if c.blob and _recorded(c.path)
        },
    )
    tree: dict[str, str] = {}  # path -> blob at the commit being read
    with tempfile.TemporaryDirectory(prefix="swecan-history-") as scratch:
        reader = _Reader(Path(scratch), blobs)
        for index, (commit, changed) in enumerate(evidence.commits):
            paths = _touched(changed)
            before = reader.slice(tree, paths)
            for change in changed:
                if change.renamed_from:
                    tree.pop(change.renamed_from, None)
                if change.blob is None:
                    tree.pop(change.path, None)
                else:
                    tree[change.path] = change.blob
            if index == 0:
                yield Entry(commit, (), first=True)
                continue
            after = reader.slice(tree, paths)
            found = [c for c in record_changes(before, after, commit.day) if c.public]
            if found:
                yield Entry(commit, tuple(found))


def _recorded(path: str) -> bool:
    """Files that hold a record the comparers read."""
    return (
        path in (PARTNERS_FILE, ORGANISATION_FILE)
        or path.startswith((REPORTS, RULES))
        or (path.startswith(MEETINGS_DIR + "/") and path.endswith((MEETING_FILE, PROTOCOL_FILE)))
    )


def _touched(changed: list[FileChange]) -> set[str]:
    paths = {c.path for c in changed} | {c.renamed_from for c in changed if c.renamed_from}
    return {p for p in paths if _recorded(p)}


class _Reader:
    """Parses the versions a commit touched, each (set of) blob(s) once."""

    def __init__(self, scratch: Path, blobs: dict[str, bytes]) -> None:
        self.scratch, self.blobs = scratch, blobs
        self.cache: dict[tuple[str, ...], object] = {}

    def slice(self, tree: dict[str, str], paths: set[str]) -> RecordSlice:
        record = RecordSlice()
        if PARTNERS_FILE in paths and PARTNERS_FILE in tree:
            partners = self._parse(PartnersFile, PARTNERS_FILE, tree)
            record.partners = list(partners.partners) if isinstance(partners, PartnersFile) else []
        if ORGANISATION_FILE in paths and ORGANISATION_FILE in tree:
            organisation = self._parse(OrganisationFile, ORGANISATION_FILE, tree)
            record.organisation = (
                organisation if isinstance(organisation, OrganisationFile) else None
            )
        for meeting_id in sorted(
            {p.split("/")[1] for p in paths if p.startswith(MEETINGS_DIR + "/")}
        ):
            meeting = self._meeting(meeting_id, tree)
            if meeting is not None:
                record.meetings.append(meeting)
        for path in sorted(p for p in paths if p in tree):
            if path.startswith(REPORTS):
                doc = self._document(path, tree, ReportMeta)
                record.reports += [doc] if doc is not None else []
            elif path.startswith(RULES):
                rules = self._document(path, tree, RulesVersionMeta)
                record.rules_versions += [rules] if rules is not None else []
        return record

    def _write(self, path: str, tree: dict[str, str]) -> Path:
        target = self.scratch / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.blobs.get(tree[path], b""))
        return target

    def _loader(self) -> Loader:
        return Loader(self.scratch)  # fresh: problems of one version stay with it

    def _parse(self, model: type, path: str, tree: dict[str, str]) -> object:
        key = (path, tree[path])
        if key not in self.cache:
            self.cache[key] = self._loader().load_yaml(model, self._write(path, tree))
        return self.cache[key]

    def _meeting(self, meeting_id: str, tree: dict[str, str]) -> Meeting | None:
        base = f"{MEETINGS_DIR}/{meeting_id}/"
        mote, protocol = base + MEETING_FILE, base + PROTOCOL_FILE
        if mote not in tree:
            return None
        key = (mote, tree[mote], tree.get(protocol, ""))
        if key not in self.cache:
            folder = self._write(mote, tree).parent
            (folder / PROTOCOL_FILE).unlink(missing_ok=True)
            if protocol in tree:
                self._write(protocol, tree)
            self.cache[key] = self._loader().load_meeting(folder)
        found = self.cache[key]
        return found if isinstance(found, Meeting) else None

    def _document(self, path: str, tree: dict[str, str], model: type) -> ContentDoc | None:
        key = (path, tree[path])
        if key not in self.cache:
            self.cache[key] = self._loader().load_content(self._write(path, tree), model)
        found = self.cache[key]
        return found if isinstance(found, ContentDoc) else None


def last_changed(log: list[Entry]) -> date | None:
    """The day of the newest entry (the change log's own 'updated')."""
    return log[0].commit.day if log else None
