"""Fixtures: an embedded store in a temporary directory, a remote store on a real Oxigraph server,
and ``store``, every test run once on each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from vnkg.graph.base import GraphStore
from vnkg.graph.embedded import EmbeddedStore
from vnkg.graph.remote import RemoteStore

from tests.fixtures.oxigraph import OxigraphServer

from .articles import BASE


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(tmp_path / "store", base_iri=BASE, batch_size=4) as store:
        yield store


@pytest.fixture
def remote_store(oxigraph_server: OxigraphServer) -> Iterator[RemoteStore]:
    oxigraph_server.clear()
    with RemoteStore(oxigraph_server.query_url, update_url=oxigraph_server.update_url,
                     gsp_url=oxigraph_server.gsp_url, base_iri=BASE) as store:
        yield store


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.server)])
def store(request: pytest.FixtureRequest) -> GraphStore:
    return request.getfixturevalue(f"{request.param}_store")
