"""Which layout of named graphs a store was written in, and a refusal to write to an outdated one.

Variant statements used to be written into each article's graph (``<article#st-...> a
rdf:Statement``); they now live once in the statements graph (docs/MODEL.md). The removal rule of
the current layout cannot see the old statements, so a store written the old way must be loaded
again from its facts files rather than added to.
"""

from __future__ import annotations

from rdflib.namespace import RDF

from .base import GraphStore, statements_graph_iri
from .errors import StoreError

__all__ = ["OutdatedStore", "check_layout"]


class OutdatedStore(StoreError):  # noqa: N818  named for what it refuses
    """The store was written in a layout this version no longer writes to."""


def check_layout(store: GraphStore) -> None:
    """Raise `OutdatedStore` when variant statements sit in article graphs (the layout before the
    statements graph). Two index lookups: the statements graph has a triple, or no graph has a
    ``rdf:subject`` at all."""
    statements = statements_graph_iri(store.base_iri)
    if store.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": statements}):
        return
    if store.ask("ASK { GRAPH ?g { ?st ?subject ?s } }", {"subject": RDF.subject}):
        raise OutdatedStore(
            "this store holds variant statements inside article graphs, the layout before the statements "
            f"graph <{statements}>; load its facts files into a new store (docs/MODEL.md, Support and removal)")
