"""Server-rendered pages for people: Vietnamese, with English labels, usable on a phone and
without JavaScript (except the network view and the SPARQL editor).

| path | page |
|---|---|
| ``/`` | home: search box (instant results with JS, a plain form without), counts, latest articles |
| ``/page/search?q=`` | officials whose name matches (the ``officials_by_name`` query, as ``/officials?q=``) |
| ``/page/person/{slug}`` | an official: timeline of posts with quoted sources; events; connections; network |
| ``/page/bloc/{slug}`` | a bloc: members by year, leader/deputy rotation by year, conferences |
| ``/page/province/{slug}`` | a province: blocs by year, leadership, awards, officials, reform links, links out |
| ``/page/event/{path}`` | a conference (or pact signing, launch): participants, awards, reports, quoted sentences |
| ``/page/award/{id}`` | an award conferral and its sources |
| ``/page/article/{id}`` | an article and every fact taken from it, with the sentences |
| ``/page/sparql`` | the SPARQL editor (vendored YASGUI), the named queries as examples |
| ``/page/{kind}/{rest}`` | any other resource: its description as a table |

Data comes from the named queries (`vnkg.queries`, the same the JSON API runs) and, where none
fits, from the linked-data description of the resource (`describe`) or the small queries below,
always with values bound, never pasted.
"""

from __future__ import annotations

import json
import mimetypes
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS
from rdflib.term import Identifier
from vnkg.api.deps import SettingsDep, StoreDep, run_query
from vnkg.api.routes.linked_data import (
    RDF_EXTENSIONS,
    data_path,
    describe,
    local_href,
    page_path,
    resource_iri,
)
from vnkg.graph.base import GraphStore, facts_graph_iri
from vnkg.queries import QueryParameterError, load_queries

from vnkg.namespaces import OA, SCHEMA, VNKG
from vnkg.settings import Settings

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "router"]

router = APIRouter(include_in_schema=False)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
SEARCH_LIMIT = 20
LATEST_ARTICLES = 10

_LATEST = """PREFIX schema: <https://schema.org/>
SELECT ?article ?headline ?published WHERE {
  ?article schema:datePublished ?published .
  FILTER(STR(?published) >= STR(?since))
  OPTIONAL { ?article schema:headline ?headline }
} ORDER BY DESC(STR(?published)) ?article LIMIT 10"""
_NEWEST = """PREFIX schema: <https://schema.org/>
SELECT (MAX(STR(?published)) AS ?newest) WHERE { ?a schema:datePublished ?published }"""
LATEST_WINDOW_DAYS = 31


def latest_articles(store: GraphStore, settings: Settings) -> list[dict[str, Any]]:
    """The ten most recently published articles.

    Sorting every article by date costs seconds at 100,000 articles (5.2 s measured); the newest
    date is one index scan (67 ms), and only the articles of the month before it are sorted
    (0.23 s). When that month holds fewer than ten, all articles are sorted."""
    newest = store.select(_NEWEST, None, settings.query_timeout)
    value = str(newest[0].get("newest", "")) if newest else ""
    try:
        since = (date.fromisoformat(value[:10]) - timedelta(days=LATEST_WINDOW_DAYS)).isoformat()
    except ValueError:
        since = ""
    rows = store.select(_LATEST, {"since": Literal(since)}, settings.query_timeout, max_rows=LATEST_ARTICLES)
    if len(rows) < LATEST_ARTICLES and since:
        rows = store.select(_LATEST, {"since": Literal("")}, settings.query_timeout, max_rows=LATEST_ARTICLES)
    return rows


_EVIDENCE_LINKED = """PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
SELECT ?focus ?link ?factsGraph ?node ?event ?article ?headline ?published ?sentence WHERE {
  GRAPH ?factsGraph { ?node ?link ?focus }
  OPTIONAL { GRAPH ?factsGraph { ?node vnkg:event ?event } }
  ?annotation oa:hasBody ?node ; oa:hasTarget ?target .
  ?target oa:hasSource ?article ; oa:hasSelector ?selector .
  ?selector oa:exact ?sentence .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?published }
} ORDER BY ?node STR(?published) ?article"""

_EVIDENCE_OWN = """PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX schema: <https://schema.org/>
SELECT ?node ?article ?headline ?published ?sentence WHERE {
  ?annotation oa:hasBody ?node ; oa:hasTarget ?target .
  ?target oa:hasSource ?article ; oa:hasSelector ?selector .
  ?selector oa:exact ?sentence .
  OPTIONAL { ?article schema:headline ?headline }
  OPTIONAL { ?article schema:datePublished ?published }
} ORDER BY STR(?published) ?article"""

_ARTICLE_FACTS = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?article ?articleGraph ?factsGraph ?node ?p ?o ?oLabel WHERE {
  GRAPH ?articleGraph { ?node prov:wasDerivedFrom ?article }
  GRAPH ?factsGraph { ?node ?p ?o }
  OPTIONAL { ?o rdfs:label|schema:name|skos:prefLabel ?oLabel }
} ORDER BY ?node ?p ?o"""


# --- helpers for the templates ----------------------------------------------------------------

@cache
def vocabulary_labels() -> dict[str, tuple[str, str]]:
    """``vnkg:`` term -> (Vietnamese label, English label), from the ontology."""
    from vnkg.ontology import ontology_graph

    graph = ontology_graph()
    labels: dict[str, tuple[str, str]] = {}
    for subject in set(graph.subjects(RDFS.label, None)):
        vi = en = ""
        for label in graph.objects(subject, RDFS.label):
            if isinstance(label, Literal) and label.language == "vi" and not vi:
                vi = str(label)
            elif isinstance(label, Literal) and label.language == "en" and not en:
                en = str(label)
        labels[str(subject)] = (vi or en, en or vi)
    for term, pair in _SHARED_TERMS.items():
        labels.setdefault(term, pair)
    return labels


_SHARED_TERMS: dict[str, tuple[str, str]] = {
    str(RDF.type): ("loại", "type"), str(RDFS.label): ("tên", "label"), str(SCHEMA.name): ("tên", "name"),
    str(SKOS.prefLabel): ("tên", "preferred label"), str(SKOS.altLabel): ("tên khác", "other name"),
    str(SKOS.exactMatch): ("trùng với", "exact match"), str(SKOS.closeMatch): ("gần với", "close match"),
    str(ORG.member): ("thành viên", "member"), str(ORG.organization): ("tổ chức", "organization"),
    str(ORG.role): ("vai trò", "role"), str(ORG.postIn): ("thuộc cơ quan", "post in"),
    str(ORG.classification): ("phân loại", "classification"), str(ORG.changedBy): ("thay đổi bởi", "changed by"),
    str(ORG.resultedFrom): ("hình thành từ", "resulted from"),
    str(ORG.originalOrganization): ("đơn vị cũ", "original organization"),
    str(ORG.resultingOrganization): ("đơn vị mới", "resulting organization"),
    str(SCHEMA.startDate): ("ngày", "date"), str(SCHEMA.location): ("địa điểm", "location"),
    str(SCHEMA.headline): ("tiêu đề", "headline"), str(SCHEMA.datePublished): ("ngày đăng", "published"),
    str(PROV.wasDerivedFrom): ("nguồn", "derived from"), str(DCTERMS.replaces): ("hợp nhất từ", "replaces"),
    str(DCTERMS.isReplacedBy): ("sáp nhập vào", "is replaced by"), str(DCTERMS.date): ("ngày", "date"),
}
"""Labels of the shared vocabularies' terms the pages show (the ontology labels its own)."""


def vocab(term: Identifier | str | None) -> dict[str, str]:
    """``{"vi": ..., "en": ...}`` for a vocabulary term (its local name when the ontology has no label)."""
    if term is None:
        return {"vi": "", "en": ""}
    text = str(term)
    vi, en = vocabulary_labels().get(text, ("", ""))
    local = text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return {"vi": vi or local, "en": en or local}


def text(term: Identifier | str | None) -> str:
    """A term's lexical form ('' for None)."""
    return "" if term is None else str(term)


def vi_date(term: Identifier | str | None) -> str:
    """An xsd:date / gYearMonth / gYear as Vietnamese write it: 10/3/2023, 3/2024, 2024.

    >>> vi_date(Literal("2023-03-10")), vi_date("2024-03"), vi_date("2024"), vi_date(None)
    ('10/3/2023', '3/2024', '2024', '')
    """
    raw = text(term)
    parts = raw.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{int(parts[1])}/{parts[0]}"
    return raw


def article_title(article: Identifier | str | None, headline: Identifier | str | None = None) -> str:
    """An article's headline, or what to call it when the source gave none.

    >>> article_title("https://w3id.org/vnkg/id/article/a-1", None)
    'Bài báo không tiêu đề (a-1)'
    """
    if headline:
        return str(headline)
    return f"Bài báo không tiêu đề ({text(article).rsplit('/', 1)[-1]})"


_EVENT_KINDS = {"conference": VNKG.Conference, "signing": VNKG.PactSigning, "launch": VNKG.Launch}


def event_title(event: Identifier | str | None, name: Identifier | str | None = None) -> str:
    """An event's name, or a description read from its IRI (kind, date or years) when it has none.

    >>> event_title("https://w3id.org/vnkg/id/event/x/conference/r2023-p2024")
    'Hội nghị (tổng kết 2023, triển khai 2024)'
    >>> event_title("https://w3id.org/vnkg/id/event/x/conference/2023-03-10")
    'Hội nghị 10/3/2023'
    """
    if name:
        return str(name)
    parts = text(event).rstrip("/").split("/")
    if len(parts) < 3:
        return text(event)
    kind, tail = parts[-2], parts[-1]
    label = vocab(_EVENT_KINDS[kind])["vi"] if kind in _EVENT_KINDS else "Sự kiện"
    if tail.startswith("r") and "-p" in tail:
        reviews, plans = tail[1:].split("-p", 1)
        return f"{label} (tổng kết {reviews}, triển khai {plans})"
    if tail[:4].isdigit():
        return f"{label} {vi_date(tail)}"
    return label


@dataclass
class Evidence:
    """One quoted sentence and the article it is taken from."""

    article: str
    headline: str
    published: str
    sentence: str


@dataclass
class Page:
    """What every template gets besides its own data."""

    title: str
    iri: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    env = templates.env
    env.filters["vi_date"] = vi_date
    env.filters["text"] = text
    env.globals["vocab"] = vocab
    env.globals["article_title"] = article_title
    env.globals["event_title"] = event_title
    return templates


TEMPLATES = _templates()


def render(request: Request, store: GraphStore, name: str, page: Page, status_code: int = 200) -> HTMLResponse:
    """A template rendered with the shared context (links, alternates, the page's IRI)."""
    base = store.base_iri

    def href(term: Identifier | str | None) -> str:
        return local_href(text(term), base) if term is not None else ""

    alternates = []
    if page.iri:
        alternates = [(fmt.media_type, ext, data_path(page.iri, base, ext)) for ext, fmt in RDF_EXTENSIONS.items()
                      if ext in ("ttl", "jsonld", "nt")]
    context = {"page": page, "href": href, "alternates": alternates, "base_iri": base, **page.data}
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Vary"] = "Accept"
    return response


def not_found(request: Request, store: GraphStore, what: str) -> HTMLResponse:
    """The HTML 404 page."""
    return render(request, store, "not_found.html", Page(title="Không tìm thấy · Not found", data={"what": what}),
                  status_code=404)


def run(store: GraphStore, settings: Settings, name: str, values: dict[str, Any],
        limit: int | None = None) -> list[dict[str, Identifier]]:
    """A named query's rows (the query the JSON API runs under the same name)."""
    return run_query(store, settings, name, limit=limit, **values)


def evidence_linked(store: GraphStore, settings: Settings, focus: URIRef, link: URIRef) -> dict[str, list[Evidence]]:
    """Sentences quoted for every node ``?node link focus`` (e.g. an official's participations), by node
    and, for a participation, also by its event."""
    rows = store.select(_EVIDENCE_LINKED, {"focus": focus, "link": link,
                                           "factsGraph": facts_graph_iri(store.base_iri)},
                        settings.query_timeout, max_rows=settings.max_rows)
    return _group_evidence(rows)


def evidence_own(store: GraphStore, settings: Settings, node: URIRef) -> list[Evidence]:
    """Sentences quoted for one node."""
    rows = store.select(_EVIDENCE_OWN, {"node": node}, settings.query_timeout, max_rows=settings.max_rows)
    return _group_evidence(rows).get(str(node), [])


def _group_evidence(rows: list[dict[str, Identifier]]) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = defaultdict(list)
    for row in rows:
        item = Evidence(text(row.get("article")), text(row.get("headline")), text(row.get("published")),
                        text(row.get("sentence")))
        for key in {str(row["node"]), text(row.get("event"))} - {""}:
            if item not in out[key]:
                out[key].append(item)
    return out


# --- static files -----------------------------------------------------------------------------

@router.get("/static/{path:path}")
def static(path: str) -> Response:
    """Files under ``api/static`` (CSS, JS, vendored YASGUI), never anything outside it."""
    root = STATIC_DIR.resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        return Response("not found\n", status_code=404, media_type="text/plain")
    media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target, media_type=media, headers={"Cache-Control": "public, max-age=3600"})


# --- home and search --------------------------------------------------------------------------

def search_officials(store: GraphStore, settings: Settings, q: str) -> list[dict[str, Identifier]]:
    """Officials matching ``q`` as ``/officials?q=`` matches them (the ``officials_by_name`` query)."""
    try:
        return run(store, settings, "officials_by_name", {"q": q}, limit=SEARCH_LIMIT)
    except QueryParameterError:
        return []


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, settings: SettingsDep,
         q: str = Query("", max_length=200)) -> HTMLResponse:
    """Search box, counts, latest articles."""
    from vnkg.loaders.checks import entity_counts

    results = search_officials(store, settings, q) if q.strip() else []
    latest = latest_articles(store, settings)
    counts = entity_counts(store)
    return render(request, store, "home.html", Page(title="vnkg", data={
        "q": q, "results": results, "latest": latest, "counts": counts}))


@router.get("/page/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, settings: SettingsDep,
           q: str = Query("", max_length=200), fragment: bool = False) -> HTMLResponse:
    """Officials whose name matches; ``fragment=1`` returns only the result list (for instant search)."""
    results = search_officials(store, settings, q) if q.strip() else []
    name = "search_results.html" if fragment else "search.html"
    return render(request, store, name, Page(title=f"Tìm kiếm · Search: {q}", data={"q": q, "results": results}))


# --- official ---------------------------------------------------------------------------------

@router.get("/page/person/{slug}", response_class=HTMLResponse)
def person_page(slug: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """An official: timeline of posts with sources, events, connections, network."""
    try:
        person = run(store, settings, "official", {"person": slug})
    except QueryParameterError:
        person = []
    if not person:
        return not_found(request, store, f"person/{slug}")
    iri = person[0]["person"]
    values = {"person": slug}
    timeline = run(store, settings, "official_timeline", values)
    sources: dict[str, list[Evidence]] = defaultdict(list)
    for row in run(store, settings, "official_sources", values):
        item = Evidence(text(row.get("article")), text(row.get("headline")), text(row.get("published")),
                        text(row.get("sentence")))
        tenure = str(row["tenure"])
        existing = [e for e in sources[tenure] if e.article == item.article]
        if existing and not existing[0].sentence and item.sentence:
            sources[tenure].remove(existing[0])
            existing = []
        if not existing:
            sources[tenure].append(item)
    events = run(store, settings, "official_events", values)
    event_evidence = evidence_linked(store, settings, URIRef(str(iri)), VNKG.participant)
    connections = run(store, settings, "official_connections", values, limit=50)
    colleagues = run(store, settings, "official_colleagues", values, limit=50)
    network = {
        "center": {"id": str(iri), "label": text(person[0].get("label")), "href": page_path(str(iri), store.base_iri)},
        "nodes": [{"id": str(c["other"]), "label": text(c.get("otherLabel")), "weight": int(c["sharedEvents"]),
                   "href": page_path(str(c["other"]), store.base_iri)} for c in connections[:30]],
    }
    return render(request, store, "person.html", Page(title=text(person[0].get("label")), iri=str(iri), data={
        "person": person[0], "names": sorted({text(r.get("label")) for r in person}),
        "timeline": timeline, "sources": sources, "events": events, "event_evidence": event_evidence,
"connections": connections, "colleagues": colleagues,
        "network_json": json.dumps(network, ensure_ascii=False).replace("</", "<\\/"),
    }))


# --- bloc -------------------------------------------------------------------------------------

@router.get("/page/bloc/{slug}", response_class=HTMLResponse)
def bloc_page(slug: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """A bloc: members by year, leader/deputy rotation, conferences."""
    try:
        bloc = run(store, settings, "bloc", {"bloc": slug})
    except QueryParameterError:
        bloc = []
    if not bloc:
        return not_found(request, store, f"bloc/{slug}")
    iri = str(bloc[0]["bloc"])
    members_by_year: dict[str, list[dict[str, Identifier]]] = OrderedDict()
    for row in run(store, settings, "bloc_members", {"bloc": slug}):
        members_by_year.setdefault(text(row.get("year")) or "?", []).append(row)
    rotation: dict[str, dict[str, list[dict[str, Identifier]]]] = OrderedDict()
    for row in run(store, settings, "bloc_leadership", {"bloc": slug}):
        role = "leader" if row.get("role") == VNKG.blocLeader else "deputy"
        rotation.setdefault(text(row.get("year")) or "?", {"leader": [], "deputy": []})[role].append(row)
    conferences = run(store, settings, "bloc_conferences", {"bloc": slug})
    return render(request, store, "bloc.html", Page(title=text(bloc[0].get("label")), iri=iri, data={
        "bloc": bloc[0], "names": sorted({text(r.get("label")) for r in bloc}),
        "members_by_year": members_by_year, "rotation": rotation, "conferences": conferences}))


# --- province ---------------------------------------------------------------------------------

@router.get("/page/province/{slug}", response_class=HTMLResponse)
def province_page(slug: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """A province: blocs by year, leadership years, awards, officials, reform links, links out."""
    try:
        rows = run(store, settings, "province", {"province": slug})
    except QueryParameterError:
        rows = []
    if not rows:
        return not_found(request, store, f"province/{slug}")
    iri = URIRef(str(rows[0]["province"]))
    predecessors = [r for r in rows if r.get("relation") == DCTERMS.replaces]
    successors = [r for r in rows if r.get("relation") == DCTERMS.isReplacedBy]
    own = describe(store, iri, settings.query_timeout)
    codes = {
        "gso": text(own.value(iri, VNKG.gsoCode)),
        "iso": text(own.value(iri, VNKG.iso3166_2)),
        "exact": sorted(str(o) for o in own.objects(iri, SKOS.exactMatch)),
        "close": sorted(str(o) for o in own.objects(iri, SKOS.closeMatch)),
        "alt": sorted({str(o) for o in own.objects(iri, SKOS.altLabel)}),
    }
    blocs_by_year: dict[str, list[dict[str, Any]]] = OrderedDict()
    leadership: list[dict[str, Identifier]] = []
    for row in run(store, settings, "province_blocs", {"province": slug}):
        if row.get("relation") == VNKG.member:
            blocs_by_year.setdefault(text(row.get("year")) or "?", []).append(row)
        else:
            leadership.append(row)
    awards = run(store, settings, "awards", {"province": slug}, limit=200)
    officials = run(store, settings, "province_officials", {"province": slug}, limit=500)
    return render(request, store, "province.html", Page(title=text(rows[0].get("label")), iri=str(iri), data={
        "province": rows[0], "predecessors": predecessors, "successors": successors, "codes": codes,
        "blocs_by_year": blocs_by_year, "leadership": leadership, "awards": awards, "officials": officials}))


# --- event ------------------------------------------------------------------------------------

@router.get("/page/event/{path:path}", response_class=HTMLResponse)
def event_page(path: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """A conference, pact signing or launch: what, when, where, who, awards, reports."""
    try:
        rows = run(store, settings, "conference", {"event": path})
    except QueryParameterError:
        rows = []
    if not rows:
        return _generic(request, store, settings, "event", path)
    iri = URIRef(str(rows[0]["event"]))
    participants = run(store, settings, "conference_participants", {"event": path})
    awards = run(store, settings, "conference_awards", {"event": path})
    articles = [r for r in rows if r.get("article") is not None]
    return render(request, store, "event.html", Page(title=event_title(iri, rows[0].get("name")), iri=str(iri), data={
        "event": rows[0], "articles": articles, "participants": participants, "awards": awards,
        "evidence": evidence_own(store, settings, iri)}))


# --- award ------------------------------------------------------------------------------------

@router.get("/page/award/{slug}", response_class=HTMLResponse)
def award_page(slug: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """An award conferral: what, to whom, which year, status, where announced, and its sources."""
    iri = resource_iri(store.base_iri, "award", slug)
    graph = describe(store, iri, settings.query_timeout)
    if (iri, RDF.type, VNKG.AwardConferral) not in graph:
        return _generic(request, store, settings, "award", slug)

    def labelled(predicate: URIRef) -> dict[str, str] | None:
        value = graph.value(iri, predicate)
        if value is None:
            return None
        return {"iri": str(value), "label": _label(graph, value)}

    award = {
        "name": text(graph.value(iri, VNKG.awardName)),
        "type": labelled(VNKG.awardType), "recipient": labelled(VNKG.recipient),
        "group": text(graph.value(iri, VNKG.recipientGroup)), "year": text(graph.value(iri, VNKG.year)),
        "status": graph.value(iri, VNKG.awardStatus), "by": text(graph.value(iri, VNKG.conferredByName)),
        "event": labelled(VNKG.atEvent),
    }
    sources = _sources(graph, iri)
    return render(request, store, "award.html", Page(title=award["name"] or "Khen thưởng · Award", iri=str(iri),
                                                     data={"award": award, "sources": sources}))


def _label(graph: Graph, node: Identifier) -> str:
    """The best label of a node in a described graph (Vietnamese first)."""
    best = ""
    for predicate in (RDFS.label, SKOS.prefLabel, SCHEMA.name, SCHEMA.headline):
        for value in graph.objects(node, predicate):
            if isinstance(value, Literal) and value.language == "vi":
                return str(value)
            best = best or str(value)
    return best


def _sources(graph: Graph, node: URIRef) -> list[Evidence]:
    """The articles a described node is derived from, with the sentences quoting it."""
    quoted: dict[str, list[str]] = defaultdict(list)
    for annotation in graph.subjects(OA.hasBody, node):
        for target in graph.objects(annotation, OA.hasTarget):
            source = graph.value(target, OA.hasSource)
            selector = graph.value(target, OA.hasSelector)
            exact = graph.value(selector, OA.exact) if selector is not None else None
            if source is not None and exact is not None:
                quoted[str(source)].append(str(exact))
    out = []
    for article in sorted({str(a) for a in graph.objects(node, PROV.wasDerivedFrom)} | set(quoted)):
        sentences = quoted.get(article) or [""]
        headline = _label(graph, URIRef(article))
        out += [Evidence(article, headline, "", sentence) for sentence in sentences]
    return out


# --- article ----------------------------------------------------------------------------------

_KIND_ORDER = [VNKG.Tenure, SCHEMA.Person, ORG.Post, ORG.Organization, VNKG.EmulationBloc, VNKG.BlocMembership,
               VNKG.BlocLeadership, VNKG.Conference, VNKG.PactSigning, VNKG.Launch, VNKG.Participation,
               VNKG.AwardConferral]


@router.get("/page/article/{slug}", response_class=HTMLResponse)
def article_page(slug: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """An article and every fact taken from it, each with the sentence it quotes."""
    base = store.base_iri
    iri = resource_iri(base, "article", slug)
    graph = describe(store, iri, settings.query_timeout)
    if (iri, RDF.type, SCHEMA.NewsArticle) not in graph:
        return not_found(request, store, f"article/{slug}")
    article_graph = URIRef(base + "graph/article/" + str(iri)[len(base + "article/"):])
    rows = store.select(_ARTICLE_FACTS, {"article": iri, "articleGraph": article_graph,
                                         "factsGraph": facts_graph_iri(base)},
                        settings.query_timeout, max_rows=settings.max_rows)
    facts: dict[str, dict[str, Any]] = OrderedDict()
    for row in rows:
        node = str(row["node"])
        fact = facts.setdefault(node, {"iri": node, "types": [], "props": OrderedDict()})
        if row["p"] == RDF.type:
            fact["types"].append(row["o"])
            continue
        label = row.get("oLabel")
        value = {"iri": str(row["o"]) if isinstance(row["o"], URIRef) else None,
                 "label": text(label) or (vi_date(row["o"]) if isinstance(row["o"], Literal) else
                                          vocab(row["o"])["vi"] if str(row["o"]).startswith(str(VNKG))
                                          else str(row["o"]))}
        props = fact["props"].setdefault(str(row["p"]), [])
        same = [v for v in props if v["iri"] is not None and v["iri"] == value["iri"]]
        if same:  # one label per resource, the Vietnamese one where there are several
            if isinstance(label, Literal) and label.language == "vi":
                same[0]["label"] = value["label"]
        elif value not in props:
            props.append(value)
    quotes: dict[str, list[str]] = defaultdict(list)
    for annotation in graph.subjects(RDF.type, OA.Annotation):
        body = graph.value(annotation, OA.hasBody)
        target = graph.value(annotation, OA.hasTarget)
        selector = graph.value(target, OA.hasSelector) if target is not None else None
        exact = graph.value(selector, OA.exact) if selector is not None else None
        if body is not None and exact is not None and str(exact) not in quotes[str(body)]:
            quotes[str(body)].append(str(exact))

    def order(fact: dict[str, Any]) -> tuple[int, str]:
        ranks = [_KIND_ORDER.index(t) for t in fact["types"] if t in _KIND_ORDER]
        return (min(ranks) if ranks else len(_KIND_ORDER), fact["iri"])

    groups: dict[str, list[dict[str, Any]]] = OrderedDict()
    for fact in sorted(facts.values(), key=order):
        main = next((t for t in _KIND_ORDER if t in fact["types"]), fact["types"][0] if fact["types"] else None)
        fact["quotes"] = quotes.get(fact["iri"], [])
        groups.setdefault(str(main), []).append(fact)
    article = {
        "headline": article_title(iri, _label(graph, iri)), "published": graph.value(iri, SCHEMA.datePublished),
        "url": text(graph.value(iri, SCHEMA.url)), "outlet": text(graph.value(iri, DCTERMS.source)),
        "id": text(graph.value(iri, VNKG.articleId)) or slug,
    }
    return render(request, store, "article.html", Page(title=article["headline"], iri=str(iri), data={
        "article": article, "groups": groups, "predicate_label": _predicate_label}))


def _predicate_label(predicate: str) -> dict[str, str]:
    return vocab(predicate)


# --- SPARQL -----------------------------------------------------------------------------------

@router.get("/page/sparql", response_class=HTMLResponse)
def sparql_page(request: Request, store: StoreDep) -> HTMLResponse:
    """The SPARQL editor, with every named query as an example (its example values bound)."""
    from vnkg.graph.binding import bind_values

    examples = []
    first = "official_timeline"
    for name, query in sorted(load_queries().items(), key=lambda item: (item[0] != first, item[0])):
        values = query.example_values()
        try:
            bindings = query.bind(values, store.base_iri)
        except QueryParameterError:
            continue
        body = query.query_text(bindings, limit=20 if query.paginate else None)
        examples.append({"name": name, "summary": query.summary,
                         "text": bind_values(body.rstrip(), bindings) + "\n"})
    return render(request, store, "sparql.html", Page(title="SPARQL", data={"examples": examples}))


# --- any other resource -----------------------------------------------------------------------

def _generic(request: Request, store: GraphStore, settings: Settings, kind: str, rest: str) -> HTMLResponse:
    iri = resource_iri(store.base_iri, kind, rest)
    graph = describe(store, iri, settings.query_timeout)
    if len(graph) == 0:
        return not_found(request, store, f"{kind}/{rest}")
    outgoing = []
    for predicate, obj in sorted(graph.predicate_objects(iri), key=lambda po: (str(po[0]), str(po[1]))):
        outgoing.append({"p": str(predicate), "iri": str(obj) if isinstance(obj, URIRef) else None,
                         "label": _label(graph, obj) if isinstance(obj, URIRef) else str(obj)})
    incoming = []
    for subject, predicate in sorted(graph.subject_predicates(iri), key=lambda sp: (str(sp[1]), str(sp[0]))):
        if predicate in (OA.hasBody,) or str(subject).endswith((".ttl", ".jsonld", ".nt")):
            continue
        incoming.append({"p": str(predicate), "iri": str(subject), "label": _label(graph, subject)})
    return render(request, store, "resource.html", Page(
        title=_label(graph, iri) or f"{kind}/{rest}", iri=str(iri), data={
            "kind": kind, "outgoing": outgoing, "incoming": incoming, "sources": _sources(graph, iri),
            "predicate_label": _predicate_label}))


@router.get("/page/{kind}/{rest:path}", response_class=HTMLResponse)
def resource_page(kind: str, rest: str, request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """Any other resource (post, body, tenure, membership, reform, award type, ...) as a table."""
    return _generic(request, store, settings, kind, rest)
