"""Converting terms between rdflib and pyoxigraph: every kind of literal keeps its language,
datatype and lexical form, both ways, including when the converted term comes from the memo."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from vnkg.graph.terms import to_oxigraph, to_rdflib

XSD = "http://www.w3.org/2001/XMLSchema#"

LITERALS = [
    Literal("Bắc Kạn", lang="vi"),
    Literal("Bắc Kạn", lang="en"),
    Literal("Bắc Kạn"),
    Literal("2024-01-05", datatype=URIRef(XSD + "date")),
    Literal("2024", datatype=URIRef(XSD + "gYear")),
    Literal("01", datatype=URIRef(XSD + "integer"), normalize=False),
    Literal("1", datatype=URIRef(XSD + "integer")),
    Literal(True),
    Literal("true", datatype=URIRef(XSD + "string")),
    Literal('a "quoted"\nline'),
]


@pytest.mark.parametrize("literal", LITERALS, ids=lambda term: term.n3())
def test_a_literal_converts_to_the_same_literal_each_time(literal: Literal) -> None:
    first, second = to_oxigraph(literal), to_oxigraph(Literal(literal, lang=literal.language,
                                                              datatype=literal.datatype, normalize=False))
    assert first == second
    assert first.value == str(literal)
    assert first.language == literal.language
    if literal.language is None:
        assert first.datatype.value == str(literal.datatype or XSD + "string")
    plain = literal.datatype == URIRef(XSD + "string")  # rdflib's own form of an xsd:string literal
    assert to_rdflib(first) == Literal(str(literal), lang=literal.language,
                                       datatype=None if plain else literal.datatype)


def test_literals_that_differ_only_in_language_datatype_or_form_stay_apart() -> None:
    converted = {to_oxigraph(literal) for literal in LITERALS}
    assert len(converted) == len(LITERALS)
    # a plain literal and the same text typed xsd:string are one RDF term
    assert to_oxigraph(Literal("Bắc Kạn", datatype=URIRef(XSD + "string"))) == to_oxigraph(Literal("Bắc Kạn"))


def test_iris_and_blank_nodes() -> None:
    iri = URIRef("https://w3id.org/vnkg/id/province/bac-kan")
    assert to_oxigraph(iri) == ox.NamedNode(str(iri))
    assert to_rdflib(to_oxigraph(iri)) == iri
    assert isinstance(to_oxigraph(BNode("b1")), ox.BlankNode)
    with pytest.raises(TypeError):
        to_oxigraph("not a term")
