"""A `kill -9` in the middle of `vnkg load` leaves every committed article whole and no part of the
one in flight; running the command again completes the batch, to the same store as a clean load."""

from __future__ import annotations

import copy
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from vnkg.graph.embedded import EmbeddedStore

from .conftest import BASE, CORPUS

N_ARTICLES = 200
BATCH = 64
"""Articles a batch: small enough that the kill lands between two of them."""


def _write_batch(folder: Path) -> None:
    seed = json.loads((CORPUS / "seeds" / "001_a8b3c08234c141ac.facts.json").read_text("utf-8"))
    folder.mkdir()
    for n in range(N_ARTICLES):
        doc = copy.deepcopy(seed)
        doc["article"]["id"] = f"a-kill{n:05d}"
        doc["people"][0]["name"] = f"Nguyễn Văn Thử {n}"
        (folder / f"{n:05d}.facts.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")


def _load(folder: Path, store: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "vnkg.cli", "load", str(folder), "--store", str(store), "--quiet",
               "--batch-size", str(BATCH)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "VNKG_BASE_IRI": BASE})


def _dump(path: Path) -> set[str]:
    with EmbeddedStore(path, base_iri=BASE, read_only=True) as store:
        out = io.BytesIO()
        store.export(out, "nquads")
    return set(out.getvalue().decode("utf-8").splitlines())


def _by_graph(quads: set[str]) -> dict[str, set[str]]:
    graphs: dict[str, set[str]] = {}
    for quad in quads:
        graph = quad.rsplit(" ", 2)[-2]
        graphs.setdefault(graph, set()).add(quad)
    return graphs


def test_kill_during_load_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    _write_batch(folder)
    clean = tmp_path / "clean"
    assert _load(folder, clean).wait(timeout=600) == 0
    expected = _by_graph(_dump(clean))

    store = tmp_path / "killed"
    process = _load(folder, store)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:  # wait until some, but not all, articles are committed
        time.sleep(0.2)
        if store.exists() and any(store.iterdir()):
            try:
                count = len([g for g in _by_graph(_dump(store)) if "/graph/article/" in g])
            except Exception:  # the writer may be mid-flush of RocksDB files
                continue
            if count >= BATCH:
                break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    partial = _by_graph(_dump(store))
    articles = [g for g in partial if "/graph/article/" in g]
    assert 0 < len(articles) < N_ARTICLES, "the kill should land mid-batch"
    for graph in articles:
        assert partial[graph] == expected[graph], f"{graph} is not whole"

    assert _load(folder, store).wait(timeout=600) == 0
    assert _by_graph(_dump(store)) == expected
