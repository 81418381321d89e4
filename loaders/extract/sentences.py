"""Sentences: the cleaned text split into sentences, each kept exactly as written.

A sentence ends at ".", "!", "?" or "…" followed by a capital letter, or at a line break.
Abbreviations ("TP.", "Đ/c.", "T.Ư") and numbers ("7.2.2014", "29.000") do not end one.
Short lines without a final stop (photo captions, headlines) are kept and flagged.

>>> [s.text for s in split_sentences("Ngày 10/3, tại TP. Hải Phòng. Sáng 7.2.2014 họp.\\nẢnh: A")]
['Ngày 10/3, tại TP. Hải Phòng.', 'Sáng 7.2.2014 họp.', 'Ảnh: A']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV_END = re.compile(
    r"(?:\b(?:TP|Tp|tp|Th\.S|ThS|TS|PGS|GS|BS|KS|Ths|St|Q|P|Mr|Mrs|Dr|ông|bà|T\.Ư|TW|Đ/c|đ/c)|\b[A-ZĐ])\.$"
)
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(‘]?[A-ZÀ-ỸĐ0-9])")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text as written, where it starts in the cleaned text, its line and paragraph."""

    text: str
    start: int
    line: int
    caption: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _split_line(line: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(line):
        head = line[start : m.start()].rstrip()
        if _ABBREV_END.search(head):
            continue
        if head:
            pieces.append((start, head))
        start = m.end()
    tail = line[start:].rstrip()
    if tail:
        pieces.append((start, tail))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of the text, in order."""
    out: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped and re.search(r"[^\W\d_]", stripped):
            lead = len(line) - len(line.lstrip())
            pieces = _split_line(line.strip())
            caption = len(pieces) == 1 and len(stripped) < 200 and not stripped.endswith((".", "!", "?", "…"))
            for rel, piece in pieces:
                out.append(Sentence(piece, offset + lead + rel, number, caption))
        offset += len(line) + 1
    return out
