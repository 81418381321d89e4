"""The OWL ontology: parses, documents every term in Vietnamese and English, is consistent with the
gold data under OWL 2 RL, and builds the reference graph of MODEL.md for any base IRI."""

from __future__ import annotations

import csv
import re
from datetime import date
from importlib import resources

import owlrl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, RDF, RDFS, SKOS, XSD
from vnkg.loaders.rdf import MappedArticle
from vnkg.ontology import (
    ONTOLOGY_FILE,
    ontology_graph,
    reference_graph,
    shape_files,
    shapes_graph,
    violation_checks,
)

from vnkg.namespaces import VNKG

ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")
ONTOLOGY = URIRef("https://w3id.org/vnkg/ontology")


def _terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(VNKG))}


def _provinces_csv() -> list[dict[str, str]]:
    with resources.files("vnkg.data").joinpath("provinces.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_file_parses() -> None:
    folder = resources.files("vnkg.ontology")
    Graph().parse(data=folder.joinpath(ONTOLOGY_FILE).read_text(encoding="utf-8"), format="turtle")
    assert len(shape_files()) >= 2
    for name in shape_files():
        graph = Graph().parse(data=folder.joinpath("shapes", name).read_text(encoding="utf-8"), format="turtle")
        assert len(graph) > 0, name
    assert len(shapes_graph()) > 0


def test_ontology_metadata() -> None:
    g = ontology_graph()
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in g
    for prop in (DCTERMS.title, OWL.versionInfo, OWL.versionIRI, DCTERMS.license, DCTERMS.creator):
        assert g.value(ONTOLOGY, prop) is not None, prop
    assert str(g.value(ONTOLOGY, OWL.versionIRI)).startswith(str(ONTOLOGY) + "/")


@pytest.mark.parametrize("term", sorted(_terms(ontology_graph())), ids=lambda t: t.removeprefix(str(VNKG)))
def test_every_term_has_vi_and_en_labels_and_a_comment(term: URIRef) -> None:
    g = ontology_graph()
    labels = {label.language for label in g.objects(term, RDFS.label) if isinstance(label, Literal)}
    assert {"vi", "en"} <= labels, labels
    comments = [c for c in g.objects(term, RDFS.comment) if isinstance(c, Literal) and str(c).strip()]
    assert any(c.language == "en" for c in comments)


def test_every_term_is_declared() -> None:
    g = ontology_graph()
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, SKOS.ConceptScheme}
    for term in _terms(g):
        types = set(g.objects(term, RDF.type))
        concept_types = {t for t in types if (t, RDFS.subClassOf, SKOS.Concept) in g}
        assert types & kinds or concept_types, term


def test_every_vnkg_term_the_mapper_writes_is_defined(gold_mapped: list[MappedArticle]) -> None:
    defined = _terms(ontology_graph())
    used: set[URIRef] = set()
    for mapped in gold_mapped:
        for triple in (*mapped.fact_triples, *mapped.article_triples):
            used.update(t for t in triple if isinstance(t, URIRef) and t.startswith(str(VNKG)))
    assert used, "the gold data uses no vnkg: term"
    assert used <= defined, sorted(used - defined)


def test_every_vnkg_term_the_shapes_and_checks_use_is_defined() -> None:
    defined = _terms(ontology_graph())
    used = {t for triple in shapes_graph() for t in triple if isinstance(t, URIRef) and t.startswith(str(VNKG))}
    for text in violation_checks().values():
        used |= {URIRef(str(VNKG) + word) for word in _vnkg_names(text)}
    assert used <= defined, sorted(used - defined)


def _vnkg_names(text: str) -> set[str]:
    return set(re.findall(r"\bvnkg:([A-Za-z_][A-Za-z0-9_]*)", text))


def _inconsistencies(graph: Graph) -> list[str]:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return [str(m) for m in graph.objects(None, ERR.error)]


def test_owl_rl_closure_of_ontology_reference_and_gold_is_consistent(gold_mapped: list[MappedArticle]) -> None:
    graph = ontology_graph()
    for triple in reference_graph():
        graph.add(triple)
    for mapped in gold_mapped:
        for triple in (*mapped.fact_triples, *mapped.article_triples):
            graph.add(triple)
    before = len(graph)
    assert _inconsistencies(graph) == []
    assert len(graph) > before  # the closure did infer something
    # the entailments the model relies on hold
    tenure = next(graph.subjects(RDF.type, VNKG.Tenure))
    assert (tenure, RDF.type, ORG.Membership) in graph


def test_owl_rl_closure_reports_a_node_of_two_disjoint_kinds() -> None:
    graph = ontology_graph()
    node = URIRef("https://example.org/id/x")
    graph.add((node, RDF.type, VNKG.Tenure))
    graph.add((node, RDF.type, VNKG.BlocMembership))
    assert _inconsistencies(graph)


def test_reference_graph_base_iri_is_configurable() -> None:
    base = "https://example.org/kg/"
    ref = reference_graph(base)
    subjects = {s for s in ref.subjects() if isinstance(s, URIRef)}
    assert subjects
    assert all(s.startswith(base) or s.startswith(str(VNKG)) for s in subjects)
    with pytest.raises(ValueError):
        reference_graph("https://example.org/no-slash")


def test_reform_units_and_change_events() -> None:
    base = "https://w3id.org/vnkg/id/"
    ref = reference_graph(base)
    rows = _provinces_csv()

    def valid_on(row: dict[str, str], day: date) -> bool:
        start = date.fromisoformat(row["valid_from"]) if row["valid_from"] else date.min
        end = date.fromisoformat(row["valid_until"]) if row["valid_until"] else date.max
        return start <= day <= end

    assert sum(valid_on(r, date(2025, 6, 30)) for r in rows) == 63
    assert sum(valid_on(r, date(2025, 7, 1)) for r in rows) == 34
    provinces = set(ref.subjects(RDF.type, VNKG.Province))
    assert len(provinces) == len(rows)

    def in_force(day: date) -> set[URIRef]:
        out = set()
        for unit in provinces:
            start, end = ref.value(unit, VNKG.validFrom), ref.value(unit, VNKG.validUntil)
            if (start is None or start.toPython() <= day) and (end is None or day <= end.toPython()):
                out.add(unit)
        return out

    assert len(in_force(date(2025, 6, 30))) == 63
    assert len(in_force(date(2025, 7, 1))) == 34

    bac_kan, thai_nguyen = URIRef(base + "province/bac-kan"), URIRef(base + "province/thai-nguyen")
    new = URIRef(base + "province/thai-nguyen-2025")
    assert bac_kan in in_force(date(2023, 6, 1)) and new not in in_force(date(2023, 6, 1))
    assert ref.value(bac_kan, DCTERMS.isReplacedBy) == new
    assert set(ref.objects(new, DCTERMS.replaces)) == {bac_kan, thai_nguyen}
    changes = set(ref.subjects(RDF.type, VNKG.AdministrativeReform))
    merged_new = {r["id"] for r in rows if r["valid_from"] == "2025-07-01"}
    assert len(changes) == len(merged_new)
    change = URIRef(base + "change/reform-2025/thai-nguyen-2025")
    assert change in changes
    assert set(ref.objects(change, ORG.originalOrganization)) == {bac_kan, thai_nguyen}
    assert ref.value(change, ORG.resultingOrganization) == new
    assert ref.value(change, DCTERMS.date) == Literal("2025-07-01", datatype=XSD.date)
    for change in changes:  # every old unit of a change ended the day before it took effect
        for old in ref.objects(change, ORG.originalOrganization):
            assert ref.value(old, VNKG.validUntil) == Literal("2025-06-30", datatype=XSD.date), old


def test_reference_labels_and_wikidata_matches() -> None:
    base = "https://w3id.org/vnkg/id/"
    ref = reference_graph(base)
    bac_kan = URIRef(base + "province/bac-kan")
    assert Literal("Bắc Kạn", lang="vi") in set(ref.objects(bac_kan, RDFS.label))
    assert Literal("Bac Kan", lang="en") in set(ref.objects(bac_kan, RDFS.label))
    assert Literal("Bắc Cạn", lang="vi") in set(ref.objects(bac_kan, SKOS.altLabel))
    assert ref.value(bac_kan, SKOS.exactMatch) == URIRef("http://www.wikidata.org/entity/Q36404")
    # one Wikidata item given to two periods of a unit is the exact match of the earliest only
    items: dict[URIRef, list[URIRef]] = {}
    for unit, item in ref.subject_objects(SKOS.exactMatch):
        items.setdefault(item, []).append(unit)
    assert all(len(units) == 1 for units in items.values()), {i: u for i, u in items.items() if len(u) > 1}
    assert ref.value(URIRef(base + "province/hue-2025"), SKOS.closeMatch) == URIRef(
        "http://www.wikidata.org/entity/Q36399")


def test_reference_concept_schemes() -> None:
    ref = reference_graph()
    for scheme, members in [(VNKG.ParticipationRoles, {VNKG.Chair, VNKG.Speaker, VNKG.Attendee}),
                            (VNKG.AwardStatuses, {VNKG.Proposed, VNKG.Conferred}),
                            (VNKG.BlocRoles, {VNKG.blocLeader, VNKG.blocDeputy}),
                            (VNKG.BlocKinds, {VNKG.Cum, VNKG.Khoi})]:
        assert set(ref.subjects(SKOS.inScheme, scheme)) == members
    with resources.files("vnkg.data").joinpath("awards.csv").open(encoding="utf-8") as handle:
        awards = list(csv.DictReader(handle))
    award_nodes = set(ref.subjects(SKOS.inScheme, VNKG.AwardTypes))
    assert len(award_nodes) == len(awards)
    for node in award_nodes:
        langs = {label.language for label in ref.objects(node, SKOS.prefLabel)}
        assert langs == {"vi", "en"}
        assert ref.value(node, VNKG.awardLevel) is not None
    assert len(set(ref.subjects(SKOS.inScheme, VNKG.PostTitles))) > 0
