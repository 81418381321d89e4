"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: queries by GET, POST form and POST
``application/sparql-query``; updates only with the configured bearer token; a service description
when no query is given.

Results are the store's own serialisation (`GraphStore.query_raw`), streamed through unparsed.
Queries see the union of all named graphs as their default graph unless ``default-graph-uri`` /
``named-graph-uri`` say otherwise. Time and row limits come from the settings: a query that runs
too long gets 503 with a message; results are cut at ``max_rows`` rows (the limit is sent in the
``X-SPARQL-MaxRows`` header of every answer).
"""

from __future__ import annotations

import hmac
from urllib.parse import parse_qs

from fastapi import APIRouter, Request, Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, Namespace
from starlette.concurrency import run_in_threadpool
from vnkg.graph.base import GRAPH_MEDIA_TYPES, GraphStore, negotiate, shared_graphs

from vnkg.settings import Settings

from ..deps import SettingsDep, StoreDep
from ..errors import BadParameter, Forbidden, NotAcceptable, UnsupportedMediaType

__all__ = ["router"]

router = APIRouter(tags=["sparql"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
MAX_QUERY_LENGTH = 100_000
_FORM = "application/x-www-form-urlencoded"
_QUERY = "application/sparql-query"
_UPDATE = "application/sparql-update"
_RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
                   "application/rdf+xml": "xml"}

_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "Query results (SPARQL JSON, XML, CSV or TSV; Turtle, N-Triples, JSON-LD or RDF/XML "
                         "for CONSTRUCT and DESCRIBE), or the service description.",
          "content": {m: {} for m in ("application/sparql-results+json", "application/sparql-results+xml",
                                      "text/csv", "text/tab-separated-values", "text/turtle",
                                      "application/n-triples", "application/ld+json", "application/rdf+xml")}},
    204: {"description": "Update done."},
    400: {"description": "The query does not parse (the message says where) or the request is malformed."},
    403: {"description": "Updates need the configured bearer token."},
    406: {"description": "No acceptable result format."},
    415: {"description": "Unsupported request body type."},
    422: {"description": "A malformed graph IRI, or neither (or both) of query and update."},
    503: {"description": "The query ran longer than the time limit."},
}


def _limits(settings: Settings) -> dict[str, str]:
    return {"X-SPARQL-MaxRows": str(settings.max_rows)}


def _service_description(request: Request, store: GraphStore, accept: str, settings: Settings) -> Response:
    try:
        media = negotiate(accept, "graph")
    except Exception:
        raise NotAcceptable(f"cannot describe the service as {accept!r}; supported: "
                            f"{', '.join(sorted(set(GRAPH_MEDIA_TYPES.values())))}") from None
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(str(request.url.replace(query="")))
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if settings.update_token is not None:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        graph.add((service, SD.resultFormat, FORMATS[fmt]))
    dataset = BNode()
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    default = BNode()
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for name, _ in shared_graphs(store.base_iri):
        named = BNode()
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, name))
    graph.add((service, URIRef("http://purl.org/dc/terms/description"),
               Literal("vnkg: Vietnamese officials, provinces, emulation blocs, conferences and awards. "
                       "The default graph is the union of the facts, statements, reference and article graphs.",
                       lang="en")))
    body = graph.serialize(format=_RDFLIB_FORMATS[media], encoding="utf-8")
    return Response(body, media_type=media, headers=_limits(settings))


async def _answer(store: GraphStore, settings: Settings, query: str, accept: str,
                  default_graphs: list[str], named_graphs: list[str]) -> Response:
    if len(query) > MAX_QUERY_LENGTH:
        raise BadParameter(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    for uri in (*default_graphs, *named_graphs):
        if not uri or any(ch in uri for ch in "<>\"{}|\\^` \n\r\t"):
            raise BadParameter(f"not a graph IRI: {uri!r}")
    body, media = await store.query_raw_async(
        query, accept, default_graph_uris=default_graphs, named_graph_uris=named_graphs,
        timeout=settings.query_timeout, max_rows=settings.max_rows)
    return Response(body, media_type=media, headers={**_limits(settings), "Vary": "Accept"})


def _update_allowed(request: Request, settings: Settings) -> None:
    token = settings.update_token.get_secret_value() if settings.update_token is not None else ""
    header = request.headers.get("authorization", "")
    scheme, _, presented = header.partition(" ")
    if not token or scheme.lower() != "bearer" or not hmac.compare_digest(presented.strip().encode(),
                                                                         token.encode()):
        raise Forbidden("this endpoint is read-only: updates need the configured update token "
                        "(Authorization: Bearer ...)")


async def _update(request: Request, store: GraphStore, settings: Settings, update: str) -> Response:
    _update_allowed(request, settings)
    if len(update) > MAX_QUERY_LENGTH * 10:
        raise BadParameter("the update request is too long")
    await run_in_threadpool(store.update, update)
    return Response(status_code=204)


_GET_PARAMETERS = [
    {"name": "query", "in": "query", "required": False, "description": "The SPARQL 1.1 query.",
     "schema": {"type": "string"}, "examples": {"all": {"value": "SELECT * WHERE { ?s ?p ?o } LIMIT 10"}}},
    {"name": "default-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {
        "type": "string"}}, "description": "A graph to take as the default graph (may repeat)."},
    {"name": "named-graph-uri", "in": "query", "required": False, "schema": {"type": "array", "items": {
        "type": "string"}}, "description": "A graph to make available as a named graph (may repeat)."},
]


@router.get("/sparql", summary="SPARQL 1.1 query (GET), or the service description without a query",
            response_class=Response, responses=_RESPONSES, openapi_extra={"parameters": _GET_PARAMETERS})
async def sparql_get(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    # The parameters are read here rather than declared: FastAPI's per-parameter validation cost
    # more than some of the queries it carried (the OpenAPI document lists them all the same).
    params = request.query_params
    accept = request.headers.get("accept", "*/*")
    queries = params.getlist("query")
    if len(queries) > 1:
        raise BadParameter("give one 'query' parameter")
    if not queries:
        return _service_description(request, store, accept, settings)
    return await _answer(store, settings, queries[0], accept, params.getlist("default-graph-uri"),
                         params.getlist("named-graph-uri"))


@router.post("/sparql", summary="SPARQL 1.1 query or update (POST form-encoded, sparql-query or sparql-update)",
             response_class=Response, responses=_RESPONSES,
             openapi_extra={"requestBody": {"required": True, "content": {
                 _FORM: {"schema": {"type": "object", "properties": {
                     "query": {"type": "string"}, "update": {"type": "string"},
                     "default-graph-uri": {"type": "string"}, "named-graph-uri": {"type": "string"}}}},
                 _QUERY: {"schema": {"type": "string"}},
                 _UPDATE: {"schema": {"type": "string"}}}}})
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    accept = request.headers.get("accept", "*/*")
    raw = await request.body()
    if len(raw) > MAX_QUERY_LENGTH * 10:
        raise BadParameter("the request body is too long")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadParameter("the request body is not UTF-8") from None
    url_params = request.query_params
    default_graphs = url_params.getlist("default-graph-uri")
    named_graphs = url_params.getlist("named-graph-uri")
    if content_type == _QUERY:
        return await _answer(store, settings, text, accept, default_graphs, named_graphs)
    if content_type == _UPDATE:
        return await _update(request, store, settings, text)
    if content_type == _FORM:
        form = parse_qs(text, keep_blank_values=True)
        queries, updates = form.get("query", []), form.get("update", [])
        if len(queries) + len(updates) != 1:
            raise BadParameter("give exactly one 'query' or one 'update' parameter")
        if updates:
            return await _update(request, store, settings, updates[0])
        return await _answer(store, settings, queries[0], accept,
                             default_graphs + form.get("default-graph-uri", []),
                             named_graphs + form.get("named-graph-uri", []))
    raise UnsupportedMediaType(f"send the query as {_FORM}, {_QUERY} or {_UPDATE}, not {content_type or 'nothing'!r}")
