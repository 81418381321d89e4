"""The vnkg OWL ontology, its SHACL shapes and SPARQL quality checks, as package data.

>>> g = ontology_graph()
>>> (VNKG.Tenure, RDFS.subClassOf, ORG.Membership) in g
True
>>> sorted(violation_checks())[:1]
['award-status']
>>> ref = reference_graph("https://example.org/kg/")
>>> (URIRef("https://example.org/kg/province/bac-kan"), RDF.type, VNKG.Province) in ref
True
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from rdflib import Graph, Literal, URIRef

from vnkg.namespaces import DCTERMS, ORG, PREFIXES, RDF, RDFS, SCHEMA, SKOS, VNKG, XSD
from vnkg.reference import REFORM_DATE, Gazetteer, Province, award_types, titles
from vnkg.text import search_key

ONTOLOGY_FILE = "vnkg.ttl"
SHAPES_NAMESPACE = "https://w3id.org/vnkg/shapes#"
DEFAULT_BASE_IRI = "https://w3id.org/vnkg/id/"

CONCEPT_SCHEMES = (VNKG.BodyKinds, VNKG.BlocKinds, VNKG.BlocRoles, VNKG.Periods, VNKG.ConferenceKinds,
                   VNKG.ParticipationRoles, VNKG.AwardStatuses, VNKG.AwardTypes, VNKG.PostTitles)
"""The concept schemes of the reference graph; the ontology defines the individuals of all but the
last two, whose concepts are data (award types, post titles)."""


def _package() -> Traversable:
    return resources.files("vnkg.ontology")


def _bind(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


@cache
def _ontology() -> Graph:
    graph = _bind(Graph())
    graph.parse(data=_package().joinpath(ONTOLOGY_FILE).read_text(encoding="utf-8"), format="turtle")
    return graph


def ontology_graph() -> Graph:
    """The OWL ontology (a fresh copy: callers may add to it)."""
    return _copy(_ontology())


def shape_files() -> list[str]:
    """The names of the shapes files, sorted."""
    folder = _package().joinpath("shapes")
    return sorted(item.name for item in folder.iterdir() if item.name.endswith(".ttl"))


@cache
def shapes_graph() -> Graph:
    """All shapes files merged, parsed once per process. Treat it as read-only."""
    graph = _bind(Graph())
    graph.bind("vnkgsh", SHAPES_NAMESPACE)
    folder = _package().joinpath("shapes")
    for name in shape_files():
        graph.parse(data=folder.joinpath(name).read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def _checks() -> tuple[tuple[str, str], ...]:
    folder = _package().joinpath("checks")
    return tuple(sorted(
        (item.name.removesuffix(".rq").removesuffix("-violation"), item.read_text(encoding="utf-8"))
        for item in folder.iterdir() if item.name.endswith("-violation.rq")
    ))


def violation_checks() -> dict[str, str]:
    """Name -> SPARQL SELECT of every `checks/*-violation.rq`: each must return no rows on any store."""
    return dict(_checks())


def _copy(graph: Graph) -> Graph:
    out = _bind(Graph())
    for triple in graph:
        out.add(triple)
    return out


def _date(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)


def _alias_literal(alias: str) -> Literal:
    # Aliases with Vietnamese letters are Vietnamese; bare ASCII spellings ("Bac Can", "Hanoi") are
    # the romanised forms used in English text.
    return Literal(alias, lang="vi" if not alias.isascii() else "en")


def _wikidata_owners(provinces: list[Province]) -> dict[str, set[str]]:
    """Item -> ids of the units it is the item *of*: where the sources give one item to several
    periods of a unit, it belongs to the earliest (the later units reuse it)."""
    by_item: defaultdict[str, list[Province]] = defaultdict(list)
    for unit in provinces:
        if unit.wikidata:
            by_item[unit.wikidata].append(unit)
    owners: dict[str, set[str]] = {}
    for item, units in by_item.items():
        first = min(unit.valid_from or date.min for unit in units)
        owners[item] = {unit.id for unit in units if (unit.valid_from or date.min) == first}
    return owners


def _provinces(graph: Graph, base: str) -> None:
    gazetteer = Gazetteer.load()
    owners = _wikidata_owners(gazetteer.provinces)

    def iri(unit: Province) -> URIRef:
        return URIRef(f"{base}province/{unit.slug}")

    for unit in gazetteer.provinces:
        node = iri(unit)
        graph.add((node, RDF.type, VNKG.Province))
        graph.add((node, RDF.type, SCHEMA.AdministrativeArea))
        graph.add((node, RDFS.label, Literal(unit.name, lang="vi")))
        graph.add((node, RDFS.label, Literal(unit.ascii_name, lang="en")))
        for alias in unit.aliases:
            if alias not in (unit.name, unit.ascii_name):
                graph.add((node, SKOS.altLabel, _alias_literal(alias)))
        graph.add((node, VNKG.searchKey, Literal(search_key(unit.name))))
        graph.add((node, VNKG.provinceKind, Literal(unit.kind, lang="vi")))
        if unit.valid_from:
            graph.add((node, VNKG.validFrom, _date(unit.valid_from)))
        if unit.valid_until:
            graph.add((node, VNKG.validUntil, _date(unit.valid_until)))
        successor = gazetteer.successor(unit)
        if successor is not None:
            graph.add((node, DCTERMS.isReplacedBy, iri(successor)))
            graph.add((iri(successor), DCTERMS.replaces, node))
        if unit.wikidata:
            match = SKOS.exactMatch if unit.id in owners[unit.wikidata] else SKOS.closeMatch
            graph.add((node, match, URIRef(f"http://www.wikidata.org/entity/{unit.wikidata}")))
        if unit.gso_code:
            graph.add((node, VNKG.gsoCode, Literal(unit.gso_code)))
        if unit.iso_3166_2:
            graph.add((node, VNKG.iso3166_2, Literal(unit.iso_3166_2)))
        if unit.region:
            graph.add((node, VNKG.region, Literal(unit.region, lang="vi")))

    for unit in gazetteer.provinces:
        if unit.valid_from != REFORM_DATE:
            continue
        before = gazetteer.predecessors(unit)
        if not before:
            continue
        change = URIRef(f"{base}change/reform-2025/{unit.slug}")
        names = ", ".join(old.name for old in before)
        ascii_names = ", ".join(old.ascii_name for old in before)
        graph.add((change, RDF.type, VNKG.AdministrativeReform))
        graph.add((change, RDFS.label, Literal(f"Sắp xếp 2025: {names} → {unit.name}", lang="vi")))
        graph.add((change, RDFS.label, Literal(f"2025 reform: {ascii_names} → {unit.ascii_name}", lang="en")))
        graph.add((change, DCTERMS.date, _date(REFORM_DATE)))
        graph.add((change, ORG.resultingOrganization, iri(unit)))
        graph.add((iri(unit), ORG.resultedFrom, change))
        for old in before:
            graph.add((change, ORG.originalOrganization, iri(old)))
            graph.add((iri(old), ORG.changedBy, change))


def _concepts(graph: Graph, base: str) -> None:
    ontology = _ontology()
    for scheme in CONCEPT_SCHEMES:
        for triple in ontology.triples((scheme, None, None)):
            graph.add(triple)
        graph.add((scheme, RDF.type, SKOS.ConceptScheme))
        for concept in ontology.subjects(SKOS.inScheme, scheme):
            graph.add((concept, RDF.type, SKOS.Concept))
            graph.add((scheme, SKOS.hasTopConcept, concept))
            for triple in ontology.triples((concept, None, None)):
                graph.add(triple)
    for award in award_types():
        node = URIRef(base + award.path)
        _concept(graph, node, VNKG.AwardType, VNKG.AwardTypes, award.key, award.vi, award.en)
        graph.add((node, VNKG.awardLevel, Literal(award.level)))
        if award.category:
            graph.add((node, VNKG.awardCategory, Literal(award.category)))
    for title in titles():
        node = URIRef(base + title.path)
        _concept(graph, node, VNKG.PostTitle, VNKG.PostTitles, title.key, title.vi, title.en)
        for variant in title.variants:
            if variant != title.vi:
                graph.add((node, SKOS.altLabel, Literal(variant, lang="vi")))


def _concept(graph: Graph, node: URIRef, cls: URIRef, scheme: URIRef, key: str, vi: str, en: str) -> None:
    """A concept of one of the reference schemes, with its notation and vi/en labels."""
    graph.add((node, RDF.type, cls))
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.inScheme, scheme))
    graph.add((scheme, SKOS.hasTopConcept, node))
    graph.add((node, SKOS.notation, Literal(key)))
    graph.add((node, SKOS.prefLabel, Literal(vi, lang="vi")))
    graph.add((node, SKOS.prefLabel, Literal(en, lang="en")))


@cache
def _reference(base_iri: str) -> Graph:
    graph = _bind(Graph())
    _provinces(graph, base_iri)
    _concepts(graph, base_iri)
    return graph


def reference_graph(base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The reference graph of MODEL.md for data minted under `base_iri` (a fresh copy): provinces with
    labels, aliases, validity, successors, predecessors and Wikidata matches, the 2025 reform change
    events, and the concept schemes (award types, post titles, roles, periods, statuses, kinds)."""
    if not base_iri.endswith(("/", "#")):
        raise ValueError(f"base IRI must end with '/' or '#': {base_iri!r}")
    return _copy(_reference(base_iri))


__all__ = ["CONCEPT_SCHEMES", "DEFAULT_BASE_IRI", "SHAPES_NAMESPACE", "ontology_graph", "reference_graph",
           "shape_files", "shapes_graph", "violation_checks"]
