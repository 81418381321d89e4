"""Preparing articles (check, map, validate) in worker processes, for loads of many articles.

Preparing is pure Python and takes most of a load's time; the store's writes release the GIL.
With ``workers > 1`` the loader hands documents to that many processes, each with its own
`Minter` and compiled shapes, and gets back each article as N-Quads (`encode_article`), which
costs far less to send back than rdflib terms (measured: unpickling an article's rdflib terms
took ~2.8 ms, as long as mapping it). Results come back in the input order, so a load gives the
same store and the same summary whatever the number of workers.

Chunks of documents go to the workers in turn (chunk *k* to worker *k* mod *n*), each through its
own queue, and each worker answers through its own pipe, so the answers are read back in order
without a shared queue to sort them from. At most `DEPTH` chunks a worker are in flight. A worker
that dies (killed, out of memory) ends the load with `WorkerError` naming it and its exit code;
`multiprocessing.Pool`, used before, replaced such a worker and waited forever for the chunk it had
lost. (Measured on 5,000 articles: the same CPU in the loading process as with the pool.)

Processes are started with ``spawn``: the parent holds an open store (RocksDB threads, file
locks) that a forked child must not inherit.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection
from typing import Any

from vnkg.graph.base import ArticleWrite, encode_oxigraph
from vnkg.loaders.errors import LoadError
from vnkg.loaders.overrides import Overrides
from vnkg.loaders.rdf import MappedArticle
from vnkg.loaders.resolve import Minter

CHUNK = 8
"""Documents sent to a worker at a time."""
DEPTH = 3
"""Chunks each worker may have queued or in hand: enough that none waits for the next while the
loading process reads another worker's answer."""


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

Answer = tuple[str, "Prepared | LoadError"]


def _start(base_iri: str, overrides: Overrides | None, validate: bool) -> None:
    global _minter, _validate
    _minter = Minter(base_iri, overrides)
    _validate = validate


def _prepare(item: tuple[str, Any]) -> Answer:
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


def _serve(tasks: multiprocessing.Queue, answers: Connection, base_iri: str, overrides: Overrides | None,
           validate: bool) -> None:
    """A worker: prepare each chunk from ``tasks`` (pickled by the loading process, so that a
    document that cannot be sent fails there, not silently in a queue's feeder thread) and send
    its answers, until a None arrives.

    An unexpected error is sent back as text (the loading process raises it), and ends the worker."""
    _start(base_iri, overrides, validate)
    while (chunk := tasks.get()) is not None:
        try:
            answers.send([_prepare(item) for item in pickle.loads(chunk)])  # noqa: S301  our own process's bytes
        except Exception:  # anything but a LoadError is a bug: report it whole, then stop
            answers.send(traceback.format_exc())
            return


class WorkerError(RuntimeError):
    """A worker process raised an unexpected error or died while preparing articles."""


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def prepare_in_workers(items: Iterable[tuple[str, Any]], base_iri: str, overrides: Overrides | None,
                       validate: bool, workers: int) -> Iterator[Answer]:
    """Prepared articles (or the error of each bad one) in the order of ``items``."""
    context = multiprocessing.get_context("spawn")
    queues = [context.Queue() for _ in range(workers)]
    pipes = [context.Pipe(duplex=False) for _ in range(workers)]
    processes = [context.Process(target=_serve, args=(queue, sender, base_iri, overrides, validate),
                                 name=f"vnkg-prepare-{n}", daemon=True)
                 for n, (queue, (_, sender)) in enumerate(zip(queues, pipes, strict=True))]
    for process in processes:
        process.start()
    for _, sender in pipes:
        sender.close()  # the worker holds the only writing end: its exit ends our reads

    def answers(k: int) -> list[Answer]:
        try:
            got = pipes[k % workers][0].recv()
        except (EOFError, OSError):  # OSError: the worker died in the middle of sending its answer
            process = processes[k % workers]
            process.join(1)
            raise WorkerError(f"worker process {process.name} died while preparing articles "
                               f"(exit code {process.exitcode})") from None
        if isinstance(got, str):
            raise WorkerError(f"worker process {processes[k % workers].name} failed:\n{got}")
        return got  # type: ignore[no-any-return]

    sent = received = 0
    try:
        remaining = iter(items)
        for chunk in iter(lambda: list(islice(remaining, CHUNK)), []):
            if sent - received == DEPTH * workers:
                yield from answers(received)
                received += 1
            queues[sent % workers].put(pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL))
            sent += 1
        while received < sent:
            yield from answers(received)
            received += 1
        for queue in queues:
            queue.put(None)
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join()
        for queue in queues:
            queue.close()
            queue.join_thread()
        for receiver, _ in pipes:
            receiver.close()


__all__ = ["CHUNK", "DEPTH", "Prepared", "WorkerError", "default_workers", "prepare_in_workers"]
