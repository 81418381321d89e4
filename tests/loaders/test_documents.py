"""Bad input is reported with what is wrong and where: broken JSON, schema violations, dangling ids."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from vnkg.loaders.documents import check_document, find_facts_files, parse_json, read_document
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
