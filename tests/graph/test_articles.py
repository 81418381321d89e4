"""Writing, replacing and removing articles under the support rule, on both backends."""

from __future__ import annotations

import io

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from vnkg.graph.base import GraphStore, article_graph_iri, reference_graph_iri

from .articles import BASE, PERSON, article, facts, node, snapshot, stated

AN, BINH, CHI = node("person/an"), node("person/binh"), node("person/chi")


def label(text: str) -> Literal:
    return Literal(text, lang="vi")


def test_articles_are_listed_and_found(store: GraphStore) -> None:
    assert store.article_ids() == []
    store.write_articles([article("d2", {"person/an": "An"}), article("d1", {"person/binh": "Bình"})])
    assert store.article_ids() == ["d1", "d2"]
    assert store.has_article("d1") and not store.has_article("d3")


def test_a_node_shared_by_two_articles_survives_removing_one(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An", "person/binh": "Bình"}),
                          article("d2", {"person/an": "An"})])
    assert store.remove_article("d1")
    assert not store.has_article("d1")
    assert facts(store) == {(AN, RDF.type, PERSON), (AN, RDFS.label, label("An"))}
    assert store.remove_article("d1") is False


def test_a_variant_only_one_article_stated_disappears_with_it(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "Nguyễn Văn An"}),
                          article("d2", {"person/an": "Nguyen Van An"})])
    assert {o for s, p, o in facts(store) if p == RDFS.label} == {label("Nguyễn Văn An"),
                                                                  label("Nguyen Van An")}
    assert stated(store) == {(AN, RDFS.label, label("Nguyễn Văn An")), (AN, RDFS.label, label("Nguyen Van An"))}
    store.remove_article("d2")
    assert facts(store) == {(AN, RDF.type, PERSON), (AN, RDFS.label, label("Nguyễn Văn An"))}
    assert stated(store) == {(AN, RDFS.label, label("Nguyễn Văn An"))}


def test_a_variant_two_articles_state_stays_while_one_does(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An"}), article("d2", {"person/an": "An"})])
    store.remove_article("d1")
    assert (AN, RDFS.label, label("An")) in facts(store)
    assert stated(store) == {(AN, RDFS.label, label("An"))}
    store.remove_article("d2")
    assert facts(store) == set()
    assert store.count_quads() == 0


def test_reloading_an_article_updates_exactly_the_facts_it_supports(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An", "person/binh": "Bình"}),
                          article("d2", {"person/binh": "Bình"})])
    before_d2 = snapshot(store)[str(article_graph_iri(BASE, "d2"))]
    # d1 no longer mentions Bình, now mentions Chi, and spells An differently
    store.write_articles([article("d1", {"person/an": "Ân", "person/chi": "Chi"})])
    assert facts(store) == {
        (AN, RDF.type, PERSON), (AN, RDFS.label, label("Ân")),
        (BINH, RDF.type, PERSON), (BINH, RDFS.label, label("Bình")),
        (CHI, RDF.type, PERSON), (CHI, RDFS.label, label("Chi")),
    }
    assert snapshot(store)[str(article_graph_iri(BASE, "d2"))] == before_d2
    store.write_articles([article("d1", {"person/chi": "Chi"})])
    assert {s for s, _, _ in facts(store)} == {BINH, CHI}


def test_writing_the_same_articles_twice_changes_nothing(store: GraphStore) -> None:
    batch = [article("d1", {"person/an": "An", "person/binh": "Bình"}), article("d2", {"person/an": "Ân"})]
    store.write_articles(batch)
    first = snapshot(store)
    count = store.count_quads()
    store.write_articles(batch)
    store.write_articles([article("d1", {"person/an": "An", "person/binh": "Bình"})])
    assert snapshot(store) == first
    # article graphs: d1 2 + 2 x 2 links, d2 2 + 2; statements 3 x 4; facts 2 types + 3 labels
    assert store.count_quads() == count == 6 + 4 + 3 * 4 + 5


def test_the_last_write_of_an_article_in_a_batch_wins(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An"}), article("d1", {"person/binh": "Bình"})])
    assert {s for s, _, _ in facts(store)} == {BINH}


def test_an_article_with_a_bad_term_is_not_written_at_all(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An"})])
    before = snapshot(store)
    good = article("d2", {"person/binh": "Bình"})
    bad = article("d3", {"person/chi": "Chi"})
    bad.fact_triples.append((URIRef("http://x/a b> <c"), RDF.type, PERSON))
    with pytest.raises(ValueError):
        store.write_articles([bad])
    with pytest.raises(ValueError):
        store.write_articles([good.__class__("d4", good.graph, good.article_triples, good.fact_triples)])
    assert snapshot(store) == before
    assert store.article_ids() == ["d1"]


def test_ensure_reference_writes_once_per_version(store: GraphStore) -> None:
    ref = Graph()
    province = node("province/bac-kan")
    ref.add((province, SKOS.prefLabel, label("Bắc Kạn")))
    store.ensure_reference(ref, "1")
    graph = str(reference_graph_iri(BASE))
    assert store.count_quads(graph) == 2
    store.update(f"DELETE DATA {{ GRAPH <{graph}> {{ <{province}> <{SKOS.prefLabel}> \"Bắc Kạn\"@vi }} }}")
    store.ensure_reference(ref, "1")  # same version: left alone
    assert store.count_quads(graph) == 1
    ref.add((province, RDFS.label, Literal("Bac Kan", lang="en")))
    store.ensure_reference(ref, "2")
    assert store.count_quads(graph) == 3
    assert store.ask("ASK { ?p ?l 'Bac Kan'@en }", {"p": province})


def test_count_quads_per_graph(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An"})])
    assert store.count_quads(str(article_graph_iri(BASE, "d1"))) == 2 + 1 + 1
    assert store.count_quads(str(node("graph/facts"))) == 2
    assert store.count_quads(str(node("graph/statements"))) == 4
    assert store.count_quads() == 10
    assert store.count_quads(str(node("graph/none"))) == 0


def test_export_round_trips_in_every_format(store: GraphStore) -> None:
    from rdflib import Dataset

    store.write_articles([article("d1", {"person/an": "An \"quoted\"\nnewline"}),
                          article("d2", {"person/an": "Ân"})])
    expected = snapshot(store)
    facts_iri = str(node("graph/facts"))
    for fmt, rdflib_fmt in [("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")]:
        out = io.BytesIO()
        store.export(out, fmt)
        dataset = Dataset()
        dataset.parse(data=out.getvalue(), format=rdflib_fmt)
        graphs = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
        assert graphs == {name: len(triples) for name, triples in expected.items()}, fmt
        out = io.BytesIO()
        store.export(out, fmt, graph=facts_iri)
        dataset = Dataset()
        dataset.parse(data=out.getvalue(), format=rdflib_fmt)
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} == {facts_iri}, fmt
        assert set(dataset.graph(URIRef(facts_iri))) == set(expected[facts_iri]), fmt
    out = io.BytesIO()
    store.export(out, "turtle", graph=facts_iri)
    assert set(Graph().parse(data=out.getvalue(), format="turtle")) == set(expected[facts_iri])
    out = io.BytesIO()
    store.export(out, "turtle")  # the union of all graphs
    union = Graph().parse(data=out.getvalue(), format="turtle")
    assert len(union) == sum(len(t) for t in expected.values())


def test_an_unknown_export_format_is_refused(store: GraphStore) -> None:
    from vnkg.graph.errors import UnsupportedFormat

    with pytest.raises(UnsupportedFormat):
        store.export(io.BytesIO(), "csv")  # type: ignore[arg-type]


def test_optimize_keeps_every_quad(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An"}), article("d2", {"person/an": "An"})])
    before = snapshot(store)
    store.optimize()
    assert snapshot(store) == before


def test_the_articles_stating_a_value_are_found_through_its_statement(store: GraphStore) -> None:
    store.write_articles([article("d1", {"person/an": "An"}), article("d2", {"person/an": "An"}),
                          article("d3", {"person/an": "Ân"})])
    query = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?person ?article WHERE {
  GRAPH <https://w3id.org/vnkg/id/graph/statements> {
    ?st rdf:subject ?person ; rdf:predicate rdfs:label ; rdf:object ?value
  }
  GRAPH ?g { ?st prov:wasDerivedFrom ?article }
}"""  # the query of docs/MODEL.md, with the value bound
    rows = store.select(query, {"value": label("An")})
    assert sorted((str(r["person"]), str(r["article"])) for r in rows) == [
        (str(AN), BASE + "article/d1"), (str(AN), BASE + "article/d2")]
    store.remove_article("d1")
    assert [str(r["article"]) for r in store.select(query, {"value": label("An")})] == [BASE + "article/d2"]
