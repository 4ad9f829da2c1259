"""What a page family is given: the public view, the templates and the data files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from jinja2 import BytecodeCache

from ...public import PublicView
from ...public_history import ALL_DATA
from ..environment import Templates


class DataFileEntry(Protocol):
    """What the Öppna data page says of a published data file (an output's record)."""

    @property
    def file(self) -> str: ...  # under data/

    @property
    def description(self) -> str: ...

    @property
    def schema(self) -> str | None: ...  # its JSON Schema under data/schemas/

    @property
    def format(self) -> str: ...  # "JSON" or "CSV"


@dataclass(frozen=True)
class Site:
    """The pages' one source: ``view`` (what is public), ``templates`` and the
    open-data files the outputs declare (handed in, so render never imports outputs)."""

    view: PublicView
    templates: Templates
    data_files: Sequence[DataFileEntry] = field(default=())

    @classmethod
    def of(
        cls,
        view: PublicView,
        data_files: Sequence[DataFileEntry] = (),
        bytecode_cache: BytecodeCache | None = None,
    ) -> Site:
        return cls(view, Templates(view, bytecode_cache), data_files)

    def render(
        self, template: str, here: str, *, sources: tuple[str, ...] = ALL_DATA, **context: Any
    ) -> str:
        """The page at ``here``; it ends with its history (public_history.py) when the
        git evidence covers ``sources`` – the files it is built from (all data: a page
        of verdicts or lists derived from everything)."""
        page = self.templates.render(template, here, **context)
        history = self.view.history.page(sources) if sources else None
        if history is None:
            return page
        return (
            page.rstrip("\n")
            + "\n\n"
            + self.templates.render("page_history.md.j2", here, history=history)
        )
