"""The rows of the named queries an entity's page reads, for many entities of one kind at once.

A read-only store does not change until it is refreshed, so a page whose queries depend only on
the entity (an official's, a province's) can read its rows from what was computed once per
snapshot (`vnkg.api.snapshots`) instead of querying. The rows are the named queries' own: each
is run with ``VALUES`` over up to a thousand entities (the queries project the entity's variable)
and its rows grouped by entity, cut where a page's own query would be cut, and put in a total
order, the query's ``ORDER BY`` with ties broken by the rows' other values, which a page's own rows
get too (`in_page_order`): then both ways give the same page.
"""

from __future__ import annotations

from typing import Any

from rdflib import URIRef
from vnkg.graph.base import GraphStore
from vnkg.queries import NamedQuery, get_query
from vnkg.queries.ordering import sort_rows

from vnkg.settings import Settings

from .memory_graphs import store_for
from .models import local_id

__all__ = ["Row", "entity_ids", "in_page_order", "rows_by_entity"]

Row = dict[str, Any]

_ENTITIES = "SELECT DISTINCT ?entity WHERE { GRAPH $graph { ?entity a $class } }"


def entity_ids(store: GraphStore, class_iri: str, graph: URIRef) -> list[str]:
    """The ids (last segments of their IRIs) of the instances of ``class_iri`` stated in ``graph``,
    sorted."""
    rows = store.select(_ENTITIES, {"graph": graph, "class": URIRef(class_iri)})
    return sorted({local_id(str(row["entity"]), store.base_iri) for row in rows})


def rows_by_entity(store: GraphStore, settings: Settings, name: str, param: str, ids: list[str],
                   limit: int | None = None) -> dict[str, list[Row]]:
    """The rows of the named query ``name`` for each of ``ids`` (its parameter ``param``, which it
    projects as a variable of the same name), by id; each id's rows as a page's own query with
    ``limit`` gives them (at most ``Settings.max_rows``), in `in_page_order`. Ids without rows are
    left out."""
    query = get_query(name)
    grouped: dict[str, list[Row]] = {}
    for row in query.run(store_for(store, settings, query), {param: ids}):
        grouped.setdefault(local_id(str(row[param]), store.base_iri), []).append(row)
    cut = settings.max_rows if limit is None else min(limit, settings.max_rows)
    return {key: in_page_order(query, rows[:cut]) for key, rows in grouped.items()}


def in_page_order(query: NamedQuery | str, rows: list[Row]) -> list[Row]:
    """One entity's rows of ``query`` in a total order: the query's own ``ORDER BY`` (its rows are
    already in it), ties broken by every other value, so that the query's rows for one entity and
    for many give the same page."""
    if isinstance(query, str):
        query = get_query(query)
    rows.sort(key=_every_value)
    return sort_rows(rows, query.order)


def _every_value(row: Row) -> tuple[tuple[str, bool, str], ...]:
    return tuple((name, value is not None, str(value or "")) for name, value in sorted(row.items()))
