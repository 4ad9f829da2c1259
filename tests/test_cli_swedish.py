"""The command line speaks Swedish (issue 20): usage, help and errors, with "Menade du …?"."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from swecan_site import argparse_sv
from swecan_site.check import EXIT_USAGE
from swecan_site.cli import build_parser, main

from .conftest import REPO

# argparse's English, which must not reach the kansli.
ENGLISH = (
    "usage:",
    "error:",
    "invalid choice",
    "the following arguments",
    "unrecognized arguments",
    "expected one argument",
    "positional arguments",
    "options:",
    "show this help",
    "choose from",
)


def usage_error(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(["--root", str(REPO), *args])
    out, err = capsys.readouterr()
    assert exited.value.code == EXIT_USAGE, err
    assert out == "" and "Traceback" not in err
    for english in ENGLISH:
        assert english not in err, err
    assert err.startswith("användning: swecan-site")
    return err.splitlines()[-1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("chek", "swecan-site: fel: 'chek' är inget kommando. Menade du 'check'?"),
        ("explian SC302", "Menade du 'explain'?"),
        ("ny partnr", "swecan-site ny: fel: 'partnr' finns inte för swecan-site ny. Menade du"),
        ("new protocl x", "Menade du 'protocol'?"),
        ("check --as-off 2026-11-22", "check: fel: okänd flagga --as-off. Menade du '--as-of'?"),
        ("check --as-off=2026-11-22", "okänd flagga --as-off. Menade du '--as-of'?"),
        ("frister --dagr 3", "okänd flagga --dagr. Menade du '--dagar'?"),
        ("check --format jsn", "argumentet --format: ogiltigt val 'jsn'. Menade du 'json'?"),
        ("ny partner --id x --namn X --sektor vårdd --ansluten 2026-11-20", "Menade du 'vård'?"),
    ],
)
def test_a_misspelling_gets_the_nearest_name(args, expected, capsys) -> None:
    line = usage_error(capsys, *args.split())
    assert expected in line


def test_a_word_unlike_any_command_lists_them_without_a_guess(capsys) -> None:
    line = usage_error(capsys, "xyzzy")
    assert "Menade du" not in line
    assert "'xyzzy' är inget kommando. Kommandon: check, build," in line


PREFIX = "swecan-site ny partner: fel: "


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", "swecan-site: fel: följande argument krävs: KOMMANDO"),
        ("check --as-of", "swecan-site check: fel: argumentet --as-of: ett värde krävs"),
        ("ny partner --id x", PREFIX + "följande argument krävs: --namn, --sektor, --ansluten"),
        ("explain", "swecan-site explain: fel: följande argument krävs: REGEL"),
        ("rules extra", "swecan-site rules: fel: okänt argument: extra."),
    ],
)
def test_argparse_messages_are_swedish(args, expected, capsys) -> None:
    assert usage_error(capsys, *args.split()) == expected


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["ny", "partner", "--help"]])
def test_help_is_swedish(args, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, _ = capsys.readouterr()
    assert exited.value.code == 0
    assert out.startswith("användning: swecan-site")
    assert "visa den här hjälpen och avsluta" in out and "flaggor:" in out
    for english in ENGLISH:
        assert english not in out, out


def test_argparse_is_english_again_for_everyone_else(capsys) -> None:
    """The Swedish words apply only while our parser works: pytest's own parser and any
    other argparse user in the process keep theirs."""
    with pytest.raises(SystemExit):
        main(["chek"])
    capsys.readouterr()
    other = argparse.ArgumentParser(prog="other")
    assert other.format_usage().startswith("usage: other")
    assert "show this help message and exit" in other.format_help()
    build_parser().format_help()
    assert argparse.ArgumentParser(prog="x").format_usage().startswith("usage: ")


def test_every_subcommand_answers_in_swedish(capsys) -> None:
    """Each command's usage error is Swedish (a command added later inherits the parser)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        assert isinstance(command, argparse_sv.Parser), name
        assert command.format_usage().startswith(f"användning: {command.prog} [-h]")


SCRIPT = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("argparse_sv", sys.argv[1])
sv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sv)
p = sv.Parser(prog="swecan-site")
sub = p.add_subparsers(dest="command", required=True, metavar="KOMMANDO")
sub.add_parser("check").add_argument("--as-of")
for argv in (["chek"], ["check", "--as-off", "1"], []):
    try:
        p.parse_args(argv)
    except SystemExit:
        pass
print(p.format_help())
"""


def _pythons() -> list[str]:
    """This interpreter, and those listed in SWECAN_EXTRA_PYTHONS (e.g. 3.12 and 3.13):
    argparse_sv needs only the standard library, so each can run it."""
    extra = os.environ.get("SWECAN_EXTRA_PYTHONS", "").split(os.pathsep)
    return [sys.executable, *(p for p in extra if p)]


@pytest.mark.parametrize("python", _pythons())
def test_the_swedish_words_hold_on_each_python(python: str) -> None:
    module = Path(argparse_sv.__file__)
    result = subprocess.run(
        [python, "-c", SCRIPT, str(module)], capture_output=True, text=True, check=True
    )
    assert "'chek' är inget kommando. Menade du 'check'?" in result.stderr
    assert "okänd flagga --as-off. Menade du '--as-of'?" in result.stderr
    assert "följande argument krävs: KOMMANDO" in result.stderr
    assert "flaggor:" in result.stdout and "visa den här hjälpen" in result.stdout
    for english in ENGLISH:
        assert english not in result.stderr + result.stdout


def test_the_readme_lists_every_command_and_ny_kind() -> None:
    """README's command table: one row per subcommand and per `ny` kind (issue 20)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Commands") : readme.index("`--as-of` defaults to today")]
    rows = [line for line in table.splitlines() if line.startswith("| `swecan-site ")]
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = {id(p): name for name, p in reversed(sub.choices.items())}  # the first name
    for command in commands.values():
        if command == "ny":
            kinds = next(
                a for a in sub.choices["ny"]._actions if isinstance(a, argparse._SubParsersAction)
            )
            for kind in {id(p): k for k, p in reversed(kinds.choices.items())}.values():
                assert any(r.startswith(f"| `swecan-site ny {kind} ") for r in rows), kind
        else:
            assert any(r.startswith(f"| `swecan-site {command}") for r in rows), command
