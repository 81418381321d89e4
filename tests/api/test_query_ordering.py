"""A named query's final ORDER BY applied in Python gives the rows in the order the store gives
them, on the embedded store and on an Oxigraph server."""

from __future__ import annotations

import doctest
import re
from typing import Any

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from vnkg.graph.base import GraphStore
from vnkg.queries import NamedQuery, load_queries, ordering
from vnkg.queries.ordering import Condition, sort_rows, split_order

from bench.run import Params
from vnkg import queries


def test_doctests() -> None:
    result = doctest.testmod(ordering)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("text", [
    "SELECT ?a WHERE { ?a ?p ?b }",  # no ORDER BY
    "SELECT ?a WHERE { { SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 3 } }",  # a subquery's
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 5",
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a OFFSET 5",
    "SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?b",  # not returned
    "SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY DESC(?a + 1)",
    "SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY LCASE(?a)",
    "SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY <http://example.org/f>(?a)",
])
def test_orders_left_to_the_store(text: str) -> None:
    assert split_order(text, {"a"} if "?b" not in text.split("WHERE")[0] else {"a", "b"}) is None


def test_simple_orders_are_split_off() -> None:
    text = "SELECT ?a ?b WHERE { ?a ?p ?b }\nORDER BY ?a DESC(STR(?b))  # newest first\n  asc(?b) STR(?a)\n"
    found = split_order(text, {"a", "b"})
    assert found is not None
    assert found[0] == "SELECT ?a ?b WHERE { ?a ?p ?b }\n"
    assert found[1] == [Condition("a", False, False), Condition("b", True, True), Condition("b", False, False),
                        Condition("a", False, True)]


def test_sparql_order_of_terms() -> None:
    terms: list[Any] = [Literal("b"), Literal(10), URIRef("http://x/b"), None, Literal(9), BNode("z"),
                        URIRef("http://x/a"), Literal("a", lang="vi"), Literal("2024-01-02", datatype=XSD.date),
                        Literal("2023-12-31", datatype=XSD.date), Literal(2.5)]
    rows = sort_rows([{"v": t} if t is not None else {} for t in terms], [Condition("v", False, False)])
    assert [r.get("v") for r in rows] == [
        None, BNode("z"), URIRef("http://x/a"), URIRef("http://x/b"), Literal(2.5), Literal(9), Literal(10),
        Literal("2023-12-31", datatype=XSD.date), Literal("2024-01-02", datatype=XSD.date), Literal("a", lang="vi"),
        Literal("b")]
    down = sort_rows([{"v": Literal(n), "w": Literal(n % 2)} for n in range(6)],
                     [Condition("w", True, False), Condition("v", False, True)])
    assert [int(r["v"]) for r in down] == [1, 3, 5, 0, 2, 4]  # odd first, then by the string of v


def _rows(query: NamedQuery, store: GraphStore, values: dict[str, str], **kwargs: Any) -> list[dict[str, Any]]:
    """The rows, each ``GROUP_CONCAT`` as the set of what it joins (SPARQL leaves their order open)."""
    joined = set(re.findall(r"GROUP_CONCAT\(.*?\) AS \?(\w+)\)", query.text))
    rows = query.run(store, values, timeout=30, **kwargs)
    return [{k: frozenset(str(v).split()) if k in joined else v for k, v in row.items()} for row in rows]


def test_every_named_query_comes_in_the_stores_order(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    params = Params.from_store(store, seed=11, size=12)
    cases = [(q, v) for q in load_queries().values() if q.name != "shortest_chain"
             for optional in (False, True) for v in [q.example_values(), *params.value_sets(q, 4, optional)]]
    sorted_here = [_rows(q, store, v) for q, v in cases]
    with monkeypatch.context() as patched:
        patched.setattr(queries, "split_order", lambda *args: None)
        by_store = [_rows(q, store, v) for q, v in cases]
    checked = 0
    for (query, values), mine, theirs in zip(cases, sorted_here, by_store, strict=True):
        assert mine == theirs, (query.name, values)
        checked += len(mine) > 1
    assert checked > 100  # many of them had an order to get right


def test_rows_cut_at_the_cap_are_the_first_ones_in_order(store: GraphStore) -> None:
    query = load_queries()["provinces"]
    everything = query.run(store, {}, timeout=30)
    assert len(everything) > 60
    assert query.run(store, {}, timeout=30, max_rows=10) == everything[:10]
