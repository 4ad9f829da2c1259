"""Print the performance-budget figures of issue 8 on a synthetic 10-year archive.

Usage: python benchmarks/archive.py [--partners 70 400] [--years 10] [--repeat 3]

For each partner count: `check` time (median of --repeat), the time to write
the calendar, feeds and catalogue alone, the full `swecan-site build` command
(check, pages, open data, calendar, feeds, catalogue, MkDocs) against a bare
mkdocs-material build of the same pages (`swecan-site generate` output, same
theme and overrides, `navigation.prune`, no swecan plugin) – both in this
one run, alternately, after one untimed build of each; medians of --repeat,
as wall time and as CPU time (user + system, the forked page worker included);
then once each as a new process, imports included –, and the largest pages.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_archive import make

from swecan_site.check import check
from swecan_site.cli import main as cli

AS_OF = date(2036, 1, 15)  # after the archive's last year: every meeting is in the past
SITE_URL = "https://swecan.example.se/"


def timed(func, repeat: int = 1) -> tuple[float, object]:
    runs, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), result


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its waited-for children (the
    page worker a build forks is one)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(func) -> tuple[float, float]:
    """(wall seconds, CPU seconds, children included) of one call."""
    cpu, start = cpu_seconds(), time.perf_counter()
    func()
    return time.perf_counter() - start, cpu_seconds() - cpu


def quiet_cli(argv: list[str]) -> int:
    """`swecan-site ARGV` with its printed findings (hundreds with 400 partners) discarded."""
    with open(os.devnull, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
        return cli(argv)


def bare_config(archive: Path, docs: Path, site: Path) -> Path:
    """mkdocs.yml for the generated Markdown: same theme and extensions, no swecan plugin."""
    config = yaml.safe_load((archive / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p != "swecan"]
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["strict"] = False
    config["hooks"] = [str(Path(__file__).resolve().parent / "bare_hooks.py")]
    if config.get("theme", {}).get("custom_dir"):
        config["theme"]["custom_dir"] = str(archive / config["theme"]["custom_dir"])
    for asset in ("stylesheets", "javascripts"):
        if (archive / "docs" / asset).is_dir():
            shutil.copytree(archive / "docs" / asset, docs / asset, dirs_exist_ok=True)
    path = archive / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def outputs_time(archive: Path) -> float:
    from swecan_site.outputs import CATALOGUE, calendar, feeds
    from swecan_site.public import PublicView

    view = PublicView(check(archive, AS_OF), SITE_URL)
    start = time.perf_counter()
    for output in (calendar.OUTPUT, feeds.OUTPUT, CATALOGUE):
        for item in output.files:
            item.build(view)
    return time.perf_counter() - start


def run(partners: int, years: int, repeat: int) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        archive = make(Path(tmp) / "archive", years, partners)
        check_s, report = timed(lambda: check(archive, AS_OF), repeat)
        data = report.dataset
        assert data is not None and not report.data_errors, report.data_errors[:3]
        print(
            f"\n{partners} partners, {years} years: {len(data.meetings)} meetings, "
            f"{sum(1 for _ in data.decisions())} decisions"
        )
        print(f"  check: {check_s:.2f} s (median of {repeat}; budget 0.15 s)")
        print(f"  calendar + feeds + catalogue: {outputs_time(archive):.3f} s")
        site = Path(tmp) / "site"
        gen = Path(tmp) / "gen"
        code = quiet_cli(["--root", str(archive), "generate", "--out", str(gen),
                          "--as-of", AS_OF.isoformat()])  # fmt: skip
        assert code == 0
        config = bare_config(archive, gen, Path(tmp) / "bare-site")

        def swecan_build() -> None:
            code = quiet_cli([
                "--root", str(archive), "build", "--as-of", AS_OF.isoformat(),
                "--allow-findings", "--config-file", str(archive / "mkdocs.yml"),
                "--site-dir", str(site),
            ])  # fmt: skip
            assert code == 0

        def bare_build() -> None:
            build(load_config(str(config)))

        # One untimed build of each first (imports, Python's caches), then the two
        # alternately, so that both see the same machine.
        swecan_build()
        bare_build()
        ours, bare, ours_cpu, bare_cpu = [], [], [], []
        for _ in range(repeat):
            wall, cpu = measured(swecan_build)
            ours.append(wall)
            ours_cpu.append(cpu)
            wall, cpu = measured(bare_build)
            bare.append(wall)
            bare_cpu.append(cpu)
        build_s, bare_s = statistics.median(ours), statistics.median(bare)
        print(
            f"  swecan-site build: {build_s:.2f} s; bare mkdocs-material build: {bare_s:.2f} s "
            f"(wall, medians of {repeat})"
        )
        ratios = ", ".join(f"{o / b:.2f}" for o, b in zip(ours, bare, strict=True))
        print(f"  wall ratio build / bare: {build_s / bare_s:.2f} (each run: {ratios})")
        cpu_s, bare_cpu_s = statistics.median(ours_cpu), statistics.median(bare_cpu)
        ratios = ", ".join(f"{o / b:.2f}" for o, b in zip(ours_cpu, bare_cpu, strict=True))
        print(
            f"  CPU (children included): {cpu_s:.2f} s / {bare_cpu_s:.2f} s = "
            f"{cpu_s / bare_cpu_s:.2f} (budget ≤ 1.0; each run: {ratios})"
        )
        cold_ours = timed(lambda: subprocess.run(
            [sys.executable, "-m", "swecan_site.cli", "--root", str(archive), "build",
             "--as-of", AS_OF.isoformat(), "--allow-findings", "--config-file",
             str(archive / "mkdocs.yml"), "--site-dir", str(site)],
            check=True, capture_output=True,
        ))[0]  # fmt: skip
        cold_bare = timed(lambda: subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
            check=True, capture_output=True,
        ))[0]  # fmt: skip
        print(
            f"  as new processes (imports included, once each): {cold_ours:.2f} s / "
            f"{cold_bare:.2f} s = {cold_ours / cold_bare:.2f}"
        )
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size, reverse=True)
        top = ", ".join(
            f"{p.relative_to(site).parent} {p.stat().st_size / 1024:.0f} KiB" for p in pages[:3]
        )
        print(f"  {len(pages)} pages; largest: {top} (budget ~80 KB)")
        extra = [site / "kalender/swecan.ics", site / "flode/allt.xml", site / "datasets/dcat"]
        sizes = ", ".join(f"{p.relative_to(site)} {p.stat().st_size / 1024:.0f} KiB" for p in extra)
        print(f"  {sizes}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, nargs="+", default=[70, 400])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    for partners in args.partners:
        run(partners, args.years, args.repeat)


if __name__ == "__main__":
    main()
