"""What keeps a build fast may not change what it publishes: the data is checked
once per `swecan-site build`, and the view's indexes answer as a full scan would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from swecan_site import check as check_module
from swecan_site.cli import main
from swecan_site.public import PublicView, subject_id
from swecan_site.rules.base import Basis

from .conftest import DataRepo
from .test_build import project_copy


def test_swecan_site_build_checks_the_data_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_copy(tmp_path)
    calls = []
    real = check_module.load

    def counting(path: Path):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real(path)

    monkeypatch.setattr(check_module, "load", counting)
    code = main(["--root", str(root), "build", "--as-of", "2026-11-22",
                 "--config-file", str(root / "mkdocs.yml")])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert len(calls) == 1
    assert (root / "site/moten/2026-06-10-partnerskapet/index.html").is_file()


@pytest.mark.parametrize("as_of", [date(2026, 11, 22), date(2027, 1, 5)])
def test_findings_for_answers_as_a_scan_of_every_finding(repo: DataRepo, as_of: date) -> None:
    view = PublicView(repo.check(as_of))
    findings = view.findings()
    assert findings, "no findings to look up: the test would prove nothing"
    subjects = {e.result.subject for e in findings}
    keys = [*subjects, *(subject_id(s) for s in subjects), "no-such-subject"]
    for key in keys:
        expected = [
            e
            for e in findings
            if (e.result.subject == key or subject_id(e.result.subject) == key)
            and e.rule.basis is not Basis.TARGET
        ]
        assert view.findings_for([key]) == expected
    assert view.findings_for(keys) == [e for e in findings if e.rule.basis is not Basis.TARGET]
