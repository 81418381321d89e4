"""The `GraphStore` interface every backend implements, and the types and names they share.

Named-graph layout (docs/MODEL.md): ``{base}graph/reference``, ``{base}graph/facts``,
``{base}graph/statements`` (the variant triples articles state) and one ``{base}graph/article/{id}``
per article. Every query sees the union of all named graphs as its
default graph (embedded: ``use_default_graph_as_union=True``; a remote server must be configured
so: Oxigraph ``--union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``, Virtuoso does by
default, GraphDB does by default).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Literal, Protocol, runtime_checkable
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.term import Identifier, Node

from .errors import UnsupportedFormat
from .terms import to_oxigraph, to_rdflib

__all__ = [
    "EXPORT_FORMATS",
    "GRAPH_MEDIA_TYPES",
    "RESULT_MEDIA_TYPES",
    "ArticleWrite",
    "Bindings",
    "ExportFormat",
    "GraphStore",
    "ResultKind",
    "Row",
    "Term",
    "article_graph_iri",
    "article_graph_prefix",
    "article_id_from_graph",
    "article_iri",
    "check_variable",
    "facts_graph_iri",
    "negotiate",
    "reference_graph_iri",
    "shared_graphs",
    "statements_graph_iri",
]

Term = URIRef | RDFLiteral | BNode
"""An RDF term as rdflib models it (the only thing ever bound into a query)."""
Bindings = Mapping[str, Identifier]
"""Variable name (with or without the leading ``?``) -> value to bind it to."""
Row = dict[str, Identifier]
"""One SELECT solution: variable name -> rdflib term; unbound variables are absent."""
ExportFormat = Literal["nquads", "trig", "turtle", "jsonld"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("nquads", "trig", "turtle", "jsonld")
ResultKind = Literal["solutions", "boolean", "graph"]

# Canonical media type first; aliases map to it.
RESULT_MEDIA_TYPES: dict[str, str] = {
    "application/sparql-results+json": "application/sparql-results+json",
    "application/json": "application/sparql-results+json",
    "application/sparql-results+xml": "application/sparql-results+xml",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "text/csv": "text/csv",
    "text/tab-separated-values": "text/tab-separated-values",
}
GRAPH_MEDIA_TYPES: dict[str, str] = {
    "text/turtle": "text/turtle",
    "application/x-turtle": "text/turtle",
    "application/n-triples": "application/n-triples",
    "text/plain": "application/n-triples",
    "application/ld+json": "application/ld+json",
    "application/json": "application/ld+json",
    "application/rdf+xml": "application/rdf+xml",
    "application/xml": "application/rdf+xml",
}
_DEFAULT_MEDIA = {
    "solutions": "application/sparql-results+json",
    "boolean": "application/sparql-results+json",
    "graph": "text/turtle",
}
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class ArticleWrite:
    """Everything one article puts in the store, as the mapper produces it.

    ``article_triples`` go into the article's own graph ``graph``; ``fact_triples`` into the
    shared facts graph; ``statement_triples`` (the variant triples it states, reified) into the
    shared statements graph. All are lists of rdflib ``(subject, predicate, object)`` terms.

    An article prepared in another process travels as ``nquads`` instead (the same quads as
    N-Quads, each in its named graph; `encode_article` makes it): cheap to send between processes
    and loaded by the embedded store without converting a term in Python. `decoded` gives the
    triple lists back where a store needs them.
    """

    article_id: str
    graph: URIRef
    article_triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    fact_triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    nquads: bytes | None = None
    statement_triples: list[tuple[Node, Node, Node]] = field(default_factory=list)

    def decoded(self, base_iri: str) -> ArticleWrite:
        """This write with its triple lists filled from ``nquads`` (itself when there is none)."""
        if self.nquads is None:
            return self
        article: list[tuple[Node, Node, Node]] = []
        facts: list[tuple[Node, Node, Node]] = []
        statements: list[tuple[Node, Node, Node]] = []
        targets = {str(self.graph): article, str(facts_graph_iri(base_iri)): facts,
                   str(statements_graph_iri(base_iri)): statements}
        for quad in ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else None
            target = targets.get(name)  # type: ignore[arg-type]
            if target is None:
                raise ValueError(f"article {self.article_id!r} holds a quad outside its graph, the facts "
                                 f"graph and the statements graph: {quad}")
            target.append((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return ArticleWrite(self.article_id, self.graph, article, facts, statement_triples=statements)


def encode_article(write: ArticleWrite, base_iri: str) -> ArticleWrite:
    """The same write carried as N-Quads (see `ArticleWrite`)."""
    def converted(triples: list[tuple[Node, Node, Node]]) -> list[tuple[Any, Any, Any]]:
        return [(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]

    return encode_oxigraph(write.article_id, write.graph, converted(write.article_triples),
                           converted(write.fact_triples), base_iri, converted(write.statement_triples))


def encode_oxigraph(article_id: str, graph: URIRef, article_triples: Iterable[tuple[Any, Any, Any]],
                    fact_triples: Iterable[tuple[Any, Any, Any]], base_iri: str,
                    statement_triples: Iterable[tuple[Any, Any, Any]] = ()) -> ArticleWrite:
    """A write carried as N-Quads, from triples already converted to pyoxigraph terms."""
    own = ox.NamedNode(str(graph))
    facts = ox.NamedNode(str(facts_graph_iri(base_iri)))
    statements = ox.NamedNode(str(statements_graph_iri(base_iri)))
    quads = [ox.Quad(s, p, o, own) for s, p, o in article_triples]
    quads.extend(ox.Quad(s, p, o, facts) for s, p, o in fact_triples)
    quads.extend(ox.Quad(s, p, o, statements) for s, p, o in statement_triples)
    return ArticleWrite(article_id, graph, nquads=ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")


def facts_graph_iri(base_iri: str) -> URIRef:
    """The facts graph.

    >>> facts_graph_iri("https://w3id.org/vnkg/id/")
    rdflib.term.URIRef('https://w3id.org/vnkg/id/graph/facts')
    """
    return URIRef(base_iri + "graph/facts")


def statements_graph_iri(base_iri: str) -> URIRef:
    """The statements graph: each variant triple some article states, reified once
    (``id:statement/{hash} a rdf:Statement``); the articles that state it support it.

    >>> statements_graph_iri("https://w3id.org/vnkg/id/")
    rdflib.term.URIRef('https://w3id.org/vnkg/id/graph/statements')
    """
    return URIRef(base_iri + "graph/statements")


def reference_graph_iri(base_iri: str) -> URIRef:
    """The reference graph (provinces, reforms, concept schemes)."""
    return URIRef(base_iri + "graph/reference")


def shared_graphs(base_iri: str) -> list[tuple[URIRef, str]]:
    """The named graphs besides the articles' own, each with a short name.

    >>> [name for _, name in shared_graphs("https://w3id.org/vnkg/id/")]
    ['facts', 'statements', 'reference']
    """
    return [(facts_graph_iri(base_iri), "facts"), (statements_graph_iri(base_iri), "statements"),
            (reference_graph_iri(base_iri), "reference")]


def article_graph_prefix(base_iri: str) -> str:
    """The IRI every article graph's name starts with."""
    return base_iri + "graph/article/"


def article_graph_iri(base_iri: str, article_id: str) -> URIRef:
    """The named graph of one article (the id percent-encoded where it must be).

    >>> article_graph_iri("https://w3id.org/vnkg/id/", "a-2e4f860fef3c")
    rdflib.term.URIRef('https://w3id.org/vnkg/id/graph/article/a-2e4f860fef3c')
    """
    return URIRef(article_graph_prefix(base_iri) + quote(article_id, safe="-._~"))


def article_iri(base_iri: str, article_id: str) -> URIRef:
    """The article node itself."""
    return URIRef(base_iri + "article/" + quote(article_id, safe="-._~"))


def article_id_from_graph(base_iri: str, graph: str) -> str | None:
    """The article id a graph name stands for, or None when it is not an article graph.

    >>> article_id_from_graph("https://w3id.org/vnkg/id/", "https://w3id.org/vnkg/id/graph/article/d1")
    'd1'
    """
    prefix = article_graph_prefix(base_iri)
    if not graph.startswith(prefix):
        return None
    return unquote(graph[len(prefix):])


def check_variable(name: str) -> str:
    """A binding's variable name without its ``?``/``$``; rejects anything that is not a SPARQL name.

    >>> check_variable("?person")
    'person'
    """
    bare = name[1:] if name[:1] in ("?", "$") else name
    if not _VARIABLE.match(bare):
        raise ValueError(f"not a SPARQL variable name: {name!r}")
    return bare


def negotiate(accept: str, kind: ResultKind) -> str:
    """Pick the canonical media type to answer ``accept`` with for a result of this ``kind``.

    Honours ``q`` values and ``*/*``; raises `UnsupportedFormat` when nothing acceptable fits.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions")
    'application/sparql-results+xml'
    >>> negotiate("*/*", "graph")
    'text/turtle'
    """
    table = GRAPH_MEDIA_TYPES if kind == "graph" else RESULT_MEDIA_TYPES
    offers: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "*/*").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            offers.append((-q, index, media))
    for _, _, media in sorted(offers):
        if media in ("*/*", "application/*", "text/*"):
            return _DEFAULT_MEDIA[kind]
        if media in table:
            if kind == "boolean" and table[media] in ("text/csv", "text/tab-separated-values"):
                continue
            return table[media]
    raise UnsupportedFormat(f"cannot answer a {kind} result as {accept!r}; "
                            f"supported: {', '.join(sorted(set(table.values())))}")


@runtime_checkable
class GraphStore(Protocol):
    """One RDF store for vnkg: embedded Oxigraph or any SPARQL 1.1 server.

    Queries see the union of all named graphs as their default graph. ``bindings`` are bound as
    RDF terms, never pasted into the text: a leading ``VALUES`` block of escaped terms at the top of
    the WHERE group (`graph.binding`), on both backends alike, so a bound variable is bound before
    OPTIONAL, FILTER and GROUP BY are evaluated (rdflib's ``initBindings``); variables used only
    inside a subquery are not reached.

    Writes keep docs/MODEL.md's support rule: each article is replaced atomically, and a fact
    disappears when no article supports it any more.
    """

    @property
    def base_iri(self) -> str:
        """The namespace data IRIs (and graph names) are minted in."""
        ...

    @property
    def read_only(self) -> bool:
        """True when writes are refused."""
        ...

    def select(self, query: str, bindings: Bindings | None = None, timeout: float | None = None,
               *, max_rows: int | None = None) -> list[Row]:
        """Rows of a SELECT query as rdflib terms (at most ``max_rows`` of them)."""
        ...

    def ask(self, query: str, bindings: Bindings | None = None, timeout: float | None = None) -> bool:
        """The answer of an ASK query."""
        ...

    def construct(self, query: str, bindings: Bindings | None = None,
                  timeout: float | None = None) -> Graph:
        """The graph a CONSTRUCT or DESCRIBE query builds."""
        ...

    def query_raw(self, query: str, accept: str, *, default_graph_uris: Sequence[str] = (),
                  named_graph_uris: Sequence[str] = (), timeout: float | None = None,
                  max_rows: int | None = None) -> tuple[bytes, str]:
        """Serialised results and their media type, for the SPARQL protocol endpoint.

        Raises `QuerySyntaxError`, `QueryTimeout` or `UnsupportedFormat`.
        """
        ...

    async def query_raw_async(self, query: str, accept: str, *, default_graph_uris: Sequence[str] = (),
                              named_graph_uris: Sequence[str] = (), timeout: float | None = None,
                              max_rows: int | None = None) -> tuple[bytes, str]:
        """`query_raw` for a coroutine, without blocking the event loop."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update request (atomically, where the backend allows)."""
        ...

    def write_articles(self, writes: Sequence[ArticleWrite]) -> None:
        """Store (or replace) each article; each one is all-or-nothing."""
        ...

    def remove_article(self, article_id: str) -> bool:
        """Remove an article and every fact only it supported; False when it was not there."""
        ...

    def article_ids(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        ...

    def has_article(self, article_id: str) -> bool:
        """Whether the article's graph is in the store."""
        ...

    def ensure_reference(self, graph: Graph, version: str) -> None:
        """(Re)write the reference graph unless it is there at this ``version``."""
        ...

    def export(self, out: BinaryIO, format: ExportFormat = "nquads", graph: str | None = None) -> None:
        """Write the dataset (or one named graph) to ``out``; turtle without a graph is the union."""
        ...

    def count_quads(self, graph: str | None = None) -> int:
        """Quads in one named graph, or in all named graphs."""
        ...

    def optimize(self) -> None:
        """Reorganise storage for reading after a large load (a no-op where the server decides)."""
        ...

    def close(self) -> None:
        """Release the store (locks, connections)."""
        ...
