"""The dataset's description (VoID and DCAT) at ``/.well-known/void``, and its dumps.

The description is computed from the store when asked for: triple counts (all named graphs, the
facts graph, the reference graph), entities and class partitions, the articles, the links out to
Wikidata, the SPARQL endpoint, the dumps, the licence and the vocabularies used. The counts are
whole-store scans (~75 s at 100,000 articles): a read-only server counts once per snapshot in the
background and answers without the counts until they are ready.

Dumps are **streamed from the store**: ``/dumps/vnkg.nq.gz`` and ``/dumps/vnkg.trig.gz`` export the
whole dataset (every named graph) at request time into a gzipped temporary file that is sent and
then deleted, so a dump is never older than the store it describes. ``vnkg dump --out DIR``
(`vnkg.cli.dump`) writes the same two files and ``void.ttl`` with `write_dump` and `void_graph`,
for publishing them elsewhere; ``vnkg export --format nquads -o vnkg.nq.gz`` writes the same bytes
as the N-Quads dump.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Literal as TypingLiteral

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD
from rdflib.term import Identifier
from starlette.background import BackgroundTask
from vnkg.api.deps import SettingsDep, StoreDep
from vnkg.api.routes.linked_data import (
    RDF_EXTENSIONS,
    VARY,
    choose,
    public_base,
    rdf_response,
)
from vnkg.api.snapshots import per_snapshot
from vnkg.graph.base import GraphStore, shared_graphs

from vnkg.namespaces import ONTOLOGY_IRI, PREFIXES, SCHEMA

__all__ = ["DATA_LICENSE", "DUMPS", "VOID", "VoidStatistics", "class_counts", "router", "void_graph",
           "void_statistics", "write_dump"]

router = APIRouter(tags=["linked data"])

VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
IANA = "https://www.iana.org/assignments/media-types/"
DATA_LICENSE = URIRef("https://www.apache.org/licenses/LICENSE-2.0")
"""The project's declared licence, until the maintainers choose a separate one for the data."""

DumpFormat = TypingLiteral["nquads", "trig"]
DUMPS: dict[str, tuple[DumpFormat, str, URIRef]] = {
    "vnkg.nq.gz": ("nquads", "application/n-quads", FORMATS["N-Quads"]),
    "vnkg.trig.gz": ("trig", "application/trig", FORMATS.TriG),
}
"""Dump file name -> (export format, media type of the uncompressed content, W3C format IRI)."""

_VOCABULARIES = ("schema", "org", "prov", "oa", "skos", "dcterms", "foaf", "time", "owl", "rdfs", "xsd")
_CLASS_COUNTS = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
_ENTITIES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class . FILTER(isIRI(?s)) }"
_SUBJECTS = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"
_PROPERTIES = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"
_LINKS = """SELECT (COUNT(*) AS ?n) WHERE {
  ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?o .
  FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/entity/"))
}"""
_CLOSE_LINKS = _LINKS.replace("exactMatch", "closeMatch")
_EXAMPLE = "SELECT ?s WHERE { ?s a <https://schema.org/Person> } ORDER BY ?s LIMIT 1"
_LINKSETS = (("wikidata", SKOS.exactMatch, _LINKS), ("wikidata-close", SKOS.closeMatch, _CLOSE_LINKS))
STATISTICS_WAIT = 5.0
"""Seconds a request for the description waits for its counts before it is answered without them."""


def _count(store: GraphStore, query: str) -> int:
    rows = store.select(query)
    return int(rows[0]["n"]) if rows and "n" in rows[0] else 0


def class_counts(store: GraphStore) -> dict[str, int]:
    """Distinct typed resources per class (the union of all graphs), as the class partitions count them."""
    return {str(row["class"]): int(row["n"]) for row in store.select(_CLASS_COUNTS)}


@dataclass(frozen=True)
class VoidStatistics:
    """The counts a VoID description gives: whole-store figures, slow on a large store."""

    triples: int
    entities: int
    distinct_subjects: int
    properties: int
    documents: int
    example: Identifier | None
    classes: dict[str, int]
    graph_triples: dict[str, int]
    links: dict[str, int]


def void_statistics(store: GraphStore) -> VoidStatistics:
    """Count what the description states (at 100k articles: ~75 s, most of it distinct subjects,
    entities and properties)."""
    base = store.base_iri
    example = store.select(_EXAMPLE)
    return VoidStatistics(
        triples=store.count_quads(), entities=_count(store, _ENTITIES), distinct_subjects=_count(store, _SUBJECTS),
        properties=_count(store, _PROPERTIES), documents=len(store.article_ids()),
        example=example[0]["s"] if example else None, classes=class_counts(store),
        graph_triples={str(g): store.count_quads(str(g)) for g, _ in shared_graphs(base)},
        links={name: _count(store, query) for name, _, query in _LINKSETS})


def void_graph(store: GraphStore, public: str,
               statistics: VoidStatistics | TypingLiteral["later"] | None = None) -> Graph:
    """The VoID + DCAT description of the dataset in ``store``, as served from ``public``.

    ``public`` is the server's base URL without a trailing '/'; the dataset is
    ``{public}/.well-known/void#vnkg``. The counts are ``statistics``, computed here when None;
    ``"later"`` leaves them out (they are being computed).
    """
    if statistics is None:
        statistics = void_statistics(store)
    stats = statistics if isinstance(statistics, VoidStatistics) else None
    base = store.base_iri
    doc = URIRef(f"{public}/.well-known/void")
    dataset = URIRef(f"{doc}#vnkg")
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("formats", FORMATS)

    g.add((doc, RDF.type, VOID.DatasetDescription))
    g.add((doc, DCTERMS.title, Literal("A VoID and DCAT description of vnkg", lang="en")))
    g.add((doc, FOAF.primaryTopic, dataset))

    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("vnkg: cán bộ, cụm/khối thi đua, hội nghị và khen thưởng", lang="vi")))
    g.add((dataset, DCTERMS.title, Literal(
        "vnkg: Vietnamese officials, emulation blocs, conferences and awards", lang="en")))
    g.add((dataset, DCTERMS.description, Literal(
        "A knowledge graph of Vietnam's officials, provinces, emulation blocs (Cụm/Khối thi đua), their "
        "conferences, posts and awards, read from Vietnamese news articles; every fact links to the "
        "article and the sentence it was taken from.", lang="en")))
    g.add((dataset, DCTERMS.license, DATA_LICENSE))
    g.add((dataset, DCTERMS.rights, Literal(
        "Facts derived from news articles; each fact names its source article.", lang="en")))
    g.add((dataset, DCTERMS.language, URIRef("http://id.loc.gov/vocabulary/iso639-1/vi")))
    g.add((dataset, DCAT.landingPage, URIRef(f"{public}/")))
    for keyword in ("cán bộ", "thi đua", "khen thưởng", "officials", "emulation blocs", "awards"):
        g.add((dataset, DCAT.keyword, Literal(keyword)))
    g.add((dataset, VOID.uriSpace, Literal(base)))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(f"{public}/sparql")))
    for vocabulary in (URIRef(ONTOLOGY_IRI), *(URIRef(str(PREFIXES[p])) for p in _VOCABULARIES)):
        g.add((dataset, VOID.vocabulary, vocabulary))
    for feature in (FORMATS.Turtle, FORMATS["JSON-LD"], FORMATS["N-Triples"], FORMATS["N-Quads"], FORMATS.TriG):
        g.add((dataset, VOID.feature, feature))

    if stats is not None:
        g.add((dataset, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
        g.add((dataset, VOID.entities, Literal(stats.entities, datatype=XSD.integer)))
        g.add((dataset, VOID.distinctSubjects, Literal(stats.distinct_subjects, datatype=XSD.integer)))
        g.add((dataset, VOID.properties, Literal(stats.properties, datatype=XSD.integer)))
        g.add((dataset, VOID.documents, Literal(stats.documents, datatype=XSD.integer)))
        if stats.example is not None:
            g.add((dataset, VOID.exampleResource, stats.example))
        for cls, count in sorted(stats.classes.items()):
            partition = BNode()
            g.add((dataset, VOID.classPartition, partition))
            g.add((partition, VOID["class"], URIRef(cls)))
            g.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    else:
        g.add((doc, RDFS.comment, Literal(
            "The dataset's counts are being computed; ask again in a minute or two.", lang="en")))

    for graph_iri, title in shared_graphs(base):
        subset = URIRef(f"{doc}#{title}")
        g.add((dataset, VOID.subset, subset))
        g.add((subset, RDF.type, VOID.Dataset))
        g.add((subset, DCTERMS.title, Literal(f"the {title} graph <{graph_iri}>", lang="en")))
        if stats is not None:
            g.add((subset, VOID.triples, Literal(stats.graph_triples[str(graph_iri)], datatype=XSD.integer)))

    for name, predicate, _ in _LINKSETS:
        linkset = URIRef(f"{doc}#links-{name}")
        g.add((dataset, VOID.subset, linkset))
        g.add((linkset, RDF.type, VOID.Linkset))
        g.add((linkset, VOID.linkPredicate, predicate))
        g.add((linkset, VOID.subjectsTarget, dataset))
        g.add((linkset, VOID.objectsTarget, URIRef("http://www.wikidata.org/")))
        if stats is not None:
            g.add((linkset, VOID.triples, Literal(stats.links[name], datatype=XSD.integer)))
        g.add((linkset, DCTERMS.description, Literal(
            "Provinces to their Wikidata items, only where the reference sources name the item.", lang="en")))

    service = URIRef(f"{public}/sparql")
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, service))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((service, DCAT.servesDataset, dataset))
    g.add((dataset, DCAT.accessService, service))

    for file_name, (_, media, fmt) in DUMPS.items():
        url = URIRef(f"{public}/dumps/{file_name}")
        g.add((dataset, VOID.dataDump, url))
        dist = URIRef(f"{doc}#dump-{file_name.split('.')[1]}")
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.mediaType, URIRef(IANA + media)))
        g.add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
        g.add((dist, DCTERMS["format"], fmt))
        g.add((dist, DCTERMS.license, DATA_LICENSE))
    g.add((dataset, SCHEMA.isAccessibleForFree, Literal(True)))
    return g


def write_dump(store: GraphStore, fmt: DumpFormat, path: Path) -> None:
    """The whole dataset (every named graph), gzipped, written atomically to ``path``."""
    tmp = path.with_name(path.name + ".part")
    with gzip.open(tmp, "wb") as out:
        store.export(out, fmt)  # type: ignore[arg-type]
    tmp.replace(path)


@router.get("/.well-known/void", summary="VoID and DCAT description of the dataset (Turtle by default)")
def void(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """The dataset's description; Turtle unless another RDF format is asked for.

    A store that can change is counted at each request. A read-only store is counted once per
    snapshot, in the background: a request waits `STATISTICS_WAIT` seconds for the counts and is
    otherwise answered without them (with a comment saying they are on their way, and no caching).
    """
    pick = choose(request.headers.get("accept"), tuple(RDF_EXTENSIONS)) or "ttl"
    public = public_base(request, settings)
    counting = per_snapshot("void-statistics", store, void_statistics)
    if counting is None:  # the data can change: describe it as it is now
        return rdf_response(void_graph(store, public), pick)
    try:
        statistics = counting.result(STATISTICS_WAIT)
    except FutureTimeout:
        response = rdf_response(void_graph(store, public, "later"), pick)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Retry-After"] = "60"
        return response
    return rdf_response(void_graph(store, public, statistics), pick)


@router.get("/dumps/{file_name}", summary="Gzipped dumps of the whole dataset, streamed from the store")
def dump(file_name: str, store: StoreDep) -> Response:
    """``vnkg.nq.gz`` (N-Quads) or ``vnkg.trig.gz`` (TriG) of every named graph."""
    if file_name not in DUMPS:
        return Response(f"no such dump; there are {', '.join(DUMPS)}\n", status_code=404,
                        media_type="text/plain", headers=VARY)
    fmt = DUMPS[file_name][0]
    handle, name = tempfile.mkstemp(prefix="vnkg-dump-", suffix=".gz")
    os.close(handle)
    path = Path(name)
    try:
        write_dump(store, fmt, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(path, media_type="application/gzip", filename=file_name,
                        background=BackgroundTask(path.unlink, missing_ok=True))
