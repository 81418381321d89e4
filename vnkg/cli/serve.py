"""`vnkg serve`: the HTTP API (SPARQL endpoint, named queries, JSON API) under uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer

from vnkg.cli.app import StoreOption, app


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    store: StoreOption = None,
) -> None:
    """Serve the graph over HTTP: /sparql, /queries, /officials, /blocs, ... (OpenAPI docs at /docs)."""
    import uvicorn

    from vnkg.api.app import create_app
    from vnkg.settings import Settings

    settings = Settings(store=store) if store is not None else Settings()
    uvicorn.run(create_app(settings), host=host, port=port)
