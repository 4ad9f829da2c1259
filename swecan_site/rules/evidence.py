"""Typed dates against the evidence of the repository's history (provenance.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..dates import sv_date
from ..problems import Location, Severity
from ..provenance import Commit
from .base import Basis, Context, Result, SubjectRef, failed, met, rule
from .common import held, protocol_published


def evidence_text(day: date, commit: Commit) -> str:
    """How a message names the evidence: the day, and the commit that shows it."""
    return f"{sv_date(day)} enligt versionshistoriken (commit {commit.short})"


def _verdict(
    subject: SubjectRef,
    typed: tuple[str, date],
    public: tuple[date, Commit],
    tolerance: int,
    where: Location,
) -> Result:
    (typed_as, typed_day), (day, commit) = typed, public
    gap = (day - typed_day).days
    stated = f"{typed_as} {sv_date(typed_day)}; offentligt {evidence_text(day, commit)}"
    if abs(gap) <= tolerance:
        return met(subject, f"{stated}.", where)
    if gap < 0:
        return failed(
            subject,
            f"{stated} – {-gap} dagar före det angivna datumet; ett av datumen är fel "
            f"(högst {tolerance} dagars skillnad).",
            where,
        )
    return failed(
        subject,
        f"{stated} – {gap} dagar senare (högst {tolerance} dagars skillnad). Ange datumet "
        "då dokumentet faktiskt blev klart, eller publicera i tid.",
        where,
    )


@rule(
    "SC209",
    "datum-och-versionshistorik",
    "7",
    "Kansliets mål: angivna datum stämmer med versionshistoriken",
    basis=Basis.TARGET,
    severity=Severity.WARNING,
)
def dates_match_history(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett protokolls färdigställt-datum, eller en årsrapports
    publicerad-datum, skiljer sig med fler dagar än
    evidence_tolerance_days (7) från dagen då versionshistoriken (git) visar
    att dokumentet blev offentligt på webbplatsens gren. Dokument som redan
    var offentliga när datan fördes in i git bedöms inte: historiken säger
    inget om när de publicerades.

    Varför: Webbplatsen redovisar om SweCan publicerar i tid (§7, §3.2).
    Ett datum som någon har skrivit in är bara ett påstående; historiken
    visar när allmänheten faktiskt kunde läsa dokumentet. Skiljer de sig åt
    är ett av dem fel, och efterlevnaden bygger då på fel datum.

    Åtgärd: Rätta det angivna datumet om det är fel. Var dokumentet klart men
    publicerades senare, låt datumet stå: avvikelsen står kvar som en
    uppgift om när dokumentet blev offentligt.
    """
    evidence = ctx.evidence
    if evidence is None or not evidence.available:
        return
    for meeting in held(ctx, None):
        protocol = meeting.protocol
        commit = evidence.protocol_published_at(meeting.meeting_id)
        if protocol is None or protocol.completed is None or commit is None:
            continue
        if not protocol_published(meeting):
            continue
        tolerance = ctx.params(meeting.date).evidence_tolerance_days
        yield _verdict(
            SubjectRef.meeting(meeting.meeting_id),
            ("Färdigställt", protocol.completed),
            (commit.day, commit),
            tolerance,
            protocol.where("completed"),
        )
    for doc in ctx.data.reports:
        published, public = doc.meta.published, evidence.report_public(doc.file)
        if published is None or public is None or doc.meta.draft:
            continue
        yield _verdict(
            SubjectRef.report(doc.meta.year, doc.meta.kind),
            ("Publicerad", published),
            public,
            ctx.params(published).evidence_tolerance_days,
            doc.meta.where("published"),
        )


RULES = [dates_match_history]
