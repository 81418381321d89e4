"""facts/1 -> RDF: a golden article compared as graphs, and the model's invariants on every gold file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from vnkg.loaders.documents import read_document
from vnkg.loaders.rdf import VARIANT_PREDICATES, map_article, statement_iri
from vnkg.loaders.resolve import Minter

from vnkg.namespaces import OA, PROV, RDF, VNKG

from .conftest import BASE, gold_files

GOLDEN = Path(__file__).parent / "golden"


def _graph(triples: list[Any]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _explain(expected: Graph, actual: Graph) -> str:
    _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    return f"missing: {sorted(missing)[:5]} extra: {sorted(extra)[:5]}"


def test_golden_article_is_isomorphic(minter: Minter) -> None:
    doc = json.loads((GOLDEN / "seed000.facts.json").read_text("utf-8"))
    mapped = map_article(doc, minter, "seed000")
    for name, triples in (("article", mapped.article_triples), ("facts", mapped.fact_triples),
                          ("statements", mapped.statement_triples)):
        expected = Graph().parse(GOLDEN / f"seed000.{name}.ttl")
        actual = _graph(triples)
        assert isomorphic(expected, actual), _explain(expected, actual)


def test_every_gold_file_maps_without_blank_nodes(minter: Minter) -> None:
    for path in gold_files():
        mapped = map_article(read_document(path), minter, str(path))
        for triple in mapped.article_triples + mapped.fact_triples:
            assert not any(isinstance(term, BNode) for term in triple), (path, triple)
        assert all(str(t[0]).startswith(BASE) for t in mapped.fact_triples)


def test_every_fact_node_derives_from_the_article(minter: Minter) -> None:
    for path in gold_files():
        mapped = map_article(read_document(path), minter, str(path))
        derived = {s for s, p, o in mapped.article_triples if p == PROV.wasDerivedFrom and o == mapped.article}
        assert {s for s, _, _ in mapped.fact_triples + mapped.statement_triples} == derived, path


def test_variant_values_are_recorded_as_statements(minter: Minter) -> None:
    for path in gold_files():
        mapped = map_article(read_document(path), minter, str(path))
        reified = _graph(mapped.statement_triples)
        statements = set(reified.subjects(RDF.type, RDF.Statement))
        stated = {(reified.value(st, RDF.subject), reified.value(st, RDF.predicate), reified.value(st, RDF.object))
                  for st in statements}
        variants = {t for t in mapped.fact_triples if t[1] in VARIANT_PREDICATES}
        assert stated == variants, path
        assert len(mapped.statement_triples) == 4 * len(statements), path  # nothing else in that graph
        # each statement is named by its triple alone, so every article stating it names the same node
        assert statements == {statement_iri(BASE, *triple) for triple in stated}, path


def test_mapping_is_deterministic(minter: Minter, seed0: dict[str, Any]) -> None:
    first = map_article(seed0, minter, "a")
    second = map_article(copy.deepcopy(seed0), Minter(BASE), "b")
    assert set(first.fact_triples) == set(second.fact_triples)
    assert set(first.article_triples) == set(second.article_triples)
    assert set(first.statement_triples) == set(second.statement_triples)


def test_strongest_participation_role_wins(minter: Minter, seed0: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed0)
    doc["events"][0]["participants"] += [{"person": "p2", "role": "chair"}, {"person": "p1", "role": "attendee"}]
    facts = _graph(map_article(doc, minter, "x").fact_triples)
    roles = {(facts.value(p, VNKG.participant), facts.value(p, VNKG.participationRole))
             for p in facts.subjects(RDF.type, VNKG.Participation)}
    assert roles == {(URIRef(f"{BASE}person/nguyen-dang-binh--bac-kan"), VNKG.Speaker),
                     (URIRef(f"{BASE}person/luong-quoc-doan"), VNKG.Chair)}


def test_evidence_is_quoted_exactly(minter: Minter, seed0: dict[str, Any]) -> None:
    doc = copy.deepcopy(seed0)
    sentence = "Chủ tịch UBND tỉnh Bắc Giang đã bàn giao đơn vị Cụm trưởng năm 2023 cho tỉnh Bắc Kạn."
    doc["bloc_roles"][1]["evidence"] = sentence
    art = _graph(map_article(doc, minter, "x").article_triples)
    exact = set(art.objects(None, OA.exact))
    assert exact == {Literal(sentence)}
    leadership = URIRef(f"{BASE}leadership/trung-du-va-mien-nui-phia-bac/2023/leader/bac-kan")
    (annotation,) = art.subjects(OA.hasBody, leadership)
    assert (annotation, RDF.type, OA.Annotation) in art


def test_published_date_keeps_its_precision(minter: Minter, seed0: dict[str, Any]) -> None:
    from vnkg.namespaces import SCHEMA, XSD

    for value, datatype in (("2024-03", XSD.gYearMonth), ("2024", XSD.gYear), ("2024-03-15", XSD.date)):
        doc = copy.deepcopy(seed0)
        doc["article"]["published"] = value
        mapped = map_article(doc, minter, "x")
        art = _graph(mapped.article_triples)
        assert art.value(mapped.article, SCHEMA.datePublished) == Literal(value, datatype=datatype)


def test_terms_made_once_are_the_namespace_terms() -> None:
    import pytest
    from rdflib.namespace import RDF

    from vnkg.namespaces import VNKG, Terms

    vnkg, rdf = Terms(VNKG), Terms(RDF)
    assert vnkg.member == VNKG.member and vnkg.member is vnkg.member
    assert vnkg.title == URIRef(str(VNKG) + "title")  # a term, not str.title
    assert vnkg["Cum"] == VNKG.Cum and vnkg["Cum"] is vnkg["Cum"]
    assert rdf.type == RDF.type
    with pytest.raises(AttributeError):
        rdf.notAnRdfTerm  # noqa: B018  a closed namespace refuses names it does not define
