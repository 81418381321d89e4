"""The FastAPI application: `create_app` builds it over a store (opened read-only at start-up).

Routers are listed in `ROUTERS` (module path and attribute): adding one is one line. JSON API
paths are ``/sparql``, ``/queries/...``, ``/officials``, ``/blocs``, ``/provinces``,
``/conferences``, ``/awards``, ``/path``; HTML pages may live at ``/`` and ``/page/...``.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version as _version
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from vnkg.graph.base import GraphStore

from vnkg.settings import Settings, get_settings

from .cache import ResponseCache
from .errors import install_handlers
from .head import HeadAsGet
from .models import ErrorBody

__all__ = ["ROUTERS", "create_app"]

ROUTERS: list[str] = [
    "vnkg.api.routes.sparql:router",
    "vnkg.api.routes.queries:router",
    "vnkg.api.routes.officials:router",
    "vnkg.api.routes.blocs:router",
    "vnkg.api.routes.provinces:router",
    "vnkg.api.routes.conferences:router",
    "vnkg.api.routes.awards:router",
    "vnkg.api.routes.path:router",
    "vnkg.api.routes.linked_data:router",
    "vnkg.api.routes.void:router",
    "vnkg.api.routes.pages:router",
]
"""Every router of the app, as ``module:attribute``; the app includes them in this order."""

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "A parameter does not fit (the message says which and why)."},
    503: {"model": ErrorBody, "description": "The query ran longer than the time limit, or the store is away."},
}
"""Documented on every operation: all error answers share the `ErrorBody` shape."""


def _router(spec: str) -> APIRouter:
    module, _, attribute = spec.partition(":")
    router: APIRouter = getattr(importlib.import_module(module), attribute or "router")
    return router


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The app over ``store`` (left open at shutdown when given), or over the store the
    settings describe (opened read-only at start-up, or writable when an update token is set,
    and closed at shutdown)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        from vnkg.graph.factory import open_store

        opened = open_store(settings, read_only=settings.update_token is None)
        app.state.store = opened
        try:
            yield
        finally:
            app.state.store = None
            opened.close()

    app = FastAPI(
        title="vnkg",
        version=_version("vnkg"),
        summary="Vietnamese officials, provinces, emulation blocs, conferences and awards, as linked data.",
        description="A SPARQL 1.1 endpoint (`/sparql`), named queries (`/queries`) and a JSON API over the "
                    "relationships. Every resource's `id` is the last segment of its IRI.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.add_middleware(ResponseCache, max_bytes=max(0, settings.response_cache_mb) * 2**20)
    app.add_middleware(HeadAsGet)  # a HEAD is the GET without its body, cached or not
    app.add_middleware(  # outside the cache: every response, cached or not, gets the CORS headers
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type", "Authorization"], expose_headers=["X-SPARQL-MaxRows"],
        max_age=3600)
    install_handlers(app)
    for spec in ROUTERS:
        app.include_router(_router(spec), responses=ERROR_RESPONSES)
    _document_errors(app)
    return app


def _document_errors(app: FastAPI) -> None:
    """Make the OpenAPI document say what validation errors really look like (`ErrorBody`)."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                                 description=app.description, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            error = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
            components["ErrorBody"] = error
            components["HTTPValidationError"] = error
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
