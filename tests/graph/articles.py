"""Synthetic articles shaped like the mapper's output, and store snapshots to compare."""

from __future__ import annotations

import io
from collections.abc import Mapping

from rdflib import Dataset, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import PROV, RDF, RDFS
from vnkg.graph.base import ArticleWrite, GraphStore, article_graph_iri, article_iri
from vnkg.loaders.rdf import statement_iri

from vnkg.namespaces import SCHEMA

BASE = "https://w3id.org/vnkg/id/"
PERSON = URIRef("https://schema.org/Person")


def node(path: str) -> URIRef:
    return URIRef(BASE + path)


def article(article_id: str, labels: Mapping[str, str], *, headline: str = "Tin") -> ArticleWrite:
    """An article supporting one node per key of ``labels`` (a person path), stating its label.

    Core triples (the type) go in the facts graph; the label is a variant triple, reified in the
    statements graph as an `rdf:Statement` the article supports (as the mapper writes it).
    """
    art = article_iri(BASE, article_id)
    article_triples: list = [
        (art, RDF.type, SCHEMA.NewsArticle),
        (art, SCHEMA.headline, Literal(headline, lang="vi")),
    ]
    fact_triples: list = []
    statement_triples: list = []
    for path, label in labels.items():
        subject, value = node(path), Literal(label, lang="vi")
        statement = statement_iri(BASE, subject, RDFS.label, value)
        article_triples += [(subject, PROV.wasDerivedFrom, art), (statement, PROV.wasDerivedFrom, art)]
        statement_triples += [(statement, RDF.type, RDF.Statement), (statement, RDF.subject, subject),
                              (statement, RDF.predicate, RDFS.label), (statement, RDF.object, value)]
        fact_triples += [(subject, RDF.type, PERSON), (subject, RDFS.label, value)]
    return ArticleWrite(article_id, article_graph_iri(BASE, article_id), article_triples, fact_triples,
                        statement_triples=statement_triples)


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


def stated(store: GraphStore) -> set[tuple]:
    """The variant triples the statements graph reifies."""
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?st a ?type ; ?subject ?s ; ?predicate ?p ; ?object ?o } }",
                        {"g": node("graph/statements"), "type": RDF.Statement, "subject": RDF.subject,
                         "predicate": RDF.predicate, "object": RDF.object})
    return {(r["s"], r["p"], r["o"]) for r in rows}
