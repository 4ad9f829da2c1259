"""Privacy (GDPR): no personal identity numbers, personal contact data only in roles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..loader import ORGANISATION_FILE
from ..problems import Kind, Location, Severity
from .base import Basis, Context, Result, SubjectRef, failed, met, rule

_PNR = re.compile(r"(?<![\d-])(?:19|20)?(\d{6})[-+]?(\d{4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_FUNCTIONAL = {
    "swecan",
    "kansli",
    "kansliet",
    "info",
    "registrator",
    "kontakt",
    "ordforande",
    "press",
    "au",
    "support",
    "webb",
    "noreply",
    "tillganglighet",
}


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def looks_like_personnummer(date_part: str, serial: str) -> bool:
    """YYMMDD + NNNN with a valid month, a day (or day + 60: samordningsnummer) and Luhn."""
    month, day = int(date_part[2:4]), int(date_part[4:6])
    if not 1 <= month <= 12:
        return False
    if not (1 <= day <= 31 or 61 <= day <= 91):
        return False
    return luhn_ok(date_part + serial)


def looks_personal(address: str) -> bool:
    """firstname.lastname@ is personal; swecan@, kansli.swecan@ are functional."""
    local = address.split("@", 1)[0].lower()
    parts = re.split(r"[._-]", local)
    return len(parts) >= 2 and all(p.isalpha() for p in parts) and not (set(parts) & _FUNCTIONAL)


def _lines(ctx: Context) -> Iterator[tuple[str, int, str]]:
    for file, text in ctx.data.sources.items():
        for number, line in enumerate(text.splitlines(), start=1):
            yield file, number, line


@rule(
    "SC801",
    "personnummer",
    "GDPR",
    "Inga personnummer eller samordningsnummer i data",
    kind=Kind.DATA,
)
def no_personal_numbers(ctx: Context) -> Iterator[Result]:
    """
    Vad: En fil innehåller något som ser ut som ett personnummer eller
    samordningsnummer (giltigt datum och kontrollsiffra).

    Varför: Allt i förrådet publiceras eller blir offentligt i versionshistoriken.
    Personnummer behövs aldrig för SweCans uppgifter och får inte spridas
    (dataskyddsförordningen, lagen med kompletterande bestämmelser 3 kap. 10 §).

    Åtgärd: Ta bort numret. Har det redan lagts upp i git: kontakta den som
    förvaltar förrådet, eftersom det finns kvar i historiken.
    """
    for file, number, line in _lines(ctx):
        for match in _PNR.finditer(line):
            if looks_like_personnummer(match.group(1), match.group(2)):
                yield failed(
                    SubjectRef.file(file),
                    "Ser ut som ett personnummer eller samordningsnummer.",
                    Location(file, number, match.start() + 1),
                )


@rule(
    "SC802",
    "personlig-kontaktuppgift",
    "GDPR",
    "Personliga e-postadresser bara där en roll kräver det",
    basis=Basis.TARGET,  # the kansli's data-protection practice; no sentence of the arbetsordning
    severity=Severity.WARNING,
)
def personal_contacts(ctx: Context) -> Iterator[Result]:
    """
    Vad: En e-postadress av formen förnamn.efternamn@ står någon annanstans än
    som kontaktuppgift för en roll i organisation.yaml (ordförande, vice
    ordförande, kansliet).

    Varför: SweCan publicerar kontaktuppgifter till roller, inte till
    personer (§7). Funktionsbrevlådor fungerar även när personer byts, och
    personuppgifter publiceras bara när uppgiften kräver det.

    Åtgärd: Använd en funktionsbrevlåda (t.ex. swecan@…) eller ta bort
    adressen.
    """
    found = False
    for file, number, line in _lines(ctx):
        if file == ORGANISATION_FILE:
            continue
        for match in _EMAIL.finditer(line):
            if looks_personal(match.group(0)):
                found = True
                yield failed(
                    SubjectRef.file(file),
                    f"{match.group(0)} ser ut som en personlig e-postadress.",
                    Location(file, number, match.start() + 1),
                )
    if not found:
        yield met(
            SubjectRef.document("e-postadresser"),
            "Inga personliga e-postadresser utanför rollerna.",
            Location(ORGANISATION_FILE),
        )


@rule(
    "SC803",
    "sekretess-underlag",
    "GDPR",
    "Underlag som inte är offentliga har ingen länk",
    kind=Kind.DATA,
)
def confidential_documents(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett underlag är markerat offentligt: false men har en länk.

    Varför: Webbplatsen visar aldrig underlag som inte är offentliga; en
    länk i data är ett tecken på att dokumentet ändå ligger åtkomligt.

    Åtgärd: Ta bort länken, eller sätt offentligt: true om underlaget får
    publiceras.
    """
    for meeting in ctx.data.meetings:
        for matter in meeting.matters:
            for doc in matter.documents:
                if not doc.public and doc.url:
                    yield failed(
                        SubjectRef.meeting(meeting.meeting_id),
                        f"Underlaget '{doc.title}' är inte offentligt men har en länk.",
                        doc.where("url"),
                    )


RULES = [no_personal_numbers, personal_contacts, confidential_documents]
