"""The facts and reference graphs held in memory answer every named query that reads only them
exactly as the store does, and a read-only server uses them once they are copied."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vnkg.api import memory_graphs
from vnkg.api.app import create_app
from vnkg.api.memory_graphs import COPIED, memory_graphs_future, store_for
from vnkg.api.routes import provinces
from vnkg.api.snapshots import BACKGROUND_NICENESS, computed
from vnkg.graph.embedded import EmbeddedStore
from vnkg.queries import NamedQuery, load_queries

from bench.run import Params

from .conftest import BASE, api_settings, seeds_and_synthetic

HEADER = "#+ name: probe\n#+ summary: a probe\n"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeds_and_synthetic(tmp_path_factory, "memory-graphs", 120, seed=7)


@pytest.fixture(scope="module")
def read_only(store_dir: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def copy(read_only: EmbeddedStore) -> EmbeddedStore:
    future = memory_graphs_future(read_only, api_settings())
    assert future is not None
    copied = future.result(timeout=120)
    assert copied is not None
    return copied


def _probe(where: str) -> NamedQuery:
    return NamedQuery(name="probe", summary="a probe", text=f"{HEADER}SELECT * WHERE {{ {where} }}")


@pytest.mark.parametrize(("where", "expected"), [
    ("GRAPH ?factsGraph { ?s ?p ?o }", {"factsGraph"}),
    ("GRAPH ?factsGraph { ?s ?p ?o } OPTIONAL { GRAPH ?referenceGraph { ?o ?q ?r } }",
     {"factsGraph", "referenceGraph"}),
    ("GRAPH ?factsGraph { ?s ?p ?o } GRAPH ?articleGraph { ?s ?q ?r }", {"factsGraph", "articleGraph"}),
    ("GRAPH ?factsGraph { ?s ?p ?o } OPTIONAL { ?o ?q ?r }", None),  # the union of all graphs
    ("?s ?p ?o", None),
    ("GRAPH <http://example.org/g> { ?s ?p ?o }", None),
    ("GRAPH ?factsGraph { ?s ?p ?o FILTER NOT EXISTS { ?s ?q ?o } }", {"factsGraph"}),
    ("GRAPH ?factsGraph { ?s ?p ?o } FILTER EXISTS { ?s ?q ?o }", None),
    ("GRAPH ?factsGraph { ?s ?p ?o } { SELECT ?s WHERE { ?s ?x ?y } }", None),
    ("GRAPH ?factsGraph { ?s ?p ?o } FILTER EXISTS { GRAPH ?factsGraph { ?s ?q ?o } }", {"factsGraph"}),
    ("GRAPH ?factsGraph { ?s ?p ?o } MINUS { ?s ?q ?o }", None),
    ("GRAPH ?factsGraph { ?s ?p ?o } FILTER NOT EXISTS { GRAPH ?g { ?s ?q ?o } }", {"factsGraph", "g"}),
    ("VALUES ?s { 1 } GRAPH ?factsGraph { ?s ?p ?o }", {"factsGraph"}),
])
def test_the_graphs_a_query_reads(where: str, expected: set[str] | None) -> None:
    assert _probe(where).graphs_read == (None if expected is None else frozenset(expected))


def test_the_entity_pages_lookups_read_only_the_copied_graphs() -> None:
    queries = load_queries()
    copied = {name for name, query in queries.items() if query.graphs_read is not None and query.graphs_read <= COPIED}
    assert {"official", "official_events", "province", "province_blocs", "province_officials", "awards",
            "award_count", "bloc", "bloc_members", "bloc_leadership", "bloc_conferences", "conference_count"} <= copied
    assert not copied & {"official_timeline", "official_source_list", "official_evidence", "conference"}


def _cases(store: EmbeddedStore) -> Iterator[tuple[NamedQuery, dict[str, str]]]:
    params = Params.from_store(store, seed=3, size=8)
    for query in load_queries().values():
        if query.graphs_read is None or not query.graphs_read <= COPIED:
            continue
        yield query, query.example_values()
        for optional in (False, True):
            for values in params.value_sets(query, 4, optional=optional):
                yield query, values


def _rows(query: NamedQuery, store: EmbeddedStore, values: dict[str, str]) -> list[dict[str, object]]:
    """The rows, each ``GROUP_CONCAT`` as the set of what it joins (SPARQL leaves their order open,
    and each store joins them in the order it reads them)."""
    joined = set(re.findall(r"GROUP_CONCAT\(.*?\) AS \?(\w+)\)", query.text))
    rows = query.run(store, values, limit=50 if query.paginate else None, timeout=30)
    return [{k: frozenset(str(v).split()) if k in joined else v for k, v in row.items()} for row in rows]


def test_the_copy_answers_as_the_store_does(read_only: EmbeddedStore, copy: EmbeddedStore) -> None:
    compared: dict[str, int] = {}
    for query, values in _cases(read_only):
        expected = _rows(query, read_only, values)
        assert _rows(query, copy, values) == expected, (query.name, values)
        compared[query.name] = compared.get(query.name, 0) + len(expected)
    assert len(compared) >= 15 and sum(compared.values()) > 1000
    assert all(compared[name] for name in ("province_blocs", "official_events", "bloc_members"))


def test_queries_run_on_the_copy_once_it_is_made(read_only: EmbeddedStore, copy: EmbeddedStore) -> None:
    settings = api_settings()
    queries = load_queries()
    assert store_for(read_only, settings, queries["province_blocs"]) is copy
    assert store_for(read_only, settings, queries["official_source_list"]) is read_only  # an article's graph


def test_a_read_only_server_answers_from_the_copy(read_only: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    url = "/provinces/bac-kan"
    monkeypatch.setattr(provinces, "province_index", lambda store, settings: None)  # the page runs its queries
    with TestClient(create_app(api_settings(response_cache_mb=0), read_only)) as client:
        from_disk = client.get(url).json()  # starts the copy
        deadline = time.monotonic() + 120
        while memory_graphs.memory_graphs(read_only, api_settings()) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        copied = memory_graphs.memory_graphs(read_only, api_settings())
        assert copied is not None
        asked: list[str] = []
        original = EmbeddedStore.select

        def select(store: EmbeddedStore, *args: object, **kwargs: object) -> object:
            asked.append("copy" if store is copied else "disk")
            return original(store, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(EmbeddedStore, "select", select)
        assert client.get(url).json() == from_disk
        assert asked and set(asked) == {"copy"}


def test_no_copy_for_a_store_that_can_change_or_when_turned_off(read_only: EmbeddedStore) -> None:
    with EmbeddedStore(None, base_iri=BASE) as writable:
        assert memory_graphs_future(writable, api_settings()) is None
    assert memory_graphs_future(read_only, api_settings(memory_graphs_mb=0)) is None


def test_graphs_too_large_for_the_budget_stay_on_disk(read_only: EmbeddedStore,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory_graphs, "BYTES_PER_QUAD", 10**9)  # every graph is too large
    settings = api_settings(memory_graphs_mb=1)
    future = memory_graphs_future(read_only, settings)
    assert future is not None and future.result(timeout=60) is None
    assert store_for(read_only, settings, load_queries()["province_blocs"]) is read_only


@pytest.mark.skipif(sys.platform != "linux", reason="threads have their own niceness on Linux only")
def test_background_work_runs_below_the_requests() -> None:
    class Snapshot:
        snapshot = 1

    def niceness(_: object) -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    ours = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    background = computed("niceness-probe", Snapshot(), 1, niceness).result(timeout=10)  # type: ignore[arg-type]
    assert background == min(19, ours + BACKGROUND_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == ours  # the caller's is unchanged
