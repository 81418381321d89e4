"""Linked data: every IRI the graph mints dereferences here (Cool URIs, 303 See Other).

``GET /id/{kind}/{rest}`` stands for the data IRI ``{base_iri}{kind}/{rest}`` (the server maps
``{public_base_url or request base}/id/...`` to ``{base_iri}...``). It answers ``303 See Other``,
with ``Vary: Accept``, to

- the HTML page ``/page/{kind}/{rest}`` for browsers (``text/html``, ``*/*``), or
- the data document ``/data/{kind}/{rest}.ttl`` / ``.jsonld`` / ``.nt`` / ``.rdf`` for
  ``text/turtle``, ``application/ld+json``, ``application/n-triples``, ``application/rdf+xml``;

``406`` when nothing acceptable fits, ``404`` when the store knows nothing about the IRI. The data
documents take the suffix form (for links) or negotiate without one. The ontology's IRI is served
the same way at ``/ontology`` (HTML documentation or Turtle) and ``/ontology.ttl``.

A resource is described by a few bounded queries, the IRI always bound as a parameter: its own
triples (from the facts and reference graphs, plus the ``prov:wasDerivedFrom`` links of the
articles that support it), the labels of what it points to, the triples pointing at it (capped at
`MAX_INCOMING`), the evidence annotations quoting it, and for an article the whole content of its
named graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from rdflib import Graph, URIRef
from rdflib.namespace import FOAF, RDF
from vnkg.api.deps import SettingsDep, StoreDep
from vnkg.graph.base import GraphStore

from vnkg.namespaces import ONTOLOGY_IRI, PREFIXES
from vnkg.settings import Settings

__all__ = [
    "MAX_INCOMING",
    "RDF_EXTENSIONS",
    "choose",
    "data_path",
    "describe",
    "exists",
    "local_href",
    "page_path",
    "public_base",
    "router",
    "serialize",
]

router = APIRouter(tags=["linked data"])

MAX_INCOMING = 1000
"""Triples pointing at a resource that its description includes, at most."""


@dataclass(frozen=True)
class RdfFormat:
    """One RDF serialisation a data document can take."""

    extension: str
    media_type: str
    rdflib_format: str


RDF_EXTENSIONS: dict[str, RdfFormat] = {
    "ttl": RdfFormat("ttl", "text/turtle", "turtle"),
    "jsonld": RdfFormat("jsonld", "application/ld+json", "json-ld"),
    "nt": RdfFormat("nt", "application/n-triples", "nt"),
    "rdf": RdfFormat("rdf", "application/rdf+xml", "xml"),
}
_BY_MEDIA: dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/turtle": "ttl",
    "application/x-turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdf",
}
_WILDCARDS = {"*/*": "html", "text/*": "html", "application/*": "ttl"}
VARY = {"Vary": "Accept"}


# --- negotiation and addresses ----------------------------------------------------------------

def choose(accept: str | None, offers: tuple[str, ...] = ("html", "ttl", "jsonld", "nt", "rdf")) -> str | None:
    """The representation (``html`` or an RDF extension) that best fits an ``Accept`` header.

    Highest ``q`` wins, then the more specific type, then the earlier one; ``*/*`` (and no
    header) means HTML when it is offered. None when nothing acceptable is offered.

    >>> choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    'html'
    >>> choose("application/ld+json")
    'jsonld'
    >>> choose("text/turtle;q=0.5, application/n-triples")
    'nt'
    >>> choose("*/*", ("ttl", "jsonld"))
    'ttl'
    >>> choose("image/png") is None
    True
    """
    candidates: list[tuple[float, int, int, str]] = []
    for index, part in enumerate((accept or "*/*").split(",")):
        pieces = [piece.strip() for piece in part.split(";")]
        media = pieces[0].lower()
        q = 1.0
        for param in pieces[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if not media or q <= 0:
            continue
        if media in _WILDCARDS:
            wanted = _WILDCARDS[media]
            pick = wanted if wanted in offers else offers[0]
            candidates.append((-q, 1, index, pick))
        elif media in _BY_MEDIA and _BY_MEDIA[media] in offers:
            candidates.append((-q, 0, index, _BY_MEDIA[media]))
    return min(candidates)[3] if candidates else None


def public_base(request: Request, settings: Settings) -> str:
    """Where this server is reached: ``public_base_url`` when set, else the request's base (no '/')."""
    return (settings.public_base_url or str(request.base_url)).rstrip("/")


def _segments(iri: str, base_iri: str) -> str | None:
    """``{kind}/{rest}`` of a data IRI minted under ``base_iri`` (fragment dropped), else None."""
    if not iri.startswith(base_iri):
        return None
    return iri[len(base_iri):].split("#", 1)[0] or None


def page_path(iri: str, base_iri: str) -> str | None:
    """The page of a data IRI, as a server path.

    >>> page_path("https://w3id.org/vnkg/id/person/a--b", "https://w3id.org/vnkg/id/")
    '/page/person/a--b'
    """
    rest = _segments(iri, base_iri)
    return f"/page/{rest}" if rest else None


def data_path(iri: str, base_iri: str, extension: str) -> str | None:
    """The data document of a data IRI in one format, as a server path.

    >>> data_path("https://w3id.org/vnkg/id/bloc/x", "https://w3id.org/vnkg/id/", "ttl")
    '/data/bloc/x.ttl'
    """
    rest = _segments(iri, base_iri)
    return f"/data/{rest}.{extension}" if rest else None


def local_href(iri: str, base_iri: str) -> str:
    """Where a link to an IRI should go in a page: its page when it is ours, else the IRI itself."""
    return page_path(iri, base_iri) or iri


def resource_iri(base_iri: str, kind: str, rest: str) -> URIRef:
    """The data IRI a ``/id/{kind}/{rest}`` path stands for (percent-encoding restored)."""
    safe = "/-._~!$&'()*+,;=:@"
    return URIRef(base_iri + quote(kind, safe=safe) + "/" + quote(rest, safe=safe))


# --- describing -------------------------------------------------------------------------------

_PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

EXISTS = _PREFIXES + "ASK { { ?s ?p ?o } UNION { ?x ?q ?s } }"

OWN = _PREFIXES + """CONSTRUCT { ?s ?p ?o . ?o ?lp ?label . }
WHERE {
  ?s ?p ?o .
  OPTIONAL { ?o ?lp ?label . VALUES ?lp { rdfs:label skos:prefLabel schema:name schema:headline } }
}"""

INCOMING = _PREFIXES + """SELECT DISTINCT ?x ?p WHERE {
  ?x ?p ?s .
  FILTER(?p NOT IN (rdf:subject, rdf:object, oa:hasBody))
}"""

EVIDENCE = _PREFIXES + """CONSTRUCT {
  ?ann a oa:Annotation ; oa:motivatedBy oa:describing ; oa:hasBody ?s ; oa:hasTarget ?target .
  ?target a oa:SpecificResource ; oa:hasSource ?article ; oa:hasSelector ?selector .
  ?selector a oa:TextQuoteSelector ; oa:exact ?exact .
  ?article schema:headline ?headline .
}
WHERE {
  ?ann oa:hasBody ?s ; oa:hasTarget ?target .
  ?target oa:hasSource ?article ; oa:hasSelector ?selector .
  ?selector oa:exact ?exact .
  OPTIONAL { ?article schema:headline ?headline }
}"""

ARTICLE_GRAPH = "CONSTRUCT { ?a ?b ?c } WHERE { GRAPH ?g { ?a ?b ?c } }"


def exists(store: GraphStore, iri: URIRef, timeout: float | None = None) -> bool:
    """Whether the store has any triple about (or pointing at) the IRI."""
    return store.ask(EXISTS, {"s": iri}, timeout)


def describe(store: GraphStore, iri: URIRef, timeout: float | None = None) -> Graph:
    """A bounded description of one resource (see the module docstring); empty when unknown."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    base = store.base_iri
    graph.bind("id", base)
    graph += store.construct(OWN, {"s": iri}, timeout)
    for row in store.select(INCOMING, {"s": iri}, timeout, max_rows=MAX_INCOMING):
        graph.add((row["x"], row["p"], iri))
    graph += store.construct(EVIDENCE, {"s": iri}, timeout)
    rest = _segments(str(iri), base)
    if rest and rest.startswith("article/"):
        article_graph = URIRef(base + "graph/" + rest)
        graph += store.construct(ARTICLE_GRAPH, {"g": article_graph}, timeout)
    return graph


def serialize(graph: Graph, extension: str) -> bytes:
    """A graph in one of `RDF_EXTENSIONS`' formats, as UTF-8 bytes."""
    fmt = RDF_EXTENSIONS[extension]
    if fmt.rdflib_format == "json-ld":
        context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
        return graph.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    return graph.serialize(format=fmt.rdflib_format, encoding="utf-8")


def _document(graph: Graph, iri: URIRef, document_url: str) -> Graph:
    """Adds what a data document says about itself (``foaf:primaryTopic``)."""
    doc = URIRef(document_url)
    graph.add((doc, RDF.type, FOAF.Document))
    graph.add((doc, FOAF.primaryTopic, iri))
    return graph


def _alternates(request: Request, settings: Settings, iri: str, base_iri: str) -> str:
    """A ``Link`` header naming every representation of a resource."""
    root = public_base(request, settings)
    links = [f'<{root}{page_path(iri, base_iri)}>; rel="alternate"; type="text/html"']
    links += [f'<{root}{data_path(iri, base_iri, ext)}>; rel="alternate"; type="{fmt.media_type}"'
              for ext, fmt in RDF_EXTENSIONS.items()]
    return ", ".join(links)


def rdf_response(graph: Graph, extension: str, headers: dict[str, str] | None = None) -> Response:
    """A graph serialised as a response, with ``Vary: Accept``."""
    fmt = RDF_EXTENSIONS[extension]
    media = fmt.media_type + ("; charset=utf-8" if fmt.extension != "jsonld" else "")
    return Response(serialize(graph, extension), media_type=media, headers={**VARY, **(headers or {})})


def _not_acceptable() -> Response:
    offered = ", ".join(["text/html"] + [fmt.media_type for fmt in RDF_EXTENSIONS.values()])
    return Response(f"406 Not Acceptable: this resource is available as {offered}\n", status_code=406,
                    media_type="text/plain", headers=VARY)


# --- routes -----------------------------------------------------------------------------------

@router.get("/id/{kind}/{rest:path}", summary="Dereference a data IRI (303 See Other to its page or data document)")
@router.head("/id/{kind}/{rest:path}", include_in_schema=False)
def dereference(kind: str, rest: str, request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """303 to the page or the data document of ``{base_iri}{kind}/{rest}``, by ``Accept``."""
    base = store.base_iri
    iri = resource_iri(base, kind, rest)
    pick = choose(request.headers.get("accept"))
    if pick is None:
        return _not_acceptable()
    if kind == "graph":
        # Named graphs: an article's graph is described by its article; the others by the dataset.
        prefix = base + "graph/article/"
        target = URIRef(base + "article/" + str(iri)[len(prefix):]) if str(iri).startswith(prefix) else None
        if target is None:
            return RedirectResponse("/.well-known/void", status_code=303, headers=VARY)
        iri = target
    if not exists(store, iri, settings.query_timeout):
        raise HTTPException(404, f"nothing is known about {iri}")
    root = public_base(request, settings)
    path = page_path(str(iri), base) if pick == "html" else data_path(str(iri), base, pick)
    return RedirectResponse(f"{root}{path}", status_code=303,
                            headers={**VARY, "Link": _alternates(request, settings, str(iri), base)})


@router.get("/data/{kind}/{rest:path}", summary="The RDF description of a resource (suffix or Accept)")
def data_document(kind: str, rest: str, request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """The description of ``{base_iri}{kind}/{rest}``: ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf`` or by Accept."""
    stem, dot, suffix = rest.rpartition(".")
    if dot and suffix in RDF_EXTENSIONS:
        rest, extension = stem, suffix
    else:
        pick = choose(request.headers.get("accept"), tuple(RDF_EXTENSIONS))
        if pick is None:
            return _not_acceptable()
        extension = pick
    base = store.base_iri
    iri = resource_iri(base, kind, rest)
    graph = describe(store, iri, settings.query_timeout)
    if len(graph) == 0:
        raise HTTPException(404, f"nothing is known about {iri}")
    root = public_base(request, settings)
    _document(graph, iri, f"{root}{data_path(str(iri), base, extension)}")
    return rdf_response(graph, extension, {"Link": _alternates(request, settings, str(iri), base)})


# --- the ontology -----------------------------------------------------------------------------

def _ontology_graph() -> Graph:
    from vnkg.ontology import ontology_graph

    return ontology_graph()


@cache
def _ontology_html(base_iri: str) -> str:
    """The ontology's HTML documentation (the project's generator, `vnkg docs`), rendered once."""
    from vnkg.ontology.docs import render_html

    return render_html(base_iri)


@router.get("/ontology", summary="The ontology: HTML documentation or RDF by Accept")
def ontology(request: Request, store: StoreDep) -> Response:
    """HTML documentation for browsers, else the ontology in the RDF format asked for."""
    pick = choose(request.headers.get("accept"))
    if pick is None:
        return _not_acceptable()
    if pick == "html":
        return HTMLResponse(_ontology_html(store.base_iri), headers=VARY)
    return rdf_response(_ontology_graph(), pick)


@router.get("/ontology.{extension}", summary="The ontology in one format (.ttl, .jsonld, .nt, .rdf, .html)")
def ontology_file(extension: str, store: StoreDep) -> Response:
    """The ontology by suffix."""
    if extension == "html":
        return HTMLResponse(_ontology_html(store.base_iri))
    if extension not in RDF_EXTENSIONS:
        raise HTTPException(404, f"no such format: .{extension}")
    return rdf_response(_ontology_graph(), extension)


ONTOLOGY = URIRef(ONTOLOGY_IRI)
"""The ontology's IRI (the documents above describe it)."""
