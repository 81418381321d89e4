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
_OX_LITERALS: dict[Literal, ox.Literal] = {}
_OX_LITERALS_MAX = 100_000
_RDFLIB: dict[Any, Identifier] = {}
_RDFLIB_MAX = 400_000


def to_rdflib(term: Any) -> Identifier:
    """An rdflib term for a pyoxigraph one (``xsd:string`` literals become plain literals).

    IRIs and literals repeat (people, provinces, roles, dates, labels), and rdflib builds them
    slowly (an IRI is checked, 0.6 µs; a date is parsed, 5 µs): they are memoised, in a bounded
    table keyed by the pyoxigraph term (0.08 µs a lookup; rdflib terms are immutable)."""
    found = _RDFLIB.get(term)
    if found is not None:
        return found
    kind = type(term)
    if kind is ox.NamedNode:
        found = URIRef(term.value)
    elif kind is ox.Literal:
        found = _literal(term)
    elif kind is ox.BlankNode:
        return BNode(term.value)  # a blank node's label is local to one answer: not kept
    else:
        raise TypeError(f"cannot convert {term!r} to an rdflib term")
    if len(_RDFLIB) >= _RDFLIB_MAX:
        _RDFLIB.clear()
    _RDFLIB[term] = found
    return found


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
        node = _OX_LITERALS.get(term)
        if node is None:
            if len(_OX_LITERALS) >= _OX_LITERALS_MAX:
                _OX_LITERALS.clear()
            node = _OX_LITERALS[term] = _ox_literal(term)
        return node
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _ox_literal(term: Literal) -> ox.Literal:
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        datatype = str(term.datatype)
        dt = _OX_DATATYPES.get(datatype)
        if dt is None:
            dt = _OX_DATATYPES.setdefault(datatype, ox.NamedNode(datatype))
        return ox.Literal(str(term), datatype=dt)
    return ox.Literal(str(term))


def quad_to_oxigraph(s: Any, p: Any, o: Any, graph: Any) -> ox.Quad:
    """A pyoxigraph quad from rdflib subject, predicate, object and a pyoxigraph graph name."""
    return ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph)
