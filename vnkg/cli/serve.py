"""`vnkg serve`: the HTTP API (SPARQL endpoint, named queries, JSON API) under uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from vnkg.cli.app import StoreOption, app
from vnkg.cli.commands_store import err_console


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    store: StoreOption = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1,
        help="Server processes, each with its own read-only view of the store (one per CPU serves "
             "the most requests); a server that accepts updates runs one.")] = 1,
) -> None:
    """Serve the graph over HTTP: /sparql, /queries, /officials, /blocs, ... (OpenAPI docs at /docs)."""
    import uvicorn

    from vnkg.api.app import create_app
    from vnkg.settings import Settings

    settings = Settings(store=store) if store is not None else Settings()
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port)
        return
    if settings.update_token is not None:
        err_console.print("[red]error:[/red] a server that accepts updates (VNKG_UPDATE_TOKEN) holds the "
                          "store's writer lock: run it with --workers 1")
        raise typer.Exit(2)
    # Each worker process builds its app from the environment (VNKG_*), as `create_app()` does.
    if store is not None:
        os.environ["VNKG_STORE"] = str(store)
    uvicorn.run("vnkg.api.app:create_app", factory=True, host=host, port=port, workers=workers)
