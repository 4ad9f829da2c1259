"""Issue 18, item 6: any string in any published field gives valid, inert outputs.

The data files are untrusted input written by partner organisations. Hypothesis
puts arbitrary text, mixed with hostile pieces, into published fields (as YAML
double-quoted strings that read back exactly, or as Markdown in a protocol and
a content page) and demands one of exactly two outcomes:

(a) refused: ``check`` reports data errors, each at a line of the edited text
    in an edited file with a rule id, and ``export``/``build`` exit 1 without a
    traceback and without writing anything;
(b) published: the same files as the reference (nothing added or lost), and
    every HTML page parses (html5lib, no parse error) with only the site's own
    scripts, no event attribute, no ``javascript:`` URL, no iframe, object or
    embed and nothing loaded from another host; every XML file parses with the
    reference's elements; every calendar parses with ``icalendar`` with the
    reference's components and no new property; every CSV file parses with
    the reference's shape and no cell that a spreadsheet would run; every JSON
    file parses; and the value is what the JSON, CSV and calendars say where
    the field is exported (the CSV files with the leading apostrophe the README
    documents for formula-like text); scripts and stylesheets are unchanged.

The reference is the same data with a unique plain marker in every field: it
shows where each field is published (the round trips follow the markers) and
what the site's own scripts and structure are. One property runs ``export``
(open data, feeds, calendars, catalogue; fast), one the full MkDocs build.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import html5lib
import pytest
import yaml
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from lxml import etree

from swecan_site.cli import main

from .conftest import AS_OF, DataRepo
from .outputs_support import HOST, SITE_URL
from .test_build import project_copy


class Tree(dict[str, bytes]):
    """Every file written: relative path -> content (shown by its size in a report)."""

    def __repr__(self) -> str:
        return f"<{len(self)} files>"


# --- the published fields ------------------------------------------------------------

_NOT_RAW_IN_YAML = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back exactly: JSON's quoting,
    and an escape for what YAML refuses raw (DEL, C1) or folds (NEL, LS, PS)."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_RAW_IN_YAML.sub(lambda m: f"\\U{ord(m.group()):08x}", quoted)


@dataclass(frozen=True)
class Field:
    """A place in the shipped data where a string is published."""

    file: str
    old: str  # the text of the shipped file that the edit replaces (unique in it)
    key: str = ""  # YAML: the line up to the value; "" for Markdown (a paragraph after old)
    original: str = ""  # YAML: the shipped value

    def text(self, value: str) -> str:
        if self.key:
            return f"{self.key}{yaml_string(value)}\n"
        return f"{self.old}\n{value}\n"


def yaml_field(file: str, key: str, original: str, old: str | None = None) -> Field:
    return Field(file, old or f"{key}{original}\n", key, original)


PLANNED = "meetings/2026-12-03-partnerskapet/mote.yaml"
HELD = "meetings/2026-06-10-partnerskapet/mote.yaml"
DECISION_TEXT = (
    "Partnerskapet inrättar en beredningsgrupp för europeiska cancerinitiativ och ger den i "
    "uppdrag att till nästa sammanträde föreslå vilka initiativ SweCan ska prioritera."
)
FIELDS: dict[str, Field] = {
    "partner namn": yaml_field("partners.yaml", "    namn: ", "Region Uppsala"),
    "meeting plats": yaml_field(
        PLANNED, "plats: ", "Socialstyrelsen, Rålambsvägen 3, Stockholm, och digitalt"
    ),
    "meeting rubrik": yaml_field(
        "meetings/2026-10-01-partnerskapet/mote.yaml",
        "rubrik: ",
        "Extrainsatt sammanträde om arbetsordningen och extern utvärdering",
    ),
    "agenda rubrik": yaml_field(PLANNED, "    rubrik: ", "Verksamhetsplan 2027"),
    "ärende rubrik": yaml_field(PLANNED, "    rubrik: ", "Verksamhetsplan för 2027"),
    "underlag titel": yaml_field(PLANNED, "      - titel: ", "Förslag till verksamhetsplan 2027"),
    "beslut rubrik": yaml_field(
        HELD, "    rubrik: ", "Beredningsgrupp för europeiska cancerinitiativ"
    ),
    "beslut text": yaml_field(
        HELD,
        "    text: ",
        DECISION_TEXT,
        old="    text: >-\n"
        "      Partnerskapet inrättar en beredningsgrupp för europeiska cancerinitiativ\n"
        "      och ger den i uppdrag att till nästa sammanträde föreslå vilka initiativ\n"
        "      SweCan ska prioritera.\n",
    ),
    "ordförande namn": yaml_field(
        "organisation.yaml", "    - namn: ", "Ordförande för SweCan, Socialstyrelsen"
    ),
    "arbetsgrupp namn": yaml_field(
        "organisation.yaml", "    namn: ", "Arbetsgruppen för jämlik cancervård"
    ),
    "sida titel": yaml_field("content/tillganglighet.md", "titel: ", "Tillgänglighetsredogörelse"),
    "sida beskrivning": yaml_field(
        "content/tillganglighet.md",
        "beskrivning: ",
        "Hur tillgänglig SweCans webbplats är, vilka brister vi känner till och hur du "
        "anmäler brister.",
    ),
    "protokoll (Markdown)": Field(
        "meetings/2026-06-10-partnerskapet/protokoll.md", "Ordföranden öppnade mötet.\n"
    ),
    "sida (Markdown)": Field(
        "content/avsiktsforklaring.md",
        "att delta i SweCan – den nationella samverkansplattformen inom\ncancerområdet.\n",
    ),
}
# A plain, unique marker per field: the reference data, whose outputs show where each
# field is published.
MARKERS = {name: f"Qz{i:02d}provtext" for i, name in enumerate(FIELDS)}

Spans = dict[str, list[tuple[int, int]]]  # file -> (first, last) line of each edit


@contextmanager
def edited(repo: DataRepo, values: dict[str, str]) -> Iterator[Spans]:
    """The data with ``values`` in their fields; the shipped files again afterwards."""
    originals = {}
    spans: Spans = {}
    try:
        for file in sorted({FIELDS[name].file for name in values}):
            text = originals[file] = repo.read(file)
            edits = sorted(
                ((FIELDS[name], value) for name, value in values.items()
                 if FIELDS[name].file == file),
                key=lambda edit: text.index(edit[0].old),
            )  # fmt: skip
            out, pos = "", 0
            for field, value in edits:
                assert text.count(field.old) == 1, (file, field.old)
                start = text.index(field.old)
                out += text[pos:start]
                new = field.text(value)
                first = out.count("\n") + 1
                # Python's splitlines also breaks at \r, \v, NEL, LS …: a reader might too
                spans.setdefault(file, []).append((first, first + len(new.splitlines())))
                out += new
                pos = start + len(field.old)
            repo.write(file, out + text[pos:])
        yield spans
    finally:
        for file, text in originals.items():
            repo.write(file, text)


# --- the strings ---------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
    "]]>", "<!--", '=HYPERLINK("http://x")', "+1", "-1", "@SUM(1)", "\t=1", "\r\n",
    "BEGIN:VEVENT", "\\n", ";", ",", "\u202e", "\u200b", "\x0b", "\x1b", "{{ 7*7 }}",
    "{% raw %}", "[x](javascript:alert(1))", "![x](http://evil.example/x.png)", "<iframe>",
    "&amp;",
    # what the site's own formats make special: generated front matter and Markdown,
    # calendar lines, line breaks YAML and HTML read differently, a noncharacter
    "\n---\n", "'", '"', ": ", "# ", "|", "`", "*_", "\\", "<", "&", "{: onclick=alert(1) }",
    "!!! note", "[^1]", "&#106;avascript:", "\rEND:VEVENT\r\nX:1", "\r", "\u2028", "\x85",
    "\ufdd0",
]  # fmt: skip
# Any text, visible text (which the check lets through more often, so that outcome (b)
# is common) and the hostile pieces, concatenated.
VISIBLE = st.characters(exclude_categories=["Cc", "Cf", "Cs", "Co", "Cn"])
PIECES = st.sampled_from(HOSTILE) | st.text(max_size=12) | st.text(VISIBLE, max_size=12)
STRINGS = st.lists(PIECES, min_size=1, max_size=4).map("".join)


def field_values(fields: int) -> st.SearchStrategy[dict[str, str]]:
    """A string in each of one to ``fields`` published fields."""
    return st.dictionaries(st.sampled_from(list(FIELDS)), STRINGS, min_size=1, max_size=fields)


# Run first, every time: hostile text the check lets through, which must therefore be
# published (so that outcome (b) always sees it), and noncharacters, which once were
# published and made the HTML invalid (a parse error on every page showing them).
MUST_PUBLISH = [
    {"partner namn": '=HYPERLINK("http://x") ]]> &amp; javascript:alert(1) {{ 7*7 }} {% raw %}',
     "meeting plats": "\t=1\r\nBEGIN:VEVENT\r\nUID:x;,\\n"},
    {"sida titel": "Tillgänglighet & \"redogörelse\" 'x' 1 < 2 > 0 ]]>",
     "sida beskrivning": '" onfocus="alert(1)" autofocus="\n---\n# x'},
    {"protokoll (Markdown)": "<details><summary>Bakgrund</summary>\n"
     '<abbr title="&quot; onmouseover=alert(1)">RCC</abbr>\n</details>\n\n'
     "`<script>alert(1)</script>` ]]> <!--\n\n| a | b |\n|:--|--:|\n| =1 | @SUM(1) |",
     "beslut rubrik": "-1\r\n+1 BEGIN:VEVENT", "ordförande namn": "@SUM(1)"},
]  # fmt: skip
MUST_REFUSE = [{"partner namn": "Region \ufdd0Uppsala", "protokoll (Markdown)": "x\uffff"}]


def with_examples(test: Callable) -> Callable:
    for values in [*MUST_PUBLISH, *MUST_REFUSE]:
        test = example(values=values)(test)
    return test


def expected_outcome(values: dict[str, str], tree: Tree | None) -> None:
    if values in MUST_PUBLISH:
        assert tree is not None, "this text is allowed: it must be published"
    if values in MUST_REFUSE:
        assert tree is None, "this text must be refused"


# --- running the command ---------------------------------------------------------------


def run(args: list[str]) -> tuple[int, str]:
    """swecan-site in this process: exit code, stdout and stderr."""
    captured = io.StringIO()
    with redirect_stdout(captured), redirect_stderr(captured):
        code = main(args)
    return code, captured.getvalue()


def export_args(root: Path, out: Path) -> list[str]:
    return ["--root", str(root), "export", "--as-of", AS_OF.isoformat(), "--out", str(out)]


def build_args(root: Path, out: Path) -> list[str]:
    # --allow-findings as publication from main does: a finding is a published fact.
    return ["--root", str(root), "build", "--as-of", AS_OF.isoformat(),
            "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(out),
            "--allow-findings"]  # fmt: skip


def read_tree(folder: Path) -> Tree:
    return Tree(
        (p.relative_to(folder).as_posix(), p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )


def publish(repo: DataRepo, values: dict[str, str], command: Callable) -> Tree | None:
    """Outcome (a), asserted, gives None; outcome (b) gives what was written."""
    with edited(repo, values) as spans, tempfile.TemporaryDirectory() as tmp:
        report = repo.check(AS_OF)
        out = Path(tmp) / "out"
        code, output = run(command(repo.root, out))
        assert "Traceback" not in output, output
        if report.data_errors:
            for problem in report.data_errors:
                where = problem.location
                assert re.fullmatch(r"SC\d{3}", problem.rule), problem
                assert any(a <= where.line <= b for a, b in spans.get(where.file, [])), (
                    f"{problem} is not located in the edited text {spans}"
                )
                assert where.column >= 1, problem
            assert str(report.data_errors[0].location) in output, output
            assert code == 1, output
            assert list(Path(tmp).iterdir()) == [], "a refused run wrote something"
            return None
        assert code == 0, output
        return read_tree(out)


# --- what must hold of what is published -------------------------------------------------


def swap(text: str, values: dict[str, str]) -> str | None:
    """The reference's text with each marker replaced by the field's value now; None when
    it shows Markdown (not exported as written) or an empty value (an optional field
    left empty is shown as unknown, e.g. "plats meddelas senare")."""
    for name, marker in MARKERS.items():
        if marker in text:
            field = FIELDS[name]
            value = values.get(name, field.original)
            if not field.key or not value:
                return None
            text = text.replace(marker, value)
    return text


def has_marker(text: str) -> bool:
    return any(marker in text for marker in MARKERS.values())


def strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string of a JSON document at its path; list items by their id if they have one."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            key = item.get("id") if isinstance(item, dict) else None
            yield from strings(item, (*path, key if isinstance(key, str) else i))
    elif isinstance(data, str):
        yield path, data


def no_constant(name: str) -> None:
    raise AssertionError(f"{name} is not JSON (RFC 8259)")


def check_json(path: str, raw: bytes, reference: bytes, values: dict[str, str]) -> None:
    data = json.loads(raw.decode("utf-8"), parse_constant=no_constant)
    if not path.startswith("data/"):
        return  # the search index: text extracted from the HTML, not the value as written
    found = dict(strings(data))
    for where, text in strings(json.loads(reference)):
        if has_marker(text) and (expected := swap(text, values)) is not None:
            assert found.get(where) == expected, (path, where, found.get(where), expected)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # README, "Open data": text a spreadsheet runs


def rows_of(path: str, raw: bytes) -> list[list[str]]:
    if path.startswith("data/kalkylblad/"):  # the spreadsheet edition
        assert raw.startswith(b"\xef\xbb\xbf"), path
        text, delimiter = raw.decode("utf-8-sig"), ";"
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), path
        text, delimiter = raw.decode("utf-8"), ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))


def check_csv(path: str, raw: bytes, reference: bytes, values: dict[str, str]) -> None:
    rows, before = rows_of(path, raw), rows_of(path, reference)
    assert rows[0] == before[0] and len(rows) == len(before), (path, "rows or columns changed")
    assert {len(row) for row in rows} == {len(rows[0])}, path
    active = [cell for row in rows for cell in row if cell.startswith(FORMULA_START)]
    assert active == [], (path, active)
    for old in before[1:]:
        cols = [i for i, cell in enumerate(old) if has_marker(cell)]
        if not cols or any(swap(old[i], values) is None for i in cols):
            continue
        expected = []
        for i in cols:
            text = swap(old[i], values) or ""
            expected.append("'" + text if text.startswith(FORMULA_START) else text)
        same_row = [r for r in rows if all(r[i] == c for i, c in enumerate(old) if i not in cols)]
        assert expected in [[r[i] for i in cols] for r in same_row], (path, old, expected)


def components(raw: bytes) -> list[tuple[str, Any]]:
    return [(c.name, c) for c in Calendar.from_ical(raw).walk()]


def property_names(component: Any) -> Counter[str]:
    return Counter(name for name, _ in component.property_items(recursive=False, sorted=False))


def check_ics(path: str, raw: bytes, reference: bytes, values: dict[str, str]) -> None:
    now, before = components(raw), components(reference)
    assert [n for n, _ in now] == [n for n, _ in before], (path, "components changed")
    for (name, comp), (_, old) in zip(now, before, strict=True):
        # no new property, none twice (LOCATION may go: an empty plats is not a place)
        added = property_names(comp) - property_names(old)
        assert not added, (path, name, added)
        for prop, text in old.items():
            if isinstance(text, str) and has_marker(text):
                expected = swap(str(text), values)
                if expected is not None:  # iCalendar text has one line break, \n (RFC 5545)
                    expected = re.sub("\r\n?", "\n", expected)
                    assert str(comp.get(prop)) == expected, (path, name, prop, expected)


XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def xml_shape(raw: bytes) -> list[tuple[str, list[str]]]:
    root = etree.fromstring(raw, XML_PARSER)
    return [(str(el.tag), sorted(el.attrib)) for el in root.iter()]


def check_xml(path: str, raw: bytes, reference: bytes, values: dict[str, str]) -> None:
    if path.endswith(".gz"):
        raw, reference = gzip.decompress(raw), gzip.decompress(reference)
    assert xml_shape(raw) == xml_shape(reference), (path, "elements changed")


NEVER = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
LOADS = {"img", "script", "link", "iframe", "frame", "source", "video", "audio", "embed",
         "object", "track", "input", "image", "use", "feimage"}  # fmt: skip
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "data", "poster", "background",
             "cite", "longdesc", "ping", "manifest", "codebase"}  # fmt: skip
LINK_SCHEMES = {"", "http", "https", "mailto", "tel"}
LOADS_CODE = {"script", "style"}  # the site's own only: the reference build's


def local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def urls_in(attr: str, value: str) -> list[str]:
    """A URL attribute's URLs as a browser reads them (WHATWG URL): tabs and line breaks
    removed, leading and trailing controls and spaces stripped, \\ read as /."""
    value = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(0x21))))
    value = value.replace("\\", "/")
    if attr == "srcset":
        return [part.split()[0] for part in value.split(",") if part.split()]
    return [value]


def scheme(url: str) -> str:
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return match.group(1).lower() if match else ""


def parse_html(raw: bytes) -> tuple[Any, list]:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parse(raw), parser.errors


def own_code(path: str, element: Any) -> tuple[str, str]:
    """A script or style element as the site's own would be: its address or its text."""
    src = element.get("src")
    return ("src", urljoin(urljoin(SITE_URL, path), src)) if src else ("text", element.text or "")


def site_code(tree: Tree) -> set[tuple[str, str]]:
    found = set()
    for path, raw in tree.items():
        if path.endswith(".html"):
            doc, _ = parse_html(raw)
            found |= {own_code(path, e) for e in doc.iter() if local(str(e.tag)) in LOADS_CODE}
    return found


def html_problems(path: str, raw: bytes, own: set[tuple[str, str]]) -> list[str]:
    doc, errors = parse_html(raw)
    found = [f"parse error {e}" for e in errors]
    page = urljoin(SITE_URL, path)
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue  # a comment
        tag = local(el.tag)
        if tag in NEVER:
            found.append(f"<{tag}>")
        if tag in LOADS_CODE and own_code(path, el) not in own:
            found.append(f"<{tag}> not the site's own: {own_code(path, el)}")
        if tag == "meta" and el.get("http-equiv", "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        for name, value in el.attrib.items():
            attr = local(name)
            if attr.startswith("on"):
                found.append(f"<{tag} {attr}=…>")
            if attr == "style" and re.search(r"url\(|expression|script:", value, re.I):
                found.append(f"<{tag} style={value!r}>")
            if attr not in URL_ATTRS:
                continue
            for url in urls_in(attr, value):
                if scheme(url) not in LINK_SCHEMES:
                    found.append(f"<{tag} {attr}={url!r}>")
                target = urlsplit(urljoin(page, url))
                if tag in LOADS and (
                    target.scheme not in ("http", "https") or target.hostname != HOST
                ):
                    found.append(f"<{tag} {attr}={url!r}> loads from another host")
    return found


CHECKS: dict[str, Callable[[str, bytes, bytes, dict[str, str]], None]] = {
    ".json": check_json,
    ".csv": check_csv,
    ".ics": check_ics,
    ".xml": check_xml,
    ".atom": check_xml,
    ".rss": check_xml,
    ".rdf": check_xml,
    ".xsl": check_xml,
    ".gz": check_xml,  # sitemap.xml.gz
    "datasets/dcat": check_xml,  # RDF/XML without an extension, as dataportal.se expects
}


def checksum_problems(tree: Tree, raw: bytes) -> list[str]:
    """SHA256SUMS lists every other file of the tree with its SHA-256, one line each."""
    listed = {}
    for line in raw.decode("utf-8").splitlines():
        digest, _, name = line.partition("  ")
        listed[name] = digest
    expected = {p: hashlib.sha256(b).hexdigest() for p, b in tree.items() if p != "SHA256SUMS"}
    return [] if listed == expected else ["SHA256SUMS does not describe the published files"]


def assert_valid_and_inert(
    tree: Tree, reference: Tree, values: dict[str, str], own: set[tuple[str, str]]
) -> None:
    assert tree.keys() == reference.keys(), set(tree) ^ set(reference)
    problems = []
    for path, raw in tree.items():
        suffix = Path(path).suffix
        if suffix == ".html":
            problems += [f"{path}: {p}" for p in html_problems(path, raw, own)]
        elif path == "SHA256SUMS":  # changes with every file; it must describe this tree
            problems += checksum_problems(tree, raw)
        elif check := CHECKS.get(suffix) or CHECKS.get(path):
            check(path, raw, reference[path], values)
        else:  # scripts, stylesheets, images, the build marker: never from the data
            assert raw == reference[path], path
    assert problems == [], "\n".join(problems[:30])


# --- the properties ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> DataRepo:
    return DataRepo(project_copy(tmp_path_factory.mktemp("published")))


def reference(repo: DataRepo, command: Callable) -> Tree:
    tree = publish(repo, MARKERS, command)
    assert tree is not None, "the reference data (a marker in every field) must publish"
    return tree


@pytest.fixture(scope="module")
def exported(project: DataRepo) -> Tree:
    return reference(project, export_args)


@pytest.fixture(scope="module")
def built(project: DataRepo) -> tuple[Tree, set[tuple[str, str]]]:
    tree = reference(project, build_args)
    return tree, site_code(tree)


def test_the_reference_shows_where_each_field_is_published(exported: Tree) -> None:
    """The round trips are not vacuous: every data field's marker reaches the open data
    (a content page's front matter is on its page only), and the CSV tables,
    calendars and feeds carry the ones they should."""
    text = b"".join(raw for path, raw in exported.items() if path.endswith(".json")).decode()
    assert [n for n, f in FIELDS.items() if f.key and MARKERS[n] not in text] == [
        "sida titel",
        "sida beskrivning",
    ]
    for name, suffix in [("partner namn", ".csv"), ("beslut rubrik", ".csv"),
                         ("meeting plats", ".ics"), ("meeting rubrik", ".ics"),
                         ("beslut rubrik", ".xml")]:  # fmt: skip
        files = [raw.replace(b"\r\n ", b"") for p, raw in exported.items() if p.endswith(suffix)]
        assert any(MARKERS[name].encode() in raw for raw in files), (name, suffix)  # unfolded


def test_yaml_string_reads_back_exactly() -> None:
    for value in ["", "a\u2028b\x85c\x7f\ufeff", '"\\', "\t\r\n", "😀"]:
        assert yaml.safe_load(f"k: {yaml_string(value)}") == {"k": value}


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@with_examples
@given(values=field_values(3))
def test_any_string_gives_valid_inert_open_data_feeds_and_calendars(
    project: DataRepo, exported: Tree, values: dict[str, str]
) -> None:
    tree = publish(project, values, export_args)
    event("published" if tree is not None else "refused: located data error")
    if tree is not None:
        assert_valid_and_inert(tree, exported, values, set())
    expected_outcome(values, tree)


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@with_examples
@given(values=field_values(2))
def test_any_string_gives_a_valid_inert_site(
    project: DataRepo, built: tuple[Tree, set[tuple[str, str]]], values: dict[str, str]
) -> None:
    reference_tree, own = built
    tree = publish(project, values, build_args)
    event("published" if tree is not None else "refused: located data error")
    if tree is not None:
        assert_valid_and_inert(tree, reference_tree, values, own)
    expected_outcome(values, tree)


def test_the_checks_see_active_content(built: tuple[Tree, set[tuple[str, str]]]) -> None:
    """The HTML scan is not vacuous: what it must refuse, it refuses."""
    _, own = built
    page = (
        b'<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>t</title></head>'
        b"<body>%s</body></html>"
    )
    for body in [b"<script>alert(1)</script>", b'<img src="https://evil.example/x.png">',
                 b'<p onclick="x">t</p>', b'<a href=" java\tscript:alert(1)">t</a>',
                 b"<iframe></iframe>", b'<link rel="stylesheet" href="//evil.example/s.css">',
                 b'<img src="/\\evil.example/x.png">', b"<p>\xef\xb7\x90</p>"]:  # fmt: skip
        assert html_problems("index.html", page % body, own), body
    assert html_problems("index.html", page % b'<a href="https://a.example/">t</a>', own) == []
    with pytest.raises(AssertionError):
        check_csv("data/partners.csv", b"id,namn\r\nx,=1\r\n", b"id,namn\r\nx,y\r\n", {})
