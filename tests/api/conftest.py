"""Fixtures: the seed and dev articles loaded once into an embedded store and once into a real
Oxigraph server; ``store`` and ``client`` run each test on both."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from vnkg.api.app import create_app
from vnkg.graph.base import GraphStore
from vnkg.graph.embedded import EmbeddedStore
from vnkg.graph.remote import RemoteStore
from vnkg.loaders.pipeline import Loader

from bench.generate import generate
from tests.fixtures.oxigraph import OxigraphServer
from vnkg.settings import Settings

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus"
BASE = "https://w3id.org/vnkg/id/"


def _load(store: GraphStore) -> GraphStore:
    summary = Loader(store).load_paths([CORPUS / "seeds", CORPUS / "dev"])
    assert summary.ok, [str(f) for f in summary.failed]
    return store


@pytest.fixture(scope="package")
def embedded_api_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    with EmbeddedStore(tmp_path_factory.mktemp("api-store") / "store", base_iri=BASE) as store:
        yield _load(store)


@pytest.fixture(scope="package")
def remote_api_store(oxigraph_server: OxigraphServer) -> Iterator[GraphStore]:
    oxigraph_server.clear()
    with RemoteStore(oxigraph_server.query_url, update_url=oxigraph_server.update_url,
                     gsp_url=oxigraph_server.gsp_url, base_iri=BASE) as store:
        yield _load(store)


@pytest.fixture(scope="package", params=["embedded", pytest.param("remote", marks=pytest.mark.server)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    """The loaded store, once embedded and once on a real Oxigraph server."""
    return request.getfixturevalue(f"{request.param}_api_store")


def seeds_and_synthetic(tmp_path_factory: pytest.TempPathFactory, name: str, n: int, seed: int) -> Path:
    """A store directory holding the seed and dev articles and ``n`` synthetic ones (bench.generate)."""
    directory = tmp_path_factory.mktemp(name) / "store"
    with EmbeddedStore(directory, base_iri=BASE) as store:
        assert Loader(store).load_paths([CORPUS / "seeds", CORPUS / "dev"]).ok
        assert Loader(store).load((doc["article"]["id"], doc) for doc in generate(n, seed=seed)).loaded == n
    return directory


@pytest.fixture(scope="package")
def indexed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of seed, dev and 80 synthetic articles, for the tests of what a read-only store
    keeps per snapshot (the officials' and the provinces' rows)."""
    return seeds_and_synthetic(tmp_path_factory, "page-rows", 80, seed=5)


@pytest.fixture(scope="package")
def indexed_store(indexed_dir: Path) -> Iterator[EmbeddedStore]:
    """`indexed_dir` opened read-only."""
    with EmbeddedStore(indexed_dir, base_iri=BASE, read_only=True) as store:
        yield store


PEOPLE = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a <https://schema.org/Person> } } ORDER BY ?p"


def person_ids(store: GraphStore) -> list[str]:
    """The id of every official in the store, sorted by IRI."""
    return [str(r["p"]).rsplit("/", 1)[1] for r in store.select(PEOPLE)]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The named queries the API runs from now on, in the order asked."""
    from vnkg.api import deps

    names: list[str] = []
    original = deps.run_query

    def run_query(store: object, settings: object, name: str, /, **kwargs: object) -> object:
        names.append(name)
        return original(store, settings, name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(deps, "run_query", run_query)
    return names


def api_settings(**changes: object) -> Settings:
    return Settings(base_iri=BASE, store=Path("unused"), **changes)  # type: ignore[arg-type]


def check_a_server_starts_the_index_and_uses_it(
        indexed_dir: Path, asked: list[str], future_of: Callable[[GraphStore, Settings], Future[Any] | None],
        page_of: Callable[[TestClient, GraphStore], str], queries: Iterable[str]) -> None:
    """A read-only server answers its first page (``page_of`` gives its path) with ``queries``,
    which starts the index ``future_of`` gives; once the index is read, the same page is answered
    the same, running none of them."""
    settings = api_settings(response_cache_mb=0)
    with EmbeddedStore(indexed_dir, base_iri=BASE, read_only=True) as fresh, \
            TestClient(create_app(settings, fresh)) as client:
        page = page_of(client, fresh)
        asked.clear()
        first = client.get(page).json()  # answered by queries, starts the index
        assert set(asked) >= set(queries)
        future = future_of(fresh, settings)
        assert future is not None
        future.result(timeout=120)
        asked.clear()
        assert client.get(page).json() == first
        assert not set(queries) & set(asked)


@pytest.fixture(scope="package")
def client(store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(), store)) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="package")
def live_url(store: GraphStore) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 (for real SPARQL clients)."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(api_settings(), store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
