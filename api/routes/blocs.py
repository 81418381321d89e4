"""``/blocs``: emulation blocs, with members by year, leader and deputy by year, and conferences."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from vnkg.graph.base import GraphStore

from ..deps import MAX_LIMIT, Call, PageDep, SettingsDep, StoreDep, run_queries, run_query
from ..errors import NotFound
from ..models import (
    BlocDetail,
    BlocList,
    BlocSummary,
    ConferenceSummary,
    YearLeadership,
    YearUnits,
    local_id,
    make_ref,
    opt_int,
    opt_ref,
    opt_str,
    term_name,
)

__all__ = ["conference_summary", "router"]

router = APIRouter(prefix="/blocs", tags=["blocs"])

DEFAULT_CONFERENCES = 20
BlocId = Annotated[str, Path(pattern=r"^[a-z0-9-]+$", max_length=200, description="The last segment of the bloc's IRI.",
                             examples=["trung-du-va-mien-nui-phia-bac"])]


def _year_key(year: int | None) -> tuple[int, int]:
    return (1, 0) if year is None else (0, year)


def conference_summary(row: dict, base: str) -> ConferenceSummary:  # type: ignore[type-arg]
    """A `ConferenceSummary` from a row of ``bloc_conferences``/``conferences``/``conference``."""
    event = str(row["event"])
    return ConferenceSummary(
        iri=event, id=local_id(event, base), name=opt_str(row.get("name")), type=term_name(str(row["type"])) or "",
        date=opt_str(row.get("date")), bloc=opt_ref(row.get("bloc"), base, row.get("blocLabel")),
        location=opt_ref(row.get("location"), base, row.get("locationLabel")),
        host=opt_ref(row.get("host"), base, row.get("hostLabel")),
        reviews_year=opt_int(row.get("reviewsYear")), plans_year=opt_int(row.get("plansYear")),
        conference_kind=term_name(opt_str(row.get("conferenceKind"))))


def _summary(rows: list[dict], base: str) -> BlocSummary:  # type: ignore[type-arg]
    first = rows[0]
    counts = [opt_int(r.get("memberCount")) for r in rows if r.get("memberCount") is not None]
    return BlocSummary(iri=str(first["bloc"]), id=local_id(str(first["bloc"]), base),
                       name=opt_str(min((str(r["label"]) for r in rows if r.get("label") is not None), default=None)),
                       kind=term_name(opt_str(first.get("kind"))), member_count=max(counts) if counts else None,
                       within=opt_ref(first.get("within"), base))


@router.get("", summary="Every emulation bloc (Cụm and Khối thi đua)", response_model=BlocList)
def list_blocs(store: StoreDep, settings: SettingsDep, page: PageDep) -> BlocList:
    rows = run_query(store, settings, "blocs", limit=page.limit, offset=page.offset)
    items = [_summary([r], store.base_iri) for r in rows]
    return BlocList(limit=page.limit, offset=page.offset, count=len(items), items=items)


def bloc_detail(store: GraphStore, settings: SettingsDep, bloc_id: str,
                conferences: int = DEFAULT_CONFERENCES) -> BlocDetail:
    """The bloc's page: its names, members and leadership by year, its most recent ``conferences``."""
    values = {"bloc": bloc_id}
    rows, member_rows, leadership_rows, conference_rows, count_rows = run_queries(
        store, settings, Call("bloc", values), Call("bloc_members", values), Call("bloc_leadership", values),
        Call("bloc_conferences", values, limit=conferences), Call("conference_count", values))
    if not rows:
        raise NotFound(f"no emulation bloc with id {bloc_id!r}")
    base = store.base_iri
    summary = _summary(rows, base)
    members: dict[int | None, list] = {}  # type: ignore[type-arg]
    for row in member_rows:
        members.setdefault(opt_int(row.get("year")), []).append(make_ref(row["member"], base, row.get("memberLabel")))
    leadership: dict[int | None, YearLeadership] = {}
    for row in leadership_rows:
        year = opt_int(row.get("year"))
        entry = leadership.setdefault(year, YearLeadership(year=year, leader=[], deputy=[]))
        unit = make_ref(row["unit"], base, row.get("unitLabel"))
        (entry.leader if term_name(str(row["role"])) == "blocLeader" else entry.deputy).append(unit)
    return BlocDetail(
        **summary.model_dump(), names=sorted({str(r["label"]) for r in rows}),
        members=[YearUnits(year=y, units=sorted(u, key=lambda r: r.name or r.iri))
                 for y, u in sorted(members.items(), key=lambda kv: _year_key(kv[0]))],
        leadership=[leadership[y] for y in sorted(leadership, key=_year_key)],
        conferences=[conference_summary(r, base) for r in conference_rows],
        conference_count=int(count_rows[0]["events"]) if count_rows else 0)


@router.get("/{id}", summary="One bloc: members by year, leader and deputy by year, conferences",
            response_model=BlocDetail, responses={404: {"description": "Unknown bloc."}})
def get_bloc(
    id: BlocId, store: StoreDep, settings: SettingsDep,
    conferences: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=(
        "Events shown, the newest first; `conference_count` says how many there are, and "
        "/conferences?bloc={id} lists them all."))] = DEFAULT_CONFERENCES,
) -> BlocDetail:
    return bloc_detail(store, settings, id, conferences)
