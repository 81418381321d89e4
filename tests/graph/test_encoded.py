"""Articles carried as N-Quads (`encode_article`), as the loader's worker processes send them."""

from __future__ import annotations

from pathlib import Path

import pytest
from vnkg.graph.base import ArticleWrite, GraphStore, encode_article
from vnkg.graph.embedded import EmbeddedStore

from .articles import BASE, article, snapshot


def _batch(version: str) -> list[ArticleWrite]:
    return [article(f"e{i}", {"person/shared": "Chung", f"person/e{i}": f"Người {i} \"{version}\"\n"},
                    headline=f"Tin {i} {version}") for i in range(6)]


def _named(write: ArticleWrite) -> ArticleWrite:
    """The same write with its blank nodes replaced by IRIs (a parse renames blank nodes)."""
    from rdflib import BNode, URIRef

    def fix(term):  # type: ignore[no-untyped-def]
        return URIRef(f"{write.graph}#{term}") if isinstance(term, BNode) else term

    return ArticleWrite(write.article_id, write.graph, [tuple(map(fix, t)) for t in write.article_triples],
                        [tuple(map(fix, t)) for t in write.fact_triples])


def test_encoding_and_decoding_give_the_same_triples() -> None:
    for write in map(_named, _batch("1")):
        encoded = encode_article(write, BASE)
        assert encoded.nquads and not encoded.article_triples and not encoded.fact_triples
        back = encoded.decoded(BASE)
        assert set(back.article_triples) == set(write.article_triples)
        assert set(back.fact_triples) == set(write.fact_triples)
        assert write.decoded(BASE) is write


def test_a_quad_outside_the_article_and_facts_graphs_is_refused() -> None:
    write = ArticleWrite("e0", _batch("1")[0].graph,
                         nquads=b'<http://x/s> <http://x/p> "o" <http://elsewhere/g> .\n')
    with pytest.raises(ValueError, match="outside its graph"):
        write.decoded(BASE)


def test_encoded_writes_store_what_plain_writes_store(store: GraphStore, tmp_path: Path) -> None:
    first, second = list(map(_named, _batch("1"))), list(map(_named, _batch("2")))
    with EmbeddedStore(tmp_path / "plain", base_iri=BASE) as plain:
        plain.write_articles(first)
        store.write_articles([encode_article(w, BASE) for w in first])
        assert snapshot(store) == snapshot(plain)
        # already stored: replaced by the support rule, from the decoded triples
        plain.write_articles(second[:3])
        store.write_articles([encode_article(w, BASE) for w in second[:3]])
        assert snapshot(store) == snapshot(plain)


def test_encoded_writes_on_disk_are_bulk_loaded_in_groups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vnkg.graph.embedded as embedded

    monkeypatch.setattr(embedded, "BULK_MAX_QUADS", 20)  # several groups of whole articles
    writes = list(map(_named, _batch("1")))
    with EmbeddedStore(tmp_path / "a", base_iri=BASE) as grouped, \
            EmbeddedStore(tmp_path / "b", base_iri=BASE, batch_size=1) as plain:
        grouped.write_articles([encode_article(w, BASE) for w in writes])
        plain.write_articles(writes)
        assert snapshot(grouped) == snapshot(plain)
        assert grouped.article_ids() == [w.article_id for w in writes]


def test_facts_already_written_are_left_out_of_later_bulk_writes(tmp_path: Path) -> None:
    first, second = list(map(_named, _batch("1")))[:3], list(map(_named, _batch("1")))[3:]
    with EmbeddedStore(tmp_path / "a", base_iri=BASE) as store, \
            EmbeddedStore(tmp_path / "b", base_iri=BASE) as plain:
        store.write_articles([encode_article(w, BASE) for w in first])
        remembered = len(store._written)
        assert remembered > 0  # the facts-graph lines of the first batch
        shared = [line for line in encode_article(second[0], BASE).nquads.splitlines() if b"person/shared" in line
                  and b"graph/facts" in line]
        assert shared and all(store._written.unseen(line + b"\n")[0] == b"" for line in shared)
        store.write_articles([encode_article(w, BASE) for w in second])
        plain.write_articles(first + second)
        assert snapshot(store) == snapshot(plain)


def test_a_removal_forgets_what_was_written_so_removed_facts_are_written_again(tmp_path: Path) -> None:
    """The person only e0 supports loses its facts when e0 goes; e0 loaded again must bring them back,
    though this writer wrote those very lines before."""
    [write] = list(map(_named, _batch("1")))[:1]
    with EmbeddedStore(tmp_path / "a", base_iri=BASE) as store, \
            EmbeddedStore(tmp_path / "b", base_iri=BASE) as plain:
        store.write_articles([encode_article(write, BASE)])
        plain.write_articles([write])
        before = snapshot(store)
        assert store.remove_article("e0") and plain.remove_article("e0")
        assert len(store._written) == 0
        store.write_articles([encode_article(write, BASE)])
        plain.write_articles([write])
        assert snapshot(store) == snapshot(plain) == before
