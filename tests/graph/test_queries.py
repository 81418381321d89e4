"""Queries on both backends: bindings, hostile values, the raw protocol answer, errors, time limits."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from vnkg.graph.base import GraphStore
from vnkg.graph.errors import QuerySyntaxError, QueryTimeout, UnsupportedFormat

from tests import aio

from .articles import article, node

HOSTILE = [
    'He said "hi"',
    "it's",
    "a > b } UNION { ?s ?p ?o }",
    'x" } ; DROP ALL ; INSERT DATA { <a> <b> "c',
    "line one\nline two\r\n\ttab",
    "SELECT * WHERE { ?s ?p ?o } #",
    "back\\slash \\u0022",
    "'''\"\"\"",
]


@pytest.fixture
def loaded(store: GraphStore) -> GraphStore:
    store.write_articles([
        article("d1", {"person/an": "Nguyễn Văn An", "person/binh": "Trần Bình"}),
        article("d2", {"person/an": "Nguyễn Văn An"}),
    ])
    return store


def test_select_binds_an_iri_and_returns_rdflib_terms(loaded: GraphStore) -> None:
    rows = loaded.select("SELECT ?label WHERE { ?who ?p ?label }",
                         {"who": node("person/binh"), "p": RDFS.label})
    assert rows == [{"label": Literal("Trần Bình", lang="vi")}]


def test_select_leaves_unbound_variables_out(loaded: GraphStore) -> None:
    rows = loaded.select("SELECT ?who ?missing WHERE { ?who ?p ?l OPTIONAL { ?who <urn:nothing> ?missing } }",
                         {"p": RDFS.label})
    assert {r["who"] for r in rows} == {node("person/an"), node("person/binh")}
    assert all(set(r) == {"who"} for r in rows)


def test_select_binds_a_literal_and_caps_rows(loaded: GraphStore) -> None:
    rows = loaded.select("SELECT ?who WHERE { ?who ?p ?label }",
                         {"label": Literal("Nguyễn Văn An", lang="vi"), "p": RDFS.label})
    assert rows == [{"who": node("person/an")}]
    assert len(loaded.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", max_rows=3)) == 3


def test_ask_and_construct_with_bindings(loaded: GraphStore) -> None:
    assert loaded.ask("ASK { ?who ?p ?o }", {"who": node("person/binh")})
    assert not loaded.ask("ASK { ?who ?p ?o }", {"who": node("person/nobody")})
    graph = loaded.construct("CONSTRUCT { ?who ?p ?o } WHERE { GRAPH ?g { ?who ?p ?o } }",
                             {"who": node("person/an"), "g": node("graph/facts")})
    assert isinstance(graph, Graph)
    assert (node("person/an"), RDFS.label, Literal("Nguyễn Văn An", lang="vi")) in graph
    assert len(graph) == 2


def test_the_default_graph_is_the_union_of_all_graphs(loaded: GraphStore) -> None:
    # the label is in the facts graph, the headline in an article graph: one pattern sees both
    assert loaded.ask("ASK { ?a <https://schema.org/headline> ?h . ?who ?p ?l }", {"p": RDFS.label})


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_literals_are_values_never_query_text(loaded: GraphStore, value: str) -> None:
    before = loaded.count_quads()
    assert loaded.select("SELECT ?who WHERE { ?who ?p ?label }",
                         {"label": Literal(value), "p": RDFS.label}) == []
    assert not loaded.ask("ASK { ?who ?p ?label }", {"label": Literal(value, lang="vi")})
    assert loaded.count_quads() == before
    # the value comes back exactly as it went in
    loaded.update(f"INSERT DATA {{ GRAPH <urn:g> {{ <urn:s> <urn:p> {Literal(value).n3()} }} }}")
    rows = loaded.select("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef("urn:s"), "p": URIRef("urn:p")})
    assert rows == [{"o": Literal(value)}]


@pytest.mark.parametrize("iri", ["urn:a> ?p ?o } #", "http://x/a b", 'http://x/"q"', "http://x/{v}"])
def test_an_iri_that_could_break_out_is_refused(loaded: GraphStore, iri: str) -> None:
    with pytest.raises(ValueError):
        loaded.select("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef(iri)})


@pytest.mark.parametrize("name", ["x }", "a b", "?", "1x"])
def test_variable_names_are_checked(loaded: GraphStore, name: str) -> None:
    with pytest.raises(ValueError):
        loaded.select("SELECT ?o WHERE { ?s ?p ?o }", {name: Literal("v")})


def test_a_syntax_error_is_typed_and_located(store: GraphStore) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        store.select("SELECT * WHERE {\n  ?s ?p }")
    assert info.value.line == 2
    assert info.value.column is not None
    with pytest.raises(QuerySyntaxError):
        store.query_raw("SELEKT ?s", "application/sparql-results+json")
    with pytest.raises(QuerySyntaxError):
        store.update("INSERT DATA { <urn:a> }")


SELECT = "SELECT ?who ?label WHERE { ?who <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?who"


def test_query_raw_select_in_every_results_format(loaded: GraphStore) -> None:
    body, media = loaded.query_raw(SELECT, "application/sparql-results+json")
    assert media == "application/sparql-results+json"
    data = json.loads(body)
    assert data["head"]["vars"] == ["who", "label"]
    assert data["results"]["bindings"][0]["label"] == {"type": "literal", "value": "Nguyễn Văn An",
                                                        "xml:lang": "vi"}
    body, media = loaded.query_raw(SELECT, "application/sparql-results+xml")
    assert media == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    assert len(ET.fromstring(body).findall(".//r:result", ns)) == 2
    body, media = loaded.query_raw(SELECT, "text/csv")
    assert media == "text/csv"
    assert list(csv.reader(io.StringIO(body.decode()))) == [
        ["who", "label"], [str(node("person/an")), "Nguyễn Văn An"], [str(node("person/binh")), "Trần Bình"]]
    body, media = loaded.query_raw(SELECT, "text/tab-separated-values")
    assert media == "text/tab-separated-values"
    lines = body.decode().splitlines()
    assert lines[0] == "?who\t?label"
    assert lines[1] == f'<{node("person/an")}>\t"Nguyễn Văn An"@vi'
    body, _ = loaded.query_raw(SELECT, "application/sparql-results+json", max_rows=1)
    assert len(json.loads(body)["results"]["bindings"]) == 1


def test_query_raw_ask_and_graphs(loaded: GraphStore) -> None:
    body, media = loaded.query_raw("ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert (json.loads(body)["boolean"], media) == (True, "application/sparql-results+json")
    body, _ = loaded.query_raw("ASK { ?s <urn:none> ?o }", "application/sparql-results+xml")
    assert b"<boolean>false</boolean>" in body
    with pytest.raises(UnsupportedFormat):
        loaded.query_raw("ASK { ?s ?p ?o }", "text/csv")
    query = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/vnkg/id/graph/facts> { ?s ?p ?o } }"
    expected = loaded.construct(query)
    assert len(expected) == 4
    for media, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                       ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")]:
        body, answered = loaded.query_raw(query, media)
        assert answered == media
        parsed = Graph().parse(data=body, format=fmt)
        assert set(parsed) == set(expected), media
    with pytest.raises(UnsupportedFormat):
        loaded.query_raw(query, "application/sparql-results+json")


def test_query_raw_negotiates_and_restricts_graphs(loaded: GraphStore) -> None:
    _, media = loaded.query_raw(SELECT, "text/html;q=0.9, text/csv;q=0.5, */*;q=0.1")
    assert media == "text/csv"
    body, _ = loaded.query_raw("SELECT ?h WHERE { ?a <https://schema.org/headline> ?h }",
                               "application/sparql-results+json",
                               default_graph_uris=[str(node("graph/article/d2"))])
    assert len(json.loads(body)["results"]["bindings"]) == 1
    body, _ = loaded.query_raw("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                               "application/sparql-results+json",
                               named_graph_uris=[str(node("graph/article/d1"))])
    assert {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]} == {
        str(node("graph/article/d1"))}


SLOW = ("SELECT (COUNT(*) AS ?c) WHERE { VALUES ?a { %s } VALUES ?b { %s } VALUES ?c2 { %s } "
        "VALUES ?d { %s } FILTER(?a + ?b + ?c2 + ?d > -1) }") % ((" ".join(map(str, range(45))),) * 4)


def test_a_query_over_its_time_limit_times_out(store: GraphStore) -> None:
    with pytest.raises(QueryTimeout):
        store.select(SLOW, timeout=0.3)
    with pytest.raises(QueryTimeout):
        store.query_raw(SLOW, "application/sparql-results+json", timeout=0.3)
    assert store.ask("ASK {}", timeout=5)


def test_query_raw_async_answers_as_query_raw_and_times_out(loaded: GraphStore) -> None:
    query = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label".replace(
        "rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>")
    for accept in ("application/sparql-results+json", "text/csv"):
        expected = loaded.query_raw(query, accept, timeout=10, max_rows=3)
        assert aio.run(loaded.query_raw_async(query, accept, timeout=10, max_rows=3)) == expected
    with pytest.raises(QueryTimeout):
        aio.run(loaded.query_raw_async(SLOW, "application/sparql-results+json", timeout=0.3))
    with pytest.raises(QuerySyntaxError):
        aio.run(loaded.query_raw_async("SELECT nonsense", "application/sparql-results+json", timeout=5))
