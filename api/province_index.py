"""What a province's page reads besides its awards, for every province at once: the rows of
`province`, `province_blocs` and `province_officials`, kept per snapshot of a read-only store.

A province's page ran these three queries on every request: at 100,000 articles ~200 bloc rows and
~72 officials a province on average, and its own reference data, turned into rdflib terms and
sorted, 11 ms at p50 in slow phases of the host against a target of 10. A read-only store does not
change until it is refreshed, so once per snapshot, in the background (`vnkg.api.snapshots`), the
same three named queries are run for every province at once (`vnkg.api.page_rows`), their rows
kept by province, and what a page shows of them (`page_parts`: a few hundred references, ~2 ms of
CPU a province) built there and then; a page looks its province up. The awards still come from
their order kept per province (`vnkg.api.listings`) and one query for the awards shown.

Until the index is ready, on stores that can change and on SPARQL servers, the page runs the queries.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from vnkg.graph.base import GraphStore, reference_graph_iri

from vnkg.namespaces import VNKG
from vnkg.settings import Settings

from .memory_graphs import memory_graphs_future
from .models import BlocRoleYear, ProvinceOfficial, Ref, YearBlocs, local_id, make_ref, opt_int, opt_str, term_name
from .page_rows import entity_ids, rows_by_entity
from .snapshots import per_embedded_snapshot, ready

__all__ = ["OFFICIALS_SHOWN", "PAGE_QUERIES", "ProvinceIndex", "ProvinceRows", "build_province_index", "page_parts",
           "province_index", "province_index_future"]

_DCTERMS = "http://purl.org/dc/terms/"

OFFICIALS_SHOWN = 500
"""The most officials a province's page lists."""

PAGE_QUERIES: tuple[tuple[str, int | None], ...] = (
    ("province", None), ("province_blocs", None), ("province_officials", OFFICIALS_SHOWN))
"""The named queries a province's page reads besides its awards, in this order, with their limits."""


@dataclass(frozen=True, slots=True)
class ProvinceRows:
    """One province's rows of `PAGE_QUERIES`, each as the query gives them (`in_page_order`)."""

    province: tuple[dict[str, Any], ...]
    blocs: tuple[dict[str, Any], ...]
    officials: tuple[dict[str, Any], ...]


_NONE = ProvinceRows((), (), ())


@dataclass(frozen=True)
class ProvinceIndex:
    """Every province's rows by the province's id (the last segment of its IRI), and what its page
    shows of them (`page_parts`)."""

    provinces: dict[str, ProvinceRows]
    parts: dict[str, dict[str, Any]]

    def rows(self, province_id: str) -> ProvinceRows:
        """The province's rows (none for an id that names no province, as the queries give)."""
        return self.provinces.get(province_id, _NONE)


def build_province_index(store: GraphStore, settings: Settings) -> ProvinceIndex:
    """Run the page's three queries for every province of ``store`` (each query once, with ``VALUES``
    over all of them), on the in-memory copy of the graphs when there is one (waited for), and build
    each province's `page_parts`."""
    copy = memory_graphs_future(store, settings)
    if copy is not None:
        copy.result()
    ids = entity_ids(store, str(VNKG.Province), reference_graph_iri(store.base_iri))
    province, blocs, officials = (rows_by_entity(store, settings, name, "province", ids, limit)
                                  for name, limit in PAGE_QUERIES)
    rows = {key: ProvinceRows(tuple(province.get(key, ())), tuple(blocs.get(key, ())), tuple(officials.get(key, ())))
            for key in ids}
    parts = {key: found for key, province_rows in rows.items()
             if (found := page_parts(province_rows, store.base_iri)) is not None}
    return ProvinceIndex(rows, parts)


def page_parts(found: ProvinceRows, base: str) -> dict[str, Any] | None:
    """What a province's page shows besides its awards (`ProvinceDetail`'s other fields), from its
    rows of `PAGE_QUERIES`; None when there are none (no such province)."""
    if not found.province:
        return None
    first = found.province[0]
    predecessors: dict[str, Ref] = {}
    successors: dict[str, Ref] = {}
    for row in found.province:
        if row.get("other") is None:
            continue
        target = predecessors if str(row["relation"]) == _DCTERMS + "replaces" else successors
        target[str(row["other"])] = make_ref(row["other"], base, row.get("otherLabel"))
    blocs: dict[int | None, dict[str, Ref]] = {}
    roles: list[BlocRoleYear] = []
    for row in found.blocs:
        year = opt_int(row.get("year"))
        bloc = make_ref(row["bloc"], base, row.get("blocLabel"))
        relation = term_name(str(row["relation"]))
        if relation == "member":
            blocs.setdefault(year, {})[bloc.iri] = bloc
        else:
            roles.append(BlocRoleYear(year=year, bloc=bloc, role="leader" if relation == "blocLeader" else "deputy"))
    officials = [ProvinceOfficial(person=make_ref(r["person"], base, r.get("personLabel")),
                                  post=make_ref(r["post"], base, r.get("postLabel")),
                                  acting=bool(r["acting"].toPython()) if r.get("acting") is not None else False)
                 for r in found.officials]
    return {
        "iri": str(first["province"]), "id": local_id(str(first["province"]), base), "name": str(first["label"]),
        "name_en": opt_str(first.get("labelEn")), "kind": opt_str(first.get("kind")),
        "valid_from": opt_str(first.get("validFrom")), "valid_until": opt_str(first.get("validUntil")),
        "region": opt_str(first.get("region")), "wikidata": opt_str(first.get("wikidata")),
        "predecessors": sorted(predecessors.values(), key=lambda r: r.iri),
        "successors": sorted(successors.values(), key=lambda r: r.iri),
        "blocs": [YearBlocs(year=y, blocs=sorted(b.values(), key=lambda r: r.iri))
                  for y, b in sorted(blocs.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))],
        "bloc_roles": sorted(roles, key=lambda r: (r.year is None, r.year or 0, r.bloc.iri)),
        "officials": officials}


def province_index_future(store: GraphStore, settings: Settings) -> Future[ProvinceIndex] | None:
    """The indexing of the store's provinces (started now if it was not), or None for a store whose
    data can change or that is not embedded."""
    return per_embedded_snapshot("province-index", store, lambda s: build_province_index(s, settings))


def province_index(store: GraphStore, settings: Settings) -> ProvinceIndex | None:
    """The provinces' rows if they are ready (their computing is started if not)."""
    return ready(province_index_future(store, settings))
