"""The response cache: GET responses over a read-only store are kept and revalidated with ETags;
nothing is cached when the data can change."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Namespace
from vnkg.api.app import create_app
from vnkg.api.cache import ResponseCache
from vnkg.graph.embedded import EmbeddedStore
from vnkg.loaders.pipeline import Loader

from vnkg.settings import Settings

from .conftest import BASE, CORPUS

VOID = Namespace("http://rdfs.org/ns/void#")


def _cache(client: TestClient) -> ResponseCache:
    layer = client.app.middleware_stack  # type: ignore[attr-defined]
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cache") / "store"
    with EmbeddedStore(path, base_iri=BASE) as store:
        assert Loader(store).load_paths([CORPUS / "seeds"]).ok
    return path


def _client(store: EmbeddedStore, **settings: object) -> TestClient:
    return TestClient(create_app(Settings(store=store.path, base_iri=BASE, **settings), store=store))


def test_a_repeated_get_is_served_from_the_cache_with_the_same_bytes(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        first = client.get("/provinces", params={"limit": 5})
        second = client.get("/provinces", params={"limit": 5}, headers={"Origin": "https://example.org"})
        assert first.status_code == second.status_code == 200
        assert first.content == second.content and first.headers["etag"] == second.headers["etag"]
        assert first.headers["content-type"] == second.headers["content-type"]
        assert "access-control-allow-origin" in second.headers  # CORS still applies to cached answers
        assert (_cache(client).misses, _cache(client).hits) == (1, 1)
        other = client.get("/provinces", params={"limit": 6})  # another query string, another entry
        assert other.content != first.content and _cache(client).misses == 2


def test_if_none_match_gets_304_and_accept_is_part_of_the_key(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        as_json = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
        as_csv = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
        assert as_json.headers["content-type"].startswith("application/sparql-results+json")
        assert as_csv.headers["content-type"].startswith("text/csv")
        again = client.get("/sparql", params={"query": query},
                           headers={"Accept": "text/csv", "If-None-Match": as_csv.headers["etag"]})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == as_csv.headers["etag"]


def test_errors_are_not_cached(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        assert client.get("/officials/no-such-person").status_code == 404
        assert client.get("/officials/no-such-person").status_code == 404
        assert _cache(client).hits == 0 and "etag" not in client.get("/officials/no-such-person").headers


def test_a_response_larger_than_an_entry_streams_through_uncached(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        _cache(client).max_entry_bytes = 100
        first = client.get("/provinces", params={"limit": 50})
        second = client.get("/provinces", params={"limit": 50})
        assert first.status_code == 200 and len(first.content) > 100 and first.content == second.content
        assert _cache(client).hits == 0 and "etag" not in first.headers


def test_the_cache_evicts_the_least_recently_used_within_its_bytes(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        cache = _cache(client)
        one = client.get("/provinces", params={"limit": 1})
        cache.max_bytes = len(one.content) + 10  # room for about one small entry
        client.get("/provinces", params={"limit": 2})
        client.get("/provinces", params={"limit": 1})
        assert cache.hits == 0 and cache.misses == 3


def test_nothing_is_cached_over_a_store_that_can_change(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as store, _client(store) as client:
        assert store.snapshot is None
        assert Loader(store).load_paths([CORPUS / "seeds"]).ok
        before = client.get("/provinces", params={"limit": 3}).content
        assert Loader(store).load_paths([CORPUS / "dev"]).ok
        client.get("/provinces", params={"limit": 3})
        assert _cache(client).hits == 0 and _cache(client).misses == 0
        assert before  # answered, not from a cache


def test_refreshing_a_read_only_store_starts_a_new_snapshot(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        client.get("/provinces", params={"limit": 4})
        before = store.snapshot
        store.refresh()
        assert store.snapshot != before
        client.get("/provinces", params={"limit": 4})
        assert _cache(client).hits == 0 and _cache(client).misses == 2


def test_the_cache_can_be_turned_off(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, \
            _client(store, response_cache_mb=0) as client:
        client.get("/provinces", params={"limit": 4})
        client.get("/provinces", params={"limit": 4})
        assert _cache(client).hits == 0 and _cache(client).misses == 0


def test_the_void_description_is_computed_once_per_snapshot(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnkg.api.routes import void

    calls: list[int] = []
    real = void.void_statistics
    monkeypatch.setattr(void, "void_statistics", lambda store: calls.append(1) or real(store))
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, \
            _client(store, response_cache_mb=0) as client:
        turtle = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
        json_ld = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
        assert turtle.status_code == json_ld.status_code == 200 and turtle.content != json_ld.content
        assert "void:triples" in turtle.text and len(calls) == 1
        store.refresh()
        client.get("/.well-known/void")
        assert len(calls) == 2


def test_the_void_description_comes_at_once_and_its_counts_when_ready(store_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from vnkg.api.routes import void

    release = threading.Event()
    failures = [RuntimeError("the store went away")]
    real = void.void_statistics

    def slow(store: EmbeddedStore) -> void.VoidStatistics:
        if failures:
            raise failures.pop()
        release.wait(10)
        return real(store)

    monkeypatch.setattr(void, "void_statistics", slow)
    monkeypatch.setattr(void, "STATISTICS_WAIT", 0.2)
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        store.refresh()  # a snapshot of its own, not counted by another test
        with pytest.raises(RuntimeError, match="went away"):
            client.get("/.well-known/void")  # a failed count is reported ...
        early = client.get("/.well-known/void")  # ... and tried again, this time slowly
        assert early.status_code == 200 and early.headers["retry-after"] == "60"
        assert early.headers["cache-control"] == "no-store"
        described = Graph().parse(data=early.text, format="turtle")
        assert (None, VOID.sparqlEndpoint, None) in described and (None, VOID.triples, None) not in described
        assert "being computed" in early.text
        assert client.get("/.well-known/void").status_code == 200
        assert _cache(client).hits == 0  # an answer marked no-store is not kept
        release.set()
        for _ in range(100):
            ready = client.get("/.well-known/void")
            if "retry-after" not in ready.headers:
                break
            time.sleep(0.05)
        counted = Graph().parse(data=ready.text, format="turtle")
        assert (None, VOID.triples, None) in counted and "being computed" not in ready.text


def test_head_is_the_get_without_its_body(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store, _client(store) as client:
        for path in ("/provinces", "/", "/.well-known/void"):
            get, head = client.get(path), client.head(path)
            assert head.status_code == get.status_code == 200, path
            assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
            assert int(head.headers["content-length"]) == len(get.content)
        assert client.head("/officials/no-such-person").status_code == 404


def test_background_work_is_kept_for_the_newest_snapshot_only() -> None:
    from vnkg.api import snapshots

    class Store:
        snapshot = 0

    store, other = Store(), Store()
    first = snapshots.computed("test-work", store, 1, lambda s: "one")  # type: ignore[arg-type]
    assert first.result(5) == "one"
    assert snapshots.computed("test-work", store, 1, lambda s: "again") is first  # once per snapshot
    kept = snapshots.computed("test-work", other, 1, lambda s: "other")  # type: ignore[arg-type]
    second = snapshots.computed("test-work", store, 2, lambda s: "two")  # type: ignore[arg-type]
    assert second.result(5) == "two"
    keys = [k for k in snapshots._FUTURES if k[0] == "test-work"]
    assert (("test-work", id(store), 1) not in keys and ("test-work", id(store), 2) in keys
            and ("test-work", id(other), 1) in keys and kept.result(5) == "other")
    failed = snapshots.computed("test-fail", store, 1, lambda s: 1 / 0)  # type: ignore[arg-type]
    with pytest.raises(ZeroDivisionError):
        failed.result(5)
    assert snapshots.computed("test-fail", store, 1, lambda s: "retried").result(5) == "retried"  # type: ignore[arg-type]


def test_a_result_is_frozen_out_of_the_collectors_reach_until_a_newer_snapshot_replaces_it() -> None:
    import gc
    import weakref

    from vnkg.api import snapshots

    class Store:
        snapshot = 0

    class Result:
        """Held in a reference cycle: only the cyclic collector can free it."""

        def __init__(self) -> None:
            self.me = self

    store = Store()
    first = snapshots.computed("test-freeze", store, 1, lambda s: Result())  # type: ignore[arg-type]
    gone = weakref.ref(first.result(5))
    assert gc.get_freeze_count() > 0
    del first
    snapshots._FUTURES.pop(("test-freeze", id(store), 1))  # dropped, but frozen: never collected
    gc.collect()
    assert gone() is not None
    second = snapshots.computed("test-freeze", store, 2, lambda s: Result())  # type: ignore[arg-type]
    third = snapshots.computed("test-freeze", store, 3, lambda s: Result())  # type: ignore[arg-type]  replaces 2
    assert third.result(5) is not None and second.result(5) is not None
    # the newer snapshot unfroze everything, and what was left in cycles was collected before its
    # own result was frozen
    assert gone() is None
