"""Print how long a full site build takes and how large the pages are.

Usage: python benchmarks/build_site.py
Figures only. Page size is what navigation.prune keeps in check: without it
every page would carry the whole navigation.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from swecan_site.publish import build_site

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        site = build_site(ROOT / "mkdocs.yml", Path(tmp) / "site", date(2026, 11, 22))
        seconds = time.perf_counter() - start
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        sizes = [p.stat().st_size for p in pages]
        index = site / "search/search_index.json"
        print(f"build: {seconds:.2f} s, {len(pages)} HTML pages")
        print(
            f"page size: median {sizes[len(sizes) // 2] / 1024:.1f} KiB, "
            f"largest {sizes[-1] / 1024:.1f} KiB ({pages[-1].relative_to(site)})"
        )
        print(f"search index: {index.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
