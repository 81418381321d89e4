"""What an official's page says of each post's sources: how many articles state it, the first and
last dates they give, and the most recent few with their headlines and sentences.

The page used to compute this from every source of every post of the official
(`official_source_dates`: some 120-200 rows for a typical official at 100,000 articles, four
RocksDB lookups each, in the articles' graphs on disk), then read the sources it shows
(`official_source_details`, `official_evidence`): two thirds of a page's CPU. A read-only store
does not change until it is refreshed, so for an embedded one every post's summary, with its `KEPT`
most recent sources described, is computed once per snapshot in the background
(`vnkg.api.snapshots`); a page then looks its posts up. Until the summaries are ready, on stores
that can change, on SPARQL servers, and for pages that show more than `KEPT` sources a post, the
page reads its sources itself. Both ways count and order through `summarise` and describe through
the same fields, so they give the same page (tested on ~150 officials of a test store).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field

import pyoxigraph as ox
from vnkg.graph.base import GraphStore, facts_graph_iri

from .snapshots import per_embedded_snapshot, ready

__all__ = ["KEPT", "ArticleInfo", "PostSourceIndex", "PostSummary", "build_post_source_index",
           "post_source_index", "post_source_index_future", "summarise"]

KEPT = 10
"""How many of each post's most recent sources the summaries describe (a page shows 3 unless
asked for more; one that asks for more than this reads its sources itself)."""

_PREFIXES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
"""
_SOURCES = _PREFIXES + """SELECT ?tenure ?article ?observed WHERE {{
  GRAPH {facts} {{ ?tenure a vnkg:Tenure ; org:member ?person . }}
  GRAPH ?graph {{
    ?tenure prov:wasDerivedFrom ?article .
    OPTIONAL {{ ?annotation oa:hasBody ?tenure OPTIONAL {{ ?annotation vnkg:observedOn ?observed }} }}
  }}
}}"""
"""The rows of `official_source_dates` for every official at once; the article's date comes from
`_ARTICLE_FIELDS` (an article's own graph is the only one that describes it and the only one that
derives anything from it: docs/MODEL.md, "Named graphs")."""
_ARTICLE_FIELDS = {"published": "schema:datePublished", "headline": "schema:headline", "url": "schema:url",
                   "outlet": "dcterms:source"}
"""What `official_source_details` says of an article, each read by one scan of the store."""
_FIELD = _PREFIXES + "SELECT ?article ?value WHERE {{ GRAPH ?graph {{ ?article {predicate} ?value }} }}"
_EVIDENCE = _PREFIXES + """SELECT ?tenure ?article ?sentence WHERE {{
  VALUES (?tenure ?article) {{ {pairs} }}
  GRAPH ?graph {{
    ?tenure prov:wasDerivedFrom ?article .
    ?annotation oa:hasBody ?tenure ; oa:hasTarget/oa:hasSelector/oa:exact ?sentence .
  }}
}}"""
"""`official_evidence` for a batch of (post, article) pairs."""
_EVIDENCE_BATCH = 2000


@dataclass(frozen=True, slots=True)
class PostSummary:
    """One post's sources: how many articles state it, the first and last dates they give (an
    annotation's ``vnkg:observedOn``, else the article's date), and its most recent articles
    (undated last, then by IRI: `official_source_list`'s order)."""

    count: int
    first_seen: str | None
    last_seen: str | None
    latest: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What a page shows of a source article (`official_source_details`)."""

    published: str | None = None
    headline: str | None = None
    url: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class _Tally:
    published: dict[str, str | None] = field(default_factory=dict)
    first: str | None = None
    last: str | None = None

    def add(self, article: str, published: str | None, observed: str | None) -> None:
        self.published[article] = published
        seen = observed if observed is not None else published
        if seen is not None:
            if self.first is None or seen < self.first:
                self.first = seen
            if self.last is None or seen > self.last:
                self.last = seen

    def summary(self, kept: int) -> PostSummary:
        dates = self.published
        ordered = sorted(dates)
        ordered.sort(key=lambda a: (dates[a] is not None, dates[a] or ""), reverse=True)  # stable: IRI breaks ties
        return PostSummary(len(dates), self.first, self.last, tuple(ordered[:kept]))


def summarise(rows: Iterable[tuple[str, str, str | None, str | None]], kept: int) -> dict[str, PostSummary]:
    """Each post's summary, keeping ``kept`` articles, from (tenure, article, published, observed)
    rows: one per source of the post and annotation of the post in it."""
    tallies: dict[str, _Tally] = {}
    for tenure, article, published, observed in rows:
        tally = tallies.get(tenure)
        if tally is None:
            tally = tallies[tenure] = _Tally()
        tally.add(article, published, observed)
    return {tenure: tally.summary(kept) for tenure, tally in tallies.items()}


@dataclass(frozen=True)
class PostSourceIndex:
    """Every post's summary by tenure IRI (a post no article states has none), what a page shows of
    the articles they keep, and the sentences of each (tenure, article) kept, sorted."""

    summaries: dict[str, PostSummary]
    articles: dict[str, ArticleInfo]
    evidence: dict[tuple[str, str], tuple[str, ...]]
    kept: int


def build_post_source_index(store: GraphStore, kept: int = KEPT) -> PostSourceIndex:
    """Summarise the sources of every post of an embedded store, read from its own query engine
    without rdflib terms (~1 million source rows at 100,000 articles)."""
    oxigraph: ox.Store = store.oxigraph  # type: ignore[attr-defined]
    fields = {name: {article.value: value.value for article, value in oxigraph.query(_FIELD.format(predicate=p))}
              for name, p in _ARTICLE_FIELDS.items()}
    published = fields["published"]
    names: dict[str, str] = {}  # one string per article, however many posts it states

    def rows() -> Iterator[tuple[str, str, str | None, str | None]]:
        for tenure, article, observed in oxigraph.query(_SOURCES.format(facts=facts_graph_iri(store.base_iri).n3())):
            name = names.setdefault(article.value, article.value)
            yield tenure.value, name, published.get(name), None if observed is None else observed.value

    summaries = summarise(rows(), kept)
    names.clear()
    pairs = [(tenure, article) for tenure, summary in summaries.items() for article in summary.latest]
    articles = {article: ArticleInfo(**{name: values.get(article) for name, values in fields.items()})
                for _, article in pairs}
    return PostSourceIndex(summaries, articles, _evidence(oxigraph, pairs), kept)


def _evidence(oxigraph: ox.Store, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The sentences that state each (tenure, article) pair, sorted, each once."""
    found: dict[tuple[str, str], set[str]] = {}
    for start in range(0, len(pairs), _EVIDENCE_BATCH):
        batch = " ".join(f"({ox.NamedNode(t)} {ox.NamedNode(a)})" for t, a in pairs[start:start + _EVIDENCE_BATCH])
        for tenure, article, sentence in oxigraph.query(_EVIDENCE.format(pairs=batch)):
            found.setdefault((tenure.value, article.value), set()).add(sentence.value)
    return {pair: tuple(sorted(sentences)) for pair, sentences in found.items()}


def post_source_index_future(store: GraphStore) -> Future[PostSourceIndex] | None:
    """The summarising of the store's posts (started now if it was not), or None for a store whose
    data can change or that is not read from its own indexes."""
    return per_embedded_snapshot("post-sources", store, build_post_source_index)


def post_source_index(store: GraphStore) -> PostSourceIndex | None:
    """The summaries of the store's posts if they are ready (their computing is started if not)."""
    return ready(post_source_index_future(store))
