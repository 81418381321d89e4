"""Shared helpers of the extractor tests: the facts/1 schema validator and the sample corpus."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus"


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("vnkg.data").joinpath("facts.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid(doc: dict) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in validator().iter_errors(doc)]
    assert not errors, errors


@pytest.fixture
def corpus_texts() -> list[Path]:
    return sorted(CORPUS.glob("*/*.txt"))
