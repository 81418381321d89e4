"""``/officials``: search by name, one official's posts as a timeline with sources, every source
of their posts page by page, connections.

A post's sources are listed in two steps: `official_source_list` (tenure, article, date: two
lookups a source) says which articles state it, most recent first; `official_source_details` and
`official_evidence` then read headline, outlet and sentences of only the articles shown. An
official named in thousands of articles costs the listing, not thousands of evidence lookups.
The official's page takes each post's summary (how many sources, the first and last dates
`official_timeline` aggregates, the most recent sources) from the summaries a read-only embedded
store keeps per snapshot (`vnkg.api.post_sources`), or else reads the articles of their posts once
(`official_source_dates`); the posts come from the facts graph alone (`official_posts`).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Query
from vnkg.graph.base import GraphStore

from vnkg.settings import Settings

from ..deps import Call, PageDep, SettingsDep, StoreDep, run_queries, run_query, start_queries
from ..errors import BadParameter, NotFound
from ..models import (
    Connection,
    ConnectionList,
    EventRef,
    OfficialDetail,
    OfficialList,
    OfficialSummary,
    PostSource,
    Ref,
    Source,
    SourceList,
    TimelineEntry,
    local_id,
    make_ref,
    opt_ref,
    opt_str,
)
from ..official_index import PAGE_QUERIES, event_fields, official_index
from ..page_rows import in_page_order
from ..post_sources import PostSourceIndex, PostSummary, post_source_index, summarise

__all__ = ["ID_PATTERN", "PersonId", "official_ref", "router"]

router = APIRouter(prefix="/officials", tags=["officials"])

ID_PATTERN = r"^[a-z0-9-]+$"
TENURE_PATTERN = r"^[a-z0-9-]+(/[a-z0-9-]+)*$"
DEFAULT_SOURCES = 3
MAX_SOURCES = 100
PersonId = Annotated[str, Path(pattern=ID_PATTERN, max_length=200,
                               description="The last segment of the person's IRI.",
                               examples=["nguyen-dang-binh--bac-kan"])]


def official_ref(store: GraphStore, settings: Settings, person_id: str) -> tuple[Ref, list[str], Ref | None]:
    """The person's `Ref`, all their names and their home province; `NotFound` when unknown."""
    return _official_ref(run_query(store, settings, "official", person=person_id), person_id, store.base_iri)


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
    try:
        rows = run_query(store, settings, "officials_by_name", limit=page.limit, offset=page.offset, q=q)
    except ValueError as e:
        raise BadParameter(str(e)) from None
    base = store.base_iri
    items = [OfficialSummary(iri=str(r["person"]), id=local_id(str(r["person"]), base), name=opt_str(r.get("label")),
                             home_province=opt_ref(r.get("homeProvince"), base, r.get("homeProvinceLabel")))
             for r in rows]
    return OfficialList(q=q, limit=page.limit, offset=page.offset, count=len(items), items=items)


def _source_calls(person_id: str, articles: list[str], base: str) -> tuple[Call, Call]:
    """The two queries that read what a list shows of these articles as the person's sources."""
    values = {"person": person_id, "article": sorted({local_id(a, base) for a in articles})}
    return Call("official_source_details", values), Call("official_evidence", values)


def _sources_from(rows: list[dict], evidence: list[dict], base: str) -> dict[tuple[str, str], Source]:  # type: ignore[type-arg]
    """Sources by (tenure, article), from the rows of the two queries of `_source_calls`."""
    found = {(str(r["tenure"]), str(r["article"])): Source(
        iri=str(r["article"]), id=local_id(str(r["article"]), base), headline=opt_str(r.get("headline")),
        published=opt_str(r.get("published")), url=opt_str(r.get("url")), outlet=opt_str(r.get("outlet")))
        for r in rows}
    for row in evidence:
        source = found.get((str(row["tenure"]), str(row["article"])))
        if source is not None and str(row["sentence"]) not in source.evidence:
            source.evidence.append(str(row["sentence"]))
    return found


def _source_details(store: GraphStore, settings: Settings, person_id: str,
                    articles: list[str]) -> dict[tuple[str, str], Source]:
    """What a list shows of these articles as sources of the person's posts, by (tenure, article)."""
    if not articles:
        return {}
    return _sources_from(*run_queries(store, settings, *_source_calls(person_id, articles, store.base_iri)),
                         store.base_iri)


def _summaries_from(rows: list[dict], kept: int) -> dict[str, PostSummary]:  # type: ignore[type-arg]
    """Each post's summary from `official_source_dates` rows (one per source and annotation)."""
    return summarise(((str(row["tenure"]), str(row["article"]), opt_str(row.get("published")),
                       opt_str(row.get("observed"))) for row in rows), kept)


def _indexed_sources(index: PostSourceIndex, summaries: dict[str, PostSummary], shown: int,
                     base: str) -> dict[tuple[str, str], Source]:
    """The sources shown of these posts, by (tenure, article), as the store's summaries describe them."""
    return {(tenure, article): Source(iri=article, id=local_id(article, base), **asdict(index.articles[article]),
                                      evidence=list(index.evidence.get((tenure, article), ())))
            for tenure, summary in summaries.items() for article in summary.latest[:shown]}


def _timeline_order(entry: TimelineEntry) -> tuple[bool, str, bool, str, str]:
    """`official_timeline`'s ORDER BY ?firstSeen ?lastSeen ?post (unbound first)."""
    return (entry.first_seen is not None, entry.first_seen or "", entry.last_seen is not None,
            entry.last_seen or "", entry.post.iri)


@router.get("/{id}", summary="One official: posts as a timeline with their most recent sources and evidence, "
                             "and events", response_model=OfficialDetail,
            responses={404: {"description": "Unknown official."}})
def get_official(
    id: PersonId, store: StoreDep, settings: SettingsDep,
    sources: Annotated[int, Query(ge=0, le=MAX_SOURCES, description=(
        "Sources shown per post, the most recent first; each post says how many there are, and "
        "/officials/{id}/sources lists them all."))] = DEFAULT_SOURCES,
) -> OfficialDetail:
    # The official, the posts and the events come from the officials' index when it is ready
    # (vnkg.api.official_index), else from the facts graph (official, official_posts,
    # official_events). Each post's summary (how many sources, first and last dates, the most recent)
    # comes from the store's summaries when they are ready (vnkg.api.post_sources), else from reading
    # every source of the official's posts once (official_source_dates).
    base = store.base_iri
    index = post_source_index(store)
    if index is not None and sources > index.kept:
        index = None
    officials = official_index(store, settings)
    asked = [] if officials is not None else list(PAGE_QUERIES)
    if index is None:
        asked.append("official_source_dates")
    started = start_queries(store, settings, *(Call(name, {"person": id}) for name in asked))
    if officials is not None:
        rows = officials.rows(id)
        person_rows, post_rows, event_list = list(rows.official), list(rows.posts), rows.events
    else:
        person_rows, post_rows, event_rows = (in_page_order(name, future.result())
                                              for name, future in zip(PAGE_QUERIES, started, strict=False))
        event_list = tuple(event_fields(row, base) for row in event_rows)
    if index is not None:
        found = index.summaries
        summaries = {tenure: found[tenure] for row in post_rows if (tenure := str(row["tenure"])) in found}
        details = _indexed_sources(index, summaries, sources, base)
    else:
        summaries = _summaries_from(started[-1].result(), sources)
        articles = [a for summary in summaries.values() for a in summary.latest[:sources]]
        details = _source_details(store, settings, id, articles)
    person, names, home = _official_ref(person_rows, id, base)
    posts = []
    for row in post_rows:
        tenure = str(row["tenure"])
        summary = summaries.get(tenure)
        if summary is None:
            continue  # stated by no article (official_timeline leaves it out too)
        posts.append(TimelineEntry(
            tenure=tenure, tenure_id=local_id(tenure, base),
            post=make_ref(row["post"], base, row.get("postLabel")),
            body=opt_ref(row.get("body"), base, row.get("bodyLabel")),
            province=opt_ref(row.get("province"), base, row.get("provinceLabel")),
            acting=bool(row["acting"].toPython()) if row.get("acting") is not None else False,
            first_seen=summary.first_seen, last_seen=summary.last_seen, source_count=summary.count,
            sources=[details[(tenure, a)] for a in summary.latest[:sources] if (tenure, a) in details]))
    posts.sort(key=_timeline_order)
    events = [EventRef(iri=iri, id=event_id, name=name, date=date, role=role)
              for iri, event_id, name, date, role in event_list]
    return OfficialDetail(**person.model_dump(), names=names, home_province=home, posts=posts, events=events)


@router.get("/{id}/sources", summary="Every source article of an official's posts (or of one post), most recent "
                                     "first, with the sentences that state them", response_model=SourceList,
            responses={404: {"description": "Unknown official."}})
def get_official_sources(
    id: PersonId, store: StoreDep, settings: SettingsDep, page: PageDep,
    tenure: Annotated[str | None, Query(pattern=TENURE_PATTERN, max_length=400, description=(
        "Only this post: the `tenure_id` of one of the official's posts."))] = None,
) -> SourceList:
    rows, listed = run_queries(store, settings, Call("official", {"person": id}),
                               Call("official_source_list", {"person": id, "tenure": tenure}))
    person, _, _ = _official_ref(rows, id, store.base_iri)
    chosen = listed[page.offset: page.offset + page.limit]
    details = _source_details(store, settings, id, [str(r["article"]) for r in chosen])
    items = [PostSource(tenure=str(r["tenure"]), **details[key].model_dump())
             for r in chosen if (key := (str(r["tenure"]), str(r["article"]))) in details]
    return SourceList(person=person, tenure=tenure, total=len(listed), limit=page.limit, offset=page.offset,
                      count=len(items), items=items)


@router.get("/{id}/connections", summary="People who were at the same events or in the same bodies",
            response_model=ConnectionList, responses={404: {"description": "Unknown official."}})
def get_connections(id: PersonId, store: StoreDep, settings: SettingsDep, page: PageDep) -> ConnectionList:
    rows, event_rows, timeline_rows, connection_rows, colleague_rows = run_queries(
        store, settings, *(Call(name, {"person": id}) for name in (
            "official", "official_events", "official_timeline", "official_connections", "official_colleagues")))
    person, _, _ = _official_ref(rows, id, store.base_iri)
    base = store.base_iri
    events = {str(r["event"]): EventRef(iri=str(r["event"]), id=local_id(str(r["event"]), base),
                                        name=opt_str(r.get("name")), date=opt_str(r.get("date")))
              for r in event_rows}
    bodies = {str(r["body"]): make_ref(r["body"], base, r.get("bodyLabel"))
              for r in timeline_rows if r.get("body") is not None}
    found: dict[str, Connection] = {}
    for row in connection_rows:
        other = str(row["other"])
        item = found.setdefault(other, Connection(person=make_ref(other, base, row.get("otherLabel")),
                                                  shared_events=[], shared_bodies=[], strength=0))
        for event in str(row["events"]).split():
            item.shared_events.append(events.get(event) or EventRef(iri=event, id=local_id(event, base)))
    for row in colleague_rows:
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
