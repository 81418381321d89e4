"""Daemon worker threads that run store work with a time limit.

The embedded store cannot interrupt a running query, so a query over its time limit is left to
finish in the background while the caller gets `QueryTimeout`. A new thread per query did that at
the cost of starting a thread each time (a few hundred microseconds, more than some lookups take);
these threads are started once and reused. They are daemons, so a runaway query never keeps the
process from exiting, and the pool grows when every thread is busy (with queries over their time
limit, say) instead of making new work wait behind them.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

__all__ = ["DaemonPool", "Deadline"]

T = TypeVar("T")


class Deadline(Exception):  # noqa: N818 (a signal, not a failure of the pool)
    """The work did not finish in time; it goes on in its thread."""


class DaemonPool:
    """Reused daemon threads; `run` waits for one piece of work at most ``timeout`` seconds, and
    `run_async` awaits it without a thread of the caller's in between.

    >>> DaemonPool("doc").run(lambda: 6 * 7, timeout=5)
    42
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._threads = 0

    @property
    def threads(self) -> int:
        """Threads started so far."""
        return self._threads

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Start ``work()`` on a free thread (a new one when none is free); its future."""
        future: Future[T] = Future()
        with self._lock:
            if self._idle:
                self._idle -= 1
            else:
                self._threads += 1
                threading.Thread(target=self._serve, name=f"{self._name}-{self._threads}", daemon=True).start()
        self._jobs.put((future, work))
        return future

    def run(self, work: Callable[[], T], timeout: float) -> T:
        """``work()``'s result or exception; `Deadline` when it takes longer than ``timeout``."""
        future = self.submit(work)
        try:
            return future.result(timeout)
        except FutureTimeout:
            raise Deadline(f"still running after {timeout:g} s") from None

    async def run_async(self, work: Callable[[], T], timeout: float | None) -> T:
        """`run` for a coroutine: the event loop is woken when the work is done."""
        future = asyncio.wrap_future(self.submit(work))
        if timeout is None:
            return await future
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            raise Deadline(f"still running after {timeout:g} s") from None

    def _serve(self) -> None:
        while True:
            future, work = self._jobs.get()
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(work())
                except BaseException as e:  # handed over to the caller
                    future.set_exception(e)
            del future, work
            with self._lock:
                self._idle += 1
