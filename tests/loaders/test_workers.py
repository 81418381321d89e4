"""Preparing articles in worker processes: the same store, summary and errors as in one process."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from pathlib import Path

import pytest
from vnkg.graph.embedded import EmbeddedStore
from vnkg.loaders.errors import DanglingReferenceError, FactsSchemaError, LoadError, ShapeViolationError
from vnkg.loaders.overrides import Overrides
from vnkg.loaders.pipeline import Loader, iter_paths
from vnkg.loaders.workers import CHUNK, DEPTH, WorkerError, prepare_in_workers

from tests.graph.articles import snapshot

from .conftest import BASE, CORPUS, gold_files


def _items_with_trouble() -> list:
    """The corpus, an article twice (changed the second time), a document the schema refuses."""
    items = list(iter_paths([CORPUS]))
    source, doc = items[0]
    changed = copy.deepcopy(doc)
    changed["article"]["title"] = "Tiêu đề đã sửa"
    broken = {"schema": "facts/1", "article": {"id": "a-broken", "published": "yesterday"}}
    return [*items, (f"{source} (again)", changed), ("broken.facts.json", broken)]


@pytest.mark.parametrize("error", [
    LoadError("x.facts.json", "why"), FactsSchemaError("x.facts.json", "/article/id: bad"),
    DanglingReferenceError("y", "p9"), ShapeViolationError("z", "does not conform")])
def test_load_errors_travel_between_processes(error: LoadError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert (back.source, back.message, str(back)) == (error.source, error.message, str(error))


def test_two_workers_give_the_store_and_summary_of_one_process(tmp_path: Path) -> None:
    items = _items_with_trouble()
    results = {}
    for workers in (1, 2):
        with EmbeddedStore(tmp_path / f"w{workers}", base_iri=BASE) as store:
            summary = Loader(store, workers=workers, batch_size=4).load(items)
            results[workers] = (summary.loaded, summary.unchanged, [str(e) for e in summary.failed],
                                snapshot(store))
    assert results[2] == results[1]
    loaded, _, failed, _ = results[2]
    assert loaded == len(gold_files()) + 1  # the changed copy comes in a later batch: stored again
    assert len(failed) == 1 and "broken.facts.json" in failed[0] and "/article/published" in failed[0]


def test_rerunning_with_workers_finds_everything_unchanged(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as store:
        first = Loader(store, workers=2).load_paths([CORPUS])
        before = snapshot(store)
        again = Loader(store, workers=2).load_paths([CORPUS])
        assert (first.loaded, again.loaded, again.unchanged) == (len(gold_files()), 0, len(gold_files()))
        assert snapshot(store) == before


def test_a_changed_article_is_replaced_through_the_workers(tmp_path: Path) -> None:
    path = gold_files()[0]
    doc = json.loads(path.read_text("utf-8"))
    changed = copy.deepcopy(doc)
    changed["people"][0]["name"] = "Đặng Thị Ngọc Thanh"
    changed["people"][0]["positions"] = changed["people"][0]["positions"][:1]
    with EmbeddedStore(tmp_path / "a", base_iri=BASE) as via_workers, \
            EmbeddedStore(tmp_path / "b", base_iri=BASE) as direct:
        assert Loader(via_workers, workers=2).load([(str(path), doc)]).loaded == 1
        assert Loader(via_workers, workers=2).load([(str(path), changed)]).loaded == 1
        assert Loader(direct).load([(str(path), changed)]).loaded == 1
        assert snapshot(via_workers) == snapshot(direct)


@pytest.mark.parametrize(("threshold", "compacted"), [(3, True), (1000, False)])
def test_a_large_load_ends_by_compacting_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    threshold: int, compacted: bool) -> None:
    import vnkg.loaders.pipeline as pipeline

    calls: list[int] = []
    monkeypatch.setattr(pipeline, "OPTIMIZE_FROM", threshold)
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as store:
        monkeypatch.setattr(store, "optimize", lambda: calls.append(1))
        Loader(store).load_paths([CORPUS])
    assert bool(calls) is compacted


class ExplodingOverrides(Overrides):
    """Overrides whose every lookup fails: a bug inside a worker, not a bad document."""

    def canonical(self, path: str) -> str:
        raise RuntimeError("boom in canonical")


def _many_items(copies: int) -> list:
    """The corpus several times over, each copy's articles with ids of their own."""
    items = []
    for n in range(copies):
        for source, doc in iter_paths([CORPUS]):
            if isinstance(doc, dict):
                doc = copy.deepcopy(doc)
                doc["article"]["id"] = f"{doc['article']['id']}-{n}"
            items.append((f"{source}#{n}", doc))
    return items


def test_answers_come_back_in_the_order_of_the_documents() -> None:
    items = _many_items(5)
    assert len(items) > 2 * CHUNK * DEPTH * 2  # more chunks than may be in flight at once
    answers = list(prepare_in_workers(items, BASE, None, True, 2))
    assert [source for source, _ in answers] == [source for source, _ in items]
    assert [a.article_id for _, a in answers if not isinstance(a, LoadError)] == \
        [doc["article"]["id"] for _, doc in items if isinstance(doc, dict)]


def test_a_bug_in_a_worker_is_raised_with_its_traceback() -> None:
    with pytest.raises(WorkerError, match="boom in canonical"):
        list(prepare_in_workers(_many_items(1), BASE, ExplodingOverrides(), True, 2))


def test_a_worker_that_dies_is_reported_not_waited_for() -> None:
    with pytest.raises(WorkerError, match=r"died .*\(exit code 1\)"):
        list(prepare_in_workers(_many_items(1), "http://x.example/no-slash", None, True, 2))


def test_a_document_that_cannot_be_sent_fails_in_the_loading_process() -> None:
    items = [("bad.facts.json", {"schema": "facts/1", "article": {"id": "a-1"}, "x": lambda: None})]
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        list(prepare_in_workers(items, BASE, None, True, 2))


def test_a_worker_killed_in_the_middle_of_a_load_ends_it_with_an_error() -> None:
    import os
    import signal

    answers = prepare_in_workers(_many_items(5), BASE, None, True, 2)
    next(answers)  # both workers are running and have chunks in hand
    victims = [p for p in multiprocessing.active_children() if p.name == "vnkg-prepare-1"]
    assert len(victims) == 1
    os.kill(victims[0].pid, signal.SIGKILL)
    with pytest.raises(WorkerError, match=r"vnkg-prepare-1 died .*\(exit code -9\)"):
        list(answers)
