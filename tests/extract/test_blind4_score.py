"""The extractor on the fourth blind set (tests/extract/blind4), scored by the project's scorer.

The fifteen blind4 articles were written and annotated before any rule was changed for them, and
scored once before any change (macro F1 0.822; members 0.694, awards 0.643, bloc roles 0.747,
positions 0.850): Party advisory bodies, Sở GD&ĐT, Liên minh HTX, Công an, BHXH, Hội Chữ thập đỏ,
Ủy ban MTTQ, ministries and banks, colleges, districts and city wards, chained posts with the place
at the end, members in sentences and flattened tables, rotation tables, deputies named first, roles
for two future years, participants named only in photo captions, awards with counts and lists.
Later rules are general, never written for one of these articles.

The set does not yet meet the corpus's bar (macro F1 0.887, bloc roles 0.791 after the first
general fixes); the floor below holds what has been reached so that it cannot slip back unseen,
and is to be raised to the corpus's bar as the remaining weak spots are fixed.
"""

from __future__ import annotations

import json
from pathlib import Path

from vnkg.loaders.extract import extract_article

from .conftest import assert_valid
from .test_blind3_score import _score
from .test_corpus_score import KIND_BAR, MACRO_BAR

BLIND4 = Path(__file__).resolve().parent / "blind4"
REACHED_MACRO = 0.88
REACHED_KIND = 0.78


def test_blind4_set_is_there_and_annotated():
    texts = sorted(BLIND4.glob("*.txt"))
    assert len(texts) >= 15
    for text in texts:
        gold = json.loads(text.with_suffix(".facts.json").read_text(encoding="utf-8"))
        assert_valid(gold)
        assert gold["events"], text.name
        assert gold["blocs"], text.name
        assert gold["article"]["id"] == extract_article(text.read_bytes())["article"]["id"], text.name


def test_blind4_holds_what_was_reached(tmp_path: Path, capsys):
    figures = _score(sorted(BLIND4.glob("*.txt")), tmp_path, capsys)
    assert figures["articles"] >= 15
    assert figures["missing_predictions"] == 0
    kinds = {k: v["f1"] for k, v in figures["kinds"].items()}
    assert figures["macro_f1"] >= REACHED_MACRO, kinds
    assert all(f1 >= REACHED_KIND for f1 in kinds.values()), kinds
    # the kinds fixed since the blind score meet the corpus's bar
    assert kinds["members"] >= KIND_BAR and kinds["awards"] >= KIND_BAR, kinds


def test_the_floor_is_below_the_bar_and_can_fail(tmp_path: Path, capsys):
    """The floor is not the bar; predictions with the members left out fall below it."""
    assert REACHED_MACRO < MACRO_BAR and REACHED_KIND < KIND_BAR
    figures = _score(sorted(BLIND4.glob("*.txt"))[:5], tmp_path, capsys, drop="blocs")
    assert figures["kinds"]["members"]["f1"] < REACHED_KIND
    assert figures["macro_f1"] < REACHED_MACRO
