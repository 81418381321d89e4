"""RDF namespaces vnkg uses, and the minting of its IRIs."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace

VNKG = Namespace("https://w3id.org/vnkg/ontology#")
ONTOLOGY_IRI = "https://w3id.org/vnkg/ontology"
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
SH_NS = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "vnkg": VNKG, "schema": SCHEMA, "org": ORG, "prov": PROV, "oa": OA, "skos": SKOS,
    "dcterms": DCTERMS, "foaf": FOAF, "time": TIME, "owl": OWL, "rdf": RDF, "rdfs": RDFS,
    "xsd": XSD, "wd": WD,
}



class Terms:
    """A namespace whose terms are made once, then read as plain attributes.

    rdflib makes (and checks) a new URIRef at every ``VNKG.member`` or ``RDF.type``; the loader's
    mapper asks for a few dozen terms some 500 times an article, so it reads them through this.

    >>> terms = Terms(VNKG)
    >>> terms.member is terms.member, terms["member"] == VNKG.member
    (True, True)
    """

    def __init__(self, namespace: Namespace | type[DefinedNamespace]) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


__all__ = [
    "DCTERMS",
    "FOAF",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH_NS",
    "SKOS",
    "TIME",
    "VNKG",
    "WD",
    "XSD",
    "Terms",
]
