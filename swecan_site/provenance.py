"""Git evidence: when each source file was committed, and when each document became public.

Every date the data states was typed by someone (``färdigställt``,
``publicerad``). The repository's history is evidence of its own: the commit
on the published branch in which a protocol was first public is when the
public could first read it. This module reads that history once per build or
check – one ``git log`` over the data folders, first-parent (the commits as
they landed on the published branch, a merge counted when it was merged), with
renames followed, and one ``git cat-file --batch`` for the versions whose
publication status must be read – and answers:

* per source file: the first and the last commit that changed it, the commit
  that removed it, its earlier names;
* per document with a publication status (a protocol, an annual
  report, an arbetsordning version): the first commit in which it was public,
  judged by the same definitions the site publishes by
  (:func:`~swecan_site.facts.protocol_is_public`, :func:`~swecan_site.facts.report_published`).

Times are the committer's, in Europe/Stockholm, never earlier than the commit
before them on the branch (a rebase can leave older dates on later commits).
Without the history – no git, not a repository, a shallow clone – the evidence
is *unavailable*: the build and check say so once and show no git dates rather
than wrong ones.

Nothing here reads a file's text into the public record: only statuses, dates
and the commit's identity (never its author or message) leave this module.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from . import history, yamlpos
from .dates import STOCKHOLM
from .facts import protocol_is_public, report_published
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
from .models import PROTOCOL_STATUS_ALIASES, ProtocolStatus, ReportMeta, _protocol_status

EVIDENCE_PATHS = (PARTNERS_FILE, ORGANISATION_FILE, MEETINGS_DIR, CONTENT_DIR)
MEETING_SOURCES = (MEETING_FILE, PROTOCOL_FILE)  # what decides a protocol is public
ENV = "SWECAN_PROVENANCE"  # 0: no git evidence (the tests of the shipped data set it)
UNAVAILABLE_OFF = f"{ENV}=0"
UNAVAILABLE_NO_GIT = "ingen .git-katalog eller inget git-program"
UNAVAILABLE_SHALLOW = "en grund klon (--depth) har inte hela historiken"
T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Commit:
    """A commit of the published branch: when it landed, and which it is."""

    time: datetime  # aware, Europe/Stockholm
    sha: str

    @property
    def day(self) -> date:
        return self.time.date()

    @property
    def short(self) -> str:
        return self.sha[:10]


@dataclass
class FileHistory:
    """One source file through the history (under its latest name)."""

    path: str
    first: Commit
    last: Commit
    removed: Commit | None = None
    earlier_names: list[str] = field(default_factory=list)
    versions: list[tuple[Commit, str]] = field(default_factory=list)  # (commit, blob id)


@dataclass(frozen=True)
class FileChange:
    """One file of one commit: added or modified (``blob``), removed, or renamed."""

    path: str
    blob: str | None  # None: removed
    renamed_from: str | None = None


@dataclass(frozen=True)
class Span:
    """When a page's sources were first and last committed."""

    first: Commit
    last: Commit


@dataclass
class Evidence:
    """What the history proves; empty with ``unavailable`` set when there is none."""

    files: dict[str, FileHistory] = field(default_factory=dict)
    unavailable: str | None = None
    start: Commit | None = None  # the first commit: the data as it was brought into git
    commits: list[tuple[Commit, list[FileChange]]] = field(default_factory=list)
    _blobs: dict[str, bytes] = field(default_factory=dict, repr=False)
    _meetings: dict[str, list[tuple[Commit, str | None, bool]]] = field(
        default_factory=dict, repr=False
    )  # meeting id -> (commit, mote.yaml blob or None, protocol present) per change
    # Answers worked out once: a blob's parsed status, a meeting's first public commit,
    # the files that are not removed (sorted, for folder look-ups), spans asked for.
    _read: dict[tuple[str, str], object] = field(default_factory=dict, repr=False, compare=False)
    _protocols: dict[str, Commit | None] = field(default_factory=dict, repr=False, compare=False)
    _live: tuple[list[str], list[FileHistory]] | None = field(
        default=None, repr=False, compare=False
    )
    _spans: dict[tuple[str, ...], Span | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def available(self) -> bool:
        return self.unavailable is None

    def proves(self, commit: Commit | None) -> Commit | None:
        """``commit`` if it is evidence of when something became public: not the first
        commit, which only shows what was already public when the data came into git."""
        return commit if commit is not None and commit != self.start else None

    def contents(self) -> dict[str, bytes]:
        """The versions read for their publication status: {blob id: content}."""
        return self._blobs

    def of(self, path: str) -> FileHistory | None:
        """The history of the file at ``path`` (relative to the data root)."""
        return self.files.get(path)

    def span(self, *paths: str) -> Span | None:
        """First and last commit over ``paths``; a path ending in / is a folder."""
        if paths not in self._spans:
            found = [h for want in paths for h in self.present(want)]
            self._spans[paths] = (
                Span(min(h.first for h in found), max(h.last for h in found)) if found else None
            )
        return self._spans[paths]

    def present(self, want: str) -> list[FileHistory]:
        """The files not removed at ``want``: the file, or every file in the folder ``want/``."""
        if self._live is None:
            live = sorted((p, h) for p, h in self.files.items() if h.removed is None)
            self._live = ([p for p, _ in live], [h for _, h in live])
        paths, histories = self._live
        if not want.endswith("/"):
            found = self.files.get(want)
            return [found] if found is not None and found.removed is None else []
        # Every path that starts with "x/" sorts from "x/" up to (not including) "x0".
        start = bisect_left(paths, want)
        return histories[start : bisect_left(paths, want[:-1] + "0", start)]

    def removed(self, prefix: str) -> list[FileHistory]:
        """Files under ``prefix`` that the history removed (and did not bring back)."""
        return [h for p, h in self.files.items() if h.removed and p.startswith(prefix)]

    def renamed(self) -> dict[str, str]:
        """{earlier name: current name} of every file renamed with ``git mv``."""
        return {old: h.path for h in self.files.values() for old in h.earlier_names}

    # --- documents with a publication status -----------------------------------------

    def _parsed(self, reader: Callable[[bytes | None], T], blob: str) -> T:
        """``reader`` applied to the blob, once per reader and blob."""
        key = (reader.__name__, blob)
        if key not in self._read:
            self._read[key] = reader(self._blobs.get(blob))
        return self._read[key]  # type: ignore[return-value]

    def protocol_public(self, meeting_id: str) -> Commit | None:
        """The first commit in which the meeting's protocol was public (a protocol text
        beside a mote.yaml whose protocol status is not utkast)."""
        if meeting_id not in self._protocols:
            self._protocols[meeting_id] = next(
                (
                    commit
                    for commit, blob, has_text in self._meetings.get(meeting_id, [])
                    if blob is not None and has_text and self._parsed(_protocol_public, blob)
                ),
                None,
            )
        return self._protocols[meeting_id]

    def protocol_published_at(self, meeting_id: str) -> Commit | None:
        """The commit that proves when the meeting's protocol became public (None when
        it was public in the first commit, or never)."""
        return self.proves(self.protocol_public(meeting_id))

    def document_public(self, path: str) -> Commit | None:
        """First commit in which a content document (arbetsordning version) was not a draft."""
        history_ = self.files.get(path)
        for commit, blob in history_.versions if history_ else []:
            meta = self._parsed(_front_matter, blob)
            if meta is not None and meta.get("utkast") is not True:
                return commit
        return None

    def report_public(self, path: str) -> tuple[date, Commit] | None:
        """The day an annual report became public and the commit that made it so, when
        the history proves it (not in the first commit)."""
        found = self._report_first_public(path)
        return found if found and self.proves(found[1]) else None

    def was_public(self, path: str) -> bool:
        """Whether an arbetsordning version or a report was ever public (a removed
        draft's address was never published: it gets no tombstone)."""
        if path.startswith(f"{CONTENT_DIR}/{REPORTS_DIR}/"):
            return self._report_first_public(path) is not None
        return self.document_public(path) is not None

    def _report_first_public(self, path: str) -> tuple[date, Commit] | None:
        """The first version that is public by :func:`report_published` on the later of
        its commit day and its ``publicerad`` date, if that day comes before the next
        version replaced it."""
        history_ = self.files.get(path)
        versions = history_.versions if history_ else []
        for index, (commit, blob) in enumerate(versions):
            meta = self._parsed(_report_meta, blob)
            if meta is None or meta.published is None:
                continue
            day = max(commit.day, meta.published)
            until = versions[index + 1][0].day if index + 1 < len(versions) else None
            if report_published(meta, day) and (until is None or day <= until):
                return day, commit
        return None


# The words of a status under which a protocol with its text is public (and the older
# words read as one). A version in which none is written (and no escape could spell
# one) is not public: a history holds many drafts, and this spares parsing them.
_PUBLIC_WORDS = tuple(
    word.encode()
    for word in (*ProtocolStatus, *PROTOCOL_STATUS_ALIASES)
    if protocol_is_public(ProtocolStatus(_protocol_status(str(word))), has_text=True)
)


def _protocol_public(raw: bytes | None) -> bool:
    if raw is None or (b"\\" not in raw and not any(w in raw for w in _PUBLIC_WORDS)):
        return False
    data = _yaml(raw)
    protocol = data.get("protokoll") if isinstance(data, dict) else None
    if not isinstance(protocol, dict):
        return False
    try:
        status = ProtocolStatus(_protocol_status(protocol.get("status")))
    except ValueError:
        return False
    return protocol_is_public(status, has_text=True)


def _yaml(raw: bytes | None) -> object:
    if raw is None:
        return None
    try:
        return yamlpos.parse(yamlpos.decode(raw)).data
    except yamlpos.YamlProblem:  # an unreadable version proves nothing
        return None


def _front_matter(raw: bytes | None) -> dict | None:
    if raw is None:
        return None
    try:
        doc, _, _ = yamlpos.split_front_matter(yamlpos.decode(raw))
    except yamlpos.YamlProblem:
        return None
    return doc.data if doc is not None and isinstance(doc.data, dict) else None


def _report_meta(raw: bytes | None) -> ReportMeta | None:
    data = _front_matter(raw)
    if data is None:
        return None
    try:
        return ReportMeta.model_validate(data)
    except ValueError:
        return None


# --- reading the history ---------------------------------------------------------------


def read(root: Path, as_of: date, rev: str = "HEAD") -> Evidence:
    """The evidence of the repository at ``root`` as of ``as_of`` (commits after that
    day are not yet history), along the first parents of ``rev``: one git log, one
    cat-file."""
    root = Path(root)
    if os.environ.get(ENV) == "0":
        return Evidence(unavailable=UNAVAILABLE_OFF)
    top = history.git(root, "rev-parse", "--show-prefix", "--is-shallow-repository")
    if top is None:
        return Evidence(unavailable=UNAVAILABLE_NO_GIT)
    prefix, _, shallow = top.decode("utf-8", "replace").partition("\n")
    if shallow.strip() == "true":
        return Evidence(unavailable=UNAVAILABLE_SHALLOW)
    log = history.git(
        root, "log", "--first-parent", "--diff-merges=first-parent", "--reverse", "-M",
        "--raw", "--no-abbrev", "-z", "--format=%x1e%H %ct", rev, "--", *EVIDENCE_PATHS,
    )  # fmt: skip
    if log is None:  # no commits yet
        return Evidence(unavailable=UNAVAILABLE_NO_GIT)
    evidence = _walk(log, prefix.strip(), as_of)
    evidence._blobs = history.contents(root, _needed_blobs(evidence))
    return evidence


def _walk(log: bytes, prefix: str, as_of: date) -> Evidence:
    evidence = Evidence()
    files = evidence.files
    tree: dict[str, str] = {}  # path -> blob, at the commit being read
    latest: datetime | None = None
    for chunk in log.split(b"\x1e")[1:]:
        header, _, body = chunk.partition(b"\0")
        sha, _, stamp = header.decode().partition(" ")
        when = datetime.fromtimestamp(int(stamp), STOCKHOLM)
        latest = when if latest is None or when > latest else latest
        commit = Commit(latest, sha)  # never before the commit it follows
        if commit.day > as_of:
            break
        if evidence.start is None:
            evidence.start = commit
        touched: set[str] = set()
        changed: list[FileChange] = []
        evidence.commits.append((commit, changed))
        tokens = body.lstrip(b"\n").split(b"\0")
        index = 0
        while index < len(tokens) and tokens[index].startswith(b":"):
            meta = tokens[index].decode().split()
            status, blob = meta[4], meta[3]
            if status[0] in "RC":
                old, new = (_rel(tokens[index + 1], prefix), _rel(tokens[index + 2], prefix))
                index += 3
            else:
                old = new = _rel(tokens[index + 1], prefix)
                index += 2
            if old is None or new is None:
                continue
            touched.update({old, new})
            if status[0] == "D":
                changed.append(FileChange(old, None))
                tree.pop(old, None)
                if old in files:
                    files[old].removed = commit
                continue
            if status[0] == "R":
                tree.pop(old, None)
                moved = files.pop(old, None)
                if moved is not None:
                    moved.earlier_names.append(old)
                    moved.path = new
                    files[new] = moved
                _move_meeting(evidence, old, new)
            changed.append(FileChange(new, blob, old if status[0] == "R" else None))
            tree[new] = blob
            known = files.get(new)
            if known is None:
                files[new] = FileHistory(new, commit, commit, versions=[(commit, blob)])
            else:
                known.last, known.removed = commit, None
                known.versions.append((commit, blob))
        _note_meetings(evidence, tree, touched, commit)
    return evidence


def _rel(raw: bytes, prefix: str) -> str | None:
    """A path of the log relative to the data root (git gives it from the top)."""
    path = raw.decode("utf-8", "replace")
    return path[len(prefix) :] if path.startswith(prefix) else None


def _note_meetings(
    evidence: Evidence, tree: dict[str, str], touched: set[str], commit: Commit
) -> None:
    """Each commit that changes a meeting's mote.yaml or protocol: the meeting's state."""
    meetings: set[str] = set()
    for path in touched:
        parts = path.split("/")
        if len(parts) == 3 and parts[0] == MEETINGS_DIR and parts[2] in MEETING_SOURCES:
            meetings.add(parts[1])
    for meeting_id in meetings:
        base = f"{MEETINGS_DIR}/{meeting_id}/"
        state = (commit, tree.get(base + MEETING_FILE), base + PROTOCOL_FILE in tree)
        evidence._meetings.setdefault(meeting_id, []).append(state)


def _move_meeting(evidence: Evidence, old: str, new: str) -> None:
    """A renamed meeting folder keeps the states of its mote.yaml under the new id."""
    before, after = old.split("/"), new.split("/")
    if (
        len(before) == len(after) == 3
        and before[0] == after[0] == MEETINGS_DIR
        and before[2] == MEETING_FILE
        and before[1] != after[1]
    ):
        states = evidence._meetings.pop(before[1], [])
        evidence._meetings[after[1]] = states + evidence._meetings.get(after[1], [])


def _needed_blobs(evidence: Evidence) -> set[str]:
    """The versions whose publication status is read: mote.yaml, reports, rules."""
    needed = {blob for states in evidence._meetings.values() for _, blob, _ in states if blob}
    for path, item in evidence.files.items():
        if path.startswith((f"{CONTENT_DIR}/{RULES_DIR}/", f"{CONTENT_DIR}/{REPORTS_DIR}/")):
            needed.update(blob for _, blob in item.versions)
    return needed
