"""The built site's content: §7 completeness, decisions, drafts, links and anchors."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from swecan_site.loader import load
from swecan_site.models import MeetingStatus, ProtocolStatus

from ..conftest import AS_OF, REPO

BASE = "http://site.invalid/"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for attr in ("href", "src"):
            if attributes.get(attr) and tag in ("a", "link", "script", "img"):
                self.links.append(attributes[attr])


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def file_for(site: Path, url: str) -> Path | None:
    """The file a same-site URL resolves to, or None for other origins."""
    parsed = urlparse(url)
    if parsed.scheme in ("mailto", "tel", "data") or not url.startswith(BASE):
        return None
    path = site / unquote(parsed.path[len(urlparse(BASE).path):])
    return path / "index.html" if path.is_dir() or parsed.path.endswith("/") else path


def url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return BASE + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


@pytest.fixture(scope="module")
def data():
    return load(REPO).dataset


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[Path, _Page]:
    return {p: parse(p) for p in site.rglob("*.html")}


def test_every_page_of_the_issue_is_built(site: Path) -> None:
    for path in ["index.html", "arbetsordning/index.html", "utgangspunkter/index.html",
                 "avsiktsforklaring/index.html", "partners/index.html",
                 "organisation/index.html", "moten/index.html", "beslut/index.html",
                 "rapporter/index.html", "efterlevnad/index.html",
                 "tillganglighet/index.html", "personuppgifter/index.html"]:  # fmt: skip
        assert (site / path).is_file(), path


def test_every_internal_link_and_anchor_resolves(site: Path, pages) -> None:
    broken = []
    for path, page in pages.items():
        base = url_of(site, path)
        for link in page.links:
            url = urljoin(base, link)
            target = file_for(site, url)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: {link} (no file)")
                continue
            fragment = urlparse(url).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in pages[target].ids:
                broken.append(f"{path.relative_to(site)}: {link} (no anchor)")
    assert not broken, "\n".join(broken)


def _distance_from_start(site: Path, pages) -> dict[str, int]:
    """Clicks from the start page to every URL (with fragment) reachable by links."""
    start = BASE
    seen = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        target = file_for(site, url.split("#")[0])
        if target is None or target not in pages or seen[url] >= 2:
            continue
        for link in pages[target].links:
            nxt = urljoin(url, link)
            if nxt.startswith(BASE) and nxt not in seen:
                seen[nxt] = seen[url] + 1
                queue.append(nxt)
    return seen


def test_section_7_documents_within_two_clicks_of_the_start_page(site: Path, pages, data):
    reach = _distance_from_start(site, pages)
    held = [m for m in data.meetings if m.protocol and m.protocol.status != ProtocolStatus.DRAFT]
    required = {
        "arbetsordning": BASE + "arbetsordning/",
        "partnerförteckning": BASE + "partners/",
        "kontaktuppgifter": BASE + "organisation/#kontakt",
        "mötesprotokoll": BASE + f"moten/{held[-1].meeting_id}/",
        "beslut": BASE + "beslut/",
        "årsrapporter": BASE + "rapporter/",
    }
    for what, url in required.items():
        assert reach.get(url, 99) <= 2, f"{what} ({url}) is not within two clicks"
    assert "Ordförande i SweCan" in (site / "organisation/index.html").read_text()


def test_every_held_meeting_past_its_deadline_links_to_its_protocol(site: Path, data) -> None:
    index = (site / "moten/index.html").read_text(encoding="utf-8")
    checked = 0
    for meeting in data.meetings:
        deadline = meeting.date.toordinal() + data.params(meeting.date).protocol_days
        if meeting.status is not MeetingStatus.HELD or AS_OF.toordinal() <= deadline:
            continue
        checked += 1
        assert f'href="{meeting.meeting_id}/"' in index
        html = (site / f"moten/{meeting.meeting_id}/index.html").read_text(encoding="utf-8")
        assert 'id="protokoll"' in html and 'id="p-1"' in html, meeting.meeting_id
    assert checked >= 5


def test_every_decision_is_in_the_register_and_on_its_meeting_page(site: Path, data) -> None:
    register = parse(site / "beslut/index.html")
    decisions = list(data.decisions())
    assert len(decisions) == 10
    for meeting, decision in decisions:
        anchor = decision.id.lower()
        assert anchor in register.ids, decision.id
        assert anchor in parse(site / f"moten/{meeting.meeting_id}/index.html").ids
        assert f"p-{decision.paragraph}" in parse(
            site / f"moten/{meeting.meeting_id}/index.html"
        ).ids


def _all_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml", ".txt")
    )  # fmt: skip


def test_drafts_and_confidential_underlag_appear_nowhere(site: Path, data) -> None:
    everything = _all_text(site)
    assert (site / "search/search_index.json").is_file()
    draft = data.meeting("2026-11-12-arbetsutskottet")
    assert draft.protocol.status is ProtocolStatus.DRAFT
    for line in draft.protocol_text.splitlines():
        sentence = line.strip()
        if len(sentence) > 40:  # distinctive sentences of the draft, not shared headings
            assert sentence not in everything, sentence
    hidden = [u.title for m in data.meetings for x in m.matters for u in x.documents
              if not u.public]  # fmt: skip
    assert hidden
    for title in hidden:
        assert title not in everything, title


def test_example_data_is_labelled(site: Path) -> None:
    for path in ["index.html", "partners/index.html", "moten/2026-06-10-partnerskapet/index.html",
                 "beslut/index.html", "organisation/index.html"]:  # fmt: skip
        assert "Exempeldata" in (site / path).read_text(encoding="utf-8"), path


def test_no_third_party_resources_in_markup(site: Path, pages) -> None:
    for path, page in pages.items():
        for link in page.links:
            if re.match(r"https?://", link):
                # outbound links are fine; resources (scripts, styles, images) are not
                assert not link.endswith((".js", ".css", ".woff", ".woff2")), (path, link)
    everything = _all_text(site)
    assert "fonts.googleapis" not in everything and "fonts.gstatic" not in everything


def test_compliance_page_shows_the_finding_with_evidence(site: Path) -> None:
    html = (site / "efterlevnad/2026/index.html").read_text(encoding="utf-8")
    assert "SC304" in html and "16 dagar efter mötet" in html
    rule = (site / "efterlevnad/sc302/index.html").read_text(encoding="utf-8")
    assert "§3.1" in rule and "33 dagar före mötet" in rule


def test_swedish_language_and_dates(site: Path) -> None:
    html = (site / "moten/2026-06-10-partnerskapet/index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    assert "onsdag 10 juni 2026" in html


def test_generator_notice_is_off(site: Path) -> None:
    assert "Made with" not in (site / "index.html").read_text(encoding="utf-8")
