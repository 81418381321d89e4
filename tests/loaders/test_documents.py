"""Bad input is reported with what is wrong and where: broken JSON, schema violations, dangling ids."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vnkg.loaders.documents import (
    _fast_validator,
    _validator,
    check_document,
    find_facts_files,
    parse_document,
    parse_json,
    read_document,
)
from vnkg.loaders.errors import DanglingReferenceError, FactsSchemaError, FactsSyntaxError

from .conftest import CORPUS, gold_files


def test_every_gold_file_passes_the_checks() -> None:
    files = gold_files()
    assert len(files) == 26
    for path in files:
        assert read_document(path)["schema"] == "facts/1"


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.facts.json"
    path.write_text('{"schema": "facts/1",\n  "article": {"id": "a-1",}\n}', encoding="utf-8")
    with pytest.raises(FactsSyntaxError) as err:
        read_document(path)
    assert str(path) in str(err.value)
    assert "line 2, column" in err.value.message


def test_not_utf8_is_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "x.facts.json"
    path.write_bytes(b'{"schema": "facts/1", "article": {"id": "\xff"}}')
    with pytest.raises(FactsSyntaxError, match="not UTF-8"):
        read_document(path)


@pytest.mark.parametrize(("mutate", "pointer"), [
    (lambda d: d.__setitem__("schema", "facts/2"), "/schema"),
    (lambda d: d["article"].__setitem__("published", "13/03/2023"), "/article/published"),
    (lambda d: d["people"][0]["positions"][0].__setitem__("acting", "yes"), "/people/0/positions/0/acting"),
    (lambda d: d["bloc_roles"][1].__setitem__("role", "chief"), "/bloc_roles/1/role"),
    (lambda d: d["events"][0].__setitem__("surprise", 1), "/events/0"),
])
def test_schema_violation_names_the_json_pointer(seed0: dict[str, Any], mutate: Any, pointer: str) -> None:
    doc = copy.deepcopy(seed0)
    mutate(doc)
    with pytest.raises(FactsSchemaError) as err:
        check_document(doc, "seed.json")
    assert f"at {pointer}:" in err.value.message
    assert err.value.source == "seed.json"


@pytest.mark.parametrize(("mutate", "pointer"), [
    (lambda d: d["events"][0]["participants"][0].__setitem__("person", "p9"), "/events/0/participants/0/person"),
    (lambda d: d["events"][0].__setitem__("bloc", "b7"), "/events/0/bloc"),
    (lambda d: d["bloc_roles"][0].__setitem__("bloc", "b2"), "/bloc_roles/0/bloc"),
    (lambda d: d["people"].append(copy.deepcopy(d["people"][0])), "/people/2/id"),
])
def test_dangling_or_duplicate_ids_are_refused(seed0: dict[str, Any], mutate: Any, pointer: str) -> None:
    doc = copy.deepcopy(seed0)
    mutate(doc)
    with pytest.raises(DanglingReferenceError) as err:
        check_document(doc, "seed.json")
    assert pointer in err.value.message


def test_parse_json_reports_position() -> None:
    with pytest.raises(FactsSyntaxError, match="line 1, column 2"):
        parse_json("{]", "inline")


def test_folders_are_searched_recursively_and_sorted() -> None:
    found = list(find_facts_files([CORPUS]))
    assert found == sorted(found)
    assert {p.parent.name for p in found} == {"seeds", "dev"}


def _python_verdict(doc: Any) -> bool:
    return not any(_validator().iter_errors(doc))


def test_the_fast_and_the_python_schema_checks_agree_on_every_gold_file() -> None:
    for path in gold_files():
        doc = parse_document(path)
        assert _fast_validator().is_valid(doc) is _python_verdict(doc) is True, path


# Values a document may wrongly hold: wrong types, malformed and impossible dates, empty and odd
# strings, unknown enumeration values, nested junk.
_JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3000), st.floats(allow_nan=False),
    st.sampled_from(["", " ", "2023-02-30", "2023-2-3", "2023-13-01", "2024-02-29", "2023-03", "2023",
                     "13/03/2023", "chair", "leader", "proposed", "conferred", "year", "facts/1", "p1", "x" * 300,
                     "2023-03-10T00:00:00", "２０２３-03-10"]),
    st.lists(st.integers(0, 3), max_size=2), st.dictionaries(st.sampled_from(["id", "name", "x"]), st.text(max_size=3),
                                                             max_size=2))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*prefix, index)))
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_the_fast_and_the_python_schema_checks_agree_on_broken_documents(seed0: dict[str, Any], data: Any) -> None:
    doc = copy.deepcopy(seed0)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(doc)))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]  # a required key, maybe
        else:
            parent[path[-1]] = data.draw(_JUNK)
        if not _paths(doc):
            break
    assert _fast_validator().is_valid(doc) is _python_verdict(doc)
