"""The arbetsordning: its index, one page per published version with its changes
against the version before it, and one page per version that is not in force
comparing it with the version in force (redlines from :mod:`swecan_site.redline`)."""

from __future__ import annotations

from dataclasses import dataclass

from ... import redline, rules, urls
from ...check import Evaluation
from ...layout import CONTENT_DIR, RULES_DIR
from ...models import ContentDoc, Decision, RulesVersionMeta
from ...rules import Rule, SubjectRef
from .site import Site

Version = ContentDoc[RulesVersionMeta]


@dataclass(frozen=True)
class Adoption:
    """The decision that adopted a version (``antagen_genom``) and its §9 verdicts:
    rules.RULES_CHANGE on the decision (2/3 of the votes) and on the version (that
    the decision is one on the arbetsordning) – the check's verdicts, never recomputed."""

    doc: Version
    decision: Decision | None  # None until the protocol that publishes it is out
    verdicts: tuple[Evaluation, ...]
    rule: Rule


def adoption(site: Site, doc: Version) -> Adoption:
    view = site.view
    decision_id = doc.meta.adopted_by
    found = view.decision(decision_id)
    subjects = [SubjectRef.decision(decision_id), SubjectRef.rules_version(doc.meta.version)]
    verdicts = tuple(view.findings_of(rules.RULES_CHANGE, subjects))
    return Adoption(doc, found[1] if found else None, verdicts, rules.RULES_CHANGE)


def pages(site: Site) -> dict[str, str]:
    view = site.view
    versions = view.rules_versions()
    current = view.current_rules()
    index = urls.source(urls.RULES)
    result = {
        index: site.render(
            "rules_index.md.j2",
            index,
            sources=(f"{CONTENT_DIR}/{RULES_DIR}/",),
            current=current,
            versions=versions,
        )
    }
    for position, doc in enumerate(versions):
        here = urls.source(urls.rules_version(doc.slug))
        previous = versions[position - 1] if position else None
        result[here] = site.render(
            "rules_version.md.j2",
            here,
            sources=(doc.file,),
            doc=doc,
            current=current,
            previous=previous,
            adoption=adoption(site, doc),
            redline=redline.compare(previous.body, doc.body) if previous else None,
            section_html=redline.section_html,
        )
        if doc is current:
            continue
        # Older first, whichever is in force: <del> is the earlier text, <ins> the later.
        first, last = sorted((position, versions.index(current)))
        here = urls.source(urls.rules_comparison(doc.slug))
        result[here] = site.render(
            "rules_compare.md.j2",
            here,
            sources=(doc.file, current.file),
            doc=doc,
            current=current,
            older=versions[first],
            newer=versions[last],
            adoptions=[adoption(site, d) for d in versions[first + 1 : last + 1]],
            redline=redline.compare(versions[first].body, versions[last].body),
            section_html=redline.section_html,
        )
    return result
