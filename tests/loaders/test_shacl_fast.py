"""The compiled validator gives exactly pyshacl's results: on every shape fixture, on every gold
article, and on articles broken on purpose; and it refuses shapes it cannot implement."""

from __future__ import annotations

import copy
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from vnkg.loaders.documents import read_document
from vnkg.loaders.rdf import map_article
from vnkg.loaders.resolve import Minter
from vnkg.loaders.shacl_fast import ShapesValidator, UnsupportedShape
from vnkg.loaders.validate import data_graph, focus_nodes
from vnkg.ontology import shapes_graph

from vnkg.namespaces import SH_NS as SH

from .conftest import BASE, gold_files

FIXTURES = Path(__file__).resolve().parents[1] / "shapes"
PREFIXES = (FIXTURES / "prefixes.ttl").read_text("utf-8")
SHAPES_BASE = (FIXTURES / "base.ttl").read_text("utf-8")

Found = set[tuple[str, str | None, tuple[str, ...]]]


@pytest.fixture(scope="module")
def compiled() -> ShapesValidator:
    return ShapesValidator(shapes_graph())


def _pyshacl(graph: Graph, focus: set | None = None) -> Found:
    _, report, _ = validate(graph, shacl_graph=shapes_graph(), advanced=True, inference="none",
                            focus_nodes=sorted(focus, key=str) if focus else None)
    assert isinstance(report, Graph)
    found: Found = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        found.add((str(report.value(result, SH.focusNode)), str(path) if isinstance(path, URIRef) else None,
                   tuple(sorted(str(m) for m in report.objects(result, SH.resultMessage)))))
    return found


def _fast(compiled: ShapesValidator, graph: Graph, focus: set | None = None) -> Found:
    return {(str(r.focus), str(r.path) if r.path else None, r.messages) for r in compiled.validate(graph, focus)}


FIXTURE_FILES = sorted((FIXTURES / "valid").glob("*.ttl")) + sorted((FIXTURES / "invalid").glob("*.ttl"))


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_results_as_pyshacl_on_every_shape_fixture(compiled: ShapesValidator, fixture: Path) -> None:
    graph = Graph().parse(data=PREFIXES + SHAPES_BASE + fixture.read_text("utf-8"), format="turtle")
    expected = _pyshacl(graph)
    assert _fast(compiled, graph) == expected
    assert bool(expected) == (fixture.parent.name == "invalid")


def test_fixtures_exist_for_both_outcomes() -> None:
    assert len(list((FIXTURES / "invalid").glob("*.ttl"))) >= 20


def _broken_articles() -> list[tuple[str, dict]]:
    doc = read_document(sorted(gold_files())[-5])  # a seed article with people, roles and awards
    cases = []
    two_leaders = copy.deepcopy(doc)
    two_leaders["bloc_roles"] += [dict(r, province="Phú Thọ") for r in doc["bloc_roles"] if r["role"] == "leader"]
    cases.append(("two leaders in a year", two_leaders))
    return cases


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_same_results_as_pyshacl_on_the_gold_articles(compiled: ShapesValidator, path: Path) -> None:
    mapped = map_article(read_document(path), Minter(BASE), str(path))
    graph, focus = data_graph(mapped, BASE), focus_nodes(mapped)
    assert _fast(compiled, graph, focus) == _pyshacl(graph, focus) == set()


@pytest.mark.parametrize(("name", "doc"), _broken_articles(), ids=lambda x: x if isinstance(x, str) else "")
def test_same_results_as_pyshacl_on_broken_articles(compiled: ShapesValidator, name: str, doc: dict) -> None:
    mapped = map_article(doc, Minter(BASE), name)
    graph, focus = data_graph(mapped, BASE), focus_nodes(mapped)
    expected = _pyshacl(graph, focus)
    assert expected, f"{name} should not conform"
    assert _fast(compiled, graph, focus) == expected


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.mark.parametrize("extra", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true .",
    "ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:equals ex:q ] .",
])
def test_unsupported_features_are_refused_not_skipped(extra: str) -> None:
    shapes = Graph().parse(data="@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . "
                           + extra, format="turtle")
    with pytest.raises(UnsupportedShape):
        ShapesValidator(shapes)


def test_the_sparql_store_holds_every_pattern_a_constraint_can_match(compiled: ShapesValidator) -> None:
    from rdflib.namespace import PROV, RDF, SDO

    from vnkg.namespaces import OA, ORG, VNKG

    patterns = compiled.sparql_patterns
    assert patterns is not None
    # inside FILTER NOT EXISTS, a subquery and plain patterns alike
    assert {PROV.wasDerivedFrom, OA.hasBody, OA.hasSource, ORG.member, VNKG.memberCount, VNKG.awardStatus} <= {
        p for p, objects in patterns.items() if objects is None}
    # rdf:type only with the classes the constraints name: the other type triples stay out
    assert patterns[RDF.type] == {SDO.NewsArticle, VNKG.Province, VNKG.BlocMembership, VNKG.BlocLeadership}


@pytest.mark.parametrize(("select", "expected"), [
    ("SELECT $this WHERE { $this <http://x/p> ?o FILTER NOT EXISTS { ?o <http://x/q> ?z } }",
     {"http://x/p": None, "http://x/q": None}),
    ("SELECT $this WHERE { { SELECT $this WHERE { $this <http://x/r> ?o } } }", {"http://x/r": None}),
    ("SELECT $this WHERE { $this a <http://x/C> . ?o a <http://x/D> }", {RDF_TYPE: {"http://x/C", "http://x/D"}}),
    ("SELECT $this WHERE { $this a <http://x/C> . ?o a ?c }", {RDF_TYPE: None}),
    ('SELECT $this WHERE { $this <http://x/p> "v" ; <http://x/q> ?v }', {"http://x/p": {"v"}, "http://x/q": None}),
    ("SELECT $this WHERE { $this ?p ?o }", None),
    ("SELECT $this WHERE { $this <http://x/p>/<http://x/q> ?o }", None),
])
def test_patterns_of_a_constraint(select: str, expected: dict[str, set[str] | None] | None) -> None:
    from rdflib.plugins.sparql import prepareQuery
    from vnkg.loaders.shacl_fast import _patterns_of

    found = _patterns_of(prepareQuery(select.replace("$this", "?this")).algebra)
    assert (None if found is None else {str(p): None if objects is None else {str(o) for o in objects}
                                        for p, objects in found.items()}) == expected


def test_a_type_no_constraint_names_stays_out_of_the_sparql_store(compiled: ShapesValidator) -> None:
    from vnkg.loaders.shacl_fast import SPARQL_DATA, DataIndex

    person, article = ox.NamedNode("http://x/person"), ox.NamedNode("http://x/article")
    rdf_type = ox.NamedNode(RDF_TYPE)
    index = DataIndex([(person, rdf_type, ox.NamedNode("http://x/Person")),
                       (article, rdf_type, ox.NamedNode("https://schema.org/NewsArticle")),
                       (person, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), article)])
    store = index.oxigraph(compiled._ox_sparql_patterns)
    assert {(q.subject, q.object) for q in store} == {
        (article, ox.NamedNode("https://schema.org/NewsArticle")), (person, article)}
    assert {q.graph_name for q in store} == {SPARQL_DATA}


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name.split(".")[0])
def test_the_loaders_data_graph_in_pyoxigraph_terms_is_the_rdflib_one(path: Path) -> None:
    from vnkg.graph.terms import to_oxigraph
    from vnkg.loaders.validate import data_triples, data_triples_oxigraph

    mapped = map_article(read_document(path), Minter(BASE), str(path))
    expected = {(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in data_triples(mapped, BASE)}
    assert set(data_triples_oxigraph(mapped, BASE)) == expected
