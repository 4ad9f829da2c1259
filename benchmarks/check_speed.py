"""Print how long `check` takes on the synthetic 10-year archive, and where the time goes.

Usage: python benchmarks/check_speed.py [--partners 70 400] [--years 10] [--repeat 9]
       python benchmarks/check_speed.py --root DIR   (an archive made by make_archive.py)

For each archive: the median and the fastest of --repeat runs of
``check(root, 2036-01-15)``, as wall-clock time and as CPU time of this
process (the machine may be shared: CPU time varies less), then the same for
loading alone and for the rules alone. Figures only; nothing is asserted.
Issue 8's budget is 0.15 s for the whole check.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_archive import make

from swecan_site.check import check, run_rules
from swecan_site.dataset import Dataset
from swecan_site.loader import load, without_gc_pauses
from swecan_site.problems import Severity

AS_OF = date(2036, 1, 15)


def measure(func: Callable[[], object], repeat: int) -> str:
    func()  # warm: imports, compiled patterns
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return (
        f"wall {statistics.median(wall):.3f} s (fastest {min(wall):.3f}), "
        f"CPU {statistics.median(cpu):.3f} s (fastest {min(cpu):.3f})"
    )


def report(root: Path, repeat: int) -> None:
    loaded = load(root)
    assert loaded.dataset is not None, loaded.problems[:3]
    dataset = loaded.dataset
    result = check(root, AS_OF)
    print(
        f"\n{root.name}: {len(dataset.partners)} partners, {len(dataset.meetings)} meetings; "
        f"{result.count(Severity.ERROR)} fel, {result.count(Severity.WARNING)} varningar"
    )
    print(f"  check: {measure(lambda: check(root, AS_OF), repeat)}  (budget 0.15 s)")
    print(f"    load:  {measure(lambda: load(root), repeat)}")
    print(f"    rules: {measure(lambda: rules(dataset), repeat)}")


def rules(dataset: Dataset) -> None:
    with without_gc_pauses():  # as inside check()
        run_rules(dataset, AS_OF)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, nargs="+", default=[70, 400])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--root", type=Path, help="an archive already made")
    args = parser.parse_args()
    if args.root:
        report(args.root, args.repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for partners in args.partners:
            report(make(Path(tmp) / f"arkiv-{partners}", args.years, partners), args.repeat)


if __name__ == "__main__":
    main()
