"""The shortest chain between two officials: a bounded, bidirectional breadth-first search in
Python over small neighbour queries.

Two officials are neighbours when they took part in the same event or held posts in the same
body (and, when no such chain exists, when they took part in events of the same emulation bloc).
Each expansion asks the store for the hubs of a whole frontier at once, then for the people of
the hubs not seen yet (``VALUES`` of IRIs that came from the store, written with ``.n3()``), and
the side with the smaller frontier is expanded first, so a search touches only the
neighbourhoods of the two ends, each hub once per side. Every step of the
chain is cited with the articles that support both of its links.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef
from vnkg.graph.base import GraphStore, facts_graph_iri

__all__ = ["Chain", "Step", "shortest_chain"]

MAX_STEPS = 6
"""Longest chain searched for (officials in between + 1)."""
MAX_FRONTIER = 5_000
"""A frontier larger than this stops the search (the answer would mean little)."""
PEOPLE_PER_HUB = 10
"""About how many people an event or body links (for choosing between the two ways of a level)."""

_PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
"""
# {values} and {graph} are filled with .n3() terms of IRIs that came from the store or were
# minted from validated slugs; no user text reaches these queries. Each branch starts with its own
# VALUES next to plain triple patterns, so the store plans every branch from the bound nodes.
_HUB_BRANCHES = {
    "event": """{{ VALUES ?person {{ {values} }}
    GRAPH {graph} {{ ?link vnkg:participant ?person ; vnkg:event ?hub . }} BIND("event" AS ?kind) }}""",
    "body": """{{ VALUES ?person {{ {values} }}
    GRAPH {graph} {{ ?link org:member ?person ; a vnkg:Tenure ; org:organization ?hub . }} BIND("body" AS ?kind) }}""",
    "bloc": """{{ VALUES ?person {{ {values} }}
    GRAPH {graph} {{ ?link vnkg:participant ?person ; vnkg:event ?event . ?event vnkg:bloc ?hub . }}
    BIND("bloc" AS ?kind) }}""",
}
_MEMBER_BRANCHES = {
    "event": """{{ VALUES ?hub {{ {values} }}
    GRAPH {graph} {{ ?link vnkg:event ?hub ; vnkg:participant ?other . }} BIND("event" AS ?kind) }}""",
    "body": """{{ VALUES ?hub {{ {values} }}
    GRAPH {graph} {{ ?link org:organization ?hub ; a vnkg:Tenure ; org:member ?other . }} BIND("body" AS ?kind) }}""",
    "bloc": """{{ VALUES ?hub {{ {values} }}
    GRAPH {graph} {{ ?event vnkg:bloc ?hub . ?link vnkg:event ?event ; vnkg:participant ?other . }}
    BIND("bloc" AS ?kind) }}""",
}
_HUBS = _PREFIXES + """SELECT ?person ?hub ?kind (MIN(STR(?link)) AS ?myLink)
WHERE {{
  {branches}
}}
GROUP BY ?person ?hub ?kind
"""
_MEMBERS = _PREFIXES + """SELECT ?hub ?kind ?other (MIN(STR(?link)) AS ?theirLink)
WHERE {{
  {branches}
}}
GROUP BY ?hub ?kind ?other
"""
_LABELS = _PREFIXES + """SELECT ?node (MIN(?label0) AS ?label) (MIN(?date0) AS ?date)
WHERE {{
  VALUES ?node {{ {values} }}
  {{ GRAPH {graph} {{ ?node rdfs:label ?label0 }} }} UNION {{ GRAPH {graph} {{ ?node schema:name ?label0 }} }}
  OPTIONAL {{ GRAPH {graph} {{ ?node schema:startDate ?date0 }} }}
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


def _order(step: Step) -> tuple[str, str, bool, str]:
    """Which of two steps wins: the smaller source, target, an event before a body or bloc, hub."""
    return (step.source, step.target, step.kind != "event", step.hub)


class _Search:
    """Bidirectional breadth-first search on the bipartite graph of people and hubs (events, bodies
    and, as a fallback, blocs): one level of one side is two queries, one for the hubs of the whole
    people frontier and one for the people of the hubs that side has not seen yet (each a ``VALUES``
    of the whole frontier), so a hub is fetched once per side however many people reach it."""

    def __init__(self, store: GraphStore, timeout: float | None, with_blocs: bool) -> None:
        self.store = store
        self.timeout = timeout
        self.graph = facts_graph_iri(store.base_iri).n3()
        self.kinds = ("event", "body", "bloc") if with_blocs else ("event", "body")
        self.hubs_seen: list[set[tuple[str, str]]] = [set(), set()]

    def _select(self, template: str, branches: list[str]) -> list[dict]:  # type: ignore[type-arg]
        return self.store.select(template.format(branches="\n  UNION\n  ".join(branches)), timeout=self.timeout)

    def expand(self, side: int, frontier: list[str], known: dict[str, Step | None], meet: list[str]) -> list[Step]:
        values = _values(sorted(frontier))
        # the smallest (person, link) of the frontier reaching each hub this side has not seen
        reach: dict[tuple[str, str], tuple[str, str]] = {}
        branches = [_HUB_BRANCHES[kind].format(values=values, graph=self.graph) for kind in self.kinds]
        rows = self._select(_HUBS, branches)
        for row in rows:
            key = (str(row["hub"]), str(row["kind"]))
            if key in self.hubs_seen[side]:
                continue
            candidate = (str(row["person"]), str(row["myLink"]))
            if key not in reach or candidate < reach[key]:
                reach[key] = candidate
        if not reach:
            return []
        self.hubs_seen[side].update(reach)
        # First only the people of the other side's frontier: when the two sides meet at this level
        # (the last one), that small answer is all the search needs.
        # Asking only for the other side's people costs about their number times the hubs a person
        # has (the store starts from them); asking for everyone, the hubs times the people a hub
        # has. The first wins when the sides are about to meet and the other side is small.
        hubs_per_person = len(rows) / len(frontier)
        if len(meet) * hubs_per_person <= len(reach) * PEOPLE_PER_HUB:
            meeting = self._members(reach, known, f"VALUES ?other {{ {_values(sorted(meet))} }}")
            if meeting:
                return meeting
        return self._members(reach, known, "")

    def _members(self, reach: dict[tuple[str, str], tuple[str, str]], known: dict[str, Step | None],
                 restrict: str) -> list[Step]:
        branches = []
        for kind in self.kinds:
            hubs = sorted(hub for hub, k in reach if k == kind)
            if hubs:
                branch = _MEMBER_BRANCHES[kind].format(values=_values(hubs), graph=self.graph)
                # the restriction goes next to the hubs' VALUES, before the GRAPH pattern
                branches.append(branch.replace("GRAPH", f"{restrict} GRAPH", 1) if restrict else branch)
        best: dict[str, Step] = {}
        for row in self._select(_MEMBERS, branches):
            other = str(row["other"])
            if other in known:
                continue
            hub, kind = str(row["hub"]), str(row["kind"])
            person, link = reach[(hub, kind)]
            step = Step(person, hub, kind, other, (link, str(row["theirLink"])))
            held = best.get(other)
            if held is None or _order(step) < _order(held):
                best[other] = step
        return sorted(best.values(), key=_order)

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
            for step in self.expand(side, frontiers[side], parents[side], frontiers[1 - side]):
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
