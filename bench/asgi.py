"""Calling the API app in process, straight through ASGI, for the latency section.

An HTTP client in the same process costs as much as the fast routes it measures: Starlette's
TestClient takes ~2 ms a request (a thread hop through an anyio portal) and httpx spends ~1.5 ms
percent-encoding a 3 KB SPARQL query. Neither is work a server does, so each call here is one
ASGI request built by hand (the query string encoded once, up front) and run to its last byte on
one event loop. `floor_ms` times a route that does nothing, through the same middlewares: what the
framework itself costs a request.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any
from urllib.parse import urlencode

__all__ = ["AsgiClient"]

_FLOOR_PATH = "/__bench_floor"


class AsgiClient:
    """GET requests to an ASGI app, answered in the calling thread; returns status and body size.

    >>> async def app(scope, receive, send):
    ...     await send({"type": "http.response.start", "status": 200, "headers": []})
    ...     await send({"type": "http.response.body", "body": b"hello"})
    >>> AsgiClient(app).get("/x", params={"q": "a b"})
    (200, 5)
    """

    def __init__(self, app: Any, host: str = "bench") -> None:
        self._app = app
        self._host = host.encode()
        self._loop = asyncio.new_event_loop()

    def close(self) -> None:
        self._loop.close()

    def __enter__(self) -> AsgiClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, path: str, params: dict[str, str] | None = None,
            accept: str = "application/json") -> tuple[int, int]:
        """Status and body length of ``GET path`` (``path`` may carry its own query string)."""
        route, _, query = path.partition("?")
        if params:
            query = "&".join(part for part in (query, urlencode(params)) if part)
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": route, "raw_path": route.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": [(b"host", self._host), (b"accept", accept.encode())],
                 "client": ("127.0.0.1", 50000), "server": (self._host.decode(), 80)}
        answer = {"status": 0, "size": 0}

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
            elif message["type"] == "http.response.body":
                answer["size"] += len(message.get("body", b""))

        self._loop.run_until_complete(self._app(scope, receive, send))
        return answer["status"], answer["size"]

    def floor_ms(self, app: Any, runs: int = 200) -> float:
        """Median ms of a request to a route that returns two bytes (added to ``app`` for this)."""
        from starlette.responses import Response

        async def nothing(request: Any) -> Response:
            return Response(b"ok")

        if not any(getattr(r, "path", None) == _FLOOR_PATH for r in app.router.routes):
            app.router.add_route(_FLOOR_PATH, nothing)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            self.get(_FLOOR_PATH)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        return round(times[len(times) // 2], 3)
