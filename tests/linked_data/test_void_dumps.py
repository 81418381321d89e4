"""The dataset description at /.well-known/void (counts from the store), the streamed dumps, and
`vnkg dump`, which writes the same files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD
from typer.testing import CliRunner
from vnkg.graph.embedded import EmbeddedStore

from vnkg.namespaces import SCHEMA

from .sample import BASE, fill

VOID = Namespace("http://rdfs.org/ns/void#")
ROOT = "http://testserver"
DATASET = URIRef(f"{ROOT}/.well-known/void#vnkg")


@pytest.fixture(scope="module")
def void(client: TestClient) -> Graph:
    answer = client.get("/.well-known/void")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/turtle")
    graph = Graph()
    graph.parse(data=answer.content, format="turtle")
    return graph


def integer(graph: Graph, subject: URIRef, predicate: URIRef) -> int:
    value = graph.value(subject, predicate)
    assert isinstance(value, Literal) and value.datatype == XSD.integer, (subject, predicate, value)
    return int(value)


def test_void_counts_come_from_the_store(void: Graph, store: EmbeddedStore) -> None:
    assert (DATASET, RDF.type, VOID.Dataset) in void
    assert (DATASET, RDF.type, DCAT.Dataset) in void
    assert integer(void, DATASET, VOID.triples) == store.count_quads()
    assert integer(void, DATASET, VOID.documents) == len(store.article_ids())
    people = store.select("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://schema.org/Person> }")
    partitions = {void.value(p, VOID["class"]): integer(void, p, VOID.entities)
                  for p in void.objects(DATASET, VOID.classPartition)}
    assert partitions[SCHEMA.Person] == int(people[0]["n"]) > 0
    facts = URIRef(f"{ROOT}/.well-known/void#facts")
    assert integer(void, facts, VOID.triples) == store.count_quads(BASE + "graph/facts")


def test_void_endpoint_dumps_licence_vocabularies(void: Graph) -> None:
    assert (DATASET, VOID.sparqlEndpoint, URIRef(f"{ROOT}/sparql")) in void
    assert (DATASET, VOID.uriSpace, Literal(BASE)) in void
    dumps = set(void.objects(DATASET, VOID.dataDump))
    assert dumps == {URIRef(f"{ROOT}/dumps/vnkg.nq.gz"), URIRef(f"{ROOT}/dumps/vnkg.trig.gz")}
    downloads = {void.value(d, DCAT.downloadURL) for d in void.objects(DATASET, DCAT.distribution)}
    assert downloads == dumps
    assert void.value(DATASET, DCTERMS.license) is not None
    vocabularies = set(void.objects(DATASET, VOID.vocabulary))
    assert {URIRef("https://w3id.org/vnkg/ontology"), URIRef("https://schema.org/"),
            URIRef("http://www.w3.org/ns/org#")} <= vocabularies
    assert (URIRef(f"{ROOT}/sparql"), RDF.type, DCAT.DataService) in void


def test_void_linkset_to_wikidata(void: Graph, store: EmbeddedStore) -> None:
    linkset = URIRef(f"{ROOT}/.well-known/void#links-wikidata")
    assert (linkset, RDF.type, VOID.Linkset) in void
    expected = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?o }")
    assert integer(void, linkset, VOID.triples) == int(expected[0]["n"]) > 0


def test_void_in_other_formats(client: TestClient) -> None:
    answer = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert answer.headers["content-type"].startswith("application/ld+json")
    graph = Graph()
    graph.parse(data=answer.content, format="json-ld")
    assert (DATASET, RDF.type, VOID.Dataset) in graph


@pytest.mark.parametrize(("name", "rdflib_format"), [("vnkg.nq.gz", "nquads"), ("vnkg.trig.gz", "trig")])
def test_dumps_hold_every_quad(client: TestClient, store: EmbeddedStore, name: str, rdflib_format: str) -> None:
    answer = client.get(f"/dumps/{name}")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/gzip"
    assert name in answer.headers["content-disposition"]
    dataset = Dataset()
    dataset.parse(data=gzip.decompress(answer.content), format=rdflib_format)
    graphs = {str(g.identifier) for g in dataset.graphs()} - {"urn:x-rdflib:default"}
    assert BASE + "graph/facts" in graphs and BASE + "graph/reference" in graphs
    assert BASE + "graph/article/a-2967314416b6" in graphs
    assert len(dataset) == store.count_quads()


def test_unknown_dump_is_404(client: TestClient) -> None:
    assert client.get("/dumps/vnkg.ttl").status_code == 404
    assert client.get("/dumps/..%2Fvnkg.nq.gz").status_code == 404


def test_vnkg_dump_writes_what_the_server_serves(tmp_path: Path) -> None:
    from vnkg.cli import app

    store_dir = tmp_path / "store"
    with EmbeddedStore(store_dir, base_iri=BASE) as store:
        fill(store)
        quads = store.count_quads()
    runner = CliRunner()
    out = tmp_path / "dumps"
    result = runner.invoke(app, ["dump", "--out", str(out), "--store", str(store_dir),
                                 "--base-url", "https://kg.example.vn/"], env={"VNKG_BASE_IRI": BASE})
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["vnkg.nq.gz", "vnkg.trig.gz", "void.ttl"]
    for name, rdflib_format in (("vnkg.nq.gz", "nquads"), ("vnkg.trig.gz", "trig")):
        dataset = Dataset()
        dataset.parse(data=gzip.decompress((out / name).read_bytes()), format=rdflib_format)
        assert len(dataset) == quads
    void = Graph().parse(out / "void.ttl", format="turtle")
    dataset_iri = URIRef("https://kg.example.vn/.well-known/void#vnkg")
    assert integer(void, dataset_iri, VOID.triples) == quads
    assert (dataset_iri, VOID.dataDump, URIRef("https://kg.example.vn/dumps/vnkg.nq.gz")) in void
    exported = tmp_path / "export.nq.gz"
    result = runner.invoke(app, ["export", "--format", "nquads", "-o", str(exported), "--store", str(store_dir)],
                           env={"VNKG_BASE_IRI": BASE})
    assert result.exit_code == 0, result.output
    assert sorted(gzip.decompress(exported.read_bytes()).splitlines()) == \
        sorted(gzip.decompress((out / "vnkg.nq.gz").read_bytes()).splitlines())
