"""Output for operators: GitHub workflow commands carry data only as data.

A file name or message from a pull request must not end an annotation, add a
property or start a second command (GitHub's toolkit: escapeData for the
message, escapeProperty for file and title).
"""

from __future__ import annotations

from swecan_site.problems import Kind, Location, Problem, Severity, format_github

HOSTILE_FILE = "meetings/a,title=x:y\r\n::error file=owned.yaml::pwned/mote.yaml"


def _problem(file: str, message: str) -> Problem:
    return Problem(Location(file, 3, 4), "SC304", "3.2", Severity.WARNING, Kind.COMPLIANCE, message)


def test_a_hostile_file_name_stays_one_property_of_one_command() -> None:
    out = format_github([_problem(HOSTILE_FILE, "ok")])
    assert out.count("\n") == 0 and out.count("::") == 2  # '::warning …::ok'
    head, message = out[2:].split("::")
    properties = dict(item.split("=", 1) for item in head.removeprefix("warning ").split(","))
    assert set(properties) == {"file", "line", "col", "title"}
    assert properties["file"] == (
        "meetings/a%2Ctitle=x%3Ay%0D%0A%3A%3Aerror file=owned.yaml%3A%3Apwned/mote.yaml"
    )
    assert properties["title"] == "SC304 (§3.2)" and message == "ok"


def test_a_message_keeps_its_colons_and_commas_but_not_its_line_breaks() -> None:
    out = format_github([_problem("partners.yaml", "a, b: 100 %\n::error::x")])
    assert out.endswith("::a, b: 100 %25%0A::error::x")
    assert out.count("\n") == 0
