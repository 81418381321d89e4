"""RDF namespaces vnkg uses, and the minting of its IRIs."""

from __future__ import annotations

from rdflib import Namespace
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

__all__ = ["DCTERMS", "FOAF", "OA", "ORG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SH_NS", "SKOS",
           "TIME", "VNKG", "WD", "XSD"]
