"""Atom feeds (RFC 4287) of what SweCan publishes: protocols, decisions, reports, rules.

/flode/protokoll.xml, /flode/beslut.xml, /flode/rapporter.xml,
/flode/arbetsordning.xml and /flode/allt.xml (all four together); /flode/andringslogg.xml
is the change log (one entry per commit that changed the public record). Ids are tag
URIs (RFC 4151) minted once from the site's host and the year the site began,
``tag:<host>,2026:beslut/B-2026-03``, so an entry keeps its id whatever else
changes. ``updated`` is the date the item became public (a protocol: the day it
was färdigställt, or approved if that came later; a decision: its protocol's
day), so the feeds are the same on every build of the same data and date.
Summaries are plain text (feedgen/lxml escape them); no HTML from the data.
Everything comes from the :class:`~swecan_site.public.PublicView`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from .. import labels, urls
from ..dates import STOCKHOLM
from ..licence import LICENSE
from ..models import ContentDoc, Meeting, ReportMeta, RulesVersionMeta
from ..public import PublicView
from .record import CatalogueEntry, DataFile, Output, per_view

TIMEZONE = STOCKHOLM
TAG_YEAR = "2026"  # the year SweCan's site began; part of every id, never changed
AUTHOR = "SweCan"
RIGHTS = f"Fri att återanvända: CC0 1.0 ({LICENSE})"


@dataclass(frozen=True)
class Entry:
    kind: str  # the feed: protokoll, beslut, rapporter, arbetsordning
    key: str  # the item's permanent id within its kind
    title: str
    summary: str
    link: str
    updated: date
    published: date


FEEDS = {
    "protokoll": ("SweCan – protokoll", "Färdigställda och godkända protokoll.", urls.MEETINGS),
    "beslut": ("SweCan – beslut", "Beslut i partnerskapet och arbetsutskottet.", urls.DECISIONS),
    "rapporter": ("SweCan – rapporter", "Årsrapporter och verksamhetsberättelser.", urls.REPORTS),
    "arbetsordning": (
        "SweCan – arbetsordning",
        "Beslutade versioner av SweCans arbetsordning.",
        urls.RULES,
    ),
    "arenden": (
        "SweCan – ärenden",
        "Ärendets gång: väckta ärenden, dagordningar, beredning, bordläggning och beslut.",
        urls.MATTERS,
    ),
    "allt": (
        "SweCan – protokoll, beslut, rapporter och arbetsordning",
        "Allt som SweCan publicerar enligt arbetsordningen §7.",
        urls.START,
    ),
    "andringslogg": (
        "SweCan – ändringslogg",
        "Varje ändring av SweCans offentliga register enligt versionshistoriken.",
        urls.CHANGELOG,
    ),
}


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "swecan.invalid"


def tag(site_url: str, path: str) -> str:
    return f"tag:{host(site_url)},{TAG_YEAR}:{path}"


def _when(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), TIMEZONE)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def protocol_date(meeting: Meeting, approved_on: date | None) -> date:
    """The day the protocol became public: färdigställt (or approved, when later)."""
    protocol = meeting.protocol
    days = [d for d in (protocol.completed if protocol else None, approved_on) if d is not None]
    return max(days) if days else meeting.date


def protocol_entries(view: PublicView) -> list[Entry]:
    result = []
    for meeting in view.meetings():
        protocol = meeting.protocol
        if protocol is None or not view.protocol_published(meeting):
            continue
        approved_on = view.protocol_approved_on(meeting)
        title = labels.meeting_title(meeting)
        state = labels.protocol_state(meeting, approved_on)
        ids = ", ".join(d.id for d in view.meeting_decisions(meeting))
        summary = f"Protokoll från {_lower_first(title)}"
        summary += f" ({state})." if state else "."
        summary += f" Beslut: {ids}." if ids else " Inga beslut."
        result.append(
            Entry(
                "protokoll",
                meeting.meeting_id,
                f"Protokoll: {title}",
                summary,
                urls.absolute(view.base_url, urls.protocol(meeting.meeting_id)),
                protocol_date(meeting, approved_on),
                protocol_date(meeting, None),
            )
        )
    return result


def decision_entries(view: PublicView) -> list[Entry]:
    result = []
    for meeting, decision in view.decisions():
        day = protocol_date(meeting, None)
        summary = (
            f"{decision.text} (Beslut {decision.id}, § {decision.paragraph}, "
            f"{_lower_first(labels.meeting_title(meeting))}.)"
        )
        result.append(
            Entry(
                "beslut",
                decision.id,
                f"{decision.id}: {decision.title}",
                summary,
                urls.absolute(view.base_url, urls.decision(decision.id, meeting.date.year)),
                day,
                day,
            )
        )
    return result


def report_date(doc: ContentDoc[ReportMeta]) -> date:
    meta = doc.meta
    return meta.published or meta.adopted or date(meta.year, 12, 31)


def report_entries(view: PublicView) -> list[Entry]:
    result = []
    for doc in view.reports():
        meta = doc.meta
        summary = meta.description or f"{meta.kind} för {meta.year}."
        day = report_date(doc)
        link = urls.absolute(view.base_url, urls.report(doc.slug))
        result.append(Entry("rapporter", doc.slug, meta.title, summary, link, day, day))
    return result


def rules_entries(view: PublicView) -> list[Entry]:
    result = []
    versions: list[ContentDoc[RulesVersionMeta]] = view.rules_versions()
    for doc in versions:
        meta = doc.meta
        found = view.decision(meta.adopted_by)  # None until its protocol is published
        adopted = protocol_date(found[0], None) if found else meta.in_force
        summary = (
            f"Arbetsordningen version {meta.version}, antagen genom beslut {meta.adopted_by}, "
            f"gäller från {labels.sv_date(meta.in_force)}."
        )
        if meta.description:
            summary += f" {meta.description}"
        day = min(adopted, meta.in_force)
        link = urls.absolute(view.base_url, urls.rules_version(doc.slug))
        title = f"{meta.title} (version {meta.version})"
        result.append(Entry("arbetsordning", meta.version, title, summary, link, day, day))
    return result


_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", " ": "-"})


def matter_entries(view: PublicView) -> list[Entry]:
    """One entry per public step of a matter's course (swecan_site.matters, through
    PublicView.matter_events): ``updated`` is the day it became public – an outcome with
    its protocol, an agenda with its kallelse – and nothing later than the as-of date."""
    result = []
    for record in view.matter_records():
        link = urls.absolute(view.base_url, urls.matter_page(record.id))
        documents = 0
        for event in view.matter_events(record):
            meeting = event.meeting
            day = event.day
            where = ""
            if meeting is not None:
                where = f" ({_lower_first(labels.meeting_title(meeting))})"
                if event.needs_protocol:
                    day = protocol_date(meeting, None)
                elif meeting.notice_sent is not None:
                    day = min(day, meeting.notice_sent)
            if day > view.as_of:
                continue
            part = f"{event.day.isoformat()}-{str(event.kind).translate(_ASCII)}"
            if meeting is not None:
                part += f"-{meeting.meeting_id}"
            if event.document is not None:
                documents += 1
                part += f"-{documents}"
            what = str(event.kind).capitalize()
            if event.decision is not None:
                what += f" ({event.decision.id})"
            summary = (
                f"{record.id} {record.matter.title}: {event.kind!s} "
                f"{labels.sv_date(event.day)}{where}."
            )
            key = f"{urls.anchor(record.id)}/{part}"
            result.append(Entry("arenden", key, f"{record.id}: {what}", summary, link, day, day))
    return result


CHANGELOG_ENTRIES = 50  # a feed says what is new; the whole log is on the pages and in JSON


def changelog_entries(view: PublicView) -> list[Entry]:
    """One entry per commit of the latest change log (public_history.py): today's names,
    plain text; the commit that brought the data into git is not a change."""
    history = view.history
    result = []
    for item in history.log[:CHANGELOG_ENTRIES]:
        if item.first:
            continue
        day = item.commit.day
        summary = "; ".join(
            f"{line.label}: {line.name}" for line in map(history.line, item.changes)
        )
        link = urls.absolute(view.base_url, urls.changelog_entry(day.year, item.commit.short))
        title = f"Ändringar {labels.sv_date(day)}"
        result.append(Entry("andringslogg", item.commit.sha, title, summary, link, day, day))
    return result


@per_view
def entries(view: PublicView) -> dict[str, list[Entry]]:
    found = {
        "protokoll": protocol_entries(view),
        "beslut": decision_entries(view),
        "rapporter": report_entries(view),
        "arbetsordning": rules_entries(view),
    }
    found["allt"] = [e for kind in list(found) for e in found[kind]]
    found["andringslogg"] = changelog_entries(view)  # not in "allt": changes, not documents
    found["arenden"] = matter_entries(view)  # not in "allt": steps, not published documents
    return found


def feed(name: str, items: list[Entry], site_url: str, as_of: date) -> bytes:
    title, subtitle, page = FEEDS[name]
    gen = FeedGenerator()
    gen.id(tag(site_url, f"flode/{name}"))
    gen.title(title)
    gen.subtitle(subtitle)
    gen.author({"name": AUTHOR, "uri": urls.absolute(site_url, urls.START)})
    gen.link(href=urls.absolute(site_url, urls.feed(name)), rel="self", type="application/atom+xml")
    gen.link(href=urls.absolute(site_url, page), rel="alternate", type="text/html")
    gen.language("sv")
    gen.rights(RIGHTS)
    gen.generator("swecan-site", uri=None, version=None)
    ordered = sorted(items, key=lambda e: (e.updated, e.kind, e.key), reverse=True)
    # An empty feed is still valid: its updated is the as-of date.
    gen.updated(_when(ordered[0].updated if ordered else as_of))
    for item in ordered:
        entry = gen.add_entry(order="append")
        entry.id(tag(site_url, f"{item.kind}/{item.key}"))
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.summary(item.summary, type="text")
        entry.updated(_when(item.updated))
        entry.published(_when(item.published))
        entry.category(term=item.kind, label=item.kind.capitalize())
    return with_stylesheet(gen.atom_str(pretty=True, encoding="UTF-8"))


# A person who opens a feed in a browser sees it through docs/flode/stil.xsl (Swedish,
# no script); feed readers ignore the processing instruction (RFC 4287 allows it).
STYLESHEET = b'<?xml-stylesheet type="text/xsl" href="stil.xsl"?>\n'


def with_stylesheet(document: bytes) -> bytes:
    declaration, newline, rest = document.partition(b"\n")
    return declaration + newline + STYLESHEET + rest


def _feed_file(name: str) -> DataFile:
    title, subtitle, _ = FEEDS[name]

    def build(view: PublicView) -> bytes:
        return feed(name, entries(view)[name], view.base_url, view.as_of)

    return DataFile(
        urls.feed(name), f"{title} (Atom)", subtitle, "application/atom+xml", build,
        dataset="floden",
    )  # fmt: skip


# The feeds of what the public view has published (never a draft's decisions).
FILES: list[DataFile] = [_feed_file(name) for name in FEEDS]
DATASETS = [
    CatalogueEntry(
        "floden",
        "SweCans publiceringsflöden",
        "Nya protokoll, beslut, rapporter, versioner av arbetsordningen och ärendens gång "
        "som Atom-flöden (RFC 4287), ett per slag och ett med allt.",
        urls.START,
        ("protokoll", "beslut", "arbetsordning", "flöde"),
    )
]

OUTPUT = Output("feeds", FILES, DATASETS)
