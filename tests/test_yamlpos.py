"""The position-keeping YAML reader: YAML 1.1 surprises, duplicates, positions."""

from __future__ import annotations

import pytest

from swecan_site import yamlpos


def test_plain_scalars_resolve_only_to_safe_types() -> None:
    doc = yamlpos.parse(
        "a: 13:30\nb: no\nc: 2026-03-12\nd: 0777\ne: true\nf: 12\ng: 1.5\nh:\ni: ~\nj: '12'\n"
    )
    assert doc.data == {
        "a": "13:30",
        "b": "no",
        "c": "2026-03-12",
        "d": "0777",
        "e": True,
        "f": 12,
        "g": 1.5,
        "h": None,
        "i": None,
        "j": "12",
    }


def test_positions_of_values_and_keys() -> None:
    doc = yamlpos.parse("top:\n  items:\n    - id: x\n      name:  y\n")
    assert doc.position(("top", "items", 0, "name")) == (4, 14)
    assert doc.position(("top", "items", 0, "name"), key=True) == (4, 7)
    # a collection is found at its key, and a missing path at its nearest parent
    assert doc.position(("top", "items")) == (2, 3)
    assert doc.position(("top", "items", 0, "missing")) == (3, 7)


def test_duplicate_key_names_both_lines() -> None:
    with pytest.raises(yamlpos.YamlProblem) as exc:
        yamlpos.parse("a: 1\nb: 2\na: 3\n")
    assert (exc.value.rule, exc.value.line) == ("SC002", 3)
    assert "rad 1" in exc.value.message


def test_front_matter_positions_are_file_lines() -> None:
    doc, body, body_line = yamlpos.split_front_matter("---\ntitel: X\når: 2026\n---\n# Rubrik\n")
    assert doc is not None and doc.data == {"titel": "X", "år": 2026}
    assert doc.position(("år",)) == (3, 5)
    assert body == "# Rubrik\n" and body_line == 5


@pytest.mark.parametrize(
    ("raw", "rule", "line"),
    [
        (b"\xef\xbb\xbfa: 1\n", "SC004", 1),
        (b"a: 1\nb: \xe5\n", "SC004", 2),
    ],
)
def test_decode_errors(raw: bytes, rule: str, line: int) -> None:
    with pytest.raises(yamlpos.YamlProblem) as exc:
        yamlpos.decode(raw)
    assert (exc.value.rule, exc.value.line) == (rule, line)


@pytest.mark.parametrize(
    ("text", "rule", "line"),
    [
        ("", "SC005", 1),
        ("# only a comment\n", "SC005", 1),
        ("a: 1\n\tb: 2\n", "SC003", 2),
        ("a: 1\nb: 'open\nc: 3\n", "SC001", 4),
        ("a: 1\n---\nb: 2\n", "SC001", 2),
        ("a: 1\nb: x\x07\n", "SC001", 2),
        ("? [a, b]\n: 1\n", "SC003", 1),
    ],
)
def test_parse_errors(text: str, rule: str, line: int) -> None:
    with pytest.raises(yamlpos.YamlProblem) as exc:
        yamlpos.parse(text)
    assert (exc.value.rule, exc.value.line) == (rule, line)
