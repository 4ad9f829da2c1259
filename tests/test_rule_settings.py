"""`swecan-site explain` shows the severity and parameters in force under swecan.yaml."""

from __future__ import annotations

import ast
import inspect
import textwrap

import pytest

from swecan_site.cli import main
from swecan_site.config import Parameters
from swecan_site.rule_settings import parameter_names
from swecan_site.rules import BY_ID, REGISTRY

from .conftest import REPO, DataRepo


def explain(root, capsys, *args: str) -> str:
    code = main(["--root", str(root), "explain", *args])
    out, _ = capsys.readouterr()
    assert code == 0
    return out


def test_a_configured_severity_is_shown_with_its_line_and_the_default(capsys) -> None:
    out = explain(REPO, capsys, "SC301")
    line = DataRepo(REPO).line_of("swecan.yaml", "  SC301: error")
    assert f"Allvarlighetsgrad: fel (satt i swecan.yaml rad {line}; standard: varning)." in out


def test_an_unconfigured_rule_shows_its_default(capsys) -> None:
    out = explain(REPO, capsys, "SC302", "--as-of", "2026-11-22")
    assert "Allvarlighetsgrad: varning.\n" in out
    assert "Parametrar i swecan.yaml per 22 november 2026:" in out
    assert "  notice_days: 30 (standard) – §3.1 kallelse" in out


VERSIONS = """parameters:
  - in_force_from: 2026-01-01
    # §7 sets no deadline for the annual report; the kansli's own target (SC208).
    report_deadline_days: 120
  - in_force_from: 2027-01-01
    notice_days: 21
    tie_outcome: utslagsröst
"""


@pytest.fixture
def configured(repo: DataRepo) -> DataRepo:
    repo.replace(
        "swecan.yaml",
        "parameters:\n  - in_force_from: 2026-01-01\n"
        "    # §7 sets no deadline for the annual report; the kansli's own target (SC208).\n"
        "    report_deadline_days: 120\n",
        VERSIONS,
    )
    repo.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC302: off")
    return repo


def test_a_changed_parameter_is_marked_with_its_date_and_default(configured, capsys) -> None:
    out = explain(configured.root, capsys, "SC302", "--as-of", "2027-02-01")
    assert "  notice_days: 21 (ändrad från 2027-01-01; standard: 30)" in out
    line = configured.line_of("swecan.yaml", "  SC302: off")
    assert f"Allvarlighetsgrad: av (satt i swecan.yaml rad {line}; standard: varning)." in out


def test_before_a_version_takes_effect_its_change_is_announced(configured, capsys) -> None:
    out = explain(configured.root, capsys, "SC302", "--as-of", "2026-11-22")
    assert "  notice_days: 30 (standard; från 2027-01-01: 21)" in out


def test_the_interpretation_in_force_is_marked(configured, capsys) -> None:
    before = explain(configured.root, capsys, "SC402", "--as-of", "2026-11-22")
    after = explain(configured.root, capsys, "SC402", "--as-of", "2027-02-01")
    assert "tie_outcome: avslag (standard, gäller)" in before
    assert "tie_outcome: utslagsröst (alternativ) –" in before
    assert "tie_outcome: utslagsröst (alternativ, gäller)" in after
    assert "  tie_outcome: utslagsröst (ändrad från 2027-01-01; standard: avslag)" in after


def test_an_unreadable_swecan_yaml_falls_back_to_the_defaults(repo: DataRepo, capsys) -> None:
    repo.replace("swecan.yaml", "  SC301: error", "  SC301: sometimes")
    code = main(["--root", str(repo.root), "explain", "SC301"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "swecan.yaml kan inte läsas" in err and "standardvärden" in err
    assert "Allvarlighetsgrad: varning.\n" in out


def test_a_rule_can_be_named_and_a_misspelt_id_gets_a_suggestion(capsys) -> None:
    assert explain(REPO, capsys, "kallelse-i-tid").startswith("SC302 kallelse-i-tid")
    code = main(["--root", str(REPO), "explain", "SC3O2"])
    _, err = capsys.readouterr()
    assert code == 1 and "Ingen regel heter SC3O2. Menade du 'SC302'?" in err


@pytest.mark.parametrize("rule", [r for r in REGISTRY if r.check], ids=lambda r: r.id)
def test_every_parameter_a_rule_reads_is_named_in_its_documentation(rule) -> None:
    """explain finds a rule's parameters in its docstring: a parameter the code reads but
    the text does not name would be missing from explain's list."""
    fields = set(Parameters.model_fields)
    tree = ast.parse(textwrap.dedent(inspect.getsource(rule.check)))
    read = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in fields}
    assert read <= set(parameter_names(rule)), read - set(parameter_names(rule))


def test_a_rule_without_parameters_lists_none(capsys) -> None:
    assert parameter_names(BY_ID["SC039"]) == []
    assert "Parametrar" not in explain(REPO, capsys, "SC039")
