"""Synthetic articles shaped like the mapper's output, and store snapshots to compare."""

from __future__ import annotations

import io
from collections.abc import Mapping

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import PROV, RDF, RDFS
from vnkg.graph.base import ArticleWrite, GraphStore, article_graph_iri, article_iri

from vnkg.namespaces import SCHEMA

BASE = "https://w3id.org/vnkg/id/"
PERSON = URIRef("https://schema.org/Person")


def node(path: str) -> URIRef:
    return URIRef(BASE + path)


def article(article_id: str, labels: Mapping[str, str], *, headline: str = "Tin") -> ArticleWrite:
    """An article supporting one node per key of ``labels`` (a person path), stating its label.

    Core triples (the type) go in the facts graph; the label is a variant triple, recorded in
    the article graph as an `rdf:Statement` (a blank node, as the mapper writes it).
    """
    art = article_iri(BASE, article_id)
    article_triples: list = [
        (art, RDF.type, SCHEMA.NewsArticle),
        (art, SCHEMA.headline, Literal(headline, lang="vi")),
    ]
    fact_triples: list = []
    for path, label in labels.items():
        subject = node(path)
        article_triples.append((subject, PROV.wasDerivedFrom, art))
        statement = BNode()
        article_triples += [(statement, RDF.type, RDF.Statement), (statement, RDF.subject, subject),
                            (statement, RDF.predicate, RDFS.label),
                            (statement, RDF.object, Literal(label, lang="vi"))]
        fact_triples += [(subject, RDF.type, PERSON), (subject, RDFS.label, Literal(label, lang="vi"))]
    return ArticleWrite(article_id, article_graph_iri(BASE, article_id), article_triples, fact_triples)


def snapshot(store: GraphStore) -> dict[str, frozenset]:
    """Every named graph's triples, blank nodes canonicalised, from an N-Quads export."""
    out = io.BytesIO()
    store.export(out, "nquads")
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    graphs = {}
    for graph in dataset.graphs():
        if len(graph) and isinstance(graph.identifier, URIRef):
            graphs[str(graph.identifier)] = frozenset(to_canonical_graph(graph))
    return graphs


def facts(store: GraphStore) -> set[tuple]:
    """The facts graph's triples."""
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": node("graph/facts")})
    return {(r["s"], r["p"], r["o"]) for r in rows}
