"""SPARQL JSON results written from memoised term fragments are byte for byte what ``json.dumps``
writes for the whole document."""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox
from vnkg.graph.results import _json_term, serialize_solutions

XSD = "http://www.w3.org/2001/XMLSchema#"


def _reference(variables: list[str], rows: list[list[Any]]) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def test_json_results_are_what_json_dumps_writes() -> None:
    terms = [ox.NamedNode("https://w3id.org/vnkg/id/province/bac-kan"), ox.BlankNode("b0"), None,
             ox.Literal('Cụm "Trung du"\n\\ thi đua', language="vi"),
             ox.Literal("7", datatype=ox.NamedNode(XSD + "integer")),
             ox.Literal("2023-03-10", datatype=ox.NamedNode(XSD + "date")), ox.Literal("plain"),
             ox.Triple(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("o"))]
    variables = ["a", "b", "tên \"c\""]
    rows = [[terms[(i + j) % len(terms)] for j in range(3)] for i in range(20)] * 2  # repeated: memoised
    assert serialize_solutions(variables, rows, "application/sparql-results+json") == _reference(variables, rows)
    assert serialize_solutions([], [], "application/sparql-results+json") == _reference([], [])
    empty_rows: list[list[Any]] = [[None], [None]]
    assert serialize_solutions(["x"], empty_rows, "application/sparql-results+json") == _reference(["x"], empty_rows)
    parsed = json.loads(serialize_solutions(variables, rows, "application/sparql-results+json"))
    assert len(parsed["results"]["bindings"]) == 40
