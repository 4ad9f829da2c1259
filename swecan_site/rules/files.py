"""Data rules enforced by the loader while it reads files.

They are listed here so that every ID the check can print has an entry in
``swecan-site rules`` and ``swecan-site explain``.
"""

from .base import file_rule

SC001 = file_rule(
    "SC001",
    "yaml-syntax",
    "Filen går att läsa som YAML",
    """
    Vad: Filen går inte att tolka som YAML – ett kolon saknas, ett citattecken
    är inte avslutat, indraget är fel eller filen innehåller flera dokument.

    Varför: En fil som inte kan läsas kan inte publiceras; hela webbplatsen
    byggs därför inte förrän felet är rättat.

    Åtgärd: Gå till raden och kolumnen i meddelandet. Kontrollera indraget
    (två mellanslag per nivå) och sätt text som innehåller ": " eller "#"
    inom citattecken.
    """,
)
SC002 = file_rule(
    "SC002",
    "dubblerad-nyckel",
    "Ingen nyckel förekommer två gånger i samma avsnitt",
    """
    Vad: Samma nyckel står två gånger i samma avsnitt, t.ex. två "datum:" i
    samma möte.

    Varför: YAML-läsare behåller tyst det sista värdet, så en rättelse eller
    ett kopierat block kan försvinna utan att någon märker det.

    Åtgärd: Ta bort den ena raden eller slå ihop dem.
    """,
)
SC003 = file_rule(
    "SC003",
    "tabb-eller-struktur",
    "Inga tabbtecken; nycklar är enkla ord",
    """
    Vad: Filen innehåller tabbtecken, eller en nyckel som inte är ett enkelt ord.

    Varför: YAML tillåter inte tabbar för indrag, och olika redigerare visar
    dem olika; felet syns ofta inte på skärmen.

    Åtgärd: Ersätt tabbar med mellanslag (de flesta redigerare har en
    inställning för det).
    """,
)
SC004 = file_rule(
    "SC004",
    "teckenkodning",
    "Filen är sparad som UTF-8 utan BOM",
    """
    Vad: Filen är inte sparad som UTF-8, eller börjar med ett osynligt
    BOM-tecken.

    Varför: Å, ä och ö blir annars fel på webbplatsen, och BOM-tecknet gör att
    första nyckeln inte känns igen.

    Åtgärd: Spara filen som "UTF-8" (inte "UTF-8 med BOM", Latin-1 eller
    Windows-1252).
    """,
)
SC005 = file_rule(
    "SC005",
    "tom-fil",
    "Filen är inte tom",
    """
    Vad: Filen är tom eller innehåller bara kommentarer.

    Varför: En tom fil beror nästan alltid på en misslyckad kopiering eller
    sammanslagning, och skulle ge tomma sidor.

    Åtgärd: Fyll i filen, eller ta bort den om den inte ska finnas.
    """,
)
SC006 = file_rule(
    "SC006",
    "fil-saknas",
    "Filer som krävs finns och kan läsas",
    """
    Vad: En fil som webbplatsen kräver saknas (partners.yaml, organisation.yaml,
    en mötesmapps mote.yaml, sidorna start, utgangspunkter, avsiktsforklaring,
    tillganglighet och personuppgifter i content/) eller kan inte läsas.

    Varför: Utan filen saknas en av de uppgifter som enligt §7 ska publiceras.

    Åtgärd: Lägg tillbaka filen; utgå gärna från ett befintligt möte.
    """,
)
SC009 = file_rule(
    "SC009",
    "konfiguration",
    "Inställningarna i swecan.yaml är giltiga",
    """
    Vad: swecan.yaml anger allvarlighetsgrad för en regel som inte finns,
    eller försöker ändra allvarlighetsgraden för ett datafel.

    Varför: Datafel betyder att webbplatsen inte kan publiceras korrekt; de kan
    inte stängas av. En felstavad regelkod skulle tyst inte ha någon effekt.

    Åtgärd: Använd en regelkod från "swecan-site rules" och ändra bara
    efterlevnadsregler.
    """,
)
SC010 = file_rule(
    "SC010",
    "fel-form",
    "Fälten har rätt form och inga obligatoriska fält saknas",
    """
    Vad: Ett obligatoriskt fält saknas, eller ett värde har fel form (text där
    ett tal väntas, en lista där en text väntas, "ja" i stället för true).

    Varför: Reglerna och webbplatsen kan bara lita på uppgifter med rätt form.
    YAML tolkar annars vissa ord överraskande (no, on, 13:30), så vi kräver
    true/false och skriver datum och tider som text.

    Åtgärd: Följ meddelandet; jämför med ett befintligt exempel i samma fil.
    """,
)
SC011 = file_rule(
    "SC011",
    "okänd-nyckel",
    "Alla nycklar är kända",
    """
    Vad: En nyckel som inte finns i dataformatet, oftast en felstavning.

    Varför: En felstavad nyckel skulle annars tyst ignoreras och uppgiften
    saknas på webbplatsen.

    Åtgärd: Använd förslaget i meddelandet ("Menade du …?").
    """,
)
SC012 = file_rule(
    "SC012",
    "fel-format",
    "Datum, klockslag och id har rätt format",
    """
    Vad: Ett datum, klockslag eller id har fel format eller finns inte
    (t.ex. 2026-02-30).

    Varför: Datum styr alla frister i arbetsordningen; id blir permanenta
    adresser på webbplatsen.

    Åtgärd: Datum skrivs ÅÅÅÅ-MM-DD, klockslag TT:MM, partner-id med små
    bokstäver och bindestreck, beslut B-ÅÅÅÅ-NN och ärenden Ä-ÅÅÅÅ-NN.
    """,
)
SC013 = file_rule(
    "SC013",
    "otillåtet-värde",
    "Värden ur fasta listor är stavade som i listan",
    """
    Vad: Ett värde som ska väljas ur en fast lista (sektor, organ, mötesform,
    status, beslutstyp, metod) är inte ett av de tillåtna.

    Varför: Reglerna räknar per sektor och status; ett okänt värde kan inte
    räknas.

    Åtgärd: Välj ett av värdena som meddelandet räknar upp.
    """,
)
SC007 = file_rule(
    "SC007",
    "yaml-alias",
    "YAML-alias används sparsamt",
    """
    Vad: Filen använder fler än 100 YAML-alias (*namn), eller aliasen växer
    tillsammans till mer än 10 000 värden (alias som pekar på listor av alias,
    en så kallad "billion laughs"-fil).

    Varför: Ett alias upprepar ett annat värde. Några kilobyte alias i alias
    kan bli miljarder värden som fyller datorns minne; kontrollen och bygget
    skulle då aldrig bli klara.

    Åtgärd: Skriv ut värdena i stället för att använda alias. SweCans filer
    behöver inga alias.
    """,
)
SC008 = file_rule(
    "SC008",
    "yaml-tagg",
    "Inga YAML-taggar (!!python, !!binary, !tagg)",
    """
    Vad: Ett värde har en YAML-tagg, t.ex. !!python/name:…, !!binary, !!str
    eller !egen. I mkdocs.yml är bara MkDocs tagg !relative tillåten; !ENV
    skulle skriva in värden från byggdatorns miljö (t.ex. nycklar i CI) på
    webbplatsen.

    Varför: Taggar får YAML-läsare att skapa andra saker än text och tal; i
    mkdocs.yml kan en tagg köra kommandon på datorn som bygger webbplatsen.
    I datafilerna skulle en tagg annars tyst ignoreras.

    Åtgärd: Ta bort taggen och skriv värdet som vanlig text (inom citattecken
    om det behövs).
    """,
)
SC030 = file_rule(
    "SC030",
    "för-djup-nästling",
    "Data och Markdown är inte nästlade för djupt",
    """
    Vad: YAML-data är nästlad i mer än 50 nivåer, eller Markdown (i
    protokoll.md, content/ eller ett textvärde) är nästlad för djupt: en rad
    i mer än 20 nivåer av listor, citat (>) eller indrag, hakparenteser ([)
    i mer än 20 nivåer, fler än 400 betoningstecken (* och _) eller fler än
    200 länkar/bilder ([) eller taggar (<) i ett och samma stycke (1 000 i en
    fil), eller fler än 100 definitionsrader (": text") i ett stycke.

    Varför: Så djupa eller täta strukturer förekommer aldrig i riktiga
    dokument, men de får läsarna och Markdown-motorn att krascha eller arbeta
    i minuter.

    Åtgärd: Minska indraget på raden som anges, eller dela upp listan i
    flera kortare.
    """,
)
SC031 = file_rule(
    "SC031",
    "för-stor",
    "Filer och tal håller sig inom storleksgränserna",
    """
    Vad: En datafil är större än 2 MB eller innehåller fler än 20 000 värden,
    eller ett tal har fler än 12 siffror (17 för decimaltal).

    Varför: SweCans filer är några kilobyte och deras tal är årtal och antal.
    Mycket stora filer och tal gör bara kontrollen och bygget långsamma eller
    får dem att krascha.

    Åtgärd: Dela upp filen, eller skriv långa siffersträngar (t.ex. ett
    nummer) inom citattecken så att de läses som text.
    """,
)
SC032 = file_rule(
    "SC032",
    "fil-utanför-projektet",
    "Bygget läser bara filer inom projektet: inga symboliska länkar",
    """
    Vad: En datafil, en mötesmapp, något i content/, meetings/ eller docs/, eller
    mkdocs.yml är en symbolisk länk; eller mkdocs.yml pekar med docs_dir,
    theme.custom_dir eller INHERIT på en katalog eller fil utanför projektet.

    Varför: Bygget läser bara filer som finns i förrådet. En länk eller en
    sökväg kan peka på en fil utanför projektet (t.ex. /etc/passwd) som då
    skulle publiceras på webbplatsen och i sökindexet.

    Åtgärd: Ersätt länken med en riktig fil eller mapp med det innehåll som
    ska publiceras, och låt sökvägarna i mkdocs.yml peka inom projektet.
    """,
)
SC035 = file_rule(
    "SC035",
    "konfiguration-inte-program",
    "Konfigurationen i mkdocs.yml kör ingen kod",
    """
    Vad: mkdocs.yml har nyckeln hooks:, eller ett tillägg (plugins:,
    markdown_extensions:) som inte finns i webbplatsens lista över tillåtna
    tillägg (search, swecan; attr_list, admonition, footnotes, tables,
    def_list, toc och webbplatsens egen tillgänglighetsmodul); eller en mall
    (overrides/, temat) försöker nå Python bakom sidans uppgifter – mallarna
    körs i Jinjas sandlåda, som stoppar bygget med mallens fil och rad.

    Varför: hooks: och tillägg är Python-kod som körs när webbplatsen byggs – i
    CI för varje pull request och när webbplatsen publiceras. En ändring i
    mkdocs.yml ska inte kunna köra kod eller läsa filer utanför förrådet (som
    pymdownx.snippets gör).

    Åtgärd: Ta bort nyckeln eller tillägget. Behövs ett nytt tillägg läggs det
    till i swecan_site/siteconfig.py, som en utvecklare granskar.
    """,
)
SC036 = file_rule(
    "SC036",
    "webbplatsadress",
    "Webbplatsens adresser i mkdocs.yml är vanliga https-adresser",
    """
    Vad: site_url eller repo_url i mkdocs.yml är ingen vanlig https-adress
    (den har mellanslag, citattecken, < >, ett annat schema eller inget
    värdnamn), eller edit_uri är varken en sökväg eller en https-adress.

    Varför: Adressen skrivs in i varje sidas kanoniska länk, i
    datakatalogen, flödena och kalendrarna. Ett citattecken i den kan lägga in
    skript på varje sida eller göra filerna ogiltiga.

    Åtgärd: Skriv webbplatsens adress, t.ex. https://swecan.example.se/.
    """,
)
SC037 = file_rule(
    "SC037",
    "statisk-fil-med-skript",
    "Statiska filer under docs/ bär inget skript",
    """
    Vad: En fil under docs/ med markup (.html, .svg, .xml, .xsl …) innehåller
    ett <script>, ett händelseattribut som onload=, en javascript:-adress
    eller ett inbäddat element (<iframe>, <object>, <embed>).

    Varför: docs/ kopieras oförändrat till webbplatsen. Skript i en sådan fil
    skulle köras hos besökaren utan att passera webbplatsens kontroll av det
    som publiceras. Webbplatsens egna skript är .js-filer som granskas som kod.

    Åtgärd: Ta bort filen eller skriptet. Behövs ett skript läggs det som en
    .js-fil under docs/javascripts/ och förs in i mkdocs.yml efter granskning.
    """,
)
SC038 = file_rule(
    "SC038",
    "inget-utifran",
    "Konfigurationen i mkdocs.yml hämtar inget från andra värdar och har ingen markup",
    """
    Vad: mkdocs.yml låter besökarens webbläsare hämta något från en annan
    värd – en stilmall eller ett skript i extra_css eller extra_javascript som
    inte är en fil under docs/, ett annat tema än Material, Materials typsnitt
    (theme.font, som hämtas från Google), en logotyp eller favicon på en annan
    värd, eller extra.analytics – eller en text i filen innehåller markup (< >)
    eller en javascript:-adress.

    Varför: Webbplatsen är en myndighets offentliga handling och fungerar utan
    tredje part: ingen CDN, inga typsnitt från Google, ingen analys. En
    besökare ska inte lämna spår hos någon annan genom att läsa den. Texterna
    i mkdocs.yml (webbplatsens namn, copyright, länkar) skrivs in i varje sida
    utan att passera kontrollen av data.

    Åtgärd: Lägg filen under docs/ och hänvisa till den med en relativ sökväg,
    sätt theme.font till false, ta bort extra.analytics, och skriv texterna
    som vanlig text.
    """,
)
SC101 = file_rule(
    "SC101",
    "mötesmapp",
    "Mötesmappens namn är ÅÅÅÅ-MM-DD-organ och stämmer med mötet",
    """
    Vad: Mötesmappens namn följer inte mönstret ÅÅÅÅ-MM-DD-organ, eller
    stämmer inte med mötets datum och organ.

    Varför: Mappnamnet är mötets permanenta adress på webbplatsen; det ska gå
    att förstå och aldrig behöva ändras.

    Åtgärd: Döp om mappen, t.ex. meetings/2026-03-12-partnerskapet. Flyttas
    ett möte som redan har publicerats: sätt det som inställt och skapa ett
    nytt möte, så att den gamla adressen fortsätter att fungera.
    """,
)

RULES = [
    SC001, SC002, SC003, SC004, SC005, SC006, SC007, SC008, SC009, SC010, SC011, SC012, SC013,
    SC030, SC031, SC032, SC035, SC036, SC037, SC038, SC101,
]  # fmt: skip
