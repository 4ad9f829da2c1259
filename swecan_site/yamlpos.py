"""Read YAML into plain Python data while remembering where every value stood.

PyYAML's default constructors apply YAML 1.1 rules that surprise people who
are not programmers: ``13:30`` becomes the integer 810, ``no`` becomes False,
``2026-03-12`` becomes a ``date`` before our own validation sees it, and a
duplicated key silently keeps the last value. We therefore compose the node
graph with PyYAML and construct the values ourselves:

* plain scalars resolve only to null (empty, ``~``, ``null``), booleans
  (``true``/``false``), decimal integers and decimal floats; everything else,
  dates and times included, stays a string and is parsed by the model;
* quoted scalars are always strings;
* a key that appears twice in one mapping is an error;
* every value and every key gets its (line, column), 1-based, under its path
  (a tuple of keys and list indices, the same shape as a pydantic ``loc``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]
Position = tuple[int, int]

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "false": False}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]+)")


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


def _mark(node: yaml.Node, line_offset: int) -> Position:
    return (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.style is not None:  # quoted or block scalar: always a string
        return text
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _construct(
    node: yaml.Node, path: Path, doc: Document, offset: int, active: frozenset[int] = frozenset()
) -> Any:
    if id(node) in active:  # an alias that contains itself (&a [*a]) would never end
        raise YamlProblem(
            "SC001", "Ett YAML-alias refererar till sig självt.", *_mark(node, offset)
        )
    active = active | {id(node)}
    doc.values[path] = _mark(node, offset)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
        doc.collections.add(path)
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, (*path, i), doc, offset, active) for i, item in enumerate(node.value)
        ]
    if isinstance(node, yaml.MappingNode):
        doc.mappings.add(path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = _mark(key_node, offset)
                raise YamlProblem("SC003", "En nyckel måste vara ett enkelt ord.", line, col)
            key = key_node.value
            if key in result:
                line, col = _mark(key_node, offset)
                first = doc.keys[(*path, key)][0]
                raise YamlProblem(
                    "SC002",
                    f"Nyckeln '{key}' förekommer två gånger (första gången på rad {first}); "
                    "bara en av dem skulle gälla.",
                    line,
                    col,
                )
            doc.keys[(*path, key)] = _mark(key_node, offset)
            result[key] = _construct(value_node, (*path, key), doc, offset, active)
        return result
    raise YamlProblem("SC003", "Okänd YAML-struktur.", *_mark(node, offset))  # pragma: no cover


def _explain_yaml_error(exc: yaml.MarkedYAMLError) -> str:
    # Tabs never get here: parse() rejects them first, with their exact column.
    problem = exc.problem or str(exc)
    if "could not find expected ':'" in problem:
        return "Ett kolon saknas efter nyckeln, eller så är indraget fel."
    if "mapping values are not allowed here" in problem:
        return "Ett kolon på fel ställe: sätt värdet inom citattecken om det innehåller ': '."
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return f"Fel i YAML-ankare eller alias: {problem}."
    return f"Filen går inte att läsa som YAML: {problem}."


def parse(text: str, *, line_offset: int = 0) -> Document:
    """Parse one YAML document from ``text``; raise YamlProblem on bad input."""
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            if "\t" in line and not line.lstrip().startswith("#"):
                raise YamlProblem(
                    "SC003",
                    "Tabbtecken är inte tillåtna i YAML; använd mellanslag.",
                    number + line_offset,
                    line.index("\t") + 1,
                )
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        raise YamlProblem("SC001", _explain_yaml_error(exc), line, column) from None
    except yaml.reader.ReaderError as exc:  # control characters and the like
        before = text[: exc.position]
        line = before.count("\n") + 1 + line_offset
        column = exc.position - (before.rfind("\n") + 1) + 1
        raise YamlProblem(
            "SC001", f"Otillåtet tecken {exc.character!r} i filen; ta bort det.", line, column
        ) from None
    except yaml.YAMLError as exc:
        message = f"Filen går inte att läsa som YAML: {exc}"
        raise YamlProblem("SC001", message, 1 + line_offset) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise YamlProblem("SC005", "Filen är tom; den ska innehålla data.", 1 + line_offset)
    if len(nodes) > 1:
        # Point at the '---' that starts the second document, not at its first key.
        second = nodes[1].start_mark.line
        lines = text.splitlines()
        marker = next((i for i in range(second, -1, -1) if lines[i].startswith("---")), second)
        raise YamlProblem(
            "SC001", "Filen innehåller mer än ett YAML-dokument (---).", marker + 1 + line_offset
        )
    doc = Document(data=None)
    doc.data = _construct(nodes[0], (), doc, line_offset)
    return doc


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
