"""The validated model -> the public website's pages, as Markdown.

No MkDocs here: the renderer returns ``{path: markdown}`` so that any static
site engine can publish it (``swecan-site generate``), and the MkDocs plugin
stays a thin adapter. What must never be public is decided here, once:
drafts (content with ``utkast: true``, protocols that are not färdigställda) and
underlag that is not public are never rendered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import deadlines, progress
from ..check import Evaluation, Report
from ..interpretations import for_rule
from ..loader import MEETINGS_DIR, Dataset
from ..markup import safe_markdown
from ..models import (
    BODY_NAMES,
    RAISED_BY_BODIES,
    SECTOR_NAMES,
    BodyName,
    ChairRole,
    ContentDoc,
    Decision,
    DecisionKind,
    Matter,
    Meeting,
    MeetingForm,
    MeetingStatus,
    Method,
    PageMeta,
    ProtocolStatus,
    RulesVersionMeta,
    Sector,
    Underlag,
)
from ..problems import SEVERITY_SV, Kind, section_label
from ..rules import REGISTRY, Status, SubjectKind, SubjectRef
from ..rules.base import ARBETSORDNING, BASIS_LABELS, SOURCE_NAMES, Basis, Context, Quote, Rule
from ..rules.common import protocol_deadline, protocol_published, quote_holds, roll_on
from . import format as fmt
from .markdown import demote, explanation_markdown, protocol_markdown

FORM_NAMES = {
    MeetingForm.PHYSICAL: "Fysiskt möte",
    MeetingForm.HYBRID: "Hybridmöte (fysiskt och digitalt)",
    MeetingForm.DIGITAL: "Digitalt möte",
}
KIND_NAMES = {
    DecisionKind.ROLL: "Röstlängd och sammansättning",
    DecisionKind.RULES_CHANGE: "Arbetsordning",
    DecisionKind.ADMISSION: "Antagning av partner",
    DecisionKind.ELECTION: "Val",
    DecisionKind.REVIEW: "Översyn av arbetsordningen",
    DecisionKind.EVALUATION: "Extern utvärdering",
    DecisionKind.OTHER: "Övrigt",
}
PROTOCOL_NAMES = {
    ProtocolStatus.DRAFT: "utkast (publiceras inte)",
    ProtocolStatus.COMPLETED: "färdigställt",
    ProtocolStatus.APPROVED: "godkänt",
}
START_PAGE = "start"
STATEMENT_PAGE = "tillganglighet"  # written from content/tillganglighet.yaml when it exists


def quote_ref(quote: Quote) -> str:
    """Where a quote comes from, in Swedish: '§3.3' or 'Utgångspunkter för samverkan, punkt 5'."""
    if quote.source == ARBETSORDNING:
        return f"§{quote.section}"
    return f"{SOURCE_NAMES[quote.source]}, punkt {quote.section}"


class Renderer:
    def __init__(self, report: Report) -> None:
        if report.dataset is None or report.data_errors:
            raise ValueError("the site is rendered only from data without data errors")
        self.report = report
        self.data: Dataset = report.dataset
        self.as_of: date = report.as_of
        self.env = self._environment()
        self.compliance = [e for e in report.evaluations if e.rule.kind is Kind.COMPLIANCE]
        self.published_decisions = {d.id for m, d in self.data.decisions() if protocol_published(m)}

    # --- helpers available to templates --------------------------------------------

    def _environment(self) -> Environment:
        env = Environment(
            loader=PackageLoader("swecan_site", "render/templates"),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,  # Markdown output; data is escaped with the text/cell filters,
            # human Markdown passes the allowlist check (| human); see swecan_site/markup.py
        )
        env.filters.update(
            text=fmt.text,
            cell=fmt.cell,
            anchor=fmt.anchor,
            sv_date=fmt.sv_date,
            sv_time=fmt.sv_time,
            yaml_str=fmt.yaml_str,
            url=fmt.url,
            mailto=fmt.mailto,
            human=safe_markdown,
            section=lambda s: section_label(s) or "–",
            hostname=fmt.hostname,
            meeting_title=self.meeting_title,
            meeting_place=self.meeting_place,
            demote=demote,
            protocol=protocol_markdown,
            explanation=explanation_markdown,
        )
        env.globals.update(
            decision_link=self.decision_link,
            partner_link=self.partner_link,
            partner_links=lambda ids, prefix: ", ".join(self.partner_link(i, prefix) for i in ids),
            subject_link=self.subject_link,
            sector_name=lambda s: SECTOR_NAMES[Sector(s)],
            body_name=lambda b: BODY_NAMES[BodyName(b)],
            form_name=lambda f: FORM_NAMES[MeetingForm(f)],
            kind_name=lambda k: KIND_NAMES[DecisionKind(k)],
            report_kind=lambda k: str(k),
            protocol_label=self.protocol_label,
            method_text=self.method_text,
            raised_by=self.raised_by,
            underlag_line=self.underlag_line,
            version_status=self.version_status,
            quote_ref=quote_ref,
            chair_label=self.chair_label,
        )
        return env

    @staticmethod
    def meeting_title(meeting: Meeting) -> str:
        kind = "sammanträde" if meeting.body is BodyName.PARTNERSHIP else "möte"
        body = "Partnerskapets" if meeting.body is BodyName.PARTNERSHIP else "Arbetsutskottets"
        extra = "extrainsatta " if meeting.extra else ""
        return f"{body} {extra}{kind} {fmt.sv_date(meeting.date)}"

    @staticmethod
    def meeting_place(meeting: Meeting) -> str:
        if meeting.place:
            return meeting.place
        return "digitalt" if meeting.form is MeetingForm.DIGITAL else "plats meddelas senare"

    def decision_link(self, decision_id: str | None, prefix: str) -> str:
        if not decision_id:
            return "–"
        if decision_id in self.published_decisions:
            return f"[{decision_id}]({prefix}beslut.md#{fmt.anchor(decision_id)})"
        return f"{decision_id} (protokollet är inte färdigställt ännu)"

    def partner_link(self, partner_id: str, prefix: str) -> str:
        partner = self.data.partner(partner_id)
        name = fmt.cell(partner.name if partner else partner_id)
        return f"[{name}]({prefix}partners/{partner_id}.md)"

    def subject_link(self, subject: SubjectRef, prefix: str) -> str:
        """A link to the verdict's subject, chosen by its kind (never by its text)."""
        sid = subject.id
        if subject.kind is SubjectKind.MEETING and (meeting := self.data.meeting(sid)):
            return f"[{self.meeting_title(meeting)}]({prefix}moten/{sid}.md)"
        if subject.kind is SubjectKind.DECISION and sid in self.published_decisions:
            return self.decision_link(sid, prefix)
        if subject.kind is SubjectKind.PARTNER and self.data.partner(sid):
            return self.partner_link(sid, prefix)
        if subject.kind is SubjectKind.MATTER:
            for meeting in self.data.meetings:
                if meeting.matter(sid):
                    return f"[{sid}]({prefix}moten/{meeting.meeting_id}.md#{fmt.anchor(sid)})"
        return fmt.cell(str(subject))

    def protocol_label(self, meeting: Meeting) -> str:
        protocol = meeting.protocol
        if meeting.status is MeetingStatus.PLANNED and meeting.date < self.as_of:
            return "mötets status är inte uppdaterad"
        if meeting.status is not MeetingStatus.HELD:
            return "–"
        if protocol is None or protocol.status is ProtocolStatus.DRAFT:
            return "under arbete"
        label = PROTOCOL_NAMES[protocol.status]
        if protocol.completed:
            label += f" {fmt.sv_date(protocol.completed)}"
        approved_at = self.data.meeting(protocol.approved_at) if protocol.approved_at else None
        if approved_at:
            label += f", godkänt vid mötet {fmt.sv_date(approved_at.date)}"
        return label

    def chair_label(self, meeting: Meeting) -> str:
        """Who led the meeting (mötesordförande), as the public reads it."""
        role = meeting.chaired_by
        if role is None:
            return "–"
        if role is ChairRole.OTHER:
            return "någon annan än ordföranden eller vice ordföranden"
        org = self.data.organisation
        body = org.partnership if meeting.body is BodyName.PARTNERSHIP else org.committee
        field = "chair" if role is ChairRole.CHAIR else "vice_chair"
        label = "ordföranden" if role is ChairRole.CHAIR else "vice ordföranden"
        holder = body.holder(field, meeting.date)
        return fmt.cell(holder.name) if holder else label

    def method_text(self, decision: Decision) -> str:
        if decision.method is Method.CONSENSUS:
            return "konsensus"
        if decision.votes is None:  # pragma: no cover - SC106 stops such data
            return "omröstning"
        yes, no, abstain = decision.votes.totals
        return f"omröstning: {yes} för, {no} emot, {abstain} avstod ({decision.outcome})"

    def raised_by(self, matter: Matter) -> str:
        names = [
            who if who in RAISED_BY_BODIES else self.partner_link(who, "../")
            for who in matter.raised_by
        ]
        return " och ".join(names) if len(names) <= 2 else ", ".join(names)

    @staticmethod
    def underlag_line(meeting: Meeting, doc: Underlag) -> str:
        """A public underlag: its title (linked when it has an address) and date.

        A relative address is a file in the meeting folder, published beside the
        meeting page (see :meth:`assets`).
        """
        title = fmt.cell(doc.title)
        line = title
        if doc.url and doc.is_relative:
            line = f"[{title}]({fmt.url(meeting.meeting_id + '/' + doc.url)})"
        elif doc.url:
            line = f"[{title}]({fmt.url(doc.url)})"
        if doc.distributed:
            line += f" (distribuerat {fmt.sv_date(doc.distributed)})"
        return line

    def version_status(self, doc: ContentDoc[RulesVersionMeta]) -> str:
        current = self.current_rules()
        if doc is current:
            return "gällande"
        if doc.meta.in_force > self.as_of:
            return "beslutad, gäller framöver"
        return "upphävd"

    # --- data the pages need ------------------------------------------------------

    def rules_versions(self) -> list[ContentDoc[RulesVersionMeta]]:
        docs = [d for d in self.data.rules_versions if not d.meta.draft]
        return sorted(docs, key=lambda d: d.meta.in_force)

    def current_rules(self) -> ContentDoc[RulesVersionMeta]:
        in_force = [d for d in self.rules_versions() if d.meta.in_force <= self.as_of]
        return in_force[-1]  # SC201 guarantees one

    def pages(self) -> dict[str, ContentDoc[PageMeta]]:
        return {d.slug: d for d in self.data.pages if not d.meta.draft}

    def evaluations_for(self, subjects: Iterable[SubjectRef]) -> list[Evaluation]:
        """Verdicts on the arbetsordning (obligations and interpretations), not targets."""
        wanted = set(subjects)
        return [
            e
            for e in self.compliance
            if e.result.subject in wanted and e.rule.basis is not Basis.TARGET
        ]  # in rule order

    @property
    def any_example(self) -> bool:
        return (
            self.data.partners_file.example
            or self.data.organisation.example
            or any(m.example for m in self.data.meetings)
        )

    def render(self, template: str, **context) -> str:
        context.setdefault("as_of", self.as_of)
        return self.env.get_template(template).render(**context)

    # --- pages --------------------------------------------------------------------

    def start(self) -> str:
        pages = self.pages()
        upcoming = [
            m
            for m in self.data.meetings
            if m.status is MeetingStatus.PLANNED
            and m.date >= self.as_of
            and m.body is BodyName.PARTNERSHIP
        ]
        decisions = [(m, d) for m, d in self.data.decisions() if d.id in self.published_decisions]
        return self.render(
            "index.md.j2",
            start=pages[START_PAGE],
            any_example=self.any_example,
            rules_current=self.current_rules(),
            partner_count=len([p for p in self.data.partners if p.member_on(self.as_of)]),
            next_meeting=upcoming[0] if upcoming else None,
            latest_decisions=list(reversed(decisions))[:5],
        )

    def content_pages(self) -> dict[str, str]:
        pages = {
            f"{slug}.md": self.render("page.md.j2", doc=doc)
            for slug, doc in self.pages().items()
            if slug != START_PAGE
        }
        doc = self.pages().get(STATEMENT_PAGE)
        if doc is not None and self.data.accessibility is not None:
            pages[f"{STATEMENT_PAGE}.md"] = self.render(
                "accessibility.md.j2",
                doc=doc,
                s=self.data.accessibility,
                kansli=self.data.organisation.secretariat,
            )
        return pages

    def rules_pages(self) -> dict[str, str]:
        versions = self.rules_versions()
        result = {
            "arbetsordning/index.md": self.render(
                "rules_index.md.j2", current=self.current_rules(), versions=versions
            )
        }
        for doc in versions:
            result[f"arbetsordning/{doc.slug}.md"] = self.render("rules_version.md.j2", doc=doc)
        return result

    def partner_pages(self) -> dict[str, str]:
        caps = self.data.params(self.data.config.first_operating_year_start).first_year_caps
        groups: list[dict[str, Any]] = []
        for sector in Sector:
            members = [p for p in self.data.partners if p.sector is sector]
            groups.append({
                "name": SECTOR_NAMES[sector],
                "anchor": fmt.anchor(str(sector)),
                "cap": caps.get(sector),
                "current": sorted((p for p in members if p.member_on(self.as_of)),
                                  key=lambda p: p.name),
                "former": [p for p in members
                           if p.withdrawal and p.withdrawal.date <= self.as_of],
                "upcoming": [p for p in members if p.joined > self.as_of],
            })  # fmt: skip
        result = {
            "partners/index.md": self.render(
                "partners_index.md.j2",
                groups=groups,
                example=self.data.partners_file.example,
                current_count=sum(len(g["current"]) for g in groups),
            )
        }
        partnership = [
            m
            for m in self.data.meetings
            if m.body is BodyName.PARTNERSHIP and m.status is MeetingStatus.HELD
        ]
        for partner in self.data.partners:
            attendance = [
                (m, partner.id in m.attendance) for m in partnership if partner.member_on(m.date)
            ]
            result[f"partners/{partner.id}.md"] = self.render(
                "partner.md.j2",
                p=partner,
                example=self.data.partners_file.example,
                roles=self.partner_roles(partner.id),
                attendance=attendance,
                attended=sum(1 for _, present in attendance if present),
            )
        return result

    def partner_roles(self, partner_id: str) -> list[str]:
        org = self.data.organisation
        roles = []
        for member in org.committee.members:
            if member.partner == partner_id:
                for term in member.mandates:
                    roles.append(
                        f"Ledamot i [arbetsutskottet](../organisation.md#arbetsutskottet) "
                        f"{fmt.sv_date(term.start)} – {fmt.sv_date(term.end)}"
                    )
        for label, body in (("SweCan", org.partnership), ("arbetsutskottet", org.committee)):
            for role, title in (("chair", "Ordförande"), ("vice_chair", "Vice ordförande")):
                for holder in getattr(body, role):
                    if holder.partner == partner_id:
                        roles.append(
                            f"{title} i {label} {fmt.sv_date(holder.start)} – "
                            f"{fmt.sv_date(holder.end)}"
                        )
        return roles

    def organisation_page(self) -> str:
        org = self.data.organisation
        contacts = [
            ("Ordförande i SweCan", org.partnership.holder("chair", self.as_of)),
            ("Vice ordförande i SweCan", org.partnership.holder("vice_chair", self.as_of)),
            ("Ordförande i arbetsutskottet", org.committee.holder("chair", self.as_of)),
            ("Vice ordförande i arbetsutskottet", org.committee.holder("vice_chair", self.as_of)),
        ]
        committee = []
        for member in org.committee.members:
            term = next((t for t in member.mandates if t.covers(self.as_of)), None)
            if term is not None:
                committee.append((member, self.data.partner(member.partner), term))
        return self.render("organisation.md.j2", org=org, contacts=contacts, committee=committee)

    def meeting_pages(self) -> dict[str, str]:
        meetings = self.data.meetings
        planned = [m for m in meetings if m.status is MeetingStatus.PLANNED]
        upcoming = [m for m in planned if m.date >= self.as_of]
        # A planned meeting whose date has passed (SC206) is listed with the past ones.
        stale = [m for m in planned if m.date < self.as_of]
        past = [m for m in meetings if m.status is MeetingStatus.HELD or m in stale]
        by_year: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in reversed(past):
            by_year[meeting.date.year].append(meeting)
        result = {
            "moten/index.md": self.render(
                "meetings_index.md.j2",
                example=any(m.example for m in meetings),
                upcoming=upcoming,
                past_by_year=sorted(by_year.items(), reverse=True),
                cancelled=[m for m in meetings if m.status is MeetingStatus.CANCELLED],
            )
        }
        for meeting in meetings:
            result[f"moten/{meeting.meeting_id}.md"] = self.meeting_page(meeting)
        return result

    def meeting_page(self, meeting: Meeting) -> str:
        published = protocol_published(meeting)
        # Verdicts on decisions are shown only with the protocol that publishes them.
        subjects = [SubjectRef.meeting(meeting.meeting_id)] + (
            [SubjectRef.decision(d.id) for d in meeting.decisions]
            + [SubjectRef.matter(m.id) for m in meeting.matters]
            if published
            else []
        )
        quorum = {
            e.result.subject.id: e.result.message
            for e in self.evaluations_for(SubjectRef.decision(d.id) for d in meeting.decisions)
            if e.rule.id == "SC306"
        }
        by_sector: dict[Sector, list[str]] = defaultdict(list)
        for pid in meeting.attendance:
            partner = self.data.partner(pid)
            by_sector[partner.sector].append(pid)  # type: ignore[union-attr]
        ctx = Context(self.data, self.as_of)
        return self.render(
            "meeting.md.j2",
            mt=meeting,
            published=published,
            quorum=quorum,
            roll_size=len(roll_on(ctx, meeting.date)),
            attendance_by_sector=[(SECTOR_NAMES[s], by_sector[s]) for s in Sector if by_sector[s]],
            protocol_deadline=protocol_deadline(ctx, meeting),
            evaluations=self.evaluations_for(subjects),
        )

    def decisions_page(self) -> str:
        by_year: dict[int, list[tuple[Meeting, Decision]]] = defaultdict(list)
        for meeting, decision in self.data.decisions():
            if decision.id in self.published_decisions:
                by_year[meeting.date.year].append((meeting, decision))
        ordered = sorted(by_year.items(), reverse=True)
        example_anchor = fmt.anchor(ordered[0][1][0][1].id) if ordered else "b-2026-01"
        return self.render(
            "decisions.md.j2",
            by_year=ordered,
            example=any(m.example for m in self.data.meetings),
            example_anchor=example_anchor,
        )

    def report_pages(self) -> dict[str, str]:
        reports = sorted(
            (d for d in self.data.reports if not d.meta.draft),
            key=lambda d: (d.meta.year, str(d.meta.kind)),
            reverse=True,
        )
        pending = [
            f"{str(e.result.subject).capitalize()}: {e.result.message}"
            for e in self.compliance
            if e.rule.id == "SC204" and e.result.status is not Status.MET
        ]
        if not pending and not reports:
            first_end = self.data.config.operating_year_bounds(1)[1]
            pending = [
                f"Det första verksamhetsåret pågår till {fmt.sv_date(first_end)}. Årsrapport "
                f"och verksamhetsberättelse publiceras efter årets slut."
            ]
        result = {
            "rapporter/index.md": self.render(
                "reports_index.md.j2", reports=reports, pending=pending
            )
        }
        for doc in reports:
            result[f"rapporter/{doc.slug}.md"] = self.render("page.md.j2", doc=doc)
        return result

    def quotes_of(self, rule: Rule) -> list[dict]:
        """The rule's quoted sentences, and whether the text in force still has them."""
        return [
            {
                "text": q.text,
                "section": q.section,
                "source": SOURCE_NAMES[q.source],
                "ref": quote_ref(q),
                "holds": quote_holds(self.data, q, self.as_of),
            }
            for q in rule.quotes
        ]

    def interpretations_of(self, rule: Rule) -> list[dict]:
        """The rule's interpretations with the reading selected per ``as_of``."""
        params = self.data.params(self.as_of)
        return [
            {
                "item": i,
                "selected": getattr(params, i.parameter),
                "selected_text": i.options[getattr(params, i.parameter)],
                "alternative": [
                    (value, text) for value, text in i.options.items() if value != i.default
                ],
            }
            for i in for_rule(rule.id)
        ]

    def compliance_pages(self) -> dict[str, str]:
        evaluations = self.compliance
        per_rule: dict[str, list[Evaluation]] = defaultdict(list)
        for e in evaluations:
            per_rule[e.rule.id].append(e)
        rules = [r for r in REGISTRY if r.kind is Kind.COMPLIANCE]
        counts = {r.id: Counter(str(e.result.status) for e in per_rule[r.id]) for r in rules}
        groups = []
        for basis, intro in (
            (
                Basis.OBLIGATION,
                "Regler som bygger direkt på en mening i arbetsordningen, som citeras.",
            ),
            (
                Basis.INTERPRETATION,
                "Regler där arbetsordningen inte säger det uttryckligen. Läsningen är en "
                "dokumenterad tolkning med ett alternativ som kan väljas i swecan.yaml.",
            ),
            (
                Basis.TARGET,
                "Mål och frister som kansliet har satt för sig självt. Arbetsordningen kräver dem "
                "inte; ett mål som inte nås är inte ett brott mot arbetsordningen.",
            ),
        ):
            members = [r for r in rules if r.basis is basis]
            total = Counter(str(e.result.status) for r in members for e in per_rule[r.id])
            groups.append(
                {
                    "basis": basis,
                    "label": BASIS_LABELS[basis],
                    "intro": intro,
                    "rules": [(r, counts[r.id], self.quotes_of(r)) for r in members],
                    "totals": total,
                }
            )
        judged = [e for e in evaluations if e.rule.basis is not Basis.TARGET]
        per_meeting = []
        for meeting in self.data.meetings:
            rows = self.evaluations_for(
                [
                    SubjectRef.meeting(meeting.meeting_id),
                    *(SubjectRef.decision(d.id) for d in meeting.decisions),
                ]
            )
            if rows:
                per_meeting.append((meeting, Counter(str(e.result.status) for e in rows)))
        per_year = [
            e
            for e in judged
            if e.result.subject.kind in (SubjectKind.YEAR, SubjectKind.OPERATING_YEAR)
        ]
        result = {
            "efterlevnad/index.md": self.render(
                "compliance_index.md.j2",
                groups=groups,
                failures=[
                    e
                    for e in judged
                    if e.result.status is Status.NOT_MET and e.rule.basis is Basis.OBLIGATION
                ],
                interpretation_failures=[
                    e
                    for e in judged
                    if e.result.status is Status.NOT_MET and e.rule.basis is Basis.INTERPRETATION
                ],
                target_misses=[
                    e
                    for e in evaluations
                    if e.rule.basis is Basis.TARGET and e.result.status is Status.NOT_MET
                ],
                per_meeting=per_meeting,
                per_year=per_year,
                example=self.any_example,
                deadline_days=deadlines.DEFAULT_DAYS,
            )
        }
        result.update(self.deadline_pages())
        for rule in rules:
            severity = next((e.severity for e in per_rule[rule.id]), rule.severity)
            result[f"efterlevnad/{rule.id.lower()}.md"] = self.render(
                "compliance_rule.md.j2",
                rule=rule,
                basis_label=BASIS_LABELS[rule.basis],
                is_target=rule.basis is Basis.TARGET,
                quotes=self.quotes_of(rule),
                interpretations=self.interpretations_of(rule),
                rows=per_rule[rule.id],
                severity=SEVERITY_SV[severity],
            )
        return result

    def deadline_pages(self) -> dict[str, str]:
        """Kommande frister: a page under Efterlevnad (not in the nav); see generated_files."""
        days = deadlines.DEFAULT_DAYS
        items = deadlines.upcoming(self.report, days)
        return {
            "efterlevnad/frister.md": self.render(
                "deadlines.md.j2",
                items=items,
                until=self.as_of + timedelta(days=days),
                example=self.any_example,
            ),
        }

    def generated_files(self) -> dict[str, bytes]:
        """Files of the site that are not Markdown pages: the deadlines calendar."""
        items = deadlines.upcoming(self.report, deadlines.DEFAULT_DAYS)
        return {"efterlevnad/frister.ics": deadlines.format_ics(items, self.as_of).encode()}

    def all_pages(self) -> dict[str, str]:
        pages = {
            "index.md": self.start(),
            "organisation.md": self.organisation_page(),
            "beslut.md": self.decisions_page(),
        }
        sections = (self.content_pages, self.rules_pages, self.partner_pages,
                    self.meeting_pages, self.report_pages, self.compliance_pages)  # fmt: skip
        for section in sections:
            pages.update(section())
        return pages

    def assets(self) -> dict[str, Path]:
        """Files published as they are: public underlag in a meeting folder.

        {site path: source file}; SC025 has checked that each exists inside its folder.
        """
        result = {}
        for meeting in self.data.meetings:
            folder = self.data.root / MEETINGS_DIR / meeting.meeting_id
            for matter in meeting.matters:
                for doc in matter.documents:
                    if doc.public and doc.url and doc.is_relative:
                        result[f"moten/{meeting.meeting_id}/{doc.url}"] = folder / doc.url
        return result


def render_files(report: Report) -> dict[str, bytes]:
    """The site's generated files that are not pages, as {relative path: bytes}."""
    return Renderer(report).generated_files()


def render_site(report: Report) -> dict[str, str]:
    """Every page of the public site, as {relative path: Markdown}."""
    with progress.processing("webbplatsens sidor"):  # named if rendering fails
        return Renderer(report).all_pages()


def site_assets(report: Report) -> dict[str, Path]:
    """Files the site publishes unchanged, as {relative path: source file}."""
    return Renderer(report).assets()
