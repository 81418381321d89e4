"""Binding values into a query: a leading ``VALUES`` block of escaped terms inside the outermost
WHERE group, the same on every backend.

A value bound this way joins the query's patterns before they are evaluated (the meaning of
rdflib's ``initBindings``): Oxigraph plans the query from the bound entity, a server evaluates
OPTIONAL, FILTER and GROUP BY on the bound rows, and the value can be any variable of the outer
group. pyoxigraph's own ``substitutions=`` only take projected variables and are applied after
planning (measured: a timeline query scanned every tenure, 7.4 s instead of 5 ms); a trailing
``VALUES`` (rdflib's SPARQLStore) is joined after grouping. The terms are serialised by
``.n3()``; the query text around them is the caller's own, scanned here only to find the brace
that opens the WHERE group (skipping IRIs, strings and comments).

>>> from rdflib import Literal, URIRef
>>> bind_values("SELECT ?n WHERE { ?p <http://x/name> ?n }", {"p": URIRef("http://x/a")})
'SELECT ?n WHERE { VALUES (?p) { (<http://x/a>) } ?p <http://x/name> ?n }'
>>> bind_values('ASK { ?s ?p "}" }', {"s": Literal("a } b")})
'ASK { VALUES (?s) { ("a } b") } ?s ?p "}" }'
>>> bind_values("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"s": URIRef("http://x/a")})
'CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://x/a>) } ?s ?p ?o }'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .base import check_variable
from .updates import n3

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def values_block(bindings: Mapping[str, Any]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` of escaped terms."""
    names = [check_variable(k) for k in bindings]
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(n3(v) for v in bindings.values())}) }}"


def _where_brace(query: str) -> int | None:
    """Index of the ``{`` that opens the outermost WHERE group, or None (e.g. ``DESCRIBE <x>``)."""
    i, depth, form, after_where = 0, 0, None, False
    length = len(query)
    while i < length:
        ch = query[i]
        if ch == "#":
            end = query.find("\n", i)
            i = length if end < 0 else end + 1
            continue
        if ch in "\"'":
            triple = query[i:i + 3]
            if triple in ('"""', "'''"):
                end = query.find(triple, i + 3)
                i = length if end < 0 else end + 3
                continue
            j = i + 1
            while j < length and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "<":
            match = _IRI.match(query, i)
            if match:
                i = match.end()
                continue
        if ch == "{":
            if depth == 0 and (after_where or form in ("SELECT", "ASK")):
                return i
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and (ch.isalpha() or ch == "_") and (i == 0 or not (query[i - 1].isalnum() or
                                                                            query[i - 1] in "?$:_")):
            word = _WORD.match(query, i)
            if word:
                upper = word.group(0).upper()
                if form is None and upper in _FORMS:
                    form = upper
                elif upper == "WHERE":
                    after_where = True
                i = word.end()
                continue
        i += 1
    return None


def bind_values(query: str, bindings: Mapping[str, Any] | None) -> str:
    """The query with ``bindings`` as a leading VALUES block of its WHERE group (trailing when the
    query has no group, as ``DESCRIBE <iri>``)."""
    if not bindings:
        return query
    block = values_block(bindings)
    brace = _where_brace(query)
    if brace is None:
        return f"{query}\n{block}"
    return f"{query[:brace + 1]} {block}{query[brace + 1:]}"
