"""Reproducible, verifiable builds (issue 19, item 7).

Two builds of one commit on one as-of date are byte-identical whatever the wall
clock, time zone, locale or directory; the site root's SHA256SUMS lists every
other file in `sha256sum`'s format, and the real `sha256sum -c` accepts it and
catches a changed file. The reference time (swecan_site/reproducible.py) is
SOURCE_DATE_EPOCH, else HEAD's committer time, else midnight of the as-of date.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import struct
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from swecan_site import checksums, reproducible
from swecan_site.cli import main

from .conftest import AS_OF, REPO, copy_data

COMMITTED = "2026-11-20T10:15:00+00:00"  # HEAD of the throw-away repositories below
COMMITTED_EPOCH = int(datetime.fromisoformat(COMMITTED).timestamp())
DAY = 86400
# What differs between the two machines below, and is never inherited from this one.
MACHINE = ("SOURCE_DATE_EPOCH", "TZ", "LC_ALL", "LANG", "LANGUAGE", "SWECAN_AS_OF")
C = {**os.environ, "LC_ALL": "C"}  # sha256sum's messages in English

# Runs `python -m swecan_site …` with the wall clock moved by OFFSET seconds: time.time()
# and datetime.now()/utcnow()/today() (MkDocs and dates.today() read the clock that way).
# No new dependency (libfaketime is not installed here).
FAKE_CLOCK = """\
import datetime as _dt, runpy, sys, time as _time
OFFSET = float(sys.argv.pop(1))
_real_time, _real_ns = _time.time, _time.time_ns
_time.time = lambda: _real_time() + OFFSET
_time.time_ns = lambda: _real_ns() + int(OFFSET * 1e9)
class _Shifted(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)
    @classmethod
    def utcnow(cls):
        return cls.now(_dt.UTC).replace(tzinfo=None)
    @classmethod
    def today(cls):
        return cls.now()
_dt.datetime = _Shifted
sys.argv[0] = "swecan-site"
runpy.run_module("swecan_site", run_name="__main__", alter_sys=True)
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.se",
         "-c", "commit.gpgsign=false", *args],
        check=True, capture_output=True,
        env={**os.environ, "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED},
    )  # fmt: skip


def _project(where: Path) -> Path:
    """The shipped project (data, mkdocs.yml, docs/, overrides/) as one commit at COMMITTED."""
    root = copy_data(where).root
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "data")
    return root


def _run(root: Path, cwd: Path, env: dict[str, str], clock: float, *args: str) -> None:
    (cwd / "fake_clock.py").write_text(FAKE_CLOCK, encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if k not in MACHINE}
    # this checkout's swecan_site, not whichever one the environment has installed
    pythonpath = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    result = subprocess.run(
        [sys.executable, "fake_clock.py", str(clock), "--root", str(root), *args],
        cwd=cwd, env={**base, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": pythonpath, **env},
        capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _files(tree: Path) -> dict[str, bytes]:
    return {p.relative_to(tree).as_posix(): p.read_bytes() for p in tree.rglob("*") if p.is_file()}


def _differences(a: Path, b: Path) -> list[str]:
    """What differs between two trees: missing files, and each differing file's first line."""
    first, second = _files(a), _files(b)
    found = [f"only in one build: {p}" for p in sorted(first.keys() ^ second.keys())]
    for path in sorted(first.keys() & second.keys()):
        if first[path] == second[path]:
            continue
        one, two = first[path].splitlines(), second[path].splitlines()
        line = next((i for i, (x, y) in enumerate(zip(one, two, strict=False)) if x != y),
                    min(len(one), len(two)))  # fmt: skip
        shown = [s[line][:160] if line < len(s) else b"<end of file>" for s in (one, two)]
        found.append(f"{path}:{line + 1}:\n  - {shown[0]!r}\n  + {shown[1]!r}")
    return found


# --- the build twice ------------------------------------------------------------------

# Two machines that differ in everything but the commit and the as-of date.
FIRST = ({"TZ": "UTC", "LC_ALL": "POSIX", "LANG": "POSIX"}, 0.0)
SECOND = ({"TZ": "Pacific/Kiritimati", "LANG": "sv_SE.UTF-8", "LANGUAGE": "sv"},
          400 * DAY + 13 * 3600 + 7)  # fmt: skip  # UTC+14, 400 days and 13 hours later


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for number, (env, clock) in enumerate((FIRST, SECOND), start=1):
        where = tmp_path_factory.mktemp(f"machine-{number}")
        root = _project(where / f"checkout-{number}")
        cwd = where / "elsewhere"
        cwd.mkdir()
        site = where / ("site" if number == 1 else "public html")
        config = str(root / "mkdocs.yml")
        _run(root, cwd, env, clock, "build", "--allow-findings", "--as-of", AS_OF.isoformat(),
             "--config-file", config, "--site-dir", str(site))  # fmt: skip
        sites.append(site)
    return sites[0], sites[1]


@pytest.mark.site
def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    assert _differences(first, second) == []
    assert len(_files(first)) > 200  # the whole site was compared


@pytest.mark.site
def test_the_sitemap_is_dated_by_the_commit(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[1]  # built 400 days later, at UTC+14
    dates = set(re.findall(r"<lastmod>([^<]*)</lastmod>", (site / "sitemap.xml").read_text()))
    assert dates == {COMMITTED[:10]}
    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    midnight = datetime.fromisoformat(COMMITTED[:10]).replace(tzinfo=UTC)
    assert struct.unpack("<I", header[4:8])[0] == int(midnight.timestamp())
    assert (
        gzip.decompress((site / "sitemap.xml.gz").read_bytes())
        == (site / "sitemap.xml").read_bytes()
    )


@pytest.mark.site
def test_sha256sums_lists_every_file_but_itself(two_builds: tuple[Path, Path]) -> None:
    site = two_builds[0]
    lines = (site / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    paths = [line[66:] for line in lines]
    assert all(re.fullmatch(r"[0-9a-f]{64}  \S.*", line) for line in lines)
    assert paths == sorted(paths)
    assert set(paths) == set(_files(site)) - {"SHA256SUMS"}
    # written last: search's index (Material writes it in on_post_build) is listed
    assert "search/search_index.json" in paths and ".swecan-site-build" in paths


@pytest.mark.site
def test_sha256sum_accepts_the_list_and_catches_a_changed_file(
    two_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (coreutils) is not installed")
    site = tmp_path / "downloaded"
    shutil.copytree(two_builds[0], site)
    ok = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=site,
                        capture_output=True, text=True, check=False)  # fmt: skip
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # the public's recipe: one downloaded file beside the list
    one = tmp_path / "one"
    (one / "data").mkdir(parents=True)
    shutil.copy2(site / "data/beslut.json", one / "data/beslut.json")
    shutil.copy2(site / "SHA256SUMS", one / "SHA256SUMS")
    some = subprocess.run(["sha256sum", "-c", "--ignore-missing", "SHA256SUMS"], cwd=one,
                          capture_output=True, text=True, check=False, env=C)  # fmt: skip
    assert (some.returncode, some.stdout) == (0, "data/beslut.json: OK\n")
    with open(site / "data/beslut.json", "ab") as handle:
        handle.write(b" ")
    bad = subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=site,
                         capture_output=True, text=True, check=False, env=C)  # fmt: skip
    assert bad.returncode == 1
    assert bad.stdout == "data/beslut.json: FAILED\n"


def test_the_export_is_byte_identical_too(tmp_path: Path) -> None:
    outputs = []
    for number, (env, clock) in enumerate((FIRST, SECOND), start=1):
        root = _project(tmp_path / f"checkout-{number}")
        cwd = tmp_path / f"cwd-{number}"
        cwd.mkdir()
        out = tmp_path / f"export-{number}"
        _run(root, cwd, env, clock, "export", "--as-of", AS_OF.isoformat(), "--out", str(out),
             "--config-file", str(root / "mkdocs.yml"))  # fmt: skip
        outputs.append(out)
    assert _differences(*outputs) == []
    assert len(_files(outputs[0])) > 20


# --- the reference time ----------------------------------------------------------------


def test_source_date_epoch_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert reproducible.reference_time(tmp_path, AS_OF) == 1700000000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert reproducible.reference_time(tmp_path, AS_OF) == 0


def test_then_the_commit_then_the_as_of_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    outside = tmp_path / "no-git"
    outside.mkdir()
    midnight = datetime(2026, 11, 21, 23, 0, tzinfo=UTC)  # 2026-11-22 00:00 in Stockholm (CET)
    assert reproducible.reference_time(outside, date(2026, 11, 22)) == midnight.timestamp()
    (tmp_path / "repo").mkdir()
    _git(tmp_path / "repo", "init", "-q")
    _git(tmp_path / "repo", "commit", "-q", "--allow-empty", "-m", "x")
    assert reproducible.reference_time(tmp_path / "repo", AS_OF) == COMMITTED_EPOCH


@pytest.mark.parametrize("value", ["", "abc", "-1", "1.5", "1e9", " 12", "１２", "4294967296"])
def test_a_malformed_source_date_epoch_is_one_swedish_line(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(reproducible.SourceDateEpochError) as caught:
        reproducible.reference_time(tmp_path, AS_OF)
    message = str(caught.value)
    assert "\n" not in message and "SOURCE_DATE_EPOCH" in message and "heltal" in message


def test_build_refuses_a_malformed_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "i morgon")
    site = tmp_path / "site"
    code = main(["--root", str(REPO), "build", "--as-of", AS_OF.isoformat(),
                 "--site-dir", str(site)])  # fmt: skip
    assert code == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("Bygget avbröts: SOURCE_DATE_EPOCH='i morgon' är ingen tidpunkt")
    assert not site.exists() and not list(tmp_path.glob(".site-*"))


def test_the_build_pins_the_clock_for_itself_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process builds leave SOURCE_DATE_EPOCH as they found it; a set one is used."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = _project(tmp_path / "project")
    args = ["--root", str(project), "build", "--as-of", AS_OF.isoformat(),
            "--config-file", str(project / "mkdocs.yml")]  # fmt: skip
    assert main([*args, "--site-dir", str(tmp_path / "a")]) == 0
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert f"<lastmod>{COMMITTED[:10]}</lastmod>" in (tmp_path / "a/sitemap.xml").read_text()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert main([*args, "--site-dir", str(tmp_path / "b")]) == 0
    assert os.environ["SOURCE_DATE_EPOCH"] == "1767225600"
    assert "<lastmod>2026-01-01</lastmod>" in (tmp_path / "b/sitemap.xml").read_text()


def test_pin_restores_what_was_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    restore = reproducible.pin(5)
    assert os.environ["SOURCE_DATE_EPOCH"] == "5"
    restore()
    assert "SOURCE_DATE_EPOCH" not in os.environ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "7")
    restore = reproducible.pin(9)
    restore()
    assert os.environ["SOURCE_DATE_EPOCH"] == "7"


# --- SHA256SUMS --------------------------------------------------------------------------


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for path, content in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)
    return root


def test_the_list_format(tmp_path: Path) -> None:
    tree = _tree(tmp_path, {"b.txt": b"b", "a/z.json": b"{}", "a b/ä.html": b"x",
                            "SHA256SUMS": b"old", "sub/SHA256SUMS": b"kept"})  # fmt: skip
    text = checksums.write(tree).read_text(encoding="utf-8")
    assert text.splitlines() == [  # sha256 of "x", "{}", "b", "kept"; code point order
        "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881  a b/ä.html",
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a  a/z.json",
        "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.txt",
        "79f076abdd19a752db7267bfff2f9022161d120dea919fdaca2ffdfc24ca8c96  sub/SHA256SUMS",
    ]
    if shutil.which("sha256sum"):  # spaces and UTF-8 names need no escaping
        result = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=tree,
                                capture_output=True, check=False)  # fmt: skip
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", ["back\\slash.html", "line\nbreak.html", "cr\rname.html"])
def test_a_name_sha256sum_would_escape_is_refused(tmp_path: Path, name: str) -> None:
    _tree(tmp_path, {"ok.html": b"", name: b""})
    with pytest.raises(checksums.ChecksumError, match="byt namn"):
        checksums.listing(tmp_path)


def test_a_link_is_refused(tmp_path: Path) -> None:
    _tree(tmp_path, {"ok.html": b""})
    (tmp_path / "link.html").symlink_to(tmp_path / "ok.html")
    with pytest.raises(checksums.ChecksumError, match="länk"):
        checksums.listing(tmp_path)
