"""The home page's figures: the latest articles (newest month first, all articles when it holds too
few) and the counts, the same as computed the slow way."""

from __future__ import annotations

import pytest
from vnkg.api.routes import pages
from vnkg.graph.base import GraphStore
from vnkg.loaders.checks import STAT_CLASSES, entity_counts

from vnkg.settings import Settings

ALL = """PREFIX schema: <https://schema.org/>
SELECT ?article ?published WHERE { ?article schema:datePublished ?published }"""


@pytest.mark.parametrize("window_days", [0, 31, 100_000])
def test_latest_articles_are_the_newest_ten(store: GraphStore, monkeypatch: pytest.MonkeyPatch,
                                            window_days: int) -> None:
    monkeypatch.setattr(pages, "LATEST_WINDOW_DAYS", window_days)
    pairs = sorted((str(r["published"]), str(r["article"])) for r in store.select(ALL))
    everything = sorted(sorted(pairs, key=lambda pair: pair[1]), key=lambda pair: pair[0], reverse=True)
    latest = pages.latest_articles(store, Settings())
    assert [(str(r["published"]), str(r["article"])) for r in latest] == everything[:pages.LATEST_ARTICLES]


def test_entity_counts_match_counting_every_typed_node(store: GraphStore) -> None:
    counts = entity_counts(store)
    for name, cls in STAT_CLASSES.items():
        rows = store.select("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?class }", {"class": cls})
        assert counts[name] == int(rows[0]["n"]), name
    assert counts["articles"] == len(store.article_ids()) > 0
