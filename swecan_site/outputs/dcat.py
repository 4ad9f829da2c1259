"""The DCAT-AP-SE catalogue at /datasets/dcat (RDF/XML), harvested by dataportal.se.

Every catalog, dataset, distribution, publisher and contact point has an
absolute IRI (no blank nodes, as dataportal.se requires): the catalogue
document's own address with a fragment, except the publisher, whose IRI is
dataportal.se's ``http://dataportal.se/organisation/SE<organisationsnummer>``
from ``publisher`` in swecan.yaml. Every value whose class DCAT-AP 3.0.1's
range shapes check is typed (licence, media type, format, publisher type,
language, landing page, access rights).

Media types: DCAT-AP-SE's editor writes ``dcterms:format`` as a literal
("text/csv") but DCAT-AP 3.0.1 requires a ``dcterms:MediaTypeOrExtent``
resource there, so both ``dcterms:format`` and ``dcat:mediaType`` are the IANA
media type IRI, typed for both.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from .. import urls
from ..public import PublicView
from .record import CatalogueEntry, DataFile, Output

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PATH = urls.DCAT
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
PUBLIC = URIRef("http://publications.europa.eu/resource/authority/access-right/PUBLIC")
SWEDISH = URIRef("http://publications.europa.eu/resource/authority/language/SWE")
THEME_GOVE = URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
NATIONAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/NationalAuthority")
SWEDEN = URIRef("http://publications.europa.eu/resource/authority/country/SWE")
IANA = "http://www.iana.org/assignments/media-types/"
TITLE = "SweCans öppna data"
# English titles (issue 21): the data stays one dataset in Swedish; where a title has
# an English version it is added as a second dct:title tagged @en, keyed by the
# dataset's key (a dataset without one keeps its Swedish title only).
TITLE_EN = "SweCan open data"
TITLES_EN = {
    "data-partners": "SweCan: Partners",
    "data-organisation": "SweCan: Organisation",
    "data-moten": "SweCan: Meetings",
    "data-arenden": "SweCan: Matters",
    "data-beslut": "SweCan: Decisions",
    "data-rapporter": "SweCan: Reports",
    "data-arbetsordning": "SweCan: Rules of procedure",
    "data-efterlevnad": "SweCan: Compliance",
    "data-omrostningar": "SweCan: Votes",
    "data-narvaro": "SweCan: Attendance",
    "data-andringslogg": "SweCan: Change log",
    "kalender": "SweCan meeting calendar",
    "frister": "SweCan upcoming deadlines",
    "floden": "SweCan publication feeds",
}
DESCRIPTION = (
    "Öppna data från SweCan, Sveriges nationella Cancer Mission Hub: möten, protokoll, "
    "beslut och arbetsordning, fria att återanvända (CC0)."
)


@dataclass(frozen=True)
class CatalogueDataset:
    """A dataset as the catalogue describes it: its entry and its files."""

    entry: CatalogueEntry
    files: list[DataFile] = field(default_factory=list)


def catalogued(outputs: Sequence[Output]) -> list[CatalogueDataset]:
    """Every dataset the outputs declare, with the files that name it, in the order
    the outputs declare them."""
    files = [f for output in outputs for f in output.files if f.dataset]
    return [
        CatalogueDataset(entry, [f for f in files if f.dataset == entry.key])
        for output in outputs
        for entry in output.datasets
    ]


def graph(
    site_url: str,
    publisher_name: str,
    publisher_iri: str,
    contact_name: str,
    contact_email: str,
    found: list[CatalogueDataset],
) -> Graph:
    doc = urls.absolute(site_url, PATH)
    g = Graph()
    g.bind("dcat", DCAT)
    g.bind("dcterms", DCTERMS)
    g.bind("foaf", FOAF)
    g.bind("vcard", VCARD)
    g.bind("skos", SKOS)
    sv = "sv"

    catalog = URIRef(doc)
    publisher = URIRef(publisher_iri)
    contact = URIRef(f"{doc}#kontakt")
    homepage = URIRef(urls.absolute(site_url, urls.START))

    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, FOAF.name, Literal(publisher_name, lang=sv)))
    g.add((publisher, DCTERMS.type, NATIONAL_AUTHORITY))
    g.add((NATIONAL_AUTHORITY, RDF.type, SKOS.Concept))
    g.add((NATIONAL_AUTHORITY, SKOS.prefLabel, Literal("Nationell myndighet", lang=sv)))
    g.add((NATIONAL_AUTHORITY, SKOS.prefLabel, Literal("National authority", lang="en")))

    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(contact_name)))
    g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{contact_email}")))

    g.add((CC0, RDF.type, DCTERMS.LicenseDocument))
    g.add((CC0, DCTERMS.title, Literal("CC0 1.0 Universell", lang=sv)))
    g.add((PUBLIC, RDF.type, DCTERMS.RightsStatement))
    g.add((SWEDISH, RDF.type, DCTERMS.LinguisticSystem))
    g.add((THEME_GOVE, RDF.type, SKOS.Concept))
    g.add((THEME_GOVE, SKOS.prefLabel, Literal("Regeringen och den offentliga sektorn", lang=sv)))
    g.add((SWEDEN, RDF.type, DCTERMS.Location))
    g.add((homepage, RDF.type, FOAF.Document))

    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(TITLE, lang=sv)))
    g.add((catalog, DCTERMS.title, Literal(TITLE_EN, lang="en")))
    g.add((catalog, DCTERMS.description, Literal(DESCRIPTION, lang=sv)))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.license, CC0))
    g.add((catalog, DCTERMS.language, SWEDISH))
    g.add((catalog, FOAF.homepage, homepage))

    media_seen: set[str] = set()
    for listed in found:
        item = listed.entry
        dataset = URIRef(f"{doc}#{item.key}")
        page = URIRef(urls.absolute(site_url, item.page))
        g.add((catalog, DCAT.dataset, dataset))
        g.add((dataset, RDF.type, DCAT.Dataset))
        g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
        g.add((dataset, DCTERMS.title, Literal(item.title, lang=sv)))
        if item.key in TITLES_EN:
            g.add((dataset, DCTERMS.title, Literal(TITLES_EN[item.key], lang="en")))
        g.add((dataset, DCTERMS.description, Literal(item.description, lang=sv)))
        g.add((dataset, DCTERMS.publisher, publisher))
        g.add((dataset, DCAT.contactPoint, contact))
        g.add((dataset, DCAT.landingPage, page))
        g.add((page, RDF.type, FOAF.Document))
        g.add((dataset, DCAT.theme, THEME_GOVE))
        g.add((dataset, DCTERMS.accessRights, PUBLIC))
        g.add((dataset, DCTERMS.language, SWEDISH))
        g.add((dataset, DCTERMS.spatial, SWEDEN))
        for word in item.keywords:
            g.add((dataset, DCAT.keyword, Literal(word, lang=sv)))
        for dist in listed.files:
            node = URIRef(f"{doc}#{item.key}-{dist.path.replace('/', '-')}")
            url = URIRef(urls.absolute(site_url, dist.path))
            media = URIRef(IANA + dist.media_type)
            g.add((dataset, DCAT.distribution, node))
            g.add((node, RDF.type, DCAT.Distribution))
            g.add((node, DCTERMS.title, Literal(dist.title, lang=sv)))
            g.add((node, DCAT.accessURL, url))
            g.add((node, DCAT.downloadURL, url))
            g.add((node, DCAT.mediaType, media))
            g.add((node, DCTERMS.format, media))
            g.add((node, DCTERMS.license, CC0))
            g.add((node, DCTERMS.rights, PUBLIC))
            if dist.conforms_to:
                schema = URIRef(urls.absolute(site_url, dist.conforms_to))
                g.add((node, DCTERMS.conformsTo, schema))
                g.add((schema, RDF.type, DCTERMS.Standard))
            if dist.media_type not in media_seen:
                media_seen.add(dist.media_type)
                g.add((media, RDF.type, DCTERMS.MediaType))
                g.add((media, RDF.type, DCTERMS.MediaTypeOrExtent))
    return g


PREFIXES = {
    "rdf": str(RDF),
    "dcat": str(DCAT),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "vcard": str(VCARD),
}


def _qname(iri: str) -> str:
    for namespace in PREFIXES.values():
        if iri.startswith(namespace) and iri[len(namespace) :].isidentifier():
            return f"{{{namespace}}}{iri[len(namespace) :]}"
    raise ValueError(f"no prefix for {iri}")  # pragma: no cover - every predicate is listed


def rdf_xml(g: Graph) -> bytes:
    """RDF/XML with subjects and statements in sorted order.

    rdflib's serialisers walk sets, so their output changes with Python's hash
    seed; the catalogue must be the same bytes on every build of the same data.
    """
    for prefix, namespace in PREFIXES.items():
        ET.register_namespace(prefix, namespace)
    root = ET.Element(_qname(str(RDF) + "RDF"))
    for subject in sorted({s for s in g.subjects() if isinstance(s, URIRef)}):
        node = ET.SubElement(root, _qname(str(RDF) + "Description"))
        node.set(_qname(str(RDF) + "about"), str(subject))
        for predicate, obj in sorted(g.predicate_objects(subject)):
            child = ET.SubElement(node, _qname(str(predicate)))
            if isinstance(obj, URIRef):
                child.set(_qname(str(RDF) + "resource"), str(obj))
            elif isinstance(obj, Literal):
                child.text = str(obj)
                if obj.language:
                    child.set("{http://www.w3.org/XML/1998/namespace}lang", obj.language)
                elif obj.datatype:
                    child.set(_qname(str(RDF) + "datatype"), str(obj.datatype))
            else:  # pragma: no cover - the graph has no blank nodes
                raise ValueError("blank nodes are not allowed in the catalogue")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def catalogue(
    site_url: str,
    publisher_name: str,
    publisher_iri: str,
    contact_name: str,
    contact_email: str,
    found: list[CatalogueDataset],
) -> bytes:
    return rdf_xml(
        graph(site_url, publisher_name, publisher_iri, contact_name, contact_email, found)
    )


def output(listed: Sequence[Output]) -> Output:
    """The catalogue as an output of its own, listing every dataset of ``listed``."""
    found = catalogued(listed)

    def build(view: PublicView) -> bytes:
        publisher = view.config.publisher
        office = view.organisation.secretariat
        return catalogue(
            view.base_url, publisher.name, publisher.iri, office.name, str(office.email), found
        )

    return Output("dcat", [DataFile(PATH, TITLE, DESCRIPTION, "application/rdf+xml", build)])
