"""``/officials``: search by name, one official's posts as a timeline with sources, every source
of their posts page by page, connections.

A post's sources are listed in two steps: `official_source_list` (tenure, article, date: two
lookups a source) says which articles state it, most recent first; `official_source_details` and
`official_evidence` then read headline, outlet and sentences of only the articles shown. An
official named in thousands of articles costs the listing, not thousands of evidence lookups.
The official's page reads the articles of their posts once (`official_source_dates`, which also
gives the dates `official_timeline` aggregates) and the posts from the facts graph alone
(`official_posts`), instead of reading the articles' graphs for the timeline and the listing both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    term_name,
)

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


@dataclass
class _PostSources:
    """What a page says of one post from its source rows: its articles, most recent first, and
    the first and last dates they give (as `official_timeline` computes them)."""

    published: dict[str, str | None] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)

    def articles(self) -> list[str]:
        """Most recent first (undated last), then by IRI: `official_source_list`'s order."""
        ordered = sorted(self.published)
        ordered.sort(key=lambda a: (self.published[a] is not None, self.published[a] or ""), reverse=True)
        return ordered


def _post_sources(rows: list[dict]) -> dict[str, _PostSources]:  # type: ignore[type-arg]
    """Each tenure's sources from `official_source_dates` rows (one per source and annotation)."""
    found: dict[str, _PostSources] = {}
    for row in rows:
        post = found.setdefault(str(row["tenure"]), _PostSources())
        published, observed = opt_str(row.get("published")), opt_str(row.get("observed"))
        post.published[str(row["article"])] = published
        seen = observed if observed is not None else published
        if seen is not None:
            post.seen.add(seen)
    return found


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
    # The posts' sources are read once (official_source_dates) and give both the sources shown and
    # the dates of the timeline; the posts themselves come from the facts graph (official_posts).
    base = store.base_iri
    person_rows, dated, posts_rows, events_rows = start_queries(
        store, settings, *(Call(name, {"person": id}) for name in
                           ("official", "official_source_dates", "official_posts", "official_events")))
    by_tenure = _post_sources(dated.result())
    shown = {tenure: post.articles()[:sources] for tenure, post in by_tenure.items()}
    articles = [a for chosen in shown.values() for a in chosen]
    # the sources shown are read while the posts and the events are still being read
    reading = start_queries(store, settings, *_source_calls(id, articles, base)) if articles else []
    person, names, home = _official_ref(person_rows.result(), id, base)
    post_rows, event_rows = posts_rows.result(), events_rows.result()
    details = _sources_from(reading[0].result(), reading[1].result(), base) if reading else {}
    posts = []
    for row in post_rows:
        tenure = str(row["tenure"])
        found = by_tenure.get(tenure)
        if found is None:
            continue  # stated by no article (official_timeline leaves it out too)
        posts.append(TimelineEntry(
            tenure=tenure, tenure_id=local_id(tenure, base),
            post=make_ref(row["post"], base, row.get("postLabel")),
            body=opt_ref(row.get("body"), base, row.get("bodyLabel")),
            province=opt_ref(row.get("province"), base, row.get("provinceLabel")),
            acting=bool(row["acting"].toPython()) if row.get("acting") is not None else False,
            first_seen=min(found.seen, default=None), last_seen=max(found.seen, default=None),
            source_count=len(found.published),
            sources=[details[(tenure, a)] for a in shown.get(tenure, []) if (tenure, a) in details]))
    posts.sort(key=_timeline_order)
    events = [EventRef(iri=str(r["event"]), id=local_id(str(r["event"]), base), name=opt_str(r.get("name")),
                       date=opt_str(r.get("date")), role=(term_name(opt_str(r.get("role"))) or "").lower() or None)
              for r in event_rows]
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
