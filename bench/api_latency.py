"""REST API latency on an existing store: ``python -m bench.api_latency --store DIR``.

Times the JSON endpoints of the API in process (Starlette's TestClient on the ASGI app, so no
network) with parameters drawn from the store with a fixed seed (`bench.run.Params`): median,
p95 and max over ``--runs`` calls after ``--warmup`` calls, each route with its own budget. The
store is opened read-only, so it can be a store another process is not writing.

The routes are the ones the latency targets name (an official's timeline, a bloc, a province's
page, connections, ``/path``, search by name, awards by year or province) and the listings.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from bench.run import Params, time_calls

__all__ = ["main", "routes"]


def routes(params: Params, count: int) -> dict[str, list[str]]:
    """Concrete URLs per route label, ``count`` each (fewer when the store has fewer values)."""
    pools = params.pools

    def pick(kind: str, index: int, shift: int = 0) -> str:
        pool = pools.get(kind) or []
        return pool[(index + shift) % len(pool)] if pool else ""

    def many(make: Any) -> list[str]:
        return [make(i) for i in range(count)]

    q = quote
    return {
        "official (timeline)": many(lambda i: f"/officials/{q(pick('person', i))}"),
        "official connections": many(lambda i: f"/officials/{q(pick('person', i))}/connections"),
        "officials search": many(lambda i: "/officials?" + urlencode({"q": pick("search", i)})),
        "bloc": many(lambda i: f"/blocs/{q(pick('bloc', i))}"),
        "blocs list": many(lambda i: "/blocs"),
        "province page": many(lambda i: f"/provinces/{q(pick('province', i))}"),
        "provinces list": many(lambda i: "/provinces"),
        "awards by year": many(lambda i: "/awards?" + urlencode({"year": pick("year", i)})),
        "awards by province": many(lambda i: "/awards?" + urlencode({"province": pick("province", i)})),
        "awards (all)": many(lambda i: "/awards"),
        "conferences list": many(lambda i: "/conferences"),
        "conference": many(lambda i: f"/conferences/{q(pick('event', i), safe='/')}"),
        "path": many(lambda i: "/path?" + urlencode({"from": pick("person", i), "to": pick("person", i, 7)})),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.api_latency", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True, help="directory of an embedded store")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds at most per route")
    parser.add_argument("--only", default="", help="comma-separated substrings of route labels to time")
    parser.add_argument("--json", dest="json_path", help="also write the figures here as JSON")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient
    from vnkg.api.app import create_app
    from vnkg.graph import open_store

    from vnkg.settings import Settings

    settings = Settings(store=args.store)
    store = open_store(settings, read_only=True)
    results: dict[str, Any] = {}
    try:
        params = Params.from_store(store, args.seed)
        app = create_app(settings, store=store)
        wanted = [w for w in args.only.split(",") if w]
        with TestClient(app, base_url="http://bench") as client:
            print(f"{'route':24} {'median ms':>10} {'p95 ms':>10} {'max ms':>10} {'runs':>5}  statuses", flush=True)
            for label, urls in routes(params, args.runs).items():
                if wanted and not any(w in label for w in wanted):
                    continue
                statuses: list[int] = []

                def call(url: str, statuses: list[int] = statuses) -> None:
                    statuses.append(client.get(url, headers={"accept": "application/json"}).status_code)

                began = time.perf_counter()
                stats = time_calls(call, urls, args.runs, args.warmup, args.budget)
                stats["statuses"] = sorted(set(statuses))
                stats["seconds"] = round(time.perf_counter() - began, 1)
                results[label] = stats
                print(f"{label:24} {stats['median_ms']:>10.1f} {stats['p95_ms']:>10.1f} {stats['max_ms']:>10.1f} "
                      f"{stats['runs']:>5}  {stats['statuses']}{' (budget hit)' if stats.get('budget_hit') else ''}",
                      flush=True)
    finally:
        store.close()
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
