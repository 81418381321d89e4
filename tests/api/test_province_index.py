"""The provinces' rows kept per snapshot are each province's rows of the page's three queries, and
give every province's page exactly as running the queries does, without running them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vnkg.api import deps, listings
from vnkg.api.app import create_app
from vnkg.api.page_rows import entity_ids, in_page_order
from vnkg.api.province_index import (
    PAGE_QUERIES,
    ProvinceIndex,
    ProvinceRows,
    build_province_index,
    page_parts,
    province_index_future,
)
from vnkg.api.routes import provinces
from vnkg.graph.base import reference_graph_iri
from vnkg.graph.embedded import EmbeddedStore

from vnkg.settings import Settings

from .conftest import BASE, api_settings, check_a_server_starts_the_index_and_uses_it

PROVINCE = "https://w3id.org/vnkg/ontology#Province"


@pytest.fixture(scope="module")
def index(indexed_store: EmbeddedStore) -> ProvinceIndex:
    future = province_index_future(indexed_store, api_settings())
    assert future is not None
    return future.result(timeout=120)


def _page_rows(store: EmbeddedStore, settings: Settings, province: str) -> ProvinceRows:
    """The province's rows as its page's own queries give them."""
    return ProvinceRows(*(
        tuple(in_page_order(name, deps.run_query(store, settings, name, province=province, limit=limit)))
        for name, limit in PAGE_QUERIES))


def test_every_province_is_indexed(indexed_store: EmbeddedStore, index: ProvinceIndex) -> None:
    listed = [item["id"] for item in TestClient(create_app(api_settings(), indexed_store)).get(
        "/provinces", params={"limit": 500}).json()["items"]]
    assert len(listed) > 60  # before and after the 2025 reform
    assert sorted(index.provinces) == sorted(listed) == entity_ids(indexed_store, PROVINCE,
                                                                   reference_graph_iri(BASE))


def test_each_provinces_rows_are_those_of_the_pages_queries(indexed_store: EmbeddedStore,
                                                            index: ProvinceIndex) -> None:
    settings = api_settings()
    with_blocs = with_officials = 0
    for province in index.provinces:
        rows = index.rows(province)
        assert rows == _page_rows(indexed_store, settings, province), province
        assert len(rows.province) >= 1
        with_blocs += len(rows.blocs) > 1
        with_officials += len(rows.officials) > 1
    assert with_blocs > 30 and with_officials > 10  # rows whose order matters


def test_the_rows_are_cut_where_a_pages_query_would_be(indexed_store: EmbeddedStore, index: ProvinceIndex) -> None:
    settings = api_settings(max_rows=2)
    cut = build_province_index(indexed_store, settings)
    province = max(index.provinces, key=lambda p: len(index.rows(p).blocs))
    assert len(index.rows(province).blocs) > 2
    assert cut.rows(province) == _page_rows(indexed_store, settings, province)
    assert len(cut.rows(province).blocs) == 2


def test_an_unknown_province_has_no_rows(index: ProvinceIndex) -> None:
    assert index.rows("atlantis") == ProvinceRows((), (), ())


def test_what_a_page_shows_is_built_for_every_province_and_none_for_an_unknown_one(index: ProvinceIndex) -> None:
    assert set(index.parts) == set(index.provinces)
    for province, parts in index.parts.items():
        assert parts == page_parts(index.rows(province), BASE)
        assert parts["id"] == province
    assert page_parts(index.rows("atlantis"), BASE) is None and "atlantis" not in index.parts


def _wait_for_province_order(store: EmbeddedStore) -> None:
    for _ in range(400):
        if listings.province_slice(store, "awards", "x", 1) is not None:
            return
        time.sleep(0.05)
    raise AssertionError("the awards' order by province was never read")


def test_every_province_page_is_the_same_from_the_index(indexed_store: EmbeddedStore, index: ProvinceIndex,
                                                        asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    awards = 0
    with TestClient(create_app(api_settings(response_cache_mb=0), indexed_store)) as client:
        _wait_for_province_order(indexed_store)
        for province in [*index.provinces, "atlantis"]:
            for params in ({}, {"awards": 1}):
                monkeypatch.setattr(provinces, "province_index", lambda store, settings: None)
                asked.clear()
                expected = client.get(f"/provinces/{province}", params=params)
                assert {name for name, _ in PAGE_QUERIES} <= set(asked)
                monkeypatch.setattr(provinces, "province_index", lambda store, settings: index)
                asked.clear()
                got = client.get(f"/provinces/{province}", params=params)
                assert set(asked) <= {"awards"}  # the awards shown; the rest from the index
                assert got.status_code == expected.status_code, province
                assert got.json() == expected.json(), (province, params)
                awards += len(got.json().get("awards", []))
    assert expected.status_code == 404  # the last one, unknown
    assert awards > 10


def test_no_index_for_a_store_that_can_change() -> None:
    with EmbeddedStore(None, base_iri=BASE) as writable:
        assert province_index_future(writable, api_settings()) is None


def test_a_read_only_server_starts_the_index_and_uses_it(indexed_dir: Path, asked: list[str]) -> None:
    check_a_server_starts_the_index_and_uses_it(indexed_dir, asked, province_index_future,
                                                lambda _client, _store: "/provinces/bac-kan",
                                                (name for name, _ in PAGE_QUERIES))
