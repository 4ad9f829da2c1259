"""Issue 19: the record proves its own history (provenance.py, changelog.py,
public_history.py), checked on repositories built here from dated commits.

Every repository starts with the shipped data committed as the first commit (the
data brought into git), then the steps of each test, each with its own date. The
expectations are written from the dates the test gives git, never read back from
the code under test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from swecan_site import changelog, provenance, prsummary
from swecan_site.cli import main

from .test_build import project_copy

AS_OF = date(2026, 12, 4)
AU = "2026-11-12-arbetsutskottet"  # its protocol is a draft in the shipped data
AU_YAML = f"meetings/{AU}/mote.yaml"
DRAFT = "protokoll:\n  status: utkast\n"
DONE = "protokoll:\n  status: färdigställt\n  färdigställt: 2026-11-20\n"
PLANNED = "2026-12-03-partnerskapet"
AUTHOR = {"name": "Anna Hemlig", "email": "anna.hemlig@example.org"}
SECRET_MESSAGE = "HEMLIGT COMMITMEDDELANDE"


class Repo:
    """A project folder with a git history made of dated commits."""

    def __init__(self, root: Path, start: str = "2026-11-22T10:00:00+01:00") -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")
        self.commit(start)

    def git(self, *args: str, when: str | None = None) -> str:
        env = dict(os.environ)
        for who in ("AUTHOR", "COMMITTER"):
            env |= {f"GIT_{who}_NAME": AUTHOR["name"], f"GIT_{who}_EMAIL": AUTHOR["email"]}
        if when:
            env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def commit(self, when: str, message: str = SECRET_MESSAGE) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)

    def replace(self, file: str, old: str, new: str) -> None:
        path = self.root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(project_copy(tmp_path))


def check_text(root: Path, capsys: pytest.CaptureFixture[str], as_of: date = AS_OF) -> str:
    code = main(["--root", str(root), "check", "--as-of", as_of.isoformat()])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return out + err


def build(root: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    site = root / "site"
    code = main(["--root", str(root), "build", "--as-of", AS_OF.isoformat(), "--allow-findings",
                 "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site)])  # fmt: skip
    _, err = capsys.readouterr()
    assert code == 0, err
    return site


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def whole_site(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
    )


def assert_valid(site: Path, name: str) -> None:
    """The file, deleted objects included, against the JSON Schema the site publishes."""
    schema = json.loads(page(site, f"data/schemas/{name.removesuffix('.json')}.schema.json"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [e.message for e in validator.iter_errors(json.loads(page(site, f"data/{name}")))]
    assert errors == []


def publish_au_protocol(repo: Repo, when: str) -> None:
    repo.replace(AU_YAML, DRAFT, DONE)
    repo.commit(when)


# --- a protocol committed as a draft and made public later ---------------------------


def test_meeting_page_and_check_show_when_the_protocol_became_public(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    publish_au_protocol(repo, "2026-11-28T14:00:00+01:00")
    output = check_text(repo.root, capsys)
    # the typed date and the evidence side by side, 8 days apart (tolerance 7)
    assert (
        "Färdigställt 20 november 2026; offentligt 28 november 2026 enligt versionshistoriken"
        in output
    )
    assert "SC209" in output
    assert (
        f"{AU_YAML}:40:11: versionshistorik: protokollet från arbetsutskottets möte "
        "12 november 2026 blev offentligt 28 november 2026 (commit "
    ) in output
    site = build(repo.root, capsys)
    meeting = page(site, f"moten/{AU}/index.html")
    assert "offentligt 28 november 2026 enligt versionshistoriken" in meeting
    assert "Sidans historik" in meeting
    log = page(site, "andringslogg/index.html")
    assert "Protokoll publicerat" in log and "28 november 2026" in log


def test_a_protocol_public_when_the_data_came_into_git_has_no_publication_date(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    site = build(repo.root, capsys)
    meeting = page(site, "moten/2026-10-01-partnerskapet/index.html")
    assert (
        "offentligt redan när SweCans data fördes in i versionshistoriken 22 november 2026"
        in meeting
    )


def test_stockholm_dates_and_the_as_of_date(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    publish_au_protocol(repo, "2026-11-28T23:30:00+00:00")  # 00.30 on the 29th in Stockholm
    assert "offentligt 29 november 2026 enligt versionshistoriken" in check_text(repo.root, capsys)
    # judged as of the 28th, the commit is not history yet: no evidence, no SC209
    assert "SC209" not in check_text(repo.root, capsys, date(2026, 11, 28))


# --- merges and dates out of order ----------------------------------------------------


def test_a_merge_counts_when_it_landed_on_the_published_branch(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("checkout", "-q", "-b", "protokoll")
    publish_au_protocol(repo, "2026-11-23T09:00:00+01:00")
    repo.git("checkout", "-q", "main")
    (repo.root / "content/start.md").write_text(
        (repo.root / "content/start.md").read_text(encoding="utf-8") + "\nNy rad.\n",
        encoding="utf-8",
    )
    repo.commit("2026-11-24T09:00:00+01:00")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge", "protokoll", when="2026-11-30T16:00:00+01:00")
    assert "offentligt 30 november 2026 enligt versionshistoriken" in check_text(repo.root, capsys)


def test_a_commit_dated_before_its_parent_counts_from_the_parent(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo.root / "content/start.md").write_text("---\ntitel: Start\n---\n\nText.\n")
    repo.commit("2026-11-29T09:00:00+01:00")
    publish_au_protocol(repo, "2026-11-25T09:00:00+01:00")  # rebased: an older date
    assert "offentligt 29 november 2026 enligt versionshistoriken" in check_text(repo.root, capsys)


# --- renamed and removed records --------------------------------------------------------


def test_a_removed_meeting_keeps_its_address(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("rm", "-q", "-r", f"meetings/{PLANNED}")
    repo.commit("2026-11-30T10:00:00+01:00")
    site = build(repo.root, capsys)
    tombstone = page(site, f"moten/{PLANNED}/index.html")
    assert "Partnerskapets sammanträde 3 december 2026 finns inte längre" in tombstone
    assert "togs bort ur registret 30 november 2026" in tombstone
    log = page(site, "andringslogg/index.html")
    assert "Möte borttaget" in log and "Partnerskapets sammanträde 3 december 2026" in log
    meetings = json.loads(page(site, "data/moten.json"))["data"]
    deleted = [m for m in meetings if m.get("deleted")]
    assert [m["id"] for m in deleted] == [f"https://swecan.example.se/data/moten.json#{PLANNED}"]
    assert set(deleted[0]) == {"id", "type", "deleted", "modified", "web"}
    assert_valid(site, "moten.json")
    assert deleted[0]["modified"].startswith("2026-11-30T10:00:00+01:00")


def test_a_renamed_meeting_redirects(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    new = "2026-12-10-partnerskapet"
    repo.git("mv", f"meetings/{PLANNED}", f"meetings/{new}")
    repo.replace(f"meetings/{new}/mote.yaml", "datum: 2026-12-03", "datum: 2026-12-10")
    repo.commit("2026-11-30T10:00:00+01:00")
    site = build(repo.root, capsys)
    old = page(site, f"moten/{PLANNED}/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../2026-12-10-partnerskapet/">' in old
    assert (
        '<link rel="canonical" href="https://swecan.example.se/moten/2026-12-10-partnerskapet/">'
        in old
    )
    assert 'href="../2026-12-10-partnerskapet/"' in old  # a visible link too
    assert "har flyttat" in old


# --- what the history never publishes ---------------------------------------------------


def test_history_publishes_no_draft_text_author_or_message(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    protocol = repo.root / f"meetings/{AU}/protokoll.md"
    original = protocol.read_text(encoding="utf-8")
    protocol.write_text(original + "\nHEMLIG UTKASTMENING om en enskild person.\n")
    repo.commit("2026-11-23T09:00:00+01:00")
    protocol.write_text(original)  # the sentence is removed before publication
    publish_au_protocol(repo, "2026-11-25T09:00:00+01:00")
    site = build(repo.root, capsys)
    everything = whole_site(site)
    assert "HEMLIG UTKASTMENING" not in everything
    assert AUTHOR["email"] not in everything and AUTHOR["name"] not in everything
    assert SECRET_MESSAGE not in everything
    assert "offentligt 25 november 2026" in page(site, f"moten/{AU}/index.html")


def test_a_name_corrected_later_is_shown_as_it_reads_today(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.replace("partners.yaml", "namn: Region Uppsala\n", "namn: Region Uppsala (Ola Persson)\n")
    repo.commit("2026-11-23T09:00:00+01:00")
    repo.replace("partners.yaml", "namn: Region Uppsala (Ola Persson)\n", "namn: Region Uppsala\n")
    repo.commit("2026-11-24T09:00:00+01:00")
    site = build(repo.root, capsys)
    assert "Ola Persson" not in whole_site(site)
    assert "Partner ändrad" in page(site, "andringslogg/index.html")


# --- without the history ----------------------------------------------------------------


def test_a_shallow_clone_builds_and_shows_no_git_dates(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    publish_au_protocol(repo, "2026-11-28T14:00:00+01:00")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
                   check=True, capture_output=True)  # fmt: skip
    output = check_text(clone, capsys)
    assert (
        "Obs: ingen versionshistorik – en grund klon (--depth) har inte hela historiken" in output
    )
    assert "SC209" not in output
    site = build(clone, capsys)
    assert "Sidans historik" not in whole_site(site)
    assert "enligt versionshistoriken" not in page(site, f"moten/{AU}/index.html")


def test_a_copy_without_git_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy(tmp_path)
    assert not (root / ".git").exists()
    output = check_text(root, capsys)
    assert "Obs: ingen versionshistorik – ingen .git-katalog eller inget git-program" in output
    site = build(root, capsys)
    assert (site / "andringslogg/index.html").is_file()
    assert "ingår inte i den här kopian" in page(site, "andringslogg/index.html")


def test_evidence_can_be_turned_off(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(provenance.ENV, "0")
    assert provenance.read(repo.root, AS_OF).unavailable == provenance.UNAVAILABLE_OFF


def test_renames_keep_a_files_history(repo: Repo) -> None:
    repo.git("mv", "content/utgangspunkter.md", "content/utgangspunkter-for-samverkan.md")
    repo.commit("2026-11-30T10:00:00+01:00")
    evidence = provenance.read(repo.root, AS_OF)
    moved = evidence.of("content/utgangspunkter-for-samverkan.md")
    assert moved is not None and moved.earlier_names == ["content/utgangspunkter.md"]
    assert moved.first.day == date(2026, 11, 22) and moved.last.day == date(2026, 11, 30)
    shutil.rmtree(repo.root / ".git")
    assert provenance.read(repo.root, AS_OF).unavailable == provenance.UNAVAILABLE_NO_GIT


def test_a_removed_partner_keeps_its_address(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = (
        "  - id: region-testland\n    namn: Region Testland\n    sektor: myndighet\n"
        "    ansluten: 2026-11-20\n    avsiktsförklaring: 2026-11-19\n"
    )
    partners = repo.root / "partners.yaml"
    before = partners.read_text(encoding="utf-8")
    partners.write_text(before.rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    repo.commit("2026-11-24T09:00:00+01:00")
    partners.write_text(before, encoding="utf-8")
    repo.commit("2026-11-27T09:00:00+01:00")
    site = build(repo.root, capsys)
    tombstone = page(site, "partners/region-testland/index.html")
    assert "Partnern region-testland finns inte längre" in tombstone
    assert "togs bort ur registret 27 november 2026" in tombstone
    assert "Region Testland" not in tombstone
    partners = json.loads(page(site, "data/partners.json"))["data"]
    assert [p for p in partners if p.get("deleted")] == [
        {
            "id": "https://swecan.example.se/data/partners.json#region-testland",
            "type": "https://schema.oparl.org/1.1/Organization",
            "deleted": True,
            "modified": "2026-11-27T09:00:00+01:00",
            "web": "https://swecan.example.se/partners/region-testland/",
        }
    ]
    assert_valid(site, "partners.json")


def test_pages_link_to_the_history_in_the_repository(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repository = "https://github.com/exempel/swecan-data"
    repo.replace("swecan.yaml", '  organisation_number: "202100-5810"\n',
                 f'  organisation_number: "202100-5810"\n  repository: {repository}\n')  # fmt: skip
    publish_au_protocol(repo, "2026-11-28T14:00:00+01:00")
    site = build(repo.root, capsys)
    meeting = page(site, f"moten/{AU}/index.html")
    assert f'href="{repository}/commits/HEAD/meetings/{AU}"' in meeting
    sha = repo.git("rev-parse", "HEAD").strip()
    assert f'href="{repository}/commit/{sha}"' in meeting  # the commit that published it


def test_a_repository_address_must_be_https(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    number = '  organisation_number: "202100-5810"\n'
    repo.replace("swecan.yaml", number, number + '  repository: "javascript:alert(1)"\n')
    output = check_text(repo.root, capsys)
    assert (
        "swecan.yaml:51:15: error SC012 'javascript:alert(1)' är ingen giltig webbadress" in output
    )


def test_the_pull_request_summary_compares_with_the_base_commits_evidence(repo: Repo) -> None:
    publish_au_protocol(repo, "2026-11-30T14:00:00+01:00")  # SC209 on the base: 10 days
    base = repo.git("rev-parse", "HEAD").strip()
    repo.replace("content/start.md", "\n", "\n\n")  # an unrelated change in the pull request
    repo.commit("2026-12-01T09:00:00+01:00")
    comparison = prsummary.summary(repo.root, AS_OF, base)
    assert [p.rule for p in comparison.head.problems].count("SC209") == 1
    assert "SC209" not in [p.rule for p in comparison.introduced]


def test_a_version_that_does_not_load_proves_nothing(repo: Repo) -> None:
    partners = repo.root / "partners.yaml"
    good = partners.read_text(encoding="utf-8")
    partners.write_text(good.replace("namn: Region Uppsala\n", "namn: [trasig\n"), "utf-8")
    repo.commit("2026-11-23T09:00:00+01:00")
    partners.write_text(good.replace("namn: Region Uppsala\n", "namn: Region Uppsala län\n"))
    repo.commit("2026-11-24T09:00:00+01:00")
    evidence = provenance.read(repo.root, AS_OF)
    log = changelog.entries(repo.root, evidence)
    changes = [str(c) for entry in log for c in entry.changes]
    assert not any(c.startswith(("partner borttagen", "ny partner")) for c in changes), changes


def test_a_removed_draft_was_never_published_and_gets_no_page(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = repo.root / "content/rapporter/2026-arsrapport.md"  # a draft in the shipped data
    repo.git("rm", "-q", str(draft.relative_to(repo.root)))
    repo.commit("2026-11-25T09:00:00+01:00")
    site = build(repo.root, capsys)
    assert not (site / "rapporter/2026-arsrapport/index.html").exists()
