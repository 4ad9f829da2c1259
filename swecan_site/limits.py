"""Bounds on input, so that no data file can exhaust memory, time or the stack.

The files are written in pull requests by people outside the kansli. Every
limit here is far above what the shipped data needs (the largest file is
14 KB, the deepest YAML nesting 6, the deepest Markdown list 2 levels) and far
below what would hurt the checker or the build. They are constants on
purpose, not parameters in ``swecan.yaml``: the data under check must not be
able to loosen the limits that protect the checker.
"""

from __future__ import annotations

import re

# Any data file (YAML or Markdown), mkdocs.yml included.
MAX_FILE_BYTES = 2 * 1024 * 1024
# YAML: values (scalars, lists, mappings) per file; the shipped partners.yaml
# has 475. Each one may become a validation error, so this bounds the output too.
MAX_YAML_NODES = 20_000
# YAML: nested lists/mappings. PyYAML's own composer recurses once per level.
MAX_YAML_DEPTH = 50
# YAML: alias uses (*name) per file, and nodes that aliases add in total
# (a "billion laughs" file adds 10^9 nodes with 90 aliases).
MAX_ALIASES = 100
MAX_ALIAS_NODES = 10_000
# YAML: digits in a plain number (Python refuses int() above 4,300 digits;
# nothing in the data needs more than a year or a vote count).
MAX_INT_DIGITS = 12
MAX_FLOAT_DIGITS = 17
# Markdown: nesting of lists, block quotes and indented blocks per line.
# Python-Markdown recurses once per level and dies at about 400.
MAX_MARKDOWN_DEPTH = 20
# Markdown inline: square brackets nested in one paragraph (Python-Markdown's
# link pattern takes quadratic time: 5,000 take 9 s) and emphasis markers
# (* and _) per paragraph (600 nested ones exhaust its recursion).
MAX_MARKDOWN_BRACKETS = 20
MAX_MARKDOWN_EMPHASIS = 400
# Markdown inline: links/images ([) and tags (<) per paragraph and per text.
# Python-Markdown's inline patterns are quadratic in these: 4,000 unclosed
# "![x](" in one paragraph take 11 s, 20,000 "<a " take 100 s.
MAX_MARKDOWN_MARKUP = {"[": 200, "<": 200}
MAX_MARKDOWN_MARKUP_PER_TEXT = 1000
_MARKUP_NAMES = {"[": "hakparenteser ([, länkar och bilder)", "<": "taggar (<)"}
# Markdown: definition lines (": text", def_list) in one paragraph; 500 of them
# exhaust Python-Markdown's recursion, 1,000 take seconds.
MAX_MARKDOWN_DEFINITIONS = 100

# A text this short cannot break any Markdown limit above: a level, a bracket
# or a definition line takes a character at least.
MARKDOWN_SAFE_LENGTH = min(
    MAX_MARKDOWN_DEPTH,
    MAX_MARKDOWN_BRACKETS,
    MAX_MARKDOWN_EMPHASIS,
    MAX_MARKDOWN_DEFINITIONS,
    *MAX_MARKDOWN_MARKUP.values(),
)

_TAB = 4  # Python-Markdown's tab_length: four columns per nesting level
_MARKER = re.compile(r">[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


def _indent(line: str) -> tuple[int, int]:
    """(columns of leading white space, tabs expanded; index of first other character)."""
    columns = 0
    for index, char in enumerate(line):
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += _TAB - columns % _TAB
        else:
            return columns, index
    return columns, len(line)


def markdown_depth(line: str) -> tuple[int, int]:
    """(nesting level of ``line``, 1-based column where it goes deepest).

    The level counts every four columns of indentation and every block quote
    or list marker that opens the line (``> > - x`` is 3), which is at least
    what Python-Markdown nests; other engines nest no deeper.
    """
    columns, index = _indent(line)
    level = columns // _TAB
    while True:
        match = _MARKER.match(line, index)
        if not match:
            return level, index + 1
        level += 1
        index = match.end()
        extra, skip = _indent(line[index:])
        level += extra // _TAB
        index += skip


# Every level is opened by at least one of these characters at the start of the
# line (four columns of indentation, a tab, a '>', a list marker): a line that
# does not start with more than MAX_MARKDOWN_DEPTH of them cannot be too deep.
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-.)0-9]{{{MAX_MARKDOWN_DEPTH + 1}}}", re.MULTILINE)


_NEST_BYTES = bytes(0x31 if chr(b) in " \t>*+-.)0123456789" else 0x30 for b in range(256))
_NEST_RUN = b"1" * (MAX_MARKDOWN_DEPTH + 1)


def markdown_too_deep(text: str) -> tuple[int, int, int] | None:
    """(line index from 0, column, level) of the first line nested too deeply, or None."""
    # Such a prefix is a run of those (ASCII) characters anywhere: the bytes find
    # that much faster than the line-by-line pattern, which then decides.
    if _NEST_RUN not in text.encode("utf-8", "surrogatepass").translate(_NEST_BYTES):
        return None
    if not _DEEP_PREFIX.search(text):
        return None
    for number, line in enumerate(text.split("\n")):
        if len(line) <= MAX_MARKDOWN_DEPTH:  # each level takes a character at least
            continue
        level, column = markdown_depth(line)
        if level > MAX_MARKDOWN_DEPTH:
            return number, column, level
    return None


_BRACKET = re.compile(r"\\.|[\[\]]|\n[ \t]*(?=\n)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_EMPHASIS = re.compile(r"[*_]")
_DEFINITION = re.compile(r"^ {0,3}:", re.MULTILINE)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """(line index from 0, 1-based column) of ``offset`` in ``text``."""
    return text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1) + 1


def _nth(text: str, char: str, n: int, start: int = 0) -> int:
    """Offset of occurrence number ``n`` (from 0) of ``char`` at or after ``start``."""
    offset = start - 1
    for _ in range(n + 1):
        offset = text.index(char, offset + 1)
    return offset


def markdown_inline_too_deep(text: str) -> tuple[int, int, str] | None:
    """(line index, column, message) where brackets or emphasis go past the limits."""
    if text.count("[") > MAX_MARKDOWN_BRACKETS:
        depth = 0
        for match in _BRACKET.finditer(text):
            token = match.group()
            if token == "[":
                depth += 1
                if depth > MAX_MARKDOWN_BRACKETS:
                    message = (
                        f"Hakparenteser ([) är nästlade i mer än {MAX_MARKDOWN_BRACKETS} "
                        "nivåer i samma stycke; ta bort dem eller skriv \\[."
                    )
                    return (*_line_column(text, match.start()), message)
            elif token == "]":
                depth = max(0, depth - 1)
            elif token.startswith("\n"):  # a blank line ends the paragraph
                depth = 0
    for char, limit in MAX_MARKDOWN_MARKUP.items():
        total = text.count(char)
        if total <= limit:
            continue
        name = _MARKUP_NAMES[char]
        if total > MAX_MARKDOWN_MARKUP_PER_TEXT:
            offset = _nth(text, char, MAX_MARKDOWN_MARKUP_PER_TEXT)
            message = (
                f"Texten har {total} {name}; högst {MAX_MARKDOWN_MARKUP_PER_TEXT} är tillåtet "
                "i en fil. Dela upp den."
            )
            return (*_line_column(text, offset), message)
        start = 0
        for end in _paragraph_ends(text):
            count = text.count(char, start, end)
            if count > limit:
                offset = _nth(text, char, limit, start)
                message = (
                    f"Stycket har {count} {name}; högst {limit} är tillåtet i ett stycke. "
                    "Dela upp stycket."
                )
                return (*_line_column(text, offset), message)
            start = end
    if text.count(":") > MAX_MARKDOWN_DEFINITIONS and (
        lines := _crowded_paragraph(text, _DEFINITION, MAX_MARKDOWN_DEFINITIONS)
    ):
        message = (
            f"Stycket har {len(lines)} definitionsrader (som börjar med ':'); högst "
            f"{MAX_MARKDOWN_DEFINITIONS} är tillåtet i ett stycke. Dela upp stycket."
        )
        return (*_line_column(text, lines[MAX_MARKDOWN_DEFINITIONS]), message)
    if text.count("*") + text.count("_") > MAX_MARKDOWN_EMPHASIS and (
        markers := _crowded_paragraph(text, _EMPHASIS, MAX_MARKDOWN_EMPHASIS)
    ):
        message = (
            f"Stycket har {len(markers)} tecken för betoning (* och _); högst "
            f"{MAX_MARKDOWN_EMPHASIS} är tillåtet i ett stycke. Dela upp stycket."
        )
        return (*_line_column(text, markers[MAX_MARKDOWN_EMPHASIS]), message)
    return None


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]


def _crowded_paragraph(text: str, pattern: re.Pattern[str], limit: int) -> list[int] | None:
    """The offsets of ``pattern`` in the first paragraph where it occurs more than
    ``limit`` times, or None."""
    start = 0
    for end in _paragraph_ends(text):
        found = [m.start() for m in pattern.finditer(text, start, end)]
        if len(found) > limit:
            return found
        start = end
    return None


# A one-line text this short can only break the bracket limit, or the nesting
# limit if it starts with a character that opens a level.
_SHORT_LINE = min(MAX_MARKDOWN_DEFINITIONS, MAX_MARKDOWN_EMPHASIS, *MAX_MARKDOWN_MARKUP.values())
_OPENS_LEVEL = frozenset(" \t>*+-.)0123456789")


def markdown_problem(text: str) -> tuple[int, int, str] | None:
    """(line index from 0, column, Swedish message) of Markdown nested too deeply."""
    if len(text) <= MARKDOWN_SAFE_LENGTH:
        return None
    if (
        len(text) <= _SHORT_LINE
        and "\n" not in text
        and text[0] not in _OPENS_LEVEL
        and text.count("[") <= MAX_MARKDOWN_BRACKETS
    ):
        return None
    deep = markdown_too_deep(text)
    if deep is not None:
        number, column, level = deep
        return number, column, markdown_depth_message(level)
    return markdown_inline_too_deep(text)


def markdown_depth_message(level: int) -> str:
    return (
        f"Raden är nästlad i {level} nivåer (listor, citat eller indrag); högst "
        f"{MAX_MARKDOWN_DEPTH} är tillåtet. Minska indraget eller dela upp listan."
    )
