"""SPARQL Update text for writing, replacing and removing articles (docs/MODEL.md support rule).

Every term in the text is serialised with rdflib's ``.n3()`` (after a type check), never pasted
from a raw string, so a value cannot change the shape of the request. Both backends send these
requests; the embedded store runs one request as one transaction, and so does a SPARQL 1.1 server
that applies each update request atomically (Oxigraph, Fuseki).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF

from .base import ArticleWrite, article_graph_prefix, facts_graph_iri, statements_graph_iri

# What SPARQL's IRIREF excludes: a value with one of these could end the <...> early.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_BNODE_LABEL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")

__all__ = [
    "insert_article_data",
    "n3",
    "reference_update",
    "remove_article_update",
    "replace_article_update",
]


def n3(term: Any) -> str:
    """The SPARQL form of one rdflib term; anything that is not an rdflib term is refused.

    >>> n3(Literal('say "hi" }'))
    '"say \\\\"hi\\\\" }"'
    >>> n3("plain string")
    Traceback (most recent call last):
    ...
    TypeError: not an RDF term: 'plain string'
    """
    if isinstance(term, URIRef):
        if _BAD_IRI.search(term):
            raise ValueError(f"not a valid IRI (it holds a character IRIs may not): {str(term)!r}")
        return term.n3()
    if isinstance(term, BNode):
        if not _BNODE_LABEL.match(term):
            raise ValueError(f"not a usable blank node label: {str(term)!r}")
        return term.n3()
    if isinstance(term, Literal):
        return term.n3()
    raise TypeError(f"not an RDF term: {term!r}")


def _triples_block(triples: Iterable[tuple[Any, Any, Any]]) -> str:
    return "\n".join(f"{n3(s)} {n3(p)} {n3(o)} ." for s, p, o in triples)


def remove_article_update(base_iri: str, graph: URIRef) -> str:
    """The removal rule for the article stored in ``graph``, as one request.

    1. variant triples whose statement (``id:statement/...`` in the statements graph) no other
       article supports are deleted from the facts graph, and so is the statement;
    2. nodes only this article supports lose all their facts-graph triples;
    3. the article graph is dropped.
    """
    g = n3(graph)
    facts = n3(facts_graph_iri(base_iri))
    statements = n3(statements_graph_iri(base_iri))
    prefix = n3(Literal(article_graph_prefix(base_iri)))
    derived = n3(PROV.wasDerivedFrom)
    other = f"FILTER(?g2 != {g} && STRSTARTS(STR(?g2), {prefix}))"
    variants = (
        f"DELETE {{ GRAPH {facts} {{ ?s ?p ?o }} GRAPH {statements} {{ ?st ?sp ?so }} }}\n"
        f"WHERE {{\n"
        f"  GRAPH {g} {{ ?st {derived} ?article }}\n"
        f"  GRAPH {statements} {{ ?st {n3(RDF.subject)} ?s ; {n3(RDF.predicate)} ?p ; {n3(RDF.object)} ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?st {derived} ?other }} {other} }}\n"
        f"  GRAPH {statements} {{ ?st ?sp ?so }}\n"
        f"}}"
    )
    nodes = (
        f"DELETE {{ GRAPH {facts} {{ ?n ?p ?o }} }}\n"
        f"WHERE {{\n"
        f"  GRAPH {g} {{ ?n {derived} ?article }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?n {derived} ?other }} {other} }}\n"
        f"  GRAPH {facts} {{ ?n ?p ?o }}\n"
        f"}}"
    )
    drop = f"DROP SILENT GRAPH {g}"
    return ";\n".join((variants, nodes, drop))


def insert_article_data(base_iri: str, write: ArticleWrite) -> str:
    """``INSERT DATA`` putting one article's triples in its graph, its facts in the facts graph and
    its variant statements in the statements graph."""
    parts = []
    for name, triples in ((write.graph, write.article_triples), (facts_graph_iri(base_iri), write.fact_triples),
                          (statements_graph_iri(base_iri), write.statement_triples)):
        if triples:
            parts.append(f"GRAPH {n3(name)} {{\n{_triples_block(triples)}\n}}")
    if not parts:
        return ""
    return "INSERT DATA {\n" + "\n".join(parts) + "\n}"


def replace_article_update(base_iri: str, write: ArticleWrite) -> str:
    """One request that removes the article's previous version (if any) and inserts this one.

    >>> w = ArticleWrite("d1", URIRef("http://x/graph/article/d1"),
    ...                  [(URIRef("http://x/a"), RDF.type, URIRef("http://x/T"))], [])
    >>> text = replace_article_update("http://x/", w)
    >>> text.count("DELETE"), "DROP SILENT GRAPH <http://x/graph/article/d1>" in text
    (2, True)
    """
    insert = insert_article_data(base_iri, write)
    remove = remove_article_update(base_iri, write.graph)
    return f"{remove};\n{insert}" if insert else remove


def reference_update(base_iri: str, graph_iri: URIRef, graph: Graph, version: str) -> str:
    """Replace the reference graph by ``graph``, recording ``version`` as its ``owl:versionInfo``."""
    g = n3(graph_iri)
    triples = list(graph.triples((None, None, None)))
    triples.append((graph_iri, OWL.versionInfo, Literal(version)))
    return f"DROP SILENT GRAPH {g};\nINSERT DATA {{ GRAPH {g} {{\n{_triples_block(triples)}\n}} }}"


