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

import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from . import history, limits, progress, yamlpos
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
from .loader import Loader, without_gc_pauses
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
    unreadable: set[str] = field(default_factory=set)  # records whose version did not load


# The last change log made in this process, by data root and commits: `serve` builds
# the site again after every save, and a save changes no commit.
_last: dict[tuple[str, tuple[str, ...]], list[Entry]] = {}


def entries(root: Path, evidence: Evidence) -> list[Entry]:
    """The change log, newest first (empty without the history)."""
    if not evidence.available or not evidence.commits:
        return []
    key = (str(Path(root).resolve()), tuple(commit.sha for commit, _ in evidence.commits))
    if key not in _last:
        _last.clear()
        with without_gc_pauses():  # thousands of versions parsed, no cycles among them
            _last[key] = list(reversed(list(_walk(Path(root), evidence))))
    return list(_last[key])


def _walk(root: Path, evidence: Evidence) -> Iterator[Entry]:
    known = evidence.contents()  # the versions provenance read already
    needed = {
        c.blob for _, changed in evidence.commits for c in changed if c.blob and _recorded(c.path)
    }
    blobs = known | history.contents(root, needed - known.keys())
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
            _without_unreadable(before, after)
            before.partners, after.partners = _differing(
                before.partners, after.partners, reader.unique_ids
            )
            found = [c for c in record_changes(before, after, commit.day) if c.public]
            if found:
                yield Entry(commit, tuple(found))


def _without_unreadable(before: RecordSlice, after: RecordSlice) -> None:
    """A version that does not load proves nothing: a record unreadable on either side
    of a commit is compared on neither (not 'removed' and then 'new' again)."""
    unreadable = before.unreadable | after.unreadable
    if not unreadable:
        return
    for side in (before, after):
        if PARTNERS_FILE in unreadable:
            side.partners = []
        if ORGANISATION_FILE in unreadable:
            side.organisation = None
        side.meetings = [m for m in side.meetings if m.meeting_id not in unreadable]
        side.reports = [d for d in side.reports if d.file not in unreadable]
        side.rules_versions = [d for d in side.rules_versions if d.file not in unreadable]


def _recorded(path: str) -> bool:
    """Files that hold a record the comparers read."""
    return (
        path in (PARTNERS_FILE, ORGANISATION_FILE)
        or path.startswith((REPORTS, RULES))
        or (path.startswith(MEETINGS_DIR + "/") and path.endswith((MEETING_FILE, PROTOCOL_FILE)))
    )


def _differing(
    base: list[Partner], head: list[Partner], unique: Callable[[list[Partner]], bool]
) -> tuple[list[Partner], list[Partner]]:
    """The partners without the entries that are the very same object on both sides (read
    from the same text, see _PartnerEntries): such an entry makes no change, and leaving it
    out spares comparing hundreds of unchanged partners per commit. Only when every id is
    unique on each side (the comparer pairs entries by id)."""
    if not base or not head:
        return base, head
    same = set(map(id, base)).intersection(map(id, head))
    if not same or not unique(base) or not unique(head):
        return base, head
    return [p for p in base if id(p) not in same], [p for p in head if id(p) not in same]


_ID = attrgetter("id")


def _touched(changed: list[FileChange]) -> set[str]:
    paths = {c.path for c in changed} | {c.renamed_from for c in changed if c.renamed_from}
    return {p for p in paths if _recorded(p)}


class _Reader:
    """Parses the versions a commit touched, each (set of) blob(s) once."""

    def __init__(self, scratch: Path, blobs: dict[str, bytes]) -> None:
        self.scratch, self.blobs = scratch, blobs
        self.cache: dict[tuple[str, ...], object] = {}
        self.partner_entries = _PartnerEntries()
        self.unique: dict[int, bool] = {}  # id of a cached partner list -> ids unique

    def slice(self, tree: dict[str, str], paths: set[str]) -> RecordSlice:
        record = RecordSlice()
        if PARTNERS_FILE in paths and PARTNERS_FILE in tree:
            partners = self._partners(tree)
            if isinstance(partners, PartnersFile):
                record.partners = partners.partners
            else:
                record.unreadable.add(PARTNERS_FILE)
        if ORGANISATION_FILE in paths and ORGANISATION_FILE in tree:
            organisation = self._parse(OrganisationFile, ORGANISATION_FILE, tree)
            if isinstance(organisation, OrganisationFile):
                record.organisation = organisation
            else:
                record.unreadable.add(ORGANISATION_FILE)
        for meeting_id in sorted(
            {p.split("/")[1] for p in paths if p.startswith(MEETINGS_DIR + "/")}
        ):
            meeting = self._meeting(meeting_id, tree)
            if meeting is not None:
                record.meetings.append(meeting)
            elif f"{MEETINGS_DIR}/{meeting_id}/{MEETING_FILE}" in tree:
                record.unreadable.add(meeting_id)
        for path in sorted(p for p in paths if p in tree):
            if path.startswith(REPORTS):
                doc = self._document(path, tree, ReportMeta)
                record.reports += [doc] if doc is not None else []
                record.unreadable |= set() if doc is not None else {path}
            elif path.startswith(RULES):
                rules = self._document(path, tree, RulesVersionMeta)
                record.rules_versions += [rules] if rules is not None else []
                record.unreadable |= set() if rules is not None else {path}
        return record

    def unique_ids(self, partners: list[Partner]) -> bool:
        """Is every id in a partner list read here unique? (Once per version: the list
        belongs to a PartnersFile kept in the cache, and is never changed.)"""
        key = id(partners)
        if key not in self.unique:
            self.unique[key] = len(set(map(_ID, partners))) == len(partners)
        return self.unique[key]

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

    def _partners(self, tree: dict[str, str]) -> object:
        """partners.yaml: entry by entry where that is certain to read the same, else whole."""
        key = (PARTNERS_FILE, tree[PARTNERS_FILE])
        if key not in self.cache:
            fast = self.partner_entries.read(self.blobs.get(tree[PARTNERS_FILE], b""))
            self.cache[key] = (
                fast if fast is not None else self._parse(PartnersFile, PARTNERS_FILE, tree)
            )
        return self.cache[key]

    def _meeting(self, meeting_id: str, tree: dict[str, str]) -> Meeting | None:
        """The meeting as Loader.load_meeting reads its folder, from the blobs: mote.yaml
        parsed once per version, each version of protokoll.md read once, attached to a
        copy. (The blobs are read as the loader reads a regular file, in memory: a
        history has thousands of these versions.)"""
        base = f"{MEETINGS_DIR}/{meeting_id}/"
        mote, protocol = base + MEETING_FILE, base + PROTOCOL_FILE
        if mote not in tree:
            return None
        key = (mote, tree[mote], tree.get(protocol, ""))
        if key not in self.cache:
            meeting = self._mote(meeting_id, mote, tree[mote])
            if meeting is not None and protocol in tree:
                meeting = self._with_protocol(meeting, protocol, tree[protocol])
            self.cache[key] = meeting
        found = self.cache[key]
        return found if isinstance(found, Meeting) else None

    def _mote(self, meeting_id: str, mote: str, blob: str) -> Meeting | None:
        """mote.yaml alone: Loader.load_meeting of a folder without protokoll.md."""
        key = (mote, blob)
        if key not in self.cache:
            loader, text = self._loader(), _text(self.blobs.get(blob, b""))
            meeting = None
            if text is not None:
                with progress.processing(mote):
                    meeting = loader.validate(Meeting, mote, loader.parse(mote, text))
            if meeting is not None:
                meeting._id = meeting_id
            self.cache[key] = meeting
        found = self.cache[key]
        return found if isinstance(found, Meeting) else None

    def _with_protocol(self, meeting: Meeting, protocol: str, blob: str) -> Meeting:
        """A copy of ``meeting`` with protokoll.md as Loader.attach_protocol attaches it."""
        key = (protocol, blob)
        if key not in self.cache:
            text = _text(self.blobs.get(blob, b""))
            if text is not None and not self._loader().check_markdown(protocol, text):
                text = None
            self.cache[key] = text
        found = self.cache[key]
        copy = meeting.model_copy()
        copy._protocol_text = found if isinstance(found, str) else None
        copy._protocol_file = protocol
        source = getattr(meeting, "_source", None)
        if source is not None:
            object.__setattr__(copy, "_source", source)
        return copy

    def _document(self, path: str, tree: dict[str, str], model: type) -> ContentDoc | None:
        key = (path, tree[path])
        if key not in self.cache:
            self.cache[key] = self._loader().load_content(self._write(path, tree), model)
        found = self.cache[key]
        return found if isinstance(found, ContentDoc) else None


class _PartnerEntries:
    """partners.yaml read entry by entry, each entry's text parsed and validated once.

    A history adds partners one commit at a time: each version is the previous one with
    an entry added or changed, and the file grows with the partners (400 entries, 85 KB).
    Reading every version whole costs O(partners²) over the history. Here a version is
    cut before each line that starts a top-level list item (``"\n  - "``); the part
    before the first item and each item are parsed alone (the same parser, the same
    model), and an item read before is not read again. Unchanged entries are then the
    very same objects in both versions (see _differing).

    This reads exactly what the loader reads only for plain YAML, which the checks
    below make certain: the part before the items is a mapping that ends with a line
    ``partners:``; every other line of an item is blank, a comment, or indented deeper
    than the list; no line but a comment holds a character that starts a quoted or
    block scalar, a flow collection, an anchor, alias, tag or directive (so nothing
    spans two items); no control character or other line break anywhere; far below
    the node and depth limits. Anything else – and any part that does not parse or
    validate – returns None: the loader reads the version whole and says what it says.
    The models carry no source position (the change log reads none).
    """

    def __init__(self) -> None:
        self.partners: dict[bytes, Partner] = {}  # item text -> its partner
        self.nodes: dict[bytes, int] = {}  # item text -> its YAML nodes
        self.failed: set[bytes] = set()  # item texts this does not read
        self.headers: dict[bytes, tuple[dict, int] | None] = {}  # text -> (fields, nodes)

    def read(self, raw: bytes) -> PartnersFile | None:
        if len(raw) > limits.MAX_FILE_BYTES:
            return None
        header, *items = raw.split(_ITEM_START)
        if header not in self.headers:
            self.headers[header] = _read_header(header)
        read_header = self.headers[header]
        if not items or read_header is None:
            return None
        for item in set(items).difference(self.partners):
            found = None if item in self.failed else _read_item(item)
            if found is None:
                self.failed.add(item)
                return None
            self.partners[item], self.nodes[item] = found
        fields, nodes = read_header
        if nodes + sum(map(self.nodes.__getitem__, items)) >= limits.MAX_YAML_NODES // 2:
            return None
        partners = list(map(self.partners.__getitem__, items))
        try:
            return PartnersFile.model_validate({**fields, "partners": partners})
        except ValueError:
            return None


_ITEM_START = b"\n  - "
# Characters that could make YAML span lines or items: quotes, block scalars, flow
# collections, anchors, aliases, tags, directives, complex keys, escapes, reserved.
_INDICATOR = re.compile(rb"[\"'|>\[\]{}&*!%@`?\\]")
# Control characters (tab and CR too) and the line breaks YAML knows besides LF.
_CONTROL = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2\x85|\xe2\x80[\xa8\xa9]|\xef\xbb\xbf")
# In an item, a line after the first that is not blank, a comment or indented 3 or more.
_ITEM_LINE = re.compile(rb"\n(?![ ]*#|[ ]*(?:\n|\Z)| {3})")
_NESTING = limits.MAX_YAML_DEPTH // 2


def _text(raw: bytes) -> str | None:
    """A blob's text as SafeFiles.read_text reads a regular file (too large or not
    UTF-8: None, the problem being the loader's to report)."""
    if len(raw) > limits.MAX_FILE_BYTES:
        return None
    try:
        return yamlpos.decode(raw)
    except yamlpos.YamlProblem:
        return None


def _plain(raw: bytes) -> bool:
    """No control character, and indicators only on comment lines."""
    if _CONTROL.search(raw):
        return False
    for match in _INDICATOR.finditer(raw):
        line = raw[raw.rfind(b"\n", 0, match.start()) + 1 : match.start()]
        if not line.lstrip(b" ").startswith(b"#"):
            return False
    return True


def _read_header(raw: bytes) -> tuple[dict, int] | None:
    """The mapping before the items: its other fields and its node count, if it ends with
    ``partners:`` and is plain."""
    lines = raw.split(b"\n")
    while lines and (not lines[-1].strip(b" ") or lines[-1].lstrip(b" ").startswith(b"#")):
        lines.pop()
    if not lines or lines[-1] != b"partners:" or not _plain(raw):
        return None
    try:
        doc = yamlpos.parse(yamlpos.decode(raw))
    except yamlpos.YamlProblem:
        return None
    data = doc.data
    if (
        not isinstance(data, dict)
        or list(data)[-1:] != ["partners"]
        or data["partners"] is not None
    ):
        return None
    if any(len(path) >= _NESTING for path in doc.collections):
        return None
    return {k: v for k, v in data.items() if k != "partners"}, len(doc.values)


def _read_item(raw: bytes) -> tuple[Partner, int] | None:
    """One item (the text after ``"\n  - "``): the partner and its node count, if plain."""
    if _ITEM_LINE.search(raw) or not _plain(raw):
        return None
    try:
        doc = yamlpos.parse(yamlpos.decode(_ITEM_START[1:] + raw))
    except yamlpos.YamlProblem:
        return None
    data = doc.data
    if not isinstance(data, list) or len(data) != 1 or not isinstance(data[0], dict):
        return None
    if any(len(path) >= _NESTING for path in doc.collections):
        return None
    try:
        partner = Partner.model_validate(data[0])
    except ValueError:
        return None
    return partner, len(doc.values) - 1  # the list itself is partners: in the whole file
