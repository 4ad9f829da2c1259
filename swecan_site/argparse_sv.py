"""argparse in Swedish, with "Menade du …?" for a misspelt command, kind or option.

argparse words its usage, help and errors through the module-level ``_`` and
``ngettext`` it imports from :mod:`gettext`. :class:`Parser` swaps those two for
the Swedish table below only while it builds, parses or formats (and puts them
back), so that no other user of argparse in the same process (pytest, MkDocs) is
affected and no message catalogue has to be installed. A message the table does
not hold (a programming error, a new argparse wording) stays in English.

A usage error is one Swedish line on stderr after the usage and the exit code
``usage_exit`` (the CLI's is 3, ``check.EXIT_USAGE``: 2 means warnings under
``--strict``), never a traceback. The module needs nothing but the standard
library, so that it can be tried on every Python the package supports.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn, TypeVar

T = TypeVar("T")

# argparse's own wordings (Python 3.11–3.13) -> Swedish.
SV = {
    "usage: ": "användning: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: varning: %(message)s\n",
    "positional arguments": "argument",
    "options": "flaggor",
    "subcommands": "kommandon",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (standard: %(default)s)",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "show program's version number and exit": "visa versionen och avsluta",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj bland %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "expected one argument": "ett värde krävs",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde krävs",
    "ambiguous option: %(option)s could match %(matches)s": (
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s"
    ),
    "not allowed with argument %s": "får inte användas tillsammans med %s",
    "ignored explicit argument %r": "flaggan tar inget värde: %r",
    "unexpected option string: %s": "oväntad flagga: %s",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "option '%(option)s' is deprecated": "flaggan '%(option)s' är föråldrad",
    "argument '%(argument_name)s' is deprecated": "argumentet '%(argument_name)s' är föråldrat",
    "command '%(parser_name)s' is deprecated": "kommandot '%(parser_name)s' är föråldrat",
}
SV_PLURAL = {
    "expected %s argument": ("%s värde krävs", "%s värden krävs"),
}


def _gettext(message: str) -> str:
    return SV.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular in SV_PLURAL:
        one, many = SV_PLURAL[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


@contextmanager
def swedish() -> Iterator[None]:
    """argparse speaks Swedish inside the block (re-entrant: nested parsers share it)."""
    words = vars(argparse)  # the names argparse's functions look up when they run
    saved = words["_"], words["ngettext"]
    words["_"], words["ngettext"] = _gettext, _ngettext
    try:
        yield
    finally:
        words["_"], words["ngettext"] = saved


def _in_swedish(call: Callable[[], T]) -> T:
    with swedish():
        return call()


def suggestion(word: str, candidates: Sequence[str]) -> str:
    """' Menade du 'check'?' for the nearest candidate, or ''."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" Menade du '{close[0]}'?" if close else ""


def _choices(action: argparse.Action) -> list[str]:
    return [str(c) for c in action.choices or ()]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that words its usage, help and errors in Swedish."""

    usage_exit = 2  # argparse's; the CLI sets its own (check.EXIT_USAGE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # the group titles and -h's help are worded when the parser is made
        with swedish():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", type(self))
        return _in_swedish(lambda: super(Parser, self).add_subparsers(**kwargs))

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        return _in_swedish(lambda: super(Parser, self).parse_known_args(args, namespace))

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """As argparse, but an unknown argument is reported by the (sub)command it was given
        to, with the nearest option that command has."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = self._chosen(parsed)
            options = [o for a in command._actions for o in a.option_strings]
            first = extras[0]
            if first.startswith("-"):  # what follows it is its value: name the option alone
                name = first.split("=", 1)[0]
                command.error(f"okänd flagga {name}.{suggestion(name, options)}")
            noun = "okänt argument" if len(extras) == 1 else "okända argument"
            command.error(f"{noun}: {' '.join(extras)}.")
        return parsed

    def _chosen(self, parsed: argparse.Namespace) -> argparse.ArgumentParser:
        """The innermost (sub)command the arguments chose: `ny partner` for `ny partner …`."""
        parser: argparse.ArgumentParser = self
        while True:
            subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            name = getattr(parsed, subs[0].dest, None) if subs else None
            if name is None or name not in subs[0].choices:
                return parser
            parser = subs[0].choices[name]

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """An unknown command or choice says which ones there are and the nearest."""
        if action.choices is None or value in action.choices:
            return
        choices = _choices(action)
        hint = suggestion(str(value), choices)
        if isinstance(action, argparse._SubParsersAction):  # the message names no argument
            names = ", ".join(choices)
            if " " not in self.prog:  # the program itself, not `swecan-site ny`
                message = f"{str(value)!r} är inget kommando.{hint} Kommandon: {names}."
            else:
                message = f"{str(value)!r} finns inte för {self.prog}.{hint} Välj bland: {names}."
            raise argparse.ArgumentError(None, message)
        raise argparse.ArgumentError(
            action, f"ogiltigt val {value!r}.{hint} Välj bland: {', '.join(map(repr, choices))}."
        )

    def format_usage(self) -> str:
        return _in_swedish(super().format_usage)

    def format_help(self) -> str:
        return _in_swedish(super().format_help)

    def error(self, message: str) -> NoReturn:  # argparse exits 2, which means warnings here
        self.print_usage(sys.stderr)
        self.exit(self.usage_exit, f"{self.prog}: fel: {message}\n")


__all__ = ["SV", "Parser", "suggestion", "swedish"]
