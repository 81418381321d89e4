"""``/conferences``: emulation events (conferences, pact signings, launches) with participants,
awards and the articles that report them. An event's id is its IRI path after ``event/``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from ..bloc_index import conference_summary
from ..deps import Call, PageDep, SettingsDep, StoreDep, run_queries, run_query
from ..errors import NotFound
from ..listings import listing_page
from ..models import (
    ConferenceDetail,
    ConferenceList,
    Participant,
    Source,
    local_id,
    make_ref,
    opt_str,
    term_name,
)
from .awards import award_item

__all__ = ["router"]

router = APIRouter(prefix="/conferences", tags=["conferences"])

EventId = Annotated[str, Path(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*$", max_length=300,
                              description="The event's IRI path after event/.",
                              examples=["trung-du-va-mien-nui-phia-bac/conference/2023-03-10"])]


@router.get("", summary="Emulation events, newest first, optionally of one bloc or one year",
            response_model=ConferenceList)
def list_conferences(
    store: StoreDep, settings: SettingsDep, page: PageDep,
    bloc: Annotated[str | None, Query(pattern=r"^[a-z0-9-]+$", max_length=200, description="Only this bloc's events.",
                                      examples=["trung-du-va-mien-nui-phia-bac"])] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Only events planning this year's work.",
                                      examples=[2023])] = None,
) -> ConferenceList:
    rows = listing_page(store, settings, "conferences", page.limit, page.offset) if bloc is None and year is None \
        else None
    if rows is None:
        rows = run_query(store, settings, "conferences", limit=page.limit, offset=page.offset, bloc=bloc, year=year)
    items = [conference_summary(r, store.base_iri) for r in rows]
    return ConferenceList(limit=page.limit, offset=page.offset, count=len(items), items=items)


@router.get("/{id:path}", summary="One emulation event: participants, awards, reports",
            response_model=ConferenceDetail, responses={404: {"description": "Unknown event."}})
def get_conference(id: EventId, store: StoreDep, settings: SettingsDep) -> ConferenceDetail:
    rows, participant_rows, award_rows = run_queries(
        store, settings, *(Call(name, {"event": id}) for name in
                           ("conference", "conference_participants", "conference_awards")))
    if not rows:
        raise NotFound(f"no conference with id {id!r}")
    base = store.base_iri
    summary = conference_summary(rows[0], base)
    sources = {str(r["article"]): Source(iri=str(r["article"]), id=local_id(str(r["article"]), base),
                                         headline=opt_str(r.get("headline")), published=opt_str(r.get("published")))
               for r in rows if r.get("article") is not None}
    participants = [Participant(person=make_ref(r["person"], base, r.get("label")),
                                role=(term_name(str(r["role"])) or "").lower())
                    for r in participant_rows]
    awards = [award_item(r, base) for r in award_rows]
    return ConferenceDetail(**summary.model_dump(), names=sorted({str(r["name"]) for r in rows if r.get("name")}),
                            venue=opt_str(rows[0].get("venue")), period=term_name(opt_str(rows[0].get("period"))),
                            participants=participants, awards=awards, sources=list(sources.values()))
