"""Interpretations: where the arbetsordning's text is silent or open, the reading chosen.

Each interpretation names the text it reads (a verbatim quote), the default
reading and the alternative, the parameter in ``swecan.yaml`` that selects it
(versioned like every parameter, so a case is judged by the reading in force
on its date) and the rules it affects. The rule pages show them as *Tolkning*
with the selected value; the README's table "Tolkningar" lists them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Quote, ao, bilaga2


@dataclass(frozen=True)
class Interpretation:
    id: str
    title: str
    reads: tuple[Quote, ...]
    parameter: str
    default: str
    options: dict[str, str]  # value -> what it means, in Swedish
    why: str  # why the default, in Swedish
    rules: tuple[str, ...]

    @property
    def alternative(self) -> str:
        return next(v for v in self.options if v != self.default)


INTERPRETATIONS: list[Interpretation] = [
    Interpretation(
        "T1",
        "Vilka som är partnerskapets medlemmar vid beslutsförhet",
        (
            ao(
                "3.3",
                "minst hälften av partnerskapets medlemmar deltar vid beslutstillfället",
            ),
        ),
        "quorum_members",
        "partners",
        {
            "partners": "alla som är partner på mötesdagen (anslutna och inte utträdda)",
            "röstlängd": "partners i årets röstlängd (§5.2) som fortfarande är partner",
        },
        "§3.3 säger 'partnerskapets medlemmar', inte röstlängden, och en partner "
        "kvarstår som partner tills annat meddelas (§5.3). Samma grupp ger sektorerna "
        "som ska vara närvarande.",
        ("SC306",),
    ),
    Interpretation(
        "T2",
        "Vilka som deltar vid beslutstillfället",
        (
            ao(
                "3.3",
                "minst en representant från varje sektor är närvarande, samt att minst "
                "hälften av partnerskapets medlemmar deltar vid beslutstillfället",
            ),
        ),
        "quorum_participants",
        "utan_jäv",
        {
            "utan_jäv": "närvarande partners som inte har jäv i beslutet",
            "närvarande": "alla närvarande partners, även de som har jäv",
        },
        "Texten skiljer mellan 'närvarande' (sektorerna) och 'deltar' (hälften). En "
        "partner med jäv är närvarande men deltar inte i beslutet (T8).",
        ("SC306",),
    ),
    Interpretation(
        "T3",
        "Lika röstetal",
        (
            ao(
                "4.3",
                "I det fall oenighet om ett förslag råder, tillämpas omröstning med enkel "
                "majoritet.",
            ),
        ),
        "tie_outcome",
        "avslag",
        {
            "avslag": "vid lika röstetal har förslaget ingen majoritet och är avslaget",
            "utslagsröst": "vid lika röstetal avgör ordförandens utslagsröst; både bifall "
            "och avslag kan vara riktigt",
        },
        "Enkel majoritet betyder fler röster för än emot; arbetsordningen ger ingen utslagsröst.",
        ("SC402",),
    ),
    Interpretation(
        "T4",
        "Rösträtt för partner som anslutit efter årets röstlängd",
        (
            ao("4.3", "Varje partner i SweCan har en röst."),
            ao(
                "5.2",
                "som därefter fastställer SweCans sammansättning, tillika röstlängd, vid "
                "varje kalenderårs första sammanträde.",
            ),
        ),
        "late_partner_vote",
        "röstar",
        {
            "röstar": "en partner som anslutit efter att röstlängden fastställdes har en röst",
            "nästa_röstlängd": "en sådan partner röstar först när nästa röstlängd fastställts",
        },
        "§4.3 ger varje partner en röst utan undantag; från verksamhetsår 2 har "
        "partnerskapet självt antagit den nya partnern (§2.1).",
        ("SC403",),
    ),
    Interpretation(
        "T5",
        "Vad två tredjedelar räknas på",
        (
            ao(
                "9",
                "Förslag till ändring av arbetsordning beslutas genom kvalificerad "
                "majoritet (2/3).",
            ),
        ),
        "two_thirds_base",
        "för_och_emot",
        {
            "för_och_emot": "andelen röster för av rösterna för och emot; den som avstår "
            "räknas inte",
            "alla_röster": "andelen röster för av alla som röstade, även de som avstod",
        },
        "Den som avstår har inte tagit ställning; så räknas avgivna röster i svensk "
        "föreningspraxis. Texten anger ingen bas.",
        ("SC405",),
    ),
    Interpretation(
        "T6",
        "Röstlängd under första verksamhetsåret",
        (
            ao(
                "8.1",
                "Från och med SweCans andra verksamhetsår tillämpas nomineringsprocess för "
                "partnerskap i SweCan enligt punkt 5.",
            ),
        ),
        "first_year_roll",
        "krävs_inte",
        {
            "krävs_inte": "röstlängden enligt §5.2 krävs från och med verksamhetsår 2",
            "krävs": "röstlängden fastställs vid årets första sammanträde även år 1",
        },
        "§8.1 tillämpar punkt 5 (där röstlängden fastställs, §5.2) först från och med "
        "andra verksamhetsåret.",
        ("SC504",),
    ),
    Interpretation(
        "T7",
        "Vilka ärenden 14-dagarsfristen gäller",
        (
            ao(
                "4.2",
                "Ett ärende initieras genom att partner eller en grupp av partners meddelar "
                "ordförande och kansliet skriftligen enligt framtagen mall senast 14 dagar "
                "innan kallelse skickas ut enligt punkt 3.1.",
            ),
            ao("9", "SweCan beslutar om eventuella ändringar av arbetsordningen enligt § 4.2."),
        ),
        "matter_deadline_scope",
        "alla",
        {
            "alla": "varje ärende till partnerskapet, också det som arbetsutskottet, "
            "kansliet eller ordföranden tar upp",
            "partners": "bara ärenden som partners väcker; ärenden från arbetsutskottet, "
            "kansliet eller ordföranden undantas",
        },
        "§4.2 anger ett sätt att initiera ärenden och inget undantag; §9 skickar "
        "ändringar av arbetsordningen genom §4.2.",
        ("SC401",),
    ),
    Interpretation(
        "T8",
        "Partner med jäv röstar inte",
        (
            bilaga2(
                "5",
                "Deltagare ska aktivt undvika situationer där jäv kan uppstå samt vara öppna "
                "med eventuella bindningar eller intressekonflikter.",
            ),
        ),
        "recused_vote",
        "röstar_inte",
        {
            "röstar_inte": "en partner som anmält jäv i ett beslut röstar inte i det",
            "tillåts": "jäv ska anmälas öppet; att partnern ändå röstar redovisas inte "
            "som ett fynd",
        },
        "Att avstå från beslutet är det sätt att undvika jäv som utgångspunkterna "
        "pekar på; texten säger det inte med de orden.",
        ("SC404", "SC403"),
    ),
    Interpretation(
        "T9",
        "Omval över ett uppehåll",
        (
            ao("2.2", "Mandatperiod ledamot: 2 år, med möjlighet till omval en gång."),
            ao(
                "2.2",
                "Mandatperiod ordförande och vice ordförande: 1 år med möjlighet till omval "
                "2 gånger.",
            ),
        ),
        "reelection_count",
        "alla_mandat",
        {
            "alla_mandat": "varje senare mandat för samma partner räknas som omval, även "
            "efter ett uppehåll",
            "i_följd": "bara mandat i direkt följd räknas; ett uppehåll börjar räkningen om",
        },
        "Texten säger 'omval en gång' och nämner inget uppehåll som börjar om räkningen.",
        ("SC602", "SC603"),
    ),
    Interpretation(
        "T10",
        "En sektor utan partners vid beslutsförhet",
        (
            ao(
                "3.3",
                "För att SweCan ska vara beslutsför krävs att minst en representant från varje "
                "sektor är närvarande",
            ),
            ao("1", "på frivillig basis samlar aktörer från fem sektorer inom cancerområdet"),
        ),
        "empty_sector",
        "ej_beslutsför",
        {
            "ej_beslutsför": "varje sektor av de fem ska vara företrädd; saknar en sektor "
            "partners kan den inte vara det, och partnerskapet är inte beslutsfört",
            "undantas": "en sektor utan partners på mötesdagen undantas från kravet",
        },
        "§3.3 kräver en representant från varje sektor och gör inget undantag, och §1 "
        "räknar upp fem sektorer. Syftet är 'bred sektorsförankring'; ett beslut utan en "
        "hel sektor saknar den, vad det än beror på.",
        ("SC306",),
    ),
    Interpretation(
        "T11",
        "Underlag 'i samband med' kallelsen",
        (
            ao(
                "3.2",
                "Underlag till beslut ska distribueras i samband med att kallelse skickas ut.",
            ),
        ),
        "documents_with_notice",
        "senast_kallelsedagen",
        {
            "senast_kallelsedagen": "underlaget distribueras senast samma dag som kallelsen",
            "inom_en_vecka": "underlag som distribueras högst sju dagar efter kallelsen "
            "räknas också som i samband med den",
        },
        "Kallelsen ska gå ut minst 30 dagar före mötet (§3.1) för att partners ska kunna "
        "förbereda sig; underlag som kommer senare ger kortare tid än den fristen. 'I "
        "samband med' läses därför som senast samma dag.",
        ("SC303",),
    ),
    Interpretation(
        "T12",
        "Vad 'årligen' betyder för översynen",
        (ao("9", "Arbetsordningen ska ses över årligen av arbetsutskottet."),),
        "review_period",
        "tolv_månader",
        {
            "tolv_månader": "högst tolv månader (parametern review_months) mellan en "
            "översyn och nästa, räknat från att den första arbetsordningen började gälla",
            "kalenderår": "minst en översyn under varje kalenderår efter det år då den "
            "första arbetsordningen började gälla",
        },
        "Med kalenderår kan det gå nästan två år mellan två översyner (januari ett år, "
        "december nästa); tolv månader håller varje mellanrum inom ett år, vilket är "
        "vad 'årligen' säger om en återkommande handling.",
        ("SC701",),
    ),
    Interpretation(
        "T13",
        "När arbetsutskottets beslut ska vara publicerade",
        (
            ao("4.3", "Beslut protokollförs och publiceras på SweCans hemsida."),
            ao(
                "2.2",
                "Arbetsutskottet äger att självständigt besluta om tidpunkterna och formerna "
                "för sina sammanträden.",
            ),
        ),
        "committee_decisions_published",
        "nästa_möte",
        {
            "nästa_möte": "ett beslut i arbetsutskottet ska vara publicerat senast när "
            "utskottet har hållit sitt nästa sammanträde",
            "ingen_frist": "ingen frist: ett opublicerat beslut i arbetsutskottet förblir "
            "ej avgjort",
        },
        "§4.3 kräver att beslut publiceras men anger ingen frist för arbetsutskottet, "
        "vars former är dess egna (§2.2). Utan någon gräns kan ett beslut aldrig "
        "redovisas som opublicerat. Arbetsordningens eget mått på när ett protokoll ska "
        "vara klart är nästkommande sammanträde (§3.2), och det läses in här.",
        ("SC202", "SC203"),
    ),
    Interpretation(
        "T14",
        "Vice ordförande och extrainsatta sammanträden",
        (
            ao("3.1", "SweCans ordförande beslutar om extrainsatta sammanträden."),
            ao("6.2", "Vice ordförande ersätter ordföranden i dennes frånvaro."),
        ),
        "extra_meeting_vice",
        "ersätter",
        {
            "ersätter": "vice ordförande får besluta om ett extrainsatt sammanträde när "
            "ordföranden är frånvarande; beslutet är i sin ordning om någon var vice "
            "ordförande på beslutsdagen",
            "räcker_inte": "bara ordföranden beslutar om extrainsatta sammanträden; ett "
            "beslut av vice ordföranden är ett fynd",
        },
        "§6.2 låter vice ordförande ersätta ordföranden i dennes frånvaro utan att undanta "
        "någon uppgift; samma läsning gäller för mötesledningen (SC307). Arbetsordningen "
        "säger inte hur frånvaron ska visas, så den prövas inte.",
        ("SC308",),
    ),
    Interpretation(
        "T15",
        "Vem som kan initiera ändring av arbetsordningen",
        (
            ao(
                "9",
                "Förslag till ändring av arbetsordning kan initieras av enskild partner eller "
                "flera partners i samförstånd.",
            ),
            ao("9", "SweCan beslutar om eventuella ändringar av arbetsordningen enligt § 4.2."),
        ),
        "rules_change_initiative",
        "partners",
        {
            "partners": "bara partners, en eller flera i samförstånd, initierar ändringar; "
            "ett ärende som väckts av arbetsutskottet, kansliet eller ordföranden är ett fynd",
            "även_organ": "också arbetsutskottet (efter sin årliga översyn), kansliet eller "
            "ordföranden kan lägga fram förslaget",
        },
        "§9 och §4.2 nämner bara partners som de som initierar; att arbetsutskottet ser "
        "över arbetsordningen årligen (§9) säger inte att det självt lägger fram förslag.",
        ("SC407",),
    ),
]

BY_ID: dict[str, Interpretation] = {i.id: i for i in INTERPRETATIONS}


def for_rule(rule_id: str) -> list[Interpretation]:
    return [i for i in INTERPRETATIONS if rule_id in i.rules]
