"""Print the size of the search index of the synthetic 10-year archive, by page family.

Usage: python benchmarks/search_index.py [--years 10] [--partners 70]

The index is what every visitor's browser downloads on the first search
(issue 17: under 1 MB uncompressed for the 10-year archive). Figures only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_archive import make

from swecan_site.cli import main as cli

AS_OF = date(2036, 1, 15)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--partners", type=int, default=70)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        root = make(Path(tmp) / "data", years=args.years, partners=args.partners)
        site = Path(tmp) / "site"
        with redirect_stdout(StringIO()), redirect_stderr(StringIO()):
            code = cli(["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
                        "--allow-findings", "--config-file", str(root / "mkdocs.yml"),
                        "--site-dir", str(site)])  # fmt: skip
        if code != 0:
            raise SystemExit(f"build failed ({code})")
        index = site / "search/search_index.json"
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        families: Counter[str] = Counter()
        for doc in docs:
            family = doc["location"].split("/", 1)[0] or "(start)"
            families[family] += len(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        size = index.stat().st_size
        print(f"search index: {size / 1e6:.3f} MB ({size} bytes), {len(docs)} entries")
        for family, part in families.most_common():
            print(f"  {family:<16} {part / 1e3:8.1f} kB")


if __name__ == "__main__":
    main()
