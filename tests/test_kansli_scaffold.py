"""`swecan-site ny …`: generated files pass `check` as written and never overwrite."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from swecan_site.cli import main
from swecan_site.problems import Kind

from .conftest import DataRepo

AS_OF = date(2026, 11, 26)


def run(repo: DataRepo, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(repo.root), *args, "--as-of", AS_OF.isoformat()])
    out, err = capsys.readouterr()
    return code, out, err


def no_data_errors(repo: DataRepo) -> None:
    report = repo.check(AS_OF)
    errors = [p for p in report.problems if p.kind is Kind.DATA]
    assert not errors, errors
    assert report.exit_code() == 0


def test_new_meeting(repo: DataRepo, capsys) -> None:
    code, out, _ = run(repo, capsys, "ny", "möte", "--organ", "partnerskapet", "--datum",
                       "2027-03-11")  # fmt: skip
    assert code == 0
    file = "meetings/2027-03-11-partnerskapet/mote.yaml"
    text = repo.read(file)
    # every field of the model is written, each with a Swedish comment
    data = yaml.safe_load(text)
    for key in ("organ", "rubrik", "datum", "tid", "sluttid", "form", "plats", "extrainsatt",
                "status", "kallelse_skickad", "mötesordförande", "dagordning", "ärenden",
                "närvaro", "protokoll", "beslut"):  # fmt: skip
        assert key in data, key
    assert "senast 2027-02-09" in text  # 30 days before, from the parameters in force
    assert "Skicka kallelsen senast 2027-02-09" in out
    assert text.startswith("# yaml-language-server: $schema=../../schemas/mote.schema.json")
    no_data_errors(repo)
    # the kallelse deadline is now a frist
    code = main(["--root", str(repo.root), "frister", "--as-of", "2027-01-20", "--dagar", "30"])
    out, _ = capsys.readouterr()
    assert "2027-02-09" in out and "2027-03-11-partnerskapet" in out and "SC302" in out


def test_new_meeting_refuses_to_overwrite(repo: DataRepo, capsys) -> None:
    args = ("ny", "möte", "--organ", "partnerskapet", "--datum", "2026-12-03")
    before = repo.read("meetings/2026-12-03-partnerskapet/mote.yaml")
    code, _, err = run(repo, capsys, *args)
    assert code == 1 and "finns redan" in err
    assert repo.read("meetings/2026-12-03-partnerskapet/mote.yaml") == before


def test_new_protocol_has_the_agenda_as_paragraphs(repo: DataRepo, capsys) -> None:
    code, out, _ = run(repo, capsys, "new", "protocol", "2026-12-03-partnerskapet")
    assert code == 0, out
    text = repo.read("meetings/2026-12-03-partnerskapet/protokoll.md")
    assert "## § 1 Mötets öppnande" in text and "## § 7 Mötets avslutande" in text
    assert "status: utkast" in out
    no_data_errors(repo)
    code, _, err = run(repo, capsys, "ny", "protokoll", "2026-12-03-partnerskapet")
    assert code == 1 and "finns redan" in err


def test_new_protocol_suggests_a_meeting(repo: DataRepo, capsys) -> None:
    code, _, err = run(repo, capsys, "ny", "protokoll", "2026-12-03-partnerskape")
    assert code == 1 and "Menade du '2026-12-03-partnerskapet'?" in err


def test_new_partner_appends_without_reformatting(repo: DataRepo, capsys) -> None:
    before = repo.read("partners.yaml")
    code, out, _ = run(repo, capsys, "ny", "partner", "--id", "cancerfonden-test", "--namn",
                       "Test: 'citat' & mer", "--sektor", "civilsamhälle", "--ansluten",
                       "2026-11-20")  # fmt: skip
    assert code == 0, out
    after = repo.read("partners.yaml")
    # civilsamhälle is the file's last group: the entry goes last; the rest is untouched
    assert after.startswith(before)  # comments and layout untouched
    assert "  - id: cancerfonden-test" in after[len(before) :]
    line = repo.line_of("partners.yaml", "  - id: cancerfonden-test")
    assert out.startswith(
        "Lade till partnern 'Test: 'citat' & mer' (cancerfonden-test) i partners.yaml "
        f"(rad {line}), i avsnittet Patientföreningar och civilsamhälle."
    )
    no_data_errors(repo)
    report = repo.check(AS_OF)
    partner = report.dataset.partner("cancerfonden-test")
    assert partner is not None and partner.name == "Test: 'citat' & mer"
    code, _, err = run(repo, capsys, "ny", "partner", "--id", "cancerfonden-test", "--namn",
                       "X", "--sektor", "vård", "--ansluten", "2026-11-20")  # fmt: skip
    assert code == 1 and "finns redan" in err


def test_new_partner_with_a_taken_id_is_refused(repo: DataRepo, capsys) -> None:
    before = repo.read("partners.yaml")
    code, _, err = run(repo, capsys, "ny", "partner", "--id", "region-uppsala", "--namn", "X",
                       "--sektor", "vård", "--ansluten", "2026-11-20")  # fmt: skip
    assert code == 1 and "finns redan" in err
    assert repo.read("partners.yaml") == before


def test_a_malformed_id_is_refused_before_anything_is_written(repo: DataRepo, capsys) -> None:
    before = repo.read("partners.yaml")
    with pytest.raises(SystemExit) as exited:
        run(repo, capsys, "ny", "partner", "--id", "Fel_Id", "--namn", "X",
            "--sektor", "vård", "--ansluten", "2026-11-20")  # fmt: skip
    assert exited.value.code == 3
    assert "är inget giltigt id" in capsys.readouterr().err
    assert repo.read("partners.yaml") == before


def test_new_report(repo: DataRepo, capsys) -> None:
    code, out, _ = run(repo, capsys, "ny", "rapport", "2026", "--typ", "verksamhetsberättelse")
    assert code == 0, out
    text = repo.read("content/rapporter/2026-verksamhetsberattelse.md")
    assert "typ: verksamhetsberättelse" in text and "utkast: true" in text
    assert "pågår till 2026-12-31" in out
    no_data_errors(repo)
