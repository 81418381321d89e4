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

__all__ = ["LISTINGS", "Listing", "listing_page"]

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <https://schema.org/>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
"""


@dataclass(frozen=True)
class Listing:
    """A named query paged from a stored order: the order's query (``{facts}`` is the facts graph),
    the columns that name a row (the first is the item), and the parameter that takes the items."""

    query: str
    order: str
    columns: tuple[str, ...]
    items_param: str


LISTINGS = {
    "awards": Listing("awards", _PREFIXES + """SELECT ?award ?year ?type ?status
WHERE {{
  GRAPH {facts} {{ ?award a vnkg:AwardConferral . }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:year ?year }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:awardType ?type }} }}
  OPTIONAL {{ GRAPH {facts} {{ ?award vnkg:awardStatus ?status }} }}
}}
ORDER BY DESC(?year) ?award""", ("award", "year", "type", "status"), "award"),
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

Key = tuple[str | None, ...]


def _key(row: dict[str, Any], columns: Sequence[str]) -> Key:
    return tuple(None if row.get(c) is None else str(row[c]) for c in columns)


def read_order(listing: Listing, store: GraphStore) -> list[Key]:
    """Every row of the listing, in its order (whole-store work: ~1-2 s at 100,000 articles)."""
    text = listing.order.format(facts=facts_graph_iri(store.base_iri).n3())
    return [_key(row, listing.columns) for row in store.select(text)]


def listing_page(store: GraphStore, settings: Settings, name: str, limit: int, offset: int) -> list[dict] | None:  # type: ignore[type-arg]
    """The rows of one page of an unfiltered listing from its stored order, or None when there is
    no order to page from yet (the caller then runs the query with ``LIMIT``/``OFFSET``)."""
    listing = LISTINGS[name]
    future = per_snapshot(f"order-{name}", store, lambda s: read_order(listing, s))
    if future is None or not future.done() or future.exception() is not None:
        return None
    chosen = future.result()[offset: offset + limit]
    if not chosen:
        return []
    items = sorted({local_id(str(key[0]), store.base_iri) for key in chosen})
    rows = {_key(row, listing.columns): row
            for row in run_query(store, settings, listing.query, **{listing.items_param: items})}
    return [rows[key] for key in chosen if key in rows]
