"""Every gold article of samples/corpus, mapped to RDF by the loader, conforms to the shapes, validated
as the loader validates it: one article at a time with the reference data it points to."""

from __future__ import annotations

import pytest
from vnkg.loaders.rdf import MappedArticle
from vnkg.loaders.validate import data_graph, violations

from .conftest import BASE, GOLD_FILES


def test_gold_corpus_is_there() -> None:
    assert len(GOLD_FILES) >= 20


@pytest.mark.parametrize("index", range(len(GOLD_FILES)), ids=[p.name for p in GOLD_FILES])
def test_gold_article_conforms(index: int, gold_mapped: list[MappedArticle]) -> None:
    mapped = gold_mapped[index]
    assert len(data_graph(mapped, BASE)) > len(mapped.fact_triples)  # the reference data came along
    assert violations(mapped, BASE) == []
