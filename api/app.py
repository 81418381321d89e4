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

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from vnkg.graph.base import GraphStore

from vnkg.settings import Settings, get_settings

from .errors import install_handlers

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
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type", "Authorization"], expose_headers=["X-SPARQL-MaxRows"],
        max_age=3600)
    install_handlers(app)
    for spec in ROUTERS:
        app.include_router(_router(spec))
    return app
