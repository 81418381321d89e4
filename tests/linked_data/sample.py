"""The sample store the linked-data and browser tests run on: the bundled corpus, plus seed 000
again with the sentences of its article quoted as evidence (the hand-made gold leaves them out).
"""

from __future__ import annotations

from pathlib import Path

from vnkg.graph.embedded import EmbeddedStore
from vnkg.loaders.pipeline import Loader

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus"
EVIDENCE = Path(__file__).resolve().parent / "data" / "seed000-evidence.facts.json"
BASE = "https://w3id.org/vnkg/id/"
PERSON = "person/nguyen-dang-binh--bac-kan"
BLOC = "bloc/trung-du-va-mien-nui-phia-bac"
EVENT = "event/trung-du-va-mien-nui-phia-bac/conference/2023-03-10"
ARTICLE = "article/a-2967314416b6"
QUOTED = "Với vai trò là Cụm trưởng Cụm Thi đua năm 2023"
"""The start of a sentence the evidence file quotes for the official's participation."""
POST_QUOTE = "Ngày 10/3, tại tỉnh Bắc Giang, Chủ tịch UBND tỉnh Nguyễn Đăng Bình"
"""The start of the sentence quoted for the official's post."""


def fill(store: EmbeddedStore) -> EmbeddedStore:
    """Load the corpus and the evidence file into ``store``; fails loudly when any article fails."""
    loader = Loader(store)
    for path in (CORPUS, EVIDENCE):
        summary = loader.load_paths([path])
        assert summary.ok, [str(f) for f in summary.failed]
    return store
