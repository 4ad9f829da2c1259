"""Print how long loading, checking and rendering the shipped data takes.

Usage: python benchmarks/check_and_render.py [--repeat N]
Figures only; nothing is asserted (tests never time anything).
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from datetime import date
from pathlib import Path

from swecan_site.check import check
from swecan_site.loader import load
from swecan_site.public import PublicView
from swecan_site.site_files import pages as render_pages

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 22)


def timed(func, repeat: int) -> tuple[float, float, object]:
    runs = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_median, load_min, loaded = timed(lambda: load(ROOT), args.repeat)
    check_median, check_min, report = timed(lambda: check(ROOT, AS_OF), args.repeat)
    render_median, render_min, pages = timed(lambda: render_pages(PublicView(report)), args.repeat)
    tracemalloc.start()
    render_pages(PublicView(check(ROOT, AS_OF)))
    _, peak = tracemalloc.get_traced_memory()
    data = loaded.dataset
    print(
        f"data: {len(data.partners)} partners, {len(data.meetings)} meetings, "
        f"{sum(1 for _ in data.decisions())} decisions, {len(data.sources)} files"
    )
    print(f"load:   median {load_median * 1000:.1f} ms (min {load_min * 1000:.1f})")
    print(
        f"check:  median {check_median * 1000:.1f} ms (min {check_min * 1000:.1f}), "
        f"{len(report.evaluations)} verdicts"
    )
    print(
        f"render: median {render_median * 1000:.1f} ms (min {render_min * 1000:.1f}), "
        f"{len(pages)} pages, {sum(len(p) for p in pages.values()) / 1024:.0f} KiB Markdown"
    )
    print(f"peak traced memory, check + render: {peak / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
