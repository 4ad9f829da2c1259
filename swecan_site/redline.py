"""A redline between two versions of the arbetsordning, section by section.

Pure functions over the Markdown bodies of two versions (no view, no I/O):

* :func:`sections` splits a body at its headings (``## 3. …``, ``### 3.2 …``);
  the text before the first heading is a section of its own (*Inledning*) and
  the footnote definitions (``[^1]: …``), wherever they stand, are one more
  (*Fotnoter*). A section is matched with the other version's by its number
  (``3.2``), or by its heading when it has no number; a renamed heading keeps
  its section, and after a renumbering each number is compared with the
  section that has it now (the redline is of the text under each number).
* :func:`compare` reports every section as added, removed, changed or
  unchanged, in document order (a removed section where it stood); runs of
  unchanged sections are one :class:`Unchanged` item, summarised, not repeated.
  A re-wrapped line is no change: text is compared word by word.
* Within a changed section the diff is by word (:class:`difflib.SequenceMatcher`
  over the words, ``autojunk`` off) with the paragraph and list-item boundaries
  as tokens of their own, so a block keeps its place and a new list item is a
  new item. Reading the runs that are not ``delete`` gives the new text; the
  runs that are not ``insert``, the old.
* :func:`section_html` renders a changed section as HTML: every word goes
  through :func:`html.escape`, changed runs are wrapped in ``<ins>``/``<del>``.
  The version's text is untrusted input: the redline shows its Markdown as
  written (``*``, ``[x](…)`` and ``<script>`` are characters on the page), so
  nothing in it becomes markup. The only elements are ``div``, ``p``, ``ul``,
  ``li``, ``ins`` and ``del``, with one ``id`` (``redline-<anchor>``) that the
  stylesheet's announcement of the changes is scoped to.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import TypeAlias

__all__ = [
    "Block", "BlockKind", "Change", "Op", "Redline", "Run", "Section", "SectionDiff",
    "Unchanged", "compare", "runs_html", "section_html", "sections",
]  # fmt: skip


class Op(StrEnum):
    """What a run of words is in the redline."""

    EQUAL = "equal"
    INSERT = "insert"  # only in the newer version: <ins>
    DELETE = "delete"  # only in the older version: <del>


class BlockKind(StrEnum):
    PARAGRAPH = "p"
    ITEM = "li"  # a list item (bullet or number); its marker is not part of the text
    NOTE = "note"  # a footnote definition, "[^1]: …" (the label is part of the text)


class Change(StrEnum):
    """A section's fate between two versions (the words the page shows)."""

    ADDED = "tillagt"
    REMOVED = "borttaget"
    CHANGED = "ändrat"
    UNCHANGED = "oförändrat"


@dataclass(frozen=True)
class Run:
    """Consecutive words with the same fate, joined by single spaces."""

    op: Op
    text: str


@dataclass(frozen=True)
class SourceBlock:
    """A paragraph, list item or footnote of one version, its words as written."""

    kind: BlockKind
    depth: int  # list nesting, 0 at the top (4 spaces a level, as Python-Markdown reads it)
    words: tuple[str, ...]


@dataclass(frozen=True)
class Block:
    """A block of the redline: its kind, nesting and runs."""

    kind: BlockKind
    depth: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Section:
    """A heading of one version and the text under it, up to the next heading."""

    key: str  # what matches it with the other version: its number, else its heading
    number: str | None  # "3.2" for "### 3.2 Dagordning och dokumentation"
    heading: str  # the heading as written, without the #s ("" for the introduction)
    level: int  # 2 for "##"; 0 for the introduction and the footnotes
    blocks: tuple[SourceBlock, ...]

    @property
    def title(self) -> str:
        """The heading without its number and footnote references: 'Dagordning och …'."""
        title = self.heading
        if self.number is not None:
            title = _NUMBER.sub("", title, count=1)
        return _FOOTNOTE_REF.sub("", title).strip()

    @property
    def label(self) -> str:
        """How the page names the section: '3.2 Dagordning och dokumentation'."""
        if self.key == INTRODUCTION:
            return "Inledning"
        if self.key == FOOTNOTES:
            return "Fotnoter"
        return f"{self.number} {self.title}".strip() if self.number else self.title


@dataclass(frozen=True)
class SectionDiff:
    """A section that is not the same in both versions."""

    change: Change
    anchor: str  # unique on a page: "3-2", "avsnitt-4"; ids are "andring-…", "redline-…"
    old: Section | None
    new: Section | None
    heading: tuple[Run, ...]  # the heading's words, diffed
    blocks: tuple[Block, ...]  # empty when only the heading changed

    @property
    def section(self) -> Section:
        """The section as the newer version has it (the older one's when removed)."""
        found = self.new or self.old
        assert found is not None
        return found

    @property
    def heading_changed(self) -> bool:
        return any(run.op is not Op.EQUAL for run in self.heading)

    @property
    def text_changed(self) -> bool:
        return bool(self.blocks)


@dataclass(frozen=True)
class Unchanged:
    """Consecutive sections that are the same in both versions."""

    sections: tuple[Section, ...]
    change: Change = Change.UNCHANGED

    @property
    def first(self) -> Section:
        return self.sections[0]

    @property
    def last(self) -> Section:
        return self.sections[-1]


@dataclass(frozen=True)
class Redline:
    """Every section of two versions, in document order."""

    items: tuple[SectionDiff | Unchanged, ...]

    @property
    def changes(self) -> tuple[SectionDiff, ...]:
        return tuple(item for item in self.items if isinstance(item, SectionDiff))

    @property
    def identical(self) -> bool:
        return not self.changes


# --- splitting a body into sections ---------------------------------------------------

INTRODUCTION = ""  # the key of the text before the first heading
FOOTNOTES = "[^]"  # the key of the footnote definitions (no heading can have it)

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_NUMBER = re.compile(r"^§?\s*(\d+(?:\.\d+)*)\.?(?=\s|$)\s*")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\s]+\]:")
_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|(\d+[.)]))[ \t]+(.*)$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")


def _indent(whitespace: str) -> int:
    return len(whitespace.expandtabs(4))


def _heading_key(heading: str) -> str:
    """An unnumbered section's key: its heading, whitespace and case folded."""
    return "rubrik:" + " ".join(heading.split()).casefold()


def _number(heading: str) -> str | None:
    match = _NUMBER.match(heading)
    return match.group(1) if match else None


class _Reader:
    """Line by line: the current section's blocks and the footnote definitions."""

    def __init__(self) -> None:
        self.done: list[tuple[str | None, str, int, list[SourceBlock]]] = []
        self.heading: tuple[str | None, str, int] = (None, "", 0)
        self.blocks: list[SourceBlock] = []
        self.notes: list[SourceBlock] = []
        self.open: tuple[BlockKind, int, list[str]] | None = None  # the block being read
        self.fenced = False

    def close_block(self) -> None:
        if self.open is not None:
            kind, depth, words = self.open
            block = SourceBlock(kind, depth, tuple(words))
            (self.notes if kind is BlockKind.NOTE else self.blocks).append(block)
            self.open = None

    def new_section(self, number: str | None, heading: str, level: int) -> None:
        self.close_block()
        self.done.append((*self.heading, self.blocks))
        self.heading = (number, heading, level)
        self.blocks = []

    def line(self, line: str) -> None:
        if _FENCE.match(line):
            self.fenced = not self.fenced
        elif not self.fenced and (heading := _HEADING.match(line)):
            text = heading.group(2).strip()
            self.new_section(_number(text), text, len(heading.group(1)))
            return
        if not line.strip():
            if self.open is not None and self.open[0] is not BlockKind.NOTE:
                self.close_block()  # a footnote may go on, indented, after a blank line
            return
        if self.fenced:
            self._continue(BlockKind.PARAGRAPH, 0, line)
        elif _FOOTNOTE_DEF.match(line):
            self.close_block()
            self.open = (BlockKind.NOTE, 0, line.split())
        elif item := _ITEM.match(line):
            self.close_block()
            words = [item.group(2)] if item.group(2) else []  # a list's number is text
            words += item.group(3).split()
            self.open = (BlockKind.ITEM, _indent(item.group(1)) // 4, words)
        elif self.open is not None and self.open[0] is BlockKind.NOTE and line[:1] not in " \t":
            self.close_block()  # a note ends at the first line that is not indented
            self.open = (BlockKind.PARAGRAPH, 0, line.split())
        else:
            self._continue(BlockKind.PARAGRAPH, 0, line)

    def _continue(self, kind: BlockKind, depth: int, line: str) -> None:
        if self.open is None:
            self.open = (kind, depth, [])
        self.open[2].extend(line.split())

    def finish(self) -> list[Section]:
        self.new_section(None, "", 0)
        found: list[Section] = []
        seen: dict[str, int] = {}
        for index, (number, heading, level, blocks) in enumerate(self.done):
            if index == 0:
                if not blocks:
                    continue
                key = INTRODUCTION
            else:
                key = number if number is not None else _heading_key(heading)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:  # the same number twice in one version: matched in order
                key = f"{key}#{seen[key]}"
            found.append(Section(key, number, heading, level, tuple(blocks)))
        if self.notes:
            found.append(Section(FOOTNOTES, None, "", 0, tuple(self.notes)))
        return found


def sections(body: str) -> list[Section]:
    """A version's body as its sections, in order (see the module docstring)."""
    reader = _Reader()
    for line in body.splitlines():
        reader.line(line)
    return reader.finish()


# --- comparing -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Break:
    """The start of a block, a token of its own in the word diff."""

    kind: BlockKind
    depth: int


_Token: TypeAlias = str | _Break


def _tokens(blocks: Iterable[SourceBlock]) -> list[_Token]:
    tokens: list[_Token] = []
    for block in blocks:
        tokens.append(_Break(block.kind, block.depth))
        tokens.extend(block.words)
    return tokens


def _opcodes(
    old: Sequence[_Token], new: Sequence[_Token]
) -> Sequence[tuple[str, int, int, int, int]]:
    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def _join(pieces: Iterable[tuple[Op, str]]) -> tuple[Run, ...]:
    """Words with their fate -> runs: neighbours with the same fate joined."""
    runs: list[Run] = []
    for op, word in pieces:
        if runs and runs[-1].op is op:
            runs[-1] = Run(op, f"{runs[-1].text} {word}")
        else:
            runs.append(Run(op, word))
    return tuple(runs)


def diff_words(old: Sequence[str], new: Sequence[str]) -> tuple[Run, ...]:
    """Two word sequences as runs; in a replacement the deleted words come first."""
    pieces: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in _opcodes(old, new):
        if tag == "equal":
            pieces += [(Op.EQUAL, w) for w in new[j1:j2]]
            continue
        pieces += [(Op.DELETE, w) for w in old[i1:i2]]
        pieces += [(Op.INSERT, w) for w in new[j1:j2]]
    return _join(pieces)


def diff_blocks(old: Sequence[SourceBlock], new: Sequence[SourceBlock]) -> tuple[Block, ...]:
    """The blocks of a changed section, word by word, keeping the block boundaries.

    Every block start of either version begins a block of the redline, so a
    deleted paragraph is a paragraph of deleted words and an inserted list item
    an item of inserted words (what was one paragraph in one version and two in
    the other is shown as two).
    """
    a, b = _tokens(old), _tokens(new)
    built: list[tuple[BlockKind, int, list[tuple[Op, str]]]] = []

    def emit(op: Op, token: _Token) -> None:
        if isinstance(token, _Break):
            built.append((token.kind, token.depth, []))
            return
        if not built:  # cannot happen (every token list starts with a break); kept safe
            built.append((BlockKind.PARAGRAPH, 0, []))
        built[-1][2].append((op, token))

    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            for token in b[j1:j2]:
                emit(Op.EQUAL, token)
            continue
        for token in a[i1:i2]:
            emit(Op.DELETE, token)
        for token in b[j1:j2]:
            emit(Op.INSERT, token)
    return tuple(Block(kind, depth, _join(pieces)) for kind, depth, pieces in built)


def _heading_words(section: Section | None) -> list[str]:
    return section.heading.split() if section is not None else []


def _same(old: Section, new: Section) -> bool:
    return _heading_words(old) == _heading_words(new) and _tokens(old.blocks) == _tokens(new.blocks)


class _Anchors:
    """Page-unique anchors for the changed sections: '3-2', else 'avsnitt-<n>'."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, section: Section, position: int) -> str:
        if section.key == FOOTNOTES:
            base = "fotnoter"
        elif section.number is not None:
            base = section.number.replace(".", "-")
        else:
            base = f"avsnitt-{position}"
        anchor, n = base, 1
        while anchor in self.used:
            n += 1
            anchor = f"{base}-{n}"
        self.used.add(anchor)
        return anchor


def _diff(old: Section | None, new: Section | None, anchor: str) -> SectionDiff:
    heading = diff_words(_heading_words(old), _heading_words(new))
    if old is None:
        change = Change.ADDED
    elif new is None:
        change = Change.REMOVED
    else:
        change = Change.CHANGED
    old_blocks = old.blocks if old is not None else ()
    new_blocks = new.blocks if new is not None else ()
    same_text = _tokens(old_blocks) == _tokens(new_blocks)
    blocks = () if same_text and change is Change.CHANGED else diff_blocks(old_blocks, new_blocks)
    return SectionDiff(change, anchor, old, new, heading, blocks)


def compare(old_body: str, new_body: str) -> Redline:
    """The redline from ``old_body`` to ``new_body`` (the older version first)."""
    old, new = sections(old_body), sections(new_body)
    old_by_key = {s.key: s for s in old}
    new_keys = {s.key for s in new}
    anchors = _Anchors()
    items: list[SectionDiff | Unchanged] = []
    same: list[Section] = []

    def flush() -> None:
        if same:
            items.append(Unchanged(tuple(same)))
            same.clear()

    def add(diff: SectionDiff) -> None:
        flush()
        items.append(diff)

    # Removed sections are shown where they stood: before the first section of the
    # newer version that followed them in the older one.
    removed_before: dict[str | None, list[Section]] = {}
    following: str | None = None
    for section in reversed(old):
        if section.key in new_keys:
            following = section.key
        else:
            removed_before.setdefault(following, []).insert(0, section)
    for section in new:
        for gone in removed_before.pop(section.key, []):
            add(_diff(gone, None, anchors(gone, len(items) + 1)))
        before = old_by_key.get(section.key)
        if before is not None and _same(before, section):
            same.append(section)
        else:
            add(_diff(before, section, anchors(section, len(items) + 1)))
    for gone in removed_before.pop(None, []):
        add(_diff(gone, None, anchors(gone, len(items) + 1)))
    flush()
    return Redline(tuple(items))


# --- HTML ---------------------------------------------------------------------------

_TAGS = {Op.INSERT: "ins", Op.DELETE: "del"}


def runs_html(runs: Iterable[Run]) -> str:
    """Runs as inline HTML: escaped words, changed runs in ``<ins>``/``<del>``."""
    parts = []
    for run in runs:
        text = html.escape(run.text, quote=False)  # text, not an attribute: & < > suffice
        tag = _TAGS.get(run.op)
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return " ".join(parts)


def blocks_html(blocks: Iterable[Block]) -> str:
    """Blocks as HTML: paragraphs and footnotes as ``<p>``, list items as (nested) ``<ul>``."""
    out: list[str] = []
    lists = 0  # open <ul>s; the innermost has an open <li> once it has an item

    def close_to(level: int) -> None:
        nonlocal lists
        while lists > level:
            out[-1] += "</li></ul>"
            lists -= 1

    for block in blocks:
        content = runs_html(block.runs)
        if block.kind is BlockKind.ITEM:
            depth = min(block.depth, lists)  # at most one level deeper than the last item
            if depth == lists:
                out.append("<ul>")
                lists += 1
            else:
                close_to(depth + 1)
                out[-1] += "</li>"
            out.append(f"<li>{content}")
        else:
            close_to(0)
            out.append(f"<p>{content}</p>")
    close_to(0)
    return "\n".join(out)


def section_html(diff: SectionDiff) -> str:
    """A changed section as one HTML block for a Markdown page (no blank line inside,
    starting in the first column, so Python-Markdown passes it through as it is)."""
    parts = [f'<div id="redline-{html.escape(diff.anchor, quote=True)}">']
    if diff.change is Change.CHANGED and diff.heading_changed:
        parts.append(f"<p>Ändrad rubrik: {runs_html(diff.heading)}</p>")
    if diff.blocks:
        parts.append(blocks_html(diff.blocks))
    elif diff.change is Change.CHANGED:
        parts.append("<p>Texten under rubriken är oförändrad.</p>")
    else:
        parts.append("<p>Avsnittet har ingen text under rubriken.</p>")
    parts.append("</div>")
    return "\n".join(parts)
