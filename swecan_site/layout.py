"""Where the data lives: the files and folders of a SweCan data repository.

The loader reads these; the rules name them in their findings, the plugin and
the pull-request summary watch them, and ``new-meeting`` writes into them.
"""

from __future__ import annotations

import re

from . import siteconfig

CONFIG_FILE = "swecan.yaml"
PARTNERS_FILE = "partners.yaml"
ORGANISATION_FILE = "organisation.yaml"
MEETINGS_DIR = "meetings"
MEETING_FILE = "mote.yaml"
PROTOCOL_FILE = "protokoll.md"
CONTENT_DIR = "content"
RULES_DIR = "arbetsordning"
REPORTS_DIR = "rapporter"
ENGLISH_DIR = "en"  # content/en/: the English summary edition's own texts (issue 21)
SITE_CONFIG_FILE = siteconfig.CONFIG_FILE
ASSETS_DIR = "docs"  # static files MkDocs copies as they are
# Where the build reads from: no symbolic link is followed anywhere in these.
DATA_FILES = [CONFIG_FILE, PARTNERS_FILE, ORGANISATION_FILE, SITE_CONFIG_FILE]
DATA_DIRS = [MEETINGS_DIR, CONTENT_DIR, ASSETS_DIR]
# Pages the website cannot do without (the accessibility statement is required by law).
REQUIRED_PAGES = [
    "start",
    "utgangspunkter",
    "avsiktsforklaring",
    "tillganglighet",
    "personuppgifter",
    # The English edition's start page, accessibility statement and privacy notice.
    f"{ENGLISH_DIR}/start",
    f"{ENGLISH_DIR}/accessibility",
    f"{ENGLISH_DIR}/privacy",
]

# A meeting folder's name: its permanent ID, ÅÅÅÅ-MM-DD-organ[-suffix].
MEETING_ID = re.compile(r"(\d{4}-\d{2}-\d{2})-(partnerskapet|arbetsutskottet)(-[a-z0-9-]+)?")
