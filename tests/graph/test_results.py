"""SPARQL JSON results written from memoised term fragments are byte for byte what ``json.dumps``
writes for the whole document; results pyoxigraph writes itself say the same as ours and keep to
the row cap."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from typing import Any

import pyoxigraph as ox
import pytest
from vnkg.graph.results import (
    _NATIVE_FORMATS,
    _ROW_SEPARATORS,
    _CountingSink,
    _json_term,
    serialize_solutions,
    serialize_solutions_natively,
)

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


# Values chosen to trouble a count of rows in the bytes: a JSON row separator and newlines inside
# literals, an empty row, a blank node, a typed literal, a language-tagged one.
_VALUES = ('<http://x/a> "},{\\"x\\":{" <http://x/b>', 'UNDEF UNDEF UNDEF',
           '<http://x/blank> "line\\r\\nnext"@vi 7',
           '<http://x/c> "2023-03-10"^^<http://www.w3.org/2001/XMLSchema#date> "},{"',
           '<http://x/d> "</result><result>" UNDEF')
_ROWS = " ".join(f"({v})" for v in _VALUES)
_QUERY = (f"SELECT ?a ?b ?c WHERE {{ VALUES (?a0 ?b ?c) {{ {_ROWS} }}"
          " BIND(IF(?a0 = <http://x/blank>, BNODE(), ?a0) AS ?a) }")


def _parsed(body: bytes, media: str) -> list[tuple[Any, ...]]:
    """The rows, blank nodes written as "_:" (each run of the query names them afresh)."""
    fmt = _NATIVE_FORMATS[media]
    if fmt == ox.QueryResultsFormat.CSV:  # pyoxigraph reads no CSV: compare the text
        return [tuple(re.sub(r"^_:\w+$", "_:", cell) for cell in row)
                for row in csv.reader(io.StringIO(body.decode(), newline=""))]
    return [tuple("_:" if isinstance(t, ox.BlankNode) else str(t) if t is not None else None for t in row)
            for row in ox.parse_query_results(body, fmt)]


@pytest.mark.parametrize("media", sorted(_NATIVE_FORMATS))
def test_pyoxigraph_writes_what_we_write(media: str) -> None:
    store = ox.Store()
    ours = serialize_solutions(["a", "b", "c"], [list(s) for s in store.query(_QUERY)], media)
    native = serialize_solutions_natively(store.query(_QUERY), media, None, threading.Event())
    assert native is not None
    assert _parsed(native, media) == _parsed(ours, media)


@pytest.mark.parametrize("media", sorted(_NATIVE_FORMATS))
def test_the_native_writer_gives_up_whenever_the_rows_may_exceed_the_cap(media: str) -> None:
    store = ox.Store()
    rows = len(_VALUES)
    for cap in range(rows + 2):
        body = serialize_solutions_natively(store.query(_QUERY), media, cap, threading.Event())
        if cap < rows:
            assert body is None, (media, cap)  # never more rows than the cap
        elif body is not None:
            assert len(ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
                       if media.endswith("json") else _parsed(body, media)) >= rows
    # without literals that look like separators, the count is exact: the cap itself is written natively
    iris = " ".join(f"<http://x/{i}>" for i in range(3000))
    plain = f"SELECT ?x WHERE {{ VALUES ?x {{ {iris} }} }}"
    assert serialize_solutions_natively(store.query(plain), media, 3000, threading.Event()) is not None
    assert serialize_solutions_natively(store.query(plain), media, 2999, threading.Event()) is None


def test_a_separator_split_between_two_writes_is_counted_once() -> None:
    separator, extra = _ROW_SEPARATORS["application/sparql-results+xml"]
    body = b"<head/><results><result>" + separator.join([b"<x/>"] * 5) + b"</result></results>"
    for cut in range(1, len(body)):
        for cap, stops in ((5, False), (4, True)):
            sink = _CountingSink(separator, extra, cap, threading.Event())
            try:
                sink.write(body[:cut])
                sink.write(body[cut:])
                stopped = False
            except Exception:
                stopped = True
            assert stopped is stops, (cut, cap)


def test_a_cancelled_read_stops_the_writer() -> None:
    cancel = threading.Event()
    cancel.set()
    result = ox.Store().query("SELECT ?x WHERE { VALUES ?x { 1 2 } }")
    assert serialize_solutions_natively(result, "application/sparql-results+json", None, cancel) is None
