"""Run the data-driven rule cases in tests/cases/*.yaml.

Each case edits a copy of the shipped data set and states what the check must
report: a rule ID at a file and line (``expect``), or that a rule reports
nothing and has judged at least one subject as met (``pass``). The expected
line is found in the edited file itself (the line the edit starts on, or the
unique text given as ``line_of``), never taken from the checker.

Case keys: name, as_of, edits (file + replace/with, content, encoding, delete,
symlink: a target the file is replaced by a link to; a case with one edit may
put those keys at the top level), expect (rule, file,
line_of or line, message, section), pass (list of rule IDs), history (git commits:
the edited copy is committed first, at ``history_start``, as the data was brought
into git; then each step's edits are committed at its ``date`` – for the rules that
read the evidence of the history, provenance.py).
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from swecan_site.problems import Kind
from swecan_site.rules import BY_ID, Status

from .conftest import AS_OF, DataRepo, copy_data

CASES_DIR = Path(__file__).parent / "cases"


def load_cases() -> list[dict[str, Any]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            case["_source"] = path.stem
            cases.append(case)
    return cases


CASES = load_cases()


def _edits(case: dict[str, Any]) -> list[dict[str, Any]]:
    if "edits" in case:
        return case["edits"]
    keys = ("file", "replace", "with", "content", "encoding", "delete", "symlink")
    single = {k: case[k] for k in keys if k in case}
    return [single] if single else []


def apply_edits(repo: DataRepo, case: dict[str, Any]) -> tuple[str | None, int | None]:
    """Apply the case's edits; return (file, line) of the first one."""
    first: tuple[str | None, int | None] = (None, None)
    for edit in _edits(case):
        file, line = edit["file"], 1
        if edit.get("delete"):
            repo.delete(file)
        elif "symlink" in edit:
            if repo.path(file).exists() or repo.path(file).is_symlink():
                repo.delete(file)
            repo.path(file).symlink_to(edit["symlink"])
        elif "content" in edit:
            content = edit["content"]
            encoding = edit.get("encoding", "utf-8")
            repo.write(file, content.encode(encoding))
        else:
            line = repo.replace(file, edit["replace"], edit["with"])
        if first == (None, None):
            first = (file, line)
    return first


def _commit(root: Path, when: str) -> None:
    person = {"NAME": "Kansliet", "EMAIL": "kansliet@example.se", "DATE": when}
    env = {**os.environ, **{f"GIT_{who}_{k}": v for who in ("AUTHOR", "COMMITTER")
                            for k, v in person.items()}}  # fmt: skip
    for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", f"Data {when}"]):
        subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


def apply_history(repo: DataRepo, case: dict[str, Any]) -> None:
    """Commit the copy as the first commit, then each step of ``history`` at its date."""
    if "history" not in case:
        return
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo.root)], check=True)
    _commit(repo.root, str(case["history_start"]))
    for step in case["history"]:
        apply_edits(repo, step)
        _commit(repo.root, str(step["date"]))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['_source']}:{c['name']}" for c in CASES])
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    first_file, first_line = apply_edits(repo, case)
    apply_history(repo, case)  # a case with a history names file and line_of
    as_of = date.fromisoformat(str(case["as_of"])) if "as_of" in case else AS_OF
    report = repo.check(as_of)
    shown = "\n".join(f"{p.location} {p.rule} {p.message}" for p in report.problems)

    for expected in case.get("expect", []):
        file = expected.get("file", first_file)
        if "line_of" in expected:
            line = repo.line_of(file, expected["line_of"])
        else:
            line = expected.get("line", first_line)
        matches = [
            p
            for p in report.problems
            if p.rule == expected["rule"] and p.location.file == file and p.location.line == line
        ]
        assert matches, f"expected {expected['rule']} at {file}:{line}; got:\n{shown}"
        if "message" in expected:
            assert any(expected["message"] in p.message for p in matches), shown
        if "section" in expected:
            assert all(p.section == expected["section"] for p in matches), shown

    for rule_id in case.get("pass", []):
        assert not [p for p in report.problems if p.rule == rule_id], shown
        rule = BY_ID[rule_id]
        if rule.kind is Kind.COMPLIANCE:
            assert any(
                e.rule.id == rule_id and e.result.status is Status.MET for e in report.evaluations
            ), f"{rule_id} judged nothing as met"
