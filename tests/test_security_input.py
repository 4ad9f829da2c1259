"""Input and infrastructure security (issue 6, part B).

Every example of issue 6 about files outside the repository, unsafe
configuration, denial of service and tracebacks, the privacy gate, and
leftovers and permissions – each asserting an outcome: a located data error
(rule, file, line), or the state of the file system after a build. Hostile
inputs run in a subprocess with a timeout and a 1 GB address-space limit, so
that a regression fails instead of hanging the suite or the machine.
Rule cases for the same rules are in tests/cases/security_input.yaml.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swecan_site import limits, loader, publish, siteconfig, yamlpos
from swecan_site.cli import main
from swecan_site.rules.privacy import personal_numbers

from .conftest import AS_OF, REPO, copy_data

MEETING = "meetings/2026-06-10-partnerskapet"
PASSWD_LINE = "root:x:0:0"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    "NO_MKDOCS_2_WARNING": "1",
    "SWECAN_AS_OF": AS_OF.isoformat(),
}
MEMORY_LIMIT = 1024**3


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def cli(root: Path, *args: str, timeout: int = 120, cwd: Path | None = None, **kw):
    """Run swecan-site in a subprocess with a timeout and a memory limit."""
    return subprocess.run(
        [sys.executable, "-m", "swecan_site", "--root", str(root), *args],
        capture_output=True, text=True, timeout=timeout, env=ENV, check=False,
        preexec_fn=kw.pop("preexec_fn", _limited), cwd=cwd or root, **kw,
    )  # fmt: skip


def check_cli(root: Path, timeout: int = 120):
    return cli(root, "check", "--as-of", AS_OF.isoformat(), timeout=timeout)


def build_cli(root: Path, *args: str, timeout: int = 300, **kw):
    return cli(
        root, "build", "--as-of", AS_OF.isoformat(),
        "--config-file", str(root / "mkdocs.yml"), *args, timeout=timeout, **kw,
    )  # fmt: skip


# mkdocs.yml's own theme.custom_dir line (the accessibility overrides).
CUSTOM_DIR_LINE = next(
    line + "\n"
    for line in (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    if line.strip().startswith("custom_dir:")
)


def project(tmp_path: Path) -> Path:
    """A complete project: data, mkdocs.yml, docs/ and the theme overrides."""
    root = copy_data(tmp_path / "project").root
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")  # theme.custom_dir
    return root


def tree_digest(path: Path) -> str:
    """A hash of every file name and content under ``path``."""
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(str(file.relative_to(path)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def assert_located(result, rule: str, file: str, line: int | None = None) -> None:
    """Exit 1, the rule at file(:line), and no traceback."""
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output, output
    prefix = f"{file}:{line}:" if line is not None else f"{file}:"
    assert any(ln.startswith(prefix) and f"error {rule} " in ln for ln in output.splitlines()), (
        output
    )


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith((".site-new", ".site-old"))]


# --- denial of service and tracebacks ------------------------------------------------


def billion_laughs() -> str:
    """The classic: nine levels of ten aliases each, 10^9 strings from 14 KB."""
    lines = ["exempeldata: true", 'lol0: &a0 ["' + "lol" * 400 + '"]']
    for i in range(1, 10):
        lines.append(f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("partners: *a9")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_a_located_error_with_bounded_memory(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    text = billion_laughs()
    assert len(text) > 1000
    repo.write("partners.yaml", text)
    result = check_cli(repo.root, timeout=60)
    assert_located(result, "SC007", "partners.yaml", line_of(text, "lol4: &a4"))


def test_flow_nesting_10000_deep(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.write(f"{MEETING}/mote.yaml", "organ: partnerskapet\nx: " + "[" * 10000 + "]" * 10000)
    assert_located(check_cli(repo.root, timeout=60), "SC030", f"{MEETING}/mote.yaml", 2)


@pytest.mark.parametrize(
    "body",
    [
        "x:\n" + "- " * 3000 + "x\n",  # compact nested block sequences, 3000 deep
        "".join(" " * i + f"k{i}:\n" for i in range(1500)),  # indented mappings
    ],
)
def test_block_nesting_3000_deep(tmp_path: Path, body: str) -> None:
    repo = copy_data(tmp_path / "data")
    text = "exempeldata: true\n" + body
    repo.write("organisation.yaml", text)
    result = check_cli(repo.root, timeout=60)
    assert_located(result, "SC030", "organisation.yaml")
    assert "50 nivåer" in result.stdout


def test_5000_digit_number(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    line = repo.replace(
        f"{MEETING}/mote.yaml", "      för: 38\n", "      för: " + "7" * 5000 + "\n"
    )
    result = check_cli(repo.root, timeout=60)
    assert_located(result, "SC031", f"{MEETING}/mote.yaml", line)
    assert "5000 siffror" in result.stdout


def nested_list(levels: int) -> str:
    return "".join("    " * i + f"- nivå {i + 1}\n" for i in range(levels))


def test_400_level_list_in_protocol_fails_check(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    line = repo.replace(
        f"{MEETING}/protokoll.md",
        "Ordföranden öppnade mötet.\n",
        "Ordföranden öppnade mötet.\n\n" + nested_list(400),
    )
    offending = line + 2 + limits.MAX_MARKDOWN_DEPTH  # the first line past the limit
    assert_located(check_cli(repo.root, timeout=60), "SC030", f"{MEETING}/protokoll.md", offending)


def test_2000_level_list_in_protocol_fails_check(tmp_path: Path) -> None:
    # Four columns a level make this 8 MB: the size limit (SC031) stops it before
    # the nesting limit (SC030) would. Either way: located, quick, no traceback.
    repo = copy_data(tmp_path / "data")
    repo.replace(
        f"{MEETING}/protokoll.md",
        "Ordföranden öppnade mötet.\n",
        "Ordföranden öppnade mötet.\n\n" + nested_list(2000),
    )
    assert_located(check_cli(repo.root, timeout=60), "SC031", f"{MEETING}/protokoll.md", 1)
    repo.write(f"{MEETING}/protokoll.md", "# Protokoll\n\n" + "- " * 2000 + "x\n")
    assert_located(check_cli(repo.root, timeout=60), "SC030", f"{MEETING}/protokoll.md", 3)


def test_deeply_nested_list_never_reaches_the_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    text = (root / "content/start.md").read_text(encoding="utf-8")
    (root / "content/start.md").write_text(text + "\n" + nested_list(600), encoding="utf-8")
    result = build_cli(root, timeout=120)
    assert_located(result, "SC030", "content/start.md")
    assert not (root / "site").exists() and not leftovers(root)


def test_nested_block_quotes_10000_deep(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    line = repo.replace(
        "content/utgangspunkter.md",
        "## SweCans uppdrag\n",
        "## SweCans uppdrag\n" + "> " * 10000 + "x\n",
    )
    assert_located(check_cli(repo.root, timeout=60), "SC030", "content/utgangspunkter.md", line + 1)


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000 + "x" + "]" * 5000,
        "* " * 600 + "x" + " *" * 600,
        "_a_ " * 2000,
        "<a " * 20000,
        "![x](" * 20000,
    ],
    ids=[
        "5000 brackets (9 s in Markdown)",
        "600 nested emphasis (crash)",
        "4000 underscores",
        "20000 tags (100 s)",
        "20000 unclosed images (190 s)",
    ],
)
def test_inline_markdown_bombs_in_a_protocol(body: str, tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    line = repo.replace(
        f"{MEETING}/protokoll.md",
        "Ordföranden öppnade mötet.\n",
        "Ordföranden öppnade mötet.\n\n" + body + "\n",
    )
    assert_located(check_cli(repo.root, timeout=60), "SC030", f"{MEETING}/protokoll.md", line + 2)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    text = repo.read("partners.yaml")
    repo.write("partners.yaml", text + ("# " + "x" * 98 + "\n") * (limits.MAX_FILE_BYTES // 100))
    result = check_cli(repo.root, timeout=60)
    assert_located(result, "SC031", "partners.yaml", 1)
    assert "2 MB" in result.stdout


def test_too_many_values_in_one_file(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.write("partners.yaml", "exempeldata: true\npartners: [" + "1," * 900_000 + "1]\n")
    result = check_cli(repo.root, timeout=60)
    assert_located(result, "SC031", "partners.yaml", 2)
    assert len(result.stdout.splitlines()) == 1


def test_thousands_of_validation_errors_are_counted_not_listed(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    repo.write("partners.yaml", "exempeldata: true\npartners: [" + "1, " * 999 + "1]\n")
    errors = repo.check().data_errors
    assert len(errors) == 51
    assert all(p.location.file == "partners.yaml" and p.location.line == 2 for p in errors)
    assert "och 950 fel till" in errors[-1].message


def test_python_tag_in_data_runs_nothing(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    marker = tmp_path / "pwned"
    line = repo.replace(
        "partners.yaml",
        "    namn: Region Uppsala\n",
        f'    namn: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    assert_located(check_cli(repo.root), "SC008", "partners.yaml", line)
    assert not marker.exists()


@pytest.mark.parametrize(
    "value", ["!!python/name:os.system", "!!binary aGVq", "!foo x", "!!str x", "! x"]
)
def test_explicit_tags_are_refused(value: str, tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    line = repo.replace(f"{MEETING}/mote.yaml", "form: hybrid\n", f"form: {value}\n")
    report = repo.check()
    assert [(p.rule, p.location.file, p.location.line) for p in report.data_errors] == [
        ("SC008", f"{MEETING}/mote.yaml", line)
    ]


# --- files outside the repository ----------------------------------------------------


def site_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
    )


@pytest.mark.parametrize(
    "link",
    [
        "docs/passwd.txt",
        "content/utgangspunkter.md",
        f"{MEETING}/protokoll.md",
        f"{MEETING}/mote.yaml",
        "partners.yaml",
    ],
)
def test_link_to_etc_passwd_is_never_published(link: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    path = root / link
    if path.exists():
        path.unlink()
    path.symlink_to("/etc/passwd")
    result = build_cli(root)
    assert_located(result, "SC032", link, 1)
    assert "/etc/passwd" in result.stdout and "utanför projektet" in result.stdout
    assert not (root / "site").exists()
    assert PASSWD_LINE not in result.stdout + result.stderr


def test_linked_meeting_folder_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    outside = tmp_path / "outside"
    shutil.copytree(root / "meetings/2026-12-03-partnerskapet", outside)
    shutil.rmtree(root / "meetings/2026-12-03-partnerskapet")
    (root / "meetings/2026-12-03-partnerskapet").symlink_to(outside)
    assert_located(check_cli(root), "SC032", "meetings/2026-12-03-partnerskapet", 1)


def test_plain_mkdocs_never_walks_a_linked_docs_folder(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "docs/etc").symlink_to("/etc")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        capture_output=True, text=True, env=ENV, timeout=300, check=False,
        preexec_fn=_limited,
    )  # fmt: skip
    assert result.returncode != 0
    assert "docs/etc:1:1: error SC032" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site").exists()


def test_symlink_inside_the_checkout_is_refused_too(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    page = repo.path("content/utgangspunkter.md")
    page.rename(repo.path("content/kopia.txt"))
    page.symlink_to("kopia.txt")
    problems = [p for p in repo.check().data_errors if p.rule == "SC032"]
    assert [(p.location.file, p.location.line) for p in problems] == [
        ("content/utgangspunkter.md", 1)
    ]
    assert "inom projektet" in problems[0].message


# --- unsafe configuration ------------------------------------------------------------


def test_mkdocs_yml_with_python_tag_is_refused_before_mkdocs_reads_it(tmp_path: Path) -> None:
    root = project(tmp_path)
    marker = tmp_path / "pwned"
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config += f'\nhooks: !!python/object/apply:os.system ["touch {marker}"]\n'
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_cli(root)
    assert_located(result, "SC008", "mkdocs.yml", line_of(config, "hooks:"))
    assert not marker.exists()
    assert not (root / "site").exists()


def test_inherited_config_is_read_safely_too(tmp_path: Path) -> None:
    root = project(tmp_path)
    marker = tmp_path / "pwned"
    (root / "base.yml").write_text(
        f'site_name: x\nextra:\n  a: !!python/object/apply:os.system ["touch {marker}"]\n'
    )
    config = "INHERIT: base.yml\n" + (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert_located(build_cli(root), "SC008", "base.yml", 3)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("docs_dir: docs\n", "docs_dir: /etc\n", "docs_dir"),
        (CUSTOM_DIR_LINE, "  custom_dir: /etc\n", "custom_dir"),
        ("site_name: SweCan\n", "INHERIT: /etc/mkdocs-base.yml\nsite_name: SweCan\n", "INHERIT"),
    ],
)
def test_mkdocs_yml_paths_outside_the_project(old: str, new: str, key: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8").replace(old, new)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_cli(root)
    assert_located(result, "SC032", "mkdocs.yml", line_of(config, key))
    assert "pekar utanför projektet" in result.stdout
    assert not (root / "site").exists()
    assert_located(check_cli(root), "SC032", "mkdocs.yml", line_of(config, key))


def test_plain_mkdocs_refuses_a_theme_folder_outside(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(CUSTOM_DIR_LINE, "  custom_dir: /etc\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        capture_output=True, text=True, env=ENV, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode != 0 and "SC032" in result.stderr
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    "expression",
    [
        'cycler.__init__.__globals__.os.system("touch {marker}")',
        'lipsum.__globals__["os"].system("touch {marker}")',
        "config.__class__.__mro__[1].__subclasses__()",
        "self._TemplateReference__context",
    ],
)
def test_theme_templates_cannot_reach_python(expression: str, tmp_path: Path) -> None:
    """A template in overrides/ (site code in a pull request) runs in Jinja's sandbox."""
    root = project(tmp_path)
    marker = tmp_path / "pwned"
    (root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}\n'
        f"{{{{ {expression.format(marker=marker)} }}}}\n"
        "{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    result = build_cli(root)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "internt fel" not in output, output
    assert "swecan-site: overrides/main.html:3: SC035: en mall försöker nå" in result.stderr
    assert not marker.exists()
    assert not (root / "site").exists()


def test_theme_templates_still_read_the_page_in_the_sandbox(tmp_path: Path) -> None:
    root = project(tmp_path)
    (root / "overrides/main.html").write_text(
        '{% extends "base.html" %}\n{% block content %}'
        '<p class="probe">{{ page.title }} · {{ config.site_name }}</p>'
        "{{ super() }}{% endblock %}\n",
        encoding="utf-8",
    )
    result = build_cli(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/partners/index.html").read_text(encoding="utf-8")
    assert '<p class="probe">Partners · SweCan</p>' in page


def test_allowed_mkdocs_tags_still_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("extra:\n", "extra:\n  root: !relative $config_dir\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_cli(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site/index.html").is_file()


@pytest.mark.parametrize(
    "site_dir",
    [".", "content", "meetings", "docs", "swecan_site", "tests", ".git", "..", "content/sub"],
)
def test_site_dir_that_holds_sources_is_refused(site_dir: str, tmp_path: Path) -> None:
    root = project(tmp_path)
    for name in ("swecan_site", "tests", ".git"):
        (root / name).mkdir()
        (root / name / "keep.txt").write_text("source")
    before = tree_digest(tmp_path)
    result = build_cli(root, "--site-dir", site_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Bygget avbröts" in result.stderr
    assert tree_digest(tmp_path) == before  # nothing deleted, nothing written
    assert not leftovers(root)


def test_site_dir_set_in_mkdocs_yml_is_checked_too(tmp_path: Path) -> None:
    root = project(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("site_dir: site\n", "site_dir: content\n"))
    before = tree_digest(root / "content")
    result = build_cli(root)
    assert result.returncode == 1 and "projektets källor (content/)" in result.stderr
    assert tree_digest(root / "content") == before


def test_site_dir_with_another_project_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path)
    other = tmp_path / "other"
    (other / ".git").mkdir(parents=True)
    result = build_cli(root, "--site-dir", str(other))
    assert result.returncode == 1 and "innehåller ett projekt (.git)" in result.stderr
    assert (other / ".git").is_dir()


def test_non_empty_folder_that_is_not_a_build_is_kept(tmp_path: Path) -> None:
    root = project(tmp_path)
    target = tmp_path / "important"
    target.mkdir()
    (target / "notes.txt").write_text("do not delete")
    result = build_cli(root, "--site-dir", str(target))
    assert result.returncode == 1 and publish.STAMP in result.stderr
    assert (target / "notes.txt").read_text() == "do not delete"


def test_previous_build_is_replaced_with_ordinary_modes(tmp_path: Path) -> None:
    root = project(tmp_path)
    target = tmp_path / "www"

    def strict_umask() -> None:
        _limited()
        os.umask(0o077)

    first = build_cli(root, "--site-dir", str(target), preexec_fn=strict_umask)
    assert first.returncode == 0, first.stderr
    assert (target / publish.STAMP).is_file()
    (target / "stale.html").write_text("old")
    second = build_cli(root, "--site-dir", str(target), preexec_fn=strict_umask)
    assert second.returncode == 0, second.stderr
    assert not (target / "stale.html").exists()
    modes = {(p.is_dir(), p.stat().st_mode & 0o777) for p in [target, *target.rglob("*")]}
    assert modes == {(True, 0o755), (False, 0o644)}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".www-new", ".www-old"))]


def test_plain_mkdocs_refuses_a_source_folder_as_site_dir(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = tree_digest(root)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
         "-d", str(root / "content")],
        capture_output=True, text=True, env=ENV, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode != 0 and "projektets källor (content/)" in result.stderr
    assert tree_digest(root) == before


@pytest.mark.parametrize("out", [".", "content", "meetings/x"])
def test_generate_refuses_project_folders(out: str, tmp_path: Path, capsys) -> None:
    repo = copy_data(tmp_path / "data")
    before = tree_digest(repo.root)
    code = main(["--root", str(repo.root), "generate", "--as-of", AS_OF.isoformat(),
                 "--out", str(repo.root / out)])  # fmt: skip
    assert code == 1
    assert "Inget skrevs" in capsys.readouterr().err
    assert tree_digest(repo.root) == before


def test_generate_replaces_its_own_previous_output(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    out = tmp_path / "md"
    args = ["--root", str(repo.root), "generate", "--as-of", AS_OF.isoformat(), "--out", str(out)]
    assert main(args) == 0
    assert (out / publish.STAMP).is_file()
    assert main(args) == 0
    assert (out / "index.md").is_file()


# --- leftovers ------------------------------------------------------------------------


def wait_for(predicate: Callable[[], bool], timeout: float = 120) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_interrupted_build_leaves_no_staging_folder(signum: int, tmp_path: Path) -> None:
    root = project(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "swecan_site", "--root", str(root), "build",
         "--as-of", AS_OF.isoformat(), "--config-file", str(root / "mkdocs.yml")],
        cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert wait_for(lambda: bool(leftovers(root)) or process.poll() is not None)
        assert process.poll() is None, "the build ended before it could be interrupted"
        process.send_signal(signum)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 1, err
    assert "Avbrutet" in err and "Traceback" not in err
    assert not leftovers(root)
    assert not (root / "site").exists()


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    root = project(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "swecan_site", "--root", str(root), "build",
         "--as-of", AS_OF.isoformat(), "--config-file", str(root / "mkdocs.yml")],
        cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert wait_for(lambda: bool(leftovers(root)) or process.poll() is not None)
        process.kill()  # SIGKILL: no handler runs
    finally:
        process.wait()
    (root / ".site-old").mkdir()  # an older version's name
    assert leftovers(root)
    result = build_cli(root)
    assert result.returncode == 0, result.stderr
    assert not leftovers(root)


def test_staging_folder_of_a_running_build_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "site"
    running = tmp_path / f".site-new-{os.getppid()}-abcd"  # a live process (pytest's parent)
    running.mkdir()
    dead = tmp_path / ".site-new-999999999-abcd"
    dead.mkdir()
    publish.clean_stale(target)
    assert running.is_dir() and not dead.exists()


def test_gitignore_covers_the_staging_names() -> None:
    for name in [".site-new-1234-abcd/", ".site-old-1234/", ".site-old/", ".md-new-1-x/"]:
        result = subprocess.run(
            ["git", "check-ignore", "--no-index", "-q", name], cwd=REPO, check=False
        )
        assert result.returncode == 0, name


# --- unexpected exceptions: one Swedish line, traceback only with --debug -------------


def _explode(monkeypatch, file: str) -> None:
    original = yamlpos.parse

    def parse(text: str, **kw):
        if "exempeldata" in text and "partners:" in text:
            raise RuntimeError("oväntat")
        return original(text, **kw)

    monkeypatch.setattr(yamlpos, "parse", parse)


def test_unexpected_exception_is_one_line_naming_the_file(monkeypatch, capsys) -> None:
    _explode(monkeypatch, "partners.yaml")
    code = main(["--root", str(REPO), "check", "--as-of", AS_OF.isoformat()])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line.startswith(
        "swecan-site: internt fel vid bearbetning av partners.yaml: RuntimeError"
    )
    assert "--debug" in line


def test_debug_shows_the_traceback(monkeypatch, capsys) -> None:
    _explode(monkeypatch, "partners.yaml")
    code = main(["--root", str(REPO), "--debug", "check", "--as-of", AS_OF.isoformat()])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" in err and "RuntimeError: oväntat" in err
    assert "internt fel vid bearbetning av partners.yaml" in err


def test_debug_after_the_command_works_too(monkeypatch, capsys) -> None:
    _explode(monkeypatch, "partners.yaml")
    assert main(["--root", str(REPO), "check", "--debug", "--as-of", AS_OF.isoformat()]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_markdown_crash_inside_mkdocs_is_one_line(monkeypatch, tmp_path: Path, capsys) -> None:
    """Should a page still crash Python-Markdown, the build names the page, not a traceback."""
    import markdown

    root = project(tmp_path)
    protocol = root / MEETING / "protokoll.md"
    text = protocol.read_text(encoding="utf-8")
    protocol.write_text(text.replace("öppnade mötet.", "öppnade mötet. Kraschtest."))

    def crash(self, source: str) -> str:
        if "Kraschtest" in source:
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, source)

    original = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", crash)
    code = main(["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
                 "--config-file", str(root / "mkdocs.yml")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "internt fel vid bearbetning av sidan moten/2026-06-10-partnerskapet.md" in err
    assert not (root / "site").exists() and not leftovers(root)


def test_a_page_that_takes_too_long_stops_the_build(monkeypatch, tmp_path: Path, capsys) -> None:
    """The safety net behind SC030: a per-page time budget for Markdown in the plugin."""
    import markdown

    from swecan_site import plugin

    root = project(tmp_path)
    protocol = root / MEETING / "protokoll.md"
    text = protocol.read_text(encoding="utf-8")
    protocol.write_text(text.replace("öppnade mötet.", "öppnade mötet. Långsamtest."))
    original = markdown.Markdown.convert

    def slow(self, source: str) -> str:
        if "Långsamtest" in source:
            time.sleep(60)  # interrupted by the budget long before
        return original(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", slow)
    monkeypatch.setattr(plugin, "PAGE_SECONDS", 0.5)
    code = main(["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
                 "--config-file", str(root / "mkdocs.yml")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "Sidan moten/2026-06-10-partnerskapet.md tog mer än 0.5 s" in err
    assert not (root / "site").exists() and not leftovers(root)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0  # the timer is off again


def test_exception_while_rendering_names_the_step(monkeypatch, tmp_path: Path, capsys) -> None:
    from swecan_site import render

    def broken(site):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(render, "render_all", broken)
    code = main(["--root", str(REPO), "generate", "--as-of", AS_OF.isoformat(),
                 "--out", str(tmp_path / "md")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "internt fel vid bearbetning av webbplatsens sidor: RecursionError" in err
    assert not (tmp_path / "md").exists()


# --- the privacy gate on the text a reader sees ----------------------------------------


def test_personnummer_as_entity_never_reaches_the_search_index(tmp_path: Path) -> None:
    root = project(tmp_path)
    protocol = root / MEETING / "protokoll.md"
    text = protocol.read_text(encoding="utf-8")
    text = text.replace(
        "Ordföranden öppnade mötet.", "Ordföranden öppnade mötet. &#49;9121212-1212"
    )
    protocol.write_text(text, encoding="utf-8")
    result = build_cli(root)
    assert_located(result, "SC801", f"{MEETING}/protokoll.md", line_of(text, "&#49;"))
    assert not (root / "site").exists()


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a\nKontakt &#49;9121212-1212", (2, 9)),
        ("Nr: ＊１２１２１２－１２１２", (1, 6)),
        ("x 121212\u202f1212 y", (1, 3)),
        ("Datum 2026-03-12, 2026-11-26; tel. 075-247 30 00", None),
    ],
)
def test_personnummer_position_is_in_the_original_text(text: str, where) -> None:
    found = list(personal_numbers(text))
    assert found == ([where] if where else [])


def test_shipped_data_has_no_personnummer() -> None:
    data = loader.load(REPO).dataset
    assert data is not None
    assert not [(f, hit) for f, t in data.sources.items() for hit in personal_numbers(t)]


# --- fuzzing the loader ------------------------------------------------------------------

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def fuzz_repo(tmp_path_factory):
    return copy_data(tmp_path_factory.mktemp("fuzz") / "data")


def assert_report_is_located(report, files: set[str]) -> None:
    if report.dataset is None:
        assert report.data_errors, "no data set and no problem"
    for p in report.problems:
        assert p.location.line >= 1 and p.location.column >= 1, p
        assert p.message and p.rule.startswith("SC"), p
    # never a rule that crashed ("Internt fel", located in swecan_site/rules)
    assert {p.location.file for p in report.data_errors} <= files


ALL_FILES = {
    "partners.yaml", "organisation.yaml", "swecan.yaml",
    *(str(p.relative_to(REPO)) for p in (REPO / "meetings").rglob("*") if p.is_file()),
    *(str(p.relative_to(REPO)) for p in (REPO / "content").rglob("*.md")),
    *(str(p.relative_to(REPO)) for p in (REPO / "meetings").iterdir()),
}  # fmt: skip


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_arbitrary_text_as_partners_yaml(fuzz_repo, text: str) -> None:
    original = (REPO / "partners.yaml").read_text(encoding="utf-8")
    try:
        fuzz_repo.write("partners.yaml", text)
        assert_report_is_located(fuzz_repo.check(), ALL_FILES)
    finally:
        fuzz_repo.write("partners.yaml", original)


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_arbitrary_bytes_as_mote_yaml(fuzz_repo, raw: bytes) -> None:
    file = f"{MEETING}/mote.yaml"
    original = (REPO / file).read_bytes()
    try:
        fuzz_repo.write(file, raw)
        assert_report_is_located(fuzz_repo.check(), ALL_FILES)
    finally:
        fuzz_repo.write(file, original)


@FUZZ
@given(st.text(max_size=200), st.sampled_from(["json", "json-ascii", "block", "plain"]))
def test_fuzz_unicode_in_yaml_strings(fuzz_repo, value: str, style: str) -> None:
    """Arbitrary Unicode as a partner name and a meeting place, written in four YAML styles."""
    if style == "json":
        written = json.dumps(value, ensure_ascii=False)
    elif style == "json-ascii":
        written = json.dumps(value)  # \\uXXXX escapes, lone surrogates included
    elif style == "block":
        written = "|\n" + "".join(f"      {ln}\n" for ln in value.splitlines() or [""])
    else:
        written = value.replace("\n", " ")
    partners = (REPO / "partners.yaml").read_text(encoding="utf-8")
    meeting = (REPO / MEETING / "mote.yaml").read_text(encoding="utf-8")
    try:
        fuzz_repo.write(
            "partners.yaml",
            partners.replace("    namn: Region Uppsala\n", f"    namn: {written.rstrip()}\n"),
        )
        fuzz_repo.write(
            f"{MEETING}/mote.yaml",
            meeting.replace(
                "plats: Medicinareberget, Göteborg, och digitalt\n", f"plats: {written.rstrip()}\n"
            ),
        )
        report = fuzz_repo.check()
        assert_report_is_located(report, ALL_FILES)
        # What was written is what is read – except YAML's own line breaks (NEL,
        # LS, PS), which JSON leaves unescaped and YAML folds to a space by spec.
        folds = any(c in value for c in "\x85\u2028\u2029")
        if report.dataset is not None and style == "json" and not folds:
            partner = report.dataset.partner("region-uppsala")
            assert partner is not None and partner.name.strip() == value.strip()
    finally:
        fuzz_repo.write("partners.yaml", partners)
        fuzz_repo.write(f"{MEETING}/mote.yaml", meeting)


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_arbitrary_markdown_as_protocol_and_page(fuzz_repo, text: str) -> None:
    protocol, page = f"{MEETING}/protokoll.md", "content/avsiktsforklaring.md"
    originals = {f: (REPO / f).read_bytes() for f in (protocol, page)}
    try:
        fuzz_repo.write(protocol, text)
        fuzz_repo.write(page, "---\ntitel: Avsiktsförklaring\n---\n" + text)
        assert_report_is_located(fuzz_repo.check(), ALL_FILES)
    finally:
        for file, raw in originals.items():
            fuzz_repo.write(file, raw)


@FUZZ
@given(st.text(max_size=300))
def test_fuzz_mkdocs_yml_gives_only_located_problems(fuzz_repo, text: str) -> None:
    path = fuzz_repo.root / "mkdocs.yml"
    for problem in siteconfig.check_text(path, text, fuzz_repo.root):
        assert problem.rule.startswith("SC") and problem.location.line >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ,?%@`\\0123")), max_size=120))
def test_fuzz_yaml_parser_only_raises_located_problems(text: str) -> None:
    """YAML-ish noise: both parsers give a located YamlProblem or the same data."""
    results = []
    for pure in (False, True):
        try:
            doc = yamlpos.parse(text, pure_python=pure)
            # (positions may differ for empty implicit values, e.g. after a bare "?")
            results.append(("ok", doc.data))
        except yamlpos.YamlProblem as exc:
            assert exc.rule.startswith("SC") and exc.line >= 1 and exc.column >= 1
            results.append(("problem",))
    if results[0][0] == results[1][0] == "ok":
        assert results[0] == results[1]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=60), st.sampled_from(["    ", "> ", ">", "- ", "1. ", "\t"])
)
def test_markdown_depth_counts_each_level(levels: int, unit: str) -> None:
    line = unit * levels + "x"
    level, _ = limits.markdown_depth(line)
    assert level == levels
    assert (limits.markdown_too_deep(line) is not None) == (levels > limits.MAX_MARKDOWN_DEPTH)


def test_yaml_case_file_is_valid() -> None:
    cases = yaml.safe_load((REPO / "tests/cases/security_input.yaml").read_text(encoding="utf-8"))
    rules = {e["rule"] for c in cases for e in c.get("expect", [])}
    assert {"SC007", "SC008", "SC030", "SC031", "SC032", "SC801"} <= rules


# --- one Unicode form for text -------------------------------------------------------


def test_names_are_published_in_one_unicode_form(tmp_path: Path) -> None:
    """'Region Värmland' typed with a combining diaeresis (NFD) is published as the
    name typed with 'ä' (NFC): one name in search, sorting and every export."""
    root = project(tmp_path)
    decomposed = "Region Va\u0308rmland"
    partners = root / "partners.yaml"
    partners.write_text(
        partners.read_text(encoding="utf-8").replace(
            "namn: Region Värmland", f"namn: {decomposed}"
        ),
        encoding="utf-8",
    )
    assert decomposed.encode() in partners.read_bytes()
    out = tmp_path / "out"
    result = cli(root, "export", "--as-of", AS_OF.isoformat(), "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = [p["name"] for p in json.loads((out / "data/partners.json").read_text())["data"]]
    assert "Region V\u00e4rmland" in names
    assert not any("\u0308" in name for name in names)
    assert "\u0308" not in (out / "data/partners.csv").read_text(encoding="utf-8")


# --- SC034: what check accepts as a link inside the site, the strict build accepts ------


def test_links_that_check_accepts_build_and_those_it_refuses_are_located(tmp_path: Path) -> None:
    root = project(tmp_path)
    protocol = root / "meetings/2026-06-10-partnerskapet/protokoll.md"
    text = protocol.read_text(encoding="utf-8")
    good = "([kontakt](../organisation.md), [beslut](../beslut/2026.md#b-2026-07), [§ 2](#p-2))"
    protocol.write_text(text.replace("öppnade mötet.", f"öppnade mötet {good}."), "utf-8")
    assert build_cli(root).returncode == 0
    protocol.write_text(text.replace("öppnade mötet.", "öppnade mötet ([x](../x/))."), "utf-8")
    result = build_cli(root)
    assert_located(result, "SC034", "meetings/2026-06-10-partnerskapet/protokoll.md", 10)
    assert "Doc file" not in result.stdout + result.stderr  # not MkDocs' message about a page
