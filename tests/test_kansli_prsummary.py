"""`check --format markdown --base REF` on a real two-commit git history."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from swecan_site import changes as record
from swecan_site import prsummary
from swecan_site.cli import main
from swecan_site.dataset import Dataset
from swecan_site.loader import load

from .conftest import REPO, DataRepo, copy_data

AS_OF = "2026-11-26"
LATE = date(2027, 3, 1)  # after every date in the comparers' cases


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=t@example.se",
         "-c", "commit.gpgsign=false", *args],
        check=True,
        capture_output=True,
    )  # fmt: skip


@pytest.fixture
def history(tmp_path: Path) -> DataRepo:
    """A git repository whose first commit is the shipped data (the base)."""
    repo = copy_data(tmp_path / "data")
    git(repo.root, "init", "-q", "-b", "main")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "base")
    return repo


def summary(repo: DataRepo, capsys, *extra: str, raw: bool = False) -> tuple[int, str]:
    """The step summary; as a reader sees its text (Markdown's backslash escapes
    removed) unless ``raw``."""
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "change", "--allow-empty")
    code = main(["--root", str(repo.root), "check", "--as-of", AS_OF, "--format", "markdown",
                 "--base", "HEAD~1", *extra])  # fmt: skip
    out, _ = capsys.readouterr()
    return code, out if raw else re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", out)


def test_record_changes_are_listed(history: DataRepo, capsys) -> None:
    history.replace(
        "partners.yaml",
        "    inbjuden: 2026-01-17\n",
        "    inbjuden: 2026-01-17\n\n  - id: region-testland\n    namn: Region Testland\n"
        "    sektor: myndighet\n    ansluten: 2026-11-20\n    avsiktsförklaring: 2026-11-19\n",
    )
    history.replace(
        "meetings/2026-11-12-arbetsutskottet/mote.yaml",
        "  status: utkast",
        "  status: färdigställt\n  färdigställt: 2026-11-25",
    )
    code, out = summary(history, capsys)
    assert code == 0, out
    assert "- ny partner: Region Testland (region-testland), ansluten 20 november 2026" in out
    assert "- protokoll 2026-11-12-arbetsutskottet publiceras" in out
    assert "**Kan publiceras:**" in out


def test_existing_finding_never_blocks(history: DataRepo, capsys) -> None:
    # The shipped SC304 finding (a protocol finished on day 16) raised to error after the fact.
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    code, out = summary(history, capsys)
    assert code == 0, out
    assert "1 fynd fanns redan" in out
    # without --base the same data fails, as `check` always has
    plain = main(["--root", str(history.root), "check", "--as-of", AS_OF])
    capsys.readouterr()
    assert plain == 1


def test_new_error_finding_blocks_with_rule_and_quote(history: DataRepo, capsys) -> None:
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC302: error")
    history.replace(
        "meetings/2026-06-10-partnerskapet/mote.yaml",
        "kallelse_skickad: 2026-05-08",
        "kallelse_skickad: 2026-05-20",
    )
    code, out = summary(history, capsys)
    assert code == 1
    new = out.split("### Nya efterlevnadsfynd")[1].split("###")[0]
    assert "**SC302** (§3.1)" in new
    assert "meetings/2026-06-10-partnerskapet/mote.yaml:" in new
    assert "> ”Kallelse ska skickas ut minst 30 dagar före mötet" in new
    assert "**Stoppar publicering:**" in out


def test_resolved_finding_is_listed(history: DataRepo, capsys) -> None:
    history.replace(
        "meetings/2026-10-01-partnerskapet/mote.yaml",
        "färdigställt: 2026-10-17",
        "färdigställt: 2026-10-15",
    )
    code, out = summary(history, capsys)
    assert code == 0
    resolved = out.split("### Åtgärdade fynd")[1]
    assert "**SC304** (§3.2)" in resolved


def test_data_error_blocks(history: DataRepo, capsys) -> None:
    history.replace("meetings/2026-03-12-partnerskapet/mote.yaml", "  - rcc-norr\n",
                    "  - rcc-nrr\n")  # fmt: skip
    code, out = summary(history, capsys)
    assert code == 1
    assert "### Datafel" in out and "Menade du 'rcc-norr'?" in out


def test_github_format_with_base_uses_the_gate(history: DataRepo, capsys) -> None:
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    git(history.root, "add", "-A")
    git(history.root, "commit", "-q", "-m", "severity")
    code = main(["--root", str(history.root), "check", "--as-of", AS_OF, "--format", "github",
                 "--base", "HEAD~1"])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.startswith("::error file=meetings/2026-10-01-partnerskapet/mote.yaml,line=")


def test_bad_base_ref(history: DataRepo, capsys) -> None:
    code = main(["--root", str(history.root), "check", "--as-of", AS_OF, "--format",
                 "markdown", "--base", "no-such-ref"])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 3 and "no-such-ref" in err


def test_github_annotation_on_a_folder_is_anchored_to_mote_yaml(tmp_path: Path, capsys) -> None:
    repo = copy_data(tmp_path / "data")
    (repo.root / "meetings/2026-12-10-partnerskapet").mkdir()
    code = main(["--root", str(repo.root), "check", "--as-of", AS_OF, "--format", "github"])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "::error file=meetings/2026-12-10-partnerskapet/mote.yaml,line=1," in out


# --- one comparer per kind of record (changes.COMPARERS) ------------------------------------


def _texts(compare):  # type: ignore[no-untyped-def]
    """A comparer whose typed changes are read as their Swedish lines."""
    return lambda *args: [str(change) for change in compare(*args)]


partner_changes = _texts(record.partner_changes)
meeting_changes = _texts(record.meeting_changes)
report_changes = _texts(record.report_changes)
rules_version_changes = _texts(record.rules_version_changes)
organisation_changes = _texts(record.organisation_changes)
record_changes = _texts(record.record_changes)

MEETING = "meetings/2026-10-01-partnerskapet"
PROTOCOL_DONE = "protokoll:\n  status: färdigställt\n  färdigställt: 2026-10-17\n"
PROTOCOL_DRAFT = "protokoll:\n  status: utkast\n"


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    data = load(REPO).dataset
    assert data is not None
    return data


def edited(tmp_path: Path, *edits: tuple[str, str, str]) -> Dataset:
    """The shipped data with (file, old, new) replacements; "" as old writes a new file."""
    repo = copy_data(tmp_path / "edited")
    for file, old, new in edits:
        if old:
            repo.replace(file, old, new)
        else:
            repo.write(file, new)
    loaded = load(repo.root)
    assert loaded.dataset is not None, loaded.problems
    return loaded.dataset


def test_comparers_run_in_record_order() -> None:
    assert [compare.__name__ for compare in record.COMPARERS] == [
        "partner_changes",
        "meeting_changes",
        "report_changes",
        "rules_version_changes",
        "organisation_changes",
    ]


def test_no_head_no_changes_and_same_data_none(shipped: Dataset) -> None:
    assert record_changes(shipped, None, date.fromisoformat(AS_OF)) == []
    assert record_changes(shipped, shipped, date.fromisoformat(AS_OF)) == []


def test_partner_changes(shipped: Dataset, tmp_path: Path) -> None:
    head = edited(
        tmp_path,
        (
            "partners.yaml",
            "    inbjuden: 2026-01-17\n",
            "    inbjuden: 2026-01-17\n    utträde:\n      datum: 2026-11-20\n"
            "      skriftlig_begäran: 2026-10-01\n\n  - id: region-testland\n"
            "    namn: Region Testland\n    sektor: myndighet\n    ansluten: 2026-11-20\n"
            "    avsiktsförklaring: 2026-11-19\n",
        ),
        ("partners.yaml", "namn: Region Uppsala\n", "namn: Region Uppsala län\n"),
    )
    assert partner_changes(shipped, head, LATE) == [
        "partner utträder: Regionalt cancercentrum Mellansverige (20 november 2026)",
        "ny partner: Region Testland (region-testland), ansluten 20 november 2026",
        "partner ändrad: Region Uppsala län (region-uppsala)",
    ]
    assert partner_changes(head, shipped, LATE) == [
        "partner ändrad: Regionalt cancercentrum Mellansverige (rcc-mellansverige)",
        "partner ändrad: Region Uppsala (region-uppsala)",
        "partner borttagen: Region Testland (region-testland)",
    ]
    first = partner_changes(None, shipped, LATE)
    assert len(first) == len(shipped.partners) and first[0].startswith("ny partner: ")


def test_meeting_changes(shipped: Dataset, tmp_path: Path) -> None:
    planned = "meetings/2026-12-03-partnerskapet/mote.yaml"
    head = edited(
        tmp_path,
        (planned, "status: planerat", "status: inställt"),
        (
            "meetings/2027-02-11-partnerskapet/mote.yaml",
            "",
            'organ: partnerskapet\ndatum: 2027-02-11\ntid: "10:00"\nform: fysiskt\n'
            "plats: Stockholm\nstatus: planerat\n",
        ),
    )
    assert meeting_changes(shipped, head, LATE) == [
        "möte 2026-12-03-partnerskapet: planerat → inställt",
        "nytt möte: 2027-02-11-partnerskapet (planerat)",
    ]
    assert meeting_changes(head, shipped, LATE)[-1] == ("möte borttaget: 2027-02-11-partnerskapet")
    no_notice = edited(tmp_path / "b", (planned, "kallelse_skickad: 2026-10-30\n", ""))
    assert meeting_changes(no_notice, shipped, LATE) == [
        "möte 2026-12-03-partnerskapet: kallelse skickad 30 oktober 2026"
    ]
    assert meeting_changes(shipped, no_notice, LATE) == ["möte 2026-12-03-partnerskapet ändrat"]


def test_protocol_and_decision_changes(shipped: Dataset, tmp_path: Path) -> None:
    draft = edited(tmp_path, (f"{MEETING}/mote.yaml", PROTOCOL_DONE, PROTOCOL_DRAFT))
    assert meeting_changes(draft, shipped, LATE) == [
        "möte 2026-10-01-partnerskapet ändrat",
        "protokoll 2026-10-01-partnerskapet publiceras",
        "beslut publiceras: B-2026-09 Ändring av arbetsordningen §3.2",
        "beslut publiceras: B-2026-10 Former för extern utvärdering och granskning",
    ]
    assert meeting_changes(shipped, draft, LATE) == [
        "möte 2026-10-01-partnerskapet ändrat",
        "protokoll 2026-10-01-partnerskapet avpubliceras",
    ]
    text = edited(
        tmp_path / "b",
        (f"{MEETING}/protokoll.md", "**Tid:** 13.00–16.00", "**Tid:** 13.00–16.30"),
    )
    assert meeting_changes(shipped, text, LATE) == ["protokoll 2026-10-01-partnerskapet ändrat"]


def test_report_changes(shipped: Dataset, tmp_path: Path) -> None:
    report = "content/rapporter/2026-arsrapport.md"
    head = edited(
        tmp_path,
        (report, "Exempeltext.", "Ny text."),
        (
            "content/rapporter/2026-verksamhetsberattelse.md",
            "",
            "---\ntitel: Verksamhetsberättelse 2026\når: 2026\ntyp: verksamhetsberättelse\n"
            "utkast: true\n---\nText.\n",
        ),
    )
    assert report_changes(shipped, head, LATE) == [
        "rapport ändrad: årsrapport 2026",
        "ny rapport (utkast): verksamhetsberättelse 2026",
    ]
    published = edited(
        tmp_path / "b", (report, "utkast: true\n", "antagen: 2027-02-10\npublicerad: 2027-02-15\n")
    )
    assert report_changes(shipped, published, LATE) == [
        "årsrapport 2026 publiceras (15 februari 2027)"
    ]
    assert report_changes(None, published, LATE) == [
        "årsrapport 2026 publiceras (15 februari 2027)"
    ]


def test_rules_version_changes(shipped: Dataset, tmp_path: Path) -> None:
    head = edited(
        tmp_path,
        ("content/arbetsordning/1.1.md", "## 1. Syfte och mål", "## 1. Syfte och mål (ändrad)"),
        (
            "content/arbetsordning/1.2.md",
            "",
            '---\ntitel: Arbetsordning för SweCan\nversion: "1.2"\nantagen_genom: B-2026-10\n'
            "gäller_från: 2027-01-01\n---\n\n## 1. Syfte och mål\n",
        ),
    )
    assert rules_version_changes(shipped, head, LATE) == [
        "arbetsordningen version 1.1 ändrad",
        "ny version av arbetsordningen: 1.2, gäller från 1 januari 2027 (B-2026-10)",
    ]


def test_organisation_changes(shipped: Dataset, tmp_path: Path) -> None:
    head = edited(
        tmp_path, ("organisation.yaml", "namn: Kansliet för SweCan", "namn: SweCans kansli")
    )
    assert organisation_changes(shipped, head, LATE) == [
        "organisation.yaml ändrad (ordförande, arbetsutskott, kansli eller arbetsgrupper)"
    ]
    assert organisation_changes(None, head, LATE) == []
    assert organisation_changes(shipped, shipped, LATE) == []


def test_a_report_counts_as_published_by_the_sites_own_rule(
    shipped: Dataset, tmp_path: Path
) -> None:
    """facts.report_published: not a draft and publicerad reached – before that date the
    summary does not say the report is published."""
    repo = copy_data(tmp_path / "data")
    repo.write(
        "content/rapporter/2026-arsrapport.md",
        "---\ntitel: Årsrapport 2026\når: 2026\ntyp: årsrapport\n"
        "publicerad: 2027-02-15\n---\n\nText.\n",
    )
    head = load(repo.root).dataset
    assert head is not None
    assert report_changes(shipped, head, date(2027, 2, 14)) == ["rapport ändrad: årsrapport 2026"]
    assert report_changes(shipped, head, date(2027, 2, 15)) == [
        "årsrapport 2026 publiceras (15 februari 2027)"
    ]


def test_a_change_to_site_code_is_said_first(history: DataRepo, capsys) -> None:
    """Issue 18: a reviewer reading a data diff must see that site code changes too."""
    history.replace("partners.yaml", "    inbjuden: 2026-01-17\n", "    inbjuden: 2026-01-16\n")
    (history.root / "docs").mkdir(exist_ok=True)
    (history.root / "docs" / "evil.html").write_text("<script></script>", encoding="utf-8")
    (history.root / "overrides").mkdir(exist_ok=True)
    (history.root / "overrides" / "x`y.html").write_text("<p>x</p>", encoding="utf-8")
    _, out = summary(history, capsys)
    lines = out.splitlines()
    assert lines[2].startswith("> **Ändrar webbplatsens kod, inte bara data:** 2 fil(er).")
    assert "- docs/evil.html" in lines and "- overrides/x`y.html" in lines
    assert "partners.yaml" not in out.split("### Ändringar")[0]


def test_a_data_only_change_says_nothing_about_code(history: DataRepo, capsys) -> None:
    history.replace("partners.yaml", "    inbjuden: 2026-01-17\n", "    inbjuden: 2026-01-16\n")
    _, out = summary(history, capsys)
    assert "webbplatsens kod" not in out


def test_codeowners_require_a_developer_for_everything_but_data() -> None:
    lines = [
        line.split()
        for line in (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owners = {path: rest for path, *rest in lines}
    developers = owners["*"]
    assert developers and all(owner.startswith("@") for owner in developers)
    data = {p.strip("/") for p in prsummary.DATA_PATHS}
    assert {path.strip("/") for path in owners if path != "*"} == data
    assert all(owners[path] != developers for path in owners if path != "*")


def test_data_in_the_summary_cannot_make_markdown(history: DataRepo, capsys) -> None:
    """Issue 18: a partner name with an image, a link, HTML and an autolink shows as text."""
    hostile = (
        "![x](https://evil.example/t.png) <img src=x> [klick](https://evil.example) "
        "www.evil.example"
    )
    history.replace(
        "partners.yaml",
        "    inbjuden: 2026-01-17\n",
        "    inbjuden: 2026-01-17\n\n  - id: region-testland\n"
        f"    namn: '{hostile}'\n"
        "    sektor: myndighet\n    ansluten: 2026-11-20\n    avsiktsförklaring: 2026-11-19\n",
    )
    _, raw = summary(history, capsys, raw=True)
    for active in ("](", "https://", "www.evil"):
        assert active not in raw, active
    assert re.search(r"(?<!\\)<img", raw) is None  # only as '\<img': text
    assert r"\!\[x\]\(https\:\/\/evil\.example\/t\.png\)" in raw


# --- issue 20, item 2: a truthful summary -----------------------------------------------

TYPO = ("meetings/2026-03-12-partnerskapet/mote.yaml", "  - rcc-norr\n", "  - rcc-nrr\n")


def test_a_data_error_in_the_pull_request_resolves_nothing(history: DataRepo, capsys) -> None:
    """The base has the shipped SC304 finding; the pull request has a data error, so its
    compliance rules never ran: SC304 is not fixed, and the summary must not say it is."""
    base = history.check(date.fromisoformat(AS_OF))
    assert [p.rule for p in base.findings] == ["SC304"]
    history.replace(*TYPO)
    code, out = summary(history, capsys)
    assert code == 1
    assert "### Åtgärdade fynd" not in out and "### Nya efterlevnadsfynd" not in out
    assert "SC304" not in out
    assert (
        "Efterlevnadsreglerna kördes inte för ändringen, eftersom den har datafel. "
        "Därför redovisas inga fynd som nya eller åtgärdade." in out
    )
    assert "### Datafel (måste rättas)" in out and "Menade du 'rcc-norr'?" in out


def test_a_data_error_in_the_base_makes_nothing_new(history: DataRepo, capsys) -> None:
    """A base with a data error had no findings: the pull request that fixes it does not
    introduce the findings that its compliance rules now see (SC304, raised to error on
    both sides), and the gate does not block on them."""
    history.replace("swecan.yaml", "  SC301: error", "  SC301: error\n  SC304: error")
    history.replace(*TYPO)
    git(history.root, "add", "-A")
    git(history.root, "commit", "-q", "-m", "a data error on main")
    history.replace(TYPO[0], TYPO[2], TYPO[1])
    code, out = summary(history, capsys)
    assert code == 0, out
    assert "### Åtgärdade fynd" not in out and "### Nya efterlevnadsfynd" not in out
    assert "kunde inte köras för basen" in out and "eftersom basen har datafel" in out
    unjudged = out.split("### Efterlevnadsfynd efter ändringen (inte jämförda med basen)")[1]
    assert "**SC304** (§3.2)" in unjudged
    assert "**Kan publiceras:**" in out


def test_the_comparison_is_typed_not_worded(history: DataRepo) -> None:
    """prsummary.compare on the reports themselves: without an evaluated side there is
    nothing introduced or resolved among the compliance findings."""
    as_of = date.fromisoformat(AS_OF)
    base = history.check(as_of)
    history.replace(*TYPO)
    head = history.check(as_of)
    assert prsummary.evaluated(base) and not prsummary.evaluated(head)
    broken = prsummary.compare(head, base)
    assert not broken.comparable and broken.resolved == []
    assert [p.rule for p in broken.introduced] == [p.rule for p in head.data_errors]
    backwards = prsummary.compare(base, head)
    assert backwards.introduced == [] and backwards.exit_code == 0
    fair = prsummary.compare(base, base)
    assert fair.comparable and fair.introduced == fair.resolved == []


def test_a_target_says_kansliets_mal_once(history: DataRepo, capsys) -> None:
    """SC804 is a target whose summary opens with "Kansliets mål:", and check adds the
    same label to the message: the summary line names it once."""
    history.replace(
        "organisation.yaml",
        "      till: 2026-12-31\n      e-post: swecan@socialstyrelsen.se\n"
        "      telefon: 075-247 30 00\n  vice_ordförande:",
        "      till: 2026-12-31\n      e-post: ordforande.swecan@gmail.com\n"
        "      telefon: 075-247 30 00\n  vice_ordförande:",
    )
    code, out = summary(history, capsys)
    assert code == 0  # a warning
    new = out.split("### Nya efterlevnadsfynd")[1].split("###")[0]
    entries = [entry for entry in new.split("\n- ") if "**SC804**" in entry]
    assert len(entries) == 1, new
    assert entries[0].count("Kansliets mål") == 1, entries[0]
    assert "*Ordförandenas kontaktadresser ligger inte hos en privat e-posttjänst*" in entries[0]


def test_an_obligation_names_its_basis(history: DataRepo, capsys) -> None:
    history.replace(
        "meetings/2026-06-10-partnerskapet/mote.yaml",
        "kallelse_skickad: 2026-05-08",
        "kallelse_skickad: 2026-05-20",
    )
    _, out = summary(history, capsys)
    assert "*Arbetsordningens krav: " in out.split("### Nya efterlevnadsfynd")[1]
