"""Print what the git evidence costs (issue 19, item 9) on the archive with a synthetic history.

Usage: python benchmarks/provenance.py [--commits 2000] [--partners 400] [--years 10]
                                       [--repeat 5] [--build-repeat 3] [--no-build]
       python benchmarks/provenance.py --root DIR   (a repository made by make_history.py)

On the 10-year archive as a git repository with --commits commits
(make_history.py; made in a temporary folder unless --root), as of 2036-01-15:

* the history: commits, files, versions, change-log entries;
* ``provenance.read`` alone (git rev-parse, log and cat-file) and the change
  log alone (``changelog.entries``, nothing remembered), medians of --repeat;
* ``check``: the ``check()`` function in this process, and ``swecan-site
  check`` as a new process (imports included), each with the evidence and
  with SWECAN_PROVENANCE=0, alternately, medians of --repeat (budget: under
  0.3 s with the evidence);
* the ``swecan-site build`` command in this process (check, pages with their
  history, the Ändringslogg and its feed, MkDocs) with the evidence – as a
  new process would (the change log computed), as ``serve`` rebuilds (the
  change log remembered from the build before), and, to show what publishing
  the log costs, with an empty change log – and with SWECAN_PROVENANCE=0;
  alternately after one untimed build of each, medians of --build-repeat,
  and what the evidence adds (budget: at most 10 %).

Wall time, and CPU time (user + system) of this process and the processes it
waited for (git, the build's page worker, a ``swecan-site check``): the
machine may be shared, and CPU time varies less. Figures only; nothing is
asserted.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's swecan_site
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_history import make_history

from swecan_site import changelog, provenance
from swecan_site.check import check
from swecan_site.cli import main as cli

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2036, 1, 15)  # after the archive's last year, as in archive.py
OFF = {provenance.ENV: "0"}


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its waited-for children: git, the
    page worker a build forks, a `swecan-site check` process (as archive.py counts)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Runs:
    """Wall and CPU seconds of repeated runs."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def time(self, func: Callable[[], object]) -> object:
        start, start_cpu = time.perf_counter(), cpu_seconds()
        result = func()
        self.wall.append(time.perf_counter() - start)
        self.cpu.append(cpu_seconds() - start_cpu)
        return result

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    def row(self, label: str) -> str:
        cpu_text = f"{self.cpu_median:8.3f} s"
        return (
            f"  {label:<52} {self.median:8.3f} s {min(self.wall):8.3f} s {cpu_text}"
            f"   ({len(self.wall)} runs)"
        )


def environment(evidence: bool) -> None:
    if evidence:
        os.environ.pop(provenance.ENV, None)
    else:
        os.environ.update(OFF)


def alternately(
    funcs: dict[str, tuple[Callable[[], object], bool]], repeat: int
) -> dict[str, Runs]:
    """Each (function, with the evidence?) once untimed, then all of them in turn
    ``repeat`` times; without the evidence: SWECAN_PROVENANCE=0."""
    runs = {key: Runs() for key in funcs}
    for func, evidence in funcs.values():
        environment(evidence)
        func()
    for _ in range(repeat):
        for key, (func, evidence) in funcs.items():
            environment(evidence)
            runs[key].time(func)
    environment(True)
    return runs


def cold(func: Callable[[], object]) -> Callable[[], object]:
    """``func`` with no change log remembered from an earlier run in this process (as in
    a new process: what a CI build does)."""

    def run() -> object:
        changelog._last.clear()
        return func()

    return run


def without_log(func: Callable[[], object]) -> Callable[[], object]:
    """``func`` with an empty change log: what the rest of the evidence costs (page
    histories, check), without computing and publishing the log (page, feed, search)."""

    def run() -> object:
        real = changelog.entries
        changelog.entries = lambda root, evidence: []
        try:
            return func()
        finally:
            changelog.entries = real

    return run


def quiet_cli(argv: list[str]) -> None:
    """`swecan-site ARGV` with its printed findings discarded (shown if it fails)."""
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = cli(argv)
    if code != 0:
        raise SystemExit(f"swecan-site {' '.join(argv)}: exit {code}\n{out.getvalue()[-3000:]}")


def cli_process(root: Path, evidence: bool, *args: str) -> Callable[[], object]:
    """`swecan-site --root ROOT ARGS --as-of …` as a new process (check by default)."""
    env = {k: v for k, v in os.environ.items() if k != provenance.ENV}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env |= {} if evidence else OFF
    command = [sys.executable, "-m", "swecan_site.cli", "--root", str(root), *(args or ["check"]),
               "--as-of", AS_OF.isoformat()]  # fmt: skip
    return lambda: subprocess.run(command, env=env, capture_output=True, check=bool(args))


def git_count(root: Path, *args: str) -> int:
    done = subprocess.run(["git", "-C", str(root), "rev-list", "--count", *args, "HEAD"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def describe(root: Path) -> provenance.Evidence:
    evidence = provenance.read(root, AS_OF)
    assert evidence.available, evidence.unavailable
    log = changelog.entries(root, evidence)
    files = evidence.files.values()
    print(
        f"\n{root}: {git_count(root, '--first-parent')} commits on the first-parent line "
        f"({git_count(root, '--merges')} merges), {len(evidence.commits)} of them touch the "
        f"data, {evidence.commits[0][0].day} – {evidence.commits[-1][0].day}"
    )
    print(
        f"  {len(evidence.files)} data files with a history "
        f"({sum(1 for f in files if f.removed)} removed, {len(evidence.renamed())} renamed), "
        f"{sum(len(f.versions) for f in files)} versions, "
        f"{len(evidence.contents())} read for their publication status; "
        f"change log: {len(log)} entries, {sum(len(e.changes) for e in log)} changes"
    )
    return evidence


def report(root: Path, repeat: int, build_repeat: int) -> None:
    evidence = describe(root)
    print(f"\n  {'':<52} {'median':>10} {'fastest':>10} {'CPU':>10}  (wall; CPU: children too)")
    read = Runs()
    for _ in range(repeat):
        read.time(lambda: provenance.read(root, AS_OF))
    print(read.row("provenance.read (git log + cat-file)"))
    entries = Runs()
    for _ in range(repeat):
        entries.time(cold(lambda: changelog.entries(root, evidence)))
    print(entries.row("changelog.entries (the change log)"))
    checks = {"on": (lambda: check(root, AS_OF), True), "off": (lambda: check(root, AS_OF), False)}
    runs = alternately(checks, repeat)
    print(runs["on"].row("check() in-process, evidence on"))
    print(runs["off"].row(f"check() in-process, {provenance.ENV}=0"))
    processes = {"on": (cli_process(root, True), True), "off": (cli_process(root, False), False)}
    runs = alternately(processes, repeat)
    print(runs["on"].row("swecan-site check, new process, evidence on"))
    print(runs["off"].row(f"swecan-site check, new process, {provenance.ENV}=0"))
    if build_repeat:
        build(root, build_repeat)


def build(root: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:

        def swecan_build() -> None:
            quiet_cli([
                "--root", str(root), "build", "--as-of", AS_OF.isoformat(), "--allow-findings",
                "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(Path(tmp) / "site"),
            ])  # fmt: skip

        site = ["build", "--allow-findings", "--config-file", str(root / "mkdocs.yml"),
                "--site-dir", str(Path(tmp) / "site-p")]  # fmt: skip
        builds = {
            "on": (cold(swecan_build), True),
            "warm": (swecan_build, True),
            "empty": (without_log(swecan_build), True),
            "off": (swecan_build, False),
            "process on": (cli_process(root, True, *site), True),
            "process off": (cli_process(root, False, *site), False),
        }
        runs = alternately(builds, repeat)
    off = runs["off"]
    print(runs["on"].row("swecan-site build in-process, evidence on"))
    print(runs["warm"].row("  the same, change log remembered (serve)"))
    print(runs["empty"].row("  the same, an empty change log (experiment)"))
    print(off.row(f"swecan-site build in-process, {provenance.ENV}=0"))
    print(runs["process on"].row("swecan-site build, new process, evidence on"))
    print(runs["process off"].row(f"swecan-site build, new process, {provenance.ENV}=0"))
    variants = (
        ("in-process", runs["on"], off),
        ("in-process, change log remembered", runs["warm"], off),
        ("in-process, empty change log", runs["empty"], off),
        ("new processes", runs["process on"], runs["process off"]),
    )
    print()
    for label, with_, without in variants:
        added = (with_.median - without.median) / without.median * 100
        cpu = (with_.cpu_median - without.cpu_median) / without.cpu_median * 100
        each = ", ".join(
            f"{(a - b) / b * 100:+.0f}" for a, b in zip(with_.wall, without.wall, strict=True)
        )
        print(
            f"  the evidence adds {added:+5.1f} % wall, {cpu:+5.1f} % CPU to the build "
            f"({label}; wall, each run: {each} %)"
        )
    print("  (budget: at most 10 %)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, help="a repository made by make_history.py")
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--partners", type=int, default=400)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build-repeat", type=int, default=3)
    parser.add_argument("--no-build", dest="build_repeat", action="store_const", const=0)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if args.root:
        report(args.root, args.repeat, args.build_repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "historik"
        facts = make_history(root, args.commits, args.years, args.partners)
        print(f"made {root} in {facts['seconds']:.1f} s (make_history.py)")
        report(root, args.repeat, args.build_repeat)


if __name__ == "__main__":
    main()
