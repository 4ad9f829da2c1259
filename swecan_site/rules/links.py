"""Links inside the site from the data's own texts lead to a page that exists."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from .. import urls
from ..layout import ASSETS_DIR, MEETINGS_DIR
from ..markup import url_scheme
from ..matters import MatterStatus
from ..problems import Kind, Location
from .base import Context, Result, SubjectRef, failed, rule

# Where a link's address is written in Markdown: [text](address), a reference
# definition [id]: address, or an href in the little HTML the allowlist permits.
_INLINE = re.compile(r"\]\(\s*<?([^\s)>]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_CODE = re.compile(r"`[^`\n]*`")

ADVICE = (
    "Skriv sidans .md-namn räknat från sidan där texten visas (t.ex. ../organisation.md "
    "i ett protokoll, organisation.md på en sida under content/) eller en https://-adress."
)


def _targets(text: str) -> Iterator[tuple[str, int]]:
    """(address, offset) of every link address in ``text``, outside code."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return  # no inline link, reference definition or HTML tag: most protocols
    blank = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    blank = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), blank)
    for pattern in (_INLINE, _REFERENCE, _HREF):
        for match in pattern.finditer(blank):
            yield match.group(1), match.start(1)


def _pages(ctx: Context) -> set[str]:
    """The Markdown sources of the pages a link from the data may lead to."""
    data = ctx.data
    fixed = [
        urls.START, urls.ORGANISATION, urls.DECISIONS, urls.MEETINGS, urls.PARTNERS,
        urls.RULES, urls.REPORTS, urls.COMPLIANCE, urls.OPEN_DATA, urls.CHANGELOG,
        urls.DEADLINES, urls.MATTERS,
    ]  # fmt: skip
    years = {m.date.year for m in data.meetings}
    found = [
        *fixed,
        *(urls.page(doc.slug) for doc in data.pages),
        *urls.TRANSLATIONS.values(),
        *(urls.english_page(doc.slug) for doc in data.english_pages),
        *(urls.meeting(m.meeting_id) for m in data.meetings),
        *(urls.partner(p.id) for p in data.partners),
        *(urls.rules_version(doc.slug) for doc in data.rules_versions),
        *(urls.report(doc.slug) for doc in data.reports),
        *(urls.decisions_year(year) for year in years),
        *(urls.compliance_year(year) for year in years),
        *(urls.matter_page(matter.id) for m in data.meetings for matter in m.matters),
        *(urls.matters_year(year) for year in years),
        *(urls.matters_status(status) for status in MatterStatus),
    ]
    return {urls.source(url) for url in found}


def _texts(ctx: Context) -> Iterator[tuple[str, int, str, str, str | None]]:
    """(file, first line, text, the page it is shown on, its meeting folder or None)."""
    for meeting in ctx.data.meetings:
        if meeting.protocol_text is not None:
            page = urls.source(urls.meeting(meeting.meeting_id))
            folder = f"{MEETINGS_DIR}/{meeting.meeting_id}"
            yield meeting.protocol_file, 1, meeting.protocol_text, page, folder
    for doc in ctx.data.pages:
        yield doc.file, doc.body_line, doc.body, urls.source(urls.page(doc.slug)), None
    for doc in ctx.data.english_pages:
        yield doc.file, doc.body_line, doc.body, urls.source(urls.english_page(doc.slug)), None
    for report in ctx.data.reports:
        yield (
            report.file,
            report.body_line,
            report.body,
            urls.source(urls.report(report.slug)),
            None,
        )
    for version in ctx.data.rules_versions:
        page = urls.source(urls.rules_version(version.slug))
        yield version.file, version.body_line, version.body, page, None


def _problem(address: str, page: str, pages: set[str], root: str, folder: str | None) -> str:
    """Why ``address`` on ``page`` leads nowhere ("" when it leads to a page or a file)."""
    path = address.split("#", 1)[0].split("?", 1)[0]
    if not path or url_scheme(address):  # an anchor on the page; schemes are SC023's
        return ""
    if path.startswith("/"):
        return f"Länken '{address}' är en absolut sökväg; den fungerar inte på alla adresser."
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if resolved.startswith(".."):
        return f"Länken '{address}' pekar ut ur webbplatsen."
    if resolved in pages:
        return ""
    if folder is not None and "/" not in path and _is_file(root, f"{folder}/{path}"):
        return ""  # a file of the meeting folder, published beside the meeting page
    if _is_file(root, f"{ASSETS_DIR}/{resolved}"):
        return ""  # a static file of the site (docs/)
    return f"Länken '{address}' leder inte till någon sida på webbplatsen."


def _is_file(root: str, relative: str) -> bool:
    base = Path(root).resolve()
    target = (base / relative).resolve()
    return target.is_relative_to(base) and target.is_file()


@rule(
    "SC034",
    "lank-inom-webbplatsen",
    "–",
    "En länk inom webbplatsen leder till en sida som finns",
    kind=Kind.DATA,
)
def internal_links(ctx: Context) -> Iterator[Result]:
    """
    Vad: En länk i protokoll.md eller en sida under content/ leder inte till
    någon sida på webbplatsen: sidan finns inte, adressen är absolut
    (/partners/) eller pekar ut ur webbplatsen (../../), eller den skrivs som
    en mapp (partners/) i stället för sidans .md-namn.

    Varför: En trasig länk i en offentlig handling leder besökaren fel, och
    bygget stoppar på den – med sidans namn i stället för er fil och rad.
    Kontrollen säger var länken står innan bygget gör det.

    Åtgärd: Länka till sidan med dess .md-namn räknat från sidan där texten
    visas: från ett protokoll (som visas på moten/<möte>/)
    [Organisation och kontakt](../organisation.md), från en sida under
    content/ (organisation.md). En fil i mötesmappen länkas med sitt namn.
    Länkar till andra webbplatser skrivs med https://.
    """
    pages = _pages(ctx)
    root = str(ctx.data.root)
    for file, first_line, text, page, folder in _texts(ctx):
        for address, offset in _targets(text):
            message = _problem(address, page, pages, root, folder)
            if message:
                line = first_line + text.count("\n", 0, offset)
                column = offset - (text.rfind("\n", 0, offset) + 1) + 1
                yield failed(
                    SubjectRef.file(file), f"{message} {ADVICE}", Location(file, line, column)
                )


RULES = [internal_links]
