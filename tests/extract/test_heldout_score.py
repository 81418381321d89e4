"""The extractor on the held-out articles (tests/extract/heldout), scored by the project's scorer.

The held-out articles are invented for the genre (other outlets' page furniture and date lines, HTML,
NFD text, other blocs, officials in lists, ranks, acting posts, quarterly and term reviews, signings and
launches, awards to provinces, units, groups and people) and were written apart from the corpus, so
they check that the rules are not tied to the corpus's wording. The bar is the corpus's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from vnkg.loaders.extract import extract_article

from .conftest import assert_valid
from .test_corpus_score import KIND_BAR, MACRO_BAR, _scorer

HELDOUT = Path(__file__).resolve().parent / "heldout"


def _score(texts: list[Path], tmp_path: Path, capsys) -> dict:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    for text in texts:
        stem = text.name[: -len(".txt")]
        shutil.copy(text.with_suffix(".facts.json"), gold / f"{stem}.facts.json")
        doc = extract_article(text.read_bytes())
        assert_valid(doc)
        (pred / f"{stem}.facts.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert _scorer().main([str(gold), str(pred), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_heldout_set_is_there_and_annotated():
    texts = sorted(HELDOUT.glob("*.txt"))
    assert len(texts) >= 12
    for text in texts:
        gold = json.loads(text.with_suffix(".facts.json").read_text(encoding="utf-8"))
        assert_valid(gold)
        assert gold["events"], text.name  # every held-out article reports a meeting


def test_heldout_meets_the_bar(tmp_path: Path, capsys):
    figures = _score(sorted(HELDOUT.glob("*.txt")), tmp_path, capsys)
    assert figures["articles"] >= 12
    assert figures["missing_predictions"] == 0
    kinds = {k: v["f1"] for k, v in figures["kinds"].items()}
    assert figures["macro_f1"] >= MACRO_BAR, kinds
    assert all(f1 >= KIND_BAR for f1 in kinds.values()), kinds


def test_the_bar_can_fail(tmp_path: Path, capsys):
    """The same scoring on predictions with the people left out falls below the bar."""
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    for text in sorted(HELDOUT.glob("*.txt"))[:3]:
        stem = text.name[: -len(".txt")]
        shutil.copy(text.with_suffix(".facts.json"), gold / f"{stem}.facts.json")
        doc = extract_article(text.read_bytes())
        doc["people"] = []
        (pred / f"{stem}.facts.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert _scorer().main([str(gold), str(pred), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["kinds"]["people"]["f1"] < KIND_BAR
    assert figures["macro_f1"] < MACRO_BAR
