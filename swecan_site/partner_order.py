"""Where `ny partner` puts a new partner in partners.yaml, as text (issue 20).

partners.yaml is grouped by sector, in the arbetsordning's order (§8.1: vård,
forskning, myndighet, näringsliv, civilsamhälle), each group under a comment
heading ``# --- Hälso- och sjukvård …``. Within a group the shipped file keeps
the order partners were listed and joined (the report's Bilaga 4 first,
newcomers last), not the alphabet. So a new partner goes last in its sector's
group; a group whose names are in Swedish alphabetical order keeps that order;
a sector without a group gets a new heading where the sector order puts it.

The file is never re-serialised: the entry is inserted as lines, and every
other byte (comments, blank lines, quoting) stays as it was.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from . import yamlpos
from .models import SECTOR_NAMES, Sector

# Swedish alphabetical order: å, ä, ö after z (æ/ø as ä/ö, ü as y, é as e).
_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """A key that sorts names as a Swedish dictionary does (Örebro after Västerås)."""
    folded = text.casefold().translate(_SWEDISH)
    decomposed = unicodedata.normalize("NFD", folded)  # é -> e + accent, dropped below
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class _Entry:
    start: int  # index of the line with "- id:"
    end: int  # index of the entry's last line
    sector: str
    name: str


class OrderError(ValueError):
    """partners.yaml is not laid out so that an entry can be inserted as text."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _entries(lines: list[str]) -> tuple[list[_Entry], int, int]:
    """Each partner's lines, the column of the list's dashes, and the line after the key."""
    try:
        doc = yamlpos.parse("".join(lines))
    except yamlpos.YamlProblem as exc:
        raise OrderError(str(exc)) from None
    if not isinstance(doc.data, dict) or "partners" not in doc.data:
        raise OrderError("nyckeln partners saknas")
    items = doc.data["partners"] or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise OrderError("partners är ingen lista av partners")
    if not items and doc.data["partners"] is not None:
        raise OrderError("listan partners är tom och skriven som []; skriv bara partners:")
    starts = [doc.position(("partners", i))[0] - 1 for i in range(len(items))]
    if any(not lines[s].lstrip().startswith("-") for s in starts):
        raise OrderError("listan partners står inte med ett '- ' per partner")
    dash = _indent(lines[starts[0]]) if starts else 2
    entries = []
    for number, (start, item) in enumerate(zip(starts, items, strict=True)):
        boundary = starts[number + 1] if number + 1 < len(starts) else _list_end(lines, start)
        end = boundary - 1
        # blank lines and comments at the dash's indentation belong to what follows
        while end > start and (not lines[end].strip() or _indent(lines[end]) <= dash):
            end -= 1
        entries.append(_Entry(start, end, str(item.get("sektor", "")), str(item.get("namn", ""))))
    return entries, dash, doc.position(("partners",), key=True)[0]


def _list_end(lines: list[str], start: int) -> int:
    """The index after the last line of the list that ``start`` is in: the next key at
    column 0, or the end of the file."""
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line.startswith((" ", "#", "-")):
            return index
    return len(lines)


def _sorted(names: list[str]) -> bool:
    keys = [swedish_sort_key(n) for n in names]
    return len(keys) >= 2 and keys == sorted(keys)


def insert(text: str, entry: list[str], sector: Sector, name: str) -> tuple[str, int]:
    """``text`` with ``entry`` (lines without indentation or line breaks, the first one
    ``- id: …``) inserted where partners.yaml's order puts it; and the 1-based line
    number of its first line."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    entries, dash, after_key = _entries(lines)
    block = [" " * dash + line + "\n" for line in entry]
    order = [str(s) for s in Sector]  # the arbetsordning's order (§8.1)
    same = [e for e in entries if e.sector == sector]
    if same:
        later = [e for e in same if swedish_sort_key(e.name) > swedish_sort_key(name)]
        if _sorted([e.name for e in same]) and later:
            at, chunk = later[0].start, [*block, "\n"]
        else:
            at, chunk = same[-1].end + 1, ["\n", *block]
    else:
        heading = [" " * dash + f"# --- {SECTOR_NAMES[sector]}\n"]
        rank = order.index(str(sector))
        before = [e for e in entries if e.sector in order and order.index(e.sector) < rank]
        if before:
            at, chunk = max(before, key=lambda e: e.start).end + 1, ["\n", "\n", *heading, *block]
        elif entries:
            at = entries[0].start
            while (
                at > 0 and lines[at - 1].strip().startswith("#") and _indent(lines[at - 1]) == dash
            ):
                at -= 1  # before the first group's heading
            chunk = [*heading, *block, "\n", "\n"]
        else:
            at, chunk = after_key, ["\n", *heading, *block]
    first = at + chunk.index(block[0]) + 1
    return "".join(lines[:at] + chunk + lines[at:]), first


__all__ = ["OrderError", "insert", "swedish_sort_key"]
