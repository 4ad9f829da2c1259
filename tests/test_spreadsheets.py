"""Issue 17: a table a Swedish spreadsheet opens correctly, beside the RFC 4180 CSV.

data/<name>.csv stays RFC 4180 (comma, UTF-8 without a byte-order mark) for
programs; data/kalkylblad/<name>.csv is the same table for a spreadsheet:
UTF-8 with a byte-order mark, semicolons (the Swedish list separator), "ja"/"nej".
In both, text that a spreadsheet would run as a formula is made inert with a
leading apostrophe (issue 18); the JSON keeps the value. It is read back
here by Python's csv module and by LibreOffice Calc (Debian's
libreoffice-calc-nogui, headless), importing it as a Swedish spreadsheet does:
semicolon-separated Unicode. The test skips without LibreOffice, and fails
without it in CI.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from datetime import date

import pytest

from swecan_site.check import check
from swecan_site.outputs import tables, write_all
from swecan_site.public import PublicView

from .conftest import copy_data

AS_OF = date(2026, 11, 22)
HOSTILE = '=HYPERLINK("https://evil.example/";"klicka")'


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The shipped data with a partner name a spreadsheet would take for a formula."""
    repo = copy_data(tmp_path_factory.mktemp("sheets") / "data")
    repo.replace("partners.yaml", "    namn: Region Uppsala\n", f"    namn: '{HOSTILE}'\n")
    view = PublicView(check(repo.root, AS_OF), base_url="https://swecan.example.se/")
    return write_all(view)


def test_the_machine_csv_is_rfc_4180_without_a_byte_order_mark(files) -> None:
    for name in tables.COLUMNS:
        data = files[f"data/{name}.csv"]
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
        header = next(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert header == [c[0] for c in tables.COLUMNS[name]]


def test_the_spreadsheet_edition_has_the_same_rows(files) -> None:
    for name in tables.COLUMNS:
        machine = list(csv.DictReader(io.StringIO(files[f"data/{name}.csv"].decode("utf-8"))))
        sheet = files[f"data/kalkylblad/{name}.csv"]
        assert sheet.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(sheet.decode("utf-8-sig")), delimiter=";"))
        assert len(rows) == len(machine) and list(rows[0]) == list(machine[0])
        for ours, theirs in zip(rows, machine, strict=True):
            for key, value in theirs.items():
                expected = {"true": "ja", "false": "nej"}.get(value, value)
                if expected.startswith(tables.FORMULA_START):
                    expected = "'" + expected
                assert ours[key] == expected, (name, key)


def test_a_formula_in_the_data_is_inert_in_every_csv_and_unchanged_in_the_json(files) -> None:
    sheet = files["data/kalkylblad/partners.csv"].decode("utf-8-sig")
    names = [r["namn"] for r in csv.DictReader(io.StringIO(sheet), delimiter=";")]
    assert "'" + HOSTILE in names and HOSTILE not in names
    machine = files["data/partners.csv"].decode("utf-8")
    names = [r["namn"] for r in csv.DictReader(io.StringIO(machine))]
    assert "'" + HOSTILE in names and HOSTILE not in names
    partners = json.loads(files["data/partners.json"])["data"]
    assert HOSTILE in [p["name"] for p in partners]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("LibreOffice Calc is required in CI (apt-get install libreoffice-calc-nogui)")
    pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")


def test_libreoffice_reads_the_spreadsheet_edition_with_swedish_letters(files, tmp_path) -> None:
    soffice = _soffice()
    source = tmp_path / "beslut.csv"
    source.write_bytes(files["data/kalkylblad/beslut.csv"])
    profile = tmp_path / "profile"
    # import: semicolon (59), quote '"' (34), Unicode UTF-8 (76); export the cells
    # as LibreOffice read them: comma (44), quote, UTF-8
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
         "--infilter=CSV:59,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    out = tmp_path / "out" / "beslut.csv"
    assert out.is_file(), result.stdout + result.stderr
    cells = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    expected = list(
        csv.reader(io.StringIO(files["data/beslut.csv"].decode("utf-8")))
    )  # the machine CSV: the same table
    assert cells[0] == expected[0]
    assert len(cells) == len(expected)
    titles = {row[expected[0].index("rubrik")] for row in cells[1:]}
    assert titles == {row[expected[0].index("rubrik")] for row in expected[1:]}
    assert any(ch in "".join(titles) for ch in "åäö")
