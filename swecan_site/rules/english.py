"""Every rule's title in English, for the English edition's compliance summary (issue 21).

One table beside the registry rather than a parameter of ``@rule``, so the rule
modules stay as they are; ``tests/test_english.py`` fails when a registered rule
has no English title here (or a title here names no rule). Written by people
from the Swedish summary, never machine-translated; the Swedish summary, its §
and the quoted sentence stay the authoritative text on the rule's own page.
"""

from __future__ import annotations

TITLES: dict[str, str] = {
    # files and format
    "SC001": "The file can be read as YAML",
    "SC002": "No key appears twice in the same section",
    "SC003": "No tab characters; keys are plain words",
    "SC004": "The file is saved as UTF-8 without a byte-order mark",
    "SC005": "The file is not empty",
    "SC006": "Required files exist and can be read",
    "SC007": "YAML aliases are used sparingly",
    "SC008": "No YAML tags (!!python, !!binary, !tag)",
    "SC009": "The settings in swecan.yaml are valid",
    "SC010": "Fields have the right shape and no required field is missing",
    "SC011": "Every key is known",
    "SC012": "Dates, times and ids have the right format",
    "SC013": "Values from fixed lists are spelt as in the list",
    "SC030": "Data and Markdown are not nested too deeply",
    "SC031": "Files and numbers stay within the size limits",
    "SC032": "The build reads only files inside the project: no symbolic links",
    "SC035": "The configuration in mkdocs.yml runs no code",
    "SC036": "The website's addresses in mkdocs.yml are plain https addresses",
    "SC037": "Static files under docs/ carry no script",
    "SC038": "The configuration in mkdocs.yml loads nothing from other hosts and has no markup",
    "SC039": "No [FYLL I: …] fill-in marker in what is published",
    "SC101": "A meeting folder is named YYYY-MM-DD-body and matches its meeting",
    # what is published
    "SC020": "Data fields are plain text without HTML, links or attribute lists",
    "SC021": "Only allowed HTML in Markdown texts",
    "SC022": "No event handlers, styles or unknown attributes in Markdown texts",
    "SC023": "Links only with https, http, mailto, tel or within the website",
    "SC024": "Images only from the website itself",
    "SC025": "A linked meeting document exists in the meeting folder",
    "SC026": "File names under content/ can be used as addresses",
    "SC027": "A decision states a date, not 'today'",
    "SC028": "No placeholders in what is published",
    "SC029": "No invisible control characters in what is published",
    "SC033": "A data field does not start like a spreadsheet formula",
    "SC034": "A link within the website leads to a page that exists",
    # references and ids
    "SC102": "Ids of partners, decisions, matters and working groups are unique",
    "SC103": "References to partners, meetings, decisions and matters point to something "
    "that exists",
    "SC104": "Whoever attends, votes or sits on the Executive Committee is a partner at the time",
    "SC105": "Dates and status agree",
    "SC106": "The vote counts are possible",
    "SC107": "Every decision has its paragraph (§) in the minutes",
    "SC040": "An annual report covers a finished year and has a publication date that has passed",
    "SC108": "No two partners have names that look alike",
    # publication (§7)
    "SC201": "The rules of procedure, the partner list and the chair's contact details "
    "exist to be published",
    "SC202": "Every meeting held gets published minutes",
    "SC203": "Every decision is published in minutes and in the register of decisions",
    "SC204": "An annual report and an activity report are published for every finished year",
    "SC205": "Current contact details for both chairs",
    "SC206": "Secretariat's target: a meeting that has taken place is no longer 'planned'",
    "SC207": "Secretariat's target: the Executive Committee's minutes are completed within 14 days",
    "SC208": "Secretariat's target: annual report and activity report within 120 days "
    "of the year's end",
    "SC209": "Secretariat's target: the dates stated agree with the version history",
    # meetings (§3)
    "SC301": "The Partnership meets in person at least twice per calendar year",
    "SC302": "The notice with a preliminary agenda is sent at least 30 days before the meeting",
    "SC303": "Documents for decisions are sent with the notice",
    "SC304": "The Partnership's minutes are completed within 14 days of the meeting",
    "SC305": "The Partnership's minutes are approved at the next meeting",
    "SC306": "The Partnership has a quorum at every decision",
    "SC307": "The meeting is chaired by the body's chair or, in the chair's absence, "
    "the vice chair",
    "SC308": "An extraordinary meeting is called by the Partnership's chair",
    # decisions (§4, §9)
    "SC401": "A matter is raised in writing at least 14 days before the notice is sent",
    "SC402": "A decision by vote has a simple majority",
    "SC403": "Each partner has one vote; only those entitled to vote do so",
    "SC404": "A partner that declared a conflict of interest does not vote on the decision "
    "(interpretation)",
    "SC405": "The rules of procedure are changed only by a two-thirds majority",
    "SC406": "Every matter on the agenda gets a decision on how it proceeds",
    "SC407": "A proposal to change the rules of procedure is initiated by one or more partners",
    "SC408": "A version of the rules of procedure applies only from the Partnership's "
    "decision on it",
    "SC410": "A decided matter has exactly one decision",
    "SC411": "Secretariat's target: a tabled matter is taken up again within two meetings",
    # partners (§5, §8.1)
    "SC501": "The partner signed the letter of intent no later than when it joined",
    "SC502": "A partner leaves after a written request",
    "SC503": "In the first year of operation at most 27/15/9/20/3 partners per sector",
    "SC504": "The voting register is set at the first meeting of each calendar year",
    "SC505": "From the second year, new partners are admitted by a decision of the Partnership",
    "SC506": "A partner is invited before it joins",
    "SC507": "From the second year, new partners are nominated in the order of section 5",
    # Executive Committee and chairs (§2.2, §8.2)
    "SC601": "The Executive Committee has 15 members, 3 per sector",
    "SC602": "Members' mandates are 2 years with at most one re-election",
    "SC603": "The Executive Committee's chair and vice chair are members, with 1-year "
    "mandates and at most two re-elections",
    "SC604": "Socialstyrelsen holds the chair during the first year of operation",
    "SC605": "The members of the Executive Committee are appointed by the Partnership",
    "SC606": "The Executive Committee's chair and vice chair are elected by its members",
    "SC607": "From the second year, Socialstyrelsen appoints the Partnership's chair "
    "and vice chair",
    "SC608": "The Partnership and the Executive Committee are led by a chair every day",
    # review (§8.3, §9)
    "SC701": "The Executive Committee reviews the rules of procedure at least once a year",
    "SC702": "The Partnership decides on an external evaluation in the first year",
    # personal data
    "SC801": "No personal identity or coordination numbers in the data",
    "SC802": "Personal e-mail addresses only where a role requires it",
    "SC803": "Meeting documents that are not public have no link",
    "SC804": "Secretariat's target: the chairs' contact addresses are not at a private "
    "e-mail service",
}


def title(rule_id: str) -> str | None:
    """The rule's English title, or None (the page then shows the Swedish one, marked)."""
    return TITLES.get(rule_id)
