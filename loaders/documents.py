"""Reading facts/1 documents: JSON parsing, JSON Schema check and reference check.

The schema check asks `jsonschema_rs` (Rust, ~0.01 ms a document) first; only a document it
refuses is checked again by `jsonschema` (Python, ~0.8 ms), which names the first violation by
its JSON pointer and decides. Both implement draft 2020-12 with format checks; the tests hold them
to the same verdict on the gold files and on documents broken in many ways.

>>> check_document({"schema": "facts/1", "article": {"id": "a-1"}}, "x.json")["article"]["id"]
'a-1'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator
from vnkg.loaders.errors import DanglingReferenceError, FactsSchemaError, FactsSyntaxError, LoadError

FACTS_SUFFIX = ".facts.json"


@cache
def _schema() -> dict[str, Any]:
    return json.loads(resources.files("vnkg.data").joinpath("facts.schema.json").read_text("utf-8"))  # type: ignore[no-any-return]


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def _fast_validator() -> Any:
    return jsonschema_rs.Draft202012Validator(_schema(), validate_formats=True)


def _pointer(path: Iterable[Any]) -> str:
    return "/" + "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)


def parse_json(text: str, source: str) -> Any:
    """JSON from text; broken JSON raises FactsSyntaxError with line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise FactsSyntaxError(source, f"line {err.lineno}, column {err.colno}: {err.msg}") from None


def check_schema(doc: Any, source: str) -> None:
    """Raise FactsSchemaError naming the JSON pointer of the first violation of facts/1."""
    if _fast_validator().is_valid(doc):
        return
    errors = sorted(_validator().iter_errors(doc), key=lambda e: (len(e.absolute_path), str(e.absolute_path)))
    if errors:
        err = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise FactsSchemaError(source, f"at {_pointer(err.absolute_path)}: {err.message}{more}")


def check_references(doc: dict[str, Any], source: str) -> None:
    """Every person, bloc and event id the document uses is defined in it, and defined once."""
    defined: dict[str, set[str]] = {}
    for kind in ("people", "blocs", "events"):
        seen: set[str] = set()
        for index, item in enumerate(doc.get(kind) or []):
            if item["id"] in seen:
                raise DanglingReferenceError(source, f"at /{kind}/{index}/id: id {item['id']!r} is defined twice")
            seen.add(item["id"])
        defined[kind] = seen

    def need(kind: str, value: str | None, where: str) -> None:
        if value is not None and value not in defined[kind]:
            raise DanglingReferenceError(source, f"at {where}: {kind[:-1] if kind != 'people' else 'person'} "
                                                 f"id {value!r} is not defined in /{kind}")

    for e_index, event in enumerate(doc.get("events") or []):
        need("blocs", event.get("bloc"), f"/events/{e_index}/bloc")
        for p_index, part in enumerate(event.get("participants") or []):
            need("people", part["person"], f"/events/{e_index}/participants/{p_index}/person")
    for r_index, role in enumerate(doc.get("bloc_roles") or []):
        need("blocs", role.get("bloc"), f"/bloc_roles/{r_index}/bloc")
    for a_index, award in enumerate(doc.get("awards") or []):
        need("events", award.get("event"), f"/awards/{a_index}/event")
        need("people", award["recipient"].get("person"), f"/awards/{a_index}/recipient/person")


def check_document(doc: Any, source: str) -> dict[str, Any]:
    """The document, once it passed the schema and reference checks."""
    check_schema(doc, source)
    check_references(doc, source)
    return doc  # type: ignore[no-any-return]


def parse_document(path: Path) -> Any:
    """Read and parse one facts file, not yet checked (`check_document` checks it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise FactsSyntaxError(str(path), f"not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise LoadError(str(path), f"cannot read: {err.strerror}") from None
    return parse_json(text, str(path))


def read_document(path: Path) -> dict[str, Any]:
    """Read, parse and check one facts file."""
    return check_document(parse_document(path), str(path))


def find_facts_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Facts files named on the command line, and every *.facts.json below named folders, sorted."""
    for path in paths:
        if path.is_dir():
            yield from sorted(path.rglob(f"*{FACTS_SUFFIX}"))
        else:
            yield path
