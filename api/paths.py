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

from .hub_index import LINK_PATTERNS, HubIndex

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


def _branch(values: str, kind: str) -> str:
    """A ``UNION`` branch (a format string) of one kind of link, from the bound ``values`` clause."""
    return "{{ " + values + "\n    GRAPH {graph} {{ " + LINK_PATTERNS[kind] + ' }} BIND("' + kind + '" AS ?kind) }}'


_HUB_BRANCHES = {kind: _branch("VALUES ?person {{ {values} }}", kind) for kind in LINK_PATTERNS}
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


_LINK_BRANCHES = {kind: _branch("VALUES (?person ?hub) {{ {pairs} }}", kind) for kind in LINK_PATTERNS}
_LINKS = _PREFIXES + """SELECT ?person ?hub ?kind (MIN(STR(?link)) AS ?myLink)
WHERE {{
  {branches}
}}
GROUP BY ?person ?hub ?kind
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


def _cite_links(store: GraphStore, steps: list[Step], timeout: float | None) -> list[Step]:
    """The steps with their links: for each end of each step, the smallest link (participation or
    tenure) joining that person to the hub, as the store's search would have picked it."""
    wanted: dict[str, set[tuple[str, str]]] = {}
    for step in steps:
        wanted.setdefault(step.kind, set()).update({(step.source, step.hub), (step.target, step.hub)})
    graph = facts_graph_iri(store.base_iri).n3()
    branches = [_LINK_BRANCHES[kind].format(
        pairs=" ".join(f"({URIRef(p).n3()} {URIRef(h).n3()})" for p, h in sorted(pairs)), graph=graph)
        for kind, pairs in sorted(wanted.items())]
    found = {(str(r["person"]), str(r["hub"]), str(r["kind"])): str(r["myLink"])
             for r in store.select(_LINKS.format(branches="\n  UNION\n  ".join(branches)), timeout=timeout)}
    return [Step(s.source, s.hub, s.kind, s.target, (found.get((s.source, s.hub, s.kind), ""),
                                                     found.get((s.target, s.hub, s.kind), ""))) for s in steps]


def _order(step: Step) -> tuple[str, str, bool, str]:
    """Which of two steps wins: the smaller source, target, an event before a body or bloc, hub."""
    return (step.source, step.target, step.kind != "event", step.hub)


class _StoreNeighbours:
    """People and hubs as the store answers them: one query for the hubs of a whole frontier, one
    for the people of many hubs (each a ``VALUES`` of IRIs that came from the store)."""

    def __init__(self, store: GraphStore, timeout: float | None) -> None:
        self.store = store
        self.timeout = timeout
        self.graph = facts_graph_iri(store.base_iri).n3()

    def _select(self, template: str, branches: list[str]) -> list[dict]:  # type: ignore[type-arg]
        return self.store.select(template.format(branches="\n  UNION\n  ".join(branches)), timeout=self.timeout)

    def hubs(self, frontier: list[str], kinds: tuple[str, ...]) -> list[tuple[str, str, str, str | None]]:
        values = _values(sorted(frontier))
        branches = [_HUB_BRANCHES[kind].format(values=values, graph=self.graph) for kind in kinds]
        return [(str(r["person"]), str(r["hub"]), str(r["kind"]), str(r["myLink"]))
                for r in self._select(_HUBS, branches)]

    def people(self, hubs: dict[str, list[str]], only: list[str] | None) -> list[tuple[str, str, str, str | None]]:
        restrict = f"VALUES ?other {{ {_values(sorted(only))} }}" if only is not None else ""
        branches = []
        for kind, iris in hubs.items():
            branch = _MEMBER_BRANCHES[kind].format(values=_values(iris), graph=self.graph)
            # the restriction goes next to the hubs' VALUES, before the GRAPH pattern
            branches.append(branch.replace("GRAPH", f"{restrict} GRAPH", 1) if restrict else branch)
        return [(str(r["hub"]), str(r["kind"]), str(r["other"]), str(r["theirLink"]))
                for r in self._select(_MEMBERS, branches)]


class _IndexNeighbours:
    """People and hubs from a `HubIndex` held in memory; links are looked up afterwards for the
    steps of the chain found (`_cite_links`)."""

    def __init__(self, index: HubIndex) -> None:
        self.index = index

    def hubs(self, frontier: list[str], kinds: tuple[str, ...]) -> list[tuple[str, str, str, str | None]]:
        return [(person, hub, kind, None) for person, hub, kind in self.index.hubs(frontier, kinds)]

    def people(self, hubs: dict[str, list[str]], only: list[str] | None) -> list[tuple[str, str, str, str | None]]:
        wanted = set(only) if only is not None else None
        return [(hub, kind, other, None)
                for hub, kind, other in self.index.people((hub, kind) for kind, iris in hubs.items() for hub in iris)
                if wanted is None or other in wanted]


class _Search:
    """Bidirectional breadth-first search on the bipartite graph of people and hubs (events, bodies
    and, as a fallback, blocs): one level of one side asks for the hubs of the whole people
    frontier, then for the people of the hubs that side has not seen yet, so a hub is fetched once
    per side however many people reach it."""

    def __init__(self, neighbours: _StoreNeighbours | _IndexNeighbours, with_blocs: bool) -> None:
        self.neighbours = neighbours
        self.kinds = ("event", "body", "bloc") if with_blocs else ("event", "body")
        self.hubs_seen: list[set[tuple[str, str]]] = [set(), set()]

    def expand(self, side: int, frontier: list[str], known: dict[str, Step | None], meet: list[str]) -> list[Step]:
        # the smallest (person, link) of the frontier reaching each hub this side has not seen
        reach: dict[tuple[str, str], tuple[str, str]] = {}
        rows = self.neighbours.hubs(frontier, self.kinds)
        for person, hub, kind, link in rows:
            key = (hub, kind)
            if key in self.hubs_seen[side]:
                continue
            candidate = (person, link or "")
            if key not in reach or candidate < reach[key]:
                reach[key] = candidate
        if not reach:
            return []
        self.hubs_seen[side].update(reach)
        # Asking only for the other side's people costs about their number times the hubs a person
        # has (the store starts from them); asking for everyone, the hubs times the people a hub
        # has. The first wins when the sides are about to meet and the other side is small.
        hubs_per_person = len(rows) / len(frontier)
        if len(meet) * hubs_per_person <= len(reach) * PEOPLE_PER_HUB:
            meeting = self._members(reach, known, meet)
            if meeting:
                return meeting
        return self._members(reach, known, None)

    def _members(self, reach: dict[tuple[str, str], tuple[str, str]], known: dict[str, Step | None],
                 only: list[str] | None) -> list[Step]:
        hubs = {kind: sorted(hub for hub, k in reach if k == kind) for kind in self.kinds}
        best: dict[str, Step] = {}
        for hub, kind, other, their_link in self.neighbours.people({k: v for k, v in hubs.items() if v}, only):
            if other in known:
                continue
            person, link = reach[(hub, kind)]
            step = Step(person, hub, kind, other, (link, their_link or ""))
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


def shortest_chain(store: GraphStore, source: str, target: str, *, timeout: float | None = None,
                   index: HubIndex | None = None) -> Chain:
    """The shortest chain of officials from ``source`` to ``target`` (person IRIs), with names,
    dates and the articles citing every link; searched in ``index`` when one is given (the same
    chain as the store's, found without a query a level)."""
    def search(with_blocs: bool) -> list[Step] | None:
        neighbours = _IndexNeighbours(index) if index is not None else _StoreNeighbours(store, timeout)
        return _Search(neighbours, with_blocs).run(source, target)

    steps = search(False)
    if steps is None:
        steps = search(True)
    if steps and index is not None:
        steps = _cite_links(store, steps, timeout)
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
