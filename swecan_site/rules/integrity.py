"""Integrity: ids are unique, references resolve, dates and statuses agree."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from datetime import date

from ..dataset import Dataset
from ..matters import matters
from ..models import (
    PARAGRAPH_HEADING,
    RAISED_BY_BODIES,
    Decision,
    Meeting,
    MeetingStatus,
    Node,
    Protocol,
    ProtocolStatus,
)
from ..problems import Kind
from .base import Context, Result, SubjectKind, SubjectRef, failed, rule
from .common import fmt, present_at


def did_you_mean(value: str, known: list[str]) -> str:
    """' Menade du 'x'?' for the closest known id (standard library difflib), or ''."""
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f" Menade du '{close[0]}'?" if close else ""


def _duplicates(
    items: list[tuple[str, Node, str]], what: str, kind: SubjectKind
) -> Iterator[Result]:
    seen: dict[str, Node] = {}
    for key, node, field in items:
        if key in seen:
            first = seen[key].where(field)
            yield failed(
                SubjectRef(kind, key),
                f"{what} '{key}' finns redan ({first.file} rad {first.line}); id måste vara unika.",
                node.where(field),
            )
        else:
            seen[key] = node


@rule(
    "SC102",
    "unika-id",
    "–",
    "Id för partners, beslut, ärenden och arbetsgrupper är unika",
    kind=Kind.DATA,
)
def unique_ids(ctx: Context) -> Iterator[Result]:
    """
    Vad: Två partners, beslut, ärenden eller arbetsgrupper har samma id, eller
    samma partner står två gånger i en närvarolista eller bland arbetsutskottets ledamöter.

    Varför: Id blir permanenta adresser på webbplatsen (beslut B-2026-03 ska
    alltid leda till samma beslut) och används för alla hänvisningar.

    Åtgärd: Ge det nya objektet nästa lediga id. Ändra aldrig id på något som
    redan har publicerats.
    """
    data = ctx.data
    yield from _duplicates(
        [(p.id, p, "id") for p in data.partners], "Partner-id", SubjectKind.PARTNER
    )
    yield from _duplicates(
        [(d.id, d, "id") for _, d in data.decisions()], "Beslutsid", SubjectKind.DECISION
    )
    yield from _duplicates(
        [(m.id, m, "id") for meeting in data.meetings for m in meeting.matters],
        "Ärende-id",
        SubjectKind.MATTER,
    )
    yield from _duplicates(
        [(g.id, g, "id") for g in data.organisation.working_groups], "Arbetsgrupp", SubjectKind.BODY
    )
    yield from _duplicates(
        [(m.partner, m, "partner") for m in data.organisation.committee.members],
        "Ledamoten i arbetsutskottet",
        SubjectKind.MANDATE,
    )
    for meeting in data.meetings:
        seen: set[str] = set()
        for i, partner_id in enumerate(meeting.attendance):
            if partner_id in seen:
                yield failed(
                    SubjectRef.meeting(meeting.meeting_id),
                    f"'{partner_id}' står två gånger i närvarolistan.",
                    meeting.where("attendance", i),
                )
            seen.add(partner_id)
        yield from _duplicates(
            [(str(a.number), a, "number") for a in meeting.agenda],
            "Dagordningspunkt",
            SubjectKind.MEETING,
        )


PartnerRef = tuple[str, Node, str, int | None, date | None]


def _partner_refs(ctx: Context) -> Iterator[PartnerRef]:
    """Every partner reference: (id, node, field, list index, date it must be valid on)."""
    data = ctx.data
    for meeting in data.meetings:
        yield from _meeting_partner_refs(meeting)
    committee = data.organisation.committee
    for member in committee.members:
        # A mandate must begin while the organisation is a partner. One that leaves
        # later ends its mandate on that day (timeline.Timeline.seats): a compliance
        # fact the AU rules report (SC601, SC603), not a reason to stop the build.
        for term in member.mandates:
            yield member.partner, member, "partner", None, term.start
    for body in (data.organisation.partnership, committee):
        for role in ("chair", "vice_chair"):
            for holder in getattr(body, role):
                yield holder.partner, holder, "partner", None, None


def _meeting_partner_refs(meeting: Meeting) -> Iterator[PartnerRef]:
    """The attendance, who raised the matters, and the partners named in the decisions."""
    day = meeting.date
    for i, pid in enumerate(meeting.attendance):
        yield pid, meeting, "attendance", i, day
    for matter in meeting.matters:
        for i, pid in enumerate(matter.raised_by):
            if pid not in RAISED_BY_BODIES:
                yield pid, matter, "raised_by", i, None
    for decision in meeting.decisions:
        yield from _decision_partner_refs(decision, day)


def _decision_partner_refs(decision: Decision, day: date) -> Iterator[PartnerRef]:
    for field in ("recused", "absent", "roll"):
        for i, pid in enumerate(getattr(decision, field) or []):
            yield pid, decision, field, i, day
    for i, pid in enumerate(decision.admits):
        yield pid, decision, "admits", i, None
    if decision.votes:
        for field in ("yes", "no", "abstain"):
            value = getattr(decision.votes, field)
            for i, pid in enumerate(value if isinstance(value, list) else []):
                yield pid, decision.votes, field, i, day


@rule(
    "SC103",
    "hänvisning-finns",
    "–",
    "Hänvisningar till partners, möten, beslut och ärenden pekar på något som finns",
    kind=Kind.DATA,
)
def references_resolve(ctx: Context) -> Iterator[Result]:
    """
    Vad: En hänvisning pekar på en partner, ett möte, ett beslut eller ett
    ärende som inte finns – ofta en felstavning av ett id.

    Varför: Webbplatsen länkar mellan partner, möte och beslut; en trasig
    hänvisning ger en trasig länk och felaktig statistik (närvaro,
    beslutsförhet).

    Åtgärd: Rätta id:t så att det stämmer med partners.yaml, mappnamnet under
    meetings/ eller beslutets id.
    """
    yield from _unknown_partners(ctx)
    yield from _unknown_decisions(ctx.data)
    for meeting in ctx.data.meetings:
        yield from _unknown_in_meeting(ctx.data, meeting)


def _unknown_partners(ctx: Context) -> Iterator[Result]:
    data = ctx.data
    for pid, node, field, index, _ in _partner_refs(ctx):
        if data.partner(pid) is None:
            yield failed(
                SubjectRef.partner(pid),
                f"Partnern '{pid}' finns inte i partners.yaml."
                + did_you_mean(pid, [p.id for p in data.partners]),
                node.where(field, index),
            )


def _decision_refs(data: Dataset) -> list[tuple[str | None, Node, str]]:
    """Every reference to a decision outside the meetings: (id or None, node, field)."""
    decision_refs: list[tuple[str | None, Node, str]] = [
        (p.admitted_by, p, "admitted_by") for p in data.partners
    ]
    committee = data.organisation.committee
    for member in committee.members:
        decision_refs += [(t.decision, t, "decision") for t in member.mandates]
    for body in (data.organisation.partnership, committee):
        decision_refs += [(t.decision, t, "decision") for t in body.chair + body.vice_chair]
    decision_refs += [(g.decision, g, "decision") for g in data.organisation.working_groups]
    decision_refs += [(d.meta.adopted_by, d.meta, "adopted_by") for d in data.rules_versions]
    return decision_refs


def _unknown_decisions(data: Dataset) -> Iterator[Result]:
    for ref, node, field in _decision_refs(data):
        if ref and data.decision(ref) is None:
            yield failed(
                SubjectRef.decision(ref),
                f"Beslutet '{ref}' finns inte i något möte."
                + did_you_mean(ref, [d.id for _, d in data.decisions()]),
                node.where(field),
            )


def _unknown_in_meeting(data: Dataset, meeting: Meeting) -> Iterator[Result]:
    """The meeting that approved the protocol, and the matters of agenda items and decisions."""
    protocol = meeting.protocol
    approved_at = protocol.approved_at if protocol else None
    if protocol and approved_at and data.meeting(approved_at) is None:
        yield failed(
            SubjectRef.meeting(approved_at),
            f"Mötet '{approved_at}' finns inte under meetings/."
            + did_you_mean(approved_at, [m.meeting_id for m in data.meetings]),
            protocol.where("approved_at"),
        )
    # A matter is defined in one meeting's ärenden and referred to by id from any other.
    known = matters(data).records
    items = [(a.matter, a) for a in meeting.agenda] + [(d.matter, d) for d in meeting.decisions]
    for matter_id, node in items:
        if matter_id and matter_id not in known:
            yield failed(
                SubjectRef.matter(matter_id),
                f"Ärendet '{matter_id}' finns inte bland mötets ärenden eller i något annat "
                "mötes ärenden." + did_you_mean(matter_id, list(known)),
                node.where("matter"),
            )


@rule(
    "SC104",
    "partner-vid-datum",
    "5.3",
    "Den som närvarar, röstar eller sitter i arbetsutskottet är partner vid tillfället",
    kind=Kind.DATA,
)
def partner_on_date(ctx: Context) -> Iterator[Result]:
    """
    Vad: En partner står i en närvarolista, röstlängd eller röstning vid ett
    datum då den inte är partner – före anslutningen eller efter utträdet –
    eller får ett mandat i arbetsutskottet som börjar när den inte är
    partner. Lämnar en organisation partnerskapet under ett mandat upphör
    mandatet på utträdesdagen; det är inget datafel, utan redovisas av
    SC601 (arbetsutskottets sammansättning) och SC603 (ordförande utan
    mandat i utskottet).

    Varför: Endast partners har rätt att delta och rösta (§4.3, §5.3). En
    partner som har begärt utträde finns inte längre i partnerskapet.

    Åtgärd: Kontrollera datumen "ansluten" och "utträde" i partners.yaml och
    närvarolistan i mötet.
    """
    for pid, node, field, index, day in _partner_refs(ctx):
        partner = ctx.data.partner(pid)
        if partner is None or day is None or partner.member_on(day):
            continue
        if day < partner.joined:
            why = f"ansluten först {fmt(partner.joined)}"
        else:
            why = f"utträdde {fmt(partner.withdrawal.date)}"  # type: ignore[union-attr]
        yield failed(
            SubjectRef.partner(pid),
            f"'{pid}' är inte partner {fmt(day)} ({why}).",
            node.where(field, index),
        )


def _meeting_consistency(meeting: Meeting, as_of: date) -> Iterator[tuple[Node, str, str]]:
    yield from _status_consistency(meeting, as_of)
    if meeting.protocol is not None:
        yield from _protocol_consistency(meeting, meeting.protocol)


def _status_consistency(meeting: Meeting, as_of: date) -> Iterator[tuple[Node, str, str]]:
    """The meeting's status against its date and contents; the notice and matters' dates."""
    mid = meeting.meeting_id
    if meeting.status is MeetingStatus.HELD and meeting.date > as_of:
        yield meeting, "status", f"Mötet {mid} är markerat genomfört men datumet har inte varit."
    if meeting.status is not MeetingStatus.HELD:
        for field in ("protocol", "decisions", "attendance"):
            if getattr(meeting, field):
                yield meeting, field, f"Mötet {mid} är inte genomfört men har {field_sv[field]}."
    elif not meeting.attendance:
        yield meeting, "status", f"Mötet {mid} är genomfört men närvarolistan saknas."
    if meeting.notice_sent and meeting.notice_sent > meeting.date:
        yield meeting, "notice_sent", "Kallelsen är skickad efter mötet."
    for matter in meeting.matters:
        if matter.raised and matter.raised > meeting.date:
            yield matter, "raised", f"Ärendet {matter.id} är väckt efter mötet."


def _protocol_consistency(meeting: Meeting, protocol: Protocol) -> Iterator[tuple[Node, str, str]]:
    """The protocol's status against its dates."""
    if protocol.completed and protocol.completed < meeting.date:
        yield protocol, "completed", "Protokollet är färdigställt före mötet."
    if protocol.status is not ProtocolStatus.DRAFT and protocol.completed is None:
        yield protocol, "status", "Ett färdigställt eller godkänt protokoll ska ha 'färdigställt'."
    if protocol.status is ProtocolStatus.APPROVED and not protocol.approved_at:
        yield protocol, "status", "Ett godkänt protokoll ska ha 'godkänt_vid' (mötet som godkände)."
    if protocol.approved_at and protocol.status is not ProtocolStatus.APPROVED:
        yield protocol, "approved_at", "'godkänt_vid' är ifyllt men status är inte godkänt."


field_sv = {"protocol": "protokoll", "decisions": "beslut", "attendance": "närvarolista"}


@rule("SC105", "datum-och-status", "–", "Datum och status går ihop", kind=Kind.DATA)
def dates_and_status(ctx: Context) -> Iterator[Result]:
    """
    Vad: Datum och status motsäger varandra: ett genomfört möte i framtiden,
    ett protokoll färdigställt före mötet, beslut på ett inställt möte, ett
    utträde före anslutningen, ett mandat som slutar innan det börjar. (Ett
    planerat möte vars datum har passerat är efterlevnadsregeln SC206.)

    Varför: Fristerna i arbetsordningen räknas från dessa datum; motsägelser
    ger felaktiga uppgifter på webbplatsen och i efterlevnadsrapporten.

    Åtgärd: Uppdatera status eller rätta datumet som meddelandet pekar på.
    """
    data = ctx.data
    for meeting in data.meetings:
        for node, field, message in _meeting_consistency(meeting, ctx.as_of):
            yield failed(SubjectRef.meeting(meeting.meeting_id), message, node.where(field))
    for partner in data.partners:
        if partner.withdrawal and partner.withdrawal.date < partner.joined:
            yield failed(
                SubjectRef.partner(partner.id),
                "Utträdet är före anslutningen.",
                partner.withdrawal.where("date"),
            )
    org = data.organisation
    terms = [t for m in org.committee.members for t in m.mandates]
    for body in (org.partnership, org.committee):
        terms += body.chair + body.vice_chair
    for term in terms:
        if term.end and term.end < term.start:
            yield failed(
                SubjectRef.mandate("mandat"), "Perioden slutar innan den börjar.", term.where("end")
            )


@rule("SC106", "röster-möjliga", "4.3", "Röstsiffrorna är möjliga", kind=Kind.DATA)
def votes_possible(ctx: Context) -> Iterator[Result]:
    """
    Vad: Röstsiffrorna i ett beslut kan inte stämma: fler röster än närvarande
    partners, en partner som röstar två gånger eller inte är närvarande,
    röster vid ett konsensusbeslut eller ett omröstningsbeslut utan röster.
    (Att en partner med jäv har röstat är inget datafel utan ett
    efterlevnadsfynd, SC403 och SC404.)

    Varför: Varje partner har en röst (§4.3). Siffror som inte går ihop kan
    inte publiceras som protokollförda beslut.

    Åtgärd: Jämför med protokollet: antal för, emot och avstår, närvarolistan
    och eventuellt jäv.
    """
    for meeting, decision in ctx.data.decisions():
        did = decision.id
        if decision.method == "konsensus" and decision.votes:
            yield failed(
                SubjectRef.decision(did),
                "Ett konsensusbeslut har inga röstsiffror; ta bort 'röster' eller "
                "ändra metod till omröstning.",
                decision.where("votes"),
            )
            continue
        if decision.method == "omröstning" and decision.votes is None:
            yield failed(
                SubjectRef.decision(did),
                "Omröstning kräver 'röster' (för, emot, avstår).",
                decision.where("method"),
            )
            continue
        if decision.votes is None:
            continue
        present = present_at(meeting, decision)
        total = sum(decision.votes.totals)
        if total > len(present):
            yield failed(
                SubjectRef.decision(did),
                f"{total} röster men bara {len(present)} närvarande partners.",
                decision.where("votes"),
            )
        voted: set[str] = set()
        for choice, names in decision.votes.named().items():
            field = {"för": "yes", "emot": "no", "avstår": "abstain"}[choice]
            for i, pid in enumerate(names):
                where = decision.votes.where(field, i)
                if pid in voted:
                    yield failed(SubjectRef.decision(did), f"'{pid}' har röstat två gånger.", where)
                elif pid not in meeting.attendance or pid in decision.absent:
                    yield failed(
                        SubjectRef.decision(did), f"'{pid}' röstar men är inte närvarande.", where
                    )
                voted.add(pid)


def protocol_paragraphs(text: str) -> set[int]:
    """The § numbers of a protocol, from headings like '## § 5 Röstlängd'.

    The same matches as ``PARAGRAPH_HEADING.finditer(text)``, tried only where a
    line starts with '#' (the only places the pattern can match): scanning a
    long protocol position by position took most of this rule's time.
    """
    numbers: set[int] = set()
    end = 0
    start = 0 if text.startswith("#") else text.find("\n#") + 1 or -1
    while start != -1:
        if start >= end and (match := PARAGRAPH_HEADING.match(text, start)):
            numbers.add(int(match.group(2)))
            end = match.end()
        start = text.find("\n#", start)
        start = start + 1 if start != -1 else -1
    return numbers


@rule("SC107", "protokoll-paragraf", "4.3", "Varje beslut har sin § i protokollet", kind=Kind.DATA)
def protocol_paragraph(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett färdigställt eller godkänt protokoll saknar filen protokoll.md, eller
    saknar rubriken "§ N" som ett beslut hänvisar till.

    Varför: Beslut ska protokollföras och publiceras (§4.3); beslutsregistret
    länkar varje beslut till sin paragraf i protokollet.

    Åtgärd: Lägg protokollet i mötesmappen som protokoll.md med en rubrik per
    paragraf, t.ex. "## § 5 Fastställande av röstlängd".
    """
    for meeting in ctx.data.meetings:
        protocol = meeting.protocol
        if protocol is None or protocol.status is ProtocolStatus.DRAFT:
            continue
        if meeting.protocol_text is None:
            yield failed(
                SubjectRef.meeting(meeting.meeting_id),
                "Protokollet är färdigställt men protokoll.md saknas.",
                protocol.where("status"),
            )
            continue
        paragraphs = protocol_paragraphs(meeting.protocol_text)
        for decision in meeting.decisions:
            if decision.paragraph not in paragraphs:
                yield failed(
                    SubjectRef.decision(decision.id),
                    f"Protokollet ({meeting.protocol_file}) har ingen rubrik '§ "
                    f"{decision.paragraph}'.",
                    decision.where("paragraph"),
                )


@rule(
    "SC040",
    "rapport-datum",
    "7",
    "En årsrapport gäller ett avslutat verksamhetsår och har ett publiceringsdatum som har varit",
    kind=Kind.DATA,
)
def report_dates(ctx: Context) -> Iterator[Result]:
    """
    Vad: En årsrapport eller verksamhetsberättelse i content/rapporter/ saknar
    publicerad-datum, har ett publicerad-datum som inte har varit än, eller
    gäller ett verksamhetsår som inte är slut. Utkast (utkast: true) bedöms
    inte. En rapport är offentlig när den inte är ett utkast och dess
    publicerad-datum har kommit – samma regel för sidorna, öppna data och SC204.

    Varför: Webbplatsen skulle annars skriva "publicerad 15 februari 2027"
    om en rapport som inte är publicerad, eller redovisa ett år som pågår som
    om det vore avslutat (§7).

    Åtgärd: Ange publicerad: med dagens datum (eller det datum rapporten
    faktiskt publicerades), eller sätt utkast: true tills året är slut och
    rapporten är antagen.
    """
    config = ctx.data.config
    for doc in ctx.data.reports:
        meta = doc.meta
        if meta.draft:
            continue
        subject = SubjectRef.report(meta.year, str(meta.kind))
        if meta.published is None:
            yield failed(
                subject,
                "Rapporten är inte ett utkast men saknar publicerad:. Ange det datum "
                "rapporten publicerades, eller sätt utkast: true tills den publiceras.",
                meta.where("published"),
            )
        elif meta.published > ctx.as_of:
            yield failed(
                subject,
                f"Publicerad {fmt(meta.published)} har inte varit än "
                f"(i dag {fmt(ctx.as_of)}); ange det datum rapporten publicerades.",
                meta.where("published"),
            )
        first = config.first_operating_year_start.year
        for number in range(1, max(meta.year - first + 2, 1)):
            start, end = config.operating_year_bounds(number)
            if start.year == meta.year and end >= ctx.as_of:
                yield failed(
                    subject,
                    f"Verksamhetsår {number} ({meta.year}) pågår till {fmt(end)}; "
                    "rapporten kan publiceras först när året är slut. Sätt utkast: true "
                    "tills dess.",
                    meta.where("year"),
                )


# Letters from other scripts that look like Latin ones (Unicode's confusables for the
# letters a Swedish name uses); NFKC has already folded full-width and ligature forms.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝӏаοαεικνρτυχвнмтк",
    "aeopcyxijsdqwlaoaeikvptuxbhmtk",
)


def name_key(name: str) -> str:
    """A name as the eye reads it: NFKC, case and white space folded, invisible format
    characters dropped, look-alike letters from other scripts read as Latin ones."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    visible = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
    return " ".join(visible.translate(_LOOKALIKES).split())


@rule(
    "SC108",
    "partnernamn-forvaxlingsbara",
    "5.3",
    "Två partners har inte namn som ser likadana ut",
    kind=Kind.DATA,
)
def lookalike_names(ctx: Context) -> Iterator[Result]:
    """
    Vad: Två partners har namn som ser likadana ut på webbplatsen: samma
    bokstäver med olika skiftläge eller mellanrum, eller en bokstav som byts
    mot en likadan ur ett annat alfabet (kyrilliskt "а" i stället för "a").

    Varför: Partnerförteckningen (§7) ska gå att lita på. En partner som ser ut
    att heta som en annan kan vilseleda den som läser protokoll, närvarolistor
    och omröstningar.

    Åtgärd: Kontrollera om det är samma organisation (använd då ett id) eller
    skriv namnet med vanliga bokstäver.
    """
    seen: dict[str, str] = {}
    for partner in ctx.data.partners:
        key = name_key(partner.name)
        if key in seen:
            yield failed(
                SubjectRef.partner(partner.id),
                f"Namnet ser likadant ut som partnern {seen[key]}s namn.",
                partner.where("name"),
            )
        else:
            seen[key] = partner.id


RULES = [
    unique_ids,
    references_resolve,
    partner_on_date,
    dates_and_status,
    votes_possible,
    protocol_paragraph,
    report_dates,
    lookalike_names,
]
