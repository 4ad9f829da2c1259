"""Write a synthetic 10-year SweCan archive for the performance budget (issue 8).

Usage: python benchmarks/make_archive.py OUT [--years 10] [--partners 400]

The shipped example year (2026: 8 meetings of both organs with agendas,
matters, underlag, votes, jäv and protocols of realistic size) is repeated
for every year, dates and ids shifted (B-2026-03 -> B-2031-03), and the
partner list is padded with copies to the requested size. The withdrawn
partner's utträde is dropped (a copied spring meeting would otherwise list it
after it left). The result passes `check` without data errors when judged
after its last year (compliance findings are expected: quorum with 400
partners, last years' planned meetings); see benchmarks/archive.py.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FIRST_YEAR = 2026
COPIED = ["swecan.yaml", "organisation.yaml", "content", "mkdocs.yml", "docs", "overrides"]


def shift_years(text: str, offset: int) -> str:
    """Every year 2025–2028 in dates and ids moved by ``offset`` years."""
    return re.sub(r"(?<!\d)(202[5-8])(?!\d)", lambda m: str(int(m.group(1)) + offset), text)


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # the loader caps aliases (SC007); write every value out


def partners_text(count: int) -> str:
    text = (ROOT / "partners.yaml").read_text(encoding="utf-8")
    # Drop utträde blocks (the mapping and its indented lines).
    text = re.sub(r"\n    utträde:\n(?:      .*\n)+", "\n", text)
    data = yaml.safe_load(text)
    shipped = data["partners"]
    extra = []
    n = 0
    while len(shipped) + len(extra) < count:
        source = shipped[n % len(shipped)]
        copy = dict(source)
        copy["id"] = f"{source['id']}-k{n // len(shipped) + 1}"
        copy["namn"] = f"{source['namn']} (kopia {n // len(shipped) + 1})"
        copy.pop("antagen_genom", None)
        extra.append(copy)
        n += 1
    if not extra:
        return text
    block = yaml.dump(
        extra, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, default_flow_style=False
    )
    return text.rstrip("\n") + "\n\n" + "\n".join("  " + line for line in block.splitlines()) + "\n"


def make(out: Path, years: int = 10, partners: int = 400) -> Path:
    out.mkdir(parents=True, exist_ok=False)
    for item in COPIED:
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, out / item)
        elif source.is_file():
            shutil.copy2(source, out / item)
    (out / "partners.yaml").write_text(partners_text(partners), encoding="utf-8")
    meetings = ROOT / "meetings"
    for offset in range(years):
        for folder in sorted(p for p in meetings.iterdir() if p.is_dir()):
            target = out / "meetings" / shift_years(folder.name, offset)
            target.mkdir(parents=True)
            for file in folder.iterdir():
                if file.suffix in (".yaml", ".md"):
                    text = file.read_text(encoding="utf-8")
                    (target / file.name).write_text(shift_years(text, offset), encoding="utf-8")
                else:
                    shutil.copy2(file, target / file.name)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--partners", type=int, default=400)
    args = parser.parse_args()
    make(args.out, args.years, args.partners)
    print(f"wrote {args.years} years, {args.partners} partners to {args.out}")


if __name__ == "__main__":
    main()
