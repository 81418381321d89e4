"""Daemon worker threads that run store work with a time limit.

The embedded store cannot interrupt a running query, so a query over its time limit is left to
finish in the background while the caller gets `QueryTimeout`. A new thread per query did that at
the cost of starting a thread each time (a few hundred microseconds, more than some lookups take);
these threads are started once and reused. They are daemons, so a runaway query never keeps the
process from exiting, and the pool grows when every thread is busy (with queries over their time
limit, say) instead of making new work wait behind them.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["DaemonPool", "Deadline"]

T = TypeVar("T")


class Deadline(Exception):  # noqa: N818 (a signal, not a failure of the pool)
    """The work did not finish in time; it goes on in its thread."""


class _Job(Generic[T]):
    __slots__ = ("done", "error", "value", "work")

    def __init__(self, work: Callable[[], T]) -> None:
        self.work = work
        self.done = threading.Event()
        self.value: T | None = None
        self.error: BaseException | None = None


class DaemonPool:
    """Reused daemon threads; `run` waits for one piece of work at most ``timeout`` seconds.

    >>> DaemonPool("doc").run(lambda: 6 * 7, timeout=5)
    42
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[_Job[Any]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._threads = 0

    @property
    def threads(self) -> int:
        """Threads started so far."""
        return self._threads

    def run(self, work: Callable[[], T], timeout: float) -> T:
        """``work()``'s result or exception; `Deadline` when it takes longer than ``timeout``."""
        job: _Job[T] = _Job(work)
        with self._lock:
            if self._idle:
                self._idle -= 1
            else:
                self._threads += 1
                threading.Thread(target=self._serve, name=f"{self._name}-{self._threads}", daemon=True).start()
        self._jobs.put(job)
        if not job.done.wait(timeout):
            raise Deadline(f"still running after {timeout:g} s")
        if job.error is not None:
            raise job.error
        return job.value  # type: ignore[return-value]

    def _serve(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job.value = job.work()
            except BaseException as e:  # handed over to the caller
                job.error = e
            finally:
                job.done.set()
                job.work = None  # type: ignore[assignment]
                with self._lock:
                    self._idle += 1
