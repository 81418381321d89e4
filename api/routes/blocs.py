"""``/blocs``: emulation blocs, with members by year, leader and deputy by year, and conferences."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from vnkg.graph.base import GraphStore

from ..bloc_index import CONFERENCES_KEPT, PAGE_QUERIES, BlocRows, bloc_index, conference_summary, page_parts, summary
from ..deps import MAX_LIMIT, Call, PageDep, SettingsDep, StoreDep, run_queries, run_query
from ..errors import NotFound
from ..models import BlocDetail, BlocList
from ..page_rows import in_page_order

__all__ = ["router"]

router = APIRouter(prefix="/blocs", tags=["blocs"])

DEFAULT_CONFERENCES = CONFERENCES_KEPT
BlocId = Annotated[str, Path(pattern=r"^[a-z0-9-]+$", max_length=200, description="The last segment of the bloc's IRI.",
                             examples=["trung-du-va-mien-nui-phia-bac"])]


@router.get("", summary="Every emulation bloc (Cụm and Khối thi đua)", response_model=BlocList)
def list_blocs(store: StoreDep, settings: SettingsDep, page: PageDep) -> BlocList:
    rows = run_query(store, settings, "blocs", limit=page.limit, offset=page.offset)
    items = [summary([r], store.base_iri) for r in rows]
    return BlocList(limit=page.limit, offset=page.offset, count=len(items), items=items)


def bloc_detail(store: GraphStore, settings: SettingsDep, bloc_id: str,
                conferences: int = DEFAULT_CONFERENCES) -> BlocDetail:
    """The bloc's page: its names, members and leadership by year, its most recent ``conferences``.

    On a read-only store, when it shows no more events than are kept, the page comes from what
    every bloc's page shows, built once per snapshot (`vnkg.api.bloc_index`); otherwise it runs
    the queries."""
    index = bloc_index(store, settings) if conferences <= CONFERENCES_KEPT else None
    if index is not None:
        parts = index.parts.get(bloc_id)
        if parts is None:
            raise NotFound(f"no emulation bloc with id {bloc_id!r}")
        return BlocDetail(**parts, conferences=list(index.conferences[bloc_id][:conferences]))
    values = {"bloc": bloc_id}
    *page, events = run_queries(store, settings, *(Call(name, values) for name in PAGE_QUERIES),
                                Call("bloc_conferences", values, limit=conferences))
    base = store.base_iri
    ordered = (tuple(in_page_order(name, rows)) for name, rows in zip(PAGE_QUERIES, page, strict=True))
    parts = page_parts(BlocRows(*ordered, conferences=()), base)
    if parts is None:
        raise NotFound(f"no emulation bloc with id {bloc_id!r}")
    return BlocDetail(**parts, conferences=[conference_summary(r, base)
                                            for r in in_page_order("bloc_conferences", events)])


@router.get("/{id}", summary="One bloc: members by year, leader and deputy by year, conferences",
            response_model=BlocDetail, responses={404: {"description": "Unknown bloc."}})
def get_bloc(
    id: BlocId, store: StoreDep, settings: SettingsDep,
    conferences: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=(
        "Events shown, the newest first; `conference_count` says how many there are, and "
        "/conferences?bloc={id} lists them all."))] = DEFAULT_CONFERENCES,
) -> BlocDetail:
    return bloc_detail(store, settings, id, conferences)
