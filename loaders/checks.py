"""Whole-store checks and figures: SHACL article by article, cross-article SPARQL checks, counts.

pyshacl over a whole large graph re-runs its SPARQL constraints per focus node and does not finish
at scale, so the store is validated as it was loaded: each article's graph with the facts it
supports and the reference data it points to, then the rules that span articles
(`ontology/checks/*-violation.rq`), each of which must return no rows.
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import URIRef
from vnkg.graph.base import GraphStore, article_graph_iri, article_iri, facts_graph_iri, statements_graph_iri
from vnkg.loaders.rdf import VARIANT_PREDICATES, MappedArticle
from vnkg.loaders.validate import Engine, violations

from vnkg.namespaces import ORG, PROV, RDF, SCHEMA, VNKG

_ARTICLE_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_SUPPORTED_QUERY = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  GRAPH ?g {{ ?s <{PROV.wasDerivedFrom}> ?a }}
  GRAPH ?shared {{ ?s ?p ?o }}
}}"""
"""The triples of the nodes an article supports, in one shared graph (facts or statements)."""

STAT_CLASSES: dict[str, URIRef] = {
    "people": SCHEMA.Person, "posts": ORG.Post, "tenures": VNKG.Tenure, "bodies": ORG.Organization,
    "blocs": VNKG.EmulationBloc, "memberships": VNKG.BlocMembership, "leaderships": VNKG.BlocLeadership,
    "conferences": VNKG.Conference, "signings": VNKG.PactSigning, "launches": VNKG.Launch,
    "participations": VNKG.Participation, "awards": VNKG.AwardConferral,
}


def stored_article(store: GraphStore, article_id: str) -> MappedArticle:
    """One stored article as the mapper produced it: its graph, the core triples of the nodes it
    supports, the statements it supports, and of the variant triples only those it states itself."""
    base = store.base_iri
    graph = article_graph_iri(base, article_id)
    own = store.construct(_ARTICLE_QUERY, {"g": graph})
    statements = store.construct(_SUPPORTED_QUERY, {"g": graph, "shared": statements_graph_iri(base)})
    stated = {(statements.value(st, RDF.subject), statements.value(st, RDF.predicate),
               statements.value(st, RDF.object)) for st in statements.subjects(RDF.type, RDF.Statement)}
    facts = [triple for triple in store.construct(_SUPPORTED_QUERY, {"g": graph, "shared": facts_graph_iri(base)})
             if triple[1] not in VARIANT_PREDICATES or triple in stated]
    return MappedArticle(article_id, article_iri(base, article_id), graph, "", article_triples=list(own),
                         fact_triples=facts, statement_triples=list(statements))


def cross_article_problems(store: GraphStore) -> list[str]:
    """Rows returned by the `*-violation.rq` checks, one line each."""
    from vnkg.ontology import violation_checks

    problems = []
    for name, query in sorted(violation_checks().items()):
        for row in store.select(query):
            values = ", ".join(f"{key}={value}" for key, value in sorted(row.items()))
            problems.append(f"{name}: {values}")
    return problems


def validate_store(store: GraphStore, progress: Callable[[int], None] | None = None,
                   engine: Engine = "fast") -> list[str]:
    """Every problem in the store, as lines that say what and where; empty when it conforms."""
    problems: list[str] = []
    for article_id in store.article_ids():
        for violation in violations(stored_article(store, article_id), store.base_iri, engine):
            problems.append(f"article {article_id}: {violation}")
        if progress is not None:
            progress(1)
    problems.extend(cross_article_problems(store))
    return problems


def entity_counts(store: GraphStore) -> dict[str, int]:
    """Counts of each kind of node and of articles: index lookups, cheap at any size."""
    # The facts graph and the classes are IRIs of our own, escaped by .n3(); grouping by ?class
    # keeps each count to its class (a trailing VALUES binding would join only after grouping).
    classes = " ".join(cls.n3() for cls in STAT_CLASSES.values())
    query = (f"SELECT ?class (COUNT(?x) AS ?n) WHERE {{ VALUES ?class {{ {classes} }} "
             f"GRAPH {facts_graph_iri(store.base_iri).n3()} {{ ?x a ?class }} }} GROUP BY ?class")
    counts = {row["class"]: int(row["n"]) for row in store.select(query)}
    figures = {name: counts.get(cls, 0) for name, cls in STAT_CLASSES.items()}
    rows = store.select("SELECT (COUNT(?a) AS ?n) WHERE { GRAPH ?g { ?a a ?type } }", {"type": SCHEMA.NewsArticle})
    figures["articles"] = int(rows[0]["n"]) if rows else 0
    return figures


def store_stats(store: GraphStore) -> dict[str, int]:
    """Counts of each kind of node, of articles and of quads."""
    return {**entity_counts(store), "quads": store.count_quads()}
