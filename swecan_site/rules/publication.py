"""§7 Transparens: what must be published, and that it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..layout import CONTENT_DIR, ORGANISATION_FILE, PARTNERS_FILE, REPORTS_DIR, RULES_DIR
from ..models import (
    BodyName,
    ContentDoc,
    Meeting,
    MeetingStatus,
    ReportKind,
    ReportMeta,
)
from ..problems import Kind, Location
from .base import Basis, Context, Result, SubjectRef, ao, failed, met, pending, rule
from .common import (
    fmt,
    held,
    next_meeting,
    next_planned,
    planned,
    protocol_deadline,
    protocol_published,
    report_published,
)

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
        yield met(
            SubjectRef.document("arbetsordning"), f"{len(in_force)} version(er) publicerade.", where
        )
    else:
        yield failed(
            SubjectRef.document("arbetsordning"),
            "Ingen arbetsordning gäller per " + fmt(ctx.as_of) + ".",
            where,
        )
    current = ctx.members_on(ctx.as_of)
    where = data.partners_file.where("partners") if data.partners else Location(PARTNERS_FILE)
    if current:
        yield met(SubjectRef.document("partnerförteckning"), f"{len(current)} partners.", where)
    else:
        yield failed(
            SubjectRef.document("partnerförteckning"),
            "Partnerförteckningen har inga aktuella partners.",
            where,
        )
    # The AU elects its chair some time after it is appointed: a missing AU chair is
    # the compliance finding SC205, not a reason to stop publishing.
    partnership = data.organisation.partnership
    if partnership.chair:
        yield met(
            SubjectRef.role("ordförande i partnerskapet"),
            "Kontaktuppgifter finns.",
            partnership.where("chair"),
        )
    else:
        yield failed(
            SubjectRef.role("ordförande i partnerskapet"),
            f"Ordförande i partnerskapet saknas i {ORGANISATION_FILE}.",
            partnership.where(),
        )


PUBLISH_QUOTE = ao(
    "7",
    "SweCan ska ha en öppen kommunikationsplattform. Följande dokument ska publiceras:",
)
PROTOCOLS_QUOTE = ao("7", "mötesprotokoll och beslut")
DEADLINE_QUOTE = ao("3.2", "Protokoll ska färdigställas senast inom 14 dagar efter mötet")


@rule(
    "SC202",
    "protokoll-publicerat",
    "3.2, 7",
    "Varje genomfört möte får ett publicerat protokoll",
    quotes=(PUBLISH_QUOTE, PROTOCOLS_QUOTE, DEADLINE_QUOTE),
)
def protocol_published_rule(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett genomfört sammanträde i partnerskapet saknar publicerat
    protokoll (protokoll.md med status färdigställt eller godkänt) fast
    14-dagarsfristen i §3.2 har gått ut (parametern protocol_days). För
    arbetsutskottets möten anger arbetsordningen ingen frist (§2.2); som
    standard ska protokollet vara publicerat när utskottet har hållit sitt
    nästa sammanträde (tolkning T13, parametern
    committee_decisions_published; med ingen_frist förblir det ej avgjort).
    Kansliets eget mål för dem är SC207.

    Varför: Mötesprotokoll ska publiceras (§7), och partnerskapets protokoll
    ska vara färdigställt inom 14 dagar (§3.2). Ett utkast publiceras aldrig.

    Åtgärd: Lägg protokollet i mötesmappen och sätt protokoll: status:
    färdigställt med datum för färdigställt.
    """
    for meeting in held(ctx, None):
        mid = SubjectRef.meeting(meeting.meeting_id)
        where = meeting.protocol.where("status") if meeting.protocol else meeting.where("status")
        if meeting.body is not BodyName.PARTNERSHIP:
            if protocol_published(meeting):
                yield met(mid, "Arbetsutskottets protokoll är publicerat.", where)
            else:
                yield _committee_unpublished(ctx, meeting, mid, "Arbetsutskottets protokoll", where)
            continue
        deadline = protocol_deadline(ctx, meeting)
        if protocol_published(meeting):
            yield met(
                mid, f"Protokollet är publicerat (frist {fmt(deadline)}).", where, due=deadline
            )
        elif ctx.as_of > deadline:
            yield failed(
                mid,
                f"Protokollet är inte publicerat; fristen gick ut {fmt(deadline)}.",
                where,
                due=deadline,
            )
        else:
            yield pending(
                mid, f"Protokollet ska vara klart senast {fmt(deadline)}.", where, due=deadline
            )


@rule(
    "SC203",
    "beslut-publicerat",
    "4.3",
    "Varje beslut är publicerat i ett protokoll och i beslutsregistret",
    quotes=(ao("4.3", "Beslut protokollförs och publiceras på SweCans hemsida."),),
)
def decision_published(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett beslut i partnerskapet finns i data men dess protokoll är inte
    publicerat, fast 14-dagarsfristen för protokollet har gått ut. För
    arbetsutskottets beslut anger arbetsordningen ingen frist; som standard
    ska de vara publicerade när utskottet har hållit sitt nästa sammanträde
    (tolkning T13, parametern committee_decisions_published; med
    alternativet ingen_frist förblir de ej avgjorda).

    Varför: "Beslut protokollförs och publiceras på SweCans hemsida." (§4.3)
    Beslutsregistret visar bara beslut ur publicerade protokoll.

    Åtgärd: Färdigställ och publicera mötets protokoll (se SC202).
    """
    for meeting, decision in ctx.data.decisions():
        where = decision.where("id")
        if protocol_published(meeting):
            yield met(
                SubjectRef.decision(decision.id),
                f"Publicerat i protokollet {meeting.meeting_id} § {decision.paragraph}.",
                where,
            )
            continue
        if meeting.body is not BodyName.PARTNERSHIP:
            yield _committee_unpublished(
                ctx, meeting, SubjectRef.decision(decision.id), "Beslutet", where
            )
            continue
        deadline = protocol_deadline(ctx, meeting)
        if ctx.as_of > deadline:
            yield failed(
                SubjectRef.decision(decision.id),
                f"Beslutet är inte publicerat; protokollets frist gick ut {fmt(deadline)}.",
                where,
                due=deadline,
            )
        else:
            yield pending(
                SubjectRef.decision(decision.id),
                f"Publiceras med protokollet senast {fmt(deadline)}.",
                where,
                due=deadline,
            )


def _committee_unpublished(
    ctx: Context, meeting: Meeting, subject: SubjectRef, what: str, where: Location
) -> Result:
    """The verdict on an unpublished AU protocol or decision (interpretation T13): due
    by the AU's next held meeting by default; with 'ingen_frist' it stays ej avgjort."""
    if ctx.params(meeting.date).committee_decisions_published == "ingen_frist":
        return pending(
            subject,
            f"{what} är inte publicerat än; arbetsordningen anger ingen frist "
            "(tolkning T13; kansliets mål: SC207).",
            where,
        )
    following = next_meeting(ctx, meeting)
    if following is not None:
        return failed(
            subject,
            f"{what} är inte publicerat, fast arbetsutskottet höll sitt nästa sammanträde "
            f"{fmt(following.date)} (tolkning T13).",
            where,
            due=following.date,
        )
    upcoming = next_planned(ctx, meeting)
    due = upcoming.date if upcoming is not None else None
    when = f"senast {fmt(due)}, vid" if due else "senast vid"
    return pending(
        subject,
        f"{what} ska vara publicerat {when} arbetsutskottets nästa sammanträde (tolkning T13).",
        where,
        due=due,
    )


def _finished_years(ctx: Context) -> Iterator[tuple[int, date, date]]:
    config = ctx.data.config
    number = 1
    while True:
        start, end = config.operating_year_bounds(number)
        if end >= ctx.as_of:
            return
        yield number, start, end
        number += 1


def _report(ctx: Context, year: int, kind: ReportKind):  # type: ignore[no-untyped-def]
    docs = [
        d
        for d in ctx.data.reports
        if d.meta.year == year and d.meta.kind is kind and not d.meta.draft
    ]
    return docs[0] if docs else None


def _published(ctx: Context, doc: ContentDoc[ReportMeta] | None) -> date | None:
    """The report's publication date if it is public on the as-of date (facts.report_published):
    the day the history shows it became public where that evidence exists (provenance.py),
    else its ``publicerad`` date."""
    if not doc or not report_published(doc.meta, ctx.as_of):
        return None
    public = ctx.evidence.report_public(doc.file) if ctx.evidence else None
    return public[0] if public else doc.meta.published


def _protocol_public_day(ctx: Context, meeting: Meeting) -> date | None:
    """The day the history shows the meeting's protocol became public, if it proves one."""
    evidence = ctx.evidence
    commit = evidence.protocol_published_at(meeting.meeting_id) if evidence else None
    return commit.day if commit else None


@rule(
    "SC204",
    "årsrapport",
    "7",
    "Årsrapport och verksamhetsberättelse publiceras för varje avslutat verksamhetsår",
    quotes=(PUBLISH_QUOTE, ao("7", "årsrapporter och verksamhetsberättelse.")),
)
def annual_reports(ctx: Context) -> Iterator[Result]:
    """
    Vad: För ett avslutat verksamhetsår är årsrapporten eller
    verksamhetsberättelsen inte publicerad. Arbetsordningen anger ingen frist,
    så kravet kan inte sägas vara brutet: det är ej avgjort tills dokumentet
    är publicerat. Kansliets eget mål för när de ska vara publicerade är SC208.

    Varför: Årsrapporter och verksamhetsberättelse ska publiceras (§7).

    Åtgärd: Lägg dokumentet i content/rapporter/ med front matter år, typ
    (årsrapport eller verksamhetsberättelse) och publicerad.
    """
    for _, start, end in _finished_years(ctx):
        for kind in ReportKind:
            subject = SubjectRef.report(start.year, kind)
            doc = _report(ctx, start.year, kind)
            published = _published(ctx, doc)
            where = doc.meta.where("published") if doc else Location(REPORTS_DIR_LABEL)
            what = str(subject).capitalize()
            if published:
                yield met(subject, f"{what} publicerad {fmt(published)}.", where)
            else:
                yield pending(
                    subject,
                    f"{what} är inte publicerad än; verksamhetsåret slutade {fmt(end)}.",
                    where,
                )


@rule(
    "SC208",
    "årsrapport-mål",
    "7",
    "Kansliets mål: årsrapport och verksamhetsberättelse inom 120 dagar efter årets slut",
    basis=Basis.TARGET,
)
def annual_reports_target(ctx: Context) -> Iterator[Result]:
    """
    Vad: Kansliets eget mål: årsrapport och verksamhetsberättelse för ett
    avslutat verksamhetsår publiceras senast 120 dagar efter årets slut
    (parametern report_deadline_days). Arbetsordningen anger ingen frist;
    ett missat mål är inte ett brott mot arbetsordningen.

    Varför: §7 kräver att årsrapporter och verksamhetsberättelse publiceras.
    Kansliet har satt fristen för att allmänheten ska kunna lita på när de
    kommer.

    Åtgärd: Publicera dokumenten i content/rapporter/ med publicerad: satt.
    """
    for _, start, end in _finished_years(ctx):
        deadline = end + timedelta(days=ctx.params(end).report_deadline_days)
        for kind in ReportKind:
            subject = SubjectRef.report(start.year, kind)
            doc = _report(ctx, start.year, kind)
            published = _published(ctx, doc)
            where = doc.meta.where("published") if doc else Location(REPORTS_DIR_LABEL)
            what = str(subject).capitalize()
            if published and published <= deadline:
                yield met(
                    subject,
                    f"{what} publicerad {fmt(published)} (mål {fmt(deadline)}).",
                    where,
                    due=deadline,
                )
            elif published:
                yield failed(
                    subject,
                    f"{what} publicerad {fmt(published)}, efter kansliets mål {fmt(deadline)}.",
                    where,
                    due=deadline,
                )
            elif ctx.as_of <= deadline:
                yield pending(
                    subject, f"{what}: kansliets mål är {fmt(deadline)}.", where, due=deadline
                )
            else:
                yield failed(
                    subject,
                    f"{what} saknas; kansliets mål var {fmt(deadline)}.",
                    where,
                    due=deadline,
                )


@rule(
    "SC207",
    "au-protokoll-mål",
    "7, 2.2",
    "Kansliets mål: arbetsutskottets protokoll färdigställs inom 14 dagar",
    basis=Basis.TARGET,
)
def committee_protocol_target(ctx: Context) -> Iterator[Result]:
    """
    Vad: Kansliets eget mål: arbetsutskottets protokoll färdigställs och
    publiceras senast 14 dagar efter mötet (parametern
    committee_protocol_days). Arbetsordningens 14-dagarsfrist (§3.2) gäller
    partnerskapets sammanträden; arbetsutskottet beslutar självständigt om
    formerna för sina sammanträden (§2.2). Ett missat mål är inte ett brott
    mot arbetsordningen.

    Varför: Mötesprotokoll ska publiceras (§7); målet gör det förutsägbart
    när arbetsutskottets protokoll kommer.

    Där versionshistoriken (git) visar när protokollet blev offentligt är
    det den dagen som jämförs med målet, inte det angivna datumet (SC209
    jämför de två).

    Åtgärd: Ange protokoll: färdigställt: och status färdigställt när
    protokollet är klart.
    """
    for meeting in held(ctx, BodyName.COMMITTEE):
        mid, deadline = SubjectRef.meeting(meeting.meeting_id), protocol_deadline(ctx, meeting)
        protocol = meeting.protocol
        completed = protocol.completed if protocol and protocol_published(meeting) else None
        public = _protocol_public_day(ctx, meeting) if completed else None
        done = public or completed
        said = (
            f"Färdigställt {fmt(completed)}, offentligt {fmt(public)} enligt versionshistoriken"
            if public and completed
            else f"Färdigställt {fmt(completed)}"
        )
        where = protocol.where("status") if protocol else meeting.where("status")
        if done is not None and done <= deadline:
            yield met(mid, f"{said} (mål {fmt(deadline)}).", where, due=deadline)
        elif done is not None:
            yield failed(mid, f"{said}, efter kansliets mål {fmt(deadline)}.", where, due=deadline)
        elif ctx.as_of > deadline:
            yield failed(
                mid, f"Inte färdigställt; kansliets mål var {fmt(deadline)}.", where, due=deadline
            )
        else:
            yield pending(
                mid, f"Kansliets mål: färdigställt senast {fmt(deadline)}.", where, due=deadline
            )
    for meeting in planned(ctx, BodyName.COMMITTEE):
        # Not held yet: the target date is already known from the meeting's date.
        deadline = protocol_deadline(ctx, meeting)
        yield pending(
            SubjectRef.meeting(meeting.meeting_id),
            f"Mötet är planerat; kansliets mål: protokollet färdigställt senast {fmt(deadline)}.",
            meeting.where("date"),
            due=deadline,
        )


@rule(
    "SC205",
    "ordförandes-kontakt",
    "7",
    "Aktuella kontaktuppgifter till båda ordförandena",
    quotes=(
        PUBLISH_QUOTE,
        ao("7", "kontaktuppgifter till ordförande i SweCan och arbetsutskottet"),
    ),
)
def chair_contacts(ctx: Context) -> Iterator[Result]:
    """
    Vad: Per dagens datum finns ingen ordförande med giltig mandatperiod, eller
    ordföranden saknar e-postadress (funktionsbrevlåda) – i partnerskapet
    eller i arbetsutskottet. Ett telefonnummer räcker inte ensamt:
    webbplatsen lovar funktionsbrevlådor.

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
        subject = SubjectRef.role(f"ordförande i {body_name}")
        holder = body.holder("chair", ctx.as_of)
        if holder is None:
            yield failed(
                subject, f"Ingen ordförande har mandat {fmt(ctx.as_of)}.", body.where("chair")
            )
        elif not holder.email:
            yield failed(
                subject, f"{holder.name} saknar e-post (funktionsbrevlåda).", holder.where()
            )
        else:
            yield met(subject, f"{holder.name}, {holder.email}.", holder.where())


@rule(
    "SC206",
    "mötesstatus-aktuell",
    "7",
    "Kansliets mål: ett möte som har varit har inte kvar status planerat",
    basis=Basis.TARGET,
)
def meeting_status_current(ctx: Context) -> Iterator[Result]:
    """
    Vad: Kansliets eget mål: ett möte vars datum har passerat har inte kvar
    status planerat. Arbetsordningen säger inget om mötesstatus; ett missat
    mål är inte ett brott mot arbetsordningen.

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
                SubjectRef.meeting(meeting.meeting_id),
                f"Mötet {fmt(meeting.date)} har varit men har status planerat.",
                meeting.where("status"),
            )
        else:
            yield met(
                SubjectRef.meeting(meeting.meeting_id),
                f"Planerat till {fmt(meeting.date)}.",
                meeting.where("status"),
            )


RULES = [
    section7_documents,
    protocol_published_rule,
    decision_published,
    annual_reports,
    chair_contacts,
    meeting_status_current,
    committee_protocol_target,
    annual_reports_target,
]
