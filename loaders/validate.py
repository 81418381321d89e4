"""SHACL validation of one article's graph, with the reference data it points to.

The data graph validated is the article's own triples, the fact triples it produces and, one hop
out, the reference and ontology triples of every resource it points to (a province's type and
validity, a concept's scheme). It never reads the store, so validation costs the same whether the
store holds ten articles or a hundred thousand. The shapes are parsed and compiled once per process.

Two engines give the same results (the test suite checks it on every shape fixture and the corpus):
``fast``, the compiled validator of `loaders.shacl_fast` used when loading, and ``pyshacl``, the
reference implementation (``vnkg validate --engine pyshacl``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any
from typing import Literal as TypingLiteral

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.term import Node
from vnkg.graph.terms import to_oxigraph
from vnkg.loaders.errors import ShapeViolationError
from vnkg.loaders.rdf import MappedArticle, OxTriple, Triple
from vnkg.loaders.shacl_fast import ShapesValidator

from vnkg.namespaces import RDF, SH_NS

_MAX_REPORTED = 5
Engine = TypingLiteral["fast", "pyshacl"]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str | None
    message: str
    shape: str | None
    severity: str

    def __str__(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        return f"{where}: {self.message}"


@cache
def _reference_index(base_iri: str) -> dict[Node, tuple[Triple, ...]]:
    """Reference-graph and ontology triples by subject, for pulling in what an article points to."""
    from vnkg.ontology import ontology_graph, reference_graph

    index: defaultdict[Node, list[Triple]] = defaultdict(list)
    for graph in (reference_graph(base_iri), ontology_graph()):
        for triple in graph:
            index[triple[0]].append(triple)
    return {subject: tuple(triples) for subject, triples in index.items()}


@cache
def _shapes() -> Graph:
    from vnkg.ontology import shapes_graph

    return shapes_graph()


@cache
def _compiled() -> ShapesValidator:
    return ShapesValidator(_shapes())


def data_triples(mapped: MappedArticle, base_iri: str) -> list[Triple]:
    """The triples one article is validated as: its own, and the types of what it points to."""
    index = _reference_index(base_iri)
    pulled: set[Node] = set()
    out: list[Triple] = []
    for triples in mapped.triples:
        for triple in triples:
            out.append(triple)
            obj = triple[2]
            if isinstance(obj, URIRef) and obj not in pulled and obj in index:
                pulled.add(obj)
                out.extend(t for t in index[obj] if t[1] == RDF.type)
    return out


@cache
def _reference_types(base_iri: str) -> dict[Any, tuple[OxTriple, ...]]:
    """The rdf:type triples of reference and ontology resources, as pyoxigraph terms, by subject."""
    return {to_oxigraph(subject): tuple((to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                                        for s, p, o in triples if p == RDF.type)
            for subject, triples in _reference_index(base_iri).items()}


def data_triples_oxigraph(mapped: MappedArticle, base_iri: str) -> list[OxTriple]:
    """`data_triples` as pyoxigraph terms, from the article's converted triples."""
    index = _reference_types(base_iri)
    pulled: set[Any] = set()
    out: list[OxTriple] = []
    for triples in mapped.oxigraph_triples:
        out.extend(triples)
        for triple in triples:
            obj = triple[2]
            if type(obj) is ox.NamedNode and obj not in pulled and obj in index:
                pulled.add(obj)
                out.extend(index[obj])
    return out


def focus_nodes(mapped: MappedArticle) -> set[Node]:
    """The nodes an article states: only these are validated (reference data is checked as a whole)."""
    return {t[0] for triples in mapped.triples for t in triples}


def data_graph(mapped: MappedArticle, base_iri: str) -> Graph:
    """The graph one article is validated as."""
    graph = Graph()
    for triple in data_triples(mapped, base_iri):
        graph.add(triple)
    return graph


def violations(mapped: MappedArticle, base_iri: str, engine: Engine = "fast") -> list[Violation]:
    """The SHACL violations of one article (warnings and infos are not violations)."""
    if engine == "fast":
        focus = {t[0] for triples in mapped.oxigraph_triples for t in triples}
        return sorted((Violation(focus=str(r.focus), path=str(r.path) if r.path else None, message=r.message,
                                 shape=str(r.shape) if r.shape else None, severity="Violation")
                       for r in _compiled().validate_oxigraph(data_triples_oxigraph(mapped, base_iri), focus)),
                      key=lambda v: (v.focus, v.path or "", v.message))
    conforms, report, _ = validate(data_graph(mapped, base_iri), shacl_graph=_shapes(), advanced=True,
                                   focus_nodes=sorted(focus_nodes(mapped), key=str),
                                   inference="none", allow_warnings=True, allow_infos=True)
    if conforms:
        return []
    assert isinstance(report, Graph)
    found: list[Violation] = []
    for result in report.subjects(SH_NS.resultSeverity, SH_NS.Violation):
        path = report.value(result, SH_NS.resultPath)
        shape = report.value(result, SH_NS.sourceShape)
        messages = sorted(str(m) for m in report.objects(result, SH_NS.resultMessage))
        found.append(Violation(
            focus=str(report.value(result, SH_NS.focusNode)),
            path=str(path) if isinstance(path, URIRef) else None,
            message=" / ".join(messages) or "does not conform",
            shape=str(shape) if isinstance(shape, URIRef) else None,
            severity="Violation",
        ))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message))


def check_shapes(mapped: MappedArticle, base_iri: str, source: str, engine: Engine = "fast") -> None:
    """Raise ShapeViolationError (focus node, path, message) when the article does not conform."""
    found = violations(mapped, base_iri, engine)
    if found:
        listed = "; ".join(str(v) for v in found[:_MAX_REPORTED])
        more = f" (and {len(found) - _MAX_REPORTED} more)" if len(found) > _MAX_REPORTED else ""
        raise ShapeViolationError(source, f"does not conform to the shapes: {listed}{more}")
