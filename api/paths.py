"""The shortest chain between two officials: a bounded, bidirectional breadth-first search in
Python over small neighbour queries.

Two officials are neighbours when they took part in the same event or held posts in the same
body (and, when no such chain exists, when they took part in events of the same emulation bloc).
Each expansion asks the store for the neighbours of a whole frontier at once (``VALUES`` of
IRIs that came from the store, written with ``.n3()``), and the side with the smaller frontier
is expanded first, so a search touches only the neighbourhoods of the two ends. Every step of the
chain is cited with the articles that support both of its links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rdflib import URIRef
from vnkg.graph.base import GraphStore, facts_graph_iri

__all__ = ["Chain", "Step", "shortest_chain"]

MAX_STEPS = 6
"""Longest chain searched for (officials in between + 1)."""
MAX_FRONTIER = 5_000
"""A frontier larger than this stops the search (the answer would mean little)."""
_CHUNK = 400

_PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
"""
# {values} and {graph} are filled with .n3() terms of IRIs that came from the store or were
# minted from validated slugs; no user text reaches these queries.
_NEIGHBOURS = _PREFIXES + """SELECT ?person ?hub ?kind ?other
  (SAMPLE(?mine) AS ?myLink) (SAMPLE(?theirs) AS ?theirLink)
WHERE {{
  VALUES ?person {{ {values} }}
  GRAPH {graph} {{
    {{
      ?mine vnkg:participant ?person ; vnkg:event ?hub .
      ?theirs vnkg:event ?hub ; vnkg:participant ?other .
      BIND("event" AS ?kind)
    }} UNION {{
      ?mine org:member ?person ; a vnkg:Tenure ; org:organization ?hub .
      ?theirs org:organization ?hub ; a vnkg:Tenure ; org:member ?other .
      BIND("body" AS ?kind)
    }}
  }}
  FILTER(?other != ?person)
}}
GROUP BY ?person ?hub ?kind ?other
"""
_BLOC_NEIGHBOURS = _PREFIXES + """SELECT ?person ?hub ?kind ?other
  (SAMPLE(?mine) AS ?myLink) (SAMPLE(?theirs) AS ?theirLink)
WHERE {{
  VALUES ?person {{ {values} }}
  GRAPH {graph} {{
    ?mine vnkg:participant ?person ; vnkg:event ?myEvent .
    ?myEvent vnkg:bloc ?hub .
    ?theirEvent vnkg:bloc ?hub .
    ?theirs vnkg:event ?theirEvent ; vnkg:participant ?other .
  }}
  FILTER(?other != ?person)
  BIND("bloc" AS ?kind)
}}
GROUP BY ?person ?hub ?kind ?other
"""
_LABELS = _PREFIXES + """SELECT ?node (MIN(?label0) AS ?label) (MIN(?date0) AS ?date)
WHERE {{
  VALUES ?node {{ {values} }}
  GRAPH {graph} {{
    {{ ?node rdfs:label ?label0 }} UNION {{ ?node schema:name ?label0 }}
    OPTIONAL {{ ?node schema:startDate ?date0 }}
  }}
}}
GROUP BY ?node
"""
_CITATIONS = _PREFIXES + """SELECT ?link ?article ?headline ?published
WHERE {{
  VALUES ?link {{ {values} }}
  GRAPH ?g {{
    ?link prov:wasDerivedFrom ?article .
    OPTIONAL {{ ?article schema:headline ?headline }}
    OPTIONAL {{ ?article schema:datePublished ?published }}
  }}
}}
ORDER BY ?link ?published ?article
"""


@dataclass(frozen=True)
class Step:
    """``source`` and ``target`` both linked to ``hub`` (an event, body or bloc) by ``links``."""

    source: str
    hub: str
    kind: str
    target: str
    links: tuple[str, str]


@dataclass
class Chain:
    """A shortest chain (empty ``steps`` when the two ends are the same or nothing joins them)."""

    source: str
    target: str
    found: bool
    steps: list[Step] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)
    citations: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _values(iris: Iterable[str]) -> str:
    return " ".join(URIRef(iri).n3() for iri in iris)


def _chunks(items: Sequence[str], size: int = _CHUNK) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Search:
    def __init__(self, store: GraphStore, timeout: float | None, with_blocs: bool) -> None:
        self.store = store
        self.timeout = timeout
        self.graph = facts_graph_iri(store.base_iri).n3()
        self.templates = [_NEIGHBOURS] + ([_BLOC_NEIGHBOURS] if with_blocs else [])

    def expand(self, frontier: list[str]) -> list[Step]:
        steps = []
        for template in self.templates:
            for chunk in _chunks(sorted(frontier)):
                query = template.format(values=_values(chunk), graph=self.graph)
                for row in self.store.select(query, timeout=self.timeout):
                    steps.append(Step(str(row["person"]), str(row["hub"]), str(row["kind"]), str(row["other"]),
                                      (str(row["myLink"]), str(row["theirLink"]))))
        steps.sort(key=lambda s: (s.source, s.target, s.kind != "event", s.hub))
        return steps

    def run(self, source: str, target: str) -> list[Step] | None:
        if source == target:
            return []
        # parents[side][person] = the step that reached person from that side's end
        parents: list[dict[str, Step | None]] = [{source: None}, {target: None}]
        frontiers = [[source], [target]]
        for _ in range(MAX_STEPS):
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            if not frontiers[side] or len(frontiers[side]) > MAX_FRONTIER:
                return None
            nxt: list[str] = []
            meeting: str | None = None
            for step in self.expand(frontiers[side]):
                if step.target in parents[side]:
                    continue
                parents[side][step.target] = step
                nxt.append(step.target)
                if meeting is None and step.target in parents[1 - side]:
                    meeting = step.target
            if meeting is not None:
                return self._join(parents, meeting)
            frontiers[side] = nxt
        return None

    @staticmethod
    def _join(parents: list[dict[str, Step | None]], meeting: str) -> list[Step]:
        forward: list[Step] = []
        node = meeting
        while (step := parents[0][node]) is not None:
            forward.append(step)
            node = step.source
        forward.reverse()
        node = meeting
        while (step := parents[1][node]) is not None:
            # the backward side walked target -> meeting; turn each step around
            forward.append(Step(step.target, step.hub, step.kind, step.source, (step.links[1], step.links[0])))
            node = step.source
        return forward


def shortest_chain(store: GraphStore, source: str, target: str, *, timeout: float | None = None) -> Chain:
    """The shortest chain of officials from ``source`` to ``target`` (person IRIs), with names,
    dates and the articles citing every link."""
    steps = _Search(store, timeout, with_blocs=False).run(source, target)
    if steps is None:
        steps = _Search(store, timeout, with_blocs=True).run(source, target)
    chain = Chain(source, target, steps is not None, steps or [])
    nodes = {source, target} | {s.hub for s in chain.steps} | {s.target for s in chain.steps}
    graph = facts_graph_iri(store.base_iri).n3()
    for row in store.select(_LABELS.format(values=_values(sorted(nodes)), graph=graph), timeout=timeout):
        if row.get("label") is not None:
            chain.labels[str(row["node"])] = str(row["label"])
        if row.get("date") is not None:
            chain.dates[str(row["node"])] = str(row["date"])
    links = sorted({link for s in chain.steps for link in s.links})
    if links:
        for row in store.select(_CITATIONS.format(values=_values(links)), timeout=timeout):
            chain.citations.setdefault(str(row["link"]), []).append(
                (str(row["article"]), _text(row.get("headline")), _text(row.get("published"))))
    return chain
