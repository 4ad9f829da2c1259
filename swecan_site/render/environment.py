"""The Jinja environment of the page templates: filters, globals and ``render``.

Templates write Markdown, so autoescape is off: data is escaped with the
``text``/``cell`` filters and human-written Markdown passes the allowlist check
(``| human``; see swecan_site/markup.py). Links in a page are relative to the
page being rendered (``here``), which every render call names.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import BytecodeCache, PackageLoader, StrictUndefined, pass_context
from jinja2.sandbox import SandboxedEnvironment

from .. import labels, urls
from ..facts import MeetingState
from ..markup import safe_markdown
from ..models import BODY_NAMES, SECTOR_NAMES, BodyName, DecisionKind, MeetingForm, Sector
from ..problems import section_label
from ..public import PublicView
from . import format as fmt
from .helpers import PageHelpers, quote_ref
from .markdown import demote, protocol_markdown, public_explanation


@pass_context
def _link(context: Any, url: str) -> str:
    """A Markdown link target from the page being rendered (``here``) to ``url``."""
    return urls.link(url, context["here"])


def _permanent_links(base: str) -> Any:
    """``permanent(url)``: a permanent address as a link a reader can quote – the full
    address under the site's base (site_url), or relative where none is known."""

    @pass_context
    def permanent(context: Any, url: str) -> str:
        if base:
            full = fmt.url(urls.absolute(base, url))
            return f"[{full}]({full})"
        return f"[{url}]({fmt.url(urls.link(url, context['here']))})"

    return permanent


def _filters() -> dict[str, Any]:
    return {
        "text": fmt.text,
        "cell": fmt.cell,
        "anchor": fmt.anchor,
        "sv_date": fmt.sv_date,
        "sv_time": fmt.sv_time,
        "yaml_str": fmt.yaml_str,
        "url": fmt.url,
        "mailto": fmt.mailto,
        "human": safe_markdown,
        "section": lambda s: section_label(s) or "–",
        "hostname": fmt.hostname,
        "meeting_title": labels.meeting_title,
        "meeting_place": labels.meeting_place,
        "demote": demote,
        "protocol": protocol_markdown,
        "public_explanation": public_explanation,
    }


def _globals(view: PublicView, helpers: PageHelpers) -> dict[str, Any]:
    return {
        "urls": urls,
        "link": _link,
        "permanent": _permanent_links(view.base_url),
        "public_underlag": view.public_underlag,
        "hidden_underlag": view.hidden_underlag_count,
        "decision_link": helpers.decision_link,
        "partner_link": helpers.partner_link,
        "partner_links": helpers.partner_links,
        "subject_link": helpers.subject_link,
        "commit_ref": helpers.commit_ref,
        "protocol_evidence": helpers.protocol_evidence,
        "sector_name": lambda s: SECTOR_NAMES[Sector(s)],
        "body_name": lambda b: BODY_NAMES[BodyName(b)],
        "form_name": lambda f: labels.capitalised(labels.FORM_NAMES[MeetingForm(f)]),
        "kind_name": lambda k: labels.KIND_NAMES[DecisionKind(k)],
        "state_name": lambda s: labels.MEETING_STATES[MeetingState(s)],
        "report_kind": lambda k: str(k),
        "protocol_label": helpers.protocol_label,
        "method_text": labels.method_text,
        "raised_by": helpers.raised_by,
        "underlag_line": helpers.underlag_line,
        "version_status": helpers.version_status,
        "quote_ref": quote_ref,
        "chair_label": helpers.chair_label,
        "verdict_lines": helpers.verdict_lines,
    }


class Templates:
    """The templates, bound to one public view; ``render`` gives a page's Markdown."""

    def __init__(self, view: PublicView, bytecode_cache: BytecodeCache | None = None) -> None:
        self.as_of: date = view.as_of
        # Sandboxed (issue 18): a template reaches the view's records and the helpers,
        # never Python's internals (__class__, __globals__, os) – whoever edits one.
        self.env = SandboxedEnvironment(
            loader=PackageLoader("swecan_site", "render/templates"),
            bytecode_cache=bytecode_cache,  # `swecan-site serve` keeps compiled templates
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            autoescape=False,  # Markdown output; see the module docstring
        )
        self.env.filters.update(_filters())
        self.env.globals.update(_globals(view, PageHelpers(view)))

    def render(self, template: str, here: str, **context: Any) -> str:
        """Render ``template`` as the page at ``here`` (links are relative to it)."""
        context.setdefault("as_of", self.as_of)
        return self.env.get_template(template).render(here=here, **context)
