"""The extractor on the bundled corpus (seeds + dev), scored by the project's scorer: the quality bar."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

from vnkg.loaders.extract import extract_article

from .conftest import CORPUS, REPO, assert_valid

SHARED_SCORER = REPO.parent / "shared" / "tools" / "score_facts.py"
VENDORED_SCORER = Path(__file__).with_name("score_facts.py")
"""A byte-for-byte copy of the shared scorer, so the tests run on a checkout that has no
``../shared`` next to it; where the shared one is present it is used, and the copy must equal it."""
SCORER = SHARED_SCORER if SHARED_SCORER.exists() else VENDORED_SCORER
MACRO_BAR = 0.90
KIND_BAR = 0.80


def _scorer():
    if SHARED_SCORER.exists():
        assert VENDORED_SCORER.read_bytes() == SHARED_SCORER.read_bytes(), \
            f"{VENDORED_SCORER} differs from the shared scorer: copy it again"
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    assert spec and spec.loader, f"scorer not found at {SCORER}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_corpus_meets_the_bar(tmp_path: Path, capsys):
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    texts = sorted(CORPUS.glob("*/*.txt"))
    assert len(texts) >= 26
    for text in texts:
        stem = text.name[: -len(".txt")]
        shutil.copy(text.with_suffix(".facts.json"), gold / f"{stem}.facts.json")
        doc = extract_article(text.read_text(encoding="utf-8"))
        assert_valid(doc)
        (pred / f"{stem}.facts.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert _scorer().main([str(gold), str(pred), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    kinds = {k: v["f1"] for k, v in figures["kinds"].items()}
    assert figures["macro_f1"] >= MACRO_BAR, kinds
    assert all(f1 >= KIND_BAR for f1 in kinds.values()), kinds
