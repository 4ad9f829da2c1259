"""`swecan-site ny …` round 2 (issue 20): order, input, what it says, whose problems."""

from __future__ import annotations

from datetime import date

import pytest

from swecan_site.cli import main
from swecan_site.models import Sector
from swecan_site.partner_order import OrderError, insert, swedish_sort_key

from .conftest import DataRepo

AS_OF = date(2026, 11, 26)
PARTNER = ("ny", "partner", "--ansluten", "2026-11-20")


def run(repo: DataRepo, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(repo.root), *args, "--as-of", AS_OF.isoformat()])
    out, err = capsys.readouterr()
    return code, out, err


def inserted(before: str, after: str) -> str:
    """What was added, checking that every other byte of the file is as it was."""
    start = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
    added = len(after) - len(before)
    assert after[:start] + after[start + added :] == before
    return after[start : start + added]


def test_a_partner_goes_last_in_its_sector_group(repo: DataRepo, capsys) -> None:
    before = repo.read("partners.yaml")
    code, out, _ = run(repo, capsys, *PARTNER, "--id", "region-test", "--namn", "Region Test",
                       "--sektor", "vård")  # fmt: skip
    assert code == 0, out
    after = repo.read("partners.yaml")
    added = inserted(before, after)
    assert added.startswith("\n  - id: region-test") or added.startswith("  - id: region-test")
    lines = after.splitlines()
    line = repo.line_of("partners.yaml", "  - id: region-test")
    # after the last vård partner (region-norrbotten), before the research group's heading
    last_health = repo.line_of("partners.yaml", "  - id: region-norrbotten")
    heading = repo.line_of("partners.yaml", "  # --- Innovation och forskning")
    assert last_health < line < heading
    assert lines[line - 2] == "" and "sektor: vård" in lines[line + 1]
    assert f"i partners.yaml (rad {line}), i avsnittet Hälso- och sjukvård." in out
    report = repo.check(AS_OF)
    assert report.dataset is not None and report.dataset.partner("region-test") is not None


def test_a_name_taken_already_is_refused_and_nothing_written(repo: DataRepo, capsys) -> None:
    before = repo.read("partners.yaml")
    code, _, err = run(repo, capsys, *PARTNER, "--id", "gotland-2", "--namn", " region gotland ",
                       "--sektor", "vård")  # fmt: skip
    line = repo.line_of("partners.yaml", "    namn: Region Gotland\n") - 1
    assert code == 1
    assert (
        f"En partner med namnet 'Region Gotland' finns redan i partners.yaml (id region-gotland, "
        f"rad {line}); inget har skrivits." in err
    )
    assert repo.read("partners.yaml") == before


def test_a_taken_id_names_its_line(repo: DataRepo, capsys) -> None:
    code, _, err = run(repo, capsys, *PARTNER, "--id", "vinnova", "--namn", "Ny", "--sektor",
                       "myndighet")  # fmt: skip
    line = repo.line_of("partners.yaml", "  - id: vinnova")
    assert code == 1 and f"Partnern 'vinnova' finns redan i partners.yaml (rad {line})" in err


def test_a_malformed_time_is_refused_before_anything_is_written(repo: DataRepo, capsys) -> None:
    code, _, err = run(repo, capsys, "ny", "möte", "--organ", "partnerskapet", "--datum",
                       "2027-03-11", "--tid", "25:00")  # fmt: skip
    assert code == 1 and "Tiden '25:00' ska skrivas TT:MM" in err
    assert not repo.path("meetings/2027-03-11-partnerskapet").exists()


def test_a_cancelled_meeting_gets_no_protocol(repo: DataRepo, capsys) -> None:
    repo.replace("meetings/2026-12-03-partnerskapet/mote.yaml", "status: planerat",
                 "status: inställt")  # fmt: skip
    code, _, err = run(repo, capsys, "ny", "protokoll", "2026-12-03-partnerskapet")
    assert code == 1 and "är inställt" in err
    assert not repo.path("meetings/2026-12-03-partnerskapet/protokoll.md").exists()


def test_another_files_error_is_not_blamed_on_the_new_file(repo: DataRepo, capsys) -> None:
    """Before issue 20 `ny rapport` removed its file for an SC028 in content/start.md."""
    repo.write("content/start.md", repo.read("content/start.md") + "\nTODO: skriv mer.\n")
    code, out, err = run(repo, capsys, "ny", "rapport", "2026", "--typ", "verksamhetsberättelse")
    assert code == 0, err
    assert out.startswith("Skapade content/rapporter/2026-verksamhetsberattelse.md.")
    assert repo.path("content/rapporter/2026-verksamhetsberattelse.md").exists()
    assert "1 annat problem finns i andra filer; kör swecan-site check." in out
    assert "content/start.md" not in out and "SC028" not in out


def test_the_check_speaks_about_the_new_file(repo: DataRepo, capsys) -> None:
    """A finding on what was written is shown with its line (here: the notice is late)."""
    code, out, _ = run(repo, capsys, "ny", "möte", "--organ", "partnerskapet", "--datum",
                       "2026-12-10")  # fmt: skip
    assert code == 0
    line = repo.line_of("meetings/2026-12-10-partnerskapet/mote.yaml", "status: planerat")
    assert f"meetings/2026-12-10-partnerskapet/mote.yaml:{line}:" in out and "SC302" in out
    assert "SC304" not in out  # the shipped finding is in another file: counted, not shown
    assert "1 annat problem finns i andra filer" in out


def test_a_scaffolded_protocol_warns_once_completed(repo: DataRepo, capsys) -> None:
    """The protocol's [FYLL I: …] markers: nothing while utkast, SC039 once färdigställt."""
    folder = "meetings/2026-10-01-partnerskapet"
    repo.delete(f"{folder}/protokoll.md")
    repo.replace(f"{folder}/mote.yaml", "  status: färdigställt", "  status: utkast")
    code, out, _ = run(repo, capsys, "ny", "protokoll", "2026-10-01-partnerskapet")
    assert code == 0, out
    text = repo.read(f"{folder}/protokoll.md")
    assert "[FYLL I: vad som sades och beslutades]" in text and "FYLL I:" not in text.replace(
        "[FYLL I:", ""
    )
    assert not [p for p in repo.check().problems if p.rule == "SC039"]
    repo.replace(f"{folder}/mote.yaml", "  status: utkast", "  status: färdigställt")
    found = [p for p in repo.check().problems if p.rule == "SC039"]
    markers = [n for n, line in enumerate(text.splitlines(), 1) if "[FYLL I:" in line]
    assert sorted(p.location.line for p in found) == markers
    assert all(p.location.file == f"{folder}/protokoll.md" for p in found)
    assert all(p.severity == "warning" for p in found)
    assert main(["--root", str(repo.root), "check", "--as-of", "2026-11-22"]) == 0
    assert main(["--root", str(repo.root), "check", "--as-of", "2026-11-22", "--strict"]) == 2
    capsys.readouterr()


# --- partner_order: where an entry goes ------------------------------------------------

ENTRY = ["- id: ny", "  namn: {name}", "  sektor: {sector}"]


def entry(name: str, sector: Sector) -> list[str]:
    return [line.format(name=name, sector=sector) for line in ENTRY]


SORTED = """partners:

  # --- Myndigheter
  - id: a
    namn: Folkhälsomyndigheten
    sektor: myndighet

  - id: b
    namn: Vinnova
    sektor: myndighet

  - id: c
    namn: Åklagarmyndigheten
    sektor: myndighet


  # --- Näringsliv
  - id: d
    namn: Lif
    sektor: näringsliv
"""


def test_a_group_in_alphabetical_order_keeps_it() -> None:
    text, line = insert(SORTED, entry("Vårdanalys", Sector.AGENCY), Sector.AGENCY, "Vårdanalys")
    lines = text.splitlines()
    assert lines[line - 1] == "  - id: ny"
    names = [ln.split(": ", 1)[1] for ln in lines if "namn:" in ln]
    assert names == ["Folkhälsomyndigheten", "Vinnova", "Vårdanalys", "Åklagarmyndigheten", "Lif"]
    assert text.replace("  - id: ny\n    namn: Vårdanalys\n    sektor: myndighet\n\n", "") == SORTED


def test_a_first_name_goes_after_the_heading() -> None:
    text, line = insert(SORTED, entry("Arbetsmiljöverket", Sector.AGENCY), Sector.AGENCY, "A")
    assert text.splitlines()[line - 2] == "  # --- Myndigheter"


def test_a_sector_without_a_group_gets_a_heading_in_sector_order() -> None:
    text, line = insert(SORTED, entry("Region X", Sector.HEALTH), Sector.HEALTH, "Region X")
    lines = text.splitlines()
    assert lines[line - 2] == "  # --- Hälso- och sjukvård"
    assert lines.index("  # --- Hälso- och sjukvård") < lines.index("  # --- Myndigheter")
    text, line = insert(SORTED, entry("Org", Sector.CIVIL), Sector.CIVIL, "Org")
    assert text.startswith(SORTED) and text.splitlines()[line - 2].startswith("  # --- Patient")
    text, line = insert(SORTED, entry("Forsk", Sector.RESEARCH), Sector.RESEARCH, "Forsk")
    assert text.splitlines()[line - 2] == "  # --- Innovation och forskning"
    assert text.index("Innovation") < text.index("Myndigheter")


def test_an_empty_list_and_a_flow_list() -> None:
    text, line = insert("exempeldata: true\npartners:\n", entry("X", Sector.HEALTH),
                        Sector.HEALTH, "X")  # fmt: skip
    assert text.splitlines()[line - 1] == "  - id: ny"
    with pytest.raises(OrderError):
        insert("partners: []\n", entry("X", Sector.HEALTH), Sector.HEALTH, "X")


def test_swedish_alphabetical_order() -> None:
    names = ["Örebro", "Västerås", "Åre", "Ängelholm", "Eslöv", "Zürich", "Écully", "apotek"]
    assert sorted(names, key=swedish_sort_key) == [
        "apotek", "Écully", "Eslöv", "Västerås", "Zürich", "Åre", "Ängelholm", "Örebro",
    ]  # fmt: skip
