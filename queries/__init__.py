"""Named SPARQL queries (.rq files with a header), the API's vocabulary.

Each ``queries/*.rq`` file starts with a grlc-style header::

    #+ name: official_timeline
    #+ summary: An official's posts over time, with the first and last date each was seen.
    #+ params:
    #+   - name: person
    #+     type: id:person
    #+     required: true
    #+     example: nguyen-dang-binh--bac-kan
    #+     description: The official (last segment of the person's IRI).
    #+ paginate: false

Parameter types: ``id:<kind>`` (a slug ``[a-z0-9-]+``, bound as the IRI ``{base}{kind}/{slug}``;
``id:event`` and ``id:tenure`` take slugs joined by ``/``), ``string`` (plain literal), ``search`` (a name folded
with `vnkg.text.search_key`), ``integer`` (xsd:integer), ``year`` (xsd:gYear), ``date``
(xsd:date), ``boolean``, ``award-status`` (Proposed/Conferred, bound as the ``vnkg:`` IRI).

Values are never pasted into the text: each is checked against its type, made an RDF term and
written with ``.n3()`` into the query's own ``VALUES`` lines, which the file marks
``VALUES ?person { <example> }  #= person`` (the example keeps the file a valid query); the line is
dropped when an optional parameter is not given. An inline parameter may be given several values (a list or
tuple, from Python only): the ``VALUES`` line then lists them all, and an empty list matches
nothing. ``VALUES`` first, at the start of each group that
uses the value, is what lets both Oxigraph (embedded or served) plan from the bound entity; a
value bound after planning (pyoxigraph ``substitutions``) or joined last (a server's trailing
``VALUES``) makes the same query slow or, next to OPTIONAL and FILTER, wrong. A line ending in
``#? name`` is kept only when ``name`` is given, a line ending in ``#? !name`` only when it is
not: that is how an optional filter's pattern is written (``?award vnkg:year ?year .  #? year``).
A line marked ``#= q.token`` binds the entry word of the search key ``q`` (`search_token`), which
the name search looks up in the materialised ``vnkg:nameToken`` triples.
Parameters without a ``#=`` line are passed to the store as bindings (and must be projected).
Queries name their graphs ``GRAPH ?factsGraph`` and ``GRAPH ?referenceGraph``; the runner writes
the store's graph IRIs there (they depend on the configured base IRI), so that names are read
from the one graph that states them. Pagination
(``#+ paginate: true``) appends ``LIMIT`` and ``OFFSET`` from validated integers, or puts them
on the line ``#@ page`` (inside the subquery that picks the items, before names are added).

A query's final ``ORDER BY``, when its conditions are simple, is applied to the rows in Python
(`vnkg.queries.ordering`: the same order, without the store reading IRIs' strings at every
comparison). `NamedQuery.graphs_read` says which ``GRAPH`` variables hold all of a query's
patterns, so that an API process can run the queries that read only the facts and reference graphs
on its in-memory copy of them (`vnkg.api.memory_graphs`).

>>> q = load_queries()["official_timeline"]
>>> q.bind({"person": "nguyen-dang-binh--bac-kan"}, "https://w3id.org/vnkg/id/")["person"]
rdflib.term.URIRef('https://w3id.org/vnkg/id/person/nguyen-dang-binh--bac-kan')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier

from vnkg.namespaces import VNKG
from vnkg.text import search_key

from .ordering import Condition, sort_rows, split_order

__all__ = [
    "MAX_VALUES",
    "PARAM_TYPES",
    "PATH_KINDS",
    "NamedQuery",
    "Param",
    "QueryDefinitionError",
    "QueryParameterError",
    "UnknownQuery",
    "graph_bindings",
    "load_queries",
    "search_token",
]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)*$")
"""A readable IRI segment: lower-case ASCII words joined by one hyphen, parts by two."""
_PATH_SLUG = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)*$")
_LOOSE_SLUG = re.compile(r"^[a-z0-9-]+$")
PATH_KINDS = frozenset({"event", "tenure"})
"""``id:`` kinds whose local part is several slugs joined by ``/``."""
PARAM_TYPES = ("string", "search", "integer", "year", "date", "boolean", "award-status")
"""Scalar parameter types; ``id:<kind>`` types are IRIs in ``{base}{kind}/``."""
_MAX_TEXT = 200
_STATUSES = {"proposed": VNKG.Proposed, "conferred": VNKG.Conferred}
_GRAPH_VARIABLES = ("factsGraph", "referenceGraph")
_INLINE = re.compile(
    r"^(\s*)VALUES\s+\?([A-Za-z_][A-Za-z0-9_]*)\s*\{.*\}\s*#=\s*([A-Za-z_][A-Za-z0-9_]*)(\.token)?\s*$")
MAX_VALUES = 1000
"""The most values one inline parameter takes."""
_COMMON_NAME_WORDS = frozenset({
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "van", "thi", "duc", "huu"})
"""Family names and middle names most Vietnamese names share: the last resort as a search's entry word."""


def search_token(key: str) -> str:
    """The word of a search key to look a name up by (``#= q.token``): the last word that is not a
    common family or middle name (the given name, usually), else the last word. Any word will do
    for correctness, since the query then checks the whole phrase; a rare one keeps it a lookup.

    >>> search_token("nguyen dang binh"), search_token("nguyen van"), search_token("le")
    ('binh', 'van', 'le')
    """
    words = key.split()
    return next((w for w in reversed(words) if w not in _COMMON_NAME_WORDS), words[-1])
_PAGE = "#@ page"
_CONDITION = re.compile(r"#\?\s*(!?)([A-Za-z_][A-Za-z0-9_]*)\s*$")


Bound = Identifier | tuple[Identifier, ...]
"""A bound parameter: one term, or several for an inline parameter given a list."""


class QueryParameterError(ValueError):
    """A parameter value that does not fit its declared type (the API answers 422)."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class UnknownQuery(KeyError):  # noqa: N818 (reads better at the call site)
    """No named query has this name (the API answers 404)."""

    def __str__(self) -> str:
        return f"no named query {self.args[0]!r}"


class QueryDefinitionError(ValueError):
    """A .rq file whose header or query is wrong (raised when the files are loaded)."""


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    required: bool = False
    example: str | None = None
    description: str = ""

    @property
    def kind(self) -> str | None:
        """For an ``id:<kind>`` parameter, the kind (the IRI path segment); else None."""
        return self.type[3:] if self.type.startswith("id:") else None

    def to_term(self, raw: Any, base_iri: str) -> Identifier:
        """The RDF term ``raw`` stands for; raises `QueryParameterError` when it does not fit."""
        text = str(raw).strip() if not isinstance(raw, bool | int) else raw
        if isinstance(text, str) and len(text) > _MAX_TEXT:
            raise QueryParameterError(self.name, f"longer than {_MAX_TEXT} characters")
        kind = self.kind
        if kind is not None:
            pattern = _PATH_SLUG if kind in PATH_KINDS else _LOOSE_SLUG
            if not isinstance(text, str) or not pattern.match(text):
                raise QueryParameterError(
                    self.name, "must be the last part of a vnkg IRI: lower-case letters, digits and hyphens")
            return URIRef(f"{base_iri}{kind}/{text}")
        if self.type == "string":
            if not str(text):
                raise QueryParameterError(self.name, "must not be empty")
            return Literal(str(text))
        if self.type == "search":
            key = search_key(str(text))
            if not key:
                raise QueryParameterError(self.name, "must contain at least one letter or digit")
            return Literal(key)
        if self.type in ("integer", "year"):
            try:
                number = int(str(text), 10)
            except ValueError:
                raise QueryParameterError(self.name, f"must be {'a year' if self.type == 'year' else 'an integer'}"
                                          ) from None
            if self.type == "year":
                if not 1900 <= number <= 2100:
                    raise QueryParameterError(self.name, "must be a year between 1900 and 2100")
                return Literal(f"{number:04d}", datatype=XSD.gYear)
            return Literal(number, datatype=XSD.integer)
        if self.type == "date":
            try:
                day = date.fromisoformat(str(text))
            except ValueError:
                raise QueryParameterError(self.name, "must be a date YYYY-MM-DD") from None
            return Literal(day.isoformat(), datatype=XSD.date)
        if self.type == "boolean":
            value = str(text).lower()
            if value not in ("true", "false", "1", "0"):
                raise QueryParameterError(self.name, "must be true or false")
            return Literal(value in ("true", "1"))
        if self.type == "award-status":
            status = _STATUSES.get(str(text).lower())
            if status is None:
                raise QueryParameterError(self.name, "must be proposed or conferred")
            return status
        raise QueryDefinitionError(f"unknown parameter type {self.type!r}")

    @property
    def python_type(self) -> type:
        """The Python type a client sends (for OpenAPI)."""
        return {"integer": int, "year": int, "boolean": bool}.get(self.type, str)


@dataclass(frozen=True)
class NamedQuery:
    """A query file: its header and its SPARQL text."""

    name: str
    summary: str
    text: str
    params: tuple[Param, ...] = ()
    paginate: bool = False
    description: str = ""
    source: str = field(default="", compare=False)

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise QueryParameterError(name, f"not a parameter of {self.name}")

    def bind(self, values: Mapping[str, Any], base_iri: str) -> dict[str, Bound]:
        """Typed RDF terms for the given values (None or "" = not given; a list or tuple = several
        values of an inline parameter); checks required ones."""
        known = {p.name for p in self.params}
        for name in values:
            if name not in known:
                raise QueryParameterError(name, f"not a parameter of {self.name}; "
                                                f"expected {', '.join(sorted(known)) or 'none'}")
        bindings: dict[str, Bound] = {}
        for param in self.params:
            raw = values.get(param.name)
            if raw is None or raw == "":
                if param.required:
                    raise QueryParameterError(param.name, "is required")
                continue
            if isinstance(raw, list | tuple):
                if param.name not in self.inline_params:
                    raise QueryParameterError(param.name, "takes one value")
                if len(raw) > MAX_VALUES:
                    raise QueryParameterError(param.name, f"more than {MAX_VALUES} values")
                bindings[param.name] = tuple(param.to_term(item, base_iri) for item in raw)
                continue
            bindings[param.name] = param.to_term(raw, base_iri)
        return bindings

    def query_text(self, given: Iterable[str] = (), limit: int | None = None, offset: int | None = None) -> str:
        """The SPARQL text for these given parameters: conditional lines kept or dropped, and
        ``LIMIT``/``OFFSET`` from validated integers when the query is paginated."""
        text = _conditional_lines(self.text, set(given))
        if not self.paginate or (limit is None and offset is None):
            return text
        if _PAGE in text:
            # page inside the subquery that picks the items, before they are decorated with names
            page = (f"LIMIT {int(limit)}" if limit is not None else "") + (f" OFFSET {int(offset)}" if offset else "")
            return text.replace(_PAGE, page)
        parts = [text.rstrip()]
        if limit is not None:
            parts.append(f"LIMIT {int(limit)}")
        if offset:
            parts.append(f"OFFSET {int(offset)}")
        return "\n".join(parts)

    def run(self, store: Any, values: Mapping[str, Any], *, limit: int | None = None, offset: int | None = None,
            timeout: float | None = None, max_rows: int | None = None) -> list[dict[str, Identifier]]:
        """Bind ``values`` and run the query on ``store`` (a `GraphStore`); rows as rdflib terms."""
        bindings = self.bind(values, store.base_iri)
        text = _graph_names(self.query_text(bindings, limit, offset), store.base_iri)
        if self.inline_params:
            text = _inline_values(text, {k: v for k, v in bindings.items() if k in self.inline_params})
            bindings = {name: term for name, term in bindings.items() if name not in self.inline_params}
        order = split_order(text, _projection(self.text, self.name))
        if order is None:
            rows = store.select(text, bindings, timeout, max_rows=max_rows)
        else:  # sorted here, not by the store (see vnkg.queries.ordering)
            rows = store.select(order[0], bindings, timeout, max_rows=max_rows)
            if max_rows is not None and len(rows) >= max_rows:  # maybe cut before it was sorted
                rows = store.select(text, bindings, timeout, max_rows=max_rows)
            else:
                sort_rows(rows, order[1])
        for row in rows:
            for name in _GRAPH_VARIABLES:
                row.pop(name, None)
        return rows

    @property
    def order(self) -> list[Condition]:
        """The conditions of the query's final ``ORDER BY`` when `vnkg.queries.ordering` can apply
        it in Python (none otherwise)."""
        return list(_order(self.text, self.name))

    @property
    def inline_params(self) -> frozenset[str]:
        """Parameters written inline as ``VALUES`` (lines marked ``#= name``)."""
        return frozenset(m.group(3) for m in map(_INLINE.match, self.text.splitlines()) if m)

    @property
    def graphs_read(self) -> frozenset[str] | None:
        """The graph variables (``factsGraph``, ``referenceGraph``, ...) whose ``GRAPH`` groups hold
        every triple pattern of the query; None when a pattern reads the default graph (the union
        of all graphs) or a graph named by an IRI. A query reading only ``factsGraph`` and
        ``referenceGraph`` can be answered by any store that holds those two graphs."""
        return _graph_variables(self.text)

    def example_values(self) -> dict[str, str]:
        """The example value of each parameter that has one."""
        return {p.name: p.example for p in self.params if p.example is not None}


@cache
def _order(text: str, name: str) -> tuple[Condition, ...]:
    found = split_order(text, _projection(text, name))
    return () if found is None else tuple(found[1])


@cache
def _algebra(text: str) -> CompValue:
    """The query's algebra, parsed once per text (rdflib parses a query in milliseconds)."""
    return prepareQuery(text).algebra


@cache
def _graph_variables(text: str) -> frozenset[str] | None:
    found: set[str] = set()

    def walk(node: object, graph: object) -> bool:
        if isinstance(node, CompValue):
            if node.name == "Graph":  # in the algebra
                return walk(node["p"], node["term"])
            if node.name == "GraphGraphPattern":  # inside EXISTS, which the algebra leaves as parsed
                return walk(node["graph"], node["term"])
            if node.name in ("BGP", "TriplesBlock") and node.get("triples"):
                if not isinstance(graph, Variable):
                    return False
                found.add(str(graph))
            return all(walk(value, graph) for value in node.values())
        if isinstance(node, list | tuple):
            return all(walk(item, graph) for item in node)
        return True

    return frozenset(found) if walk(_algebra(text), None) else None


def graph_bindings(base_iri: str) -> dict[str, Identifier]:
    """``?factsGraph`` and ``?referenceGraph`` for a store minting IRIs under ``base_iri``."""
    return {"factsGraph": URIRef(base_iri + "graph/facts"), "referenceGraph": URIRef(base_iri + "graph/reference")}


def _parse_header(text: str, source: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The ``#+`` header: top-level ``key: value`` pairs and the ``params`` list of mappings."""
    fields: dict[str, str] = {}
    params: list[dict[str, str]] = []
    in_params = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        body = line[2:]
        stripped = body.strip()
        if not stripped:
            continue
        if body.startswith(" ") and not body.startswith("  "):
            key, sep, value = stripped.partition(":")
            if not sep:
                raise QueryDefinitionError(f"{source}:{number}: expected 'key: value' in the header")
            key = key.strip()
            in_params = key == "params"
            if not in_params:
                fields[key] = value.strip()
            continue
        if not in_params:
            raise QueryDefinitionError(f"{source}:{number}: indented header line outside 'params'")
        if stripped.startswith("- "):
            params.append({})
            stripped = stripped[2:].strip()
        if not params:
            raise QueryDefinitionError(f"{source}:{number}: a parameter must start with '- '")
        key, sep, value = stripped.partition(":")
        if not sep:
            raise QueryDefinitionError(f"{source}:{number}: expected 'key: value' in a parameter")
        params[-1][key.strip()] = value.strip()
    return fields, params


def _conditional_lines(text: str, given: set[str]) -> str:
    """Keep ``#? name`` lines when ``name`` is given and ``#? !name`` lines when it is not."""
    if "#?" not in text:
        return text
    out = []
    for line in text.splitlines():
        match = _CONDITION.search(line)
        if match is not None:
            negated, name = match.group(1) == "!", match.group(2)
            if (name in given) == negated:
                continue
            line = line[: match.start()].rstrip()
        out.append(line)
    return "\n".join(out) + "\n"


def _graph_names(text: str, base_iri: str) -> str:
    """``GRAPH ?factsGraph`` / ``GRAPH ?referenceGraph`` with the store's graph IRIs written in
    (``.n3()`` of IRIs made from the configured base, never from a request)."""
    for name, iri in graph_bindings(base_iri).items():
        text = text.replace(f"GRAPH ?{name} ", f"GRAPH {iri.n3()} ")
    return text


def _inline_values(text: str, values: Mapping[str, Bound]) -> str:
    """Each ``VALUES ?x { ... }  #= x`` line with the given term or terms (``.n3()``-escaped), or
    dropped when ``x`` is not given."""
    out = []
    for line in text.splitlines():
        match = _INLINE.match(line)
        if match is not None:
            if match.group(3) not in values:
                continue
            given = values[match.group(3)]
            terms = list(given) if isinstance(given, tuple) else [given]
            if match.group(4):  # "#= q.token": the entry word of a search key
                terms = [Literal(search_token(str(term))) for term in terms]
            line = f"{match.group(1)}VALUES ?{match.group(2)} {{ {' '.join(term.n3() for term in terms)} }}"
        out.append(line)
    return "\n".join(out) + "\n"


def _projection(text: str, source: str) -> set[str]:
    try:
        algebra = _algebra(text)
    except Exception as e:  # rdflib raises pyparsing errors of several kinds
        raise QueryDefinitionError(f"{source}: the query does not parse: {e}") from e
    if algebra.name != "SelectQuery":
        raise QueryDefinitionError(f"{source}: named queries must be SELECT queries")
    return {str(v) for v in algebra.get("PV", [])}


def parse_query_file(text: str, source: str) -> NamedQuery:
    """A `NamedQuery` from the text of a .rq file; raises `QueryDefinitionError` when it is wrong."""
    fields, raw_params = _parse_header(text, source)
    name = fields.get("name") or Path(source).stem
    if not re.match(r"^[a-z][a-z0-9_]*$", name):
        raise QueryDefinitionError(f"{source}: query name {name!r} must be lower_case_with_underscores")
    summary = fields.get("summary", "")
    if not summary:
        raise QueryDefinitionError(f"{source}: the header needs a '#+ summary:'")
    params = []
    for raw in raw_params:
        try:
            param = Param(name=raw["name"], type=raw["type"], required=raw.get("required", "false") == "true",
                          example=raw.get("example"), description=raw.get("description", ""))
        except KeyError as e:
            raise QueryDefinitionError(f"{source}: parameter without {e.args[0]!r}") from None
        if param.kind is None and param.type not in PARAM_TYPES:
            raise QueryDefinitionError(f"{source}: parameter {param.name}: unknown type {param.type!r}")
        if param.kind is not None and not SLUG.match(param.kind):
            raise QueryDefinitionError(f"{source}: parameter {param.name}: bad id kind {param.kind!r}")
        params.append(param)
    names = [p.name for p in params]
    for flag in re.findall(r"#\?\s*!?([A-Za-z_][A-Za-z0-9_]*)\s*$", text, re.MULTILINE):
        if flag not in names:
            raise QueryDefinitionError(f"{source}: '#? {flag}' flags no parameter")
    inline = {m.group(3) for m in map(_INLINE.match, text.splitlines()) if m}
    _projection(_conditional_lines(text, set()), source)
    projected = _projection(_conditional_lines(text, set(names)), source)
    for needed in [p.name for p in params if p.name not in inline]:
        if needed not in projected:
            raise QueryDefinitionError(f"{source}: ?{needed} is bound, so the SELECT must project it")
    query = NamedQuery(name=name, summary=summary, text=text, params=tuple(params),
                       paginate=fields.get("paginate", "false") == "true",
                       description=fields.get("description", ""), source=source)
    for param in params:
        if param.example is not None:
            try:
                param.to_term(param.example, "https://w3id.org/vnkg/id/")
            except QueryParameterError as e:
                raise QueryDefinitionError(f"{source}: example of {e}") from None
    return query


@cache
def load_queries() -> dict[str, NamedQuery]:
    """Every named query shipped in this package, by name (parsed and checked once)."""
    queries: dict[str, NamedQuery] = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        query = parse_query_file(entry.read_text(encoding="utf-8"), entry.name)
        if query.name in queries:
            raise QueryDefinitionError(f"{entry.name}: a query named {query.name!r} already exists")
        queries[query.name] = query
    return queries


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; raises `UnknownQuery`."""
    try:
        return load_queries()[name]
    except KeyError:
        raise UnknownQuery(name) from None
