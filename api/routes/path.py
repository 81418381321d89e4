"""``/path``: the shortest chain between two officials through shared events, bodies or blocs,
each step cited with the articles that support it.

On a read-only embedded store the search runs over the people-hub graph held in memory
(`vnkg.api.hub_index`, read once per snapshot in the background, from the first request on);
until it is ready, and on other stores, it runs as queries to the store. Both find the same chain.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Annotated

from fastapi import APIRouter, Query
from rdflib import URIRef
from vnkg.graph.base import GraphStore

from ..deps import SettingsDep, StoreDep
from ..hub_index import HubIndex, build_hub_index
from ..models import PathResult, PathStep, Source, local_id, make_ref
from ..paths import shortest_chain
from ..snapshots import per_embedded_snapshot, ready
from .officials import official_ref

__all__ = ["hub_index", "hub_index_future", "router"]

router = APIRouter(tags=["path"])


def hub_index_future(store: GraphStore) -> Future[HubIndex] | None:
    """The reading of the store's people-hub graph (started now if it was not), or None for a store
    whose data can change or that is not read from its own indexes."""
    return per_embedded_snapshot("hub-index", store, build_hub_index)


def hub_index(store: GraphStore) -> HubIndex | None:
    """The store's people-hub graph in memory if it is ready (its reading is started if not)."""
    return ready(hub_index_future(store))



@router.get("/path", summary="The shortest chain between two officials, each step cited", response_model=PathResult,
            responses={404: {"description": "Unknown official."}})
def get_path(
    store: StoreDep, settings: SettingsDep,
    source: Annotated[str, Query(alias="from", pattern=r"^[a-z0-9-]+$", max_length=200,
                                 description="The first official (last segment of the IRI).",
                                 examples=["nguyen-dang-binh--bac-kan"])],
    target: Annotated[str, Query(alias="to", pattern=r"^[a-z0-9-]+$", max_length=200,
                                 description="The second official (last segment of the IRI).",
                                 examples=["nguyen-van-son--tuyen-quang"])],
) -> PathResult:
    start, _, _ = official_ref(store, settings, source)
    end, _, _ = official_ref(store, settings, target)
    base = store.base_iri
    chain = shortest_chain(store, str(URIRef(start.iri)), str(URIRef(end.iri)), timeout=settings.query_timeout,
                           index=hub_index(store))
    steps = []
    for step in chain.steps:
        sources: dict[str, Source] = {}
        for link in step.links:
            for article, headline, published in chain.citations.get(link, []):
                sources.setdefault(article, Source(iri=article, id=local_id(article, base), headline=headline,
                                                   published=published))
        via = make_ref(step.hub, base, chain.labels.get(step.hub))
        steps.append(PathStep(source=make_ref(step.source, base, chain.labels.get(step.source)), via=via,
                              via_kind=step.kind, target=make_ref(step.target, base, chain.labels.get(step.target)),
                              sources=list(sources.values())))
    return PathResult(source=start, target=end, found=chain.found, length=len(steps) if chain.found else None,
                      steps=steps)
