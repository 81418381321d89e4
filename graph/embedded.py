"""The embedded backend: a pyoxigraph ``Store`` persisted in a directory, no server.

One writer per directory: an exclusive ``flock`` on ``vnkg-writer.lock`` inside the store
directory (RocksDB's own lock would also refuse, with a less helpful message); a second writer
gets `StoreLocked`. ``read_only=True`` opens a RocksDB read-only instance (for the API); it sees
the store as it was when opened (call `EmbeddedStore.refresh` to see later writes) and does not
take the writer lock.

Bindings go in as a leading ``VALUES`` block of ``.n3()``-escaped terms in the WHERE group
(`graph.binding`), as on a remote server: a value can never change the query, and the query is
planned from it.

Time limits: pyoxigraph has no query timeout. A query with ``timeout`` runs in a worker thread
(pyoxigraph releases the GIL while it evaluates); when the time is up the caller gets
`QueryTimeout` at once and the worker stops at the next solution it produces. A single step
that never yields a solution (a huge ORDER BY or COUNT) keeps its thread busy until it
finishes; the row cap (``max_rows``) is enforced while iterating.

>>> from rdflib import URIRef, Literal
>>> from rdflib.namespace import RDFS, PROV
>>> store = EmbeddedStore(None, base_iri="http://x/")
>>> g = article_graph_iri("http://x/", "d1")
>>> store.write_articles([ArticleWrite("d1", g,
...     [(URIRef("http://x/person/a"), PROV.wasDerivedFrom, URIRef("http://x/article/d1"))],
...     [(URIRef("http://x/person/a"), RDFS.label, Literal("An", lang="vi"))])])
>>> store.select("SELECT ?l WHERE { ?p ?x ?l }", {"p": URIRef("http://x/person/a"), "x": RDFS.label})
[{'l': rdflib.term.Literal('An', lang='vi')}]
>>> store.remove_article("d1"), store.count_quads()
(True, 0)
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib.namespace import OWL

from vnkg.namespaces import PREFIXES
from vnkg.settings import DEFAULT_BASE_IRI

from .base import (
    EXPORT_FORMATS,
    ArticleWrite,
    Bindings,
    ExportFormat,
    Row,
    article_graph_iri,
    article_id_from_graph,
    facts_graph_iri,
    negotiate,
    reference_graph_iri,
    statements_graph_iri,
)
from .binding import bind_values
from .errors import (
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyStore,
    StoreError,
    StoreLocked,
    UnsupportedFormat,
)
from .results import result_kind, serialize_result, serialize_solutions_natively
from .terms import quad_to_oxigraph, to_rdflib
from .threads import DaemonPool, Deadline
from .updates import reference_update, remove_article_update, replace_article_update
from .written import WrittenQuads

__all__ = ["LOCK_FILE", "EmbeddedStore"]

LOCK_FILE = "vnkg-writer.lock"
BULK_MAX_QUADS = 500_000
"""Most quads sent to one atomic bulk insert (Oxigraph splits a bulk load above 1,000,000)."""
T = TypeVar("T")

_RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_NEVER = threading.Event()
_QUERY_THREADS = DaemonPool("vnkg-query")
_VANISHED = "No such file"
_READ_ATTEMPTS = 3


class _WriterLock:
    """An exclusive, non-blocking ``flock`` on the store directory's lock file."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_FILE
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise StoreLocked(
                f"the store in {directory} is open for writing elsewhere (process {holder}); "
                "close that first, or open this one read-only"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class EmbeddedStore:
    """The `GraphStore` on a local pyoxigraph store (``path=None``: in memory, for tests)."""

    def __init__(self, path: str | os.PathLike[str] | None, *, base_iri: str = DEFAULT_BASE_IRI,
                 read_only: bool = False, batch_size: int | None = None) -> None:
        if not base_iri.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {base_iri!r}")
        self._base = base_iri
        self._path = Path(path) if path is not None else None
        self._read_only = read_only
        self._batch_size = max(1, batch_size) if batch_size is not None else None
        self._lock: _WriterLock | None = None
        self._store: ox.Store | None = None
        self._snapshot = 0
        self._written = WrittenQuads((f"<{facts_graph_iri(base_iri)}>".encode(),
                                      f"<{statements_graph_iri(base_iri)}>".encode()))
        self._open()

    # -- opening and closing ------------------------------------------------------------------

    def _open(self) -> None:
        if self._path is None:
            self._store = ox.Store()
            return
        if self._read_only:
            if not (self._path / "CURRENT").exists():
                # Nothing written yet: create an empty store so there is something to read.
                self._path.mkdir(parents=True, exist_ok=True)
                lock = _WriterLock(self._path)
                try:
                    del_store = ox.Store(str(self._path))
                    del del_store
                finally:
                    lock.release()
            self._store = self._open_read_only(self._path)
            return
        self._path.mkdir(parents=True, exist_ok=True)
        self._lock = _WriterLock(self._path)
        try:
            self._store = ox.Store(str(self._path))
        except OSError as e:
            self._lock.release()
            self._lock = None
            if "lock" in str(e).lower():
                raise StoreLocked(f"the store in {self._path} is already open for writing: {e}") from e
            raise StoreError(f"cannot open the store in {self._path}: {e}") from e

    @staticmethod
    def _open_read_only(path: Path, attempts: int = 20) -> ox.Store:
        """A read-only instance; retried while a writer's compaction removes files it lists.

        A read-only RocksDB instance reads the file list, then opens the files; a writer compacting
        at the same moment may delete one in between ("No such file"). The next try sees the new
        list."""
        for attempt in range(attempts):
            try:
                return ox.Store.read_only(str(path))
            except (OSError, RuntimeError) as e:
                if "No such file" not in str(e) or attempt == attempts - 1:
                    raise StoreError(f"cannot open the store in {path} read-only: {e}") from e
                time.sleep(0.05)
        raise AssertionError("unreachable")

    def refresh(self) -> None:
        """Reopen a read-only store so it sees what the writer committed since it was opened.

        The new instance replaces the old one in one step, so a query running meanwhile in another
        thread finishes on the old one."""
        if self._read_only and self._path is not None:
            self._store = self._open_read_only(self._path)
            self._snapshot += 1

    def _reading(self, read: Callable[[], T]) -> T:
        """Run a read; on a read-only store, reopen and retry when a writer removed its files.

        A read-only instance lists the store's files when it opens; a writer compacting meanwhile
        deletes some of them, and a read that reaches one fails ("No such file"). Reopening gives
        the current list; the read is retried (at most `_READ_ATTEMPTS` times)."""
        for attempt in range(_READ_ATTEMPTS):
            try:
                return read()
            except (OSError, RuntimeError, StoreError) as e:
                vanished = self._read_only and self._path is not None and _VANISHED in str(e)
                if not vanished or attempt == _READ_ATTEMPTS - 1:
                    raise
                self.refresh()
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the store and release the writer lock (idempotent).

        A writable on-disk store is flushed first, so the next opening does not replay the
        write-ahead log (measured: an open after 10k articles took 84 s without, 0.02 s with)."""
        if self._store is not None and self._lock is not None and self._path is not None:
            self._store.flush()
        self._store = None
        self._written.forget()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def base_iri(self) -> str:
        return self._base

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def snapshot(self) -> int | None:
        """A number naming the data this store shows, while that data cannot change under it (a
        read-only store on disk: fixed until `refresh`); None when it can (a writable store)."""
        return self._snapshot if self._read_only and self._path is not None else None

    @property
    def path(self) -> Path | None:
        """The store directory (None for an in-memory store)."""
        return self._path

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for benchmarks and maintenance, not for writes)."""
        if self._store is None:
            raise StoreError("the store is closed")
        return self._store

    # -- queries --------------------------------------------------------------------------------

    def _query(self, query: str, bindings: Bindings | None = None, *,
               default_graph_uris: Sequence[str] = (), named_graph_uris: Sequence[str] = ()) -> Any:
        kwargs: dict[str, Any] = {}
        try:
            if default_graph_uris:
                kwargs["default_graph"] = [ox.NamedNode(u) for u in default_graph_uris]
            else:
                kwargs["use_default_graph_as_union"] = True
            if named_graph_uris:
                kwargs["named_graphs"] = [ox.NamedNode(u) for u in named_graph_uris]
        except ValueError as e:
            raise QuerySyntaxError(f"invalid graph IRI: {e}") from e
        text = bind_values(query, bindings)  # a leading VALUES block of escaped terms (graph/binding.py)
        try:
            return self.oxigraph.query(text, **kwargs)
        except RuntimeError as e:
            raise StoreError(f"query failed: {e}") from e
        except SyntaxError as e:
            raise QuerySyntaxError.from_message(str(e)) from e
        except OSError as e:
            raise StoreError(f"query failed: {e}") from e

    @staticmethod
    def _bounded(work: Callable[[threading.Event], T], timeout: float | None) -> T:
        """Run ``work`` and return its result, raising `QueryTimeout` after ``timeout`` seconds
        (the work is told to stop where it can, and goes on in its thread where it cannot)."""
        if timeout is None:
            return work(_NEVER)
        cancel = threading.Event()
        try:
            return _QUERY_THREADS.run(lambda: work(cancel), timeout)
        except Deadline:
            cancel.set()
            raise QueryTimeout(f"the query ran longer than {timeout:g} s") from None

    def select(self, query: str, bindings: Bindings | None = None, timeout: float | None = None,
               *, max_rows: int | None = None) -> list[Row]:
        """SELECT rows as rdflib terms; unbound variables are absent from a row.

        >>> EmbeddedStore(None).select('SELECT ?x ?y WHERE { VALUES ?x { 1 2 } }', {"x": Literal(2)})
        [{'x': rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))}]
        """
        def work(cancel: threading.Event) -> list[Row]:
            result = self._query(query, bindings)
            if not isinstance(result, ox.QuerySolutions):
                raise StoreError("select() needs a SELECT query")
            names = [v.value for v in result.variables]
            rows: list[Row] = []
            for solution in result:
                if cancel.is_set():
                    break
                row: Row = {}
                for index, name in enumerate(names):
                    term = solution[index]
                    if term is not None:
                        row[name] = to_rdflib(term)
                rows.append(row)
                if max_rows is not None and len(rows) >= max_rows:
                    break
            return rows

        return self._bounded(lambda cancel: self._reading(lambda: work(cancel)), timeout)

    def ask(self, query: str, bindings: Bindings | None = None, timeout: float | None = None) -> bool:
        """The answer of an ASK query.

        >>> EmbeddedStore(None).ask("ASK { VALUES ?a { 'x' 'y' } }", {"a": Literal("z")})
        False
        """
        def work(cancel: threading.Event) -> bool:
            result = self._query(query, bindings)
            if not isinstance(result, ox.QueryBoolean):
                raise StoreError("ask() needs an ASK query")
            return bool(result)

        return self._bounded(lambda cancel: self._reading(lambda: work(cancel)), timeout)

    def construct(self, query: str, bindings: Bindings | None = None,
                  timeout: float | None = None) -> Graph:
        """The rdflib graph a CONSTRUCT or DESCRIBE query builds."""
        def work(cancel: threading.Event) -> Graph:
            result = self._query(query, bindings)
            if not isinstance(result, ox.QueryTriples):
                raise StoreError("construct() needs a CONSTRUCT or DESCRIBE query")
            graph = Graph()
            for triple in result:
                if cancel.is_set():
                    break
                graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate),
                           to_rdflib(triple.object)))
            return graph

        return self._bounded(lambda cancel: self._reading(lambda: work(cancel)), timeout)

    def query_raw(self, query: str, accept: str, *, default_graph_uris: Sequence[str] = (),
                  named_graph_uris: Sequence[str] = (), timeout: float | None = None,
                  max_rows: int | None = None) -> tuple[bytes, str]:
        """Results serialised in the best media type ``accept`` allows, and that media type.

        >>> EmbeddedStore(None).query_raw("ASK {}", "application/sparql-results+json")
        (b'{"head": {}, "boolean": true}', 'application/sparql-results+json')
        """
        return self._bounded(lambda cancel: self._reading(lambda: self._raw(
            query, accept, default_graph_uris, named_graph_uris, max_rows, cancel)), timeout)

    async def query_raw_async(self, query: str, accept: str, *, default_graph_uris: Sequence[str] = (),
                              named_graph_uris: Sequence[str] = (), timeout: float | None = None,
                              max_rows: int | None = None) -> tuple[bytes, str]:
        """`query_raw` awaited: the query thread wakes the event loop itself (no thread in between)."""
        cancel = threading.Event()
        try:
            return await _QUERY_THREADS.run_async(lambda: self._reading(lambda: self._raw(
                query, accept, default_graph_uris, named_graph_uris, max_rows, cancel)), timeout)
        except Deadline:
            cancel.set()
            raise QueryTimeout(f"the query ran longer than {timeout:g} s") from None

    def _raw(self, query: str, accept: str, default_graph_uris: Sequence[str], named_graph_uris: Sequence[str],
             max_rows: int | None, cancel: threading.Event) -> tuple[bytes, str]:
        result = self._query(query, default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris)
        try:
            media = negotiate(accept, result_kind(result))
        except UnsupportedFormat:
            del result  # not carried to another thread by the traceback (see result_kind)
            raise
        if isinstance(result, ox.QuerySolutions):
            body = serialize_solutions_natively(result, media, max_rows, cancel)
            if body is not None:
                return body, media
            if cancel.is_set():
                del result  # not carried to another thread by the traceback (see result_kind)
                raise QueryTimeout("the query was stopped")
            # more rows than the cap, maybe: read them again and cut them here
            result = self._query(query, default_graph_uris=default_graph_uris, named_graph_uris=named_graph_uris)
        return serialize_result(result, media, lambda items: _capped(items, max_rows, cancel),
                                lambda fmt: _turtle_prefixes(self._base, fmt))

    # -- writes ---------------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self._read_only:
            raise ReadOnlyStore("this store was opened read-only")

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update request in one transaction (name graphs explicitly: ``GRAPH``)."""
        self._check_writable()
        self._written.forget()  # an update may delete quads of the shared graphs
        try:
            self.oxigraph.update(sparql)
        except SyntaxError as e:
            raise QuerySyntaxError.from_message(str(e)) from e
        except OSError as e:
            raise StoreError(f"update failed: {e}") from e

    def write_articles(self, writes: Sequence[ArticleWrite]) -> None:
        """Store or replace articles, each atomically.

        Articles not yet in the store go in together, in atomic steps of whole articles (at most
        ``batch_size`` articles a step when the store was opened with one; see `_insert_fresh`);
        an article already stored is replaced by the support-rule update, one transaction each.
        When an id occurs twice in ``writes`` the last one wins.
        """
        self._check_writable()
        latest: dict[str, ArticleWrite] = {}
        for write in writes:
            expected = article_graph_iri(self._base, write.article_id)
            if write.graph != expected:
                raise ValueError(f"article {write.article_id!r} must be written to {expected}, "
                                 f"not {write.graph}")
            latest.pop(write.article_id, None)
            latest[write.article_id] = write
        items = list(latest.values())
        store = self.oxigraph
        shared = (ox.NamedNode(str(facts_graph_iri(self._base))), ox.NamedNode(str(statements_graph_iri(self._base))))
        step = self._batch_size or max(1, len(items))
        for start in range(0, len(items), step):
            chunk = items[start:start + step]
            fresh: list[ArticleWrite] = []
            for write in chunk:
                if store.contains_named_graph(ox.NamedNode(str(write.graph))):
                    self.update(replace_article_update(self._base, write.decoded(self._base)))
                else:
                    fresh.append(write)
            if fresh:
                self._insert_fresh(fresh, *shared)

    def _insert_fresh(self, fresh: list[ArticleWrite], facts: ox.NamedNode, statements: ox.NamedNode) -> None:
        """Insert articles not yet stored, each one whole in a single atomic step.

        On disk this is Oxigraph's bulk path (``bulk_load`` of the N-Quads an `encode_article` write
        carries, ``bulk_extend`` of converted triples otherwise): sorted SST files for every index,
        ingested by one RocksDB ``IngestExternalFiles`` call, which is atomic across the indexes
        and ~5x faster than a transaction (no write-ahead log, no per-quad reads). Oxigraph cuts a
        bulk load into independent steps only beyond 1,000,000 quads, so the quads are sent in
        groups of whole articles below `BULK_MAX_QUADS`. In memory, ``extend`` (one transaction).
        """
        store = self.oxigraph
        group: list[ox.Quad] = []
        encoded: list[bytes] = []
        new_shared: list[bytes] = []
        size = 0
        try:
            for write in fresh:
                if write.nquads is not None and self._path is not None:
                    # Made by `encode_article` from this write's own triples: parsed in Rust, less
                    # the shared graphs' quads this writer already stored (`WrittenQuads`).
                    nquads, shared_lines = self._written.unseen(write.nquads)
                    lines = nquads.count(b"\n")
                    if encoded and size + lines > BULK_MAX_QUADS:
                        self._insert_encoded(store, encoded, new_shared)
                        encoded, new_shared, size = [], [], 0
                    encoded.append(nquads)
                    new_shared.extend(shared_lines)
                    size += lines
                    continue
                quads = list(_article_quads(write.decoded(self._base), facts, statements))
                if group and len(group) + len(quads) > BULK_MAX_QUADS:
                    self._insert(store, group)
                    group = []
                group.extend(quads)
        except (ValueError, TypeError, SyntaxError) as e:
            raise ValueError(f"invalid term in an article: {e}") from e
        if group:
            self._insert(store, group)
        if encoded:
            self._insert_encoded(store, encoded, new_shared)

    def _insert(self, store: ox.Store, quads: list[ox.Quad]) -> None:
        try:
            if self._path is None:
                store.extend(quads)
            else:
                store.bulk_extend(quads)
        except OSError as e:
            raise StoreError(f"write failed: {e}") from e

    def _insert_encoded(self, store: ox.Store, chunks: list[bytes], shared_lines: list[bytes]) -> None:
        try:
            store.bulk_load(b"".join(chunks), format=ox.RdfFormat.N_QUADS)
        except SyntaxError as e:
            raise ValueError(f"invalid N-Quads in an encoded article: {e}") from e
        except OSError as e:
            raise StoreError(f"write failed: {e}") from e
        self._written.stored(shared_lines)

    def optimize(self) -> None:
        """Compact the store: after a bulk load its indexes are spread over many overlapping files,
        which every range read must merge (measured on 2,000 articles: 38 files; after compacting,
        9, and the bloc listing went from 213 ms to 28 ms, a province's page from 114 to 61 ms)."""
        self._check_writable()
        try:
            self.oxigraph.optimize()
        except OSError as e:
            raise StoreError(f"compaction failed: {e}") from e

    def remove_article(self, article_id: str) -> bool:
        """Remove an article and whatever only it supported; False when it was not stored."""
        self._check_writable()
        graph = article_graph_iri(self._base, article_id)
        if not self.oxigraph.contains_named_graph(ox.NamedNode(str(graph))):
            return False
        self.update(remove_article_update(self._base, graph))
        return True

    def article_ids(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        return self._reading(self._article_ids)

    def _article_ids(self) -> list[str]:
        ids = []
        for name in self.oxigraph.named_graphs():
            if isinstance(name, ox.NamedNode):
                article_id = article_id_from_graph(self._base, name.value)
                if article_id is not None:
                    ids.append(article_id)
        return sorted(ids)

    def has_article(self, article_id: str) -> bool:
        """Whether the article's graph is stored."""
        graph = ox.NamedNode(str(article_graph_iri(self._base, article_id)))
        return self._reading(lambda: self.oxigraph.contains_named_graph(graph))

    def ensure_reference(self, graph: Graph, version: str) -> None:
        """Write the reference graph unless it is already there at ``version``."""
        ref = reference_graph_iri(self._base)
        present = self.ask("ASK { GRAPH ?g { ?g ?p ?v } }",
                           {"g": ref, "p": OWL.versionInfo, "v": Literal(version)})
        if not present:
            self.update(reference_update(self._base, ref, graph, version))

    # -- export and counts ----------------------------------------------------------------------

    def export(self, out: BinaryIO, format: ExportFormat = "nquads", graph: str | None = None) -> None:
        """Stream the dataset (or one named graph, keeping its name in quad formats) to ``out``.

        Turtle without ``graph`` is the union of all graphs.
        """
        if format not in EXPORT_FORMATS:
            raise UnsupportedFormat(f"cannot export as {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
        fmt = _RDF_FORMATS[format]
        prefixes = _turtle_prefixes(self._base, fmt)
        store = self.oxigraph
        if graph is None:
            if fmt.supports_datasets:
                store.dump(out, fmt, prefixes=prefixes)
            else:
                triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                      use_default_graph_as_union=True)
                ox.serialize(triples, out, fmt, prefixes=prefixes)
            return
        name = ox.NamedNode(graph)
        if fmt.supports_datasets:
            ox.serialize(store.quads_for_pattern(None, None, None, name), out, fmt, prefixes=prefixes)
        else:
            store.dump(out, fmt, from_graph=name, prefixes=prefixes)

    def copy_in_memory(self, graphs: Sequence[str]) -> EmbeddedStore:
        """A new in-memory store holding these named graphs, quad for quad.

        Each graph is dumped to a temporary file and loaded from it: both steps run inside the
        store without holding the GIL (reading the quads from Python held it ~80 % of the time,
        which slows every request a server answers meanwhile)."""
        copy = EmbeddedStore(None, base_iri=self._base)
        target = copy.oxigraph
        for graph in graphs:
            name = ox.NamedNode(graph)
            with tempfile.NamedTemporaryFile(prefix="vnkg-graph-", suffix=".nt") as dumped:
                path = dumped.name
                self._reading(partial(self._dump_graph, path, name))
                target.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
        return copy

    def _dump_graph(self, path: str, graph: ox.NamedNode) -> None:
        self.oxigraph.dump(path, ox.RdfFormat.N_TRIPLES, from_graph=graph)

    def count_quads(self, graph: str | None = None) -> int:
        """Quads in one named graph, or in all named graphs together."""
        return self._reading(lambda: self._count_quads(graph))

    def _count_quads(self, graph: str | None) -> int:
        if graph is None:
            return len(self.oxigraph) - sum(1 for _ in self.oxigraph.quads_for_pattern(
                None, None, None, ox.DefaultGraph()))
        # Counted inside the store: iterating the quads in Python took 20 s for the 2.2 M quads of
        # the facts graph at 100k articles, COUNT(*) 0.8 s.
        name = ox.NamedNode(graph)  # ValueError for a bad IRI, before any text is built
        solutions = self.oxigraph.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
        return int(next(iter(solutions))[0].value)  # type: ignore[arg-type]


def _article_quads(write: ArticleWrite, facts: ox.NamedNode, statements: ox.NamedNode) -> Iterator[ox.Quad]:
    graph = ox.NamedNode(str(write.graph))
    for s, p, o in write.article_triples:
        yield quad_to_oxigraph(s, p, o, graph)
    for s, p, o in write.fact_triples:
        yield quad_to_oxigraph(s, p, o, facts)
    for s, p, o in write.statement_triples:
        yield quad_to_oxigraph(s, p, o, statements)


def _capped(items: Iterator[T], max_rows: int | None, cancel: threading.Event) -> list[T]:
    out: list[T] = []
    for item in items:
        if cancel.is_set() or (max_rows is not None and len(out) >= max_rows):
            break
        out.append(item)
    return out


def _turtle_prefixes(base_iri: str, fmt: ox.RdfFormat) -> dict[str, str] | None:
    if fmt not in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        return None
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    prefixes["id"] = base_iri
    return prefixes
