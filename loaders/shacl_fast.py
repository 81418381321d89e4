"""A compiled SHACL validator for vnkg's own shapes, fast enough to validate every article on load.

pyshacl re-parses each SHACL-SPARQL constraint for every focus node and walks the shapes graph for
every node: about 1.5 s for one article of this domain. This module reads the shapes graph once,
compiles each node shape into Python checks over an index of the data graph, prepares each
SPARQL constraint once and runs it once per article over the whole article graph (binding
`$this` to every focus node at once). It implements the SHACL Core components the vnkg shapes use
(targetClass; simple predicate paths; minCount, maxCount, datatype with well-formed lexical forms,
class, nodeKind, in, hasValue, languageIn, uniqueLang, pattern, minLength, maxLength,
minInclusive, maxInclusive, or, xone, not, node) and sh:sparql SELECT constraints with messages;
compiling a shape that uses anything else raises `UnsupportedShape`, so the validator never
silently skips a constraint. pyshacl stays the reference: the test suite checks that both give
the same results on every shape fixture and on the corpus.

The data is validated as pyoxigraph terms (`ShapesValidator.validate_oxigraph`), whose hashing and
comparison run in Rust: the loader converts an article's triples once and uses them both here and
to write the article. The shapes' own constants are converted when they are compiled.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node
from vnkg.graph.terms import to_oxigraph, to_rdflib

from vnkg.namespaces import SH_NS as SH

Triple = tuple[Node, Node, Node]
OxTriple = tuple[Any, Any, Any]
"""A triple of pyoxigraph terms."""


class UnsupportedShape(Exception):  # noqa: N818  a compile-time refusal, named for what it refuses
    """A shape uses a SHACL feature this validator does not implement."""


@dataclass(frozen=True)
class Result:
    """One violation: the focus node, the property (if any), the messages, the shape."""

    focus: Node
    path: URIRef | None
    messages: tuple[str, ...]
    shape: URIRef | None

    @property
    def message(self) -> str:
        return " / ".join(self.messages) or "does not conform"


_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf  # rdflib's namespace attribute lookup is slow


class DataIndex:
    """The data graph (pyoxigraph terms) as dictionaries: objects by (subject, predicate), types."""

    def __init__(self, triples: Iterable[OxTriple]) -> None:
        self.triples: dict[OxTriple, None] = dict.fromkeys(triples)
        values: defaultdict[tuple[Any, Any], list[Any]] = defaultdict(list)
        types: defaultdict[Any, set[Any]] = defaultdict(set)
        instances: defaultdict[Any, set[Any]] = defaultdict(set)
        superclasses: defaultdict[Any, set[Any]] = defaultdict(set)
        type_, subclass_of = _OX_TYPE, _OX_SUBCLASS_OF
        for s, p, o in self.triples:
            values[(s, p)].append(o)
            if p == type_:
                types[s].add(o)
                instances[o].add(s)
            elif p == subclass_of:
                superclasses[s].add(o)
        self.values, self.types, self.instances, self.superclasses = values, types, instances, superclasses
        self._graph: Graph | None = None

    @property
    def graph(self) -> Graph:
        """The data as an rdflib Graph (built on first use)."""
        if self._graph is None:
            self._graph = Graph()
            for s, p, o in self.triples:
                self._graph.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
        return self._graph

    def oxigraph(self, patterns: Patterns | None = None) -> ox.Store:
        """The data in an in-memory Oxigraph store, for the SPARQL constraints: in the graph
        `SPARQL_DATA`, which they query as their default graph.

        With ``patterns``, only the triples some triple pattern of the constraints can match (see
        `_patterns_of`): their answers are the same and the store smaller. (A quad in a named graph
        is built ~10x faster than one in the default graph, whose name pyoxigraph matches last.)"""
        store = ox.Store()
        graph = SPARQL_DATA
        if patterns is None:
            store.extend([ox.Quad(s, p, o, graph) for s, p, o in self.triples])
            return store
        quads = []
        for s, p, o in self.triples:
            if p in patterns:
                objects = patterns[p]
                if objects is None or o in objects:
                    quads.append(ox.Quad(s, p, o, graph))
        store.extend(quads)
        return store

    def has_class(self, node: Any, cls: Any) -> bool:
        """SHACL instance-of: a type of the node is the class or a subclass of it (in the data)."""
        seen: set[Any] = set()
        todo = list(self.types.get(node, ()))
        while todo:
            current = todo.pop()
            if current == cls:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(self.superclasses.get(current, ()))
        return False

    def targets(self, cls: Any) -> set[Any]:
        found = set(self.instances.get(cls, ()))
        subclasses = [s for s, supers in self.superclasses.items() if cls in supers]
        for sub in subclasses:
            found |= self.targets(sub)
        return found


SPARQL_DATA = ox.NamedNode("urn:x-vnkg:shacl-data")
"""The graph of the per-article store the SPARQL constraints query."""
Patterns = dict[Any, "frozenset[Any] | None"]
"""Predicate -> the constant objects the constraints match it with (None: any object); pyoxigraph terms."""
QueryPatterns = dict[Node, "frozenset[Node] | None"]
"""The same as rdflib terms, as read from a query (`_patterns_of`)."""
_ox = to_oxigraph  # memoises IRIs
_OX_TYPE, _OX_SUBCLASS_OF = _ox(_TYPE), _ox(_SUBCLASS_OF)
_OX_XSD_STRING = _ox(XSD.string)


Check = Callable[[DataIndex, Any, list[Any]], bool]
"""A value-level check: (index, focus node, the values at the path) -> conforms; pyoxigraph terms."""


def _well_formed(value: ox.Literal) -> bool:
    """Whether a typed literal's lexical form is valid for its datatype (rdflib's judgement,
    memoised per distinct literal by `to_rdflib`, so both engines agree)."""
    return not getattr(to_rdflib(value), "ill_typed", False)


def _messages(shapes: Graph, node: Node) -> tuple[str, ...]:
    return tuple(sorted(str(m) for m in shapes.objects(node, SH.message)))


def _list(shapes: Graph, head: Node) -> list[Node]:
    return list(Collection(shapes, head))  # type: ignore[arg-type]


_NODE_KINDS: dict[Node, Callable[[Any], bool]] = {
    SH.IRI: lambda v: isinstance(v, ox.NamedNode),
    SH.Literal: lambda v: isinstance(v, ox.Literal),
    SH.BlankNode: lambda v: isinstance(v, ox.BlankNode),
    SH.BlankNodeOrIRI: lambda v: isinstance(v, ox.BlankNode | ox.NamedNode),
    SH.IRIOrLiteral: lambda v: isinstance(v, ox.NamedNode | ox.Literal),
    SH.BlankNodeOrLiteral: lambda v: isinstance(v, ox.BlankNode | ox.Literal),
}
_IGNORED = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.defaultValue, RDFS.comment,
            RDFS.label, RDF.type, SH.path, SH.severity, SH.deactivated}


@dataclass
class _Compiled:
    """A shape compiled: checks on the focus node itself, and per-property checks."""

    node_checks: list[Check] = field(default_factory=list)
    properties: list[tuple[ox.NamedNode, Node, list[tuple[str, Check]], tuple[str, ...]]] = field(
        default_factory=list)
    """(path as a pyoxigraph IRI, the property shape, its checks, its messages)"""


class ShapesValidator:
    """vnkg's shapes, compiled once."""

    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self._cache: dict[Node, _Compiled] = {}
        # (shape, its target classes as pyoxigraph IRIs, compiled, messages)
        self.node_shapes: list[tuple[URIRef, list[ox.NamedNode], _Compiled, tuple[str, ...]]] = []
        self.sparql: list[tuple[URIRef, list[ox.NamedNode], _Constraint, tuple[str, ...]]] = []
        for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
            if (shape, SH.deactivated, Literal(True)) in shapes or not isinstance(shape, URIRef):
                continue
            if shapes.value(shape, SH.severity, default=SH.Violation) != SH.Violation:
                continue
            unsupported_targets = {SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target}
            if any((shape, t, None) in shapes for t in unsupported_targets):
                raise UnsupportedShape(f"{shape}: only sh:targetClass targets are supported")
            targets = [_ox(t) for t in sorted(shapes.objects(shape, SH.targetClass), key=str)]
            self.node_shapes.append((shape, targets, self._compile(shape), _messages(shapes, shape)))
            for constraint in shapes.objects(shape, SH.sparql):
                self.sparql.append((shape, targets, self._prepare(constraint), _messages(shapes, constraint)))
        self.sparql_patterns = _union_patterns([constraint.patterns for _, _, constraint, _ in self.sparql])
        """What the SPARQL constraints can match: predicate -> constant objects, None for any object
        (None overall: a variable or a path in predicate position)."""
        self._ox_sparql_patterns: Patterns | None = (
            None if self.sparql_patterns is None else
            {_ox(p): None if objects is None else frozenset(_ox(o) for o in objects)
             for p, objects in self.sparql_patterns.items()})

    # -- compiling --------------------------------------------------------------------------------
    def _prepare(self, constraint: Node) -> _Constraint:
        text = str(self.shapes.value(constraint, SH.select))
        prefixes: dict[str, str] = {}
        for holder in self.shapes.objects(constraint, SH.prefixes):
            for declaration in self.shapes.objects(holder, SH.declare):
                prefixes[str(self.shapes.value(declaration, SH.prefix))] = str(
                    self.shapes.value(declaration, SH.namespace))
        # Our own shapes file, not user input: `$this` becomes an ordinary variable, bound by a
        # VALUES block of the focus nodes (escaped with .n3()) at the top of the WHERE clause.
        body = text.replace("$this", "?this")
        match = re.search(r"\bWHERE\s*\{", body, re.IGNORECASE)
        if match is None:
            raise UnsupportedShape(f"{constraint}: a SPARQL constraint needs a WHERE clause")
        header = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(prefixes.items()))
        prepared = prepareQuery(body, initNs=prefixes)
        return _Constraint(header + body[:match.end()], body[match.end():], prepared,
                           _patterns_of(prepared.algebra))

    def _compile(self, shape: Node) -> _Compiled:
        if shape in self._cache:
            return self._cache[shape]
        compiled = _Compiled()
        self._cache[shape] = compiled
        own_path = self.shapes.value(shape, SH.path)
        if own_path is not None:  # a property shape used as a member of sh:or / sh:xone / sh:node
            if not isinstance(own_path, URIRef):
                raise UnsupportedShape(f"{shape}: only predicate paths are supported, not {own_path!r}")
            compiled.properties.append((_ox(own_path), shape, self._value_checks(shape, node_level=False),
                                        _messages(self.shapes, shape)))
            return compiled
        compiled.node_checks = [check for _, check in self._value_checks(shape, node_level=True)]
        for prop in self.shapes.objects(shape, SH.property):
            path = self.shapes.value(prop, SH.path)
            if not isinstance(path, URIRef):
                raise UnsupportedShape(f"{shape}: only predicate paths are supported, not {path!r}")
            compiled.properties.append((_ox(path), prop, self._value_checks(prop, node_level=False),
                                        _messages(self.shapes, prop)))
        return compiled

    def _value_checks(self, shape: Node, *, node_level: bool) -> list[tuple[str, Check]]:
        """Checks of one shape's constraint parameters; at node level the 'values' are [focus]."""
        g = self.shapes
        checks: list[tuple[str, Check]] = []
        for p, o in g.predicate_objects(shape):
            if p in _IGNORED or p in (SH.property, SH.targetClass, SH.sparql, SH.declare, SH.prefixes,
                                      SH.flags, SH.closed, SH.ignoredProperties):
                continue
            checks.append((str(p), self._component(shape, p, o)))
        if (shape, SH.closed, Literal(True)) in g:
            raise UnsupportedShape(f"{shape}: sh:closed is not supported")
        return checks

    def _component(self, shape: Node, p: Node, o: Node) -> Check:
        g = self.shapes
        if p == SH.minCount:
            n = int(o)  # type: ignore[arg-type]
            return lambda _i, _f, vs: len(vs) >= n
        if p == SH.maxCount:
            n = int(o)  # type: ignore[arg-type]
            return lambda _i, _f, vs: len(vs) <= n
        if p == SH.datatype:
            if o == RDF.langString:
                return lambda _i, _f, vs: all(isinstance(v, ox.Literal) and v.language is not None for v in vs)
            if o == XSD.string:
                return lambda _i, _f, vs: all(isinstance(v, ox.Literal) and v.language is None and
                                              v.datatype == _OX_XSD_STRING for v in vs)
            datatype = _ox(o)
            return lambda _i, _f, vs: all(isinstance(v, ox.Literal) and v.datatype == datatype and _well_formed(v)
                                          for v in vs)
        if p == SH["class"]:
            cls = _ox(o)
            return lambda i, _f, vs: all(i.has_class(v, cls) for v in vs)
        if p == SH.nodeKind:
            kind = _NODE_KINDS[o]
            return lambda _i, _f, vs: all(kind(v) for v in vs)
        if p == SH["in"]:
            allowed = {_ox(v) for v in _list(g, o)}
            return lambda _i, _f, vs: all(v in allowed for v in vs)
        if p == SH.hasValue:
            value = _ox(o)
            return lambda _i, _f, vs: value in vs
        if p == SH.languageIn:
            tags = {str(t).lower() for t in _list(g, o)}
            return lambda _i, _f, vs: all(isinstance(v, ox.Literal) and v.language is not None and
                                          v.language.lower() in tags for v in vs)
        if p == SH.uniqueLang:
            if o != Literal(True):
                return lambda _i, _f, _vs: True
            return lambda _i, _f, vs: len([v.language for v in vs if isinstance(v, ox.Literal) and v.language]) == len(
                {v.language.lower() for v in vs if isinstance(v, ox.Literal) and v.language})
        if p == SH.pattern:
            flags = re.IGNORECASE if "i" in str(g.value(shape, SH.flags) or "") else 0
            regex = re.compile(str(o), flags)
            return lambda _i, _f, vs: all(not isinstance(v, ox.BlankNode) and regex.search(v.value) for v in vs)
        if p in (SH.minLength, SH.maxLength):
            n = int(o)  # type: ignore[arg-type]
            if p == SH.minLength:
                return lambda _i, _f, vs: all(not isinstance(v, ox.BlankNode) and len(v.value) >= n for v in vs)
            return lambda _i, _f, vs: all(not isinstance(v, ox.BlankNode) and len(v.value) <= n for v in vs)
        if p in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
            return _range_check(p, o)
        if p in (SH["or"], SH.xone):
            members = [self._compile(member) for member in _list(g, o)]
            if p == SH["or"]:
                return lambda i, _f, vs: all(any(self._conforms(i, v, m) for m in members) for v in vs)
            return lambda i, _f, vs: all(sum(self._conforms(i, v, m) for m in members) == 1 for v in vs)
        if p == SH["not"]:
            member = self._compile(o)
            return lambda i, _f, vs: not any(self._conforms(i, v, member) for v in vs)
        if p == SH.node:
            member = self._compile(o)
            return lambda i, _f, vs: all(self._conforms(i, v, member) for v in vs)
        raise UnsupportedShape(f"{shape}: constraint {p} is not supported")

    # -- validating -------------------------------------------------------------------------------
    def _conforms(self, index: DataIndex, node: Any, shape: _Compiled) -> bool:
        if not all(check(index, node, [node]) for check in shape.node_checks):
            return False
        for path, _prop, checks, _ in shape.properties:
            values = index.values.get((node, path), [])
            if not all(check(index, node, values) for _, check in checks):
                return False
        return True

    def validate(self, triples: Iterable[Triple], only: set[Node] | None = None) -> list[Result]:
        """Every violation in a data graph given as rdflib triples (of the nodes in `only`, when given)."""
        return self.validate_oxigraph(
            [(_ox(s), _ox(p), _ox(o)) for s, p, o in triples],
            None if only is None else {_ox(node) for node in only})

    def validate_oxigraph(self, triples: Iterable[OxTriple], only: set[Any] | None = None) -> list[Result]:
        """Every violation in a data graph given as pyoxigraph triples (of the nodes in `only`)."""
        index = DataIndex(triples)
        results: list[Result] = []

        def targeted(targets: list[Any]) -> set[Any]:
            nodes = set().union(*(index.targets(t) for t in targets)) if targets else set()
            return nodes if only is None else nodes & only

        for shape, targets, compiled, messages in self.node_shapes:
            focus_nodes = targeted(targets)
            for focus in sorted(focus_nodes, key=_term_key):
                if not all(check(index, focus, [focus]) for check in compiled.node_checks):
                    results.append(Result(to_rdflib(focus), None, messages, shape))
                for path, _prop, checks, prop_messages in compiled.properties:
                    values = index.values.get((focus, path), [])
                    for _, check in checks:
                        if not check(index, focus, values):
                            results.append(Result(to_rdflib(focus), _path_iri(path), prop_messages, shape))
                            break
        store: ox.Store | None = None
        for shape, targets, constraint, messages in self.sparql:
            focus_nodes = targeted(targets)
            if not focus_nodes:
                continue
            if all(isinstance(node, ox.NamedNode) for node in focus_nodes):
                if store is None:
                    store = index.oxigraph(self._ox_sparql_patterns)
                rows = constraint.run(store, sorted(focus_nodes, key=_term_key))
            else:  # blank focus nodes cannot go in VALUES: bind them one at a time
                rows = [row.asdict() for node in focus_nodes  # type: ignore[union-attr]
                        for row in index.graph.query(constraint.prepared, initBindings={"this": to_rdflib(node)})]
            for bound in rows:
                focus = bound.get("this")
                path = bound.get("path")
                results.append(Result(focus, path if isinstance(path, URIRef) else None,
                                      tuple(_fill(m, bound) for m in messages), shape))
        return results


def _term_key(term: Any) -> str:
    return term.value  # type: ignore[no-any-return]


def _path_iri(path: Any) -> URIRef:
    return to_rdflib(path)  # type: ignore[return-value]


@dataclass(frozen=True)
class _Constraint:
    """A SHACL-SPARQL SELECT split where the focus nodes' VALUES block goes."""

    head: str
    tail: str
    prepared: Query
    patterns: QueryPatterns | None
    """Each IRI in predicate position of a triple pattern, with the constant objects it comes with
    (None: some pattern has a variable object); None when a predicate is a variable or a path."""

    def run(self, store: ox.Store, focus_nodes: list[ox.NamedNode]) -> list[dict[str, Node]]:
        values = " ".join(str(node) for node in focus_nodes)  # N-Triples form of checked IRIs
        solutions = store.query(f"{self.head} VALUES ?this {{ {values} }} {self.tail}", default_graph=SPARQL_DATA)
        names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
        rows = []
        for solution in solutions:  # type: ignore[union-attr]
            rows.append({name: to_rdflib(solution[name]) for name in names if solution[name] is not None})
        return rows


def _patterns_of(algebra: object) -> QueryPatterns | None:
    """The triple patterns of a query's algebra, including those inside FILTER (NOT) EXISTS and
    subqueries, as predicate -> the constant objects it is used with (None when some pattern has a
    variable or blank object); None when some predicate is a variable or a property path. A triple
    no pattern can match cannot change the query's answer."""
    found: dict[Node, set[Node] | None] = {}
    todo: list[object] = [algebra]
    seen: set[int] = set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):  # rdflib's CompValue is an OrderedDict
            for key, value in node.items():
                if key == "triples" and isinstance(value, list):
                    for triple in value:
                        predicate, obj = triple[1], triple[2]
                        if not isinstance(predicate, URIRef):
                            return None
                        if isinstance(obj, URIRef | Literal):
                            objects = found.setdefault(predicate, set())
                            if objects is not None:
                                objects.add(obj)
                        else:
                            found[predicate] = None
                else:
                    todo.append(value)
        elif isinstance(node, list | tuple | set):
            todo.extend(node)
    return {p: None if objects is None else frozenset(objects) for p, objects in found.items()}


def _union_patterns(each: list[QueryPatterns | None]) -> QueryPatterns | None:
    """What any of several queries can match (`_patterns_of`); None when one can match anything."""
    union: QueryPatterns = {}
    for patterns in each:
        if patterns is None:
            return None
        for predicate, objects in patterns.items():
            if predicate in union:
                known = union[predicate]
                union[predicate] = None if known is None or objects is None else known | objects
            else:
                union[predicate] = objects
    return union


def _fill(message: str, bound: dict[str, Node]) -> str:
    """A SHACL-SPARQL message with {?var} / {$var} replaced by the row's values."""
    return re.sub(r"\{[?$](\w+)\}", lambda m: str(bound.get(m.group(1), m.group(0))), message)


def _range_check(p: Node, bound: Node) -> Check:
    def compare(value: Any) -> bool:
        if not isinstance(value, ox.Literal):
            return False
        try:
            left, right = to_rdflib(value).toPython(), bound.toPython()  # type: ignore[union-attr]
            if p == SH.minInclusive:
                return bool(left >= right)
            if p == SH.maxInclusive:
                return bool(left <= right)
            if p == SH.minExclusive:
                return bool(left > right)
            return bool(left < right)
        except TypeError:
            return False

    return lambda _i, _f, vs: all(compare(v) for v in vs)
