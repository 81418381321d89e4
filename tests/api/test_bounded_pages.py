"""Pages of busy entities stay bounded: an official's page shows the most recent sources of each
post and counts them all, a province's page the most recent awards; the full lists are a request
away and agree with the pages. On synthetic articles (bench/generate.py), where officials are
named in many articles and provinces receive many awards."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from vnkg.api.app import create_app
from vnkg.graph.embedded import EmbeddedStore
from vnkg.loaders.pipeline import Loader

from bench.generate import generate

from .conftest import api_settings

ARTICLES = 300
BUSIEST_TENURE = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?person ?tenure (COUNT(DISTINCT ?article) AS ?articles)
WHERE { ?tenure org:member ?person ; prov:wasDerivedFrom ?article . }
GROUP BY ?person ?tenure ORDER BY DESC(?articles) ?tenure LIMIT 1"""


@pytest.fixture(scope="module")
def busy() -> Iterator[TestClient]:
    with EmbeddedStore(None, base_iri=api_settings().base_iri) as store:
        summary = Loader(store).load((doc["article"]["id"], doc) for doc in generate(ARTICLES, seed=3))
        assert summary.loaded == ARTICLES, summary
        with TestClient(create_app(api_settings(), store)) as client:
            yield client


def _busiest(client: TestClient, query: str, column: str, **values: Any) -> str:
    rows = client.get(f"/queries/{query}", params={"limit": 500, **values}).json()["rows"]
    counts: dict[str, int] = {}
    for row in rows:
        if row.get(column):
            counts[row[column]] = counts.get(row[column], 0) + 1
    return max(counts, key=lambda k: counts[k]).rsplit("/", 1)[1]


def test_official_page_shows_the_most_recent_sources_of_each_post(busy: TestClient) -> None:
    busiest = busy.get("/sparql", params={"query": BUSIEST_TENURE},
                       headers={"accept": "application/sparql-results+json"}).json()["results"]["bindings"][0]
    page = busy.get(f"/officials/{busiest['person']['value'].rsplit('/', 1)[1]}").json()
    post = next(p for p in page["posts"] if p["tenure"] == busiest["tenure"]["value"])
    assert post["source_count"] == int(busiest["articles"]["value"])
    assert post["source_count"] > 3 and len(post["sources"]) == 3  # the default, of many
    listed = busy.get(f"/officials/{page['id']}/sources", params={"tenure": post["tenure_id"], "limit": 500}).json()
    assert listed["total"] == listed["count"] == post["source_count"]
    dates = [item["published"] or "" for item in listed["items"]]
    assert dates == sorted(dates, reverse=True)  # most recent first
    assert [{k: v for k, v in item.items() if k != "tenure"} for item in listed["items"][:3]] == post["sources"]
    assert all(source["evidence"] for source in post["sources"])  # the sentences come along
    more = busy.get(f"/officials/{page['id']}", params={"sources": 100}).json()
    assert sum(len(p["sources"]) for p in more["posts"]) == sum(p["source_count"] for p in more["posts"])
    everything = busy.get(f"/officials/{page['id']}/sources", params={"limit": 500}).json()
    assert everything["total"] == sum(p["source_count"] for p in page["posts"])
    paged = [item for offset in range(0, everything["total"], 2) for item in busy.get(
        f"/officials/{page['id']}/sources", params={"limit": 2, "offset": offset}).json()["items"]]
    assert paged == everything["items"]


def test_province_page_shows_the_most_recent_awards_and_counts_all(busy: TestClient) -> None:
    province = _busiest(busy, "awards", "recipient")
    listed = busy.get("/awards", params={"province": province, "limit": 500}).json()["items"]
    assert len(listed) >= 3
    page = busy.get(f"/provinces/{province}").json()
    assert page["award_count"] == len(listed) and page["awards"] == listed[:20]
    two = busy.get(f"/provinces/{province}", params={"awards": 2}).json()
    assert two["award_count"] == len(listed) and two["awards"] == listed[:2]
    assert [a["year"] for a in listed] == sorted((a["year"] for a in listed), reverse=True)
    assert busy.get(f"/provinces/{province}", params={"awards": 0}).status_code == 422


def test_bloc_page_shows_the_newest_events_and_counts_all(busy: TestClient) -> None:
    bloc = _busiest(busy, "conferences", "bloc")
    listed = busy.get("/conferences", params={"bloc": bloc, "limit": 500}).json()["items"]
    assert len(listed) >= 3
    page = busy.get(f"/blocs/{bloc}").json()
    assert page["conference_count"] == len(listed)
    assert [c["id"] for c in page["conferences"]] == [c["id"] for c in listed[:20]]  # newest first, as listed
    two = busy.get(f"/blocs/{bloc}", params={"conferences": 2}).json()
    assert two["conference_count"] == len(listed) and [c["id"] for c in two["conferences"]] == [
        c["id"] for c in listed[:2]]
    assert all(c.get("date") for c in two["conferences"])
    assert busy.get(f"/blocs/{bloc}", params={"conferences": 0}).status_code == 422
