"""The validated model -> the public website's pages, as Markdown.

No MkDocs here: the renderer returns ``{path: markdown}`` so that any static
site engine can publish it (``swecan-site generate``), and the MkDocs plugin
stays a thin adapter. The renderer reads the data only through
:class:`swecan_site.public.PublicView`, which decides what is public (drafts,
unpublished protocols and their decisions, non-public underlag never reach
it), and takes every address from :mod:`swecan_site.urls`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, pass_context

from .. import deadlines, progress, urls
from ..check import Evaluation, Report
from ..interpretations import for_rule
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
from ..problems import SEVERITY_SV, section_label
from ..public import START_PAGE, PublicView, subject_id
from ..rules import Status, SubjectKind, SubjectRef
from ..rules.base import ARBETSORDNING, BASIS_LABELS, SOURCE_NAMES, Basis, Quote, Rule
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
RULES_STATUS = {
    "gällande": "gällande",
    "kommande": "beslutad, gäller framöver",
    "upphävd": "upphävd",
}
STATEMENT_PAGE = "tillganglighet"  # written from content/tillganglighet.yaml when it exists


def quote_ref(quote: Quote) -> str:
    """Where a quote comes from, in Swedish: '§3.3' or 'Utgångspunkter för samverkan, punkt 5'."""
    if quote.source == ARBETSORDNING:
        return f"§{quote.section}"
    return f"{SOURCE_NAMES[quote.source]}, punkt {quote.section}"


@pass_context
def _link(context: Any, url: str) -> str:
    """A Markdown link target from the page being rendered (``here``) to ``url``."""
    return urls.link(url, context["here"])


class Renderer:
    def __init__(
        self, source: Report | PublicView, bytecode_cache: BytecodeCache | None = None
    ) -> None:
        self.view = source if isinstance(source, PublicView) else PublicView(source)
        self.as_of: date = self.view.as_of
        self.env = self._environment(bytecode_cache)
        self.compliance = self.view.findings()
        self._year_of: dict[int, int] | None = None

    # --- helpers available to templates --------------------------------------------

    def _environment(self, bytecode_cache: BytecodeCache | None) -> Environment:
        env = Environment(
            loader=PackageLoader("swecan_site", "render/templates"),
            bytecode_cache=bytecode_cache,  # `mkdocs serve` keeps compiled templates
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
            urls=urls,
            link=_link,
            public_underlag=self.view.public_underlag,
            hidden_underlag=self.view.hidden_underlag_count,
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
        if (found := self.view.decision(decision_id)) is not None:
            target = urls.source(urls.decision(decision_id, found[0].date.year))
            return f"[{decision_id}]({prefix}{target})"
        return f"{decision_id} (protokollet är inte färdigställt ännu)"

    def partner_link(self, partner_id: str, prefix: str) -> str:
        partner = self.view.partner(partner_id)
        name = fmt.cell(partner.name if partner else partner_id)
        return f"[{name}]({prefix}{urls.source(urls.partner(partner_id))})"

    def subject_link(self, subject: SubjectRef, prefix: str) -> str:
        """A link to the verdict's subject, chosen by its kind (never by its text)."""
        sid = subject.id
        if subject.kind is SubjectKind.MEETING and (meeting := self.view.meeting(sid)):
            return f"[{self.meeting_title(meeting)}]({prefix}{urls.source(urls.meeting(sid))})"
        if subject.kind is SubjectKind.DECISION and self.view.is_published_decision(sid):
            return self.decision_link(sid, prefix)
        if subject.kind is SubjectKind.PARTNER and self.view.partner(sid):
            return self.partner_link(sid, prefix)
        if subject.kind is SubjectKind.MATTER and (found := self.view.find_matter(sid)):
            target = urls.source(urls.matter(found[0].meeting_id, sid))
            return f"[{sid}]({prefix}{target})"
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
        approved_at = self.view.meeting(protocol.approved_at) if protocol.approved_at else None
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
        org = self.view.organisation
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
            here = urls.source(urls.meeting(meeting.meeting_id))
            target = urls.link(urls.meeting_file(meeting.meeting_id, doc.url), here)
            line = f"[{title}]({fmt.url(target)})"
        elif doc.url:
            line = f"[{title}]({fmt.url(doc.url)})"
        if doc.distributed:
            line += f" (distribuerat {fmt.sv_date(doc.distributed)})"
        return line

    def version_status(self, doc: ContentDoc[RulesVersionMeta]) -> str:
        return RULES_STATUS[self.view.rules_status(doc)]

    # --- data the pages need (all from the public view) ------------------------------

    def rules_versions(self) -> list[ContentDoc[RulesVersionMeta]]:
        return self.view.rules_versions()

    def current_rules(self) -> ContentDoc[RulesVersionMeta]:
        return self.view.current_rules()

    def pages(self) -> dict[str, ContentDoc[PageMeta]]:
        return self.view.pages()

    def evaluations_for(self, subjects: Iterable[object]) -> list[Evaluation]:
        """Verdicts on the arbetsordning (obligations and interpretations), not targets."""
        return self.view.findings_for(subjects)  # in rule order

    @property
    def any_example(self) -> bool:
        return self.view.any_example

    def render(self, template: str, **context) -> str:
        """Render ``template``; ``here`` is the page's path (links are relative to it)."""
        context.setdefault("as_of", self.as_of)
        context.setdefault("here", "index.md")
        return self.env.get_template(template).render(**context)

    # --- pages --------------------------------------------------------------------

    def start(self) -> str:
        pages = self.pages()
        upcoming = self.view.upcoming(BodyName.PARTNERSHIP)
        decisions = self.view.decisions()
        return self.render(
            "index.md.j2",
            here="index.md",
            start=pages[START_PAGE],
            any_example=self.any_example,
            rules_current=self.current_rules(),
            partner_count=len(self.view.partners_current()),
            next_meeting=upcoming[0] if upcoming else None,
            latest_decisions=list(reversed(decisions))[:5],
        )

    def content_pages(self) -> dict[str, str]:
        pages = {
            urls.source(urls.page(slug)): self.render(
                "page.md.j2", doc=doc, here=urls.source(urls.page(slug))
            )
            for slug, doc in self.pages().items()
            if slug != START_PAGE
        }
        doc = self.pages().get(STATEMENT_PAGE)
        if doc is not None and self.view.accessibility is not None:
            pages[urls.source(urls.page(STATEMENT_PAGE))] = self.render(
                "accessibility.md.j2",
                here=urls.source(urls.page(STATEMENT_PAGE)),
                doc=doc,
                s=self.view.accessibility,
                kansli=self.view.organisation.secretariat,
            )
        return pages

    def rules_pages(self) -> dict[str, str]:
        versions = self.rules_versions()
        index = urls.source(urls.RULES)
        result = {
            index: self.render(
                "rules_index.md.j2", here=index, current=self.current_rules(), versions=versions
            )
        }
        for doc in versions:
            path = urls.source(urls.rules_version(doc.slug))
            result[path] = self.render("rules_version.md.j2", doc=doc, here=path)
        return result

    def partner_pages(self) -> dict[str, str]:
        caps = self.view.params(self.view.config.first_operating_year_start).first_year_caps
        partners = self.view.partners()
        groups: list[dict[str, Any]] = []
        for sector in Sector:
            members = [p for p in partners if p.sector is sector]
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
        index = urls.source(urls.PARTNERS)
        result = {
            index: self.render(
                "partners_index.md.j2",
                here=index,
                groups=groups,
                example=self.view.partners_example,
                current_count=sum(len(g["current"]) for g in groups),
            )
        }
        partnership = self.view.held(BodyName.PARTNERSHIP)
        # Every partner page lists the same meetings from the same folder: each
        # meeting's cell is made once, not once per partner (400 × 50 rows).
        here = urls.source(urls.partner("x"))
        meeting_cells = {
            m.meeting_id: f"[{self.meeting_title(m)}]"
            f"({urls.link(urls.meeting(m.meeting_id), here)})"
            for m in partnership
        }
        for partner in partners:
            attendance = [
                (m, partner.id in m.attendance) for m in partnership if partner.member_on(m.date)
            ]
            path = urls.source(urls.partner(partner.id))
            result[path] = self.render(
                "partner.md.j2",
                here=path,
                p=partner,
                example=self.view.partners_example,
                roles=self.partner_roles(partner.id),
                attendance=attendance,
                attended=sum(1 for _, present in attendance if present),
                meeting_cells=meeting_cells,
            )
        return result

    def partner_roles(self, partner_id: str) -> list[str]:
        org = self.view.organisation
        committee = urls.link(urls.committee(), urls.source(urls.partner(partner_id)))
        roles = []
        for member in org.committee.members:
            if member.partner == partner_id:
                for term in member.mandates:
                    roles.append(
                        f"Ledamot i [arbetsutskottet]({committee}) "
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
        org = self.view.organisation
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
                committee.append((member, self.view.partner(member.partner), term))
        return self.render(
            "organisation.md.j2",
            here=urls.source(urls.ORGANISATION),
            org=org,
            contacts=contacts,
            committee=committee,
        )

    def meeting_pages(self) -> dict[str, str]:
        meetings = self.view.meetings()
        planned = [m for m in meetings if m.status is MeetingStatus.PLANNED]
        upcoming = [m for m in planned if m.date >= self.as_of]
        # A planned meeting whose date has passed (SC206) is listed with the past ones.
        stale = [m for m in planned if m.date < self.as_of]
        past = [m for m in meetings if m.status is MeetingStatus.HELD or m in stale]
        by_year: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in reversed(past):
            by_year[meeting.date.year].append(meeting)
        index = urls.source(urls.MEETINGS)
        result = {
            index: self.render(
                "meetings_index.md.j2",
                here=index,
                example=any(m.example for m in meetings),
                upcoming=upcoming,
                past_by_year=sorted(by_year.items(), reverse=True),
                cancelled=[m for m in meetings if m.status is MeetingStatus.CANCELLED],
            )
        }
        for meeting in meetings:
            result[urls.source(urls.meeting(meeting.meeting_id))] = self.meeting_page(meeting)
        return result

    def meeting_page(self, meeting: Meeting) -> str:
        # Decisions, the protocol and verdicts on decisions and matters come only
        # with the protocol that publishes them (see PublicView).
        decisions = self.view.meeting_decisions(meeting)
        quorum = {
            subject_id(e.result.subject): e.result.message
            for e in self.evaluations_for(d.id for d in decisions)
            if e.rule.id == "SC306"
        }
        by_sector: dict[Sector, list[str]] = defaultdict(list)
        for pid in meeting.attendance:
            partner = self.view.partner(pid)
            by_sector[partner.sector].append(pid)  # type: ignore[union-attr]
        return self.render(
            "meeting.md.j2",
            here=urls.source(urls.meeting(meeting.meeting_id)),
            mt=meeting,
            published=self.view.protocol_published(meeting),
            decisions=decisions,
            protocol_text=self.view.protocol(meeting),
            quorum=quorum,
            roll_size=self.view.roll_size(meeting.date),
            attendance_by_sector=[(SECTOR_NAMES[s], by_sector[s]) for s in Sector if by_sector[s]],
            protocol_deadline=self.view.protocol_deadline(meeting),
            evaluations=self.evaluations_for(self.view.meeting_subjects(meeting)),
        )

    def decision_pages(self) -> dict[str, str]:
        """The register's index (every year, a pointer per decision) and a page per year."""
        by_year = list(self.view.decisions_by_year().items())
        example = any(m.example for m in self.view.meetings())
        if by_year:
            year, decisions = by_year[0]
            example_url = urls.decision(decisions[0][1].id, year)
        else:
            example_url = urls.decision("B-2026-01", 2026)
        index = urls.source(urls.DECISIONS)
        result = {
            index: self.render(
                "decisions.md.j2",
                here=index,
                by_year=by_year,
                example=example,
                example_url=example_url,
            )
        }
        years = [year for year, _ in by_year]
        for position, (year, decisions) in enumerate(by_year):
            by_meeting: dict[str, tuple[Meeting, list[Decision]]] = {}
            for meeting, decision in decisions:
                by_meeting.setdefault(meeting.meeting_id, (meeting, []))[1].append(decision)
            path = urls.source(urls.decisions_year(year))
            result[path] = self.render(
                "decisions_year.md.j2",
                here=path,
                year=year,
                by_meeting=list(by_meeting.values()),
                example=example,
                newer=years[position - 1] if position > 0 else None,
                older=years[position + 1] if position + 1 < len(years) else None,
            )
        return result

    def report_pages(self) -> dict[str, str]:
        reports = self.view.reports()
        pending = [
            f"{str(e.result.subject).capitalize()}: {e.result.message}"
            for e in self.compliance
            if e.rule.id == "SC204" and e.result.status is not Status.MET
        ]
        if not pending and not reports:
            first_end = self.view.config.operating_year_bounds(1)[1]
            pending = [
                f"Det första verksamhetsåret pågår till {fmt.sv_date(first_end)}. Årsrapport "
                f"och verksamhetsberättelse publiceras efter årets slut."
            ]
        index = urls.source(urls.REPORTS)
        result = {
            index: self.render("reports_index.md.j2", here=index, reports=reports, pending=pending)
        }
        for doc in reports:
            path = urls.source(urls.report(doc.slug))
            result[path] = self.render("page.md.j2", doc=doc, here=path)
        return result

    def quotes_of(self, rule: Rule) -> list[dict]:
        """The rule's quoted sentences, and whether the text in force still has them."""
        return [
            {
                "text": q.text,
                "section": q.section,
                "source": SOURCE_NAMES[q.source],
                "ref": quote_ref(q),
                "holds": self.view.quote_holds(q),
            }
            for q in rule.quotes
        ]

    def interpretations_of(self, rule: Rule) -> list[dict]:
        """The rule's interpretations with the reading selected per ``as_of``."""
        params = self.view.params(self.as_of)
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

    @staticmethod
    def by_rule(rows: Iterable[Evaluation]) -> list[tuple[Rule, list[Evaluation]]]:
        """Findings grouped by rule, in rule order (the rule is named once per group)."""
        groups: dict[str, tuple[Rule, list[Evaluation]]] = {}
        for e in rows:
            groups.setdefault(e.rule.id, (e.rule, []))[1].append(e)
        return list(groups.values())

    def year_sections(self, year: int, rows: list[Evaluation]) -> dict[str, Any]:
        """What a compliance year page shows: the year's breaches, missed targets,
        meetings and yearly verdicts (the index shows the rules and the years)."""
        judged = [e for e in rows if e.rule.basis is not Basis.TARGET]
        per_meeting = []
        for meeting in self.view.meetings():
            if meeting.date.year != year:
                continue
            found = self.evaluations_for([meeting.meeting_id, *(d.id for d in meeting.decisions)])
            if found:
                per_meeting.append((meeting, Counter(str(e.result.status) for e in found)))
        return {
            "failures": self.by_rule(
                e
                for e in judged
                if e.result.status is Status.NOT_MET and e.rule.basis is Basis.OBLIGATION
            ),
            "interpretation_failures": self.by_rule(
                e
                for e in judged
                if e.result.status is Status.NOT_MET and e.rule.basis is Basis.INTERPRETATION
            ),
            "target_misses": self.by_rule(
                e
                for e in rows
                if e.rule.basis is Basis.TARGET and e.result.status is Status.NOT_MET
            ),
            "per_meeting": per_meeting,
            "per_year": [
                e
                for e in judged
                if e.result.subject.kind in (SubjectKind.YEAR, SubjectKind.OPERATING_YEAR)
            ],
        }

    @staticmethod
    def year_counts(year: int, rows: list[Evaluation]) -> dict[str, Any]:
        """A row of the index's year table: verdicts on the arbetsordning by status
        (counted like the meetings' rows; the kansli's targets are on the year's page)."""
        judged = (e for e in rows if e.rule.basis is not Basis.TARGET)
        return {"year": year, "counts": Counter(str(e.result.status) for e in judged)}

    def rows_by_year(self, rows: list[Evaluation]) -> list[tuple[int, list[Evaluation]]]:
        """A rule's findings under the years PublicView.findings_by_year files them in,
        newest first."""
        if self._year_of is None:
            self._year_of = {
                id(e): year for year, found in self.view.findings_by_year().items() for e in found
            }
        years: dict[int, list[Evaluation]] = defaultdict(list)
        for e in rows:
            years[self._year_of[id(e)]].append(e)
        return sorted(years.items(), reverse=True)

    def compliance_pages(self) -> dict[str, str]:
        evaluations = self.compliance
        per_rule: dict[str, list[Evaluation]] = defaultdict(list)
        for e in evaluations:
            per_rule[e.rule.id].append(e)
        rules = self.view.compliance_rules()
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
        by_year = self.view.findings_by_year()
        years = list(by_year)
        index = urls.source(urls.COMPLIANCE)
        result = {
            index: self.render(
                "compliance_index.md.j2",
                here=index,
                groups=groups,
                years=[self.year_counts(year, rows) for year, rows in by_year.items()],
                example=self.any_example,
                deadline_days=deadlines.DEFAULT_DAYS,
            )
        }
        for position, (year, rows) in enumerate(by_year.items()):
            path = urls.source(urls.compliance_year(year))
            result[path] = self.render(
                "compliance_year.md.j2",
                here=path,
                year=year,
                current=year == self.as_of.year,
                newer=years[position - 1] if position > 0 else None,
                older=years[position + 1] if position + 1 < len(years) else None,
                example=self.any_example,
                **self.year_sections(year, rows),
            )
        result.update(self.deadline_pages())
        for rule in rules:
            severity = next((e.severity for e in per_rule[rule.id]), rule.severity)
            path = urls.source(urls.rule(rule.id))
            result[path] = self.render(
                "compliance_rule.md.j2",
                here=path,
                rule=rule,
                basis_label=BASIS_LABELS[rule.basis],
                is_target=rule.basis is Basis.TARGET,
                quotes=self.quotes_of(rule),
                interpretations=self.interpretations_of(rule),
                rows=per_rule[rule.id],
                rows_by_year=self.rows_by_year(per_rule[rule.id]),
                severity=SEVERITY_SV[severity],
            )
        return result

    def open_data_page(self) -> str:
        """Öppna data: what each file under /data/ holds, its schema and licence."""
        from ..outputs import opendata  # the files' own description

        base = self.view.base_url
        data_root = urls.absolute(base, urls.DATA_DIR) if base else "/" + urls.DATA_DIR
        return self.render(
            "open_data.md.j2",
            here=urls.source(urls.OPEN_DATA),
            any_example=self.any_example,
            datasets=opendata.DATASETS,
            license_url=opendata.LICENSE,
            vote_options=opendata.VOTE_OPTIONS,
            data_root=data_root,
            publisher=self.view.config.publisher.name,
        )

    def deadline_pages(self) -> dict[str, str]:
        """Kommande frister: a page under Efterlevnad (not in the nav); see generated_files."""
        days = deadlines.DEFAULT_DAYS
        return {
            urls.source(urls.DEADLINES): self.render(
                "deadlines.md.j2",
                here=urls.source(urls.DEADLINES),
                items=self.view.deadlines(days),
                until=self.as_of + timedelta(days=days),
                example=self.any_example,
            ),
        }

    def generated_files(self) -> dict[str, bytes]:
        """Files of the site that are not Markdown pages: the deadlines calendar."""
        items = self.view.deadlines(deadlines.DEFAULT_DAYS)
        return {urls.DEADLINES_CALENDAR: deadlines.format_ics(items, self.as_of).encode()}

    def all_pages(self) -> dict[str, str]:
        pages = {
            urls.source(urls.START): self.start(),
            urls.source(urls.ORGANISATION): self.organisation_page(),
            urls.source(urls.OPEN_DATA): self.open_data_page(),
        }
        sections = (self.content_pages, self.rules_pages, self.partner_pages, self.decision_pages,
                    self.meeting_pages, self.report_pages, self.compliance_pages)  # fmt: skip
        for section in sections:
            pages.update(section())
        return pages

    def assets(self) -> dict[str, Path]:
        """Files published as they are: public underlag in a meeting folder.

        {site path: source file}; SC025 has checked that each exists inside its folder.
        """
        return {asset.path: asset.source for asset in self.view.assets()}


def render_files(source: Report | PublicView) -> dict[str, bytes]:
    """The site's generated files that are not pages, as {relative path: bytes}."""
    return Renderer(source).generated_files()


def render_site(
    source: Report | PublicView, bytecode_cache: BytecodeCache | None = None
) -> dict[str, str]:
    """Every page of the public site, as {relative path: Markdown}."""
    with progress.processing("webbplatsens sidor"):  # named if rendering fails
        return Renderer(source, bytecode_cache).all_pages()


def site_assets(source: Report | PublicView) -> dict[str, Path]:
    """Files the site publishes unchanged, as {relative path: source file}."""
    view = source if isinstance(source, PublicView) else PublicView(source)
    return {asset.path: asset.source for asset in view.assets()}
