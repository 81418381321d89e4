"""An app over an in-memory store holding the sample corpus (loaded once per module)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from vnkg.api.app import create_app
from vnkg.graph.embedded import EmbeddedStore

from vnkg.settings import Settings

from .sample import BASE, fill


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    handle = fill(EmbeddedStore(None, base_iri=BASE))
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def client(store: EmbeddedStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(store=tmp_path_factory.mktemp("unused"), base_iri=BASE)
    with TestClient(create_app(settings, store), base_url="http://testserver") as test_client:
        yield test_client
