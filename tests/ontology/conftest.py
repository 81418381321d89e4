"""Gold facts of samples/corpus mapped to RDF once per session, as the loader would store them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from vnkg.loaders.rdf import MappedArticle, map_article
from vnkg.loaders.resolve import Minter

BASE = "https://w3id.org/vnkg/id/"
CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
GOLD_FILES = sorted(CORPUS.glob("*/*.facts.json"))


@pytest.fixture(scope="session")
def gold_mapped() -> list[MappedArticle]:
    assert GOLD_FILES, "no gold facts found"
    minter = Minter(BASE)
    return [map_article(json.loads(path.read_text(encoding="utf-8")), minter, str(path.name))
            for path in GOLD_FILES]


@pytest.fixture(scope="session")
def gold_store(gold_mapped: list[MappedArticle]) -> Dataset:
    """All gold articles in one dataset laid out as MODEL.md says, queried as the union graph."""
    from vnkg.ontology import reference_graph

    store = Dataset(default_union=True)
    facts = store.graph(URIRef(BASE + "graph/facts"))
    reference = store.graph(URIRef(BASE + "graph/reference"))
    for triple in reference_graph(BASE):
        reference.add(triple)
    for mapped in gold_mapped:
        own = store.graph(mapped.graph)
        for triple in mapped.article_triples:
            own.add(triple)
        for triple in mapped.fact_triples:
            facts.add(triple)
    return store
