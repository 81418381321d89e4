"""The daemon threads that run store work with a time limit."""

from __future__ import annotations

import threading

import pytest
from vnkg.graph.threads import DaemonPool, Deadline

from tests import aio


def test_results_and_errors_come_back_and_threads_are_reused() -> None:
    pool = DaemonPool("test")
    assert [pool.run(lambda i=i: i * i, timeout=5) for i in range(20)] == [i * i for i in range(20)]
    assert pool.threads == 1
    with pytest.raises(KeyError, match="missing"):
        pool.run(lambda: {}["missing"], timeout=5)
    assert pool.run(lambda: "after an error", timeout=5) == "after an error" and pool.threads == 1


def test_work_over_its_deadline_goes_on_and_new_work_gets_a_thread() -> None:
    pool = DaemonPool("test")
    release, finished = threading.Event(), threading.Event()

    def runaway() -> None:
        release.wait(10)
        finished.set()

    with pytest.raises(Deadline):
        pool.run(runaway, timeout=0.05)
    assert not finished.is_set()
    assert pool.run(lambda: "served", timeout=5) == "served" and pool.threads == 2  # not queued behind it
    release.set()
    assert finished.wait(5)
    assert pool.run(lambda: "reused", timeout=5) == "reused" and pool.threads == 2


def test_threads_are_daemons() -> None:
    pool = DaemonPool("test")
    pool.run(lambda: None, timeout=5)
    assert all(t.daemon for t in threading.enumerate() if t.name.startswith("test-"))


def test_awaited_work_returns_raises_and_meets_its_deadline() -> None:
    pool = DaemonPool("test")
    release = threading.Event()

    async def scenario() -> None:
        assert await pool.run_async(lambda: 6 * 7, timeout=5) == 42
        assert await pool.run_async(lambda: "no limit", timeout=None) == "no limit"
        with pytest.raises(ZeroDivisionError):
            await pool.run_async(lambda: 1 / 0, timeout=5)
        with pytest.raises(Deadline):
            await pool.run_async(lambda: release.wait(10), timeout=0.05)
        assert await pool.run_async(lambda: "next", timeout=5) == "next"

    aio.run(scenario())
    release.set()
