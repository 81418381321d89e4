"""The officials' rows kept per snapshot are each official's rows of the page's three queries, and
give every official's page exactly as running the queries does, without running them."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Literal, URIRef
from vnkg.api import deps
from vnkg.api.app import create_app
from vnkg.api.official_index import (
    PAGE_QUERIES,
    OfficialIndex,
    build_official_index,
    event_fields,
    official_index_future,
)
from vnkg.api.page_rows import in_page_order
from vnkg.api.post_sources import post_source_index_future
from vnkg.api.routes import officials
from vnkg.graph.embedded import EmbeddedStore

from .conftest import BASE, api_settings, check_a_server_starts_the_index_and_uses_it, person_ids


@pytest.fixture(scope="module")
def index(indexed_store: EmbeddedStore) -> OfficialIndex:
    future = official_index_future(indexed_store, api_settings())
    assert future is not None
    return future.result(timeout=120)


def test_each_officials_rows_are_those_of_the_pages_queries(indexed_store: EmbeddedStore, index: OfficialIndex) -> None:
    settings = api_settings()
    people = person_ids(indexed_store)
    assert len(people) > 300
    assert set(index.people) == set(people)
    events = 0
    for person in people:
        official, posts, event_rows = (in_page_order(name, deps.run_query(indexed_store, settings, name, person=person))
                                       for name in PAGE_QUERIES)
        rows = index.rows(person)
        assert list(rows.official) == official, person
        assert list(rows.posts) == posts, person
        assert list(rows.events) == [event_fields(row, BASE) for row in event_rows], person
        events += len(rows.events)
    assert events > len(people)  # most officials were at some event
    assert sum(1 for person in people if len(index.rows(person).events) > 1) > 30  # whose order matters


def test_the_batch_size_does_not_change_the_rows(indexed_store: EmbeddedStore, index: OfficialIndex) -> None:
    assert build_official_index(indexed_store, api_settings(), batch=7).people == index.people


def test_the_rows_are_cut_where_a_pages_query_would_be(indexed_store: EmbeddedStore, index: OfficialIndex) -> None:
    settings = api_settings(max_rows=2)
    cut = build_official_index(indexed_store, settings)
    person = max(index.people, key=lambda p: len(index.rows(p).events))
    assert len(index.rows(person).events) > 2
    expected = in_page_order("official_events",
                             deps.run_query(indexed_store, settings, "official_events", person=person))
    assert list(cut.rows(person).events) == [event_fields(row, BASE) for row in expected]
    assert len(cut.rows(person).events) == 2


def test_an_unknown_official_has_no_rows(index: OfficialIndex) -> None:
    rows = index.rows("nobody-at-all")
    assert (rows.official, rows.posts, rows.events) == ((), (), ())


def test_ties_in_a_querys_order_are_broken_by_the_other_values() -> None:
    event = URIRef(BASE + "event/e1")
    day = Literal("2024-01-05", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))
    chair = {"event": event, "date": day, "role": URIRef("https://w3id.org/vnkg/ontology#Chair")}
    speaker = {"event": event, "date": day, "role": URIRef("https://w3id.org/vnkg/ontology#Speaker")}
    undated = {"event": URIRef(BASE + "event/e2"), "role": chair["role"]}
    assert in_page_order("official_events", [speaker, chair, undated]) == [undated, chair, speaker]
    assert in_page_order("official_events", [chair, speaker, undated]) == [undated, chair, speaker]


def test_every_official_page_is_the_same_from_the_index(indexed_store: EmbeddedStore, index: OfficialIndex,
                                                        asked: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    summaries = post_source_index_future(indexed_store)
    assert summaries is not None
    summaries.result(timeout=120)
    people = [*person_ids(indexed_store), "nobody-at-all"]
    events = 0
    with TestClient(create_app(api_settings(response_cache_mb=0), indexed_store)) as client:
        for person in people:
            monkeypatch.setattr(officials, "official_index", lambda store, settings: None)
            asked.clear()
            expected = client.get(f"/officials/{person}")
            assert set(PAGE_QUERIES) <= set(asked)
            monkeypatch.setattr(officials, "official_index", lambda store, settings: index)
            asked.clear()
            got = client.get(f"/officials/{person}")
            assert asked == []  # with the posts' summaries too, the page runs no query at all
            assert got.status_code == expected.status_code, person
            assert got.json() == expected.json(), person
            events += len(got.json().get("events", []))
    assert expected.status_code == 404  # the last one, unknown
    assert events > len(people)


def test_no_index_for_a_store_that_can_change() -> None:
    with EmbeddedStore(None, base_iri=BASE) as writable:
        assert official_index_future(writable, api_settings()) is None


def test_a_read_only_server_starts_the_index_and_uses_it(indexed_dir: Path, asked: list[str]) -> None:
    check_a_server_starts_the_index_and_uses_it(
        indexed_dir, asked, official_index_future, lambda _, store: f"/officials/{person_ids(store)[0]}",
        PAGE_QUERIES)
