"""Bound values go in as a leading VALUES block of the WHERE group, wherever the text around it has
braces, and mean what rdflib's initBindings means: bound before OPTIONAL, FILTER and aggregates."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS
from vnkg.graph.base import ArticleWrite, GraphStore, article_graph_iri
from vnkg.graph.binding import bind_values

X = URIRef("http://x/a")
BLOCK = "VALUES (?s) { (<http://x/a>) }"


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * { ?s ?p ?o }", "SELECT * { " + BLOCK + " ?s ?p ?o }"),
    ("PREFIX e: <http://e/#{}>\nSELECT ?o WHERE { ?s e:p ?o }",
     "PREFIX e: <http://e/#{}>\nSELECT ?o WHERE { " + BLOCK + " ?s e:p ?o }"),
    ("# a comment with { braces } and WHERE\nASK { ?s ?p ?o }",
     "# a comment with { braces } and WHERE\nASK { " + BLOCK + " ?s ?p ?o }"),
    ('SELECT (CONCAT("{", ?o) AS ?x) WHERE { ?s ?p ?o }',
     'SELECT (CONCAT("{", ?o) AS ?x) WHERE { ' + BLOCK + ' ?s ?p ?o }'),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?o < 3) }",
     "CONSTRUCT { ?s ?p ?o } WHERE { " + BLOCK + " ?s ?p ?o FILTER(?o < 3) }"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { " + BLOCK + " ?s ?p ?o }"),
    ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }",
     "SELECT ?s WHERE { " + BLOCK + " { SELECT ?s WHERE { ?s ?p ?o } } }"),
    ("SELECT ?o WHERE { ?s <http://e/where> ?o . ?s e:where ?o }",
     "SELECT ?o WHERE { " + BLOCK + " ?s <http://e/where> ?o . ?s e:where ?o }"),
    ("DESCRIBE ?s", "DESCRIBE ?s\n" + BLOCK),
])
def test_the_block_opens_the_where_group(query: str, expected: str) -> None:
    assert bind_values(query, {"s": X}) == expected


def test_no_bindings_leave_the_query_alone() -> None:
    assert bind_values("ASK {}", None) == "ASK {}"
    assert bind_values("ASK {}", {}) == "ASK {}"


@pytest.mark.parametrize("bad", ["s }", "?", "1x", "a b"])
def test_variable_names_are_checked(bad: str) -> None:
    with pytest.raises(ValueError, match="variable"):
        bind_values("ASK {}", {bad: X})


def test_hostile_literals_stay_literals() -> None:
    text = bind_values("ASK { ?s ?p ?o }", {"o": Literal('"} ; DROP ALL ; {"')})
    assert text.count("{") - text.count("\\{") >= 2
    assert 'DROP ALL' in text and text.index("DROP") > text.index('"')


def _write(store: GraphStore) -> None:
    base = store.base_iri
    article = URIRef(base + "article/b1")
    store.write_articles([ArticleWrite("b1", article_graph_iri(base, "b1"), [
        (URIRef(base + f"person/p{i}"), URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), article)
        for i in range(3)], [(URIRef(base + f"person/p{i}"), RDFS.label, Literal(f"P{i}", lang="vi"))
                             for i in range(3)])])


def test_bound_before_aggregation(store: GraphStore) -> None:
    _write(store)
    rows = store.select("SELECT (COUNT(?l) AS ?n) WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
                        {"p": URIRef(store.base_iri + "person/p1")})
    assert int(rows[0]["n"]) == 1


def test_bound_before_optional(store: GraphStore) -> None:
    _write(store)
    rows = store.select("SELECT ?l WHERE { OPTIONAL { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l } }",
                        {"p": URIRef(store.base_iri + "person/p2")})
    assert [str(r["l"]) for r in rows] == ["P2"]
