"""Rule parameters and severities, from ``swecan.yaml``.

Every number the rules use is a parameter whose default is the
arbetsordning's. The arbetsordning is revised every year (§9), so the
configuration holds *versions*, each in force from a date and changing only
the parameters it names; a meeting or decision is judged by the version in
force on its date.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictInt,
    ValidationError,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from . import yamlpos
from .load_errors import data_problem, validation_problems
from .models import IsoDate, Sector, _iso_date, web_url
from .problems import Location, Problem, Severity


def _fraction(value: Any) -> Fraction:
    try:
        result = Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError):
        raise ValueError("skriv ett bråk som 2/3 eller ett decimaltal som 0.5") from None
    if not 0 < result <= 1:
        raise ValueError("andelen ska vara större än 0 och högst 1")
    return result


# The JSON Schema is spelled out: pydantic's own schema for Fraction differs
# between releases, and the committed schemas/ must not depend on which is installed.
Share = Annotated[
    Fraction,
    BeforeValidator(_fraction),
    PlainSerializer(str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^\s*\d+\s*/\s*\d+\s*$"},
            ]
        }
    ),
]


class Parameters(BaseModel):
    """The arbetsordning's numbers. Defaults are the version in the report (Bilaga 1)."""

    model_config = ConfigDict(extra="forbid")

    notice_days: int = Field(30, ge=0, description="§3.1 kallelse minst så många dagar före mötet")
    matter_days_before_notice: int = Field(
        14, ge=0, description="§4.2 ärende väcks minst så många dagar innan kallelsen skickas"
    )
    protocol_days: int = Field(14, ge=0, description="§3.2 protokollet färdigt inom så många dagar")
    physical_meetings_per_year: int = Field(
        2, ge=0, description="§3.1 fysiska sammanträden per kalenderår (hybrid räknas)"
    )
    quorum_share: Share = Field(
        Fraction(1, 2), description="§3.3 andel av partnerskapets medlemmar som ska delta"
    )
    rules_change_majority: Share = Field(
        Fraction(2, 3), description="§9 kvalificerad majoritet för ändring av arbetsordningen"
    )
    first_year_caps: dict[Sector, int] = Field(
        default_factory=lambda: {
            Sector.HEALTH: 27,
            Sector.RESEARCH: 15,
            Sector.AGENCY: 9,
            Sector.CIVIL: 20,
            Sector.INDUSTRY: 3,
        },
        description="§8.1 högsta antal partners per sektor under första verksamhetsåret",
    )
    committee_size: int = Field(15, ge=1, description="§2.2 antal ledamöter i arbetsutskottet")
    committee_per_sector: int = Field(3, ge=0, description="§2.2 ledamöter per sektor")
    member_term_years: int = Field(2, ge=1, description="§2.2 mandatperiod för ledamot, år")
    member_reelections: int = Field(1, ge=0, description="§2.2 antal omval för ledamot")
    chair_term_years: int = Field(
        1, ge=1, description="§2.2 mandatperiod för arbetsutskottets ordförande, år"
    )
    chair_reelections: int = Field(
        2, ge=0, description="§2.2 antal omval för arbetsutskottets ordförande"
    )
    first_year_chair: str = Field(
        "socialstyrelsen", description="§8.2 partner som innehar ordförandeposten år 1"
    )
    chair_appointer: str = Field(
        "socialstyrelsen",
        description="§6.1 den som utser partnerskapets ordförande och vice ordförande (id)",
    )
    review_months: int = Field(12, ge=1, description="§9 arbetsordningen ses över minst så ofta")
    webmail_domains: list[str] = Field(
        default_factory=lambda: [
            "gmail.com",
            "googlemail.com",
            "hotmail.com",
            "hotmail.se",
            "outlook.com",
            "outlook.se",
            "live.com",
            "live.se",
            "msn.com",
            "yahoo.com",
            "yahoo.se",
            "icloud.com",
            "me.com",
            "protonmail.com",
            "proton.me",
            "gmx.com",
            "aol.com",
        ],
        description="Kansliets mål (SC804): privata e-posttjänster som en ordförandes "
        "kontaktadress inte ska ligga hos",
    )
    report_deadline_days: int = Field(
        120,
        ge=0,
        description="Kansliets mål: dagar efter verksamhetsårets slut då årsrapport och "
        "verksamhetsberättelse ska vara publicerade (§7 anger ingen frist)",
    )
    evidence_tolerance_days: int = Field(
        7,
        ge=0,
        description="Kansliets mål (SC209): så många dagar får ett angivet datum "
        "(färdigställt, publicerad) skilja från dagen då versionshistoriken visar att "
        "dokumentet blev offentligt",
    )
    tabled_matter_meetings: int = Field(
        2,
        ge=1,
        description="Kansliets mål (SC411): ett bordlagt eller återremitterat ärende står på "
        "dagordningen igen senast vid organets så många följande sammanträden",
    )
    committee_protocol_days: int = Field(
        14,
        ge=0,
        description="Kansliets mål: arbetsutskottets protokoll färdigt inom så många dagar "
        "(arbetsordningens 14-dagarsfrist i §3.2 gäller partnerskapet; §2.2)",
    )
    # --- interpretations (see swecan_site/rules/interpretations.py; README "Tolkningar") ---
    quorum_members: Literal["partners", "röstlängd"] = Field(
        "partners", description="Tolkning T1: vilka som är 'partnerskapets medlemmar' (§3.3)"
    )
    quorum_participants: Literal["utan_jäv", "närvarande"] = Field(
        "utan_jäv", description="Tolkning T2: vilka som 'deltar vid beslutstillfället' (§3.3)"
    )
    tie_outcome: Literal["avslag", "utslagsröst"] = Field(
        "avslag", description="Tolkning T3: lika röstetal vid enkel majoritet (§4.3)"
    )
    late_partner_vote: Literal["röstar", "nästa_röstlängd"] = Field(
        "röstar",
        description="Tolkning T4: röstar en partner som anslutit efter årets röstlängd (§4.3)",
    )
    two_thirds_base: Literal["för_och_emot", "alla_röster"] = Field(
        "för_och_emot", description="Tolkning T5: vad två tredjedelar räknas på (§9)"
    )
    first_year_roll: Literal["krävs_inte", "krävs"] = Field(
        "krävs_inte", description="Tolkning T6: röstlängd under första verksamhetsåret (§8.1)"
    )
    matter_deadline_scope: Literal["alla", "partners"] = Field(
        "alla", description="Tolkning T7: vilka ärenden 14-dagarsfristen gäller (§4.2)"
    )
    recused_vote: Literal["röstar_inte", "tillåts"] = Field(
        "röstar_inte", description="Tolkning T8: röstar en partner som anmält jäv (bilaga 2)"
    )
    reelection_count: Literal["alla_mandat", "i_följd"] = Field(
        "alla_mandat", description="Tolkning T9: hur omval räknas över ett uppehåll (§2.2)"
    )
    empty_sector: Literal["ej_beslutsför", "undantas"] = Field(
        "ej_beslutsför",
        description="Tolkning T10: en sektor utan partners vid beslutsförhet (§3.3)",
    )
    documents_with_notice: Literal["senast_kallelsedagen", "inom_en_vecka"] = Field(
        "senast_kallelsedagen",
        description="Tolkning T11: underlag 'i samband med att kallelse skickas ut' (§3.2)",
    )
    review_period: Literal["tolv_månader", "kalenderår"] = Field(
        "tolv_månader", description="Tolkning T12: vad 'årligen' betyder för översynen (§9)"
    )
    committee_decisions_published: Literal["nästa_möte", "ingen_frist"] = Field(
        "nästa_möte",
        description="Tolkning T13: när arbetsutskottets beslut ska vara publicerade (§4.3, §7)",
    )
    extra_meeting_vice: Literal["ersätter", "räcker_inte"] = Field(
        "ersätter",
        description="Tolkning T14: får vice ordförande besluta om extrainsatta sammanträden "
        "(§3.1, §6.2)",
    )
    rules_change_initiative: Literal["partners", "även_organ"] = Field(
        "partners",
        description="Tolkning T15: vem som kan initiera ändring av arbetsordningen (§9)",
    )


class Publisher(BaseModel):
    """Who publishes the open data: the DCAT-AP-SE catalogue's publisher (dataportal.se)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(
        "Socialstyrelsen", min_length=1, description="Utgivande myndighet (sammankallande part)"
    )
    organisation_number: str = Field(
        "202100-5810",
        pattern=r"^\d{6}-?\d{4}$",
        description="Organisationsnummer; dataportal.se känner igen utgivaren på det",
    )

    repository: str | None = Field(
        None,
        description="Adressen till datans git-förråd (https, t.ex. "
        "https://github.com/organisation/swecan-data): sidorna länkar till "
        "ändringshistoriken där",
    )

    @field_validator("repository")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        return web_url(value, ("https",)) if value is not None else None

    @property
    def iri(self) -> str:
        """dataportal.se's IRI for the organisation: http://dataportal.se/organisation/SE<nr>."""
        return "http://dataportal.se/organisation/SE" + self.organisation_number.replace("-", "")


# The deadline calendar's reminders (VALARM): days before each deadline. Not a
# parameter of the arbetsordning, so not versioned by date: the kansli's calendar setting.
DEFAULT_REMINDER_DAYS = (7, 1)
MAX_REMINDER_DAYS = 365


def _reminder_days(value: object) -> object:
    """A single number is a list of one; the days latest first, each once."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, (list, tuple)) and all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        return tuple(sorted(set(value), reverse=True))
    return value


_DAYS_SCHEMA = {"type": "integer", "minimum": 0, "maximum": MAX_REMINDER_DAYS}
ReminderDays = Annotated[
    tuple[Annotated[StrictInt, Field(ge=0, le=MAX_REMINDER_DAYS)], ...],
    BeforeValidator(_reminder_days),
    # as written in swecan.yaml: one number or a list of them
    WithJsonSchema({**_DAYS_SCHEMA, "type": ["integer", "array"], "items": _DAYS_SCHEMA}),
]


class ConfigFile(BaseModel):
    """The shape of ``swecan.yaml``; each parameter version is checked by ``Config``."""

    model_config = ConfigDict(extra="forbid")

    first_operating_year_start: IsoDate = Field(
        date(2026, 1, 1), description="Första dagen i SweCans första verksamhetsår"
    )
    parameters: list[dict[str, Any]] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    publisher: Publisher = Field(default_factory=Publisher)
    reminder_days: ReminderDays = Field(
        DEFAULT_REMINDER_DAYS,
        description="Påminnelser i fristkalendern (efterlevnad/frister.ics): så många dagar "
        "före varje frist, kl. 09.00; ett tal eller en lista, t.ex. [7, 1]; [] för inga",
    )


class Config:
    """Parameter versions in force from their dates, and severity overrides."""

    def __init__(
        self,
        first_operating_year_start: date = date(2026, 1, 1),
        versions: list[tuple[date, Parameters]] | None = None,
        severity: dict[str, Severity] | None = None,
        publisher: Publisher | None = None,
        reminder_days: tuple[int, ...] = DEFAULT_REMINDER_DAYS,
    ) -> None:
        self.first_operating_year_start = first_operating_year_start
        self.versions = sorted(versions or [], key=lambda v: v[0])
        self.severity = severity or {}
        self.publisher = publisher or Publisher()
        self.reminder_days = reminder_days
        self.severity_locations: dict[str, Location] = {}
        self._default = Parameters()

    def params_at(self, day: date) -> Parameters:
        """The parameters in force on ``day``."""
        result = self._default
        for start, params in self.versions:
            if start <= day:
                result = params
        return result

    def operating_year(self, day: date) -> int:
        """1 for the first verksamhetsår, 2 for the second, … (0 before it)."""
        start = self.first_operating_year_start
        if day < start:
            return 0
        years = day.year - start.year
        if (day.month, day.day) < (start.month, start.day):
            years -= 1
        return years + 1

    def operating_year_bounds(self, number: int) -> tuple[date, date]:
        """First and last day of verksamhetsår ``number``."""
        start = self.first_operating_year_start
        first = _add_years(start, number - 1)
        return first, date.fromordinal(_add_years(start, number).toordinal() - 1)


# --- swecan.yaml -> Config ------------------------------------------------------------


def read_config(doc: yamlpos.Document, file: str) -> tuple[Config | None, list[Problem]]:
    """The parsed ``swecan.yaml`` as a Config, or None and the data errors found in it."""
    try:
        data = ConfigFile.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        return None, validation_problems(exc, ConfigFile, file, doc)
    versions, problems = fold_parameters(data.parameters, file, doc)
    if problems:
        return None, problems
    config = Config(
        data.first_operating_year_start,
        versions,
        data.severity,
        data.publisher,
        data.reminder_days,
    )
    config.severity_locations = {
        rule_id: Location(file, *doc.position(("severity", rule_id), key=True))
        for rule_id in data.severity
    }
    return config, []


def fold_parameters(
    entries: list[dict[str, Any]], file: str, doc: yamlpos.Document
) -> tuple[list[tuple[date, Parameters]], list[Problem]]:
    """Each version (with its date in force) as full Parameters, and the versions' problems.

    A version names only the parameters that change: each is folded onto
    the one before it in the file (the first onto the arbetsordning's
    defaults). Every version is checked, so that all its problems are shown
    at once; a version with a problem is left out.
    """
    versions: list[tuple[date, Parameters]] = []
    problems: list[Problem] = []
    current = Parameters()
    for i, raw in enumerate(entries):
        changes = dict(raw)
        try:
            start = _iso_date(changes.pop("in_force_from", None))
        except PydanticCustomError as exc:
            line, col = doc.position(("parameters", i, "in_force_from"))
            problems.append(data_problem("SC012", Location(file, line, col), str(exc) + "."))
            continue
        try:
            current = Parameters.model_validate({**current.model_dump(), **changes})
        except ValidationError as exc:
            problems += validation_problems(exc, Parameters, file, doc, prefix=("parameters", i))
            continue
        versions.append((start, current))
    return versions, problems


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def last_day_of_term(start: date, years: int) -> date:
    """The last day of a term of ``years`` years from ``start`` (``till`` is the last day).

    A 2-year term from 2026-03-12 ends at the latest on 2028-03-11. A term
    from 29 February runs to 28 February.
    """
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February -> the term's anniversary is 1 March
        end = date(start.year + years, 3, 1)
    return date.fromordinal(end.toordinal() - 1)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover
