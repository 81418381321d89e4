"""Fixtures for the loader tests: the bundled corpus and a minter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from vnkg.loaders.resolve import Minter

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus"
BASE = "https://w3id.org/vnkg/id/"


@pytest.fixture
def minter() -> Minter:
    return Minter(BASE)


@pytest.fixture
def seed0() -> dict[str, Any]:
    return json.loads((CORPUS / "seeds" / "000_2967314416b636a6.facts.json").read_text("utf-8"))


def gold_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.facts.json"))
