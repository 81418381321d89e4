"""The cross-article checks (`ontology/checks/*-violation.rq`): each parses, returns no rows on the
gold corpus loaded as MODEL.md lays it out, and returns the expected rows on its own bad fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.plugins.sparql import prepareQuery
from vnkg.ontology import violation_checks

HERE = Path(__file__).parent / "checks"
PREFIXES = (Path(__file__).parents[1] / "shapes" / "prefixes.ttl").read_text(encoding="utf-8")
EXPECTED = {
    line.split()[0]: int(line.split()[1])
    for line in (HERE / "expected.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
CHECKS = sorted(violation_checks())


def test_every_check_has_a_fixture() -> None:
    assert CHECKS, "no checks found"
    assert set(CHECKS) == set(EXPECTED)


@pytest.mark.parametrize("name", CHECKS)
def test_check_parses_as_select(name: str) -> None:
    query = prepareQuery(violation_checks()[name])
    assert query.algebra.name == "SelectQuery"


@pytest.mark.parametrize("name", CHECKS)
def test_check_finds_its_fixture(name: str) -> None:
    data = Graph().parse(data=PREFIXES + (HERE / f"{name}.ttl").read_text(encoding="utf-8"), format="turtle")
    rows = list(data.query(violation_checks()[name]))
    assert len(rows) == EXPECTED[name], rows


@pytest.mark.parametrize("name", CHECKS)
def test_check_returns_no_rows_on_gold(name: str, gold_store: Dataset) -> None:
    rows = list(gold_store.query(violation_checks()[name]))
    assert rows == [], rows[:5]
