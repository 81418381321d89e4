"""Run as ``python -m tests.graph.kill_writer STORE N VERSION``: writes N synthetic articles in one
``write_articles`` call (new ones commit a few at a time), printing a line when it starts."""

from __future__ import annotations

import sys

from vnkg.graph.embedded import EmbeddedStore

from .articles import BASE, article

PEOPLE_PER_ARTICLE = 12


def batch(n: int, version: str) -> list:
    """Article i supports its own people and one person every article shares."""
    return [article(f"k{i:05d}", {"person/shared": "Chung", **{f"person/k{i}-{j}": f"Người {j} v{version}"
                                                              for j in range(PEOPLE_PER_ARTICLE)}},
                    headline=f"Tin {i} v{version}")
            for i in range(n)]


def main() -> None:
    path, n, version = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    writes = batch(n, version)
    with EmbeddedStore(path, base_iri=BASE, batch_size=5) as store:
        print("writing", flush=True)
        store.write_articles(writes)
    print("done", flush=True)


if __name__ == "__main__":
    main()
