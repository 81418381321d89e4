"""The people-hub graph that `/path` searches, held in memory for a read-only embedded store.

Two officials are linked through a hub: an event both took part in, a body both held posts in,
or (the fallback) a bloc whose events both attended. `vnkg.api.paths` searches that bipartite
graph level by level; with the SPARQL store every level is two queries whose cost grows with the
frontier (hundreds of milliseconds at 100,000 articles). A read-only store does not change until
it is refreshed, so the graph is read once per snapshot (in the background, see
`vnkg.api.snapshots`) into arrays of integers, and a level becomes a few dictionary lookups.
Only which person reaches which hub is kept: the links (participation and tenure nodes) that a
chain's steps cite are looked up for the steps of the chain found.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from vnkg.graph.base import GraphStore, facts_graph_iri

__all__ = ["KINDS", "LINK_PATTERNS", "HubIndex", "build_hub_index"]

KINDS = ("event", "body", "bloc")
_VNKG = "https://w3id.org/vnkg/ontology#"
_ORG = "http://www.w3.org/ns/org#"


@dataclass
class _Edges:
    """One kind of link: person number -> hub numbers and hub number -> person numbers (each pair
    once: the pairs come from ``SELECT DISTINCT``)."""

    hubs_of: dict[int, array] = field(default_factory=dict)  # type: ignore[type-arg]
    people_of: dict[int, array] = field(default_factory=dict)  # type: ignore[type-arg]

    def add(self, person: int, hub: int) -> None:
        self.hubs_of.setdefault(person, array("I")).append(hub)
        self.people_of.setdefault(hub, array("I")).append(person)


@dataclass
class HubIndex:
    """People and hubs as integers, and who reaches what, per kind of hub."""

    iris: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)
    edges: dict[str, _Edges] = field(default_factory=lambda: {kind: _Edges() for kind in KINDS})

    def number(self, iri: str) -> int:
        found = self.numbers.get(iri)
        if found is None:
            found = self.numbers[iri] = len(self.iris)
            self.iris.append(iri)
        return found

    def hubs(self, people: Iterable[str], kinds: Iterable[str]) -> Iterator[tuple[str, str, str]]:
        """(person, hub, kind) for every hub of these people."""
        for kind in kinds:
            edges = self.edges[kind]
            for person in people:
                number = self.numbers.get(person)
                if number is None:
                    continue
                for hub in edges.hubs_of.get(number, ()):
                    yield person, self.iris[hub], kind

    def people(self, hubs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
        """(hub, kind, person) for every person of these (hub, kind) pairs."""
        for hub, kind in hubs:
            number = self.numbers.get(hub)
            if number is None:
                continue
            for person in self.edges[kind].people_of.get(number, ()):
                yield hub, kind, self.iris[person]

    @property
    def size(self) -> int:
        """Person-hub pairs held (each once a side)."""
        return sum(len(v) for e in self.edges.values() for v in e.hubs_of.values())


LINK_PATTERNS = {
    "event": "?link vnkg:participant ?person ; vnkg:event ?hub .",
    "body": "?link org:member ?person ; a vnkg:Tenure ; org:organization ?hub .",
    "bloc": "?link vnkg:participant ?person ; vnkg:event ?event . ?event vnkg:bloc ?hub .",
}
"""How a person reaches a hub of each kind, through ``?link`` (a participation or a tenure): the
one definition the in-memory graph and the queries of `vnkg.api.paths` share."""
_PREFIXES = f"PREFIX vnkg: <{_VNKG}>\nPREFIX org: <{_ORG}>\n"


def build_hub_index(store: GraphStore) -> HubIndex:
    """Read the people-hub graph of the facts graph (an embedded store only: the pairs are
    streamed from its own query engine, without rdflib terms)."""
    oxigraph: ox.Store = store.oxigraph  # type: ignore[attr-defined]
    facts = facts_graph_iri(store.base_iri).n3()  # an IRI minted from the configured base
    index = HubIndex()
    for kind in KINDS:
        edges = index.edges[kind]
        query = f"{_PREFIXES}SELECT DISTINCT ?person ?hub WHERE {{ GRAPH {facts} {{ {LINK_PATTERNS[kind]} }} }}"
        for person, hub in oxigraph.query(query):
            if isinstance(person, ox.NamedNode) and isinstance(hub, ox.NamedNode):
                edges.add(index.number(person.value), index.number(hub.value))
    return index
