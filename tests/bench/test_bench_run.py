"""Smoke run of the benchmark runner at N = 200: it works and its JSON output parses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.asgi import AsgiClient
from bench.run import percentile, render, summarise_ms, time_pairs

ROOT = Path(__file__).resolve().parents[2]


def test_percentile_and_summary() -> None:
    assert percentile([5, 1, 4, 2, 3], 0.5) == 3
    assert percentile(list(range(1, 101)), 0.95) == 95
    stats = summarise_ms([0.001] * 19 + [0.1])
    assert stats["median_ms"] == 1.0 and stats["p95_ms"] == 1.0 and stats["max_ms"] == 100.0


def test_time_pairs_alternates_the_two_calls_and_keeps_warm_up_out() -> None:
    order: list[tuple[str, int]] = []
    first, second = time_pairs(lambda p: order.append(("a", p)), lambda p: order.append(("b", p)), [1, 2, 3],
                               runs=4, warmup=2)
    assert order == [("a", 1), ("b", 1), ("a", 2), ("b", 2),  # warm-up
                     ("a", 1), ("b", 1), ("a", 2), ("b", 2), ("a", 3), ("b", 3), ("a", 1), ("b", 1)]
    assert first["runs"] == second["runs"] == 4


def test_asgi_client_doctest() -> None:
    import doctest

    import bench.asgi

    result = doctest.testmod(bench.asgi)
    assert result.attempted > 0 and result.failed == 0


def test_asgi_client_sends_the_query_string_and_accept_header() -> None:
    seen: list[dict[str, object]] = []

    async def app(scope: dict, receive: object, send: object) -> None:  # type: ignore[type-arg]
        seen.append(scope)
        await send({"type": "http.response.start", "status": 201, "headers": []})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b"abc", "more_body": True})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b"de"})  # type: ignore[operator]

    with AsgiClient(app) as client:
        assert client.get("/sparql?x=1", params={"query": "SELECT * { ?s ?p ?o }"}, accept="text/csv") == (201, 5)
    scope = seen[0]
    assert scope["path"] == "/sparql" and scope["method"] == "GET"
    assert scope["query_string"] == b"x=1&query=SELECT+%2A+%7B+%3Fs+%3Fp+%3Fo+%7D"
    assert (b"accept", b"text/csv") in scope["headers"]  # type: ignore[operator]


def test_smoke_run_at_200_articles(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "run", "--n", "200", "--ingest-modes", "unvalidated",
         "--runs", "3", "--warmup", "1", "--duration", "1", "--connections", "4", "--budget", "5", "--settle", "0.5",
         "--only-queries", "official_timeline,province,bloc_leadership",
         "--alternatives", "oxigraph-server", "--work", str(tmp_path / "work"), "--json", str(out), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads(out.read_text("utf-8"))
    assert data["config"]["n"] == 200
    sections = data["sections"]
    assert sections["generate"]["status"] == "ok" and sections["generate"]["articles"] == 200
    ingest = sections["ingest"]
    assert ingest["status"] == "ok", ingest
    run = ingest["without_validation"]
    assert run["loaded"] == 200 and run["failed"] == 0
    assert run["quads"] > 200 * 50 and run["store_bytes"] > 0 and run["peak_rss_mb"] > 0
    for name, section in sections.items():
        # Every section either ran or says why it did not; none broke.
        assert section["status"] in ("ok", "skipped"), (name, section)
        if section["status"] == "skipped":
            assert section["reason"]
    for query, stats in (sections.get("queries", {}).get("queries") or {}).items():
        assert "median_ms" in stats, (query, stats)
        assert stats["median_ms"] <= stats["p95_ms"] <= stats["max_ms"]
    api = sections["api"]
    assert api["status"] == "ok" and 0 < api["floor_ms"] < 50
    assert api["hub_index_s"] is not None  # /path was timed over the people-hub graph in memory
    assert api["listing_orders_s"] is not None  # the unfiltered listings were paged from their orders
    assert api["memory_graphs_s"] is not None  # the pages' queries ran on the graphs copied into memory
    load = sections["load"]
    assert load["status"] == "ok" and load["settle_s"] == 0.5 and load["start_to_first_answer_s"] > 0
    for route, stats in api["routes"].items():
        assert stats.get("statuses") == [200], (route, stats)  # every route answered, none failed
    for name, over in api["sparql_overhead"].items():
        assert over["statuses"] == [200] and over["sparql_median_ms"] > 0, name
    alternatives = sections.get("alternatives", {})
    if alternatives.get("status") == "ok":
        server = alternatives["backends"]["oxigraph-server"]
        assert server["status"] == "ok", server
        for query, stats in server["queries"].items():
            # The same query with the same parameters finds the same number of rows on the server.
            assert stats["rows_last"] == sections["queries"]["queries"][query]["rows_last"], query
    assert "Ingest" in proc.stdout and "| without validation | 200" in proc.stdout
    assert render(data) == proc.stdout.rstrip("\n") + "\n"
