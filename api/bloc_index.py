"""What a bloc's page reads, for every bloc at once: the rows of `bloc`, `bloc_members`,
`bloc_leadership` and `conference_count`, and the newest `CONFERENCES_KEPT` rows of
`bloc_conferences`, kept per snapshot of a read-only store.

A bloc's page ran these five queries on every request: at 100,000 articles ~100 membership rows a
bloc, its leaders and deputies by year, and its newest events with their names and places,
turned into rdflib terms and models, 5.8-8.1 ms at p50 by the host's phase and ~230 pages/s on two
cores. A read-only store does not change until it is refreshed, so once per snapshot, in the
background (`vnkg.api.snapshots`), the four queries that depend only on the bloc are run for
every bloc at once (`vnkg.api.page_rows`) and the events query once a bloc with the page's
default limit, their rows kept by bloc, and what a page shows of them (`page_parts`,
`conference_summary`) built there and then; only that is kept. A page that shows no more than
the kept events looks its bloc up; one that asks for more runs the queries.

Until the index is ready, on stores that can change and on SPARQL servers, the page runs the queries.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from vnkg.graph.base import GraphStore, facts_graph_iri
from vnkg.queries import get_query

from vnkg.namespaces import VNKG
from vnkg.settings import Settings

from .memory_graphs import memory_graphs_future, store_for
from .models import (
    BlocSummary,
    ConferenceSummary,
    Ref,
    YearLeadership,
    YearUnits,
    local_id,
    make_ref,
    opt_int,
    opt_ref,
    opt_str,
    term_name,
)
from .page_rows import Row, entity_ids, in_page_order, rows_by_entity
from .snapshots import per_embedded_snapshot, ready

__all__ = ["CONFERENCES_KEPT", "PAGE_QUERIES", "BlocIndex", "BlocRows", "bloc_index", "bloc_index_future",
           "build_bloc_index", "conference_summary", "page_parts", "read_bloc_rows", "shared_refs"]

CONFERENCES_KEPT = 20
"""The newest events kept a bloc: the page's default (`vnkg.api.routes.blocs.DEFAULT_CONFERENCES`)."""

PAGE_QUERIES: tuple[str, ...] = ("bloc", "bloc_members", "bloc_leadership", "conference_count")
"""The named queries a bloc's page reads besides its events, in this order (none is cut)."""


@dataclass(frozen=True, slots=True)
class BlocRows:
    """One bloc's rows of `PAGE_QUERIES` and of ``bloc_conferences``, each as the query gives them
    (`in_page_order`)."""

    bloc: tuple[Row, ...]
    members: tuple[Row, ...]
    leadership: tuple[Row, ...]
    count: tuple[Row, ...]
    conferences: tuple[Row, ...]


@dataclass(frozen=True)
class BlocIndex:
    """What every bloc's page shows by the bloc's id (the last segment of its IRI): its
    `page_parts`, and its newest `CONFERENCES_KEPT` events. Only these are kept, not the rows they
    were built from (at 100,000 articles 629 blocs: 44 MB a process with `shared_refs`)."""

    parts: dict[str, dict[str, Any]]
    conferences: dict[str, tuple[ConferenceSummary, ...]]


def read_bloc_rows(store: GraphStore, settings: Settings) -> dict[str, BlocRows]:
    """Every bloc's rows of the page's queries, by id: the four of `PAGE_QUERIES` run once for all
    blocs, ``bloc_conferences`` once a bloc with the page's default limit; on the in-memory copy of
    the graphs when there is one (waited for)."""
    copy = memory_graphs_future(store, settings)
    if copy is not None:
        copy.result()
    ids = entity_ids(store, str(VNKG.EmulationBloc), facts_graph_iri(store.base_iri))
    bloc, members, leadership, count = (rows_by_entity(store, settings, name, "bloc", ids) for name in PAGE_QUERIES)
    events = get_query("bloc_conferences")
    on = store_for(store, settings, events)
    return {key: BlocRows(tuple(bloc.get(key, ())), tuple(members.get(key, ())), tuple(leadership.get(key, ())),
                          tuple(count.get(key, ())),
                          tuple(in_page_order(events, events.run(on, {"bloc": key}, limit=CONFERENCES_KEPT,
                                                                 max_rows=settings.max_rows))))
            for key in ids}


def build_bloc_index(store: GraphStore, settings: Settings) -> BlocIndex:
    """What every bloc's page shows, from `read_bloc_rows`."""
    base = store.base_iri
    parts: dict[str, dict[str, Any]] = {}
    conferences: dict[str, tuple[ConferenceSummary, ...]] = {}
    ref = shared_refs()
    for key, rows in read_bloc_rows(store, settings).items():
        found = page_parts(rows, base, ref)
        if found is not None:
            parts[key] = found
            conferences[key] = tuple(conference_summary(row, base, ref) for row in rows.conferences)
    return BlocIndex(parts, conferences)


RefMaker = Callable[[Any, str, Any], Ref]


def shared_refs() -> RefMaker:
    """`make_ref` that gives the same `Ref` for the same IRI and name: the blocs' members and
    leaders are the same few provinces year after year (at 100,000 articles 32,000 member rows name
    ~100 units), so the kept pages share their references instead of holding a copy each."""
    made: dict[tuple[str, str | None], Ref] = {}

    def ref(iri: Any, base: str, name: Any = None) -> Ref:
        key = (str(iri), None if name is None else str(name))
        found = made.get(key)
        if found is None:
            found = made[key] = make_ref(iri, base, name)
        return found

    return ref


def conference_summary(row: Row, base: str, ref: RefMaker = make_ref) -> ConferenceSummary:
    """A `ConferenceSummary` from a row of ``bloc_conferences``/``conferences``/``conference``;
    ``ref`` makes its references."""
    def opt(iri: Any, name: Any) -> Ref | None:
        return None if iri is None else ref(iri, base, name)

    event = str(row["event"])
    return ConferenceSummary(
        iri=event, id=local_id(event, base), name=opt_str(row.get("name")), type=term_name(str(row["type"])) or "",
        date=opt_str(row.get("date")), bloc=opt(row.get("bloc"), row.get("blocLabel")),
        location=opt(row.get("location"), row.get("locationLabel")), host=opt(row.get("host"), row.get("hostLabel")),
        reviews_year=opt_int(row.get("reviewsYear")), plans_year=opt_int(row.get("plansYear")),
        conference_kind=term_name(opt_str(row.get("conferenceKind"))))


def summary(rows: tuple[Row, ...] | list[Row], base: str) -> BlocSummary:
    """A `BlocSummary` from a bloc's rows of ``bloc`` or ``blocs`` (one or more, the names varying)."""
    first = rows[0]
    counts = [opt_int(r.get("memberCount")) for r in rows if r.get("memberCount") is not None]
    return BlocSummary(iri=str(first["bloc"]), id=local_id(str(first["bloc"]), base),
                       name=opt_str(min((str(r["label"]) for r in rows if r.get("label") is not None), default=None)),
                       kind=term_name(opt_str(first.get("kind"))), member_count=max(counts) if counts else None,
                       within=opt_ref(first.get("within"), base))


def _year_key(year: int | None) -> tuple[int, int]:
    return (1, 0) if year is None else (0, year)


def page_parts(found: BlocRows, base: str, ref: RefMaker = make_ref) -> dict[str, Any] | None:
    """What a bloc's page shows besides its events (`BlocDetail`'s other fields), from its rows of
    `PAGE_QUERIES`; None when there are none (no such bloc). ``ref`` makes the members' and
    leaders' references."""
    if not found.bloc:
        return None
    members: dict[int | None, list[Ref]] = {}
    for row in found.members:
        members.setdefault(opt_int(row.get("year")), []).append(ref(row["member"], base, row.get("memberLabel")))
    leadership: dict[int | None, YearLeadership] = {}
    for row in found.leadership:
        year = opt_int(row.get("year"))
        entry = leadership.setdefault(year, YearLeadership(year=year, leader=[], deputy=[]))
        unit = ref(row["unit"], base, row.get("unitLabel"))
        (entry.leader if term_name(str(row["role"])) == "blocLeader" else entry.deputy).append(unit)
    return {
        **summary(found.bloc, base).model_dump(), "names": sorted({str(r["label"]) for r in found.bloc}),
        "members": [YearUnits(year=y, units=sorted(u, key=lambda r: r.name or r.iri))
                    for y, u in sorted(members.items(), key=lambda kv: _year_key(kv[0]))],
        "leadership": [leadership[y] for y in sorted(leadership, key=_year_key)],
        "conference_count": int(found.count[0]["events"]) if found.count else 0}


def bloc_index_future(store: GraphStore, settings: Settings) -> Future[BlocIndex] | None:
    """The indexing of the store's blocs (started now if it was not), or None for a store whose data
    can change or that is not embedded."""
    return per_embedded_snapshot("bloc-index", store, lambda s: build_bloc_index(s, settings))


def bloc_index(store: GraphStore, settings: Settings) -> BlocIndex | None:
    """What the blocs' pages show, if it is ready (its building is started if not)."""
    return ready(bloc_index_future(store, settings))
