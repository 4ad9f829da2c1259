"""Write a synthetic 10-year SweCan archive for the performance budget (issue 8).

Usage: python benchmarks/make_archive.py OUT [--years 10] [--partners 400]

The shipped example year (2026: 8 meetings of both organs with agendas,
matters, underlag, votes, jäv and protocols) is repeated for every year,
dates and ids shifted (B-2026-03 -> B-2031-03), with two more
arbetsutskottet meetings a year (10 in all) and every protocol given the
discussion text of a real one (~8 KB of Markdown, as SweCan-sized protocols
run to 3–5 pages). The partner list is padded with copies to the requested
size. The withdrawn
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


# A realistic paragraph of minutes: the protocols shipped as examples are
# deliberately short, real ones record the discussion under every paragraph.
DISCUSSION = (
    "Diskussion: Ledamöterna diskuterade ärendet utifrån det utsända underlaget. "
    "Företrädare för hälso- och sjukvården lyfte behovet av att resultaten når "
    "patienterna i hela landet, och akademins företrädare betonade vikten av "
    "öppna data och gemensamma kvalitetsregister. Näringslivets företrädare "
    "framhöll möjligheterna till samverkan kring kliniska studier, och "
    "civilsamhällets företrädare påminde om att patientperspektivet ska finnas "
    "med från början. Kansliet redogjorde för tidplanen och för hur frågan "
    "hänger ihop med den europeiska cancermissionen. Flera ledamöter ställde "
    "frågor om finansiering och om hur arbetet följs upp under året."
)
PARAGRAPHS_PER_PROTOCOL = 8

# Two arbetsutskottet meetings a year besides the shipped eight (10 a year).
EXTRA_MEETINGS = ("06-24", "10-22")


def protocol_text(text: str) -> str:
    """The shipped protocol with discussion text under each § and extra §§ to ~8 KB."""
    text = re.sub(r"(\n## § \d+ [^\n]*\n)", r"\1\n" + DISCUSSION + "\n", text)
    extra = "".join(
        f"\n### Anteckning {n}\n\n{DISCUSSION}\n" for n in range(1, PARAGRAPHS_PER_PROTOCOL)
    )
    return text.rstrip("\n") + "\n" + extra


def extra_meeting(year: int, month_day: str, number: int) -> tuple[str, str]:
    """mote.yaml and protokoll.md of an extra arbetsutskottet meeting (one decision)."""
    day = f"{year}-{month_day}"
    decision, matter = f"B-{year}-{90 + number}", f"Ä-{year}-{90 + number}"
    meeting = f"""exempeldata: true
organ: arbetsutskottet
datum: {day}
tid: "09:00"
sluttid: "11:00"
form: digitalt
status: genomfört
mötesordförande: ordförande
dagordning:
  - punkt: 1
    rubrik: Mötets öppnande
  - punkt: 2
    rubrik: Uppföljning av handlingsplanen
    ärende: {matter}
  - punkt: 3
    rubrik: Mötets avslutande
ärenden:
  - id: {matter}
    rubrik: Uppföljning av handlingsplanen {year}
    väckt_av: [kansliet]
närvaro: [rcc-vast, rcc-norr, region-skane, karolinska-institutet, folkhalsomyndigheten,
  lif, cancerfonden, barncancerfonden]
protokoll:
  status: färdigställt
  färdigställt: {day}
beslut:
  - id: {decision}
    paragraf: 2
    ärende: {matter}
    rubrik: Uppföljning av handlingsplanen
    text: Arbetsutskottet lägger uppföljningen till handlingarna.
    metod: konsensus
"""
    protocol = f"""# Protokoll från arbetsutskottets möte {day}

## § 1 Mötets öppnande

Ordföranden öppnade mötet.

## § 2 Uppföljning av handlingsplanen

Arbetsutskottet beslutade att lägga uppföljningen till handlingarna (beslut {decision}).

## § 3 Mötets avslutande

Ordföranden avslutade mötet.
"""
    return meeting, protocol_text(protocol)


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
                    text = shift_years(file.read_text(encoding="utf-8"), offset)
                    if file.name == "protokoll.md":
                        text = protocol_text(text)
                    (target / file.name).write_text(text, encoding="utf-8")
                else:
                    shutil.copy2(file, target / file.name)
        for number, month_day in enumerate(EXTRA_MEETINGS, start=1):
            year = FIRST_YEAR + offset
            target = out / "meetings" / f"{year}-{month_day}-arbetsutskottet"
            target.mkdir(parents=True)
            meeting, protocol = extra_meeting(year, month_day, number)
            (target / "mote.yaml").write_text(meeting, encoding="utf-8")
            (target / "protokoll.md").write_text(protocol, encoding="utf-8")
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
