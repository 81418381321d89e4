"""The load path: facts/1 documents -> checks -> RDF -> SHACL -> store, article by article.

Each article is checked, mapped and validated on its own; a bad one is reported (what and where)
and skipped while the rest of the batch goes on. Good articles are written in batches, each
article atomically (the embedded store commits a whole batch in one transaction), so a crash
leaves every committed article whole and none half-written. An article whose facts are unchanged
since it was stored is not written again, which makes re-running an interrupted batch finish it.

Writing overlaps preparing: one writer thread stores a batch while the next is checked, mapped
and validated (the embedded store releases the GIL while it writes; measured, this nearly halves
the load time on two cores). At most one batch is in flight, batches are written in order, and a
failed write stops the load with its error once the batch in flight is done.

With ``workers > 1`` articles are prepared in that many processes (`loaders.workers`); the store,
the summary and the errors are the same as in one process. The processes are spawned, so a script
that loads with workers must guard its entry point (``if __name__ == "__main__":``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef
from vnkg.graph.base import ArticleWrite, GraphStore
from vnkg.graph.layout import check_layout
from vnkg.loaders.documents import check_document, find_facts_files, parse_document
from vnkg.loaders.errors import LoadError
from vnkg.loaders.overrides import Overrides
from vnkg.loaders.rdf import MappedArticle, map_article
from vnkg.loaders.resolve import Minter
from vnkg.loaders.validate import check_shapes
from vnkg.loaders.workers import Prepared, prepare_in_workers

from vnkg.namespaces import VNKG

REFERENCE_VERSION = "vnkg-reference-1"
DEFAULT_BATCH = 4096
"""Most articles written together. Each bulk write leaves files that the store merges into its
indexes later, and fewer, larger writes cost less to merge while the store is small: loading
20,000 articles with two workers, the loading process spent 8.5 ms of CPU an article with batches
of 256 and 5.8 with these (199 -> 180 s). At 100,000 articles the merging catches up and the load
takes as long either way (~100 articles/s), with ~1.3 GB more memory for the larger batches."""
FIRST_BATCH = 256
"""Articles in a load's first batch; each next batch is twice as large, up to the load's batch size,
so that a small load still writes one batch while it prepares the next, and its first articles
are stored early."""
OPTIMIZE_FROM = 500
"""A load that stores this many articles ends by compacting the store (`GraphStore.optimize`)."""

Item = tuple[str, "dict[str, Any] | LoadError"]
"""A document with the name of where it came from, or the error reading it raised."""


@dataclass
class LoadSummary:
    """What a load did: counts, and every article it could not load with why."""

    loaded: int = 0
    unchanged: int = 0
    failed: list[LoadError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def __str__(self) -> str:
        return f"{self.loaded} loaded, {self.unchanged} unchanged, {len(self.failed)} failed"


def prepare(doc: Any, source: str, minter: Minter, *, validate: bool = True) -> MappedArticle:
    """Check, map and (optionally) validate one document; raises LoadError saying what and where."""
    checked = check_document(doc, source)
    mapped = map_article(checked, minter, source)
    if validate:
        check_shapes(mapped, minter.base, source)
    return mapped


def iter_paths(paths: Iterable[Path]) -> Iterator[Item]:
    """Documents from files and folders, each with its path, or the error reading it raised.

    They are parsed here and checked where they are prepared (`prepare`): checking is as costly
    as mapping, and with workers it then runs in them, once, not also in the loading process."""
    for path in find_facts_files(paths):
        try:
            yield str(path), parse_document(path)
        except LoadError as err:
            yield str(path), err


class Loader:
    """Loads facts/1 documents into a store."""

    def __init__(self, store: GraphStore, *, validate: bool = True, overrides: Overrides | None = None,
                 batch_size: int = DEFAULT_BATCH, workers: int = 1) -> None:
        from vnkg.ontology import reference_graph

        self.store = store
        self.validate = validate
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self.overrides = overrides
        self.minter = Minter(store.base_iri, overrides)
        check_layout(store)
        store.ensure_reference(reference_graph(store.base_iri), REFERENCE_VERSION)
        self._batch_limit = batch_size
        self._pending: Future[int] | None = None
        self._pending_hashes: dict[str, str] = {}

    def stored_hashes(self, articles: list[URIRef]) -> dict[str, str]:
        """Content hash of each of these articles already in the store."""
        if not articles:
            return {}
        values = " ".join(a.n3() for a in articles)  # IRIs minted here, escaped by rdflib
        rows = self.store.select(
            f"SELECT ?a ?h WHERE {{ VALUES ?a {{ {values} }} ?a <{VNKG.contentHash}> ?h }}")
        return {str(row["a"]): str(row["h"]) for row in rows}

    def load(self, items: Iterable[Item], progress: Callable[[int], None] | None = None) -> LoadSummary:
        """Load documents; `progress` is called with the number of documents done after each one."""
        summary = LoadSummary()
        self._batch_limit = min(FIRST_BATCH, self.batch_size)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vnkg-writer") as writer:
            try:
                self._load(items, summary, writer, progress)
            finally:
                self._wait(summary)  # the batch in flight is finished (or its error raised) first
        if summary.loaded >= OPTIMIZE_FROM:
            self.store.optimize()
        return summary

    def _prepared(self, items: Iterable[Item]) -> Iterator[tuple[str, Prepared | LoadError]]:
        if self.workers > 1:
            yield from prepare_in_workers(items, self.store.base_iri, self.overrides, self.validate,
                                          self.workers)
            return
        for source, doc in items:
            if isinstance(doc, LoadError):
                yield source, doc
                continue
            try:
                yield source, Prepared.of(prepare(doc, source, self.minter, validate=self.validate))
            except LoadError as err:
                yield source, err

    def _load(self, items: Iterable[Item], summary: LoadSummary, writer: ThreadPoolExecutor,
              progress: Callable[[int], None] | None) -> None:
        batch: dict[str, Prepared] = {}
        for _source, prepared in self._prepared(items):
            if isinstance(prepared, LoadError):
                summary.failed.append(prepared)
            else:
                batch[prepared.article_id] = prepared  # the last copy of an article wins
            if len(batch) >= self._batch_limit:
                self._flush(batch, summary, writer)
                self._batch_limit = min(2 * self._batch_limit, self.batch_size)
            if progress is not None:
                progress(1)
        self._flush(batch, summary, writer)

    def load_paths(self, paths: Iterable[Path], progress: Callable[[int], None] | None = None) -> LoadSummary:
        return self.load(iter_paths(paths), progress)

    def _wait(self, summary: LoadSummary) -> None:
        """Wait for the batch in flight; count it, or raise the error that stopped it."""
        pending, self._pending = self._pending, None
        if pending is not None:
            try:
                summary.loaded += pending.result()
            finally:
                self._pending_hashes.clear()

    def _write(self, writes: list[ArticleWrite]) -> int:
        self.store.write_articles(writes)
        return len(writes)

    def _flush(self, batch: dict[str, Prepared], summary: LoadSummary, writer: ThreadPoolExecutor) -> None:
        if not batch:
            return
        stored = self.stored_hashes([URIRef(prepared.article) for prepared in batch.values()])
        stored.update(self._pending_hashes)  # the batch in flight is as good as stored
        writes = []
        hashes = {}
        for prepared in batch.values():
            if stored.get(prepared.article) == prepared.content_hash:
                summary.unchanged += 1
                continue
            writes.append(prepared.write)
            hashes[prepared.article] = prepared.content_hash
        batch.clear()
        self._wait(summary)
        if writes:
            self._pending = writer.submit(self._write, writes)
            self._pending_hashes = hashes


def load_documents(store: GraphStore, items: Iterable[Item], *, validate: bool = True,
                   overrides: Overrides | None = None, batch_size: int = DEFAULT_BATCH,
                   progress: Callable[[int], None] | None = None, workers: int = 1) -> LoadSummary:
    """Load (source, document) pairs into a store; see `Loader`."""
    return Loader(store, validate=validate, overrides=overrides, batch_size=batch_size,
                  workers=workers).load(items, progress)


__all__ = ["DEFAULT_BATCH", "FIRST_BATCH", "Item", "LoadSummary", "Loader", "iter_paths", "load_documents", "prepare"]
