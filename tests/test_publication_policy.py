"""One publication rule per subject kind: what is not public leaves no trace anywhere.

One copy of the shipped data gets an unpublished subject of every kind, each
carrying a marker string that nothing else contains; the whole site is built
(HTML, search index, feeds, calendars, open data, catalogue) and exported, and
every file is searched for every marker. A second copy publishes the same
subjects, and each marker must then appear: the scan cannot pass because a
marker was never written.

Kinds: a protocol that is not färdigställt (its decisions, its text and the
verdicts on its decisions and matters), a content page, an arbetsordning
version and a report marked ``utkast: true``, and an underlag with
``offentligt: false`` (its title and its file name).
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from swecan_site.cli import main

from .conftest import DataRepo
from .test_build import project_copy

AS_OF = date(2027, 2, 20)  # the 2026 report may be published; every 2026 meeting has been
MEETING = "meetings/2026-10-01-partnerskapet"
DECISIONS = ("B-2026-09", "B-2026-10")
MATTERS = ("Ä-2026-09", "Ä-2026-10")
MARKERS = {
    "decision": "BESLUTSMARKÖR-7Q",
    "protocol": "PROTOKOLLMARKÖR-7Q",
    "page": "SIDMARKÖR-7Q",
    "rules": "ORDNINGSMARKÖR-7Q",
    "report": "RAPPORTMARKÖR-7Q",
    "underlag title": "UNDERLAGSMARKÖR-7Q",
    "underlag file": "underlagsfil-7q.pdf",
}
WITHDRAWN = "Ä-2026-14"  # tabled 2026-06-10; withdrawn at MEETING in this test
MATTER_VERDICT = "Beslut vid 2026-10-01-partnerskapet"  # SC406, resting on the protocol
SUFFIXES = (".html", ".json", ".xml", ".ics", ".csv", ".md", ".txt", "dcat", ".gz")


def _subjects(repo: DataRepo, public: bool) -> None:
    """Give the data a subject of every kind, public or not, each with its marker."""
    draft = "" if public else "utkast: true\n"
    text = "(version 1.1), att gälla från och med 2026-10-02."
    repo.replace(f"{MEETING}/mote.yaml", text, f"{text} {MARKERS['decision']}")
    if not public:
        repo.replace(f"{MEETING}/mote.yaml", "  status: färdigställt\n", "  status: utkast\n")
    protocol = repo.read(f"{MEETING}/protokoll.md")
    repo.write(f"{MEETING}/protokoll.md", protocol + f"\n{MARKERS['protocol']}\n")
    repo.write(
        "content/intern-anteckning.md",
        f"---\ntitel: Intern anteckning\n{draft}---\n\nText {MARKERS['page']}.\n",
    )
    rules = repo.read("content/arbetsordning/1.1.md")
    rules = rules.replace('version: "1.1"', 'version: "2.0"').replace(
        "gäller_från: 2026-10-02", f"gäller_från: 2027-06-01\n{draft}".rstrip("\n")
    )
    repo.write("content/arbetsordning/2.0.md", rules + f"\n{MARKERS['rules']}\n")
    report = "---\ntitel: Årsrapport 2026\når: 2026\ntyp: årsrapport\n"
    report += draft if not public else "publicerad: 2027-02-15\n"
    repo.write("content/rapporter/2026-arsrapport.md", report + f"---\n\n{MARKERS['report']}\n")
    # A matter defined at another meeting, withdrawn at this one: an outcome, public
    # only with this meeting's protocol (swecan_site.matters, PublicView.matter_events).
    repo.replace(
        f"{MEETING}/mote.yaml",
        "  - punkt: 5\n    rubrik: Mötets avslutande\n",
        f"  - punkt: 5\n    rubrik: Mötets avslutande\n  - punkt: 6\n"
        f"    rubrik: Kommunikationsplan\n    ärende: {WITHDRAWN}\n    hantering: återkallat\n",
    )
    folder = "meetings/2026-12-03-partnerskapet"
    repo.write(f"{folder}/{MARKERS['underlag file']}", b"%PDF-1.4\n")
    repo.replace(
        f"{folder}/mote.yaml",
        "      - titel: Förslag till verksamhetsplan 2027\n",
        f"      - titel: {MARKERS['underlag title']}\n"
        # a link on a non-public underlag is refused (SC803): the file stays unlinked
        + (f"        länk: {MARKERS['underlag file']}\n" if public else "")
        + f"        offentligt: {'true' if public else 'false'}\n"
        "      - titel: Förslag till verksamhetsplan 2027\n",
    )


def _published(tmp: Path, public: bool) -> dict[str, str]:
    """{relative path: text} of everything `build` and `export` write for the data."""
    repo = DataRepo(project_copy(tmp))  # mkdocs.yml beside the data: the build reads the copy
    _subjects(repo, public)
    site, exported = tmp / "site", tmp / "export"
    config = str(repo.root / "mkdocs.yml")
    common = ["--as-of", AS_OF.isoformat(), "--config-file", config]
    assert main(["--root", str(repo.root), "build", *common, "--allow-findings",
                 "--site-dir", str(site)]) == 0  # fmt: skip
    assert main(["--root", str(repo.root), "export", *common, "--out", str(exported)]) == 0
    files = {}
    for folder in (site, exported):
        for path in folder.rglob("*"):
            if path.is_file() and path.name.endswith(SUFFIXES):
                raw = path.read_bytes()
                if path.suffix == ".gz":
                    raw = gzip.decompress(raw)
                files[f"{folder.name}/{path.relative_to(folder)}"] = raw.decode("utf-8", "replace")
    return files


@pytest.fixture(scope="module")
def unpublished(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _published(tmp_path_factory.mktemp("unpublished"), public=False)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _published(tmp_path_factory.mktemp("published"), public=True)


@pytest.mark.parametrize("kind", sorted(MARKERS))
def test_an_unpublished_subject_leaves_no_trace(unpublished, kind: str) -> None:
    found = [path for path, text in unpublished.items() if MARKERS[kind] in text]
    assert found == [], f"{kind}: {MARKERS[kind]} published in {found}"


@pytest.mark.parametrize("kind", sorted(MARKERS))
def test_the_same_subject_published_is_found(published, kind: str) -> None:
    """The control: each marker reaches the site once its subject is public."""
    assert any(MARKERS[kind] in text for text in published.values()), kind


def test_no_verdict_about_an_unpublished_protocols_decisions_or_matters(
    unpublished, published
) -> None:
    for files, public in ((unpublished, False), (published, True)):
        findings = json.loads(files["export/data/efterlevnad.json"])["data"]
        about = {f["subject"]["id"] for f in findings if f["subject"]["kind"] in (
            "decision", "matter")}  # fmt: skip
        hidden = set(DECISIONS) | set(MATTERS)
        assert bool(about & hidden) is public, sorted(about & hidden)
        for path, text in files.items():
            if MATTER_VERDICT in text:
                assert public, f"SC406 on an unpublished protocol's matter in {path}"
    assert any(MATTER_VERDICT in text for text in published.values())


def test_the_deadline_calendar_and_page_keep_to_the_same_rule(unpublished) -> None:
    for path in ("site/efterlevnad/frister.ics", "export/efterlevnad/frister.ics"):
        assert not any(d in unpublished[path] for d in DECISIONS), path


def test_a_matter_event_waits_for_its_meetings_protocol(unpublished, published) -> None:
    """The withdrawal at a meeting whose protocol is a draft: not in the matter's course,
    its consultation's role, its status or its page – and all of them once public."""
    for files, public in ((unpublished, False), (published, True)):
        papers = json.loads(files["export/data/arenden.json"])["data"]
        paper = next(p for p in papers if p["reference"] == WITHDRAWN)
        kinds = [e["kind"] for e in paper["swecan:events"]]
        roles = {c["meeting"].rsplit("#", 1)[-1]: c["role"] for c in paper["consultation"]}
        page = files["site/arenden/a-2026-14/index.html"]
        row = next(r for r in files["export/data/arenden.csv"].splitlines() if WITHDRAWN in r)
        assert ("återkallat" in kinds) is public, kinds
        assert roles["2026-10-01-partnerskapet"] == ("återkallelse" if public else "behandling")
        assert (paper["swecan:status"] == "återkallat") is public, paper["swecan:status"]
        assert ("återkallat vid" in page) is public
        assert (",återkallat," in row) is public, row
