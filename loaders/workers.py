"""Preparing articles (check, map, validate) in worker processes, for loads of many articles.

Preparing is pure Python and takes most of a load's time; the store's writes release the GIL.
With ``workers > 1`` the loader hands documents to a pool of processes, each with its own
`Minter` and compiled shapes, and gets back each article as N-Quads (`encode_article`), which
costs far less to send back than rdflib terms (measured: unpickling an article's rdflib terms
took ~2.8 ms, as long as mapping it). Results come back in the input order, so a load gives the
same store and the same summary whatever the number of workers.

Processes are started with ``spawn``: the parent holds an open store (RocksDB threads, file
locks) that a forked child must not inherit.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from vnkg.graph.base import ArticleWrite, encode_oxigraph
from vnkg.loaders.errors import LoadError
from vnkg.loaders.overrides import Overrides
from vnkg.loaders.rdf import MappedArticle
from vnkg.loaders.resolve import Minter

CHUNK = 8
"""Documents sent to a worker at a time."""


@dataclass(frozen=True)
class Prepared:
    """One article ready to store: what the loader needs to decide whether and how to write it."""

    article_id: str
    article: str
    content_hash: str
    write: ArticleWrite

    @classmethod
    def of(cls, mapped: MappedArticle) -> Prepared:
        return cls(mapped.article_id, str(mapped.article), mapped.content_hash,
                   ArticleWrite(mapped.article_id, mapped.graph, mapped.article_triples, mapped.fact_triples,
                                statement_triples=mapped.statement_triples))

    @classmethod
    def encoded(cls, mapped: MappedArticle, base_iri: str) -> Prepared:
        """The article carried as N-Quads, from the pyoxigraph terms its validation converted."""
        article, facts, statements = mapped.oxigraph_triples
        return cls(mapped.article_id, str(mapped.article), mapped.content_hash,
                   encode_oxigraph(mapped.article_id, mapped.graph, article, facts, base_iri, statements))


_minter: Minter | None = None
_validate = True


def _start(base_iri: str, overrides: Overrides | None, validate: bool) -> None:
    global _minter, _validate
    _minter = Minter(base_iri, overrides)
    _validate = validate


def _prepare(item: tuple[str, Any]) -> tuple[str, Prepared | LoadError]:
    from vnkg.loaders.pipeline import prepare

    source, doc = item
    if isinstance(doc, LoadError):
        return source, doc
    assert _minter is not None, "the worker was not started"
    try:
        mapped = prepare(doc, source, _minter, validate=_validate)
    except LoadError as err:
        return source, err
    return source, Prepared.encoded(mapped, _minter.base)


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepare_in_workers(items: Iterable[tuple[str, Any]], base_iri: str, overrides: Overrides | None,
                       validate: bool, workers: int) -> Iterator[tuple[str, Prepared | LoadError]]:
    """Prepared articles (or the error of each bad one) in the order of ``items``."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start, initargs=(base_iri, overrides, validate)) as pool:
        yield from pool.imap(_prepare, items, chunksize=CHUNK)


__all__ = ["CHUNK", "Prepared", "default_workers", "prepare_in_workers"]
