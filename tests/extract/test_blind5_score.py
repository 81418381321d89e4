"""The extractor on the fifth blind set (tests/extract/blind5), scored by the project's scorer.

The eight blind5 articles (customs, treasury, lawyers' and study-promotion associations, commune and
district blocs, a province's public-service units, a front-and-mass-organisation bloc; invented
names) were written and annotated after the blind4 fixes and scored once before any further change:
macro F1 0.880; people 1.000, positions 0.737, blocs 0.875, members 0.729, bloc roles 0.947, events
0.750, participants 1.000, awards 1.000. That is the honest estimate of the extractor on unseen text.

The set does not meet the corpus's bar (macro 0.90, every kind 0.80): positions, members and events
fall short. The floor below holds the measured level so that it cannot slip back unseen; it is to be
raised to the bar as those weak spots are fixed with general rules.
"""

from __future__ import annotations

import json
from pathlib import Path

from vnkg.loaders.extract import extract_article

from .conftest import assert_valid
from .test_blind3_score import _score
from .test_corpus_score import KIND_BAR, MACRO_BAR

BLIND5 = Path(__file__).resolve().parent / "blind5"
REACHED_MACRO = 0.87
REACHED_KIND = 0.72


def test_blind5_set_is_there_and_annotated():
    texts = sorted(BLIND5.glob("*.txt"))
    assert len(texts) >= 8
    for text in texts:
        gold = json.loads(text.with_suffix(".facts.json").read_text(encoding="utf-8"))
        assert_valid(gold)
        assert gold["events"], text.name
        assert gold["blocs"], text.name
        assert gold["article"]["id"] == extract_article(text.read_bytes())["article"]["id"], text.name


def test_blind5_holds_what_was_measured(tmp_path: Path, capsys):
    figures = _score(sorted(BLIND5.glob("*.txt")), tmp_path, capsys)
    assert figures["articles"] >= 8
    assert figures["missing_predictions"] == 0
    kinds = {k: v["f1"] for k, v in figures["kinds"].items()}
    assert figures["macro_f1"] >= REACHED_MACRO, kinds
    assert all(f1 >= REACHED_KIND for f1 in kinds.values()), kinds


def test_the_blind5_floor_is_below_the_bar_and_can_fail(tmp_path: Path, capsys):
    """The floor is not the bar; predictions with the bloc roles left out fall below it."""
    assert REACHED_MACRO < MACRO_BAR and REACHED_KIND < KIND_BAR
    figures = _score(sorted(BLIND5.glob("*.txt")), tmp_path, capsys, drop="bloc_roles")
    assert figures["kinds"]["bloc_roles"]["f1"] < REACHED_KIND
    assert figures["macro_f1"] < REACHED_MACRO
