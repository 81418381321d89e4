"""``/officials``: search by name, one official's posts as a timeline with sources, connections."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from vnkg.graph.base import GraphStore
from vnkg.queries import get_query

from vnkg.settings import Settings

from ..deps import Call, PageDep, SettingsDep, StoreDep, run_queries
from ..errors import BadParameter, NotFound
from ..models import (
    Connection,
    ConnectionList,
    EventRef,
    OfficialDetail,
    OfficialList,
    OfficialSummary,
    Ref,
    Source,
    TimelineEntry,
    local_id,
    make_ref,
    opt_ref,
    opt_str,
    term_name,
)

__all__ = ["ID_PATTERN", "PersonId", "official_ref", "router"]

router = APIRouter(prefix="/officials", tags=["officials"])

ID_PATTERN = r"^[a-z0-9-]+$"
PersonId = Annotated[str, Path(pattern=ID_PATTERN, max_length=200,
                               description="The last segment of the person's IRI.",
                               examples=["nguyen-dang-binh--bac-kan"])]


def _run(store: GraphStore, settings: Settings, name: str, **values: object) -> list[dict]:  # type: ignore[type-arg]
    return get_query(name).run(store, values, timeout=settings.query_timeout, max_rows=settings.max_rows)


def official_ref(store: GraphStore, settings: Settings, person_id: str) -> tuple[Ref, list[str], Ref | None]:
    """The person's `Ref`, all their names and their home province; `NotFound` when unknown."""
    return _official_ref(_run(store, settings, "official", person=person_id), person_id, store.base_iri)


def _official_ref(rows: list[dict], person_id: str, base: str) -> tuple[Ref, list[str], Ref | None]:  # type: ignore[type-arg]
    if not rows:
        raise NotFound(f"no official with id {person_id!r}")
    names = sorted({str(r["label"]) for r in rows})
    home = opt_ref(rows[0].get("homeProvince"), base, rows[0].get("homeProvinceLabel"))
    return make_ref(rows[0]["person"], base, names[0]), names, home


@router.get("", summary="Search officials by name (insensitive to diacritics, tone spelling and honorifics)",
            response_model=OfficialList)
def search_officials(
    store: StoreDep, settings: SettingsDep, page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words of the name.",
                            examples=["nguyen dang binh"])],
) -> OfficialList:
    query = get_query("officials_by_name")
    try:
        rows = query.run(store, {"q": q}, limit=page.limit, offset=page.offset, timeout=settings.query_timeout)
    except ValueError as e:
        raise BadParameter(str(e)) from None
    base = store.base_iri
    items = [OfficialSummary(iri=str(r["person"]), id=local_id(str(r["person"]), base), name=opt_str(r.get("label")),
                             home_province=opt_ref(r.get("homeProvince"), base, r.get("homeProvinceLabel")))
             for r in rows]
    return OfficialList(q=q, limit=page.limit, offset=page.offset, count=len(items), items=items)


@router.get("/{id}", summary="One official: posts as a timeline with sources and evidence, and events",
            response_model=OfficialDetail, responses={404: {"description": "Unknown official."}})
def get_official(id: PersonId, store: StoreDep, settings: SettingsDep) -> OfficialDetail:
    rows, source_rows, timeline_rows, event_rows = run_queries(
        store, settings, *(Call(name, {"person": id}) for name in
                           ("official", "official_sources", "official_timeline", "official_events")))
    person, names, home = _official_ref(rows, id, store.base_iri)
    base = store.base_iri
    sources: dict[str, dict[str, Source]] = {}
    for row in source_rows:
        by_article = sources.setdefault(str(row["tenure"]), {})
        article = str(row["article"])
        source = by_article.get(article)
        if source is None:
            source = by_article[article] = Source(
                iri=article, id=local_id(article, base), headline=opt_str(row.get("headline")),
                published=opt_str(row.get("published")), url=opt_str(row.get("url")),
                outlet=opt_str(row.get("outlet")))
        sentence = row.get("sentence")
        if sentence is not None and str(sentence) not in source.evidence:
            source.evidence.append(str(sentence))
    posts = [
        TimelineEntry(
            tenure=str(row["tenure"]),
            post=make_ref(row["post"], base, row.get("postLabel")),
            body=opt_ref(row.get("body"), base, row.get("bodyLabel")),
            province=opt_ref(row.get("province"), base, row.get("provinceLabel")),
            acting=bool(row["acting"].toPython()) if row.get("acting") is not None else False,
            first_seen=opt_str(row.get("firstSeen")), last_seen=opt_str(row.get("lastSeen")),
            sources=list(sources.get(str(row["tenure"]), {}).values()))
        for row in timeline_rows
    ]
    events = [EventRef(iri=str(r["event"]), id=local_id(str(r["event"]), base), name=opt_str(r.get("name")),
                       date=opt_str(r.get("date")), role=(term_name(opt_str(r.get("role"))) or "").lower() or None)
              for r in event_rows]
    return OfficialDetail(**person.model_dump(), names=names, home_province=home, posts=posts, events=events)


@router.get("/{id}/connections", summary="People who were at the same events or in the same bodies",
            response_model=ConnectionList, responses={404: {"description": "Unknown official."}})
def get_connections(id: PersonId, store: StoreDep, settings: SettingsDep, page: PageDep) -> ConnectionList:
    person, _, _ = official_ref(store, settings, id)
    base = store.base_iri
    events = {str(r["event"]): EventRef(iri=str(r["event"]), id=local_id(str(r["event"]), base),
                                        name=opt_str(r.get("name")), date=opt_str(r.get("date")))
              for r in _run(store, settings, "official_events", person=id)}
    bodies = {str(r["body"]): make_ref(r["body"], base, r.get("bodyLabel"))
              for r in _run(store, settings, "official_timeline", person=id) if r.get("body") is not None}
    found: dict[str, Connection] = {}
    for row in _run(store, settings, "official_connections", person=id):
        other = str(row["other"])
        item = found.setdefault(other, Connection(person=make_ref(other, base, row.get("otherLabel")),
                                                  shared_events=[], shared_bodies=[], strength=0))
        for event in str(row["events"]).split():
            item.shared_events.append(events.get(event) or EventRef(iri=event, id=local_id(event, base)))
    for row in _run(store, settings, "official_colleagues", person=id):
        other = str(row["other"])
        item = found.setdefault(other, Connection(person=make_ref(other, base, row.get("otherLabel")),
                                                  shared_events=[], shared_bodies=[], strength=0))
        for body in str(row["bodies"]).split():
            item.shared_bodies.append(bodies.get(body) or make_ref(body, base))
    for item in found.values():
        item.shared_events.sort(key=lambda e: (e.date or "", e.iri))
        item.shared_bodies.sort(key=lambda b: b.iri)
        item.strength = len(item.shared_events) + len(item.shared_bodies)
    ranked = sorted(found.values(), key=lambda c: (-c.strength, c.person.name or "", c.person.iri))
    items = ranked[page.offset: page.offset + page.limit]
    return ConnectionList(person=person, limit=page.limit, offset=page.offset, count=len(items), items=items)
