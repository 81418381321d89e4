"""The store: one interface over an embedded Oxigraph store and any SPARQL 1.1 server.

``open_store(settings)`` gives a `GraphStore`; the mapper hands it `ArticleWrite`s.
"""

from .base import (
    ArticleWrite,
    GraphStore,
    article_graph_iri,
    facts_graph_iri,
    reference_graph_iri,
    statements_graph_iri,
)
from .errors import (
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
    StoreUnavailable,
    UnsupportedFormat,
)
from .factory import open_store

__all__ = [
    "ArticleWrite",
    "GraphStore",
    "QuerySyntaxError",
    "QueryTimeout",
    "ReadOnlyStore",
    "StoreError",
    "StoreLocked",
    "StoreUnavailable",
    "UnsupportedFormat",
    "article_graph_iri",
    "facts_graph_iri",
    "open_store",
    "reference_graph_iri",
    "statements_graph_iri",
]
