"""Privacy (GDPR): no personal identity numbers, personal contact data only in roles."""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from ..layout import ORGANISATION_FILE
from ..problems import Kind, Location, Severity
from .base import Basis, Context, Result, SubjectRef, failed, met, rule

# On the text as a reader sees it (see normalise): the date part and the serial
# may be separated by a hyphen or plus and white space, even a line break.
_SEP = r"[ \t]*\n?[ \t]*"
_PNR_SEEN = re.compile(rf"(?<![0-9-])(?:19|20)?([0-9]{{6}}){_SEP}[-+]?{_SEP}([0-9]{{4}})(?![0-9])")
# What may hide or disguise a digit, a hyphen or a space in the source but not
# on the page: HTML entities and tags, YAML escapes, Markdown emphasis and
# backslash escapes, and any character outside ASCII (full-width digits,
# NBSP and thin spaces, en dashes, soft hyphens...). Common Swedish letters are
# left alone for speed.
_SPECIAL = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|<[^<>\n]*>"
    r"|\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})"
    r"|[*_`~\\]"
    r"|[^\x00-\x7fåäöÅÄÖéÉü§«»“”’]"
)
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
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


@lru_cache(maxsize=4096)
def _seen_char(char: str) -> str:
    """One character as a reader sees it: digits, spaces and hyphens in plain ASCII."""
    if char in _HYPHENS:
        return "-"
    if unicodedata.category(char) == "Cf":  # soft hyphen, zero-width space, word joiner
        return ""
    if char.isspace():
        return "\n" if char in "\n\r\u2028\u2029\x85" else " "
    decimal = unicodedata.decimal(char, None)
    if decimal is not None:
        return str(decimal)
    folded = unicodedata.normalize("NFKC", char)
    return "-" if folded in _HYPHENS else folded


def _seen_piece(piece: str) -> str:
    if piece.startswith("&"):
        return "".join(_seen_char(c) for c in html.unescape(piece))
    if piece.startswith("<") or piece in "*_`~\\":
        return ""  # a tag or Markdown punctuation: nothing a reader sees
    if piece.startswith("\\"):
        try:
            return _seen_char(chr(int(piece[2:], 16)))
        except (ValueError, OverflowError):
            return piece
    return _seen_char(piece)


def normalise(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` as a reader sees it, and a map back to the source.

    Returns (seen, starts, offsets): ``seen[starts[i]:]`` comes from
    ``text[offsets[i]:]``; a position in ``seen`` maps back through
    :func:`source_offset`.
    """
    out: list[str] = []
    starts = [0]
    offsets = [0]
    length = 0
    last = 0
    for match in _SPECIAL.finditer(text):
        plain = text[last : match.start()]
        out.append(plain)
        length += len(plain)
        seen = _seen_piece(match.group())
        starts.append(length)
        offsets.append(match.start())
        out.append(seen)
        length += len(seen)
        starts.append(length)
        offsets.append(match.end())
        last = match.end()
    out.append(text[last:])
    return "".join(out), starts, offsets


def source_offset(position: int, starts: list[int], offsets: list[int]) -> int:
    """The offset in the source of character ``position`` of the normalised text."""
    i = bisect_right(starts, position) - 1
    # inside plain text the offset grows with the position; inside a replaced
    # piece (an entity, say) every character maps to the piece's start
    plain = i % 2 == 0
    return offsets[i] + (position - starts[i] if plain else 0)


def _digits_enough(text: str) -> bool:
    """Cheap filter: a personnummer needs ten digits, each written with a digit at least."""
    ascii_digits = sum(map(text.count, "0123456789"))
    if ascii_digits >= 10:
        return True
    if text.isascii():  # the only ASCII digits are 0-9
        return False
    return sum(map(str.isdigit, text)) >= 10


# Bytes of UTF-8 that may be part of a digit a reader sees, or disappear
# between two (Markdown punctuation): ASCII digits, * _ ` ~ and every byte of
# a non-ASCII character. Other ASCII characters are seen as themselves.
_RUN_TABLE = bytes(0x30 if chr(b) in "0123456789*_`~" or b >= 0x80 else 0x20 for b in range(256))
_SIX_DIGITS = re.compile(r"[0-9]{6}")


def _seen_plain(char: str) -> str:
    """A character outside entities, tags and escapes, as normalise() shows it."""
    if char.isascii():
        return "" if char in "*_`~" else char
    return _seen_char(char)


def _six_digits_possible(text: str) -> bool:
    """Cheap filter: does the text as a reader sees it hold six digits in a row?

    A personnummer's date part is six digits. Entities (&), tags (<) and
    escapes (\\) may hide any number of source characters: with any of them
    the answer is yes. Otherwise only the runs of digits, Markdown punctuation
    and non-ASCII characters in the source can hold the six digits, and only
    those runs are normalised (there are few; in Swedish prose, none).
    """
    if "&" in text or "<" in text or "\\" in text:
        return True
    raw = text.encode("utf-8", "surrogatepass")
    marks = raw.translate(_RUN_TABLE)
    found = marks.find(b"000000")
    while found != -1:
        begin = marks.rfind(b" ", 0, found) + 1
        end = marks.find(b" ", found)
        end = len(marks) if end == -1 else end
        run = raw[begin:end].decode("utf-8", "surrogatepass")
        if _SIX_DIGITS.search("".join(map(_seen_plain, run))):
            return True
        found = marks.find(b"000000", end)
    return False


def personal_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(line, column) in ``text`` of every personnummer a reader of the page would see."""
    if not _six_digits_possible(text) or not _digits_enough(text):
        return
    seen, starts, offsets = normalise(text)
    for match in _PNR_SEEN.finditer(seen):
        if looks_like_personnummer(match.group(1), match.group(2)):
            offset = source_offset(match.start(), starts, offsets)
            line_start = text.rfind("\n", 0, offset) + 1
            yield text.count("\n", 0, offset) + 1, offset - line_start + 1


def _lines(ctx: Context, needle: str = "") -> Iterator[tuple[str, int, str]]:
    """Every line of every source file; only the files that contain ``needle``."""
    for file, text in ctx.data.sources.items():
        if needle not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            yield file, number, line


_NAME_SEPARATORS = re.compile(r"[_.\s]")


def _published_names(ctx: Context) -> Iterator[tuple[str, Location]]:
    """Names that become part of a published address: an underlag's file in its meeting
    folder, a meeting folder, a file under content/."""
    for meeting in ctx.data.meetings:
        yield meeting.meeting_id, meeting.where("date")
        for matter in meeting.matters:
            for doc in matter.documents:
                if doc.url and doc.is_relative:
                    yield doc.url, doc.where("url")
    files = [
        *(d.file for d in ctx.data.pages),
        *(d.file for d in ctx.data.reports),
        *(d.file for d in ctx.data.rules_versions),
    ]
    for file in files:
        yield file.rsplit("/", 1)[-1], Location(file)


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
    for file, text in ctx.data.sources.items():
        for line, column in personal_numbers(text):
            yield failed(
                SubjectRef.file(file),
                "Ser ut som ett personnummer eller samordningsnummer (så som texten "
                "visas på webbplatsen).",
                Location(file, line, column),
            )
    for name, where in _published_names(ctx):
        # A file name is part of the page's address: '_' and '.' separate like '-'.
        if any(personal_numbers(_NAME_SEPARATORS.sub("-", name))):
            yield failed(
                SubjectRef.file(where.file),
                f"Filnamnet '{name}' ser ut att innehålla ett personnummer eller "
                "samordningsnummer; namnet publiceras i filens adress.",
                where,
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
    for file, number, line in _lines(ctx, "@"):
        if file == ORGANISATION_FILE or "@" not in line:
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


@rule(
    "SC804",
    "privat-epost-for-roll",
    "7",
    "Kansliets mål: ordförandenas kontaktadresser ligger inte hos en privat e-posttjänst",
    basis=Basis.TARGET,
    severity=Severity.WARNING,
)
def webmail_contacts(ctx: Context) -> Iterator[Result]:
    """
    Vad: Kansliets mål: en ordförandes eller vice ordförandes e-postadress i
    organisation.yaml ligger hos en privat e-posttjänst (parametern
    webmail_domains, t.ex. gmail.com eller hotmail.se).

    Varför: §7 kräver att "kontaktuppgifter till ordförande i SweCan och
    arbetsutskottet" publiceras, så att allmänheten och partners kan nå rollen.
    En privat adress följer personen, inte rollen, och är en personuppgift
    som inte behöver publiceras. Arbetsordningen säger inte var adressen ska
    ligga; därför är detta ett mål, inte ett krav.

    Åtgärd: Ange rollens funktionsbrevlåda hos organisationen, t.ex.
    swecan@socialstyrelsen.se.
    """
    org = ctx.data.organisation
    domains = {d.lower() for d in ctx.params(ctx.as_of).webmail_domains}
    for body, name in ((org.partnership, "SweCan"), (org.committee, "arbetsutskottet")):
        for role in ("chair", "vice_chair"):
            for holder in getattr(body, role):
                if holder.email is None:
                    continue
                subject = SubjectRef.role(f"{holder.name} ({name})")
                domain = holder.email.rsplit("@", 1)[-1].lower()
                if domain in domains:
                    yield failed(
                        subject,
                        f"Kontaktadressen ligger hos den privata e-posttjänsten {domain}; "
                        "ange rollens funktionsbrevlåda.",
                        holder.where("email"),
                    )
                else:
                    yield met(subject, f"Funktionsadress hos {domain}.", holder.where("email"))


RULES = [no_personal_numbers, personal_contacts, confidential_documents, webmail_contacts]
