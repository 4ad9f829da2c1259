"""Pydantic models of the data files.

Field names are English; each field's alias is the Swedish key the kansli
types in YAML, so pydantic's error ``loc`` is a path in the file. Models hold
no cross-file logic: references between files and the arbetsordning's rules
are checked in ``swecan_site.rules``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
)
from pydantic_core import PydanticCustomError

from .problems import Location
from .yamlpos import Document, Path

# --- scalar types -----------------------------------------------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{1,2}:\d{2}")


def _iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise PydanticCustomError(
            "sc_date_format",
            "Datum skrivs ÅÅÅÅ-MM-DD, t.ex. 2026-03-12 (fick '{value}')",
            {"value": value},
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "sc_date_invalid", "{value} är inget datum som finns i kalendern", {"value": value}
        ) from None


def _clock(value: Any) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise PydanticCustomError(
            "sc_time_format",
            "Klockslag skrivs TT:MM, t.ex. 13:30 (fick '{value}')",
            {"value": value},
        )
    hours, minutes = (int(part) for part in value.split(":"))
    if hours > 23 or minutes > 59:
        raise PydanticCustomError("sc_time_invalid", "{value} är inget klockslag", {"value": value})
    return time(hours, minutes)


# Characters that never belong in an address we print as a link: they would end the
# Markdown link or the HTML attribute ('https://a.se)<svg/onload=…>').
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f<>\"'`\\{}|^]")
_HOST = re.compile(r"^(?:[\w-]+\.)+[^\W\d_]{2,}$")


def web_url(value: str, schemes: tuple[str, ...] = ("https", "http")) -> str:
    """An absolute web address: parsed, with a scheme we allow and a real host name."""
    example = "https://www.cancercentrum.se/"
    ok = not _URL_FORBIDDEN.search(value)
    if ok:
        try:
            parts = urlsplit(value)
            ok = (
                parts.scheme in schemes
                and value.lower().startswith(parts.scheme + "://")
                and parts.username is None
                and bool(parts.hostname)
                and bool(_HOST.match(parts.hostname or ""))
                and (parts.port or 1) > 0
            )
        except ValueError:  # a port that is not a number, a broken IPv6 literal
            ok = False
    if not ok:
        first = schemes[0] + "://"
        raise PydanticCustomError(
            "sc_url",
            "'{value}' är ingen giltig webbadress; skriv hela adressen med "
            + first
            + " och utan mellanslag, citattecken eller < >, t.ex. "
            + example,
            {"value": value},
        )
    return value


def _email(value: str) -> str:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise PydanticCustomError(
            "sc_email",
            "'{value}' är ingen giltig e-postadress; skriv t.ex. swecan@socialstyrelsen.se",
            {"value": value},
        ) from None
    return value


_PHONE = re.compile(r"\+?[0-9 ()-]+")


def _phone(value: str) -> str:
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE.fullmatch(value) or not 5 <= digits <= 15:
        raise PydanticCustomError(
            "sc_phone",
            "'{value}' är inget telefonnummer; skriv siffror med mellanslag, bindestreck "
            "eller parenteser, t.ex. 075-247 30 00 eller +46 75 247 30 00",
            {"value": value},
        )
    return value


DOCUMENT_SUFFIXES = (".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".csv",
                     ".txt", ".png", ".jpg", ".jpeg")  # fmt: skip


# A file in the meeting folder (or a subfolder): plain ASCII names, no '..', no hidden files.
_DOCUMENT_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*")


def is_relative_link(value: str) -> bool:
    return not urlsplit(value).scheme and not value.startswith(("/", "\\"))


def _document_link(value: str) -> str:
    """An underlag's address: https://… or a file in the meeting folder (e.g. bilaga.pdf)."""
    if not is_relative_link(value) or ":" in value.split("/", 1)[0]:
        if value.lower().startswith(("https:", "http:")):
            return web_url(value, ("https",))
        raise PydanticCustomError(
            "sc_link",
            "Länken '{value}' är inte tillåten; skriv en https://-adress eller namnet på "
            "en fil i mötesmappen, t.ex. underlag.pdf",
            {"value": value},
        )
    if not _DOCUMENT_PATH.fullmatch(value) or not value.lower().endswith(DOCUMENT_SUFFIXES):
        raise PydanticCustomError(
            "sc_link_path",
            "'{value}' ska vara en fil i mötesmappen, med a–z, 0–9, punkt, bindestreck och "
            "understreck i namnet (utan .., å, ä, ö och mellanslag), som slutar på "
            + ", ".join(DOCUMENT_SUFFIXES)
            + ", eller en https://-adress",
            {"value": value},
        )
    return value


def _nfc(value: Any) -> Any:
    """Text in one Unicode form (NFC): an "å" typed as a + ring (U+030A) and one typed
    as U+00E5 are the same name on every page, in search, sorting and the exports."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
ClockTime = Annotated[time, BeforeValidator(_clock)]
# The id formats, once: the models validate with them, load_errors words their
# failures, the command line checks an id it is given.
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
DECISION_ID_PATTERN = r"^B-\d{4}-\d{2,3}$"
MATTER_ID_PATTERN = r"^Ä-\d{4}-\d{2,3}$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
DecisionId = Annotated[str, Field(pattern=DECISION_ID_PATTERN)]
MatterId = Annotated[str, BeforeValidator(_nfc), Field(pattern=MATTER_ID_PATTERN)]
Url = Annotated[str, AfterValidator(web_url)]
Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
DocumentLink = Annotated[str, AfterValidator(_document_link)]
Text = Annotated[str, BeforeValidator(_nfc), Field(min_length=1)]
OptionalText = Annotated[str, BeforeValidator(_nfc)]  # may be empty


# --- base -------------------------------------------------------------------


_UNATTACHED: tuple[str, Document | None, Path] = ("", None, ())


class Node(BaseModel):
    """A model that knows the file and the YAML path it was read from.

    The source (file, document, path) is kept in a slot, not in a pydantic
    private attribute: private attributes cost a Python call per model on
    validation (thousands per check). It is therefore not part of ``==``,
    copies or pickles; a node without one is located in the file "".
    """

    __slots__ = ("_source",)
    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=False)

    def attach(self, file: str, doc: Document | None, path: Path = ()) -> None:
        """Record the source of this node and of every node below it."""
        object.__setattr__(self, "_source", (file, doc, path))
        for name, key in _field_keys(type(self)).items():
            value = getattr(self, name)
            if isinstance(value, Node):
                value.attach(file, doc, (*path, key))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, Node):
                        item.attach(file, doc, (*path, key, i))

    def where(self, field: str | None = None, index: int | None = None) -> Location:
        """Location of this node, of one of its fields, or of an item in a list field."""
        file, doc, path = getattr(self, "_source", _UNATTACHED)
        if field is not None:
            path = (*path, _field_keys(type(self))[field])
            if index is not None:
                path = (*path, index)
        if doc is None:
            return Location(file)
        line, column = doc.position(path)
        return Location(file, line, column)


@functools.cache
def _field_keys(model: type[Node]) -> dict[str, str]:
    """Field name -> the key it has in the YAML (its alias), per model class."""
    return {name: info.alias or name for name, info in model.model_fields.items()}


# --- partners.yaml ----------------------------------------------------------


class Sector(StrEnum):
    HEALTH = "vård"
    RESEARCH = "forskning"
    AGENCY = "myndighet"
    INDUSTRY = "näringsliv"
    CIVIL = "civilsamhälle"


# One canonical Swedish name per sector: the arbetsordning's §8.1 list.
SECTOR_NAMES = {
    Sector.HEALTH: "Hälso- och sjukvård",
    Sector.RESEARCH: "Innovation och forskning",
    Sector.AGENCY: "Myndigheter",
    Sector.INDUSTRY: "Näringsliv",
    Sector.CIVIL: "Patientföreningar och civilsamhälle",
}


class Withdrawal(Node):
    date: IsoDate = Field(alias="datum")
    written_request: IsoDate | None = Field(default=None, alias="skriftlig_begäran")


class Nomination(Node):
    """The §5.2 nomination steps for a partner joining from verksamhetsår 2 (§8.1)."""

    public_invitation: IsoDate | None = Field(default=None, alias="offentlig_inbjudan")
    nominated: IsoDate | None = Field(default=None, alias="nominerad")
    candidate_list: IsoDate | None = Field(default=None, alias="kandidatlista")


class Partner(Node):
    id: Slug
    name: Text = Field(alias="namn")
    sector: Sector = Field(alias="sektor")
    website: Url | None = Field(default=None, alias="webbplats")
    joined: IsoDate = Field(alias="ansluten")
    invited: IsoDate | None = Field(default=None, alias="inbjuden")
    letter_signed: IsoDate | None = Field(default=None, alias="avsiktsförklaring")
    admitted_by: DecisionId | None = Field(default=None, alias="antagen_genom")
    withdrawal: Withdrawal | None = Field(default=None, alias="utträde")
    nomination: Nomination | None = Field(default=None, alias="nominering")

    def member_on(self, day: date) -> bool:
        if day < self.joined:
            return False
        return self.withdrawal is None or day < self.withdrawal.date


class PartnersFile(Node):
    example: StrictBool = Field(default=False, alias="exempeldata")
    partners: list[Partner] = Field(alias="partners", min_length=1)


# --- organisation.yaml ------------------------------------------------------


class Term(Node):
    """A period in a role: a chair, a vice chair or an AU mandate."""

    start: IsoDate = Field(alias="från")
    end: IsoDate | None = Field(default=None, alias="till")
    decision: DecisionId | None = Field(default=None, alias="beslut")

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class RoleHolder(Term):
    name: Text = Field(alias="namn")
    partner: Slug
    email: Email | None = Field(default=None, alias="e-post")
    phone: Phone | None = Field(default=None, alias="telefon")
    appointed_by: Slug | None = Field(default=None, alias="utsedd_av")
    appointed: IsoDate | None = Field(default=None, alias="utsedd")


class Body(Node):
    chair: list[RoleHolder] = Field(default_factory=list, alias="ordförande")
    vice_chair: list[RoleHolder] = Field(default_factory=list, alias="vice_ordförande")

    def holder(self, role: str, day: date) -> RoleHolder | None:
        return next((t for t in getattr(self, role) if t.covers(day)), None)


class AuMember(Node):
    partner: Slug
    mandates: list[Term] = Field(alias="mandat", min_length=1)

    def seated_on(self, day: date) -> bool:
        return any(t.covers(day) for t in self.mandates)


class ExecutiveCommittee(Body):
    members: list[AuMember] = Field(default_factory=list, alias="ledamöter")


class Secretariat(Node):
    name: Text = Field(alias="namn")
    head: Text = Field(alias="ansvarig")
    email: Email = Field(alias="e-post")
    phone: Phone | None = Field(default=None, alias="telefon")
    address: OptionalText | None = Field(default=None, alias="adress")


class WorkingGroup(Node):
    id: Slug
    name: Text = Field(alias="namn")
    description: OptionalText = Field(default="", alias="beskrivning")
    started: IsoDate = Field(alias="startad")
    ended: IsoDate | None = Field(default=None, alias="avslutad")
    decision: DecisionId | None = Field(default=None, alias="beslut")


class OrganisationFile(Node):
    example: StrictBool = Field(default=False, alias="exempeldata")
    partnership: Body = Field(alias="partnerskapet")
    committee: ExecutiveCommittee = Field(alias="arbetsutskottet")
    secretariat: Secretariat = Field(alias="kansliet")
    working_groups: list[WorkingGroup] = Field(default_factory=list, alias="arbetsgrupper")


# --- meetings/<id>/mote.yaml ------------------------------------------------


class BodyName(StrEnum):
    PARTNERSHIP = "partnerskapet"
    COMMITTEE = "arbetsutskottet"


BODY_NAMES = {BodyName.PARTNERSHIP: "Partnerskapet", BodyName.COMMITTEE: "Arbetsutskottet"}


class MeetingForm(StrEnum):
    PHYSICAL = "fysiskt"
    HYBRID = "hybrid"
    DIGITAL = "digitalt"


class MeetingStatus(StrEnum):
    PLANNED = "planerat"
    HELD = "genomfört"
    CANCELLED = "inställt"


class ProtocolStatus(StrEnum):
    """The arbetsordning's words (§3.2): färdigställt, then godkänt at the next meeting."""

    DRAFT = "utkast"
    COMPLETED = "färdigställt"
    APPROVED = "godkänt"


# Older files wrote `justerat` for a finished protocol; read it as färdigställt.
PROTOCOL_STATUS_ALIASES = {"justerat": ProtocolStatus.COMPLETED.value}


def _protocol_status(value: Any) -> Any:
    return PROTOCOL_STATUS_ALIASES.get(value, value) if isinstance(value, str) else value


class ChairRole(StrEnum):
    """Who chaired a meeting (§6.2, §2.2: the vice stands in for the chair)."""

    CHAIR = "ordförande"
    VICE_CHAIR = "vice_ordförande"
    OTHER = "annan"


class MatterHandling(StrEnum):
    """A matter on the dagordning that got no decision on the substance (§4.2)."""

    TABLED = "bordlagt"
    REFERRED_BACK = "återremitterat"
    WITHDRAWN = "återkallat"


class DecisionKind(StrEnum):
    ROLL = "röstlängd"
    RULES_CHANGE = "arbetsordning"
    ADMISSION = "antagning"
    ELECTION = "val"
    REVIEW = "översyn"
    EVALUATION = "utvärdering"
    OTHER = "övrigt"


class Method(StrEnum):
    CONSENSUS = "konsensus"
    VOTE = "omröstning"


class Outcome(StrEnum):
    ADOPTED = "bifall"
    REJECTED = "avslag"


class Underlag(Node):
    title: Text = Field(alias="titel")
    distributed: IsoDate | None = Field(default=None, alias="distribuerat")
    public: StrictBool = Field(alias="offentligt")
    url: DocumentLink | None = Field(default=None, alias="länk")

    @property
    def is_relative(self) -> bool:
        """A file in the meeting folder rather than a web address."""
        return bool(self.url) and is_relative_link(self.url or "")


class Matter(Node):
    id: MatterId
    title: Text = Field(alias="rubrik")
    raised_by: list[str] = Field(alias="väckt_av", min_length=1)
    raised: IsoDate | None = Field(default=None, alias="väckt")
    documents: list[Underlag] = Field(default_factory=list, alias="underlag")
    # How the meeting that defines the matter handled it; a later meeting's is on its
    # agenda item (AgendaItem.handling). Both are read by swecan_site.matters only.
    handling: MatterHandling | None = Field(default=None, alias="hantering")


RAISED_BY_BODIES = {"arbetsutskottet", "kansliet", "ordföranden"}


class AgendaItem(Node):
    number: StrictInt = Field(alias="punkt", ge=1)
    title: Text = Field(alias="rubrik")
    matter: MatterId | None = Field(default=None, alias="ärende")
    # A matter on this agenda that got no decision on the substance at this meeting.
    handling: MatterHandling | None = Field(default=None, alias="hantering")


VoteCount = Annotated[StrictInt, Field(ge=0)] | list[Slug]


class Votes(Node):
    yes: VoteCount = Field(default=0, alias="för")
    no: VoteCount = Field(default=0, alias="emot")
    abstain: VoteCount = Field(default=0, alias="avstår")

    @staticmethod
    def count(value: VoteCount) -> int:
        return value if isinstance(value, int) else len(value)

    @property
    def totals(self) -> tuple[int, int, int]:
        return self.count(self.yes), self.count(self.no), self.count(self.abstain)

    def named(self) -> dict[str, list[str]]:
        """Partners named in per-partner vote lists, by choice."""
        return {
            choice: value
            for choice, value in (("för", self.yes), ("emot", self.no), ("avstår", self.abstain))
            if isinstance(value, list)
        }


class Decision(Node):
    id: DecisionId
    paragraph: StrictInt = Field(alias="paragraf", ge=1)
    title: Text = Field(alias="rubrik")
    title_en: Text | None = Field(default=None, alias="rubrik_en")  # English edition
    text: Text = Field(alias="text")
    kind: DecisionKind = Field(default=DecisionKind.OTHER, alias="typ")
    matter: MatterId | None = Field(default=None, alias="ärende")
    method: Method = Field(alias="metod")
    outcome: Outcome = Field(default=Outcome.ADOPTED, alias="utfall")
    votes: Votes | None = Field(default=None, alias="röster")
    recused: list[Slug] = Field(default_factory=list, alias="jäv")
    absent: list[Slug] = Field(default_factory=list, alias="ej_närvarande")
    roll: list[Slug] | None = Field(default=None, alias="röstlängd")
    admits: list[Slug] = Field(default_factory=list, alias="antar")


# A protocol's paragraphs are headings such as "## § 5 Fastställande av röstlängd".
PARAGRAPH_HEADING = re.compile(r"^(#{1,6})\s*§\s*(\d+)\b(.*)$", re.MULTILINE)


class Protocol(Node):
    status: Annotated[ProtocolStatus, BeforeValidator(_protocol_status)] = Field(alias="status")
    completed: IsoDate | None = Field(default=None, alias="färdigställt")
    approved_at: Slug | None = Field(default=None, alias="godkänt_vid")


class Meeting(Node):
    example: StrictBool = Field(default=False, alias="exempeldata")
    body: BodyName = Field(alias="organ")
    title: OptionalText | None = Field(default=None, alias="rubrik")
    # English text is optional: the key with "_en" added (issue 21, README "English edition").
    title_en: Text | None = Field(default=None, alias="rubrik_en")
    date: IsoDate = Field(alias="datum")
    start: ClockTime = Field(alias="tid")
    end: ClockTime | None = Field(default=None, alias="sluttid")
    form: MeetingForm = Field(alias="form")
    place: OptionalText | None = Field(default=None, alias="plats")
    extra: StrictBool = Field(default=False, alias="extrainsatt")
    called_by: ChairRole | None = Field(default=None, alias="beslutat_av")
    called_on: IsoDate | None = Field(default=None, alias="beslutat")
    status: MeetingStatus = Field(alias="status")
    notice_sent: IsoDate | None = Field(default=None, alias="kallelse_skickad")
    agenda: list[AgendaItem] = Field(default_factory=list, alias="dagordning")
    matters: list[Matter] = Field(default_factory=list, alias="ärenden")
    attendance: list[Slug] = Field(default_factory=list, alias="närvaro")
    chaired_by: ChairRole | None = Field(default=None, alias="mötesordförande")
    protocol: Protocol | None = Field(default=None, alias="protokoll")
    decisions: list[Decision] = Field(default_factory=list, alias="beslut")

    # Set by the loader: folder name (the permanent ID) and protocol text.
    _id: str = PrivateAttr(default="")
    _protocol_text: str | None = PrivateAttr(default=None)
    _protocol_file: str = PrivateAttr(default="")

    # Read straight from pydantic's store of private attributes (rules ask often).
    @property
    def meeting_id(self) -> str:
        return self.__pydantic_private__["_id"]  # type: ignore[index,no-any-return]

    @property
    def protocol_text(self) -> str | None:
        return self.__pydantic_private__["_protocol_text"]  # type: ignore[index,no-any-return]

    @property
    def protocol_file(self) -> str:
        return self.__pydantic_private__["_protocol_file"]  # type: ignore[index,no-any-return]

    @property
    def is_held(self) -> bool:
        return self.status is MeetingStatus.HELD

    @property
    def is_physical(self) -> bool:
        return self.form in (MeetingForm.PHYSICAL, MeetingForm.HYBRID)

    def matter(self, matter_id: str) -> Matter | None:
        return next((m for m in self.matters if m.id == matter_id), None)


# --- content/*.md front matter ----------------------------------------------


class ReportKind(StrEnum):
    ANNUAL_REPORT = "årsrapport"
    ACTIVITY_REPORT = "verksamhetsberättelse"


class PageMeta(Node):
    example: StrictBool = Field(default=False, alias="exempeldata")
    title: Text = Field(alias="titel")
    description: OptionalText | None = Field(default=None, alias="beskrivning")
    draft: StrictBool = Field(default=False, alias="utkast")


class RulesVersionMeta(PageMeta):
    version: Text = Field(alias="version")
    adopted_by: DecisionId = Field(alias="antagen_genom")
    in_force: IsoDate = Field(alias="gäller_från")


class ReportMeta(PageMeta):
    year: StrictInt = Field(alias="år", ge=2025, le=2100)
    kind: ReportKind = Field(alias="typ")
    adopted: IsoDate | None = Field(default=None, alias="antagen")
    published: IsoDate | None = Field(default=None, alias="publicerad")


MetaT = TypeVar("MetaT", bound=PageMeta)


class ContentDoc(Generic[MetaT]):
    """A Markdown document from ``content/`` with validated front matter."""

    def __init__(self, file: str, slug: str, meta: MetaT, body: str, body_line: int = 1) -> None:
        self.file = file
        self.slug = slug
        self.meta = meta
        self.body = body
        self.body_line = body_line  # the body's first line in the file
