"""The SPARQL 1.1 Protocol endpoint, with plain HTTP and with real clients (SPARQLWrapper and
rdflib's SPARQLStore), on the embedded store and on Oxigraph."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper
from vnkg.api.app import create_app
from vnkg.api.deps import get_api_settings
from vnkg.graph.base import GraphStore
from vnkg.graph.embedded import EmbeddedStore

from .conftest import BASE, api_settings

LEADERS = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
SELECT ?unit ?role WHERE {
  ?l org:organization <https://w3id.org/vnkg/id/bloc/trung-du-va-mien-nui-phia-bac> ;
     vnkg:year "2024"^^<http://www.w3.org/2001/XMLSchema#gYear> ; org:role ?role ; org:member ?unit .
} ORDER BY ?role"""
EXPECTED_2024 = [(f"{BASE}province/tuyen-quang", "https://w3id.org/vnkg/ontology#blocLeader"),
                 (f"{BASE}province/hoa-binh", "https://w3id.org/vnkg/ontology#blocDeputy")]


def _pairs(body: dict) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return sorted(((b["unit"]["value"], b["role"]["value"]) for b in body["results"]["bindings"]),
                  key=lambda p: p[1], reverse=True)


def test_get_post_form_and_post_query(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": LEADERS})
    by_form = client.post("/sparql", data={"query": LEADERS})
    by_body = client.post("/sparql", content=LEADERS.encode(), headers={"Content-Type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert _pairs(response.json()) == EXPECTED_2024


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values")])
def test_select_formats(client: TestClient, accept: str, media: str) -> None:
    response = client.get("/sparql", params={"query": LEADERS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    if media == "text/csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert {(r["unit"], r["role"]) for r in rows} == set(EXPECTED_2024)
    else:
        assert "tuyen-quang" in response.text and "hoa-binh" in response.text


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                             ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_construct_and_describe_formats(client: TestClient, accept: str, fmt: str) -> None:
    bloc = f"<{BASE}bloc/trung-du-va-mien-nui-phia-bac>"
    for query in (f"CONSTRUCT {{ {bloc} ?p ?o }} WHERE {{ {bloc} ?p ?o }}", f"DESCRIBE {bloc}"):
        response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith(accept)
        graph = Graph().parse(data=response.content, format=fmt)
        assert (URIRef(f"{BASE}bloc/trung-du-va-mien-nui-phia-bac"),
                URIRef("https://w3id.org/vnkg/ontology#blocKind"),
                URIRef("https://w3id.org/vnkg/ontology#Cum")) in graph


def test_ask(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": f"ASK {{ <{BASE}person/nguyen-dang-binh--bac-kan> ?p ?o }}"})
    assert response.json()["boolean"] is True


def test_default_graph_is_the_union_and_graphs_can_be_named(client: TestClient) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <https://schema.org/Person> }"
    union = int(client.get("/sparql", params={"query": count}).json()["results"]["bindings"][0]["n"]["value"])
    assert union >= 10
    only_reference = client.get("/sparql", params={"query": count, "default-graph-uri": f"{BASE}graph/reference"})
    assert only_reference.json()["results"]["bindings"][0]["n"]["value"] == "0"
    only_facts = client.get("/sparql", params={"query": count, "default-graph-uri": f"{BASE}graph/facts"})
    assert int(only_facts.json()["results"]["bindings"][0]["n"]["value"]) == union
    article = f"{BASE}graph/article/a-2967314416b6"
    named = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                          "named-graph-uri": article})
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [article]


def test_each_article_has_its_graph(client: TestClient) -> None:
    query = ("SELECT ?g WHERE { GRAPH ?g { ?n <http://www.w3.org/ns/prov#wasDerivedFrom> "
             f"<{BASE}article/a-2967314416b6> }} }} LIMIT 1")
    rows = client.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert rows[0]["g"]["value"] == f"{BASE}graph/article/a-2967314416b6"


def test_syntax_error_says_where(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o "})
    assert response.status_code == 400
    body = response.json()
    assert "syntax" in body["detail"].lower()
    assert body["line"] == 1 and body["column"] is not None


def test_unacceptable_format(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": LEADERS}, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_bad_request_bodies(client: TestClient) -> None:
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert client.post("/sparql", data={"nothing": "here"}).status_code == 422
    assert client.post("/sparql", data={"query": "ASK {}", "update": "CLEAR ALL"}).status_code == 422


def test_one_query_per_get_and_its_parameters_documented(client: TestClient) -> None:
    twice = client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK { ?s ?p ?o }")])
    assert twice.status_code == 422 and "one 'query'" in twice.text
    documented = {p["name"]: p for p in client.get("/openapi.json").json()["paths"]["/sparql"]["get"]["parameters"]}
    assert set(documented) == {"query", "default-graph-uri", "named-graph-uri"}
    assert documented["default-graph-uri"]["schema"]["type"] == "array"


def test_updates_are_refused_without_the_token(client: TestClient) -> None:
    update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    for response in (client.post("/sparql", data={"update": update}),
                     client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update"}),
                     client.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer guess"})):
        assert response.status_code == 403
        assert "read-only" in response.json()["detail"]
    ask = client.get("/sparql", params={"query": "ASK { GRAPH <urn:x> { ?s ?p ?o } }"}).json()
    assert ask["boolean"] is False


def test_updates_with_the_token() -> None:
    store = EmbeddedStore(None, base_iri=BASE)
    app = create_app(api_settings(), store)
    app.dependency_overrides[get_api_settings] = lambda: api_settings(update_token="s3cret")
    update = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    with TestClient(app) as client:
        assert client.post("/sparql", data={"update": update},
                           headers={"Authorization": "Bearer wrong"}).status_code == 403
        done = client.post("/sparql", content=update, headers={"Content-Type": "application/sparql-update",
                                                                "Authorization": "Bearer s3cret"})
        assert done.status_code == 204
        assert client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is True


def test_row_cap(store: GraphStore) -> None:
    app = create_app(api_settings(max_rows=3), store)
    with TestClient(app) as client:
        response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert response.status_code == 200
        assert response.headers["x-sparql-maxrows"] == "3"
        assert len(response.json()["results"]["bindings"]) == 3


def test_timeout_is_503_with_a_message() -> None:
    store = EmbeddedStore(None, base_iri=BASE)
    store.update("INSERT DATA { " + " ".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(200)) + " }")
    app = create_app(api_settings(query_timeout=0.2), store)
    started = time.monotonic()
    with TestClient(app) as client:
        # One answer after 8 M joined rows (~1 s): slow by itself, not by how fast its rows are written
        # (the row cap stops a plain SELECT of the same join after 10,000 rows, ~0.1 s).
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        response = client.get("/sparql", params={"query": query})
    assert response.status_code == 503
    assert "longer than" in response.json()["detail"]
    assert time.monotonic() - started < 10


def test_service_description(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(True for _ in graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                            URIRef(sd + "Service")))
    assert (None, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in graph


def test_cors(client: TestClient) -> None:
    preflight = client.options("/sparql", headers={"Origin": "https://example.org",
                                                   "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "Content-Type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] in ("*", "https://example.org")
    simple = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert simple.headers["access-control-allow-origin"] in ("*", "https://example.org")


def test_sparqlwrapper(live_url: str) -> None:
    for method in ("GET", "POST"):
        wrapper = SPARQLWrapper(f"{live_url}/sparql")
        wrapper.setMethod(method)
        wrapper.setQuery(LEADERS)
        wrapper.setReturnFormat(JSON)
        body = wrapper.query().convert()
        assert _pairs(body) == EXPECTED_2024  # type: ignore[arg-type]


def test_rdflib_sparqlstore(live_url: str) -> None:
    graph = Graph(store=SPARQLStore(f"{live_url}/sparql", returnFormat="json"))
    rows = list(graph.query(LEADERS))
    assert sorted(((str(u), str(r)) for u, r in rows), key=lambda p: p[1], reverse=True) == EXPECTED_2024
    # SPARQLStore sends initBindings as a trailing VALUES clause
    bound = list(graph.query("SELECT ?label WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
                             initBindings={"p": URIRef(f"{BASE}person/nguyen-dang-binh--bac-kan")}))
    assert [str(r[0]) for r in bound] == ["Nguyễn Đăng Bình"]


def test_results_are_the_stores_own_bytes(client: TestClient, store: GraphStore) -> None:
    body, media = store.query_raw(LEADERS, "application/sparql-results+json")
    response = client.get("/sparql", params={"query": LEADERS})
    assert response.content == body and media == "application/sparql-results+json"
    assert json.loads(body)["head"]["vars"] == ["unit", "role"]
