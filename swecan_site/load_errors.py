"""Data errors in Swedish: pydantic's validation errors located at file:line:column.

Each pydantic error becomes one data-error ``Problem`` with a rule ID, a
message a secretary can act on (the allowed values, "did you mean", an
example of the expected shape) and the position of the offending key or
value in the YAML.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from datetime import date
from enum import Enum
from typing import Any, TypeGuard

from pydantic import BaseModel, ValidationError

from . import yamlpos
from .models import DECISION_ID_PATTERN, MATTER_ID_PATTERN, SLUG_PATTERN
from .problems import Kind, Location, Problem, Severity

MAX_PROBLEMS_PER_FILE = 50  # validation errors shown per file; the rest are counted


def data_problem(rule: str, location: Location, message: str, section: str = "") -> Problem:
    return Problem(location, rule, section, Severity.ERROR, Kind.DATA, message)


def yaml_problem(file: str, exc: yamlpos.YamlProblem) -> Problem:
    """A file that could not be decoded or parsed, at the position the parser gave."""
    return data_problem(exc.rule, Location(file, exc.line, exc.column), exc.message)


def capped(found: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS_PER_FILE problems, then one that counts the rest."""
    if len(found) <= MAX_PROBLEMS_PER_FILE:  # a list of thousands helps nobody
        return found
    rest = len(found) - MAX_PROBLEMS_PER_FILE
    first_left_out = found[MAX_PROBLEMS_PER_FILE]
    return [
        *found[:MAX_PROBLEMS_PER_FILE],
        data_problem(
            first_left_out.rule,
            first_left_out.location,
            f"… och {rest} fel till i filen; rätta felen ovan och kör check igen.",
        ),
    ]


# --- pydantic errors -> Swedish messages at positions --------------------------

_PATTERNS = {
    SLUG_PATTERN: "id skrivs med små bokstäver a–z, siffror och bindestreck",
    DECISION_ID_PATTERN: "beslutsid skrivs B-ÅÅÅÅ-NN, t.ex. B-2026-03",
    MATTER_ID_PATTERN: "ärendeid skrivs Ä-ÅÅÅÅ-NN, t.ex. Ä-2026-04",
}
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n", "Yes", "No", "True", "False", "YES", "NO"}


def _message(error: dict[str, Any], key: str) -> tuple[str, str]:
    """(rule ID, Swedish message) for one pydantic error."""
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "missing":
        return "SC010", f"Fältet '{key}' saknas."
    if kind == "extra_forbidden":
        return "SC011", f"Okänd nyckel '{key}'."
    if kind.startswith("sc_"):
        return "SC012", error["msg"] + "."
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        return "SC013", f"'{value}' är inte tillåtet här; välj ett av: {expected}."
    if kind in ("bool_type", "bool_parsing"):
        hint = f" ('{value}' tolkas inte som ja/nej)" if value in _YAML11_BOOLS else ""
        return "SC010", f"Skriv true eller false{hint}."
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "SC010", f"Ska vara ett heltal (fick {value!r})."
    if kind == "string_type":
        return "SC010", f"Ska vara text (fick {value!r}); sätt värdet inom citattecken."
    if kind == "string_pattern_mismatch":
        hint = _PATTERNS.get(ctx.get("pattern", ""), "fel format")
        return "SC012", f"'{value}': {hint}."
    if kind in ("too_short", "string_too_short"):
        return "SC010", "Får inte vara tomt."
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = ctx.get("ge", ctx.get("le"))
        word = "minst" if kind == "greater_than_equal" else "högst"
        return "SC010", f"Ska vara {word} {limit} (fick {value!r})."
    if kind == "list_type":
        return "SC010", "Ska vara en lista (rader som börjar med '- ')."
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "SC010", "Ska vara nycklar med värden (nyckel: värde)."
    if kind == "value_error":
        return "SC010", str(ctx.get("error", error["msg"])) + "."
    return "SC010", f"Ogiltigt värde: {error['msg']}."


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types behind Optional/Union/Annotated."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _is_model(tp: Any) -> TypeGuard[type[BaseModel]]:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _types_at(model: type[BaseModel], path: tuple) -> list[Any]:
    """The concrete types the model expects at ``path``."""
    candidates: list[Any] = [model]
    for part in path:
        nxt: list[Any] = []
        for tp in (t for c in candidates for t in _unwrap(c)):
            if isinstance(part, int) and typing.get_origin(tp) is list:
                nxt.append(typing.get_args(tp)[0])
            elif _is_model(tp):
                for name, info in tp.model_fields.items():
                    if (info.alias or name) == part:
                        nxt.append(info.annotation)
        candidates = nxt
    return [t for c in candidates for t in _unwrap(c)]


def _choices(model: type[BaseModel], path: tuple) -> list[str]:
    """The allowed values when the field at ``path`` is an enum or a literal."""
    for tp in _types_at(model, path):
        if isinstance(tp, type) and issubclass(tp, Enum):
            return [str(m.value) for m in tp]
        if typing.get_origin(tp) is typing.Literal:
            return [str(v) for v in typing.get_args(tp)]
    return []


_SAMPLE_DATES = ["2026-11-20", "2026-10-01", "2026-12-31"]


def _sample(kinds: list[Any], dates: Iterator[str], index: int) -> str:
    """A value for a field of these types: the date written in the file first, then samples."""
    if any(k is date for k in kinds):
        return next(dates, None) or _SAMPLE_DATES[index % 3]
    if any(k is bool for k in kinds):
        return "true"
    if any(typing.get_origin(k) is list for k in kinds):
        return "[…]"
    return "…"


def _example_lines(model: type[BaseModel], value: Any) -> list[str]:
    """'key: sample' for the model's required fields (optional ones only up to three lines)."""
    dates = iter([str(value)] if isinstance(value, str) and value[:2] == "20" else [])
    lines: list[str] = []
    for name, info in model.model_fields.items():
        if name.startswith("_") or (not info.is_required() and len(lines) >= 3):
            continue
        sample = _sample(_unwrap(info.annotation), dates, len(lines))
        lines.append(f"{info.alias or name}: {sample}")
    return lines


def _shape(model: type[BaseModel], path: tuple, value: Any) -> str:
    """An example of the mapping expected at ``path``, written the way the YAML is."""
    expected = next((tp for tp in _types_at(model, path) if _is_model(tp)), None)
    lines = _example_lines(expected, value) if expected is not None else []
    if not lines:
        return ""
    key = str(path[-1]) if path and isinstance(path[-1], str) else ""
    indent = "    " if key else "  "
    head = f"\n  {key}:" if key else ""
    return head + "".join(f"\n{indent}{line}" for line in lines)


def _allowed_keys(model: type[BaseModel], path: tuple) -> list[str]:
    """Keys the model allows at ``path`` (used for "did you mean")."""
    candidates = _types_at(model, path)
    keys: list[str] = []
    for tp in (t for c in candidates for t in _unwrap(c)):
        if _is_model(tp):
            keys += [info.alias or name for name, info in tp.model_fields.items()]
    return keys


def _clean_loc(loc: tuple, doc: yamlpos.Document) -> tuple:
    """The YAML path of a pydantic ``loc``.

    A string that follows something other than a mapping cannot be a key: it
    is pydantic's tag for a union member ('int', 'list[constrained-str]').
    """
    path: tuple = ()
    for part in loc:
        if isinstance(part, str) and path not in doc.mappings:
            continue
        path = (*path, part)
    return path


def _human_path(path: tuple) -> str:
    """('partners', 12) -> 'partners → nr 13', for people who do not count from 0."""
    return " → ".join(f"nr {p + 1}" if isinstance(p, int) else str(p) for p in path)


def validation_problems(
    exc: ValidationError,
    model: type[BaseModel],
    file: str,
    doc: yamlpos.Document,
    prefix: tuple = (),
) -> list[Problem]:
    problems: dict[tuple, Problem] = {}
    for error in exc.errors():
        path = _clean_loc((*prefix, *error["loc"]), doc)
        key = str(path[-1]) if path else ""
        rule, message = _message(dict(error), key)
        model_path = path[len(prefix) :]
        if error["type"] == "missing":
            line, col = doc.position(path[:-1])
            under = f" (under {_human_path(path[:-1])})" if path[:-1] else ""
            choices = _choices(model, model_path)
            if choices:
                message = f"Fältet '{key}' saknas{under}; skriv ett av: {', '.join(choices)}."
            else:
                message += under
        elif error["type"] in ("enum", "literal_error"):
            line, col = doc.position(path)
            choices = _choices(model, model_path)
            close = difflib.get_close_matches(str(error.get("input")), choices, n=1, cutoff=0.6)
            if close:
                message += f" Menade du '{close[0]}'?"
        elif error["type"] in ("model_type", "model_attributes_type", "dict_type"):
            line, col = doc.position(path)
            example = _shape(model, model_path, error.get("input"))
            if example:
                message = "Ska vara nycklar med värden, t.ex." + example
        elif error["type"] == "extra_forbidden":
            line, col = doc.position(path, key=True)
            allowed = _allowed_keys(model, path[len(prefix) : -1])
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.55)
            if close:
                message += f" Menade du '{close[0]}'?"
            elif allowed:
                message += " Tillåtna nycklar: " + ", ".join(allowed) + "."
        else:
            line, col = doc.position(path)
        problems.setdefault(path, data_problem(rule, Location(file, line, col), message))
    return list(problems.values())
