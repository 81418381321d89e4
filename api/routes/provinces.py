"""``/provinces``: province-level units, with their blocs by year, leadership years, awards,
officials and their predecessors or successor across the 2025 reform."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ..deps import MAX_LIMIT, Call, PageDep, SettingsDep, StoreDep, run_queries, run_query
from ..errors import NotFound
from ..listings import province_slice
from ..models import (
    ProvinceDetail,
    ProvinceList,
    ProvinceSummary,
    local_id,
    opt_str,
)
from ..page_rows import in_page_order
from ..province_index import PAGE_QUERIES, ProvinceRows, page_parts, province_index
from .awards import award_item

__all__ = ["router"]

router = APIRouter(prefix="/provinces", tags=["provinces"])

ProvinceId = Annotated[str, Path(pattern=r"^[a-z0-9-]+$", max_length=200,
                                 description="The last segment of the province's IRI (bac-kan, thai-nguyen-2025).",
                                 examples=["bac-kan"])]
DEFAULT_AWARDS = 20


@router.get("", summary="Every province-level unit, before and after the 2025 reform", response_model=ProvinceList)
def list_provinces(store: StoreDep, settings: SettingsDep, page: PageDep) -> ProvinceList:
    base = store.base_iri
    items = [ProvinceSummary(iri=str(r["province"]), id=local_id(str(r["province"]), base), name=str(r["label"]),
                             kind=opt_str(r.get("kind")), valid_from=opt_str(r.get("validFrom")),
                             valid_until=opt_str(r.get("validUntil")))
             for r in run_query(store, settings, "provinces", limit=page.limit, offset=page.offset)]
    return ProvinceList(limit=page.limit, offset=page.offset, count=len(items), items=items)


@router.get("/{id}", summary="One province: blocs by year, years it led or deputised, awards, officials, "
                             "predecessors and successor", response_model=ProvinceDetail,
            responses={404: {"description": "Unknown province."}})
def get_province(
    id: ProvinceId, store: StoreDep, settings: SettingsDep,
    awards: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=(
        "Awards shown, the most recent first; `award_count` says how many there are, and "
        "/awards?province={id} lists them all."))] = DEFAULT_AWARDS,
) -> ProvinceDetail:
    # On a read-only store what the page shows of the province, its blocs and its officials was built
    # once per snapshot from the provinces' rows (vnkg.api.province_index), and its awards come from
    # their order kept per province (read once per snapshot): its most recent ones and their number,
    # without sorting every award it has. Otherwise the page runs the queries.
    base = store.base_iri
    index = province_index(store, settings)
    kept = province_slice(store, "awards", id, awards)
    calls = [] if index is not None else [Call(name, {"province": id}, limit=limit) for name, limit in PAGE_QUERIES]
    if kept is None:
        calls += [Call("awards", {"province": id}, limit=awards), Call("award_count", {"province": id})]
    elif kept.keys:
        calls.append(Call("awards", {"province": id, "award": kept.items(base)}))
    results = run_queries(store, settings, *calls)
    if index is not None:
        parts, rest = index.parts.get(id), results
    else:
        page, rest = results[:len(PAGE_QUERIES)], results[len(PAGE_QUERIES):]
        parts = page_parts(ProvinceRows(*(tuple(in_page_order(name, result)) for (name, _), result
                                          in zip(PAGE_QUERIES, page, strict=True))), base)
    if parts is None:
        raise NotFound(f"no province with id {id!r}")
    if kept is None:
        award_rows, count_rows = rest
        award_count = int(count_rows[0]["awards"]) if count_rows else 0
    else:
        award_rows, award_count = kept.in_order(rest[0] if rest else []), kept.total or 0
    return ProvinceDetail(**parts, awards=[award_item(r, base) for r in award_rows], award_count=award_count)
