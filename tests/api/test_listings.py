"""Unfiltered ``/awards`` and ``/conferences`` on a read-only store are paged from the order read
once per snapshot, and give the very pages the queries give by themselves."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from vnkg.api import listings
from vnkg.api.app import create_app
from vnkg.graph.embedded import EmbeddedStore
from vnkg.loaders.pipeline import Loader

from bench.generate import generate

from .conftest import BASE, CORPUS, api_settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    directory = tmp_path_factory.mktemp("listings") / "store"
    with EmbeddedStore(directory, base_iri=BASE) as store:
        Loader(store).load_paths([CORPUS / "seeds", CORPUS / "dev"])
        Loader(store).load((doc["article"]["id"], doc) for doc in generate(120, seed=9))
    with EmbeddedStore(directory, base_iri=BASE, read_only=True) as store, \
            TestClient(create_app(api_settings(response_cache_mb=0), store)) as test_client:
        yield test_client


def _wait_for_orders(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    settings = client.app.state.settings  # type: ignore[attr-defined]
    for name in listings.LISTINGS:
        for _ in range(200):
            if listings.listing_page(store, settings, name, 1, 0) is not None:
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"the order of {name} was never read")


@pytest.mark.parametrize(("path", "key"), [("awards", "award"), ("conferences", "event")])
def test_pages_from_the_stored_order_are_the_queries_pages(client: TestClient, path: str, key: str) -> None:
    _wait_for_orders(client)
    every = client.get(f"/queries/{path}", params={"limit": 500}).json()["rows"]  # the query pages itself
    assert len(every) > 40
    for limit, offset in ((7, 0), (7, 7), (13, 20), (50, len(every) - 5), (10, len(every) + 3)):
        by_query = client.get(f"/queries/{path}", params={"limit": limit, "offset": offset}).json()["rows"]
        assert by_query == every[offset: offset + limit]
        page = client.get(f"/{path}", params={"limit": limit, "offset": offset}).json()
        assert [item["iri"] for item in page["items"]] == [row[key] for row in by_query], (limit, offset)
        assert page["count"] == len(by_query)
    first = client.get(f"/{path}", params={"limit": 20}).json()["items"]
    for item, row in zip(first, every, strict=False):
        if path == "awards":
            assert (item["year"], item["status"]) == (int(row["year"]) if row.get("year") else None,
                                                      row["status"].rsplit("#", 1)[1].lower())
        else:
            assert item["date"] == row.get("date")


def test_a_filtered_listing_still_pages_itself(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    _wait_for_orders(client)
    calls: list[str] = []
    real = listings.listing_page
    monkeypatch.setattr("vnkg.api.routes.awards.listing_page", lambda *a: calls.append("awards") or real(*a))
    filtered = client.get("/awards", params={"year": 2023, "limit": 500}).json()["items"]
    assert filtered and {a["year"] for a in filtered} == {2023} and calls == []
    client.get("/awards", params={"limit": 5})
    assert calls == ["awards"]


def _wait_for_province_order(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    for _ in range(200):
        if listings.province_slice(store, "awards", "x", 1) is not None:
            return
        time.sleep(0.05)
    raise AssertionError("the awards' order by province was never read")


def test_a_provinces_awards_from_the_order_kept_per_province_are_the_queries(client: TestClient) -> None:
    from vnkg.api.deps import run_query

    _wait_for_province_order(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    settings = client.app.state.settings  # type: ignore[attr-defined]
    counts = {str(row["province"]).rsplit("/", 1)[1]: int(row["awards"])
              for row in store.select("SELECT ?province (COUNT(DISTINCT ?a) AS ?awards) WHERE { "
                                      "?a <https://w3id.org/vnkg/ontology#recipient> ?province } GROUP BY ?province")
              if "/province/" in str(row["province"])}
    assert len(counts) > 5 and max(counts.values()) >= 2  # some pages cut at limit=1
    for province in [*sorted(counts), "no-such-province"]:
        for limit in (1, 3, 20):
            page = client.get(f"/provinces/{province}", params={"awards": limit})
            if province == "no-such-province":
                assert page.status_code == 404
                continue
            body = page.json()
            by_query = run_query(store, settings, "awards", province=province, limit=limit)
            assert [a["iri"] for a in body["awards"]] == [str(r["award"]) for r in by_query], (province, limit)
            [count] = run_query(store, settings, "award_count", province=province) or [{"awards": 0}]
            assert body["award_count"] == int(count["awards"]) == counts[province]


def test_before_the_order_is_read_a_province_page_runs_the_queries_and_says_the_same(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    _wait_for_province_order(client)
    slugs = [p["id"] for p in client.get("/provinces", params={"limit": 500}).json()["items"]]
    kept = {slug: client.get(f"/provinces/{slug}", params={"awards": 1}).json() for slug in slugs}
    assert sum(page["award_count"] for page in kept.values()) > 5
    monkeypatch.setattr(listings, "_ready", lambda *_: None)  # as if the order were not read yet
    for slug in slugs:
        assert client.get(f"/provinces/{slug}", params={"awards": 1}).json() == kept[slug], slug
