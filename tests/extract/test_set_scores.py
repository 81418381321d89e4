"""The extractor on its test sets (see SETS.md), scored by the project's scorer: each set is
annotated, meets its bar, and the bar can fail."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from vnkg.loaders.extract import extract_article

from .conftest import assert_valid
from .test_corpus_score import KIND_BAR, MACRO_BAR, _scorer

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ScoredSet:
    folder: str
    articles: int
    macro: float = MACRO_BAR
    kind: float = KIND_BAR
    drop: str = "awards"  # the kind left out to show the bar can fail

    @property
    def texts(self) -> list[Path]:
        return sorted((HERE / self.folder).glob("*.txt"))


SETS = [
    ScoredSet("heldout", 12, drop="people"),
    ScoredSet("blind", 16),
    ScoredSet("blind3", 15),
    ScoredSet("blind4", 15),
    ScoredSet("blind5", 8, drop="bloc_roles"),
    ScoredSet("blind6", 8),
    ScoredSet("blind7", 8),
]


def score(texts: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], drop: str | None = None) -> dict:
    """The scorer's figures for the extractor's output on these articles."""
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    for text in texts:
        stem = text.name[: -len(".txt")]
        shutil.copy(text.with_suffix(".facts.json"), gold / f"{stem}.facts.json")
        doc = extract_article(text.read_bytes())
        assert_valid(doc)
        if drop:
            doc[drop] = []
        (pred / f"{stem}.facts.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert _scorer().main([str(gold), str(pred), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("test_set", SETS, ids=lambda s: s.folder)
def test_set_is_there_and_annotated(test_set: ScoredSet) -> None:
    assert len(test_set.texts) >= test_set.articles
    for text in test_set.texts:
        gold = json.loads(text.with_suffix(".facts.json").read_text(encoding="utf-8"))
        assert_valid(gold)
        assert gold["article"]["id"] == extract_article(text.read_bytes())["article"]["id"], text.name


@pytest.mark.parametrize("test_set", SETS, ids=lambda s: s.folder)
def test_set_meets_its_bar(test_set: ScoredSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures = score(test_set.texts, tmp_path, capsys)
    assert figures["missing_predictions"] == 0
    kinds = {k: v["f1"] for k, v in figures["kinds"].items()}
    assert figures["macro_f1"] >= test_set.macro, kinds
    assert all(f1 >= test_set.kind for f1 in kinds.values()), kinds


@pytest.mark.parametrize("test_set", SETS, ids=lambda s: s.folder)
def test_the_bar_can_fail(test_set: ScoredSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same scoring, on predictions with one kind of fact left out, falls below the bar."""
    figures = score(test_set.texts, tmp_path, capsys, drop=test_set.drop)
    assert figures["kinds"][test_set.drop]["f1"] < test_set.kind
    assert figures["macro_f1"] < test_set.macro


def test_related_news_lists_give_no_blocs() -> None:
    """Blocs named only in a list of other articles after the text ("Đọc thêm:", "Tin liên quan") are not facts."""
    checked = 0
    for text in sorted((HERE / "blind3").glob("*.txt")):
        raw = text.read_text(encoding="utf-8")
        marker = next((m for m in ("Đọc thêm:", "Tin liên quan", "Tin cùng chuyên mục") if m in raw), None)
        if marker is None:
            continue
        body = raw.split(marker, 1)[0]
        for bloc in extract_article(raw)["blocs"]:
            assert bloc["name"] in body, (text.name, bloc["name"])
        checked += 1
    assert checked >= 3
