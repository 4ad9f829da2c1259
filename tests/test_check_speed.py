"""The check's fast paths give exactly what the straightforward code gives.

Issue 8's budget made `check` take short cuts: libyaml's composer instead of
the event builder, cheap filters before the personnummer, e-mail and Markdown
scans, facts remembered per Context, fewer system calls. Each short cut is
compared here with the code it replaces – the event builder (still in
yamlpos), or the former implementation written out below – on generated
input and on a synthetic archive. The timings themselves are in benchmarks/
(no timed assertions in tests).
"""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from swecan_site import dataset, facts, limits, loader, safe_files, yamlpos
from swecan_site.check import check
from swecan_site.facts import Context
from swecan_site.models import PARAGRAPH_HEADING, SECTOR_NAMES, Partner, PartnersFile, Sector
from swecan_site.rules import Result, Status, privacy
from swecan_site.rules.base import SubjectRef, failed, met
from swecan_site.rules.common import fmt
from swecan_site.rules.integrity import protocol_paragraphs
from swecan_site.rules.partners import first_year_caps

from .conftest import REPO, copy_data

sys.path.insert(0, str(REPO / "benchmarks"))
from make_archive import make

pytestmark = pytest.mark.skipif(yamlpos._COMPOSER is None, reason="PyYAML without libyaml")


# --- YAML: libyaml's composer against the event builder ---------------------------------


@contextmanager
def event_builder_only() -> Iterator[None]:
    saved = yamlpos._COMPOSER
    yamlpos._COMPOSER = None
    try:
        yield
    finally:
        yamlpos._COMPOSER = saved


def outcome(text: str) -> tuple[Any, ...]:
    try:
        doc = yamlpos.parse(text)
    except yamlpos.YamlProblem as exc:
        return ("problem", exc.rule, exc.message, exc.line, exc.column)
    return ("ok", doc.data, doc.values, doc.keys, doc.collections, doc.mappings)


def assert_same_as_event_builder(text: str) -> None:
    fast = outcome(text)
    with event_builder_only():
        reference = outcome(text)
    assert fast == reference


def _data() -> st.SearchStrategy[Any]:
    words = st.text(alphabet="ab :-#*_[]{}<>&!|'\"\n1.", max_size=30)
    scalars = st.none() | st.booleans() | st.integers() | words | st.floats(allow_nan=False)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4),
        max_leaves=25,
    )


@settings(max_examples=300, deadline=None)
@given(_data(), st.sampled_from([None, False, True]))
def test_composer_reads_dumped_data_like_the_event_builder(data: Any, flow: bool | None) -> None:
    assert_same_as_event_builder(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow))


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ,?%@`\\0123\ufeff")), max_size=120)
)
@example("a: &x 1\nb: *x\n")  # an alias
@example("a: &x [*x]\n")  # an alias to itself
@example("a: ! x\n")  # the bare tag the composer would resolve away
@example("a: !!str 5\n")
@example("a:\n\ufeff!!str b\n")
@example("a: 1\na: 2\n")  # a duplicate key
@example("? [a]\n: b\n")  # a key that is not a scalar
@example("a: 1\n---\nb: 2\n")  # two documents
@example("# only a comment\n")
@example("---\n")
@example('a: "\\x01"\n')  # a character out of bounds, written as an escape
@example("a: 1234567890123\n")  # a number too long
@example("[" * 60 + "]" * 60)  # nested too deeply
def test_composer_reads_noise_like_the_event_builder(text: str) -> None:
    assert_same_as_event_builder(text)


def test_composer_reads_deep_and_large_files_like_the_event_builder() -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(55)) + "  " * 55 + "x\n"
    large = "".join(f"- {i}\n" for i in range(limits.MAX_YAML_NODES + 5))
    flow = "{" + ",".join(f"k{i}" for i in range(limits.MAX_YAML_NODES)) + "}\n"
    markdown = "text: |\n" + "".join("  " + "> " * i + "x\n" for i in range(25))
    brackets = "text: " + "[" * 30 + "x" + "]" * 30 + "\n"
    for text in (deep, large, flow, markdown, brackets):
        assert_same_as_event_builder(text)


def test_the_shipped_files_take_the_fast_path() -> None:
    """Every YAML file of the shipped data is read by the composer (not the fallback)."""
    files = [p for p in REPO.glob("**/*.yaml") if "tests" not in p.parts]
    files = [p for p in files if ".git" not in p.parts and "node_modules" not in p.parts]
    assert len(files) > 10
    for path in files:
        text = yamlpos.decode(path.read_bytes())
        assert yamlpos._plain_enough(text), path
        fast = yamlpos._compose(text, 0)
        assert fast is not None, path
        with event_builder_only():
            reference = yamlpos.parse(text)
        assert (fast.data, fast.values, fast.keys) == (
            reference.data,
            reference.values,
            reference.keys,
        ), path
        assert (fast.collections, fast.mappings) == (reference.collections, reference.mappings)


# --- privacy: the filters before the personnummer scan ----------------------------------


def reference_personal_numbers(text: str) -> list[tuple[int, int]]:
    """The scan without its filters: what personal_numbers() did before."""
    seen, starts, offsets = privacy.normalise(text)
    found = []
    for match in privacy._PNR_SEEN.finditer(seen):
        if privacy.looks_like_personnummer(match.group(1), match.group(2)):
            offset = privacy.source_offset(match.start(), starts, offsets)
            line_start = text.rfind("\n", 0, offset) + 1
            found.append((text.count("\n", 0, offset) + 1, offset - line_start + 1))
    return found


_PIECES = [
    "19121212-1212", "121212-1212", "121212+1212", "1212", "12", "1", "9", "0", "-", "+", " ",
    "\n", "\t", "*", "_", "`", "~", "\\", "&#49;", "&#x32;", "&amp;", "<b>", "</b>", "\\x31",
    "\u00ad", "\u200b", "\u00a0", "\u2009", "\u2013", "\uff11", "\uff12", "\u00b2", "\u00bc",
    "\u2460", "\u3251", "\u0661", "å", "ä", "Ö", "é", "§", "ÅÅÅÅ", "Diskussion: ", "B-2026-03",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("Testperson 19121212-1212")
@example("\uff11\uff19\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12")
@example("1912*12*12-1212")
@example("\u3251\u3251\u3251-1212")
def test_personnummer_filters_change_nothing(text: str) -> None:
    assert list(privacy.personal_numbers(text)) == reference_personal_numbers(text)
    assert privacy._digits_enough(text) == (sum(map(str.isdigit, text)) >= 10)


def test_personnummer_filter_finds_the_known_ones() -> None:
    for text in [
        "19121212-1212",
        "121212-1212",
        "**1212**12-1212",
        "\uff11\uff12\uff11\uff12\uff11\uff12-1212",
    ]:
        assert privacy._six_digits_possible(text), text
        assert len(list(privacy.personal_numbers(text))) == 1, text
    assert not privacy._six_digits_possible("ÅÅÅÅ-MM-DD, beslut B-2026-03, 2026-11-22")


def test_no_character_is_seen_as_more_digits_than_it_has_bytes() -> None:
    """What _six_digits_possible() rests on, for every character outside ASCII."""
    seen_char = privacy._seen_char.__wrapped__  # type: ignore[attr-defined]
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        digits = sum(c in "0123456789" for c in seen_char(char))
        assert digits <= len(char.encode("utf-8")), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a@b.se", "anna.svensson@region.se", "@", "x", "\n", " ", "."]))
       .map("".join))  # fmt: skip
def test_email_lines_are_the_same(text: str) -> None:
    sources = {"a.md": text}
    data = type("D", (), {"sources": sources})()
    ctx = type("C", (), {"data": data})()
    fast = [line for line in privacy._lines(ctx, "@") if "@" in line[2]]  # type: ignore[arg-type]
    every = [line for line in privacy._lines(ctx) if "@" in line[2]]  # type: ignore[arg-type]
    assert fast == every


# --- Markdown limits: the fast paths --------------------------------------------------


def reference_markdown_problem(text: str) -> tuple[int, int, str] | None:
    """markdown_problem() before its fast paths."""
    for number, line in enumerate(text.split("\n")):
        if len(line) <= limits.MAX_MARKDOWN_DEPTH:
            continue
        level, column = limits.markdown_depth(line)
        if level > limits.MAX_MARKDOWN_DEPTH:
            return number, column, limits.markdown_depth_message(level)
    return limits.markdown_inline_too_deep(text)


_MD_PIECES = ["    ", "\t", "> ", ">", "- ", "* ", "+ ", "1. ", "12) ", "x", "\n", "[", "]", ":",
              "\n: ", "<", "_", "*", "\n\n", "å", "-", "."]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_MD_PIECES), max_size=80).map("".join))
@example("> " * 21 + "x")
@example("\t" * 21 + "x")
@example("x\n" + "    " * 21 + "x")
@example("[" * 21 + "x")
@example("1. " * 21)
def test_markdown_fast_paths_change_nothing(text: str) -> None:
    assert limits.markdown_problem(text) == reference_markdown_problem(text)
    deep = limits.markdown_too_deep(text)
    assert (deep is None) == all(
        limits.markdown_depth(line)[0] <= limits.MAX_MARKDOWN_DEPTH for line in text.split("\n")
    )


# --- rules rewritten for speed ------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["#", "##", "§", " ", "\n", "1", "12", "x", "\n#", "## § 3", "\t"]),
                max_size=14).map("".join))  # fmt: skip
def test_protocol_paragraphs_as_finditer(text: str) -> None:
    assert protocol_paragraphs(text) == {int(m.group(2)) for m in PARAGRAPH_HEADING.finditer(text)}


def reference_first_year_caps(ctx: Context) -> Iterator[Result]:
    """SC503 as it was: each partner counted against every earlier one."""
    start, end = ctx.data.config.operating_year_bounds(1)
    caps = ctx.params(start).first_year_caps
    for sector in Sector:
        cap = caps.get(sector)
        if cap is None:
            continue
        partners = sorted(
            (p for p in ctx.data.partners if p.sector is sector and p.joined <= end),
            key=lambda p: p.joined,
        )
        peak, over = 0, False
        for position, partner in enumerate(partners, start=1):
            day = max(partner.joined, start)
            rank = sum(1 for p in partners[:position] if p.member_on(day))
            peak = max(peak, rank)
            if rank > cap:
                over = True
                yield failed(
                    SubjectRef.sector(SECTOR_NAMES[sector]),
                    f"{partner.name} är partner nummer {rank} i "
                    f"sektorn {fmt(day)}; taket är {cap}.",
                    partner.where("sector"),
                )
        if not over:
            where = partners[-1].where("sector") if partners else ctx.data.partners_file.where()
            yield met(
                SubjectRef.sector(SECTOR_NAMES[sector]),
                f"Högst {peak} samtidigt av {cap} tillåtna.",
                where,
            )


@pytest.fixture(scope="module")
def shipped() -> dataset.Dataset:
    loaded = loader.load(REPO)
    assert loaded.dataset is not None
    return loaded.dataset


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 400), st.none() | st.integers(0, 500), st.sampled_from(Sector)),
        min_size=1,
        max_size=60,
    )
)
@example(rows=[(i, 5 if i == 2 else None, Sector.INDUSTRY) for i in range(6)])
def test_first_year_caps_counts_as_before(shipped: dataset.Dataset, rows: list) -> None:
    start, _ = shipped.config.operating_year_bounds(1)
    first = start - timedelta(days=30)
    partners = []
    for i, (joined, left, sector) in enumerate(rows):
        fields: dict[str, Any] = {
            "id": f"p{i}",
            "namn": f"Partner {i}",
            "sektor": sector.value,
            "ansluten": first + timedelta(days=joined),
        }
        if left is not None:
            fields["utträde"] = {"datum": first + timedelta(days=joined + left)}
        partners.append(Partner.model_validate(fields))
    data = replace(shipped, partners_file=PartnersFile(partners=partners))
    ctx = Context(data, date(2027, 6, 1))
    got = list(first_year_caps.check(ctx))  # type: ignore[misc]
    assert got == list(reference_first_year_caps(ctx))
    if len(rows) == 6 and all(sector is Sector.INDUSTRY for _, _, sector in rows):
        assert any(r.status is Status.NOT_MET for r in got)  # the example below: over the cap


def test_members_on_is_remembered_but_not_shared(shipped: dataset.Dataset) -> None:
    ctx = Context(shipped, date(2026, 11, 22))
    day = date(2026, 6, 1)
    first = ctx.members_on(day)
    first.clear()  # a caller's list is its own
    assert ctx.members_on(day) == [p for p in shipped.partners if p.member_on(day)]
    assert Context(shipped, date(2026, 11, 22))._memo == {}


def test_memo_is_bounded(shipped: dataset.Dataset) -> None:
    ctx = Context(shipped, date(2026, 11, 22))
    for i in range(facts.MEMO_LIMIT + 10):
        assert ctx.memo(("n", i), lambda i=i: i * 2) == i * 2
    assert len(ctx._memo) <= facts.MEMO_LIMIT


# --- the loader's file system short cuts --------------------------------------------------


def reference_find_links(root: Path, names: list[str], dirs: list[str]) -> list[Path]:
    links = [root / n for n in names if (root / n).is_symlink()]
    for name in dirs:
        top = root / name
        if top.is_symlink():
            links.append(top)
            continue
        for folder, subdirs, files in os.walk(top, followlinks=False):
            for entry in sorted(subdirs + files):
                path = Path(folder) / entry
                if path.is_symlink():
                    links.append(path)
    return links


def test_find_links_as_os_walk(tmp_path: Path) -> None:
    (tmp_path / "meetings" / "a" / "b").mkdir(parents=True)
    (tmp_path / "meetings" / "c").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "f.md").write_text("x")
    (tmp_path / "meetings" / "a" / "z.md").symlink_to(tmp_path / "outside" / "f.md")
    (tmp_path / "meetings" / "a" / "b" / "d").symlink_to(tmp_path / "outside")
    (tmp_path / "meetings" / "c" / "loop").symlink_to(tmp_path / "meetings")
    (tmp_path / "meetings" / "c" / "broken").symlink_to(tmp_path / "nowhere")
    (tmp_path / "meetings" / "a" / "m.yaml").write_text("x")
    (tmp_path / "docs").symlink_to(tmp_path / "outside")
    (tmp_path / "partners.yaml").symlink_to(tmp_path / "outside" / "f.md")
    args = (tmp_path, ["partners.yaml", "swecan.yaml"], ["meetings", "content", "docs", "none"])
    found = safe_files.find_links(*args)
    assert found == reference_find_links(*args)
    assert len(found) == 6


@pytest.mark.parametrize("size", [0, 1, 5, 9, 10, 11, 50])
@pytest.mark.parametrize("hint", [0, 3, 10, 100])
def test_read_at_most_as_read(size: int, hint: int) -> None:
    raw = bytes(range(256))[:size] * 1
    assert safe_files._read_at_most(io.BytesIO(raw), 10, hint) == io.BytesIO(raw).read(10)


# --- the whole check ----------------------------------------------------------------------


@contextmanager
def without_short_cuts() -> Iterator[None]:
    """The event builder, no personnummer filter, nothing remembered per Context."""
    saved = (yamlpos._COMPOSER, privacy._six_digits_possible, Context.memo)
    yamlpos._COMPOSER = None
    privacy._six_digits_possible = lambda text: True  # type: ignore[assignment]
    Context.memo = lambda self, key, compute: compute()  # type: ignore[method-assign]
    try:
        yield
    finally:
        yamlpos._COMPOSER, privacy._six_digits_possible, Context.memo = saved  # type: ignore[method-assign]


def _published(root: Path, as_of: date) -> tuple[list[Any], list[Any]]:
    report = check(root, as_of)
    evaluations = [(e.rule.id, e.severity, repr(e.result)) for e in report.evaluations]
    return list(report.problems), evaluations


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make(tmp_path_factory.mktemp("archive") / "arkiv", years=3, partners=120)


@pytest.mark.parametrize("as_of", [date(2026, 11, 22), date(2028, 6, 1), date(2029, 1, 15)])
def test_check_on_an_archive_is_the_same_without_short_cuts(archive: Path, as_of: date) -> None:
    fast = _published(archive, as_of)
    with without_short_cuts():
        slow = _published(archive, as_of)
    assert fast == slow
    assert fast[0], "the archive has findings to compare"


def test_check_on_bad_data_is_the_same_without_short_cuts(tmp_path: Path) -> None:
    repo = copy_data(tmp_path / "data")
    meeting = next(p for p in sorted((repo.root / "meetings").iterdir()) if p.is_dir())
    text = (meeting / "mote.yaml").read_text(encoding="utf-8")
    (meeting / "mote.yaml").write_text(text + "status: planerat\n", encoding="utf-8")
    partners = (repo.root / "partners.yaml").read_text(encoding="utf-8")
    (repo.root / "partners.yaml").write_text(
        partners.replace("partners:", "partners: !!python/object:os.system\n  x: 1\nandra:", 1),
        encoding="utf-8",
    )
    fast = _published(repo.root, date(2026, 11, 22))
    with without_short_cuts():
        slow = _published(repo.root, date(2026, 11, 22))
    assert fast == slow
    assert {p.rule for p in fast[0]} >= {"SC002", "SC008"}


def test_check_leaves_the_garbage_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    check(REPO, date(2026, 11, 22))
    assert gc.isenabled()
    gc.disable()
    try:
        check(REPO, date(2026, 11, 22))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_check_leaves_objects_frozen_by_the_program_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        check(REPO, date(2026, 11, 22))
        # gc.unfreeze() would empty the permanent generation; a frozen object that
        # dies meanwhile (a cache entry the check replaces) may lower it by a few.
        assert gc.get_freeze_count() > frozen * 0.99
    finally:
        gc.unfreeze()
    check(REPO, date(2026, 11, 22))
    assert gc.get_freeze_count() == 0
