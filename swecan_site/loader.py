"""Files -> validated models, with every problem located at file:line:column.

The loader reads ``swecan.yaml``, ``partners.yaml``, ``organisation.yaml``,
``meetings/<id>/mote.yaml`` (+ ``protokoll.md``) and ``content/**.md``. What
cannot be read or does not fit the models becomes a data-error Problem; a
data set is returned only when every file loaded, so that the rules never run
on half a picture.

Where the files are is in ``layout``, how they are read safely in
``safe_files``, the Swedish messages in ``load_errors`` and how the
parameter versions are folded in ``config``; this module puts them together.
"""

from __future__ import annotations

import gc
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from . import limits, progress, siteconfig, yamlpos
from .accessibility import ACCESSIBILITY_FILE, AccessibilityFile
from .config import Config, read_config
from .dataset import Dataset, LoadResult
from .layout import (
    CONFIG_FILE,
    CONTENT_DIR,
    DATA_DIRS,
    DATA_FILES,
    ENGLISH_DIR,
    MEETING_FILE,
    MEETING_ID,
    MEETINGS_DIR,
    ORGANISATION_FILE,
    PARTNERS_FILE,
    PROTOCOL_FILE,
    REPORTS_DIR,
    REQUIRED_PAGES,
    RULES_DIR,
    SITE_CONFIG_FILE,
)
from .load_errors import capped, data_problem, validation_problems, yaml_problem
from .models import (
    BodyName,
    ContentDoc,
    Meeting,
    MetaT,
    Node,
    OrganisationFile,
    PageMeta,
    PartnersFile,
    ReportMeta,
    RulesVersionMeta,
)
from .problems import Location, Problem
from .safe_files import SafeFiles

M = typing.TypeVar("M", bound=Node)


class Loader:
    """One data repository's files, each into its model; the problems in the order found."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.files = SafeFiles(root, self.problems)

    def rel(self, path: Path) -> str:
        return self.files.rel(path)

    def read_text(self, path: Path) -> str | None:
        return self.files.read_text(path)

    def report_yaml(self, file: str, exc: yamlpos.YamlProblem) -> None:
        self.problems.append(yaml_problem(file, exc))

    def check_markdown(self, file: str, text: str, first_line: int = 1) -> bool:
        """SC030 if a line of Markdown is nested too deeply to be rendered safely."""
        deep = limits.markdown_problem(text)
        if deep is None:
            return True
        number, column, message = deep
        self.problems.append(
            data_problem("SC030", Location(file, first_line + number, column), message)
        )
        return False

    def parse(self, file: str, text: str, *, line_offset: int = 0) -> yamlpos.Document | None:
        try:
            return yamlpos.parse(text, line_offset=line_offset)
        except yamlpos.YamlProblem as exc:
            self.report_yaml(file, exc)
            return None

    def validate(self, model: type[M], file: str, doc: yamlpos.Document | None) -> M | None:
        if doc is None:
            return None
        if not isinstance(doc.data, dict):
            self.problems.append(
                data_problem(
                    "SC010",
                    Location(file, *doc.position(())),
                    "Filen ska bestå av nycklar med värden (nyckel: värde).",
                )
            )
            return None
        try:
            result = model.model_validate(doc.data)
        except ValidationError as exc:
            self.problems += capped(validation_problems(exc, model, file, doc))
            return None
        result.attach(file, doc)
        return result

    def load_yaml(self, model: type[M], path: Path) -> M | None:
        file = self.rel(path)
        if not path.is_file() and not path.is_symlink():
            self.problems.append(
                data_problem("SC006", Location(file), f"Filen {file} saknas.", section="7")
            )
            return None
        text = self.read_text(path)
        if text is None:
            return None
        with progress.processing(file):
            return self.validate(model, file, self.parse(file, text))

    def load_config(self) -> Config | None:
        """``swecan.yaml`` (the arbetsordning's defaults when there is none)."""
        path = self.root / CONFIG_FILE
        if not path.is_file():
            return Config()
        text = self.read_text(path)
        doc = self.parse(CONFIG_FILE, text) if text is not None else None
        if doc is None:
            return None
        config, problems = read_config(doc, CONFIG_FILE)
        self.problems += problems
        return config

    # --- meetings -------------------------------------------------------------------

    def load_meetings(self) -> list[Meeting]:
        """Every folder in ``meetings/``, in name order (a linked folder is not entered)."""
        meetings: list[Meeting] = []
        meetings_dir = self.root / MEETINGS_DIR
        if not meetings_dir.is_dir():
            return meetings
        for folder in sorted(p for p in meetings_dir.iterdir() if p.is_dir()):
            if folder.is_symlink():
                self.files.report_link(folder)
                continue
            meeting = self.load_meeting(folder)
            if meeting is not None:
                meetings.append(meeting)
        return meetings

    def load_meeting(self, folder: Path) -> Meeting | None:
        path = folder / MEETING_FILE
        if self.files.is_linked(path):
            return None
        if not path.is_file():
            self.problems.append(
                data_problem(
                    "SC006",
                    Location(self.rel(folder)),
                    f"Mötesmappen saknar {MEETING_FILE}.",
                )
            )
            return None
        meeting = self.load_yaml(Meeting, path)
        if meeting is None:
            return None
        meeting._id = folder.name
        self.check_folder_name(meeting, folder.name, self.rel(path))
        self.attach_protocol(meeting, folder / PROTOCOL_FILE)
        return meeting

    def check_folder_name(self, meeting: Meeting, folder_name: str, file: str) -> None:
        """SC101 unless the folder is named ÅÅÅÅ-MM-DD-organ after the meeting's date and body."""
        match = MEETING_ID.fullmatch(folder_name)
        if not match:
            self.problems.append(
                data_problem(
                    "SC101",
                    Location(file),
                    f"Mappnamnet '{folder_name}' ska vara ÅÅÅÅ-MM-DD-organ, där organ är "
                    f"{' eller '.join(b.value for b in BodyName)}, t.ex. "
                    "2026-03-12-partnerskapet; det blir mötets permanenta adress.",
                )
            )
        elif match.group(1) != meeting.date.isoformat() or match.group(2) != meeting.body:
            self.problems.append(
                data_problem(
                    "SC101",
                    meeting.where("date"),
                    f"Mappnamnet '{folder_name}' stämmer inte med datum {meeting.date} "
                    f"och organ {meeting.body}.",
                )
            )

    def attach_protocol(self, meeting: Meeting, protocol: Path) -> None:
        """The meeting's ``protokoll.md``, when there is one."""
        if not (protocol.is_file() or protocol.is_symlink()):
            return
        text = self.read_text(protocol)
        if text is not None and not self.check_markdown(self.rel(protocol), text):
            text = None
        meeting._protocol_text = text
        meeting._protocol_file = self.rel(protocol)

    # --- content --------------------------------------------------------------------

    def load_documents(self, folder: Path, model: type[MetaT]) -> list[ContentDoc[MetaT]]:
        """The Markdown documents directly in ``folder``, in name order."""
        return [doc for p in sorted(folder.glob("*.md")) if (doc := self.load_content(p, model))]

    def load_content(self, path: Path, model: type[MetaT]) -> ContentDoc[MetaT] | None:
        file = self.rel(path)
        text = self.read_text(path)
        if text is None:
            return None
        try:
            with progress.processing(file):
                doc, body, body_line = yamlpos.split_front_matter(text)
        except yamlpos.YamlProblem as exc:
            self.report_yaml(file, exc)
            return None
        if doc is None:
            self.problems.append(
                data_problem(
                    "SC010",
                    Location(file),
                    "Dokumentet saknar front matter (--- titel: … --- överst i filen).",
                )
            )
            return None
        with progress.processing(file):
            meta = self.validate(model, file, doc)
        if meta is None or not self.check_markdown(file, body, body_line):
            return None
        return ContentDoc(file, path.stem, meta, body, body_line)

    def check_required_pages(self, content: Path, docs: list[ContentDoc[PageMeta]]) -> None:
        """Each required page exists and is published: the site cannot be without it,
        so it cannot be a draft either (the pages that show it would have nothing)."""
        drafts = {doc.file: doc for doc in docs if doc.meta.draft}
        for slug in REQUIRED_PAGES:
            path = content / f"{slug}.md"
            file = self.rel(path)
            if not path.is_file() and not path.is_symlink():
                self.problems.append(data_problem("SC006", Location(file), f"Sidan {file} saknas."))
            elif (draft := drafts.get(file)) is not None:
                self.problems.append(
                    data_problem(
                        "SC006",
                        draft.meta.where("draft"),
                        f"Sidan {file} måste finnas på webbplatsen och kan inte vara ett "
                        "utkast; ta bort utkast: true när texten är klar.",
                    )
                )

    def load_accessibility(self, content: Path) -> AccessibilityFile | None:
        """The accessibility statement's data (``content/tillganglighet.yaml``), if any."""
        statement_data = content / ACCESSIBILITY_FILE
        if not statement_data.is_file():
            return None
        return self.load_yaml(AccessibilityFile, statement_data)

    def load_site_config(self) -> None:
        """mkdocs.yml, when the data lives beside it: no tags MkDocs would execute."""
        path = self.root / SITE_CONFIG_FILE
        if not (path.is_file() or path.is_symlink()):
            return
        text = self.read_text(path)  # its texts reach the site: the privacy rules scan it
        if text is not None:
            with progress.processing(SITE_CONFIG_FILE):
                self.problems += siteconfig.check_text(path, text, self.root)

    # --- everything -----------------------------------------------------------------

    def load(self) -> LoadResult:
        self.files.scan_links(DATA_FILES, DATA_DIRS)
        self.load_site_config()
        with progress.processing(CONFIG_FILE):
            config = self.load_config()
        partners = self.load_yaml(PartnersFile, self.root / PARTNERS_FILE)
        organisation = self.load_yaml(OrganisationFile, self.root / ORGANISATION_FILE)
        meetings = self.load_meetings()
        content = self.root / CONTENT_DIR
        rules_versions = self.load_documents(content / RULES_DIR, RulesVersionMeta)
        reports = self.load_documents(content / REPORTS_DIR, ReportMeta)
        pages = self.load_documents(content, PageMeta)
        english_pages = self.load_documents(content / ENGLISH_DIR, PageMeta)
        self.check_required_pages(content, [*pages, *english_pages])
        accessibility = self.load_accessibility(content)
        if self.problems or config is None or partners is None or organisation is None:
            return LoadResult(None, self.problems)
        dataset = Dataset(
            self.root,
            config,
            partners,
            organisation,
            meetings,
            rules_versions,
            reports,
            pages,
            self.files.sources,
            accessibility,
            english_pages,
        )
        return LoadResult(dataset, self.problems)


def load(root: Path) -> LoadResult:
    """Load and validate the data repository at ``root``."""
    with without_gc_pauses():
        return Loader(Path(root)).load()


@contextmanager
def without_gc_pauses() -> Iterator[None]:
    """No cyclic garbage collection while the data is loaded and checked.

    Loading allocates tens of thousands of objects that all stay alive (the
    data set), so the collections those allocations trigger find nothing to
    free; they took a fifth of the check's time. What is built here has no
    reference cycles to speak of, and the collector runs again afterwards
    (a caller that had turned it off keeps it off).

    Afterwards the survivors go straight to the oldest generation (freeze
    moves every tracked object to the permanent generation, unfreeze back to
    the oldest): otherwise the first young collection would walk all of them
    once more to find nothing. Cyclic garbage among them is still found by
    the next full collection. Skipped when the program has frozen objects of
    its own (e.g. before forking), which unfreeze would release.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
