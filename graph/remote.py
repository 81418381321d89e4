"""The remote backend: any SPARQL 1.1 server through the standard protocols.

Reads go through SPARQLWrapper (POST, JSON results or N-Triples, parsed with pyoxigraph);
``bindings`` become a trailing ``VALUES`` clause of ``.n3()``-escaped terms (as rdflib's
SPARQLStore does). Writes are SPARQL Update POSTs (httpx), one request per article, which the
server applies atomically on Oxigraph and Fuseki. With a Graph Store Protocol URL, exporting one
graph streams it from the GSP endpoint. Basic auth comes from the settings.

The server must treat its default graph as the union of the named graphs: Oxigraph
``serve --union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``; Virtuoso and GraphDB
do so by default. Query time limits: SPARQLWrapper's socket timeout on this side (the server
may keep working; set its own limit too, e.g. Oxigraph ``--timeout-s``).
"""

from __future__ import annotations

import ast
import asyncio
import urllib.error
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO

import httpx
import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL
from SPARQLWrapper import POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from vnkg.settings import DEFAULT_BASE_IRI

from .base import (
    EXPORT_FORMATS,
    ArticleWrite,
    Bindings,
    ExportFormat,
    Row,
    article_graph_iri,
    article_graph_prefix,
    article_id_from_graph,
    negotiate,
    reference_graph_iri,
)
from .binding import bind_values
from .errors import (
    QuerySyntaxError,
    QueryTimeout,
    ReadOnlyStore,
    StoreError,
    StoreUnavailable,
    UnsupportedFormat,
)
from .results import result_kind, serialize_result
from .terms import to_rdflib
from .updates import n3, reference_update, remove_article_update, replace_article_update

__all__ = ["RemoteStore"]

_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_CHUNK = 1 << 16


def _response_text(error: Exception) -> str:
    """The server's message inside a SPARQLWrapper exception (it keeps only a formatted repr)."""
    text = str(error)
    marker = "Response:\n"
    if marker in text:
        raw = text.split(marker, 1)[1]
        try:
            value = ast.literal_eval(raw)
            return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        except (ValueError, SyntaxError):
            return raw
    return text


class RemoteStore:
    """The `GraphStore` on a SPARQL 1.1 server."""

    def __init__(self, query_url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                 user: str | None = None, password: str | None = None,
                 base_iri: str = DEFAULT_BASE_IRI, read_only: bool = False,
                 timeout: float | None = None) -> None:
        if not base_iri.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {base_iri!r}")
        self._query_url = query_url
        self._update_url = update_url or query_url
        self._gsp_url = gsp_url
        self._user = user
        self._password = password
        self._base = base_iri
        self._read_only = read_only
        self._timeout = timeout
        auth = httpx.BasicAuth(user, password or "") if user else None
        self._http = httpx.Client(auth=auth, timeout=httpx.Timeout(300.0, connect=10.0))

    @property
    def base_iri(self) -> str:
        return self._base

    @property
    def read_only(self) -> bool:
        return self._read_only

    def close(self) -> None:
        """Close the HTTP connections."""
        self._http.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the query protocol ---------------------------------------------------------------------

    def _request(self, query: str, accept: str, *, bindings: Bindings | None = None,
                 default_graph_uris: Sequence[str] = (), named_graph_uris: Sequence[str] = (),
                 timeout: float | None = None) -> tuple[Any, str]:
        """Send a query; the open HTTP response (to read) and its media type."""
        text = bind_values(query, bindings)  # a leading VALUES block of escaped terms (graph/binding.py)
        wrapper = SPARQLWrapper(self._query_url)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)
        wrapper.setQuery(text)
        # SPARQLWrapper guesses the query type from keywords anywhere in the text, comments too
        # ("# ... deleted ..."), and would then send the query as an update; this is a query.
        wrapper.queryType = SELECT
        wrapper.addCustomHttpHeader("Accept", accept)
        for uri in default_graph_uris:
            wrapper.addDefaultGraph(uri)
        for uri in named_graph_uris:
            wrapper.addNamedGraph(uri)
        if self._user:
            wrapper.setCredentials(self._user, self._password or "")
        limit = timeout if timeout is not None else self._timeout
        if limit is not None:
            wrapper.timeout = limit  # type: ignore[assignment]  # setTimeout() would round to int
        try:
            response = wrapper.query().response
        except QueryBadFormed as e:
            raise QuerySyntaxError.from_message(_response_text(e)) from e
        except Unauthorized as e:
            raise StoreError(f"the SPARQL server refused the credentials: {_response_text(e)}") from e
        except URITooLong as e:
            raise StoreError("the query is too long for this server") from e
        except (EndPointNotFound, EndPointInternalError) as e:
            raise StoreUnavailable(f"the SPARQL server failed: {_response_text(e)}") from e
        except SPARQLWrapperException as e:
            raise StoreError(str(e)) from e
        except urllib.error.HTTPError as e:
            if e.code == 406:
                raise UnsupportedFormat(f"the server cannot answer as {accept}") from e
            if e.code in (503, 504):
                raise QueryTimeout(f"the SPARQL server gave up: HTTP {e.code}") from e
            raise StoreUnavailable(f"the SPARQL server answered HTTP {e.code}") from e
        except TimeoutError as e:
            raise QueryTimeout(_too_long(limit)) from e
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError):
                raise QueryTimeout(_too_long(limit)) from e
            raise StoreUnavailable(f"cannot reach the SPARQL server at {self._query_url}: {e.reason}") from e
        media = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        return response, media

    def _read(self, response: Any, limit: float | None) -> bytes:
        try:
            return response.read()
        except TimeoutError as e:
            raise QueryTimeout(_too_long(limit)) from e

    def _results(self, query: str, bindings: Bindings | None, timeout: float | None) -> Any:
        response, media = self._request(query, f"{_JSON}, {_NTRIPLES};q=0.9", bindings=bindings,
                                        timeout=timeout)
        return self._parse(self._read(response, timeout), media)

    @staticmethod
    def _parse(body: bytes, media: str) -> Any:
        if media in (_JSON, "application/json"):
            return ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            raise StoreError(f"the SPARQL server answered in an unexpected media type {media!r}")
        return ox.parse(body, fmt)

    def select(self, query: str, bindings: Bindings | None = None, timeout: float | None = None,
               *, max_rows: int | None = None) -> list[Row]:
        result = self._results(query, bindings, timeout)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        rows: list[Row] = []
        for solution in result:
            rows.append({name: to_rdflib(term) for name, term in zip(names, solution, strict=True)
                         if term is not None})
            if max_rows is not None and len(rows) >= max_rows:
                break
        return rows

    def ask(self, query: str, bindings: Bindings | None = None, timeout: float | None = None) -> bool:
        result = self._results(query, bindings, timeout)
        if not isinstance(result, ox.QueryBoolean):
            raise StoreError("ask() needs an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Bindings | None = None,
                  timeout: float | None = None) -> Graph:
        response, media = self._request(query, _NTRIPLES, bindings=bindings, timeout=timeout)
        parsed = self._parse(self._read(response, timeout), media)
        if isinstance(parsed, ox.QuerySolutions | ox.QueryBoolean):
            raise StoreError("construct() needs a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for triple in parsed:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph

    def query_raw(self, query: str, accept: str, *, default_graph_uris: Sequence[str] = (),
                  named_graph_uris: Sequence[str] = (), timeout: float | None = None,
                  max_rows: int | None = None) -> tuple[bytes, str]:
        """Results in the media type ``accept`` asks for, re-serialised here (as the embedded store
        does) so every server offers the same formats and the row cap holds."""
        response, media = self._request(query, f"{_JSON}, {_NTRIPLES};q=0.9",
                                        default_graph_uris=default_graph_uris,
                                        named_graph_uris=named_graph_uris, timeout=timeout)
        parsed = self._parse(self._read(response, timeout), media)
        try:
            wanted = negotiate(accept, result_kind(parsed))
        except UnsupportedFormat:
            del parsed  # not carried to another thread by the traceback (see result_kind)
            raise
        return serialize_result(parsed, wanted, lambda items: _take(items, max_rows))

    async def query_raw_async(self, query: str, accept: str, *, default_graph_uris: Sequence[str] = (),
                              named_graph_uris: Sequence[str] = (), timeout: float | None = None,
                              max_rows: int | None = None) -> tuple[bytes, str]:
        """`query_raw` in a worker thread (the HTTP client here is a blocking one)."""
        return await asyncio.to_thread(self.query_raw, query, accept, default_graph_uris=default_graph_uris,
                                       named_graph_uris=named_graph_uris, timeout=timeout, max_rows=max_rows)

    # -- writes ---------------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        """POST one SPARQL Update request."""
        if self._read_only:
            raise ReadOnlyStore("this store was opened read-only")
        try:
            response = self._http.post(self._update_url, content=sparql.encode("utf-8"),
                                       headers={"Content-Type": "application/sparql-update"})
        except httpx.TimeoutException as e:
            raise QueryTimeout("the update ran longer than the client allows") from e
        except httpx.HTTPError as e:
            raise StoreUnavailable(f"cannot reach the SPARQL server at {self._update_url}: {e}") from e
        if response.status_code == 400:
            raise QuerySyntaxError.from_message(response.text)
        if response.status_code in (401, 403):
            raise StoreError(f"the SPARQL server refused the update: HTTP {response.status_code}")
        if response.status_code >= 300:
            raise StoreUnavailable(f"the SPARQL update failed: HTTP {response.status_code} {response.text}")

    def write_articles(self, writes: Sequence[ArticleWrite]) -> None:
        """Replace each article with one update request (all-or-nothing per article)."""
        latest: dict[str, ArticleWrite] = {}
        for write in writes:
            expected = article_graph_iri(self._base, write.article_id)
            if write.graph != expected:
                raise ValueError(f"article {write.article_id!r} must be written to {expected}, "
                                 f"not {write.graph}")
            latest.pop(write.article_id, None)
            latest[write.article_id] = write.decoded(self._base)
        texts = [replace_article_update(self._base, w) for w in latest.values()]  # all checked first
        for text in texts:
            self.update(text)

    def remove_article(self, article_id: str) -> bool:
        if not self.has_article(article_id):
            if self._read_only:
                raise ReadOnlyStore("this store was opened read-only")
            return False
        self.update(remove_article_update(self._base, article_graph_iri(self._base, article_id)))
        return True

    def article_ids(self) -> list[str]:
        prefix = n3(Literal(article_graph_prefix(self._base)))
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                           f"FILTER(STRSTARTS(STR(?g), {prefix})) }}")
        ids = (article_id_from_graph(self._base, str(row["g"])) for row in rows)
        return sorted(i for i in ids if i is not None)

    def has_article(self, article_id: str) -> bool:
        return self.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": article_graph_iri(self._base, article_id)})

    def ensure_reference(self, graph: Graph, version: str) -> None:
        ref = reference_graph_iri(self._base)
        if not self.ask("ASK { GRAPH ?g { ?g ?p ?v } }",
                        {"g": ref, "p": OWL.versionInfo, "v": Literal(version)}):
            self.update(reference_update(self._base, ref, graph, version))

    def optimize(self) -> None:
        """Nothing to do: a SPARQL server manages its own storage."""

    # -- export and counts ----------------------------------------------------------------------

    def export(self, out: BinaryIO, format: ExportFormat = "nquads", graph: str | None = None) -> None:
        """Write the dataset or one graph; one graph streams from the GSP endpoint when there is one."""
        if format not in EXPORT_FORMATS:
            raise UnsupportedFormat(f"cannot export as {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
        fmt = _RDF_FORMATS[format]
        if graph is not None:
            name = ox.NamedNode(graph)
            if self._gsp_url and not fmt.supports_datasets and format == "turtle":
                self._gsp_stream(graph, "text/turtle", out)
                return
            triples = self._graph_triples(graph)
            if fmt.supports_datasets:
                ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in triples), out, fmt)
            else:
                ox.serialize(triples, out, fmt)
            return
        if not fmt.supports_datasets:
            response, _ = self._request("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle")
            while chunk := response.read(_CHUNK):
                out.write(chunk)
            return
        result = self._results("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None, None)
        ox.serialize((ox.Quad(s[0], s[1], s[2], s[3]) for s in result), out, fmt)

    def _graph_triples(self, graph: str) -> list[ox.Triple]:
        if self._gsp_url:
            response = self._http.get(self._gsp_url, params={"graph": graph},
                                      headers={"Accept": _NTRIPLES})
            if response.status_code == 404:
                return []
            if response.status_code >= 300:
                raise StoreUnavailable(f"the Graph Store endpoint answered HTTP {response.status_code}")
            return [q.triple for q in ox.parse(response.content, ox.RdfFormat.N_TRIPLES)]
        response, media = self._request("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                                        _NTRIPLES, bindings={"g": URIRef(graph)})
        return [q.triple for q in self._parse(self._read(response, None), media)]

    def _gsp_stream(self, graph: str, accept: str, out: BinaryIO) -> None:
        assert self._gsp_url is not None
        with self._http.stream("GET", self._gsp_url, params={"graph": graph},
                               headers={"Accept": accept}) as response:
            if response.status_code == 404:
                return
            if response.status_code >= 300:
                raise StoreUnavailable(f"the Graph Store endpoint answered HTTP {response.status_code}")
            for chunk in response.iter_bytes(_CHUNK):
                out.write(chunk)

    def count_quads(self, graph: str | None = None) -> int:
        pattern = f"GRAPH {n3(URIRef(graph))}" if graph is not None else "GRAPH ?g"
        rows = self.select(f"SELECT (COUNT(*) AS ?c) WHERE {{ {pattern} {{ ?s ?p ?o }} }}")
        return int(rows[0]["c"].toPython())  # type: ignore[union-attr]


def _too_long(limit: float | None) -> str:
    return f"the query ran longer than {limit:g} s" if limit is not None else "the query timed out"


def _take(items: Iterator[Any], limit: int | None) -> list[Any]:
    out = []
    for item in items:
        if limit is not None and len(out) >= limit:
            break
        out.append(item)
    return out
