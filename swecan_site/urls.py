"""The permanent URL scheme (README, "Permanent URLs"), in one place.

Every function returns a *site-relative URL* – no leading slash, as published
with ``use_directory_urls`` (``moten/2026-03-12-partnerskapet/``,
``beslut/2026/#b-2026-01``, ``data/moten.json``). The HTML pages, every open-data
file, feed and calendar take their addresses from here:

* :func:`source` turns a URL into the Markdown file MkDocs resolves
  (``moten/<id>.md``), for links between generated pages;
* :func:`link` makes that a link relative to the page being written;
* :func:`absolute` joins a URL to the site's base (``site_url`` in mkdocs.yml)
  for the IRIs of open data and feeds.

These addresses never change; new content only adds URLs.
"""

from __future__ import annotations

import posixpath

# Folders whose own page is index.md (``partners/`` is partners/index.md).
SECTIONS = ("arbetsordning", "partners", "moten", "rapporter", "efterlevnad", "beslut", "arenden")


def anchor(identifier: str) -> str:
    """A stable, lower-case HTML id: 'B-2026-07' -> 'b-2026-07', 'Ä-2026-01' -> 'a-2026-01'."""
    return identifier.lower().replace("ä", "a").replace("å", "a").replace("ö", "o")


# --- pages -----------------------------------------------------------------------

START = ""
ORGANISATION = "organisation/"
DECISIONS = "beslut/"
MEETINGS = "moten/"
PARTNERS = "partners/"
RULES = "arbetsordning/"  # the version in force
REPORTS = "rapporter/"
COMPLIANCE = "efterlevnad/"
OPEN_DATA = "oppna-data/"


def page(slug: str) -> str:
    """A content page (content/<slug>.md): ``utgangspunkter/``."""
    return f"{slug}/"


def meeting(meeting_id: str) -> str:
    return f"moten/{meeting_id}/"


def protocol(meeting_id: str) -> str:
    """The protocol section of a meeting page."""
    return f"moten/{meeting_id}/#protokoll"


def protocol_paragraph(meeting_id: str, paragraph: int) -> str:
    return f"moten/{meeting_id}/#p-{paragraph}"


def decisions_year(year: int) -> str:
    """One year of the decision register: ``beslut/2026/``."""
    return f"beslut/{year}/"


def decision(decision_id: str, year: int) -> str:
    """A decision on its year's page of the register (also anchored on its meeting page).

    ``year`` is the year of the meeting that took the decision (a date from the
    data, never read from the id): ``beslut/2026/#b-2026-07``.
    """
    return f"{decisions_year(year)}#{anchor(decision_id)}"


def decision_pointer(decision_id: str) -> str:
    """The address decisions had before the register was split by year
    (``beslut/#b-2026-07``): the register's index keeps an element with that id,
    linking to :func:`decision`, so old links still land on the decision."""
    return f"{DECISIONS}#{anchor(decision_id)}"


def decision_on_meeting(meeting_id: str, decision_id: str) -> str:
    return f"moten/{meeting_id}/#{anchor(decision_id)}"


def matter(meeting_id: str, matter_id: str) -> str:
    return f"moten/{meeting_id}/#{anchor(matter_id)}"


MATTERS = "arenden/"  # the ärenderegister


def matter_page(matter_id: str) -> str:
    """A matter's own page with its course across meetings: ``arenden/a-2026-09/``."""
    return f"{MATTERS}{anchor(matter_id)}/"


def matters_year(year: int) -> str:
    """The matters raised in one year: ``arenden/2026/``."""
    return f"{MATTERS}{year}/"


def matters_status(status: str) -> str:
    """The matters in one status on the as-of date: 'på dagordningen' ->
    ``arenden/status/pa-dagordningen/``."""
    return f"{MATTERS}status/{anchor(status).replace(' ', '-')}/"


def meeting_file(meeting_id: str, relative: str) -> str:
    """A public underlag published beside its meeting page."""
    return f"moten/{meeting_id}/{relative}"


def meeting_compliance(meeting_id: str) -> str:
    return f"moten/{meeting_id}/#efterlevnad-av-arbetsordningen"


def partner(partner_id: str) -> str:
    return f"partners/{partner_id}/"


def rules_version(slug: str) -> str:
    """An arbetsordning version by its file name (``1.0``): ``arbetsordning/1.0/``."""
    return f"arbetsordning/{slug}/"


def rules_comparison(slug: str) -> str:
    """An arbetsordning version compared with the version in force, section by section:
    ``arbetsordning/1.0/jamfor/`` (one page per version that is not in force)."""
    return f"{rules_version(slug)}jamfor/"


DEADLINES = "efterlevnad/frister/"  # Kommande frister (outside the nav)
DEADLINES_CALENDAR = "efterlevnad/frister.ics"


def compliance_year(year: int) -> str:
    """The compliance findings of one year: ``efterlevnad/2026/``."""
    return f"{COMPLIANCE}{year}/"


def rule(rule_id: str) -> str:
    """A rule's compliance page: ``efterlevnad/sc302/``."""
    return f"efterlevnad/{rule_id.lower()}/"


def report(slug: str) -> str:
    return f"rapporter/{slug}/"


def organisation_contact() -> str:
    return "organisation/#kontakt"


def committee() -> str:
    return "organisation/#arbetsutskottet"


# --- files -----------------------------------------------------------------------

DATA_DIR = "data/"
SCHEMAS_DIR = "data/schemas/"


def data_file(name: str) -> str:
    """An open-data file: ``data/moten.json``, ``data/csv/beslut.csv``."""
    return f"{DATA_DIR}{name}"


def schema(name: str) -> str:
    """The JSON Schema of an open-data file: ``data/schemas/moten.schema.json``."""
    return f"{SCHEMAS_DIR}{name}"


def calendar(body: str | None = None) -> str:
    """All meetings (``kalender/swecan.ics``) or one organ's (``kalender/<organ>.ics``)."""
    return f"kalender/{body or 'swecan'}.ics"


def meeting_event(meeting_id: str) -> str:
    """One meeting as an iCalendar file to add to a calendar: ``kalender/moten/<id>.ics``."""
    return f"kalender/moten/{meeting_id}.ics"


def feed(name: str) -> str:
    """An Atom feed: ``flode/protokoll.xml``."""
    return f"flode/{name}.xml"


DCAT = "datasets/dcat"  # the path dataportal.se harvests
CHECKSUMS = "SHA256SUMS"  # every published file's SHA-256 (checksums.py)


# --- turning URLs into links ---------------------------------------------------------


def source(url: str) -> str:
    """The Markdown source MkDocs resolves for a site-relative URL.

    ``moten/x/#p-3`` -> ``moten/x.md#p-3``; ``partners/`` -> ``partners/index.md``;
    ``""`` -> ``index.md``; a file (``data/moten.json``) stays as it is.
    """
    path, hash_, fragment = url.partition("#")
    if path == "":
        path = "index.md"
    elif path.endswith("/"):
        stem = path[:-1]
        path = f"{stem}/index.md" if stem in SECTIONS else f"{stem}.md"
    return path + hash_ + fragment


def link(url: str, here: str) -> str:
    """A link from the generated page ``here`` (``moten/x.md``) to ``url``, for Markdown."""
    target = source(url)
    path, hash_, fragment = target.partition("#")
    if not path:
        return hash_ + fragment
    if path == here:
        return (hash_ + fragment) or posixpath.basename(path)
    return _relative(path, posixpath.dirname(here)) + hash_ + fragment


def _relative(path: str, start: str) -> str:
    """posixpath.relpath for two site-relative paths, without its os.getcwd() per call
    (a partner register links thousands of times)."""
    target = path.split("/")
    base = start.split("/") if start else []
    common = 0
    while common < min(len(target), len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:]) or "."


def absolute(base: str, url: str) -> str:
    """``url`` under the site's base (``https://swecan.example.se/``)."""
    if not base:
        raise ValueError("an absolute address needs site_url (mkdocs.yml)")
    return base.rstrip("/") + "/" + url


# --- the data's repository (publisher.repository in swecan.yaml; GitHub's addresses) ---


def source_history(repository: str, path: str) -> str:
    """The change history of a source file or folder in the data's repository."""
    return f"{repository.rstrip('/')}/commits/HEAD/{path.rstrip('/')}"


def source_commit(repository: str, sha: str) -> str:
    return f"{repository.rstrip('/')}/commit/{sha}"


CHANGELOG = "andringslogg/"  # Ändringslogg: the latest changes and the years


def changelog_year(year: int) -> str:
    """A year of the change log (every change that year)."""
    return f"{CHANGELOG}{year}/"


def changelog_entry(year: int, commit: str) -> str:
    """One commit's changes, on its year's page (``commit``: the short hash)."""
    return f"{changelog_year(year)}#andring-{commit}"


# --- the English summary edition (issue 21) ------------------------------------------
# Swedish is the site's language; a few pages have an English summary under en/.
# TRANSLATIONS is the one list of which Swedish page has which English counterpart:
# the hreflang links, the language switch, the page family and the check that no
# English page lacks its Swedish one (and the reverse) all read it.

ENGLISH = "en/"


def english(path: str = "") -> str:
    """A page of the English edition: ``en/``, ``en/meetings/``."""
    return f"{ENGLISH}{path}"


EN_START = english()
EN_PARTNERS = english("partners/")
EN_ORGANISATION = english("organisation/")
EN_MEETINGS = english("meetings/")
EN_DECISIONS = english("decisions/")
EN_COMPLIANCE = english("compliance/")
EN_OPEN_DATA = english("open-data/")
EN_ACCESSIBILITY = english("accessibility/")
EN_PRIVACY = english("privacy/")


def english_page(slug: str) -> str:
    """A page from content/en/<slug>.md: ``start`` is the edition's home (``en/``)."""
    return EN_START if slug == "start" else english(f"{slug}/")


TRANSLATIONS: dict[str, str] = {
    START: EN_START,
    PARTNERS: EN_PARTNERS,
    ORGANISATION: EN_ORGANISATION,
    MEETINGS: EN_MEETINGS,
    DECISIONS: EN_DECISIONS,
    COMPLIANCE: EN_COMPLIANCE,
    OPEN_DATA: EN_OPEN_DATA,
    page("tillganglighet"): EN_ACCESSIBILITY,
    page("personuppgifter"): EN_PRIVACY,
}
_SWEDISH = {en: sv for sv, en in TRANSLATIONS.items()}


def language(url: str) -> str:
    """The language of the page at ``url`` (MkDocs' page.url): "en" under en/, else "sv"."""
    return "en" if url == ENGLISH or url.startswith(ENGLISH) else "sv"


def counterpart(url: str) -> str | None:
    """The same page in the other language (``moten/`` <-> ``en/meetings/``), or None."""
    path = url.partition("#")[0]
    return TRANSLATIONS.get(path) or _SWEDISH.get(path)
