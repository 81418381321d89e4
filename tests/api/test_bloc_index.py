"""The blocs' rows kept per snapshot are each bloc's rows of the page's queries, and give every
bloc's page exactly as running the queries does, without running them."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vnkg.api import deps
from vnkg.api.app import create_app
from vnkg.api.bloc_index import (
    CONFERENCES_KEPT,
    PAGE_QUERIES,
    BlocIndex,
    BlocRows,
    bloc_index_future,
    conference_summary,
    page_parts,
    read_bloc_rows,
)
from vnkg.api.page_rows import entity_ids, in_page_order
from vnkg.api.routes import blocs
from vnkg.graph.base import facts_graph_iri
from vnkg.graph.embedded import EmbeddedStore

from vnkg.settings import Settings

from .conftest import BASE, api_settings, check_a_server_starts_the_index_and_uses_it

BLOC = "https://w3id.org/vnkg/ontology#EmulationBloc"
ALL_QUERIES = {*PAGE_QUERIES, "bloc_conferences"}


@pytest.fixture(scope="module")
def index(indexed_store: EmbeddedStore) -> BlocIndex:
    future = bloc_index_future(indexed_store, api_settings())
    assert future is not None
    return future.result(timeout=120)


@pytest.fixture(scope="module")
def kept_rows(indexed_store: EmbeddedStore) -> dict[str, BlocRows]:
    return read_bloc_rows(indexed_store, api_settings())


def _page_rows(store: EmbeddedStore, settings: Settings, bloc: str) -> BlocRows:
    """The bloc's rows as its page's own queries give them."""
    def rows(name: str, limit: int | None = None) -> tuple[dict, ...]:  # type: ignore[type-arg]
        return tuple(in_page_order(name, deps.run_query(store, settings, name, bloc=bloc, limit=limit)))

    return BlocRows(*(rows(name) for name in PAGE_QUERIES), rows("bloc_conferences", CONFERENCES_KEPT))


def test_every_bloc_is_indexed(indexed_store: EmbeddedStore, index: BlocIndex,
                               kept_rows: dict[str, BlocRows]) -> None:
    listed = [item["id"] for item in TestClient(create_app(api_settings(), indexed_store)).get(
        "/blocs", params={"limit": 500}).json()["items"]]
    assert len(set(listed)) > 5
    assert sorted(index.parts) == sorted(index.conferences) == sorted(kept_rows) == sorted(set(listed)) \
        == entity_ids(indexed_store, BLOC, facts_graph_iri(BASE))


def test_each_blocs_rows_are_those_of_the_pages_queries(indexed_store: EmbeddedStore,
                                                        kept_rows: dict[str, BlocRows]) -> None:
    settings = api_settings()
    with_members = with_events = 0
    for bloc, rows in kept_rows.items():
        assert rows == _page_rows(indexed_store, settings, bloc), bloc
        with_members += len(rows.members) > 1
        with_events += len(rows.conferences) > 1
    assert with_members > 5 and with_events > 5  # rows whose order matters


def test_the_rows_are_cut_where_a_pages_query_would_be(indexed_store: EmbeddedStore,
                                                       kept_rows: dict[str, BlocRows]) -> None:
    settings = api_settings(max_rows=2)
    small = read_bloc_rows(indexed_store, settings)
    bloc = max(kept_rows, key=lambda b: len(kept_rows[b].members))
    assert len(kept_rows[bloc].members) > 2
    assert small[bloc] == _page_rows(indexed_store, settings, bloc)
    assert len(small[bloc].members) == len(small[bloc].conferences) == 2


def test_what_a_page_shows_is_built_from_the_rows_and_nothing_for_an_unknown_bloc(
        index: BlocIndex, kept_rows: dict[str, BlocRows]) -> None:
    for bloc, rows in kept_rows.items():
        assert index.parts[bloc] == page_parts(rows, BASE) and index.parts[bloc]["id"] == bloc
        assert index.conferences[bloc] == tuple(conference_summary(row, BASE) for row in rows.conferences)
    assert page_parts(BlocRows((), (), (), (), ()), BASE) is None
    assert "atlantis" not in index.parts and "atlantis" not in kept_rows


@pytest.mark.parametrize("params", [{}, {"conferences": 1}, {"conferences": CONFERENCES_KEPT}])
def test_every_bloc_page_is_the_same_from_the_index(indexed_store: EmbeddedStore, index: BlocIndex,
                                                    asked: list[str], monkeypatch: pytest.MonkeyPatch,
                                                    params: dict[str, int]) -> None:
    events = 0
    with TestClient(create_app(api_settings(response_cache_mb=0), indexed_store)) as client:
        for bloc in [*index.parts, "atlantis"]:
            monkeypatch.setattr(blocs, "bloc_index", lambda store, settings: None)
            asked.clear()
            expected = client.get(f"/blocs/{bloc}", params=params)
            assert set(asked) >= ALL_QUERIES
            monkeypatch.setattr(blocs, "bloc_index", lambda store, settings: index)
            asked.clear()
            got = client.get(f"/blocs/{bloc}", params=params)
            assert not asked  # nothing queried
            assert got.status_code == expected.status_code, bloc
            assert got.json() == expected.json(), (bloc, params)
            events += len(got.json().get("conferences", []))
    assert expected.status_code == 404  # the last one, unknown
    assert events > 10


def test_a_page_with_more_events_than_are_kept_runs_the_queries(indexed_store: EmbeddedStore, index: BlocIndex,
                                                                 asked: list[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    bloc = max(index.parts, key=lambda b: index.parts[b]["conference_count"])
    monkeypatch.setattr(blocs, "bloc_index", lambda store, settings: index)
    with TestClient(create_app(api_settings(response_cache_mb=0), indexed_store)) as client:
        page = client.get(f"/blocs/{bloc}", params={"conferences": CONFERENCES_KEPT + 1}).json()
    assert set(asked) >= ALL_QUERIES
    count = page["conference_count"]
    assert count > 1 and len(page["conferences"]) == min(count, CONFERENCES_KEPT + 1)
    assert [c["id"] for c in page["conferences"][:CONFERENCES_KEPT]] == [c.id for c in index.conferences[bloc]]


def test_no_index_for_a_store_that_can_change() -> None:
    with EmbeddedStore(None, base_iri=BASE) as writable:
        assert bloc_index_future(writable, api_settings()) is None


def test_a_read_only_server_starts_the_index_and_uses_it(indexed_dir: Path, asked: list[str]) -> None:
    def first_bloc(client: TestClient, _store: object) -> str:
        return f"/blocs/{client.get('/blocs', params={'limit': 1}).json()['items'][0]['id']}"

    check_a_server_starts_the_index_and_uses_it(indexed_dir, asked, bloc_index_future, first_bloc, ALL_QUERIES)
