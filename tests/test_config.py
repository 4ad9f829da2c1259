"""Parameter versions in force by date, and severity overrides."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from swecan_site.config import Config, Parameters
from swecan_site.problems import Severity

from .conftest import DataRepo


def test_defaults_are_the_arbetsordnings_numbers() -> None:
    p = Parameters()
    assert (p.notice_days, p.matter_days_before_notice, p.protocol_days) == (30, 14, 14)
    assert p.physical_meetings_per_year == 2
    assert p.quorum_share == Fraction(1, 2) and p.rules_change_majority == Fraction(2, 3)
    assert sorted(p.first_year_caps.values()) == [3, 9, 15, 20, 27]
    assert (p.committee_size, p.committee_per_sector) == (15, 3)
    assert (p.member_term_years, p.member_reelections) == (2, 1)
    assert (p.chair_term_years, p.chair_reelections) == (1, 2)


def test_each_date_is_judged_by_the_version_in_force() -> None:
    v2 = Parameters(notice_days=40)
    config = Config(versions=[(date(2027, 1, 1), v2)])
    assert config.params_at(date(2026, 12, 31)).notice_days == 30
    assert config.params_at(date(2027, 1, 1)).notice_days == 40


def test_operating_years() -> None:
    config = Config(first_operating_year_start=date(2026, 7, 1))
    assert config.operating_year(date(2026, 6, 30)) == 0
    assert config.operating_year(date(2026, 7, 1)) == 1
    assert config.operating_year(date(2027, 6, 30)) == 1
    assert config.operating_year(date(2027, 7, 1)) == 2
    assert config.operating_year_bounds(2) == (date(2027, 7, 1), date(2028, 6, 30))


def test_versions_accumulate_in_the_config_file(repo: DataRepo) -> None:
    repo.replace(
        "swecan.yaml",
        "    report_deadline_days: 120\n",
        "    report_deadline_days: 120\n  - in_force_from: 2027-01-01\n    notice_days: 35\n",
    )
    config = repo.check().dataset.config
    later = config.params_at(date(2027, 2, 1))
    assert later.notice_days == 35 and later.report_deadline_days == 120


def test_severity_override_turns_a_finding_off_or_into_an_error(repo: DataRepo) -> None:
    assert [p.severity for p in repo.check().problems] == [Severity.WARNING]
    repo.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: off")
    assert repo.check().problems == []
    repo.replace("swecan.yaml", "  SC304: off", "  SC304: error")
    report = repo.check()
    assert [p.severity for p in report.problems] == [Severity.ERROR]
    assert report.exit_code() == 1
