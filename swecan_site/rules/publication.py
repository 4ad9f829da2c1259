"""§7 Transparens: what must be published, and that it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..loader import CONTENT_DIR, ORGANISATION_FILE, PARTNERS_FILE, REPORTS_DIR, RULES_DIR
from ..models import BodyName, MeetingStatus, ReportKind
from ..problems import Kind, Location
from .base import Context, Result, failed, met, pending, rule
from .common import fmt, held, protocol_deadline, protocol_published

RULES_DIR_LABEL = f"{CONTENT_DIR}/{RULES_DIR}"
REPORTS_DIR_LABEL = f"{CONTENT_DIR}/{REPORTS_DIR}"


@rule(
    "SC201",
    "paragraf-7-dokument",
    "7",
    "Arbetsordning, partnerförteckning och ordförandens kontaktuppgifter finns att publicera",
    kind=Kind.DATA,
)
def section7_documents(ctx: Context) -> Iterator[Result]:
    """
    Vad: Något av de dokument som §7 kräver saknas helt: en arbetsordning som
    gäller, en förteckning över partners, eller kontaktuppgifter till
    ordföranden i SweCan. (Arbetsutskottets ordförande väljs en tid efter att
    utskottet har utsetts; saknas kontaktuppgifter till den är det
    efterlevnadsregeln SC205.)

    Varför: §7 lovar att dessa dokument publiceras. En webbplats utan dem
    uppfyller inte arbetsordningen, så den byggs inte.

    Åtgärd: Lägg arbetsordningen i content/arbetsordning/ med front matter
    (version, antagen_genom, gäller_från), partners i partners.yaml och
    ordförandena under "ordförande" i organisation.yaml. (Protokoll och
    årsrapporter har egna regler, SC202 och SC204, eftersom de tillkommer
    löpande.)
    """
    data = ctx.data
    in_force = [d for d in data.rules_versions if not d.meta.draft and d.meta.in_force <= ctx.as_of]
    where = Location(RULES_DIR_LABEL)
    if in_force:
        yield met("arbetsordning", f"{len(in_force)} version(er) publicerade.", where)
    else:
        yield failed(
            "arbetsordning", "Ingen arbetsordning gäller per " + fmt(ctx.as_of) + ".", where
        )
    current = ctx.members_on(ctx.as_of)
    where = data.partners_file.where("partners") if data.partners else Location(PARTNERS_FILE)
    if current:
        yield met("partnerförteckning", f"{len(current)} partners.", where)
    else:
        yield failed(
            "partnerförteckning", "Partnerförteckningen har inga aktuella partners.", where
        )
    # The AU elects its chair some time after it is appointed: a missing AU chair is
    # the compliance finding SC205, not a reason to stop publishing.
    partnership = data.organisation.partnership
    if partnership.chair:
        yield met(
            "ordförande i partnerskapet", "Kontaktuppgifter finns.", partnership.where("chair")
        )
    else:
        yield failed(
            "ordförande i partnerskapet",
            f"Ordförande i partnerskapet saknas i {ORGANISATION_FILE}.",
            partnership.where(),
        )


@rule(
    "SC202",
    "protokoll-publicerat",
    "3.2, 7",
    "Varje genomfört möte har ett publicerat protokoll när fristen har gått ut",
)
def protocol_published_rule(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett genomfört möte saknar justerat protokoll (protokoll.md med status
    justerat eller godkänt) fast fristen för protokollet har gått ut.

    Varför: Mötesprotokoll ska publiceras (§7) och färdigställas inom 14 dagar
    (§3.2). Ett utkast publiceras aldrig.

    Åtgärd: Lägg protokollet i mötesmappen och sätt protokoll: status: justerat
    med datum för färdigställt.
    """
    for meeting in held(ctx, None):
        mid, deadline = meeting.meeting_id, protocol_deadline(ctx, meeting)
        where = meeting.protocol.where("status") if meeting.protocol else meeting.where("status")
        if protocol_published(meeting):
            yield met(mid, f"Protokollet är publicerat (frist {fmt(deadline)}).", where)
        elif ctx.as_of > deadline:
            yield failed(
                mid, f"Protokollet är inte publicerat; fristen gick ut {fmt(deadline)}.", where
            )
        else:
            yield pending(mid, f"Protokollet ska vara klart senast {fmt(deadline)}.", where)


@rule(
    "SC203",
    "beslut-publicerat",
    "4.3",
    "Varje beslut är publicerat i ett protokoll och i beslutsregistret",
)
def decision_published(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett beslut finns i data men dess protokoll är inte publicerat, fast
    fristen för protokollet har gått ut.

    Varför: "Beslut protokollförs och publiceras på SweCans hemsida" (§4.3).
    Beslutsregistret visar bara beslut ur publicerade protokoll.

    Åtgärd: Justera och publicera mötets protokoll (se SC202).
    """
    for meeting, decision in ctx.data.decisions():
        deadline = protocol_deadline(ctx, meeting)
        where = decision.where("id")
        if protocol_published(meeting):
            yield met(
                decision.id,
                f"Publicerat i protokollet {meeting.meeting_id} § {decision.paragraph}.",
                where,
            )
        elif ctx.as_of > deadline:
            yield failed(
                decision.id,
                f"Beslutet är inte publicerat; protokollets frist gick ut {fmt(deadline)}.",
                where,
            )
        else:
            yield pending(decision.id, f"Publiceras med protokollet senast {fmt(deadline)}.", where)


@rule(
    "SC204",
    "årsrapport",
    "7",
    "Årsrapport och verksamhetsberättelse finns för varje avslutat verksamhetsår",
)
def annual_reports(ctx: Context) -> Iterator[Result]:
    """
    Vad: För ett avslutat verksamhetsår saknas årsrapport eller
    verksamhetsberättelse, eller den publicerades efter fristen (parametern
    report_deadline_days, dagar efter årets slut).

    Varför: Årsrapporter och verksamhetsberättelse ska publiceras (§7).
    Arbetsordningen anger ingen frist; kansliet sätter den i swecan.yaml.

    Åtgärd: Lägg dokumentet i content/rapporter/ med front matter år, typ
    (årsrapport eller verksamhetsberättelse) och publicerad.
    """
    config = ctx.data.config
    number = 1
    while True:
        start, end = config.operating_year_bounds(number)
        if end >= ctx.as_of:
            break
        deadline = end + timedelta(days=ctx.params(end).report_deadline_days)
        for kind in ReportKind:
            subject = f"{kind} {start.year}"
            docs = [
                d
                for d in ctx.data.reports
                if d.meta.year == start.year and d.meta.kind is kind and not d.meta.draft
            ]
            doc = docs[0] if docs else None
            published: date | None = doc.meta.published if doc else None
            where = doc.meta.where("published") if doc else Location(REPORTS_DIR_LABEL)
            what = subject.capitalize()
            if published and published <= deadline:
                yield met(
                    subject, f"{what} publicerad {fmt(published)} (frist {fmt(deadline)}).", where
                )
            elif published:
                yield failed(
                    subject,
                    f"{what} publicerad {fmt(published)}, efter fristen {fmt(deadline)}.",
                    where,
                )
            elif ctx.as_of <= deadline:
                yield pending(subject, f"{what} ska publiceras senast {fmt(deadline)}.", where)
            else:
                yield failed(subject, f"{what} saknas; fristen gick ut {fmt(deadline)}.", where)
        number += 1


@rule("SC205", "ordförandes-kontakt", "7", "Aktuella kontaktuppgifter till båda ordförandena")
def chair_contacts(ctx: Context) -> Iterator[Result]:
    """
    Vad: Per dagens datum finns ingen ordförande med giltig mandatperiod, eller
    ordföranden saknar funktionsbrevlåda och telefon – i partnerskapet eller i
    arbetsutskottet.

    Varför: §7 kräver att kontaktuppgifter till ordförande i SweCan och i
    arbetsutskottet publiceras. Kontakten ska gå till en funktionsbrevlåda så
    att den fungerar när personen byts.

    Åtgärd: Lägg till den nya mandatperioden under "ordförande" i
    organisation.yaml, med namn, e-post (funktionsbrevlåda) och telefon.
    """
    org = ctx.data.organisation
    for body_name, body in (
        (BodyName.PARTNERSHIP, org.partnership),
        (BodyName.COMMITTEE, org.committee),
    ):
        subject = f"ordförande i {body_name}"
        holder = body.holder("chair", ctx.as_of)
        if holder is None:
            yield failed(
                subject, f"Ingen ordförande har mandat {fmt(ctx.as_of)}.", body.where("chair")
            )
        elif not (holder.email or holder.phone):
            yield failed(subject, f"{holder.name} saknar e-post och telefon.", holder.where())
        else:
            yield met(subject, f"{holder.name}, {holder.email or holder.phone}.", holder.where())


@rule("SC206", "mötesstatus-aktuell", "7", "Ett möte som har varit har inte kvar status planerat")
def meeting_status_current(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett möte vars datum har passerat har fortfarande status planerat.

    Varför: Webbplatsen visar mötets status för allmänheten (§7); ett möte som
    har hållits eller ställts in ska inte se ut att vara på väg. Först när
    mötet är markerat genomfört bevakas fristen för protokollet.

    Åtgärd: Sätt status: genomfört (och fyll i närvaro) eller status: inställt
    i mötets mote.yaml.
    """
    for meeting in ctx.data.meetings:
        if meeting.status is not MeetingStatus.PLANNED:
            continue
        if meeting.date < ctx.as_of:
            yield failed(
                meeting.meeting_id,
                f"Mötet {fmt(meeting.date)} har varit men har status planerat.",
                meeting.where("status"),
            )
        else:
            yield met(
                meeting.meeting_id, f"Planerat till {fmt(meeting.date)}.", meeting.where("status")
            )


RULES = [
    section7_documents,
    protocol_published_rule,
    decision_published,
    annual_reports,
    chair_contacts,
    meeting_status_current,
]
