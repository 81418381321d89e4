"""The load path end to end on the embedded store: the corpus loads and conforms, loading is
idempotent, bad input is reported and skipped without touching what is stored, reloading and
removing an article update exactly the facts it supports."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

from rdflib import URIRef
from vnkg.graph.base import GraphStore, facts_graph_iri
from vnkg.loaders.checks import store_stats, validate_store
from vnkg.loaders.errors import LoadError
from vnkg.loaders.pipeline import Loader, iter_paths
from vnkg.loaders.resolve import Minter

from vnkg.namespaces import VNKG

from .conftest import BASE, CORPUS

SEED0 = CORPUS / "seeds" / "000_2967314416b636a6.facts.json"


def _quads(store: GraphStore) -> set[str]:
    buffer = io.BytesIO()
    store.export(buffer, "nquads")
    return set(buffer.getvalue().decode("utf-8").splitlines())


def _doc(path: Path = SEED0) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))


def test_the_corpus_loads_and_the_store_conforms(store: GraphStore) -> None:
    summary = Loader(store).load_paths([CORPUS])
    assert summary.ok, [str(f) for f in summary.failed]
    assert summary.loaded == 26
    assert validate_store(store) == []
    figures = store_stats(store)
    golds = [json.loads(p.read_text("utf-8")) for p in sorted(CORPUS.rglob("*.facts.json"))]
    assert figures["articles"] == 26
    # every award, bloc role and bloc member the gold states is a distinct fact in this corpus
    assert figures["awards"] == sum(len(d.get("awards") or []) for d in golds)
    assert figures["leaderships"] == sum(len(d.get("bloc_roles") or []) for d in golds)
    minter = Minter(BASE)  # two articles state the same membership of the five municipalities in 2018
    memberships = {(minter.bloc(b["name"], b.get("kind")).path, m, b.get("year"))
                   for d in golds for b in d.get("blocs") or [] for m in b.get("members") or []}
    assert figures["memberships"] == len(memberships) == 144
    assert 0 < figures["people"] <= sum(len(d.get("people") or []) for d in golds)


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    Loader(store).load_paths([CORPUS])
    before = _quads(store)
    again = Loader(store).load_paths([CORPUS])
    assert (again.loaded, again.unchanged) == (0, 26)
    assert _quads(store) == before


def test_a_bad_article_is_reported_and_the_rest_of_the_batch_goes_on(store: GraphStore, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = _doc()
    (folder / "a-good.facts.json").write_text(json.dumps(good, ensure_ascii=False), "utf-8")
    (folder / "b-broken.facts.json").write_text("{", "utf-8")
    unknown = copy.deepcopy(good)
    unknown["article"]["id"] = "a-unknown"
    unknown["events"][0]["location"] = "Atlantis"
    (folder / "c-unknown.facts.json").write_text(json.dumps(unknown, ensure_ascii=False), "utf-8")
    summary = Loader(store).load_paths([folder])
    assert summary.loaded == 1
    kinds = sorted(f.kind for f in summary.failed)
    assert kinds == ["province", "syntax"]
    assert store.article_ids() == [good["article"]["id"]]


def test_a_shape_violation_stores_nothing(store: GraphStore) -> None:
    Loader(store).load_paths([SEED0])
    before = _quads(store)
    doc = _doc()
    doc["bloc_roles"].append({"bloc": "b1", "province": "Phú Thọ", "role": "leader", "year": 2023})
    summary = Loader(store).load([("two-leaders.json", doc)])
    assert summary.loaded == 0
    assert [f.kind for f in summary.failed] == ["shacl"]
    assert "two-leaders.json" in str(summary.failed[0])
    assert _quads(store) == before


def test_reloading_an_article_updates_exactly_its_facts(store: GraphStore) -> None:
    Loader(store).load_paths([CORPUS])
    doc = _doc()
    doc["bloc_roles"] = [r for r in doc["bloc_roles"] if r["province"] != "Tuyên Quang"]
    doc["people"][1]["name"] = "Lương Quốc Đoàn"
    Loader(store).load([("edited", doc)])
    deputy = store.ask("ASK { ?l <http://www.w3.org/ns/org#member> ?p ; <http://www.w3.org/ns/org#role> ?r }",
                       {"p": URIRef(f"{BASE}province/tuyen-quang"), "r": VNKG.blocDeputy})
    assert not deputy
    # the other articles' facts are all still there
    assert validate_store(store) == []


def test_removing_articles_removes_only_unsupported_facts(store: GraphStore, tmp_path: Path) -> None:
    doc = _doc()
    twin = copy.deepcopy(doc)
    twin["article"]["id"] = "a-twin"
    twin["people"][0]["name"] = "Nguyễn Đăng Bình"
    Loader(store).load([("one", doc), ("two", twin)])
    facts = facts_graph_iri(BASE)
    with_both = store.count_quads(str(facts))
    assert store.remove_article(doc["article"]["id"])
    assert store.count_quads(str(facts)) == with_both  # every fact is still supported by the twin
    assert store.remove_article("a-twin")
    assert store.count_quads(str(facts)) == 0


def test_read_errors_are_items_not_exceptions(tmp_path: Path) -> None:
    path = tmp_path / "x.facts.json"
    path.write_text("[", "utf-8")
    [(source, item)] = list(iter_paths([path]))
    assert source == str(path)
    assert isinstance(item, LoadError) and item.kind == "syntax"


def test_documents_are_checked_once_where_they_are_prepared(tmp_path: Path, store: GraphStore) -> None:
    path = tmp_path / "x.facts.json"
    path.write_text("[]", "utf-8")
    [(_, item)] = list(iter_paths([path]))
    assert item == []  # read and parsed only: the check runs in `prepare`, in the workers
    summary = Loader(store).load_paths([path])
    [error] = summary.failed
    assert error.kind == "schema" and error.source == str(path)
    assert summary.loaded == 0


def test_batches_start_small_and_double_up_to_the_batch_size(tmp_path: Path, monkeypatch: Any) -> None:
    from vnkg.graph.embedded import EmbeddedStore
    from vnkg.loaders import pipeline

    monkeypatch.setattr(pipeline, "FIRST_BATCH", 2)
    items = list(iter_paths([CORPUS]))
    written: list[int] = []
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as store:
        write = store.write_articles
        monkeypatch.setattr(store, "write_articles", lambda writes: (written.append(len(writes)), write(writes)))
        loader = Loader(store, batch_size=8)
        summary = loader.load(items)
        assert summary.loaded == len(items) == sum(written)
        assert written[:4] == [2, 4, 8, 8] and max(written) == 8
        for article_id in store.article_ids():
            store.remove_article(article_id)
        written.clear()
        loader.load(items[:5])  # a new load starts small again
        assert written == [2, 3]
