"""The order of the two long listings, ``/awards`` and ``/conferences`` without a filter.

Unfiltered, a page of either listing sorts every award (by year) or every event (by date) of the
store before it can pick 50: 1-2 s at 100,000 articles, whatever the page. A read-only store does
not change until it is refreshed, so the sorted rows (the listing's own subquery, without its
names) are read once per snapshot in the background (`vnkg.api.snapshots`); a page is then a slice
of them, and the named query is run for just the awards or events of the slice (``VALUES``) to
add their names. Rows come back in the order of the slice: the same page as the query's own
``ORDER BY``/``LIMIT``/``OFFSET``. Until the order is read, and on stores that can change, the
query pages by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vnkg.graph.base import GraphStore, facts_graph_iri

from vnkg.settings import Settings

from .deps import run_query
from .models import local_id
from .snapshots import per_snapshot

__all__ = ["BY_PROVINCE", "LISTINGS", "Listing", "Slice", "listing_page", "province_slice"]

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
"""


@dataclass(frozen=True)
class Listing:
    """A named query paged from a stored order: the order's query (``{facts}`` is the facts graph),
    the columns that name a row (the first is the item), and the parameter that takes the items.

    With ``by``, a filter parameter of the query whose column the order query also returns: the
    order is kept per value of it, and a page filtered by that value alone is a slice too."""

    query: str
    order: str
    columns: tuple[str, ...]
    items_param: str
    by: str | None = None


LISTINGS = {
    "awards": Listing("awards", _PREFIXES + """SELECT ?award ?year ?type ?status
WHERE {{
  GRAPH {facts} {{ ?award a vnkg:AwardConferral . }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:year ?year }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:awardType ?type }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:awardStatus ?status }} }}
}}
ORDER BY DESC(?year) ?award ?type ?status""", ("award", "year", "type", "status"), "award"),
    "conferences": Listing("conferences", _PREFIXES + """SELECT ?event ?bloc ?type ?date
WHERE {{
  VALUES ?type {{ vnkg:Conference vnkg:PactSigning vnkg:Launch }}
  GRAPH {facts} {{ ?event rdf:type ?type . }}
  OPTIONAL {{ GRAPH {facts} {{ ?event vnkg:bloc ?bloc }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?event schema:startDate ?date }} }}
}}
ORDER BY DESC(?date) ?event""", ("event", "bloc", "type", "date"), "event"),
}
"""The listings paged from a stored order: each order query is its named query's subquery with no
filter, without ``LIMIT`` (tests check the pages agree)."""

BY_PROVINCE = {
    "awards": Listing("awards", _PREFIXES + """SELECT ?province ?award ?year ?type ?status
WHERE {{
  GRAPH {facts} {{ ?award vnkg:recipient ?province . ?award a vnkg:AwardConferral . }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:year ?year }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:awardType ?type }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:awardStatus ?status }} }}
}}
ORDER BY DESC(?year) ?award ?type ?status""", ("award", "year", "type", "status"), "award", by="province"),
}
"""Listings also kept per recipient, for a province's page: its most recent awards and how many
there are, without sorting all of them (~1,000 at 100,000 articles) at every request."""

Key = tuple[str | None, ...]


def _key(row: dict[str, Any], columns: Sequence[str]) -> Key:
    return tuple(None if row.get(c) is None else str(row[c]) for c in columns)


def read_order(listing: Listing, store: GraphStore) -> list[Key]:
    """Every row of the listing, in its order (whole-store work: ~1-2 s at 100,000 articles)."""
    text = listing.order.format(facts=facts_graph_iri(store.base_iri).n3())
    return [_key(row, listing.columns) for row in store.select(text)]


def read_grouped_order(listing: Listing, store: GraphStore) -> dict[str, tuple[list[Key], int]]:
    """Every row of the listing, in its order, kept per value of its ``by`` column, with the number
    of distinct items of each value (counted once here, not at every request)."""
    assert listing.by is not None
    text = listing.order.format(facts=facts_graph_iri(store.base_iri).n3())
    groups: dict[str, list[Key]] = {}
    for row in store.select(text):
        groups.setdefault(str(row[listing.by]), []).append(_key(row, listing.columns))
    return {value: (keys, len({key[0] for key in keys})) for value, keys in groups.items()}


def _ready(name: str, store: GraphStore, read: Any) -> Any:
    future = per_snapshot(name, store, read)
    if future is None or not future.done() or future.exception() is not None:
        return None
    return future.result()


def _decorated(store: GraphStore, settings: Settings, part: Slice) -> list[dict]:  # type: ignore[type-arg]
    """The query's rows for the slice's keys, in their order (the query adds the names)."""
    if not part.keys:
        return []
    listing = part.listing
    return part.in_order(run_query(store, settings, listing.query, **{listing.items_param: part.items(store.base_iri)}))


def listing_page(store: GraphStore, settings: Settings, name: str, limit: int, offset: int) -> list[dict] | None:  # type: ignore[type-arg]
    """The rows of one page of an unfiltered listing from its stored order, or None when there is
    no order to page from yet (the caller then runs the query with ``LIMIT``/``OFFSET``)."""
    listing = LISTINGS[name]
    order = _ready(f"order-{name}", store, lambda s: read_order(listing, s))
    if order is None:
        return None
    return _decorated(store, settings, Slice(listing, order[offset: offset + limit]))


@dataclass(frozen=True)
class Slice:
    """Part of a listing taken from its kept order: the rows' keys in order, and how many distinct
    items the whole (filtered) listing has. The listing's query, asked for `items` only, gives the
    rows; `in_order` puts them in the order of the keys."""

    listing: Listing
    keys: list[Key]
    total: int | None = None
    """Distinct items of the whole (filtered) listing; None where it is not counted."""

    def items(self, base_iri: str) -> list[str]:
        return sorted({local_id(str(key[0]), base_iri) for key in self.keys})

    def in_order(self, rows: list[dict]) -> list[dict]:  # type: ignore[type-arg]
        by_key = {_key(row, self.listing.columns): row for row in rows}
        return [by_key[key] for key in self.keys if key in by_key]


def province_slice(store: GraphStore, name: str, province: str, limit: int) -> Slice | None:
    """The first ``limit`` rows of a listing filtered by one province (its id), from the order kept
    per province; None when that order is not read yet (or the store can change)."""
    listing = BY_PROVINCE[name]
    groups = _ready(f"order-{name}-by-province", store, lambda s: read_grouped_order(listing, s))
    if groups is None:
        return None
    keys, total = groups.get(f"{store.base_iri}province/{province}", ([], 0))
    return Slice(listing, keys[:limit], total)
