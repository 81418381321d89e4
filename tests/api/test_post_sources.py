"""The posts' source summaries kept per snapshot give every official's page exactly as reading the
sources does, and a read-only server uses them once they are ready."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from vnkg.api.app import create_app
from vnkg.api.post_sources import KEPT, PostSourceIndex, build_post_source_index, post_source_index_future
from vnkg.api.routes import officials
from vnkg.graph.embedded import EmbeddedStore

from .conftest import BASE, api_settings, person_ids, seeds_and_synthetic

SOURCES = """SELECT ?tenure (COUNT(DISTINCT ?article) AS ?n) WHERE {
  GRAPH ?g { ?tenure a <https://w3id.org/vnkg/ontology#Tenure> }
  GRAPH ?a { ?tenure <http://www.w3.org/ns/prov#wasDerivedFrom> ?article }
} GROUP BY ?tenure"""


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seeds_and_synthetic(tmp_path_factory, "post-sources", 150, seed=11)


@pytest.fixture(scope="module")
def read_only(store_dir: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as store:
        yield store


@pytest.fixture(scope="module")
def index(read_only: EmbeddedStore) -> PostSourceIndex:
    future = post_source_index_future(read_only)
    assert future is not None
    return future.result(timeout=120)


def test_every_post_with_a_source_is_summarised_with_its_count(read_only: EmbeddedStore,
                                                               index: PostSourceIndex) -> None:
    counts = {str(r["tenure"]): int(r["n"]) for r in read_only.select(SOURCES)}
    assert len(counts) > 200
    assert {tenure: s.count for tenure, s in index.summaries.items()} == counts
    assert max(counts.values()) > 2  # some posts have more sources than a small index keeps
    for summary in index.summaries.values():
        assert len(summary.latest) == min(summary.count, KEPT)
        assert summary.first_seen is None or summary.first_seen <= (summary.last_seen or "")
    kept = {article for s in index.summaries.values() for article in s.latest}
    assert set(index.articles) == kept
    assert sum(1 for info in index.articles.values() if info.headline) > len(kept) // 2
    assert sum(len(sentences) for sentences in index.evidence.values()) > 500


def test_fewer_kept_sources_are_the_first_of_more(read_only: EmbeddedStore, index: PostSourceIndex) -> None:
    fewer = build_post_source_index(read_only, kept=2)
    assert fewer.summaries.keys() == index.summaries.keys()
    for tenure, summary in fewer.summaries.items():
        assert summary.latest == index.summaries[tenure].latest[:2]
        assert summary.count == index.summaries[tenure].count




@pytest.mark.parametrize(("kept", "shown"), [(KEPT, (0, 3, KEPT)), (2, (2, 3))])
def test_every_official_page_is_the_same_from_the_summaries(
        read_only: EmbeddedStore, index: PostSourceIndex, asked: list[str], monkeypatch: pytest.MonkeyPatch,
        kept: int, shown: tuple[int, ...]) -> None:
    used = index if kept == KEPT else build_post_source_index(read_only, kept=kept)
    everyone = person_ids(read_only)
    people = everyone[:: max(1, len(everyone) // 150)]  # ~150 officials spread over the store
    assert len(people) > 100
    compared = posts = listed = 0
    with TestClient(create_app(api_settings(response_cache_mb=0), read_only)) as client:
        for sources in shown:
            for person in people:
                url = f"/officials/{person}?sources={sources}"
                monkeypatch.setattr(officials, "post_source_index", lambda store: None)
                asked.clear()
                expected = client.get(url)
                assert "official_source_dates" in asked
                monkeypatch.setattr(officials, "post_source_index", lambda store: used)
                asked.clear()
                got = client.get(url)
                from_summaries = sources <= kept  # more sources than kept are read from the store
                assert ("official_source_dates" not in asked) is from_summaries
                assert ("official_evidence" not in asked) is (from_summaries or sources == 0 or not got.json()["posts"])
                assert got.status_code == expected.status_code == 200, url
                assert got.json() == expected.json(), url
                compared += 1
                posts += len(got.json()["posts"])
                listed += sum(len(p["sources"]) for p in got.json()["posts"])
    assert compared == len(shown) * len(people) and posts > 100 * len(shown) and listed > 200


def test_no_summaries_for_a_store_that_can_change() -> None:
    with EmbeddedStore(None, base_iri=BASE) as writable:
        assert post_source_index_future(writable) is None


def test_a_read_only_server_starts_the_summaries_and_uses_them(store_dir: Path) -> None:
    with EmbeddedStore(store_dir, base_iri=BASE, read_only=True) as fresh, \
            TestClient(create_app(api_settings(response_cache_mb=0), fresh)) as client:
        person = person_ids(fresh)[0]
        first = client.get(f"/officials/{person}").json()  # answered from the store, starts the summaries
        future = post_source_index_future(fresh)
        assert future is not None
        future.result(timeout=120)
        assert client.get(f"/officials/{person}").json() == first
