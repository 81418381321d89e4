"""`/path` over the people-hub graph held in memory finds the very chain the store's queries find,
and a read-only server switches to it once it has been read."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vnkg.api import paths
from vnkg.api.app import create_app
from vnkg.api.hub_index import build_hub_index
from vnkg.api.routes.path import hub_index
from vnkg.graph.base import GraphStore
from vnkg.graph.embedded import EmbeddedStore

from .conftest import BASE, api_settings, seeds_and_synthetic

PEOPLE = "SELECT DISTINCT ?p WHERE { ?x <https://w3id.org/vnkg/ontology#participant> ?p } ORDER BY ?p"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeds_and_synthetic(tmp_path_factory, "path-index", 150, seed=5)


@pytest.fixture(scope="module")
def read_only(store_dir: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store:
        yield store


def _chain(store: GraphStore, a: str, b: str, **kwargs: object) -> tuple[object, ...]:
    chain = paths.shortest_chain(store, a, b, timeout=30, **kwargs)  # type: ignore[arg-type]
    return chain.found, chain.steps, chain.labels, chain.dates, chain.citations


def test_the_index_finds_the_chain_the_queries_find(read_only: EmbeddedStore) -> None:
    index = build_hub_index(read_only)
    people = [str(r["p"]) for r in read_only.select(PEOPLE)]
    assert len(people) > 100 and index.size > 1000
    sample = people[:: max(1, len(people) // 14)][:14]
    lengths = set()
    for a, b in itertools.permutations(sample, 2):
        expected = _chain(read_only, a, b)
        assert _chain(read_only, a, b, index=index) == expected, (a, b)
        lengths.add(len(expected[1]))  # type: ignore[arg-type]
    assert len(lengths - {0}) >= 3  # chains of several lengths were compared
    seed = (f"{BASE}person/nguyen-van-son--tuyen-quang", f"{BASE}person/luong-quoc-doan")
    assert _chain(read_only, *seed, index=index) == _chain(read_only, *seed)
    found = paths.shortest_chain(read_only, *seed, index=index)
    assert found.found and all(link for step in found.steps for link in step.links)  # every step cited


def test_a_read_only_server_switches_to_the_index(read_only: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    url = "/path?from=nguyen-van-son--tuyen-quang&to=luong-quoc-doan"
    with TestClient(create_app(api_settings(response_cache_mb=0), read_only)) as client:
        by_queries = client.get(url).json()  # starts reading the index
        for _ in range(200):
            if hub_index(read_only) is not None:
                break
            time.sleep(0.05)
        assert hub_index(read_only) is not None

        def no_queries(*args: object) -> None:
            raise AssertionError("the store was asked for people and hubs")

        monkeypatch.setattr(paths._StoreNeighbours, "hubs", no_queries)
        monkeypatch.setattr(paths._StoreNeighbours, "people", no_queries)
        assert client.get(url).json() == by_queries


def test_a_store_that_can_change_is_searched_by_queries() -> None:
    with EmbeddedStore(None, base_iri=BASE) as writable:
        assert hub_index(writable) is None
