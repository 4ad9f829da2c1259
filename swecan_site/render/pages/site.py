"""What a page family is given: the public view, the templates and the data files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from jinja2 import BytecodeCache

from ...public import PublicView
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

    def render(self, template: str, here: str, **context: Any) -> str:
        return self.templates.render(template, here, **context)
