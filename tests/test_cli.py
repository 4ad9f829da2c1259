"""The command line on the shipped data: formats, exit codes, explain and rules."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys

import pytest

from swecan_site import check as check_module
from swecan_site.cli import main
from swecan_site.rules import BY_ID, REGISTRY

from .conftest import REPO


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(REPO), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_data_has_no_data_errors(capsys) -> None:
    code, out, err = run(capsys, "check", "--as-of", "2026-11-22")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1  # the shipped example finding: a protocol finished on day 16
    assert lines[0].startswith("meetings/2026-10-01-partnerskapet/mote.yaml:")
    assert "warning SC304" in lines[0] and lines[0].endswith("(§3.2)")
    assert "0 fel, 1 varning " in err


def test_strict_fails_on_warnings(capsys) -> None:
    code, _, _ = run(capsys, "check", "--as-of", "2026-11-22", "--strict")
    assert code == 2


def test_json_format(capsys) -> None:
    _, out, _ = run(capsys, "check", "--as-of", "2026-11-22", "--format", "json")
    [finding] = json.loads(out)
    assert set(finding) >= {"file", "line", "column", "rule", "section", "severity", "message"}
    assert finding["rule"] == "SC304" and finding["section"] == "3.2"


def test_github_format(capsys) -> None:
    _, out, _ = run(capsys, "check", "--as-of", "2026-11-22", "--format", "github")
    assert out.startswith("::warning file=meetings/2026-10-01-partnerskapet/mote.yaml,line=")
    assert "title=SC304 (§3.2)::" in out


def test_as_of_changes_the_verdict(capsys) -> None:
    # A week after the planned 2026-12-03 meeting its status should have been updated.
    code, out, _ = run(capsys, "check", "--as-of", "2026-12-10")
    assert code == 0
    assert "meetings/2026-12-03-partnerskapet/mote.yaml:" in out
    assert "info SC206 Kansliets mål" in out  # a kansli target, not an arbetsordning breach


def test_explain_prints_the_swedish_explanation(capsys) -> None:
    code, out, _ = run(capsys, "explain", "sc302")
    assert code == 0
    assert out.startswith("SC302 kallelse-i-tid (§3.1)")
    assert "Varför:" in out and "30 dagar" in out


def test_explain_unknown_rule(capsys) -> None:
    code, _, err = run(capsys, "explain", "SC999")
    assert code == 1 and "SC999" in err


def test_rules_lists_every_rule(capsys) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for rule in REGISTRY:
        assert rule.id in out


@pytest.mark.parametrize("args", [["check", "--as-of", "2026-02-30"], ["nothing"], []])
def test_usage_errors_exit_3(args, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 3


def test_console_script_runs() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "swecan_site",
            "--root",
            str(REPO),
            "check",
            "--as-of",
            "2026-11-22",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "SC304" in result.stdout


def test_a_crashing_rule_is_an_error_not_a_traceback(monkeypatch, capsys) -> None:
    def boom(ctx):
        raise ZeroDivisionError("division by zero")

    broken = dataclasses.replace(BY_ID["SC302"], check=boom)
    registry = [broken if r.id == "SC302" else r for r in check_module.REGISTRY]
    monkeypatch.setattr(check_module, "REGISTRY", registry)
    code, out, _ = run(capsys, "check", "--as-of", "2026-11-22")
    assert code == 1
    assert "error SC302 Internt fel" in out and "ZeroDivisionError" in out
