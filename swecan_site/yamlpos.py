"""Read YAML into plain Python data while remembering where every value stood.

PyYAML's default constructors apply YAML 1.1 rules that surprise people who
are not programmers: ``13:30`` becomes the integer 810, ``no`` becomes False,
``2026-03-12`` becomes a ``date`` before our own validation sees it, and a
duplicated key silently keeps the last value. We therefore read PyYAML's
event stream (from libyaml's C parser when available) and construct the
values ourselves, within the limits of ``limits.py`` (no tags, bounded
aliases, depth, values and numbers):

* plain scalars resolve only to null (empty, ``~``, ``null``), booleans
  (``true``/``false``), decimal integers and decimal floats; everything else,
  dates and times included, stays a string and is parsed by the model;
* quoted scalars are always strings;
* a key that appears twice in one mapping is an error;
* every value and every key gets its (line, column), 1-based, under its path
  (a tuple of keys and list indices, the same shape as a pydantic ``loc``).

An ordinary file (no tags, no aliases) is composed by libyaml's C composer
instead and walked once into the same Document; see "the fast path" below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import limits

Path = tuple[str | int, ...]
Position = tuple[int, int]

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]+)")
_NUMBER_START = frozenset("+-0123456789")


class YamlProblem(Exception):
    """A file that cannot be read as YAML; carries the rule ID and position."""

    def __init__(self, rule: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Document:
    """The data of one YAML document and the positions of its nodes."""

    data: Any
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    collections: set[Path] = field(default_factory=set)
    mappings: set[Path] = field(default_factory=set)

    def position(self, path: Path, *, key: bool = False) -> Position:
        """Position of ``path``; falls back to the nearest enclosing node.

        A mapping or list that is the value of a key is located at its key
        (``röster:``), which is where a person looks for it.
        """
        path = tuple(path)
        if path in self.collections and path in self.keys:
            key = True
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# libyaml's parser (C) when PyYAML was built with it: about 15 times faster than
# the pure-Python one, with the same events and positions.
_FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_DEPTH_MESSAGE = (
    f"YAML-data är nästlad i mer än {limits.MAX_YAML_DEPTH} nivåer; "
    "så djupa strukturer används inte i SweCans filer."
)


def _mark(event: yaml.Event, line_offset: int) -> Position:
    return (event.start_mark.line + 1 + line_offset, event.start_mark.column + 1)


def _number(text: str, position: Position) -> int | float | None:
    """The number a plain scalar spells, if it is one; refuse absurdly long ones."""
    if _INT.fullmatch(text):
        if len(text.lstrip("+-")) > limits.MAX_INT_DIGITS:
            raise YamlProblem(
                "SC031",
                f"Talet har {len(text.lstrip('+-'))} siffror; högst {limits.MAX_INT_DIGITS} "
                "är tillåtet. Är det text, sätt det inom citattecken.",
                *position,
            )
        return int(text)
    if _FLOAT.fullmatch(text):
        digits = sum(c.isdigit() for c in text)
        if digits > limits.MAX_FLOAT_DIGITS:
            raise YamlProblem(
                "SC031",
                f"Talet har {digits} siffror; högst {limits.MAX_FLOAT_DIGITS} är tillåtet.",
                *position,
            )
        return float(text)
    return None


def _scalar(text: str, style: str | None, position: Position) -> Any:
    """The value of a scalar node; raise YamlProblem on a character or number out of bounds."""
    if style:  # quoted or block scalar: always a string
        if style == '"':
            bad = _NON_PRINTABLE.search(text)
            if bad:
                raise YamlProblem(
                    "SC001",
                    f"Otillåtet tecken U+{ord(bad.group()):04X} i värdet; ta bort det.",
                    *position,
                )
        _markdown_depth(text, style, position)
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    number = _number(text, position) if text[0] in _NUMBER_START else None
    if number is None:
        _markdown_depth(text, style, position)
        return text
    return number


def _markdown_depth(text: str, style: str | None, position: Position) -> None:
    """A text value may be rendered as Markdown: the same nesting limits as .md files."""
    deep = limits.markdown_problem(text)
    if deep:
        number, column, message = deep
        block = style is not None and style in "|>"
        line = position[0] + number + (1 if block else 0)
        raise YamlProblem("SC030", message, line, column if number or block else position[1])


@dataclass
class _Anchor:
    position: Position
    value: Any = None
    raw: str | None = None  # a scalar's text (usable as a key)
    path: Path = ()
    values: list[Path] = field(default_factory=list)  # the subtree's paths, under ``path``
    keys: list[Path] = field(default_factory=list)
    size: int = 1  # nodes, counting what the aliases inside it add
    done: bool = False


@dataclass
class _Frame:
    path: Path
    container: Any
    is_map: bool
    key: str | None = None  # the key whose value comes next (mappings)
    anchor: _Anchor | None = None
    nodes_at_start: int = 0
    values_at_start: int = 0
    keys_at_start: int = 0


def _path_below(parent: _Frame | None) -> Path:
    """The path of the next value in ``parent`` (the root when there is none)."""
    if parent is None:
        return ()
    if parent.is_map:
        assert parent.key is not None
        return (*parent.path, parent.key)
    return (*parent.path, len(parent.container))


class _Builder:
    """Build plain data and positions from a YAML event stream, without recursion.

    Working on events (not on PyYAML's node graph, whose composer recurses once
    per level) keeps every limit in one place and needs no recursion: depth,
    values, alias uses and the values aliases add are counted as the events
    arrive, so a hostile file stops at its first excess.
    """

    def __init__(self, doc: Document, offset: int, allowed_tags: frozenset[str]) -> None:
        self.doc = doc
        self.offset = offset
        self.allowed_tags = allowed_tags
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchor] = {}
        self.value_order: list[Path] = []
        self.key_order: list[Path] = []
        self.nodes = 0
        self.aliases = 0
        self.alias_nodes = 0
        self.has_root = False

    def problem(self, rule: str, message: str, event: yaml.Event) -> YamlProblem:
        return YamlProblem(rule, message, *_mark(event, self.offset))

    def run(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                self.node(event, None)
            elif kind is yaml.MappingStartEvent:
                self.node(event, {})
            elif kind is yaml.SequenceStartEvent:
                self.node(event, [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.end()

    def check_tag(self, event: yaml.Event) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in self.allowed_tags:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            allowed = ", ".join(sorted(self.allowed_tags))
            hint = f"; bara {allowed} är tillåtna här" if allowed else ""
            raise self.problem(
                "SC008",
                f"YAML-taggen {shown} är inte tillåten{hint}. Skriv värdet utan tagg.",
                event,
            )

    def node(self, event: yaml.Event, container: Any) -> None:
        """A scalar, an alias, or the start of a collection (``container``, to be filled)."""
        if not self.stack:
            self.root(event)
        self.check_tag(event)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and parent.is_map and parent.key is None:
            self.key(parent, event)
            return
        path = _path_below(parent)
        position = _mark(event, self.offset)
        if type(event) is yaml.AliasEvent:
            value = self.alias(event, path)
        else:
            value = self.new_value(event, container, path, position)
        self.place(parent, value)
        anchor = self.anchor(event, container, value, path, position)
        if container is not None:
            self.open(event, container, path, anchor)

    def new_value(self, event: yaml.Event, container: Any, path: Path, position: Position) -> Any:
        """A node that is not an alias: counted, located, and its value built."""
        self.nodes += 1
        if self.nodes > limits.MAX_YAML_NODES:
            raise self.problem(
                "SC031",
                f"Filen innehåller fler än {limits.MAX_YAML_NODES} värden; "
                "dela upp den eller ta bort det som inte hör hemma här.",
                event,
            )
        self.doc.values[path] = position
        self.value_order.append(path)
        return self.scalar(event, position) if container is None else container

    def place(self, parent: _Frame | None, value: Any) -> None:
        """Put ``value`` under the key its mapping waits for, at the end of its list, or at
        the root."""
        if parent is None:
            self.doc.data = value
        elif parent.is_map:
            assert parent.key is not None
            parent.container[parent.key] = value
            parent.key = None
        else:
            parent.container.append(value)

    def anchor(
        self, event: yaml.Event, container: Any, value: Any, path: Path, position: Position
    ) -> _Anchor | None:
        """The anchor (&name) the node defines, if any; a scalar's is complete at once."""
        if getattr(event, "anchor", None) is None or type(event) is yaml.AliasEvent:
            return None
        if event.anchor in self.anchors:
            raise self.problem(
                "SC001", f"Fel i YAML-ankare eller alias: ankaret &{event.anchor} "
                "förekommer två gånger.", event,
            )  # fmt: skip
        anchor = _Anchor(position, value, path=path)
        self.anchors[event.anchor] = anchor
        if container is None:
            anchor.raw = event.value
            anchor.values = [()]
            anchor.done = True
        return anchor

    def open(self, event: yaml.Event, container: Any, path: Path, anchor: _Anchor | None) -> None:
        """Enter a mapping or a list: its values come next, until its end event."""
        if len(self.stack) >= limits.MAX_YAML_DEPTH:
            raise self.problem(
                "SC030",
                _DEPTH_MESSAGE,
                event,
            )
        self.doc.collections.add(path)
        is_map = type(event) is yaml.MappingStartEvent
        if is_map:
            self.doc.mappings.add(path)
        frame = _Frame(path, container, is_map, anchor=anchor)
        frame.nodes_at_start = self.nodes - 1
        frame.values_at_start = len(self.value_order) - 1
        frame.keys_at_start = len(self.key_order)
        self.stack.append(frame)

    def root(self, event: yaml.Event) -> None:
        if self.has_root:
            raise _SecondDocument(event.start_mark.line)
        self.has_root = True

    def key(self, parent: _Frame, event: yaml.Event) -> None:
        if type(event) is yaml.ScalarEvent:
            key = event.value
        elif type(event) is yaml.AliasEvent and (a := self.anchors.get(event.anchor)) and a.raw:
            key = a.raw
        else:
            raise self.problem("SC003", "En nyckel måste vara ett enkelt ord.", event)
        path = (*parent.path, key)
        if key in parent.container:
            first = self.doc.keys[path][0]
            raise self.problem(
                "SC002",
                f"Nyckeln '{key}' förekommer två gånger (första gången på rad {first}); "
                "bara en av dem skulle gälla.",
                event,
            )
        self.doc.keys[path] = _mark(event, self.offset)
        self.key_order.append(path)
        parent.key = key
        if type(event) is yaml.ScalarEvent and event.anchor is not None:
            self.anchors[event.anchor] = _Anchor(
                _mark(event, self.offset), _scalar_value(event), raw=key, done=True
            )

    def scalar(self, event: yaml.ScalarEvent, position: Position) -> Any:
        return _scalar(event.value, event.style, position)

    def alias(self, event: yaml.AliasEvent, path: Path) -> Any:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise self.problem(
                "SC001",
                f"Fel i YAML-ankare eller alias: aliaset *{event.anchor} har inget ankare "
                f"&{event.anchor} före sig.",
                event,
            )
        if not anchor.done:  # &a [*a] would never end
            raise self.problem("SC001", "Ett YAML-alias refererar till sig självt.", event)
        self.aliases += 1
        self.alias_nodes += anchor.size
        if self.aliases > limits.MAX_ALIASES:
            raise self.problem(
                "SC007",
                f"Filen använder fler än {limits.MAX_ALIASES} YAML-alias (*namn); "
                "skriv ut värdena i stället.",
                event,
            )
        if self.alias_nodes > limits.MAX_ALIAS_NODES:
            raise self.problem(
                "SC007",
                f"YAML-aliasen i filen växer till mer än {limits.MAX_ALIAS_NODES} värden "
                "(alias i alias); skriv ut värdena i stället.",
                event,
            )
        self.nodes += anchor.size
        for sub in anchor.values:
            target = (*path, *sub)
            source = (*anchor.path, *sub)
            self.doc.values[target] = self.doc.values.get(source, anchor.position)
            self.value_order.append(target)
            if source in self.doc.collections:
                self.doc.collections.add(target)
            if source in self.doc.mappings:
                self.doc.mappings.add(target)
        for sub in anchor.keys:
            target = (*path, *sub)
            self.doc.keys[target] = self.doc.keys[(*anchor.path, *sub)]
            self.key_order.append(target)
        return anchor.value

    def end(self) -> None:
        frame = self.stack.pop()
        anchor = frame.anchor
        if anchor is not None:
            cut = len(frame.path)
            anchor.values = [p[cut:] for p in self.value_order[frame.values_at_start :]]
            anchor.keys = [p[cut:] for p in self.key_order[frame.keys_at_start :]]
            anchor.size = self.nodes - frame.nodes_at_start
            anchor.done = True


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    if event.style:
        return event.value
    text = event.value
    if text in _NULL:
        return None
    return _BOOL.get(text, text)


# --- the fast path: libyaml's composer (C) builds the node graph ------------------
#
# Iterating ~20,000 events in Python per check was the largest cost of loading.
# For an ordinary file (no tags, no aliases) libyaml's composer builds the
# same tree in C; the walk below turns it into the same Document. Whatever
# the walk cannot vouch for – a possible tag, an alias (a node met twice), a
# duplicate key, a limit reached, any error from libyaml – makes it give up,
# and the event builder above reads the file again and reports exactly what
# it always has. So the fast path never decides about bad input.

_IMPLICIT = "?"  # the tag every node gets from _Composer.resolve


class _NotPlain(Exception):
    """The fast path cannot vouch for this file; the event builder reads it."""


_C_PARSER: type | None = getattr(getattr(yaml, "cyaml", None), "CParser", None)
if _C_PARSER is not None:

    class _Composer(_C_PARSER):  # type: ignore[misc,valid-type]
        """libyaml's parser and composer, without YAML 1.1 type resolution."""

        def resolve(self, kind: type, value: Any, implicit: Any) -> str:
            return _IMPLICIT

        def descend_resolver(self, parent: Any, index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

    _COMPOSER: type | None = _Composer
else:  # PyYAML built without libyaml: the event builder alone
    _COMPOSER = None

# A tag ("!x", "!!str", "! ") can only start where a node starts: at the
# beginning, after white space or after one of [ { , ? :. No such "!" in the
# text means no tag anywhere (the composer resolves a bare "!" away).
_MAYBE_TAG = re.compile(r"(?<![^\s\ufeff\[{,?:])!")
# Nodes are introduced by these (entries, keys, values, lines). A file with
# more of them than the node limit allows could make the composer build a
# large graph before the walk sees the limit: the event builder, which stops
# at the limit, reads it instead.
_NODE_MARKS = ",[{-:?\n"


def _plain_enough(text: str) -> bool:
    """Can the fast path read ``text`` (no possible tag, not too many nodes)?"""
    if "!" in text and _MAYBE_TAG.search(text):
        return False
    return sum(text.count(c) for c in _NODE_MARKS) < limits.MAX_YAML_NODES


# mccabe counts the two closures value() and collection() into this function (radon, which
# does not: B 7); they are closures because this is the hot path of `check` (README: check speed).
def _compose(text: str, offset: int) -> Document | None:  # noqa: C901
    """The Document of ``text`` via libyaml's composer, or None to use the event builder."""
    assert _COMPOSER is not None
    composer = _COMPOSER(text)
    try:
        root = composer.get_single_node()
    except Exception:  # any trouble: the event builder reads it and reports it
        return None
    finally:
        composer.dispose()
    if root is None:
        return None
    doc = Document(data=None)
    values, keys = doc.values, doc.keys
    collections, mappings = doc.collections, doc.mappings
    # Without an anchor (&) there can be no alias: libyaml refuses an alias to
    # an anchor it has not seen. With one, a node met twice is an alias.
    seen: set[int] | None = set() if "&" in text else None
    scalar_node, mapping_node = yaml.ScalarNode, yaml.MappingNode
    max_depth = limits.MAX_YAML_DEPTH
    null, boolean, number_start = _NULL, _BOOL, _NUMBER_START
    short = limits.MARKDOWN_SAFE_LENGTH
    line_base = 1 + offset

    def value(node: yaml.Node, path: Path, depth: int) -> Any:
        """The value of ``node`` at ``path``, recorded with its position."""
        if node.tag != _IMPLICIT:
            raise _NotPlain
        if seen is not None:
            if id(node) in seen:
                raise _NotPlain
            seen.add(id(node))
        mark = node.start_mark
        position = (mark.line + line_base, mark.column + 1)
        values[path] = position
        if type(node) is not scalar_node:
            return collection(node, path, depth)
        text = node.value
        style = node.style
        if not style:  # the common plain scalars, as _scalar() reads them
            if text in null:
                return None
            if text in boolean:
                return boolean[text]
            if len(text) <= short and text[0] not in number_start:
                return text
        return _scalar(text, style, position)

    def collection(node: yaml.Node, path: Path, depth: int) -> Any:
        if depth >= max_depth:
            raise _NotPlain
        collections.add(path)
        if type(node) is not mapping_node:
            return [value(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        mappings.add(path)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not scalar_node or key_node.tag != _IMPLICIT:
                raise _NotPlain
            if seen is not None:
                if id(key_node) in seen:
                    raise _NotPlain
                seen.add(id(key_node))
            key = key_node.value
            if key in mapping:
                raise _NotPlain
            key_path = (*path, key)
            mark = key_node.start_mark
            keys[key_path] = (mark.line + line_base, mark.column + 1)
            mapping[key] = value(value_node, key_path, depth + 1)
        return mapping

    try:
        doc.data = value(root, (), 0)
    except (_NotPlain, YamlProblem):
        return None
    if len(values) > limits.MAX_YAML_NODES:  # the event builder says where
        return None
    return doc


class _SecondDocument(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    # Tabs never get here: parse() rejects them first, with their exact column.
    # Messages come from libyaml (C) or PyYAML's own parser; they differ slightly.
    problem = exc.problem or str(exc)
    if "could not find expected ':'" in problem:
        return "Ett kolon saknas efter nyckeln, eller så är indraget fel."
    if "mapping values are not allowed" in problem:
        return "Ett kolon på fel ställe: sätt värdet inom citattecken om det innehåller ': '."
    return f"Filen går inte att läsa som YAML: {problem}."


def parse(
    text: str,
    *,
    line_offset: int = 0,
    allowed_tags: frozenset[str] = frozenset(),
    pure_python: bool = False,
) -> Document:
    """Parse one YAML document from ``text``; raise YamlProblem on bad input.

    ``allowed_tags`` lists explicit tags to accept (their values are built as
    if untagged); every other tag is an error. ``pure_python`` reads with
    PyYAML's own parser, the one MkDocs uses, so that both see the same tags.
    """
    _refuse_tabs(text, line_offset)
    _refuse_non_printable(text, line_offset)
    if not pure_python and _COMPOSER is not None and _plain_enough(text):
        fast = _compose(text, line_offset)
        if fast is not None:
            return fast
    return _build(text, line_offset, allowed_tags, pure_python)


def _refuse_tabs(text: str, line_offset: int) -> None:
    if "\t" in text:
        for number, source_line in enumerate(text.splitlines(), start=1):
            if "\t" in source_line and not source_line.lstrip().startswith("#"):
                raise YamlProblem(
                    "SC003",
                    "Tabbtecken är inte tillåtna i YAML; använd mellanslag.",
                    number + line_offset,
                    source_line.index("\t") + 1,
                )


def _refuse_non_printable(text: str, line_offset: int) -> None:
    bad = _NON_PRINTABLE.search(text)
    if bad:  # checked here so that both parsers report it the same way
        before = text[: bad.start()]
        line = before.count("\n") + 1 + line_offset
        column = bad.start() - (before.rfind("\n") + 1) + 1
        raise YamlProblem(
            "SC001", f"Otillåtet tecken {bad.group()!r} i filen; ta bort det.", line, column
        )


def _build(
    text: str, line_offset: int, allowed_tags: frozenset[str], pure_python: bool
) -> Document:
    """The Document of ``text`` from the event builder, PyYAML's errors in Swedish."""
    doc = Document(data=None)
    builder = _Builder(doc, line_offset, allowed_tags)
    loader = yaml.SafeLoader if pure_python else _FAST_LOADER
    try:
        builder.run(yaml.parse(text, Loader=loader))
    except _SecondDocument as second:
        raise _second_document(text, second.line, line_offset) from None
    except yaml.MarkedYAMLError as exc:
        raise _marked_error(exc, line_offset) from None
    except yaml.YAMLError as exc:  # reader errors the character check above did not catch
        message = f"Filen går inte att läsa som YAML: {exc}"
        raise YamlProblem("SC001", message, 1 + line_offset) from None
    if not builder.has_root:
        raise YamlProblem("SC005", "Filen är tom; den ska innehålla data.", 1 + line_offset)
    return doc


def _second_document(text: str, line: int, line_offset: int) -> YamlProblem:
    """Point at the '---' that starts the second document, not at its first key."""
    lines = text.splitlines()
    start = min(line, len(lines) - 1)
    marker = next((i for i in range(start, -1, -1) if lines[i].startswith("---")), start)
    return YamlProblem(
        "SC001", "Filen innehåller mer än ett YAML-dokument (---).", marker + 1 + line_offset
    )


def _marked_error(exc: yaml.MarkedYAMLError, line_offset: int) -> YamlProblem:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 if mark else 1) + line_offset
    column = mark.column + 1 if mark else 1
    if "nesting depth" in str(exc.problem):
        # Newer libyaml stops deep flow nesting itself, before our own limit sees it.
        return YamlProblem("SC030", _DEPTH_MESSAGE, line, column)
    return YamlProblem("SC001", _explain_yaml_error(exc), line, column)


def decode(raw: bytes) -> str:
    """Decode UTF-8 without BOM; raise YamlProblem naming the line of a bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(
            "SC004", "Filen börjar med ett BOM-tecken; spara den som UTF-8 utan BOM.", 1, 1
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(
            "SC004", "Filen är sparad som UTF-16; spara om den som UTF-8 (utan BOM).", 1, 1
        )
    try:
        # Windows line endings (CRLF, e.g. from an upload) are accepted and read as LF.
        return raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            "SC004",
            "Filen är inte sparad som UTF-8 (kanske Latin-1/Windows-1252); spara om den som UTF-8.",
            line,
            column,
        ) from None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> tuple[Document | None, str, int]:
    """Split a Markdown file into (front matter document, body, body's first line)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    doc = parse(match.group(1), line_offset=1)
    body_line = text[: match.end()].count("\n") + 1
    return doc, text[match.end() :], body_line
