"""What an official's page reads from the facts graph, for every official at once: the rows of
`official`, `official_posts` and `official_events`, kept per snapshot of a read-only store.

With the posts' sources summarised (`vnkg.api.post_sources`), an official's page still ran these
three queries: ~3.5 of its ~5 ms of CPU at 100,000 articles, most of it turning some 45 event rows
into rdflib terms (an event's name and date are new literals to most pages) and sorting them. A
read-only store does not change until it is refreshed, so once per snapshot, in the background
(`vnkg.api.snapshots`), the same three named queries are run for every official, a thousand
officials at a time, and their rows are kept by official; a page then looks its official up and
runs no query. The rows are the named queries' own (each query already groups by and projects
``?person``), sorted by the query's own order and cut at ``Settings.max_rows`` like a page's, so a
page gives the same answer either way (tested on every official of a test store). An event row is
kept as the fields the page shows (`event_fields`), not as rdflib terms: ~345,000 of them at
100,000 articles.

Until the index is ready, on stores that can change and on SPARQL servers, the page runs the queries.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from vnkg.graph.base import GraphStore, facts_graph_iri
from vnkg.queries import MAX_VALUES

from vnkg.settings import Settings

from .memory_graphs import memory_graphs_future
from .models import local_id, opt_str, term_name
from .page_rows import entity_ids, rows_by_entity
from .snapshots import per_embedded_snapshot, ready

__all__ = ["PAGE_QUERIES", "EventFields", "OfficialIndex", "OfficialRows", "build_official_index", "event_fields",
           "official_index", "official_index_future"]

PAGE_QUERIES = ("official", "official_posts", "official_events")
"""The named queries an official's page reads the facts graph with, in this order."""

EventFields = tuple[str, str, "str | None", "str | None", "str | None"]
"""An event as the page shows it: IRI, id, name, date, the official's role."""


def event_fields(row: dict[str, Any], base_iri: str) -> EventFields:
    """What the page shows of one `official_events` row."""
    iri = str(row["event"])
    return (iri, local_id(iri, base_iri), opt_str(row.get("name")), opt_str(row.get("date")),
            (term_name(opt_str(row.get("role"))) or "").lower() or None)


@dataclass(frozen=True, slots=True)
class OfficialRows:
    """One official's rows: `official` and `official_posts` as the queries give them, and the
    events as `event_fields`."""

    official: tuple[dict[str, Any], ...]
    posts: tuple[dict[str, Any], ...]
    events: tuple[EventFields, ...]


_NONE = OfficialRows((), (), ())


@dataclass(frozen=True)
class OfficialIndex:
    """Every official's rows by the official's id (the last segment of the person's IRI)."""

    people: dict[str, OfficialRows]

    def rows(self, person_id: str) -> OfficialRows:
        """The official's rows (none for an id that names no official, as the queries give)."""
        return self.people.get(person_id, _NONE)


def build_official_index(store: GraphStore, settings: Settings, batch: int = MAX_VALUES) -> OfficialIndex:
    """Run the page's three queries for every official of ``store``, ``batch`` officials a query, on the
    in-memory copy of the facts graph when there is one (waited for)."""
    copy = memory_graphs_future(store, settings)
    if copy is not None:
        copy.result()
    base = store.base_iri
    people = entity_ids(store, "https://schema.org/Person", facts_graph_iri(base))
    interned: dict[Any, Any] = {}
    found: dict[str, OfficialRows] = {}
    for start in range(0, len(people), batch):
        ids = people[start:start + batch]
        official, posts, events = (rows_by_entity(store, settings, name, "person", ids) for name in PAGE_QUERIES)
        for person_id in ids:
            event_rows = (event_fields(row, base) for row in events.get(person_id, ()))
            found[person_id] = OfficialRows(
                tuple(official.get(person_id, ())), tuple(posts.get(person_id, ())),
                tuple(tuple(interned.setdefault(value, value) for value in fields)  # type: ignore[misc]
                      for fields in event_rows))
    return OfficialIndex({person_id: rows for person_id, rows in found.items()
                          if rows.official or rows.posts or rows.events})


def official_index_future(store: GraphStore, settings: Settings) -> Future[OfficialIndex] | None:
    """The indexing of the store's officials (started now if it was not), or None for a store whose
    data can change or that is not embedded."""
    return per_embedded_snapshot("official-index", store, lambda s: build_official_index(s, settings))


def official_index(store: GraphStore, settings: Settings) -> OfficialIndex | None:
    """The officials' rows if they are ready (their computing is started if not)."""
    return ready(official_index_future(store, settings))
