"""``/provinces``: province-level units, with their blocs by year, leadership years, awards,
officials and their predecessors or successor across the 2025 reform."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ..deps import MAX_LIMIT, Call, PageDep, SettingsDep, StoreDep, run_queries, run_query
from ..errors import NotFound
from ..listings import province_slice
from ..models import (
    BlocRoleYear,
    ProvinceDetail,
    ProvinceList,
    ProvinceOfficial,
    ProvinceSummary,
    Ref,
    YearBlocs,
    local_id,
    make_ref,
    opt_int,
    opt_str,
    term_name,
)
from .awards import award_item

__all__ = ["router"]

router = APIRouter(prefix="/provinces", tags=["provinces"])

ProvinceId = Annotated[str, Path(pattern=r"^[a-z0-9-]+$", max_length=200,
                                 description="The last segment of the province's IRI (bac-kan, thai-nguyen-2025).",
                                 examples=["bac-kan"])]
_DCTERMS = "http://purl.org/dc/terms/"
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
    # On a read-only store the province's awards come from their order kept per province (read once
    # per snapshot): its most recent ones and their number, without sorting every award it has.
    kept = province_slice(store, "awards", id, awards)
    calls = [Call("province", {"province": id}), Call("province_blocs", {"province": id}),
             Call("province_officials", {"province": id}, limit=500)]
    if kept is None:
        calls += [Call("awards", {"province": id}, limit=awards), Call("award_count", {"province": id})]
    elif kept.keys:
        calls.append(Call("awards", {"province": id, "award": kept.items(store.base_iri)}))
    rows, bloc_rows, official_rows, *rest = run_queries(store, settings, *calls)
    if kept is None:
        award_rows, count_rows = rest
        award_count = int(count_rows[0]["awards"]) if count_rows else 0
    else:
        award_rows, award_count = kept.in_order(rest[0] if rest else []), kept.total or 0
    if not rows:
        raise NotFound(f"no province with id {id!r}")
    base = store.base_iri
    first = rows[0]
    predecessors: dict[str, Ref] = {}
    successors: dict[str, Ref] = {}
    for row in rows:
        if row.get("other") is None:
            continue
        target = predecessors if str(row["relation"]) == _DCTERMS + "replaces" else successors
        target[str(row["other"])] = make_ref(row["other"], base, row.get("otherLabel"))
    blocs: dict[int | None, dict[str, Ref]] = {}
    roles: list[BlocRoleYear] = []
    for row in bloc_rows:
        year = opt_int(row.get("year"))
        bloc = make_ref(row["bloc"], base, row.get("blocLabel"))
        relation = term_name(str(row["relation"]))
        if relation == "member":
            blocs.setdefault(year, {})[bloc.iri] = bloc
        else:
            roles.append(BlocRoleYear(year=year, bloc=bloc, role="leader" if relation == "blocLeader" else "deputy"))
    award_items = [award_item(r, base) for r in award_rows]
    officials = [ProvinceOfficial(person=make_ref(r["person"], base, r.get("personLabel")),
                                  post=make_ref(r["post"], base, r.get("postLabel")),
                                  acting=bool(r["acting"].toPython()) if r.get("acting") is not None else False)
                 for r in official_rows]
    return ProvinceDetail(
        iri=str(first["province"]), id=local_id(str(first["province"]), base), name=str(first["label"]),
        name_en=opt_str(first.get("labelEn")), kind=opt_str(first.get("kind")),
        valid_from=opt_str(first.get("validFrom")), valid_until=opt_str(first.get("validUntil")),
        region=opt_str(first.get("region")), wikidata=opt_str(first.get("wikidata")),
        predecessors=sorted(predecessors.values(), key=lambda r: r.iri),
        successors=sorted(successors.values(), key=lambda r: r.iri),
        blocs=[YearBlocs(year=y, blocs=sorted(b.values(), key=lambda r: r.iri))
               for y, b in sorted(blocs.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))],
        bloc_roles=sorted(roles, key=lambda r: (r.year is None, r.year or 0, r.bloc.iri)),
        awards=award_items, award_count=award_count, officials=officials)
