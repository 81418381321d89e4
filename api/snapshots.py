"""Work done once per snapshot of a read-only store, in the background.

A read-only store's data does not change until it is refreshed (`GraphStore.snapshot` then
changes), so what is derived from the whole of it (the VoID counts, the people-hub index that
`/path` searches) can be computed once and kept. `computed` starts the computation in a daemon
thread the first time it is asked for and returns its future; callers wait as long as they can
afford and do without otherwise. A failed computation is tried again on the next request; only the
newest snapshot's result is kept for each store. The threads run at a lower priority than the
ones answering requests.

A result is frozen out of the garbage collector's reach (`gc.freeze`) once computed. The results are
large (a million summarised sources, the hub graph, every official's rows: tens of millions of
objects in all at 100,000 articles) and live as long as their snapshot, and each of the collector's
full passes walked all of them: measured under load on the official page at 100,000 articles, p99
went from 203 to 32 ms at 32 connections and throughput up by 14 %. When a newer snapshot replaces
a result, the objects are unfrozen, so that what only the old result held can be collected.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from vnkg.graph.base import GraphStore

__all__ = ["computed", "per_embedded_snapshot", "per_snapshot", "ready"]

T = TypeVar("T")

_KEPT = 16
_FUTURES: dict[tuple[str, int, int], Future[Any]] = {}
_LOCK = threading.Lock()
_UNFROZEN = False
"""Whether objects were unfrozen since the last freeze (under `_LOCK`)."""


def computed(name: str, store: GraphStore, snapshot: int, compute: Callable[[GraphStore], T]) -> Future[T]:
    """The future of ``compute(store)`` for this snapshot, started now if it was not yet."""
    global _UNFROZEN
    key = (name, id(store), snapshot)
    with _LOCK:
        future = _FUTURES.get(key)
        if future is None or (future.done() and future.exception() is not None):
            older = [k for k in _FUTURES if k[:2] == key[:2] and k != key]
            for old in older:
                del _FUTURES[old]  # an earlier snapshot's: not asked for again, and may be large
            if older:
                gc.unfreeze()  # what it held can be collected again (see _run)
                _UNFROZEN = True
            future = _FUTURES[key] = Future()
            threading.Thread(target=_run, args=(compute, store, future), name=f"vnkg-{name}", daemon=True).start()
            while len(_FUTURES) > _KEPT:
                _FUTURES.pop(next(iter(_FUTURES)))
    return future


def per_snapshot(name: str, store: GraphStore, compute: Callable[[GraphStore], T]) -> Future[T] | None:
    """`computed` for the store's current snapshot, or None when its data can change (no snapshot)."""
    snapshot = getattr(store, "snapshot", None)
    return None if snapshot is None else computed(name, store, snapshot, compute)


def per_embedded_snapshot(name: str, store: GraphStore, compute: Callable[[GraphStore], T]) -> Future[T] | None:
    """`per_snapshot` for a store read from its own indexes (the embedded one); None for any other
    (a SPARQL server, which is queried instead)."""
    return per_snapshot(name, store, compute) if hasattr(store, "oxigraph") else None


def ready(future: Future[T] | None) -> T | None:
    """The result of ``future`` if it is done and did not fail, else None (without waiting)."""
    return future.result() if future is not None and future.done() and future.exception() is None else None


def _run(compute: Callable[[GraphStore], T], store: GraphStore, future: Future[T]) -> None:
    _lower_priority()
    try:
        result = compute(store)
    except BaseException as e:  # the request that waits for it reports it
        future.set_exception(e)
        return
    global _UNFROZEN
    with _LOCK:
        if _UNFROZEN:  # collect what an older snapshot's results left in cycles before freezing again
            gc.collect()
            _UNFROZEN = False
        gc.freeze()
    future.set_result(result)


BACKGROUND_NICENESS = 10
"""How much lower than the requests' threads background work runs (Linux thread niceness)."""


def _lower_priority() -> None:
    """Give this thread (on Linux a thread has its own niceness) less CPU than the threads answering
    requests, so that work for later requests (a copy of the graphs, an index) does not slow the
    answers given meanwhile; elsewhere nothing changes."""
    with contextlib.suppress(AttributeError, OSError):
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + BACKGROUND_NICENESS))
