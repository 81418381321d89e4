"""The SHACL shapes: valid SHACL themselves, and each shape accepts its valid fixture and rejects its
invalid one on that shape alone, with the message the fixture expects.

A fixture is Turtle added to `base.ttl` (a small conforming article); both are read after the
prefixes of `prefixes.ttl`. The first line of an invalid fixture is `# expect: <message>`: a part of
the English message the violation must carry.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF
from vnkg.ontology import SHAPES_NAMESPACE, ontology_graph, shapes_graph

from vnkg.namespaces import OA, ORG, SCHEMA, VNKG
from vnkg.namespaces import SH_NS as SH

HERE = Path(__file__).parent
PREFIXES = (HERE / "prefixes.ttl").read_text(encoding="utf-8")
BASE = (HERE / "base.ttl").read_text(encoding="utf-8")


def _shape_names() -> list[str]:
    shapes = shapes_graph()
    return sorted(str(s).removeprefix(SHAPES_NAMESPACE) for s in shapes.subjects(RDF.type, SH.NodeShape)
                  if isinstance(s, URIRef) and str(s).startswith(SHAPES_NAMESPACE))


SHAPES = _shape_names()


def _data(fixture: str = "") -> Graph:
    return Graph().parse(data=PREFIXES + BASE + fixture, format="turtle")


def _report(data: Graph) -> Graph:
    _, report, _ = validate(data, shacl_graph=shapes_graph(), advanced=True, inference="none")
    assert isinstance(report, Graph)
    return report


def _owner(shapes: Graph, shape: URIRef | BNode) -> URIRef:
    """The named node shape a result's source shape belongs to."""
    current = shape
    while not (isinstance(current, URIRef) and str(current).startswith(SHAPES_NAMESPACE)):
        parent = shapes.value(predicate=SH.property, object=current)
        assert parent is not None, f"source shape {current} belongs to no node shape"
        current = parent
    return current


def test_there_is_a_shape_for_every_kind_of_node() -> None:
    shapes = shapes_graph()
    targets = set(shapes.objects(None, SH.targetClass))
    expected = {SCHEMA.Person, SCHEMA.NewsArticle, ORG.Organization, ORG.Post, OA.Annotation,
                OA.SpecificResource, OA.TextQuoteSelector, RDF.Statement}
    ours = {c for c in ontology_graph().subjects(RDF.type, OWL.Class) if str(c).startswith(str(VNKG))}
    # the abstract event class is a target too, so every class the ontology defines is covered
    assert ours | expected <= targets, sorted(str(c) for c in (ours | expected) - targets)


def test_shapes_graph_is_valid_shacl() -> None:
    shacl_shacl = resources.files("pyshacl").joinpath("assets", "shacl-shacl.ttl")
    meta = Graph().parse(data=shacl_shacl.read_text(encoding="utf-8"), format="turtle")
    conforms, _, text = validate(shapes_graph(), shacl_graph=meta, inference="none")
    assert conforms, text


def test_shacl_for_shacl_rejects_a_broken_shape() -> None:
    shacl_shacl = resources.files("pyshacl").joinpath("assets", "shacl-shacl.ttl")
    meta = Graph().parse(data=shacl_shacl.read_text(encoding="utf-8"), format="turtle")
    broken = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:property [ sh:path <urn:p> ; sh:minCount "one" ] .""", format="turtle")
    conforms, _, _ = validate(broken, shacl_graph=meta, inference="none")
    assert not conforms


def test_base_fixture_conforms() -> None:
    report = _report(_data())
    assert [c.toPython() for c in report.objects(None, SH.conforms)] == [True]
    assert not list(report.subjects(RDF.type, SH.ValidationResult))


@pytest.mark.parametrize("name", SHAPES)
def test_every_shape_has_both_fixtures(name: str) -> None:
    assert (HERE / "valid" / f"{name}.ttl").is_file()
    assert (HERE / "invalid" / f"{name}.ttl").is_file()


@pytest.mark.parametrize("name", SHAPES)
def test_valid_fixture_conforms(name: str) -> None:
    fixture = (HERE / "valid" / f"{name}.ttl").read_text(encoding="utf-8")
    data = _data(fixture)
    assert len(data) > len(_data()), "the valid fixture adds nothing to the base"
    report = _report(data)
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    messages = [str(m) for r in results for m in report.objects(r, SH.resultMessage)]
    assert not results, messages


@pytest.mark.parametrize("name", SHAPES)
def test_invalid_fixture_fails_on_its_shape_only(name: str) -> None:
    text = (HERE / "invalid" / f"{name}.ttl").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# expect: ")
    expected = first.removeprefix("# expect: ").strip()
    report = _report(_data(text))
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert results, f"{name}: the invalid fixture conforms"
    shapes = shapes_graph()
    owners = {str(_owner(shapes, report.value(r, SH.sourceShape))).removeprefix(SHAPES_NAMESPACE)
              for r in results}
    assert owners == {name}
    messages = [str(m) for r in results for m in report.objects(r, SH.resultMessage)]
    assert any(expected in m for m in messages), messages
    # every violation is explained in English and in Vietnamese (pySHACL drops the language tag of a
    # SPARQL message whose variables it fills in, so count the messages rather than their tags)
    for result in results:
        assert len(set(report.objects(result, SH.resultMessage))) >= 2, name
