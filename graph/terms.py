"""Fast conversion between pyoxigraph terms and rdflib terms (both directions).

>>> to_rdflib(ox.Literal("Bắc Kạn", language="vi"))
rdflib.term.Literal('Bắc Kạn', lang='vi')
>>> to_oxigraph(URIRef("https://w3id.org/vnkg/id/province/bac-kan"))
<NamedNode value=https://w3id.org/vnkg/id/province/bac-kan>
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

__all__ = ["quad_to_oxigraph", "to_oxigraph", "to_rdflib"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_DATATYPES: dict[str, URIRef] = {}
_OX_DATATYPES: dict[str, ox.NamedNode] = {}
_OX_IRIS: dict[str, ox.NamedNode] = {}
_OX_IRIS_MAX = 200_000
_LITERALS: dict[ox.Literal, Literal] = {}
_LITERALS_MAX = 200_000


def to_rdflib(term: Any) -> Identifier:
    """An rdflib term for a pyoxigraph one (``xsd:string`` literals become plain literals)."""
    kind = type(term)
    if kind is ox.NamedNode:
        return URIRef(term.value)
    if kind is ox.Literal:
        # Literals repeat (dates, years, labels, roles) and rdflib builds a typed one slowly (5 µs
        # for a date, which it parses): memoised, in a bounded table (rdflib terms are immutable).
        found = _LITERALS.get(term)
        if found is None:
            if len(_LITERALS) >= _LITERALS_MAX:
                _LITERALS.clear()
            found = _LITERALS[term] = _literal(term)
        return found
    if kind is ox.BlankNode:
        return BNode(term.value)
    raise TypeError(f"cannot convert {term!r} to an rdflib term")


def _literal(term: ox.Literal) -> Literal:
    language = term.language
    if language:
        return Literal(term.value, lang=language)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return Literal(term.value)
    dt = _DATATYPES.get(datatype)
    if dt is None:
        dt = _DATATYPES.setdefault(datatype, URIRef(datatype))
    return Literal(term.value, datatype=dt)


def to_oxigraph(term: Any) -> Any:
    """A pyoxigraph term for an rdflib one; raises ValueError for an invalid IRI or language tag."""
    if isinstance(term, URIRef):
        # IRIs repeat (predicates, classes, people, provinces): memoised, in a bounded table.
        node = _OX_IRIS.get(term)
        if node is None:
            if len(_OX_IRIS) >= _OX_IRIS_MAX:
                _OX_IRIS.clear()
            node = _OX_IRIS[term] = ox.NamedNode(str(term))
        return node
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            datatype = str(term.datatype)
            dt = _OX_DATATYPES.get(datatype)
            if dt is None:
                dt = _OX_DATATYPES.setdefault(datatype, ox.NamedNode(datatype))
            return ox.Literal(str(term), datatype=dt)
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def quad_to_oxigraph(s: Any, p: Any, o: Any, graph: Any) -> ox.Quad:
    """A pyoxigraph quad from rdflib subject, predicate, object and a pyoxigraph graph name."""
    return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)
