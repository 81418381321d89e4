"""The shared graphs' quads a writer has already stored, so a bulk insert leaves them out.

Every article restates the core triples of the people, posts, provinces and blocs it mentions
(measured on the benchmark's articles: ~30 % of the quads an article sends at 3,000 articles,
more as the store grows), and the variant statements they share, and the store's bulk path costs
~10 µs of CPU a quad even when the quad is already there. A writer that remembers the lines of the
shared graphs (the facts and statements graphs) it stored can leave them out of the next bulk
insert: the store ends up the same, with less work.

What is remembered is exact (the N-Quads line itself, not a hash of it) and only ever a subset of
what the store holds: lines are added once their insert succeeded, and everything is forgotten
whenever the store may have lost a quad (any update, a reopen) or the table is full.

>>> written = WrittenQuads((b"<http://x/graph/facts>", b"<http://x/graph/statements>"))
>>> data = b"<http://x/a> <http://x/p> <http://x/b> <http://x/graph/facts> .\\n"
>>> data += b"<http://x/a> <http://x/q> <http://x/c> <http://x/graph/article/1> .\\n"
>>> kept, facts = written.unseen(data)
>>> len(facts), kept == data
(1, True)
>>> written.stored(facts)
>>> written.unseen(data)[0].count(b"\\n")
1
>>> written.forget()
>>> written.unseen(data)[0] == data
True
"""

from __future__ import annotations

MAX_LINES = 3_000_000
"""Most lines remembered (~600 MB); the table is emptied when it is full (the shared graphs of the
100,000-article benchmark hold 3.4 million lines)."""


class WrittenQuads:
    """N-Quads lines of the shared graphs known to be in the store."""

    def __init__(self, shared_graphs: tuple[bytes, ...], max_lines: int = MAX_LINES) -> None:
        self._suffixes = tuple(b" " + graph + b" ." for graph in shared_graphs)
        self._max = max_lines
        self._lines: set[bytes] = set()

    def __len__(self) -> int:
        return len(self._lines)

    def unseen(self, nquads: bytes) -> tuple[bytes, list[bytes]]:
        """The N-Quads without the shared graphs' lines already stored, and those graphs' lines kept."""
        if not nquads:
            return nquads, []
        known = self._lines
        suffixes = self._suffixes
        kept: list[bytes] = []
        facts: list[bytes] = []
        for line in nquads.split(b"\n"):
            if not line:
                continue
            if line.endswith(suffixes):
                if line in known:
                    continue
                facts.append(line)
            kept.append(line)
        kept.append(b"")
        return b"\n".join(kept), facts

    def stored(self, lines: list[bytes]) -> None:
        """These lines are now in the store."""
        if len(self._lines) + len(lines) > self._max:
            self._lines.clear()
        self._lines.update(lines)

    def forget(self) -> None:
        """The store may have lost quads: nothing is known to be in it any more."""
        self._lines.clear()


__all__ = ["MAX_LINES", "WrittenQuads"]
