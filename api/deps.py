"""FastAPI dependencies: the settings and the store the app was created with.

Both live on ``app.state`` (set by `vnkg.api.app.create_app` and its lifespan); tests swap the
settings with ``app.dependency_overrides[get_api_settings]`` or pass them to ``create_app``.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from vnkg.graph.base import GraphStore

from vnkg.settings import Settings

from .errors import ApiError
from .memory_graphs import store_for

__all__ = ["Call", "Page", "PageDep", "SettingsDep", "StoreDep", "get_api_settings", "get_store", "run_queries",
           "run_query", "start_queries"]

MAX_LIMIT = 500


async def get_api_settings(request: Request) -> Settings:
    """The settings the app runs with (``async``: FastAPI runs a plain function in a worker thread)."""
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> GraphStore:
    """The store opened (read-only) when the app started (``async``, as `get_api_settings`)."""
    store: GraphStore | None = getattr(request.app.state, "store", None)
    if store is None:
        raise ApiError("the store is not open")
    return store


class Page:
    """``limit``/``offset`` of a list endpoint."""

    def __init__(self, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
                 offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0) -> None:
        self.limit = limit
        self.offset = offset


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_api_settings)]
PageDep = Annotated[Page, Depends()]


def run_query(store: GraphStore, settings: Settings, name: str, /, *, limit: int | None = None,
              offset: int | None = None, **values: object) -> list[dict[str, Any]]:
    """Run the named query ``name`` with these parameter values, within the settings' limits."""
    from vnkg.queries import get_query

    query = get_query(name)
    return query.run(store_for(store, settings, query), values, limit=limit, offset=offset,
                     timeout=settings.query_timeout, max_rows=settings.max_rows)


@dataclass(frozen=True)
class Call:
    """One named query of a page: its name, parameter values and limit."""

    name: str
    values: dict[str, object] = field(default_factory=dict)
    limit: int | None = None


_PAGE_QUERIES = ThreadPoolExecutor(max_workers=8, thread_name_prefix="vnkg-page-query")


def start_queries(store: GraphStore, settings: Settings, *calls: Call) -> list[Future[list[dict[str, Any]]]]:
    """Start several named queries side by side; their futures, in the order given (for a page
    that needs one answer before it can ask its next question while the others still run)."""
    return [_PAGE_QUERIES.submit(run_query, store, settings, c.name, limit=c.limit, **c.values) for c in calls]


def run_queries(store: GraphStore, settings: Settings, *calls: Call) -> list[list[dict[str, Any]]]:
    """The rows of several named queries, run side by side (the store releases the GIL while it
    evaluates), in the order given; the first error raised is raised here.

    A page built from four 3-8 ms queries then costs about the slowest of them, not their sum."""
    if len(calls) == 1:
        call = calls[0]
        return [run_query(store, settings, call.name, limit=call.limit, **call.values)]
    return [future.result() for future in start_queries(store, settings, *calls)]
