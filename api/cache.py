"""A response cache for a store that cannot change under the server.

A server over a read-only embedded store sees one snapshot of the data until it is restarted (or
the store refreshed, which changes `EmbeddedStore.snapshot`): the same GET gives the same bytes.
This ASGI middleware keeps the bodies of successful GET responses, keyed by the snapshot, the
path, the query string and the ``Accept`` header, in a least-recently-used table bounded in bytes,
and gives every cached response an ``ETag`` (``If-None-Match`` then gets ``304``). It stays out of
the way when the data can change (a writable store, a SPARQL server), for requests with
credentials, for other methods, and for responses that are not ``200``, say ``Cache-Control:
no-store`` or are larger than one entry may be (those stream through unbuffered).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["ResponseCache"]


@dataclass(frozen=True)
class _Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes


class ResponseCache:
    """ASGI middleware: cached GET responses over an unchanging snapshot (see the module)."""

    def __init__(self, app: ASGIApp, max_bytes: int = 64 * 2**20, max_entry_bytes: int = 2 * 2**20) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._entries: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._size = 0
        self.hits = 0
        self.misses = 0

    def _key(self, scope: Scope) -> tuple[Any, ...] | None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or self.max_bytes <= 0:
            return None
        app = scope.get("app")
        store = getattr(getattr(app, "state", None), "store", None)
        snapshot = getattr(store, "snapshot", None)
        if snapshot is None:
            return None
        headers = dict(scope.get("headers") or [])
        if b"authorization" in headers or b"cookie" in headers:
            return None
        return (id(store), snapshot, scope["method"], scope.get("root_path", ""), scope["path"],
                scope.get("query_string", b""), headers.get(b"accept", b""))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        request_headers = dict(scope.get("headers") or [])
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
            await self._replay(entry, request_headers.get(b"if-none-match"), send)
            return
        self.misses += 1
        await self._fill(key, scope, receive, send, request_headers.get(b"if-none-match"))

    async def _replay(self, entry: _Entry, if_none_match: bytes | None, send: Send) -> None:
        if if_none_match is not None and entry.etag in (t.strip() for t in if_none_match.split(b",")):
            headers = [(k, v) for k, v in entry.headers if k in (b"etag", b"vary", b"cache-control")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _fill(self, key: tuple[Any, ...], scope: Scope, receive: Receive, send: Send,
                    if_none_match: bytes | None) -> None:
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        streaming = False  # gave up caching: everything from now on goes straight through

        async def capture(message: Message) -> None:
            nonlocal start, size, streaming
            if streaming:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                if message["status"] != 200 or _no_store(message):
                    streaming = True
                    await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_entry_bytes:  # too big to keep: send what we have, stream the rest
                streaming = True
                assert start is not None
                await send(start)
                await send({"type": "http.response.body", "body": b"".join(chunks),
                            "more_body": message.get("more_body", False)})
                chunks.clear()
                return
            if not message.get("more_body", False):
                assert start is not None
                body = b"".join(chunks)
                etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode("ascii") + b'"'
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"etag"]
                headers.append((b"etag", etag))
                entry = _Entry(200, headers, body, etag)
                self._store(key, entry)
                await self._replay(entry, if_none_match, send)

        await self.app(scope, receive, capture)

    def _store(self, key: tuple[Any, ...], entry: _Entry) -> None:
        self._entries[key] = entry
        self._size += len(entry.body)
        while self._size > self.max_bytes and self._entries:
            _, old = self._entries.popitem(last=False)
            self._size -= len(old.body)


def _no_store(start: Message) -> bool:
    """A response that says ``Cache-Control: no-store`` (an answer that will soon change)."""
    return any(k.lower() == b"cache-control" and b"no-store" in v.lower() for k, v in start.get("headers", []))
