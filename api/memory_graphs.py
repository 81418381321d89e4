"""The facts and reference graphs of a read-only embedded store, held in memory for the named
queries that read nothing else.

Entity pages are lookups: a province's blocs by year, an official's events, a bloc's members. On
the on-disk store each lookup is a RocksDB seek (~7 µs at 100,000 articles), and a province's page
makes some 4,000 of them. A read-only store does not change until it is refreshed, so once per
snapshot the two graphs every page reads (the facts graph: 2.25 M quads at 100,000 articles, and the
reference graph) are copied into an in-memory store in the background (`vnkg.api.snapshots`); a
named query whose every pattern is inside ``GRAPH ?factsGraph`` or ``GRAPH ?referenceGraph``
(`NamedQuery.graphs_read`) then runs there, 2-5x faster. Queries that read an article's graph
(sources, evidence, first and last seen) stay on disk, as do all queries until the copy is ready,
on stores that can change and on SPARQL servers. The answers are the same: the copy holds the same
quads (the graphs have no blank nodes: every node is named by an IRI, see docs/MODEL.md).

The copy costs about 530 bytes a quad in each server process; it is made only when the estimate
(`BYTES_PER_QUAD`) fits ``Settings.memory_graphs_mb`` (0 turns it off).
"""

from __future__ import annotations

import logging
from concurrent.futures import Future

from vnkg.graph.base import GraphStore, facts_graph_iri, reference_graph_iri
from vnkg.graph.embedded import EmbeddedStore
from vnkg.graph.errors import StoreError
from vnkg.queries import NamedQuery

from vnkg.settings import Settings

from .snapshots import per_snapshot, ready

__all__ = ["BYTES_PER_QUAD", "COPIED", "memory_graphs", "memory_graphs_future", "store_for"]

log = logging.getLogger(__name__)

COPIED = frozenset({"factsGraph", "referenceGraph"})
"""The graph variables of the named queries whose graphs are copied."""
BYTES_PER_QUAD = 600
"""Memory a quad of the copy is reckoned to take (measured: 530 bytes at 2.25 M quads)."""


def memory_graphs_future(store: GraphStore, settings: Settings) -> Future[EmbeddedStore | None] | None:
    """The future copy of this snapshot (started now if it was not yet; its result is None when
    the graphs do not fit or could not be copied), or None when there is none to make: the store
    can change, is not embedded, or copies are turned off."""
    if not isinstance(store, EmbeddedStore) or settings.memory_graphs_mb <= 0:
        return None
    budget = settings.memory_graphs_mb * 2**20
    return per_snapshot(f"memory-graphs-{budget}", store, lambda s: _copy(s, budget))  # type: ignore[arg-type]


def memory_graphs(store: GraphStore, settings: Settings) -> EmbeddedStore | None:
    """The copy of the store's current snapshot when it is ready, else None (without waiting)."""
    return ready(memory_graphs_future(store, settings))


def store_for(store: GraphStore, settings: Settings, query: NamedQuery) -> GraphStore:
    """Where to run ``query``: the in-memory copy when it holds every graph the query reads and is
    ready, else ``store`` itself."""
    graphs = query.graphs_read
    if graphs is None or not graphs <= COPIED:
        return store
    return memory_graphs(store, settings) or store


def _copy(store: EmbeddedStore, budget: int) -> EmbeddedStore | None:
    """The copy, or None (not retried for this snapshot) when it does not fit or fails."""
    graphs = [str(facts_graph_iri(store.base_iri)), str(reference_graph_iri(store.base_iri))]
    try:
        needed = sum(store.count_quads(graph) for graph in graphs) * BYTES_PER_QUAD
        if needed > budget:
            log.warning("the facts and reference graphs would take ~%.0f MiB in memory, more than the %.0f MiB "
                        "allowed (memory_graphs_mb): queries read them from disk", needed / 2**20, budget / 2**20)
            return None
        return store.copy_in_memory(graphs)
    except (OSError, StoreError) as e:
        log.warning("could not copy the facts and reference graphs into memory (%s): queries read them from disk", e)
        return None
