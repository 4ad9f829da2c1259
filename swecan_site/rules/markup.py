"""What reaches a visitor's browser: plain text in data fields, allowlisted HTML in Markdown.

The policy itself (allowlist, escaping) is :mod:`swecan_site.markup`; these
rules report, as data errors with a line, what the renderer would otherwise
have to escape or the sanitiser remove, so that the kansli sees it before
publishing. See the README's "Säkerhet" section.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..facts import protocol_published
from ..fill_in import MARKER
from ..layout import MEETINGS_DIR
from ..markup import (
    FORMULA_START,
    SC_ATTRIBUTE,
    SC_ELEMENT,
    SC_IMAGE,
    SC_URL,
    Issue,
    demote,
    problems,
    protocol_markdown,
)
from ..models import ContentDoc, Node
from ..problems import Kind, Location, Severity
from .base import Context, Result, SubjectRef, failed, rule

# --- plain-text data fields ---------------------------------------------------------

_HTML_TAG = re.compile(r"<[A-Za-z!?/]")  # what an HTML tokenizer takes for a tag
_MD_LINK = re.compile(r"!?\[[^\]]*\]\s*[(\[]")
_ATTR_LIST = re.compile(r"\{\s*:?\s*(?:[#.][\w-]|[A-Za-z_][\w:-]*\s*=)")


def _strings(node: Node) -> Iterator[tuple[Node, str, int | None, str]]:
    """(node, field, list index, value) for every plain string below ``node``."""
    for name in type(node).model_fields:
        value = getattr(node, name)
        if type(value) is str:  # enums are str subclasses and are validated
            yield node, name, None, value
        elif isinstance(value, Node):
            yield from _strings(value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if type(item) is str:
                    yield node, name, i, item
                elif isinstance(item, Node):
                    yield from _strings(item)


def _strings_of(ctx: Context, node: Node) -> list[tuple[Node, str, int | None, str]]:
    """:func:`_strings` of a data file's node, walked once per check: four rules read
    every string (markup, hidden characters, formulas, fill-in markers)."""
    return ctx.memo(("strings", id(node)), lambda: list(_strings(node)))


def _content(ctx: Context) -> list[ContentDoc[Any]]:
    data = ctx.data
    return [*data.rules_versions, *data.reports, *data.pages, *data.english_pages]


def _data_nodes(ctx: Context) -> Iterator[Node]:
    yield ctx.data.partners_file
    yield ctx.data.organisation
    yield from ctx.data.meetings
    for doc in _content(ctx):
        yield doc.meta


def markup_in_text(value: str) -> str | None:
    """What in a plain-text value looks like markup (a Swedish phrase), or None."""
    if "<" not in value and "[" not in value and "{" not in value:  # what each pattern needs
        return None
    if _HTML_TAG.search(value):
        return "HTML-kod"
    if _MD_LINK.search(value):
        return "en Markdown-länk eller -bild"
    if _ATTR_LIST.search(value):
        return "en attributlista {…}"
    return None


@rule(
    "SC020",
    "markup-i-datafalt",
    "–",
    "Datafält är vanlig text utan HTML, länkar eller attributlistor",
    kind=Kind.DATA,
)
def markup_in_data(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett textfält i en datafil (t.ex. namn, rubrik, text, plats, titel,
    beskrivning) innehåller HTML-kod (<script>, <b> …), en Markdown-länk eller
    -bild ([text](adress), ![bild](adress)) eller en attributlista ({…}).

    Varför: Datafält publiceras som vanlig text, exakt som de är skrivna. Kod i
    ett namn skulle annars kunna köra skript hos besökaren, länka till
    skadliga sidor eller hämta bilder från andra webbplatser. Webbplatsen visar
    därför koden som text, och kontrollen stoppar den så att den inte hamnar
    på webbplatsen av misstag.

    Åtgärd: Skriv bara texten. En partners webbplats anges i fältet
    webbplats, ett underlags adress i fältet länk; formaterad text och länkar
    hör hemma i protokoll.md eller sidorna under content/.
    """
    for node in _data_nodes(ctx):
        for owner, name, index, value in _strings_of(ctx, node):
            what = markup_in_text(value)
            if what:
                where = owner.where(name, index)
                yield failed(
                    SubjectRef.file(where.file),
                    f"Fältet innehåller {what}; datafält publiceras som vanlig text. "
                    "Skriv bara texten (länkar anges i fälten webbplats och länk).",
                    where,
                )


# --- Markdown written by people -----------------------------------------------------


def _human_markdown(ctx: Context) -> Iterator[tuple[str, int, str]]:
    """(file, line of the text's first line, Markdown exactly as the renderer embeds it)."""
    for meeting in ctx.data.meetings:
        if meeting.protocol_text is not None:
            yield meeting.protocol_file, 1, protocol_markdown(meeting.protocol_text)
    docs: list[ContentDoc[Any]] = [*ctx.data.pages, *ctx.data.reports, *ctx.data.english_pages]
    for doc in docs:
        yield doc.file, doc.body_line, doc.body
    for version in ctx.data.rules_versions:
        # The index page embeds the version in force demoted, its own page as written.
        yield version.file, version.body_line, demote(version.body)
        yield version.file, version.body_line, version.body


def _all_issues(ctx: Context) -> list[tuple[str, int, tuple[Issue, ...]]]:
    """What the sanitiser would remove from each text (found once for SC021–SC024)."""
    return [(file, line, problems(text)) for file, line, text in _human_markdown(ctx)]


def _issues(ctx: Context, rule_id: str) -> Iterator[Result]:
    seen: set[Result] = set()
    for file, first_line, found in ctx.memo("markup-issues", lambda: _all_issues(ctx)):
        for issue in found:
            if issue.rule == rule_id:
                result = _located(file, first_line, issue)
                if result not in seen:
                    seen.add(result)
                    yield result


def _located(file: str, first_line: int, issue: Issue) -> Result:
    return failed(
        SubjectRef.file(file),
        issue.message,
        Location(file, first_line + issue.line - 1, issue.column),
    )


@rule("SC021", "otillaten-html", "–", "Bara tillåten HTML i Markdown-texter", kind=Kind.DATA)
def disallowed_element(ctx: Context) -> Iterator[Result]:
    """
    Vad: protokoll.md eller en sida under content/ innehåller HTML som inte
    finns på listan över tillåten HTML, t.ex. <script>, <iframe>, <style>,
    <meta>, <link>, <object>, <embed>, <form> eller en HTML-kommentar
    (<!-- … -->), eller HTML som inte är korrekt nästlad
    (<b>a <i>b</b> c</i>).

    Varför: Sådan kod kan köra skript hos besökaren, skicka vidare till andra
    webbplatser eller hämta innehåll från dem. Webbplatsen tar bort den, och
    kontrollen säger till innan något försvinner utan att någon märker det.
    Kommentarer syns inte på sidan men följer med i källkoden. HTML som inte
    är korrekt nästlad tolkar webbläsare på egen hand, kanske annorlunda än
    kontrollen.

    Åtgärd: Skriv med Markdown: rubriker (##), listor, tabeller, fetstil,
    länkar och fotnoter. Tillåten HTML: <details>, <summary>, <abbr>, <br>,
    <sup>, <sub>, <kbd>, <mark>, <figure>, tabeller och vanliga textelement
    (hela listan finns i README, avsnittet Säkerhet).
    """
    yield from _issues(ctx, SC_ELEMENT)


@rule(
    "SC022",
    "otillatet-attribut",
    "–",
    "Inga händelser, stilar eller okända attribut i Markdown-texter",
    kind=Kind.DATA,
)
def disallowed_attribute(ctx: Context) -> Iterator[Result]:
    """
    Vad: protokoll.md eller en sida under content/ ger ett element ett attribut
    som inte är tillåtet, med HTML (<p onclick="…">, style="…") eller med en
    attributlista i Markdown ({ onclick=… }, { .klass }).

    Varför: Händelseattribut (onclick, onerror …) kör skript hos besökaren;
    stilar och klasser kan dölja text eller efterlikna webbplatsens egna
    knappar och meddelanden.

    Åtgärd: Ta bort attributet. Tillåtet är id (t.ex. { #namn } efter en
    rubrik), lang och title på alla element, href på länkar, src, alt, width
    och height på bilder, colspan, rowspan och textjustering i tabeller, start
    på numrerade listor och open på <details>.
    """
    yield from _issues(ctx, SC_ATTRIBUTE)


@rule(
    "SC023",
    "otillaten-lankadress",
    "–",
    "Länkar bara med https, http, mailto, tel eller inom webbplatsen",
    kind=Kind.DATA,
)
def disallowed_url(ctx: Context) -> Iterator[Result]:
    """
    Vad: En länk i protokoll.md eller en sida under content/ använder en
    adresstyp som inte är tillåten, t.ex. javascript:, data:, file: eller
    vbscript:.

    Varför: Sådana länkar kan köra skript eller öppna innehåll som inte finns
    på någon webbplats när besökaren klickar.

    Åtgärd: Länka med https:// (eller http://), mailto: för e-post, tel: för
    telefon, eller till en annan sida på webbplatsen, t.ex.
    [Organisation och kontakt](organisation.md).
    """
    yield from _issues(ctx, SC_URL)


@rule("SC024", "extern-bild", "–", "Bilder bara från webbplatsen själv", kind=Kind.DATA)
def outside_image(ctx: Context) -> Iterator[Result]:
    """
    Vad: En bild i protokoll.md eller en sida under content/ hämtas från en
    annan webbplats (![text](https://…), <img src="//…">) eller är inbäddad
    som data:-adress.

    Varför: Webbplatsen lovar besökarna att ingen annan part får veta att de
    besöker den. En bild från en annan värd gör att varje besökares webbläsare
    kontaktar den värden.

    Åtgärd: Lägg bilden i webbplatsens docs/-mapp och länka med en relativ
    sökväg, eller länka till bilden i stället för att visa den.
    """
    yield from _issues(ctx, SC_IMAGE)


# --- files that become addresses ----------------------------------------------------


@rule("SC025", "underlag-fil", "–", "Ett underlag som länkas finns i mötesmappen", kind=Kind.DATA)
def document_file(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett underlag har en länk till en fil (länk: underlag.pdf) som inte
    finns i mötesmappen, eller som via en symbolisk länk pekar ut ur den.

    Varför: Filen publiceras bredvid mötessidan. Finns den inte blir länken
    trasig; pekar den ut ur mötesmappen kan filer som aldrig var tänkta att
    publiceras hamna på webbplatsen.

    Åtgärd: Lägg filen i mötesmappen (meetings/ÅÅÅÅ-MM-DD-organ/) och skriv
    dess namn i länk:, eller länka till en https://-adress.
    """
    for meeting in ctx.data.meetings:
        folder: Path | None = None  # resolved when the meeting has a file to look for
        for matter in meeting.matters:
            for doc in matter.documents:
                if not (doc.url and doc.is_relative):
                    continue
                if folder is None:
                    folder = (ctx.data.root / MEETINGS_DIR / meeting.meeting_id).resolve()
                target = (folder / doc.url).resolve()
                if not target.is_relative_to(folder):
                    message = f"'{doc.url}' pekar ut ur mötesmappen; lägg filen i mappen."
                elif not target.is_file():
                    message = (
                        f"Filen '{doc.url}' finns inte i {MEETINGS_DIR}/{meeting.meeting_id}/; "
                        "lägg den där eller rätta namnet."
                    )
                else:
                    continue
                yield failed(SubjectRef.meeting(meeting.meeting_id), message, doc.where("url"))


_SLUG = re.compile(r"[a-z0-9][a-z0-9._-]*")


@rule("SC026", "filnamn", "–", "Filnamn under content/ går att använda som adress", kind=Kind.DATA)
def file_names(ctx: Context) -> Iterator[Result]:
    """
    Vad: En fil under content/ har ett namn med andra tecken än små bokstäver
    a–z, siffror, punkt och bindestreck (t.ex. mellanslag, å, ä, ö, parenteser
    eller hakparenteser).

    Varför: Filnamnet blir sidans permanenta adress och står i länkar på
    webbplatsen; andra tecken ger adresser som är svåra att skriva av och
    länkar som kan gå sönder.

    Åtgärd: Byt namn på filen, t.ex. 'Årsrapport 2026.md' till
    'arsrapport-2026.md'.
    """
    for doc in _content(ctx):
        if not _SLUG.fullmatch(doc.slug):
            yield failed(
                SubjectRef.file(doc.file),
                f"Filnamnet '{Path(doc.file).name}' blir sidans adress; använd små bokstäver "
                "a–z, siffror, punkt och bindestreck.",
                Location(doc.file, 1, 1),
            )


# Words that name a day relative to when they were written: in a permanent record
# they stop meaning anything the day after (issue 17: "från och med dagens datum").
RELATIVE_DATE = re.compile(
    r"\b(dagens datum|i dag|idag|i morgon|imorgon|i går|igår|i förrgår|i övermorgon"
    r"|förra veckan|nästa vecka|denna vecka|förra månaden|nästa månad|denna månad"
    r"|innevarande år|i år|förra året|nästa år)\b",
    re.IGNORECASE,
)


@rule("SC027", "relativt-datum", "4.3", "Ett beslut anger datum, inte 'i dag'", kind=Kind.DATA)
def relative_dates(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett besluts rubrik eller text säger "dagens datum", "i dag", "i
    morgon", "nästa år" eller ett annat ord för en dag räknat från när texten
    skrevs.

    Varför: Beslut protokollförs och publiceras (§4.3) och läses långt
    senare; "från och med dagens datum" säger då ingenting. Beslutsregistret
    är en permanent handling.

    Åtgärd: Skriv datumet, t.ex. "från och med den 12 mars 2026".
    """
    for _meeting, decision in ctx.data.decisions():
        for field in ("title", "text"):
            if match := RELATIVE_DATE.search(getattr(decision, field)):
                yield failed(
                    SubjectRef.decision(decision.id),
                    f"Beslutet {decision.id} säger '{match[0]}'; skriv datumet i stället, "
                    "t.ex. 'från och med den 12 mars 2026'.",
                    decision.where(field),
                )


# An editor's note left in a text the public reads: "[ange …]", "TODO", a reminder
# to check something "innan webbplatsen publiceras" (issue 17: the privacy notice).
# The documented fill-in marker "[FYLL I: …]" is SC039's (a warning), not SC028's:
# one finding per marker (issue 20).
PLACEHOLDER = re.compile(
    # The lookahead names every branch's first character, so the engine skips to
    # those at C speed (0.24 s -> 0.02 s over the 10-year archive's protocols).
    r"(?=[\[tfxlpi])(?:"
    r"\[\s*(ange|lägg till|infoga|komplettera)\b[^\]]*\]"
    r"|\b(TODO|FIXME|TBD|XXX+)\b|lorem ipsum|platshållare"
    r"|innan\s+(webbplatsen|sidan|dokumentet)\s+publiceras)",
    re.IGNORECASE,
)


# What every PLACEHOLDER match contains, for a substring test that clears most texts
# before the regex runs (a bracket, or one of these words, case-folded as the
# regex's IGNORECASE folds: "ſ" is an "s" to both).
_PLACEHOLDER_WORDS = ("todo", "fixme", "tbd", "xxx", "lorem ipsum", "platshållare", "publiceras")


def _may_hold_placeholder(text: str) -> bool:
    if "[" in text:
        return True
    folded = text.casefold()
    return any(word in folded for word in _PLACEHOLDER_WORDS)


@rule("SC028", "platshallare", "7", "Inga platshållare i det som publiceras", kind=Kind.DATA)
def placeholders(ctx: Context) -> Iterator[Result]:
    """
    Vad: En sida under content/ (eller dess beskrivning) eller ett protokoll
    innehåller en redaktörs platshållare eller anteckning: "[ange …]",
    "TODO", "XXX", "lorem ipsum" eller en påminnelse om att kontrollera
    något "innan webbplatsen publiceras". (Markeringen "[FYLL I: …]" som
    swecan-site ny skriver är regel SC039, en varning.)

    Varför: Det som publiceras är SweCans offentliga handlingar (§7); en
    anteckning till redaktören hör inte dit, och en juridisk text med en
    platshållare är ofullständig.

    Åtgärd: Skriv in den riktiga uppgiften, eller ta bort anteckningen.
    """
    texts: list[tuple[str, str, int, SubjectRef]] = []
    for doc in _content(ctx):
        subject = SubjectRef.file(doc.file)
        texts.append((doc.file, doc.body, doc.body_line, subject))
        if doc.meta.description:
            texts.append((doc.file, doc.meta.description, 1, subject))
    for meeting in ctx.data.meetings:
        if meeting.protocol_text is not None:
            texts.append(
                (
                    meeting.protocol_file,
                    meeting.protocol_text,
                    1,
                    SubjectRef.meeting(meeting.meeting_id),
                )
            )
    for file, text, first_line, subject in texts:
        if not _may_hold_placeholder(text):
            continue
        for match in PLACEHOLDER.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            yield failed(
                subject,
                f"'{match[0]}' ser ut som en platshållare eller en anteckning till redaktören; "
                "skriv in den riktiga uppgiften eller ta bort anteckningen.",
                Location(file, line, 1),
            )


def _published_data(ctx: Context) -> Iterator[Node]:
    """The data files' nodes the site publishes: partners, organisation, meetings, and
    the front matter of every content page that is not a draft."""
    yield ctx.data.partners_file
    yield ctx.data.organisation
    yield from ctx.data.meetings
    for doc in _content(ctx):
        if not doc.meta.draft:
            yield doc.meta


def _published_markdown(ctx: Context) -> Iterator[tuple[str, int, str, SubjectRef]]:
    """(file, first line, text, subject) of each published Markdown text: content pages
    that are not drafts, and protocols that are completed or approved (not utkast)."""
    for doc in _content(ctx):
        if not doc.meta.draft:
            yield doc.file, doc.body_line, doc.body, SubjectRef.file(doc.file)
    for meeting in ctx.data.meetings:
        if meeting.protocol_text is not None and protocol_published(meeting):
            subject = SubjectRef.meeting(meeting.meeting_id)
            yield meeting.protocol_file, 1, meeting.protocol_text, subject


def _fill_in_message(found: str) -> str:
    return (
        f"'{found}' är text som ska fyllas i, och den publiceras som den står; skriv in "
        "den riktiga uppgiften i stället för markeringen."
    )


@rule(
    "SC039",
    "fyll-i",
    "7",
    "Ingen markering [FYLL I: …] i det som publiceras",
    kind=Kind.DATA,
    severity=Severity.WARNING,
)
def fill_in_markers(ctx: Context) -> Iterator[Result]:
    """
    Vad: Något som publiceras innehåller markeringen [FYLL I: …] (eller bara
    FYLL I), som swecan-site ny skriver där kansliet ska fylla i text: ett
    protokoll som är färdigställt eller godkänt, en sida under content/ som
    inte är utkast, eller ett textvärde i partners.yaml, organisation.yaml
    eller en mote.yaml. Utkast (utkast: true, protokoll med status: utkast)
    publiceras inte och kontrolleras inte.

    Varför: Det som publiceras är SweCans offentliga handlingar (§7). En
    markering som blivit kvar visar besökaren att texten är ofullständig. Det
    är en varning, inte ett datafel: webbplatsen kan byggas, men
    swecan-site check --strict ger slutkod 2 för den.

    Åtgärd: Skriv in den riktiga uppgiften i stället för markeringen, eller
    sätt tillbaka dokumentet som utkast tills texten är klar.
    """
    for node in _published_data(ctx):
        for owner, name, index, value in _strings_of(ctx, node):
            if match := MARKER.search(value):
                where = owner.where(name, index)
                yield failed(SubjectRef.file(where.file), _fill_in_message(match[0]), where)
    for file, first_line, text, subject in _published_markdown(ctx):
        if "[" not in text and "FYLL" not in text:  # what every marker holds
            continue
        for match in MARKER.finditer(text):
            line = first_line + text.count("\n", 0, match.start())
            column = match.start() - text.rfind("\n", 0, match.start())
            yield failed(subject, _fill_in_message(match[0]), Location(file, line, column))


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first character a reader cannot see but a browser or terminal obeys: a
    control character (not tab or line break), a bidirectional override or isolate,
    a zero-width character or another format character (not the soft hyphen), or a
    noncharacter (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their like in every plane: never
    text, a parse error in HTML, U+FFFE/U+FFFF not allowed in XML).
    (position, 'U+202E RIGHT-TO-LEFT OVERRIDE'), or None."""
    for match in _candidates().finditer(text):  # a superset, found fast; each judged below
        char = match.group(0)
        category = unicodedata.category(char)
        if (category == "Cc" and char not in "\t\n\r") or (category == "Cf" and char != "\xad"):
            name = unicodedata.name(char, "kontrolltecken")
            return match.start(), f"U+{ord(char):04X} {name}"
        if 0xFDD0 <= ord(char) <= 0xFDEF or ord(char) & 0xFFFE == 0xFFFE:
            return match.start(), f"U+{ord(char):04X} (ett icke-tecken)"
    return None


@functools.cache
def _candidates() -> re.Pattern[str]:
    """Every BMP character hidden_character refuses, and every character beyond the BMP
    (judged one by one): most texts hold none, and a regex finds that at C speed."""
    bmp = [
        chr(code)
        for code in range(0x10000)
        if (unicodedata.category(chr(code)) in ("Cc", "Cf") and chr(code) not in "\t\n\r\xad")
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFE == 0xFFFE
    ]
    return re.compile("[" + "".join(re.escape(c) for c in bmp) + "\U00010000-\U0010ffff]")


@rule("SC029", "dolda-tecken", "–", "Inga osynliga styrtecken i det som publiceras", kind=Kind.DATA)
def hidden_characters(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett datafält, ett protokoll eller en sida under content/ innehåller ett
    tecken som inte syns men styr hur texten visas: ett kontrolltecken (t.ex.
    ESC eller vertikal tabb), ett tecken som vänder textriktningen (U+202E) eller
    ett nollbreddstecken (U+200B) – eller ett icke-tecken (U+FFFE, U+FDD0 …),
    som aldrig är text och gör webbsidan ogiltig.

    Varför: Sådana tecken kan få ett namn eller en adress att se ut som något
    annat än det är, så att två partners ser likadana ut eller en länk pekar
    någon annanstans än texten säger. Det som publiceras ska läsas som det står.

    Åtgärd: Skriv om texten utan tecknet, t.ex. genom att skriva in den på nytt
    i stället för att klistra in den.
    """
    for node in _data_nodes(ctx):
        for owner, name, index, value in _strings_of(ctx, node):
            if found := hidden_character(value):
                where = owner.where(name, index)
                yield failed(
                    SubjectRef.file(where.file),
                    f"Fältet innehåller det osynliga tecknet {found[1]}; skriv texten utan det.",
                    where,
                )
    seen: set[Location] = set()
    for file, first_line, text in _human_markdown(ctx):
        if found := hidden_character(text):
            where = Location(file, first_line + text.count("\n", 0, found[0]), 1)
            if where not in seen:  # a rules version is embedded twice (demoted, as written)
                seen.add(where)
                yield failed(
                    SubjectRef.file(file),
                    f"Texten innehåller det osynliga tecknet {found[1]}; skriv texten utan det.",
                    where,
                )


# A phone number's leading '+' is a phone number (and phones are not in the tables).
NOT_IN_TABLES = {"phone"}


@rule(
    "SC033",
    "formel-i-datafalt",
    "–",
    "Ett datafält börjar inte som en formel i ett kalkylprogram",
    kind=Kind.DATA,
    severity=Severity.WARNING,
)
def formula_like(ctx: Context) -> Iterator[Result]:
    """
    Vad: Ett textfält i en datafil börjar med =, +, -, @ eller en tabb – så
    som en formel börjar i ett kalkylprogram. Varningen stoppar inte bygget.

    Varför: Öppna data publiceras också som CSV, som journalister och andra
    öppnar i Excel eller LibreOffice. En text som börjar som en formel kan då
    räknas ut, hämta data från internet eller visa något annat än det som står
    i uppgifterna. CSV-filerna sätter därför en apostrof först ('=…), så att
    texten visas som text; i JSON-filerna står värdet som det är.

    Åtgärd: Kontrollera att texten är rätt. Ett namn eller en rubrik behöver
    sällan börja med de tecknen; skriv om den om det går.
    """
    for node in _data_nodes(ctx):
        for owner, name, index, value in _strings_of(ctx, node):
            if name not in NOT_IN_TABLES and value.startswith(FORMULA_START):
                where = owner.where(name, index)
                first = "en tabb" if value[0] in "\t\r" else f"'{value[0]}'"
                yield failed(
                    SubjectRef.file(where.file),
                    f"Fältet börjar med {first}, som en formel i ett kalkylprogram; i "
                    "CSV-filerna får det en apostrof först så att det visas som text.",
                    where,
                )


RULES = [
    markup_in_data,
    disallowed_element,
    disallowed_attribute,
    disallowed_url,
    outside_image,
    document_file,
    file_names,
    relative_dates,
    placeholders,
    fill_in_markers,
    hidden_characters,
    formula_like,
]
