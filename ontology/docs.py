"""Readable HTML reference documentation of the vnkg ontology, from the ontology and shapes graphs.

The page lists classes and properties with their Vietnamese and English labels, domains, ranges and
comments, draws a static SVG class diagram (no script, no CDN), gives the Wikidata P39 /
FollowTheMoney Occupancy mapping of a tenure and the named-graph layout of the store.

>>> html = render_html()
>>> "vnkg:Tenure" in html and "<svg" in html and "P580" in html
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node
from vnkg.ontology import SHAPES_NAMESPACE, ontology_graph, shapes_graph

from vnkg.namespaces import PREFIXES, VNKG
from vnkg.namespaces import SH_NS as SH

ONTOLOGY_IRI = URIRef("https://w3id.org/vnkg/ontology")


@dataclass
class Term:
    """One documented term."""

    iri: str
    curie: str
    anchor: str
    vi: str
    en: str
    comment: str
    kind: str = ""
    parents: list[str] = field(default_factory=list)
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)


@dataclass
class Box:
    """A class box of the diagram."""

    curie: str
    x: int
    y: int
    width: int
    height: int = 28
    ours: bool = True

    @property
    def cx(self) -> int:
        return self.x + self.width // 2

    @property
    def cy(self) -> int:
        return self.y + self.height // 2


@dataclass
class Edge:
    """An arrow of the diagram: a property (domain -> range) or a subclass link."""

    x1: int
    y1: int
    x2: int
    y2: int
    label: str
    subclass: bool


GRAPH_LAYOUT = [
    ("{base}graph/reference", "provinces and their 2025 reform change events; the award-type, title, "
     "role, period and status concept schemes", "once, when a store is opened"),
    ("{base}graph/facts", "every entity and fact node once: people, posts, bodies, blocs, events, tenures, "
     "memberships, bloc leaderships, participations, award conferrals, with their names",
     "each article adds the nodes it states; a node stays while at least one article supports it"),
    ("{base}graph/statements", "each variant triple some article states (a name, a label, a venue...), reified "
     "once as {base}statement/{hash} a rdf:Statement", "a statement stays while at least one article supports it"),
    ("{base}graph/article/{article-id}", "the article node, ?node prov:wasDerivedFrom ?article for every "
     "node and variant statement it supports, the evidence annotations (exact sentences)",
     "replaced as a whole when the article is loaded again"),
]

# Rows of the diagram: the classes a newcomer meets, placed by hand so the picture stays readable.
DIAGRAM_ROWS: list[list[str]] = [
    ["schema:NewsArticle", "oa:Annotation", "vnkg:AwardConferral", "vnkg:AwardType"],
    ["schema:Person", "vnkg:Tenure", "org:Post", "org:Organization"],
    ["vnkg:Participation", "vnkg:EmulationEvent", "vnkg:BlocLeadership", "vnkg:Province"],
    ["vnkg:Conference", "vnkg:EmulationBloc", "vnkg:BlocMembership", "vnkg:AdministrativeReform"],
]


def _curie(iri: Node | str) -> str:
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(str(item[1]))):
        if text.startswith(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def _label(graph: Graph, term: URIRef, language: str) -> str:
    for predicate in (RDFS.label, SKOS.prefLabel):
        for value in graph.objects(term, predicate):
            if isinstance(value, Literal) and value.language == language:
                return str(value)
    return ""


def _comment(graph: Graph, term: URIRef) -> str:
    comments = [c for c in graph.objects(term, RDFS.comment) if isinstance(c, Literal)]
    english = [c for c in comments if c.language == "en"] or comments
    return " ".join(str(english[0]).split()) if english else ""


def _names(graph: Graph, node: URIRef | None) -> list[str]:
    """A class or a union of classes, as CURIEs."""
    if node is None:
        return []
    union = graph.value(node, OWL.unionOf)
    if union is not None:
        return [_curie(member) for member in graph.items(union)]
    return [_curie(node)]


def _shapes_by_target() -> dict[str, list[str]]:
    shapes = shapes_graph()
    index: dict[str, list[str]] = {}
    for shape, target in shapes.subject_objects(SH.targetClass):
        index.setdefault(_curie(target), []).append(str(shape).removeprefix(SHAPES_NAMESPACE))
    return {key: sorted(value) for key, value in index.items()}


def _term(graph: Graph, iri: URIRef, kind: str, shapes: dict[str, list[str]]) -> Term:
    curie = _curie(iri)
    return Term(iri=str(iri), curie=curie, anchor=curie.replace(":", "-"), vi=_label(graph, iri, "vi"),
                en=_label(graph, iri, "en"), comment=_comment(graph, iri), kind=kind,
                parents=[_curie(p) for p in graph.objects(iri, RDFS.subClassOf) if isinstance(p, URIRef)],
                domain=_names(graph, graph.value(iri, RDFS.domain)),  # type: ignore[arg-type]
                range=_names(graph, graph.value(iri, RDFS.range)),  # type: ignore[arg-type]
                shapes=shapes.get(curie, []))


def _ours(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted((s for s in graph.subjects(RDF.type, kind)
                   if isinstance(s, URIRef) and str(s).startswith(str(VNKG))), key=str)


def _diagram(graph: Graph) -> tuple[list[Box], list[Edge], int, int]:
    width, gap_x, gap_y = 200, 60, 90
    boxes: dict[str, Box] = {}
    for row, names in enumerate(DIAGRAM_ROWS):
        for column, name in enumerate(names):
            boxes[name] = Box(name, 20 + column * (width + gap_x), 30 + row * gap_y, width,
                              ours=name.startswith("vnkg:"))
    edges: list[Edge] = []

    def connect(source: str, target: str, label: str, subclass: bool) -> None:
        if source in boxes and target in boxes and source != target:
            a, b = boxes[source], boxes[target]
            edges.append(Edge(a.cx, a.cy, b.cx, b.cy, label, subclass))

    for prop in (*_ours(graph, OWL.ObjectProperty),):
        for domain in _names(graph, graph.value(prop, RDFS.domain)):  # type: ignore[arg-type]
            for range_ in _names(graph, graph.value(prop, RDFS.range)):  # type: ignore[arg-type]
                connect(domain, range_, _curie(prop), False)
    for cls in _ours(graph, OWL.Class):
        for parent in graph.objects(cls, RDFS.subClassOf):
            connect(_curie(cls), _curie(parent), "⊑", True)
    # The ORG links of the n-ary nodes, which the ontology reuses rather than redefines.
    for source, target, label in [("vnkg:Tenure", "schema:Person", "org:member"),
                                  ("vnkg:Tenure", "org:Organization", "org:organization"),
                                  ("org:Post", "org:Organization", "org:postIn"),
                                  ("vnkg:BlocMembership", "vnkg:EmulationBloc", "org:organization"),
                                  ("vnkg:BlocLeadership", "vnkg:EmulationBloc", "org:organization"),
                                  ("vnkg:BlocLeadership", "vnkg:Province", "org:member"),
                                  ("vnkg:AdministrativeReform", "vnkg:Province", "org:resultingOrganization"),
                                  ("oa:Annotation", "schema:NewsArticle", "oa:hasTarget/oa:hasSource"),
                                  ("vnkg:AwardConferral", "vnkg:Province", "vnkg:recipient")]:
        connect(source, target, label, False)
    total_width = 20 + len(DIAGRAM_ROWS[0]) * (width + gap_x)
    total_height = 30 + len(DIAGRAM_ROWS) * gap_y
    return list(boxes.values()), edges, total_width, total_height


def _mappings(graph: Graph) -> list[dict[str, str]]:
    rows = []
    for term in sorted(set(graph.subjects(VNKG.wikidataMapping, None)) | set(graph.subjects(VNKG.ftmMapping, None)),
                       key=lambda t: (t != VNKG.Tenure, str(t))):
        rows.append({"term": _curie(term), "wikidata": str(graph.value(term, VNKG.wikidataMapping) or "—"),
                     "ftm": str(graph.value(term, VNKG.ftmMapping) or "—")})
    return rows


def render_html(base_iri: str = "https://w3id.org/vnkg/id/") -> str:
    """The whole reference page as one HTML document."""
    graph = ontology_graph()
    shapes = _shapes_by_target()
    classes = [_term(graph, c, "class", shapes) for c in _ours(graph, OWL.Class)]
    object_properties = [_term(graph, p, "object property", shapes) for p in _ours(graph, OWL.ObjectProperty)]
    data_properties = [_term(graph, p, "datatype property", shapes) for p in _ours(graph, OWL.DatatypeProperty)]
    annotation_properties = [_term(graph, p, "annotation property", shapes)
                             for p in _ours(graph, OWL.AnnotationProperty)]
    schemes = []
    for scheme in _ours(graph, SKOS.ConceptScheme):
        term = _term(graph, scheme, "concept scheme", shapes)
        term.members = sorted(_curie(c) for c in graph.subjects(SKOS.inScheme, scheme))
        schemes.append(term)
    concepts = [_term(graph, c, "concept", shapes)
                for c in sorted({s for s in graph.subjects(SKOS.inScheme, None) if isinstance(s, URIRef)}, key=str)]
    boxes, edges, width, height = _diagram(graph)
    environment = Environment(loader=PackageLoader("vnkg.ontology", "templates"),
                              autoescape=select_autoescape(["html", "j2"]))
    template = environment.get_template("ontology.html.j2")
    return template.render(
        title=str(graph.value(ONTOLOGY_IRI, RDFS.label) or "vnkg ontology"),
        iri=str(ONTOLOGY_IRI), version=str(graph.value(ONTOLOGY_IRI, OWL.versionInfo) or ""),
        version_iri=str(graph.value(ONTOLOGY_IRI, OWL.versionIRI) or ""),
        license=str(graph.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/license")) or ""),
        creator=str(graph.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/creator")) or ""),
        description=" ".join(str(graph.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/description"))
                                 or "").split()),
        comment=" ".join(str(graph.value(ONTOLOGY_IRI, RDFS.comment) or "").split()),
        namespace=str(VNKG), base_iri=base_iri,
        prefixes=sorted((prefix, str(ns)) for prefix, ns in PREFIXES.items()),
        classes=classes, object_properties=object_properties, data_properties=data_properties,
        annotation_properties=annotation_properties, schemes=schemes, concepts=concepts,
        boxes=boxes, edges=edges, width=width, height=height, mappings=_mappings(graph),
        graphs=[(name.format(base=base_iri, **{"article-id": "{article-id}"}), holds, written)
                for name, holds, written in GRAPH_LAYOUT],
    )


def write_docs(out: Path, base_iri: str = "https://w3id.org/vnkg/id/") -> Path:
    """Write `index.html` (and the ontology as `vnkg.ttl`) into `out`; returns the page's path."""
    out.mkdir(parents=True, exist_ok=True)
    page = out / "index.html"
    page.write_text(render_html(base_iri), encoding="utf-8")
    (out / "vnkg.ttl").write_text(ontology_graph().serialize(format="turtle"), encoding="utf-8")
    return page


__all__ = ["render_html", "write_docs"]
