"""Atom feeds (RFC 4287) of what SweCan publishes: protocols, decisions, reports, rules.

/flode/protokoll.xml, /flode/beslut.xml, /flode/rapporter.xml,
/flode/arbetsordning.xml and /flode/allt.xml (all four together). Ids are tag
URIs (RFC 4151) minted once from the site's host and the year the site began,
``tag:<host>,2026:beslut/B-2026-03``, so an entry keeps its id whatever else
changes. ``updated`` is the date the item became public (a protocol: the day it
was färdigställt, or approved if that came later; a decision: its protocol's
day), so the feeds are the same on every build of the same data and date.
Summaries are plain text (feedgen/lxml escape them); no HTML from the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from ..models import ContentDoc, Decision, Meeting, ReportMeta, RulesVersionMeta
from ..render import Renderer
from ..render import format as fmt

TIMEZONE = ZoneInfo("Europe/Stockholm")
FOLDER = "flode"
TAG_YEAR = "2026"  # the year SweCan's site began; part of every id, never changed
AUTHOR = "SweCan"
RIGHTS = "Fri att återanvända: CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/)"


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
    "protokoll": ("SweCan – protokoll", "Färdigställda och godkända protokoll.", "moten/"),
    "beslut": ("SweCan – beslut", "Beslut i partnerskapet och arbetsutskottet.", "beslut/"),
    "rapporter": ("SweCan – rapporter", "Årsrapporter och verksamhetsberättelser.", "rapporter/"),
    "arbetsordning": (
        "SweCan – arbetsordning",
        "Beslutade versioner av SweCans arbetsordning.",
        "arbetsordning/",
    ),
    "allt": (
        "SweCan – protokoll, beslut, rapporter och arbetsordning",
        "Allt som SweCan publicerar enligt arbetsordningen §7.",
        "",
    ),
}


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "swecan.invalid"


def tag(site_url: str, path: str) -> str:
    return f"tag:{host(site_url)},{TAG_YEAR}:{path}"


def _when(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), TIMEZONE)


def _base(site_url: str) -> str:
    return site_url.rstrip("/") + "/"


def protocol_date(meeting: Meeting, approved_on: date | None) -> date:
    """The day the protocol became public: färdigställt (or approved, when later)."""
    protocol = meeting.protocol
    days = [d for d in (protocol.completed if protocol else None, approved_on) if d is not None]
    return max(days) if days else meeting.date


def protocol_entries(view) -> list[Entry]:
    base = _base(view.site_url)
    result = []
    for meeting in view.protocols():
        protocol = meeting.protocol
        approver = view.data.meeting(protocol.approved_at) if protocol.approved_at else None
        approved_on = approver.date if approver and approver.date <= view.as_of else None
        title = Renderer.meeting_title(meeting)
        state = f"färdigställt {fmt.sv_date(protocol.completed)}" if protocol.completed else ""
        if approved_on:
            state += f"{', ' if state else ''}godkänt vid mötet {fmt.sv_date(approved_on)}"
        ids = ", ".join(d.id for d in meeting.decisions)
        summary = f"Protokoll från {title[0].lower()}{title[1:]}"
        summary += f" ({state})." if state else "."
        summary += f" Beslut: {ids}." if ids else " Inga beslut."
        published = protocol_date(meeting, None)
        result.append(
            Entry(
                "protokoll",
                meeting.meeting_id,
                f"Protokoll: {title}",
                summary,
                f"{base}moten/{meeting.meeting_id}/#protokoll",
                protocol_date(meeting, approved_on),
                published,
            )
        )
    return result


def decision_entries(view) -> list[Entry]:
    base = _base(view.site_url)
    result = []
    decisions: list[tuple[Meeting, Decision]] = view.decisions()
    for meeting, decision in decisions:
        day = protocol_date(meeting, None)
        summary = (
            f"{decision.text} (Beslut {decision.id}, § {decision.paragraph}, "
            f"{Renderer.meeting_title(meeting)[0].lower()}{Renderer.meeting_title(meeting)[1:]}.)"
        )
        result.append(
            Entry(
                "beslut",
                decision.id,
                f"{decision.id}: {decision.title}",
                summary,
                f"{base}beslut/#{fmt.anchor(decision.id)}",
                day,
                day,
            )
        )
    return result


def report_date(doc: ContentDoc[ReportMeta]) -> date:
    meta = doc.meta
    return meta.published or meta.adopted or date(meta.year, 12, 31)


def report_entries(view) -> list[Entry]:
    base = _base(view.site_url)
    result = []
    for doc in view.reports():
        meta = doc.meta
        summary = meta.description or f"{meta.kind} för {meta.year}."
        day = report_date(doc)
        result.append(
            Entry(
                "rapporter", doc.slug, meta.title, summary, f"{base}rapporter/{doc.slug}/", day, day
            )
        )
    return result


def rules_entries(view) -> list[Entry]:
    base = _base(view.site_url)
    result = []
    versions: list[ContentDoc[RulesVersionMeta]] = view.rules_versions()
    for doc in versions:
        meta = doc.meta
        found = view.data.decision(meta.adopted_by)
        adopted = protocol_date(found[0], None) if found else meta.in_force
        summary = (
            f"Arbetsordningen version {meta.version}, antagen genom beslut {meta.adopted_by}, "
            f"gäller från {fmt.sv_date(meta.in_force)}."
        )
        if meta.description:
            summary += f" {meta.description}"
        day = min(adopted, meta.in_force)
        result.append(
            Entry(
                "arbetsordning",
                meta.version,
                f"{meta.title} (version {meta.version})",
                summary,
                f"{base}arbetsordning/{doc.slug}/",
                day,
                day,
            )
        )
    return result


def entries(view) -> dict[str, list[Entry]]:
    found = {
        "protokoll": protocol_entries(view),
        "beslut": decision_entries(view),
        "rapporter": report_entries(view),
        "arbetsordning": rules_entries(view),
    }
    found["allt"] = [e for kind in list(found) for e in found[kind]]
    return found


def feed(name: str, items: list[Entry], site_url: str, as_of: date) -> bytes:
    title, subtitle, page = FEEDS[name]
    base = _base(site_url)
    gen = FeedGenerator()
    gen.id(tag(site_url, f"{FOLDER}/{name}"))
    gen.title(title)
    gen.subtitle(subtitle)
    gen.author({"name": AUTHOR, "uri": base})
    gen.link(href=f"{base}{FOLDER}/{name}.xml", rel="self", type="application/atom+xml")
    gen.link(href=f"{base}{page}", rel="alternate", type="text/html")
    gen.language("sv")
    gen.rights(RIGHTS)
    gen.generator("swecan-site", uri=None, version=None)
    ordered = sorted(items, key=lambda e: (e.updated, e.kind, e.key), reverse=True)
    # An empty feed is still valid: it was last updated when the site began (or as_of).
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
    return gen.atom_str(pretty=True, encoding="UTF-8")


def write(view) -> dict[str, bytes]:
    return {
        f"{FOLDER}/{name}.xml": feed(name, items, view.site_url, view.as_of)
        for name, items in entries(view).items()
    }
