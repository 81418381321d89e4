"""What a province's page reads besides its awards, for every province at once: the rows of
`province`, `province_blocs` and `province_officials`, kept per snapshot of a read-only store.

A province's page ran these three queries on every request: at 100,000 articles some 270
membership rows, ~74 officials and the province's own reference data, turned into rdflib terms and
sorted, 11 ms at p50 in slow phases of the host against a target of 10. A read-only store does not
change until it is refreshed, so once per snapshot, in the background (`vnkg.api.snapshots`), the
same three named queries are run for every province at once (`vnkg.api.page_rows`) and their rows
kept by province; a page then looks its province up. The awards still come from their order kept
per province (`vnkg.api.listings`) and one query for the awards shown.

Until the index is ready, on stores that can change and on SPARQL servers, the page runs the queries.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

from vnkg.graph.base import GraphStore, reference_graph_iri

from vnkg.namespaces import VNKG
from vnkg.settings import Settings

from .memory_graphs import memory_graphs_future
from .page_rows import entity_ids, rows_by_entity
from .snapshots import per_snapshot, ready

__all__ = ["OFFICIALS_SHOWN", "PAGE_QUERIES", "ProvinceIndex", "ProvinceRows", "build_province_index",
           "province_index", "province_index_future"]

OFFICIALS_SHOWN = 500
"""The most officials a province's page lists."""

PAGE_QUERIES: tuple[tuple[str, int | None], ...] = (
    ("province", None), ("province_blocs", None), ("province_officials", OFFICIALS_SHOWN))
"""The named queries a province's page reads besides its awards, in this order, with their limits."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ProvinceRows:
    """One province's rows of `PAGE_QUERIES`, each as the query gives them (`in_page_order`)."""

    province: tuple[dict[str, Any], ...]
    blocs: tuple[dict[str, Any], ...]
    officials: tuple[dict[str, Any], ...]


_NONE = ProvinceRows((), (), ())


@dataclass(frozen=True)
class ProvinceIndex:
    """Every province's rows by the province's id (the last segment of its IRI), and what pages
    built from them (`built`)."""

    provinces: dict[str, ProvinceRows]
    _built: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def rows(self, province_id: str) -> ProvinceRows:
        """The province's rows (none for an id that names no province, as the queries give)."""
        return self.provinces.get(province_id, _NONE)

    def built(self, province_id: str, build: Callable[[ProvinceRows], T]) -> T:
        """``build(rows)`` of the province's rows, made on the first call for the province and kept
        with the snapshot's rows (what a page shows does not change with them). A ``build`` that
        raises keeps nothing, so unknown ids are not kept either."""
        found = self._built.get(province_id)
        if found is None:
            found = self._built.setdefault(province_id, build(self.rows(province_id)))
        return found  # type: ignore[no-any-return]


def build_province_index(store: GraphStore, settings: Settings) -> ProvinceIndex:
    """Run the page's three queries for every province of ``store`` (a few dozen: one query each),
    on the in-memory copy of the graphs when there is one (waited for)."""
    copy = memory_graphs_future(store, settings)
    if copy is not None:
        copy.result()
    ids = entity_ids(store, str(VNKG.Province), reference_graph_iri(store.base_iri))
    province, blocs, officials = (rows_by_entity(store, settings, name, "province", ids, limit)
                                  for name, limit in PAGE_QUERIES)
    return ProvinceIndex({
        key: ProvinceRows(tuple(province.get(key, ())), tuple(blocs.get(key, ())), tuple(officials.get(key, ())))
        for key in ids})


def province_index_future(store: GraphStore, settings: Settings) -> Future[ProvinceIndex] | None:
    """The indexing of the store's provinces (started now if it was not), or None for a store whose
    data can change or that is not embedded."""
    if not hasattr(store, "oxigraph"):
        return None
    return per_snapshot("province-index", store, lambda s: build_province_index(s, settings))


def province_index(store: GraphStore, settings: Settings) -> ProvinceIndex | None:
    """The provinces' rows if they are ready (their computing is started if not)."""
    return ready(province_index_future(store, settings))
