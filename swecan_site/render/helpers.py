"""Links and labels the page templates call that need the public view.

Labels that depend on one record only (a meeting's title, a decision's
method) are :mod:`swecan_site.labels`', shared with the outputs; what is here
looks something up in the view (a partner's name, a decision's year, who held
a chair on a date) and escapes it for Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import labels, rules, urls
from ..facts import MeetingState
from ..models import (
    RAISED_BY_BODIES,
    BodyName,
    ChairRole,
    ContentDoc,
    Matter,
    Meeting,
    ProtocolStatus,
    RulesVersionMeta,
    Underlag,
)
from ..provenance import Commit
from ..public import PublicView, RuleVerdict
from ..rules import Status, SubjectKind, SubjectRef
from ..rules.base import ARBETSORDNING, SOURCE_NAMES, Quote
from . import format as fmt


def quote_ref(quote: Quote) -> str:
    """Where a quote comes from: '§3.3' or 'Utgångspunkter för samverkan, punkt 5'."""
    if quote.source == ARBETSORDNING:
        return f"§{quote.section}"
    return f"{SOURCE_NAMES[quote.source]}, punkt {quote.section}"


class PageHelpers:
    """Template globals bound to one view (see :mod:`swecan_site.render.environment`)."""

    def __init__(self, view: PublicView) -> None:
        self.view = view

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

    def partner_links(self, partner_ids: Iterable[str], prefix: str) -> str:
        return ", ".join(self.partner_link(i, prefix) for i in partner_ids)

    def protocol_evidence(self, meeting: Meeting) -> str:
        """When the history shows the meeting's protocol became public ("" without it)."""
        if not self.view.protocol_published(meeting):
            return ""
        commit = self.view.history.protocol_public(meeting.meeting_id)
        if commit is None:
            return ""
        if self.view.history.is_start(commit):
            return (
                "offentligt redan när SweCans data fördes in i versionshistoriken "
                f"{labels.sv_date(commit.day)}"
            )
        return (
            f"offentligt {labels.sv_date(commit.day)} enligt versionshistoriken "
            f"({self.commit_ref(commit)})"
        )

    def commit_ref(self, commit: Commit) -> str:
        """A commit as a page names it: its short hash, linked to the repository when
        swecan.yaml names one (the hash is hex: nothing to escape)."""
        link = self.view.history.commit_link(commit)
        return f"commit [{commit.short}]({link})" if link else f"commit {commit.short}"

    def subject_link(self, subject: SubjectRef, prefix: str) -> str:
        """A link to the verdict's subject, chosen by its kind (never by its text)."""
        sid = subject.id
        view = self.view
        if subject.kind is SubjectKind.MEETING and (meeting := view.meeting(sid)):
            target = urls.source(urls.meeting(sid))
            return f"[{labels.meeting_title(meeting)}]({prefix}{target})"
        if subject.kind is SubjectKind.DECISION and view.is_published_decision(sid):
            return self.decision_link(sid, prefix)
        if subject.kind is SubjectKind.PARTNER and view.partner(sid):
            return self.partner_link(sid, prefix)
        if subject.kind is SubjectKind.MATTER and view.matter_record(sid):
            target = urls.source(urls.matter_page(sid))
            return f"[{sid}]({prefix}{target})"
        return fmt.cell(str(subject))

    def protocol_label(self, meeting: Meeting) -> str:
        """The protocol's row of a meeting: its state, or why there is none yet."""
        protocol = meeting.protocol
        if self.view.state(meeting) is not MeetingState.HELD:
            return "–"
        if protocol is None or protocol.status is ProtocolStatus.DRAFT:
            state = "under arbete"
        else:
            state = labels.protocol_state(meeting, self.view.protocol_approved_on(meeting))
        return state + self._late(meeting)

    def _late(self, meeting: Meeting) -> str:
        """' – försenat (frist …)' when the §3.2 verdict on the protocol is not met
        (rules.PROTOCOL_IN_TIME: the verdict, never a recomputed deadline)."""
        late = [
            e
            for e in self.view.findings_of(
                rules.PROTOCOL_IN_TIME, [SubjectRef.meeting(meeting.meeting_id)]
            )
            if e.result.status is Status.NOT_MET and e.result.due
        ]
        return f" – försenat (frist {fmt.sv_date(late[0].result.due)})" if late else ""

    @staticmethod
    def verdict_lines(verdict: RuleVerdict) -> str:
        """A rule's verdicts on a meeting as one table cell: each distinct message once,
        led by the decisions or matters it is about (the meeting itself goes unnamed)."""
        parts = []
        for subjects, message in verdict.lines():
            named = [s.id for s in subjects if s.kind is not SubjectKind.MEETING]
            text = message.rstrip(".")
            parts.append(f"{', '.join(named)}: {text}" if named else text)
        return fmt.cell("; ".join(parts) + ".")

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

    def raised_by(self, matter: Matter) -> str:
        names = [
            who if who in RAISED_BY_BODIES else self.partner_link(who, "../")
            for who in matter.raised_by
        ]
        return " och ".join(names) if len(names) <= 2 else ", ".join(names)

    @staticmethod
    def underlag_line(
        meeting: Meeting, doc: Underlag, here: str | None = None, *, dated: bool = True
    ) -> str:
        """A public underlag: its title (linked when it has an address) and date.

        A relative address is a file in the meeting folder, published beside the
        meeting page (PublicView.assets); ``here`` is the page the link is on (the
        meeting page unless given).
        """
        title = fmt.cell(doc.title)
        line = title
        if doc.url and doc.is_relative:
            here = here or urls.source(urls.meeting(meeting.meeting_id))
            target = urls.link(urls.meeting_file(meeting.meeting_id, doc.url), here)
            line = f"[{title}]({fmt.url(target)})"
        elif doc.url:
            line = f"[{title}]({fmt.url(doc.url)})"
        if doc.distributed and dated:
            line += f" (distribuerat {fmt.sv_date(doc.distributed)})"
        return line

    def version_status(self, doc: ContentDoc[RulesVersionMeta]) -> str:
        return labels.RULES_STATUS[self.view.rules_status(doc)]
