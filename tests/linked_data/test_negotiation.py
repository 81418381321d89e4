"""Content negotiation for every kind of resource the graph mints, each RDF answer parsed back
with rdflib; 303 See Other with ``Vary: Accept``; the suffix forms; 404 and 406."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS
from vnkg.graph.embedded import EmbeddedStore

from vnkg.namespaces import OA, SCHEMA, VNKG, WD

from .sample import ARTICLE, BASE, BLOC, EVENT, PERSON, POST_QUOTE

FORMATS = {
    "text/turtle": ("ttl", "turtle"),
    "application/ld+json": ("jsonld", "json-ld"),
    "application/n-triples": ("nt", "nt"),
    "application/rdf+xml": ("rdf", "xml"),
}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def one(store: EmbeddedStore, cls: URIRef) -> str:
    """The path after the base of the first resource of a class."""
    rows = store.select("SELECT ?s WHERE { ?s a ?c } ORDER BY ?s LIMIT 1", {"c": cls})
    assert rows, f"no {cls} in the sample store"
    return str(rows[0]["s"])[len(BASE):]


@pytest.fixture(scope="module")
def resources(store: EmbeddedStore) -> dict[str, str]:
    """One resource of every kind the graph mints, as ``{kind}/{rest}``."""
    return {
        "person": PERSON, "bloc": BLOC, "event": EVENT, "article": ARTICLE, "province": "province/bac-kan",
        "post": one(store, URIRef("http://www.w3.org/ns/org#Post")),
        "org": "org/ubnd--bac-kan",
        "tenure": one(store, VNKG.Tenure), "membership": one(store, VNKG.BlocMembership),
        "leadership": one(store, VNKG.BlocLeadership), "participation": one(store, VNKG.Participation),
        "award": one(store, VNKG.AwardConferral), "change": one(store, VNKG.AdministrativeReform),
        "award-type": one(store, VNKG.AwardType), "title": one(store, VNKG.PostTitle),
    }


def varies_on_accept(headers: object) -> bool:
    """Whether a response says it varies with ``Accept`` (other fields may be listed too)."""
    vary = headers.get("vary", "")  # type: ignore[attr-defined]
    return "accept" in [field.strip().lower() for field in vary.split(",")]


def parse(body: bytes, rdflib_format: str) -> Graph:
    graph = Graph()
    graph.parse(data=body, format=rdflib_format)
    return graph


KINDS = ["person", "bloc", "event", "article", "province", "post", "org", "tenure", "membership", "leadership",
         "participation", "award", "change", "award-type", "title"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("accept", list(FORMATS))
def test_rdf_by_accept(client: TestClient, resources: dict[str, str], kind: str, accept: str) -> None:
    path = resources[kind]
    assert path.startswith(kind + "/")
    iri = URIRef(BASE + path)
    answer = client.get(f"/id/{path}", headers={"Accept": accept}, follow_redirects=False)
    assert answer.status_code == 303
    assert varies_on_accept(answer.headers)
    extension, rdflib_format = FORMATS[accept]
    assert answer.headers["location"] == f"http://testserver/data/{path}.{extension}"
    assert 'rel="alternate"; type="text/html"' in answer.headers["link"]
    document = client.get(answer.headers["location"])
    assert document.status_code == 200
    assert document.headers["content-type"].split(";")[0] == accept
    assert varies_on_accept(document.headers)
    graph = parse(document.content, rdflib_format)
    assert (iri, RDF.type, None) in graph, f"{iri} has no type in its own description"
    assert (URIRef(answer.headers["location"]), FOAF.primaryTopic, iri) in graph


@pytest.mark.parametrize("kind", KINDS)
def test_html_by_accept(client: TestClient, resources: dict[str, str], kind: str) -> None:
    path = resources[kind]
    answer = client.get(f"/id/{path}", headers={"Accept": BROWSER_ACCEPT}, follow_redirects=False)
    assert answer.status_code == 303
    assert varies_on_accept(answer.headers)
    assert answer.headers["location"] == f"http://testserver/page/{path}"
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert f'<link rel="alternate" type="text/turtle" href="/data/{path}.ttl">' in page.text
    assert BASE + path in page.text  # the page names the IRI it is about


@pytest.mark.parametrize("accept", ["*/*", None])
def test_anything_goes_gets_the_page(client: TestClient, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    answer = client.get(f"/id/{PERSON}", headers=headers, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].endswith(f"/page/{PERSON}")


def test_quality_values_decide(client: TestClient) -> None:
    answer = client.get(f"/id/{BLOC}", headers={"Accept": "text/turtle;q=0.5, application/ld+json;q=0.9, "
                                                          "text/html;q=0.1"}, follow_redirects=False)
    assert answer.headers["location"].endswith(".jsonld")


def test_not_acceptable(client: TestClient) -> None:
    answer = client.get(f"/id/{PERSON}", headers={"Accept": "image/png"}, follow_redirects=False)
    assert answer.status_code == 406
    assert varies_on_accept(answer.headers)
    data = client.get(f"/data/{PERSON}", headers={"Accept": "text/html"})
    assert data.status_code == 406


def test_unknown_resource_is_404(client: TestClient) -> None:
    assert client.get("/id/person/nobody-at-all", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/data/person/nobody-at-all.ttl").status_code == 404
    assert client.get("/page/person/nobody-at-all").status_code == 404


def test_iri_is_bound_not_pasted(client: TestClient) -> None:
    """Query text in the path reaches the store as (part of) an IRI and matches nothing."""
    for evil in ['x> ?p ?o } ; DROP ALL ; SELECT * { <x', 'x%3E%20%3Fp%20%3Fo%20%7D', 'x" . } #']:
        answer = client.get(f"/id/person/{evil}", headers={"Accept": "text/turtle"}, follow_redirects=False)
        assert answer.status_code == 404
        assert client.get(f"/data/person/{evil}.ttl").status_code == 404
    assert client.get(f"/data/{PERSON}.ttl").status_code == 200  # nothing was dropped


def test_data_document_negotiates_without_suffix(client: TestClient) -> None:
    answer = client.get(f"/data/{PERSON}", headers={"Accept": "application/n-triples"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/n-triples")
    assert varies_on_accept(answer.headers)
    assert (URIRef(BASE + PERSON), RDFS.label, Literal("Nguyễn Đăng Bình", lang="vi")) in parse(answer.content, "nt")


def test_person_description(client: TestClient) -> None:
    graph = parse(client.get(f"/data/{PERSON}.ttl").content, "turtle")
    person = URIRef(BASE + PERSON)
    assert (person, RDF.type, SCHEMA.Person) in graph
    assert (person, PROV.wasDerivedFrom, URIRef(BASE + ARTICLE)) in graph
    # what points at the person (tenures, participations), and the labels of what it points to
    assert any(graph.subjects(URIRef("http://www.w3.org/ns/org#member"), person))
    assert (URIRef(BASE + "province/bac-kan"), RDFS.label, Literal("Bắc Kạn", lang="vi")) in graph


def test_jsonld_is_compact_and_parses(client: TestClient) -> None:
    answer = client.get(f"/data/{BLOC}.jsonld")
    document = json.loads(answer.text)
    assert "@context" in document
    graph = parse(answer.content, "json-ld")
    assert (URIRef(BASE + BLOC), VNKG.blocKind, VNKG.Cum) in graph


def test_article_description_holds_its_graph(client: TestClient) -> None:
    graph = parse(client.get(f"/data/{ARTICLE}.ttl").content, "turtle")
    article = URIRef(BASE + ARTICLE)
    assert (article, RDF.type, SCHEMA.NewsArticle) in graph
    sentences = [str(o) for o in graph.objects(None, OA.exact)]
    assert any(s.startswith(POST_QUOTE) for s in sentences)
    derived = set(graph.subjects(PROV.wasDerivedFrom, article))
    assert URIRef(BASE + PERSON) in derived and URIRef(BASE + EVENT) in derived


def test_article_graph_iri_leads_to_the_article(client: TestClient) -> None:
    answer = client.get("/id/graph/article/a-2967314416b6", headers={"Accept": "text/turtle"},
                        follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"].endswith(f"/data/{ARTICLE}.ttl")
    facts = client.get("/id/graph/facts", headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert facts.status_code == 303
    assert facts.headers["location"].endswith("/.well-known/void")


def test_provinces_link_out(client: TestClient) -> None:
    """Wikidata and the official codes, as the reference data gives them (never guessed)."""
    bac_kan = URIRef(BASE + "province/bac-kan")
    graph = parse(client.get("/data/province/bac-kan.ttl").content, "turtle")
    assert (bac_kan, SKOS.exactMatch, WD.Q36404) in graph
    assert (bac_kan, VNKG.gsoCode, Literal("06")) in graph
    assert (bac_kan, VNKG.iso3166_2, Literal("VN-53")) in graph
    assert (bac_kan, DCTERMS.isReplacedBy, URIRef(BASE + "province/thai-nguyen-2025")) in graph
    merged = parse(client.get("/data/province/thai-nguyen-2025.ttl").content, "turtle")
    new = URIRef(BASE + "province/thai-nguyen-2025")
    assert (new, DCTERMS.replaces, bac_kan) in merged
    assert not list(merged.objects(new, SKOS.exactMatch))  # the merged unit has no item of its own in the sources
    assert not list(merged.objects(new, OWL.sameAs))


def test_public_base_url_is_used_for_redirects(store: EmbeddedStore, tmp_path: object) -> None:
    from vnkg.api.app import create_app

    from vnkg.settings import Settings

    settings = Settings(store=tmp_path, base_iri=BASE, public_base_url="https://kg.example.vn/")  # type: ignore[arg-type]
    with TestClient(create_app(settings, store)) as other:
        answer = other.get(f"/id/{PERSON}", headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert answer.headers["location"] == f"https://kg.example.vn/data/{PERSON}.ttl"


def test_ontology_by_accept(client: TestClient) -> None:
    page = client.get("/ontology", headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert varies_on_accept(page.headers)
    assert "vnkg:Tenure" in page.text
    for accept, (extension, rdflib_format) in FORMATS.items():
        answer = client.get("/ontology", headers={"Accept": accept})
        assert answer.status_code == 200
        assert answer.headers["content-type"].split(";")[0] == accept
        graph = parse(answer.content, rdflib_format)
        assert (URIRef("https://w3id.org/vnkg/ontology"), RDF.type, OWL.Ontology) in graph
        by_suffix = client.get(f"/ontology.{extension}")
        assert len(parse(by_suffix.content, rdflib_format)) == len(graph)
    assert client.get("/ontology.html").text == page.text
    assert client.get("/ontology.xyz").status_code == 404
