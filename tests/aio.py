"""Running a coroutine from a test, whatever event loop the test session already runs.

The browser tests drive Playwright's synchronous API, which keeps an event loop running in the main
thread for the rest of the session; ``asyncio.run`` refuses to start another there. A coroutine is
therefore run on its own loop in a thread of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """The coroutine's result (or exception), run to its end on a fresh event loop."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-aio") as pool:
        return pool.submit(asyncio.run, coroutine).result()
