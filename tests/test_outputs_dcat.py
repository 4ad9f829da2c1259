"""The DCAT-AP-SE catalogue (issue 8, item 5): pyshacl with DCAT-AP 3.0.1, DCAT-AP-SE fields."""

from __future__ import annotations

import json

import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from .conftest import AS_OF, REPO, DataRepo
from .outputs_support import SITE_URL, outputs, standards

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PREFIXES = {
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "rdf": str(RDF),
    "skos": str(SKOS),
}
PUBLISHER = URIRef("http://dataportal.se/organisation/SE2021005810")
CC0 = URIRef("http://creativecommons.org/publicdomain/zero/1.0/")


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    return outputs(REPO, AS_OF)


@pytest.fixture(scope="module")
def catalogue(shipped) -> Graph:
    return Graph().parse(data=shipped["datasets/dcat"], format="xml")


def test_dcat_ap_shapes_and_ranges_hold(catalogue: Graph) -> None:
    import pyshacl

    folder = standards() / "dcat-ap-3.0.1"
    shapes = Graph().parse(folder / "shapes.ttl").parse(folder / "range.ttl")
    conforms, _, text = pyshacl.validate(catalogue, shacl_graph=shapes)
    assert conforms, text


def test_the_shapes_do_reject_a_broken_catalogue(catalogue: Graph) -> None:
    import pyshacl

    folder = standards() / "dcat-ap-3.0.1"
    shapes = Graph().parse(folder / "shapes.ttl").parse(folder / "range.ttl")
    broken = Graph()
    for triple in catalogue:
        if triple[2] != DCTERMS.LicenseDocument:
            broken.add(triple)
    conforms, _, text = pyshacl.validate(broken, shacl_graph=shapes)
    assert not conforms and "LicenseDocument" in text


def _expand(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    return URIRef(PREFIXES[prefix] + local) if prefix in PREFIXES else URIRef(curie)


def _mandatory() -> dict[str, list[tuple[str, str | None]]]:
    """DCAT-AP-SE's mandatory (min ≥ 1) properties per class, from bundle.json."""
    bundle = json.loads((standards() / "dcat-ap-se-3.0.1" / "bundle.json").read_text("utf-8"))
    templates = {t["id"]: t for t in bundle["templates"]}
    result = {}
    for group, cls in [
        ("dcat:Catalog", "dcat:Catalog"),
        ("dcat:Dataset", "dcat:Dataset"),
        ("dcat:Distribution", "dcat:Distribution"),
        ("dcat:contactPoint", "vcard:Kind"),
        ("dcat:foaf:Agent", "foaf:Agent"),
    ]:
        required = []
        for item in templates[group]["items"]:
            key = item if isinstance(item, str) else item.get("id")
            template = templates.get(key, item if isinstance(item, dict) else {})
            cardinality = template.get("cardinality", {})
            if isinstance(item, dict) and "cardinality" in item:
                cardinality = item["cardinality"]
            if cardinality.get("min", 0) >= 1:
                required.append((key, template.get("property")))
        result[cls] = required
    return result


def test_dcat_ap_se_mandatory_fields(catalogue: Graph) -> None:
    mandatory = _mandatory()
    assert mandatory["dcat:Catalog"] and mandatory["dcat:Dataset"]
    for cls, required in mandatory.items():
        subjects = set(catalogue.subjects(RDF.type, _expand(cls)))
        assert subjects, cls
        for subject in subjects:
            for key, prop in required:
                if prop is None:  # a choice group: the format (dcterms:format or mediaType)
                    assert key == "dcat:format-group_di", key
                    assert catalogue.value(subject, DCTERMS.format) is not None, subject
                    continue
                assert catalogue.value(subject, _expand(prop)) is not None, (cls, subject, prop)


def test_identifiers_publisher_and_licence(catalogue: Graph) -> None:
    for triple in catalogue:
        for term in triple:
            assert not isinstance(term, BNode), triple
            if isinstance(term, URIRef):
                assert str(term).startswith(("http://", "https://", "mailto:")), term
    catalog = URIRef(f"{SITE_URL}datasets/dcat")
    assert (catalog, RDF.type, DCAT.Catalog) in catalogue
    assert catalogue.value(catalog, DCTERMS.publisher) == PUBLISHER
    assert catalogue.value(catalog, DCTERMS.license) == CC0
    assert (CC0, RDF.type, DCTERMS.LicenseDocument) in catalogue
    kind = catalogue.value(PUBLISHER, DCTERMS.type)
    assert (kind, RDF.type, SKOS.Concept) in catalogue
    assert catalogue.value(kind, SKOS.prefLabel) is not None
    assert catalogue.value(PUBLISHER, FOAF.name) == Literal("Socialstyrelsen", lang="sv")
    for dist in catalogue.subjects(RDF.type, DCAT.Distribution):
        assert catalogue.value(dist, DCTERMS.license) == CC0
        media = catalogue.value(dist, DCAT.mediaType)
        assert (media, RDF.type, DCTERMS.MediaType) in catalogue
        assert str(catalogue.value(dist, DCAT.downloadURL)).startswith(SITE_URL)


def test_every_published_file_is_a_distribution(shipped, catalogue: Graph) -> None:
    """Every output file – open data (JSON, CSV), calendars (frister.ics too) and feeds;
    schemas and the data package are what distributions conform to, and the
    catalogue does not list itself."""
    described = {
        str(catalogue.value(d, DCAT.downloadURL))
        for d in catalogue.subjects(RDF.type, DCAT.Distribution)
    }
    # a planned meeting's own event file (its page's "Lägg till i kalender") is a part of
    # the calendar dataset, which the calendars distribute whole
    events = {p for p in shipped if p.startswith("kalender/moten/")}
    assert events and all(p.endswith(".ics") for p in events)
    files = {
        SITE_URL + p
        for p in shipped
        if not p.startswith("data/schemas/")
        and p not in ("data/datapackage.json", "datasets/dcat")
        and p not in events
    }
    assert SITE_URL + "efterlevnad/frister.ics" in files
    assert any(f.endswith(".csv") for f in files) and any(f.endswith(".json") for f in files)
    assert described == files
    standards_of = {
        str(catalogue.value(d, DCAT.downloadURL)): str(catalogue.value(d, DCTERMS.conformsTo))
        for d in catalogue.subjects(RDF.type, DCAT.Distribution)
    }
    for url, standard in standards_of.items():
        if url.endswith(".json"):
            assert standard.startswith(f"{SITE_URL}data/schemas/"), url
        if url.endswith((".json", ".csv")):
            assert standard[len(SITE_URL) :] in shipped, (url, standard)


def test_publisher_comes_from_swecan_yaml(repo: DataRepo) -> None:
    repo.replace("swecan.yaml", 'organisation_number: "202100-5810"',
                 'organisation_number: "556000-0000"')  # fmt: skip
    graph = Graph().parse(data=outputs(repo.root, AS_OF)["datasets/dcat"], format="xml")
    other = URIRef("http://dataportal.se/organisation/SE5560000000")
    assert (other, RDF.type, FOAF.Agent) in graph and (PUBLISHER, None, None) not in graph


def test_bad_organisation_number_is_a_located_data_error(repo: DataRepo) -> None:
    line = repo.replace("swecan.yaml", 'organisation_number: "202100-5810"',
                        'organisation_number: "2021005"')  # fmt: skip
    errors = repo.check().data_errors
    assert [(e.location.file, e.location.line) for e in errors] == [("swecan.yaml", line)]
