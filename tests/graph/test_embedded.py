"""What only the embedded store does: the writer lock, read-only opening, persistence, a real
``kill -9`` in the middle of a batch, and its doctests."""

from __future__ import annotations

import doctest
import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Literal
from vnkg.graph import factory
from vnkg.graph.embedded import EmbeddedStore
from vnkg.graph.errors import ReadOnlyStore, StoreLocked
from vnkg.graph.remote import RemoteStore

from vnkg.settings import Settings

from .articles import BASE, article, snapshot
from .kill_writer import batch

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_writer_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", base_iri=BASE):
        with pytest.raises(StoreLocked, match="open for writing"):
            EmbeddedStore(tmp_path / "s", base_iri=BASE)
        code = ("import sys; from vnkg.graph.embedded import EmbeddedStore; from vnkg.graph.errors import "
                "StoreLocked\ntry:\n    EmbeddedStore(sys.argv[1])\nexcept StoreLocked:\n    sys.exit(3)")
        other = subprocess.run([sys.executable, "-c", code, str(tmp_path / "s")], check=False)
        assert other.returncode == 3
    EmbeddedStore(tmp_path / "s", base_iri=BASE).close()  # free again once closed


def test_data_persists_and_a_reader_opens_beside_the_writer(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as store:
        store.write_articles([article("d1", {"person/an": "An"})])
        with EmbeddedStore(tmp_path / "s", base_iri=BASE, read_only=True) as reader:
            assert reader.article_ids() == ["d1"]
            with pytest.raises(ReadOnlyStore):
                reader.write_articles([article("d2", {"person/an": "An"})])
            with pytest.raises(ReadOnlyStore):
                reader.update("CLEAR ALL")
            store.write_articles([article("d2", {"person/an": "An"})])
            reader.refresh()
            assert reader.article_ids() == ["d1", "d2"]
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as store:
        assert store.article_ids() == ["d1", "d2"]
        assert store.select("SELECT ?l WHERE { ?s ?p ?l }", {"p": Literal("x")}) == []


def test_read_only_on_an_empty_directory_gives_an_empty_store(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "new", base_iri=BASE, read_only=True) as reader:
        assert reader.article_ids() == [] and reader.count_quads() == 0


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    store = factory.open_store(Settings(store=tmp_path / "s", base_iri=BASE))
    assert isinstance(store, EmbeddedStore) and store.base_iri == BASE
    store.close()
    remote = factory.open_store(Settings(sparql_query_url="http://127.0.0.1:9/query", base_iri=BASE),
                                read_only=True)
    assert isinstance(remote, RemoteStore) and remote.read_only
    remote.close()


@pytest.mark.parametrize("module", ["base", "errors", "updates", "results", "terms", "embedded", "factory", "threads",
                                    "written"])
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"vnkg.graph.{module}"))
    assert result.failed == 0
    assert result.attempted > 0


def _article_state(store: EmbeddedStore, n: int, version: str) -> dict[str, str]:
    """Per article: 'complete' (all its quads, at this version), 'absent' (none), else 'partial'."""
    graphs = snapshot(store)
    expected = {w.article_id: w for w in batch(n, version)}
    people = {str(s) for s, p, o in (t for t in store.select(
        "SELECT ?s ?p ?o WHERE { GRAPH <https://w3id.org/vnkg/id/graph/facts> { ?s ?p ?o } }") for t in [
        (t["s"], t["p"], t["o"])])}
    states = {}
    for article_id, write in expected.items():
        graph = graphs.get(str(write.graph), frozenset())
        own = {str(s) for s, _, _ in write.fact_triples if not str(s).endswith("/shared")}
        headline_ok = any(str(o) == f"Tin {article_id[1:].lstrip('0') or '0'} v{version}" for _, _, o in graph)
        if len(graph) == len(write.article_triples) and own <= people and headline_ok:
            states[article_id] = "complete"
        elif not graph and not (own & people):
            states[article_id] = "absent"
        else:
            states[article_id] = "partial"
    return states


@pytest.mark.slow
def test_kill_9_mid_batch_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    path, n = tmp_path / "s", 800  # large enough that the kill lands mid-batch on a busy machine
    command = [sys.executable, "-m", "tests.graph.kill_writer", str(path), str(n), "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT, env=env)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"writing"
    # wait until some (not all) articles are in, then kill
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)
        try:  # a read-only peek at a store another process writes may meet a file the writer just merged away
            with EmbeddedStore(path, base_iri=BASE, read_only=True) as peek:
                if len(peek.article_ids()) >= 20:
                    break
        except OSError:
            continue
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    with EmbeddedStore(path, base_iri=BASE) as store:
        states = _article_state(store, n, "1")
        assert "partial" not in states.values()
        committed = sum(s == "complete" for s in states.values())
        assert 20 <= committed < n, committed
    # rerun: completes the batch, the same as a clean load
    subprocess.run(command, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    with EmbeddedStore(path, base_iri=BASE) as store, EmbeddedStore(tmp_path / "clean", base_iri=BASE) as clean:
        assert set(_article_state(store, n, "1").values()) == {"complete"}
        clean.write_articles(batch(n, "1"))
        assert snapshot(store) == snapshot(clean)
        assert store.count_quads() == clean.count_quads()


@pytest.mark.slow
def test_kill_9_while_replacing_leaves_each_article_old_or_new(tmp_path: Path) -> None:
    path, n = tmp_path / "s", 200
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with EmbeddedStore(path, base_iri=BASE) as store:
        store.write_articles(batch(n, "1"))
    command = [sys.executable, "-m", "tests.graph.kill_writer", str(path), str(n), "2"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT, env=env)
    assert child.stdout is not None and child.stdout.readline().strip() == b"writing"
    time.sleep(0.5)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with EmbeddedStore(path, base_iri=BASE) as store:
        old, new = _article_state(store, n, "1"), _article_state(store, n, "2")
        for article_id in old:
            assert (old[article_id], new[article_id]) in {("complete", "partial"), ("partial", "complete")}, \
                article_id
        # every person carries exactly the label of the version its article is at
        rows = store.select("SELECT ?s ?l WHERE { GRAPH <https://w3id.org/vnkg/id/graph/facts> "
                            "{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
        labels: dict[str, set[str]] = {}
        for row in rows:
            labels.setdefault(str(row["s"]), set()).add(str(row["l"]))
        for i in range(n):
            version = "1" if old[f"k{i:05d}"] == "complete" else "2"
            assert labels[f"{BASE}person/k{i}-0"] == {f"Người 0 v{version}"}
        replaced = sum(v == "complete" for v in new.values())
    assert 0 < replaced < n, f"the kill landed outside the batch ({replaced} replaced)"


def test_a_read_only_store_reopens_when_a_writer_removed_its_files(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as writer:
        writer.write_articles([article("d1", {"person/an": "An"})])
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("IO error: No such file or directory: While open a file for random read: 000099.sst")
        return "read"

    with EmbeddedStore(tmp_path / "s", base_iri=BASE, read_only=True) as reader:
        before = reader.oxigraph
        assert reader._reading(flaky) == "read"
        assert len(calls) == 2 and reader.oxigraph is not before  # reopened, then read again
        assert reader.article_ids() == ["d1"]
    with EmbeddedStore(tmp_path / "s", base_iri=BASE) as writable:
        calls.clear()
        with pytest.raises(OSError, match="No such file"):
            writable._reading(flaky)  # a writer's own files do not vanish: no retry hides that
