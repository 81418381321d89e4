"""The benchmark runner: ``python -m bench run --n 1000 [--json FILE]``.

Sections, each through vnkg's own code, each skipping itself (with the reason, printed and in
the JSON) when the piece it measures is not there:

- ``generate``: the synthetic documents per second (bench/generate.py);
- ``ingest``: facts -> RDF -> SHACL -> store with and without validation, in a child process each
  (articles/s, peak RSS, quads, store size on disk);
- ``queries``: every named query (``queries/*.rq``) on the embedded store with parameters drawn
  from the loaded data, median and p95 over ``--runs`` runs after warm-up;
- ``api``: every GET endpoint of the REST API in process (httpx on the ASGI app), the time from
  starting ``vnkg serve`` to its first answer, and a fixed-duration load run on 127.0.0.1
  (``wrk`` when installed, else a bounded async httpx client);
- ``alternatives``: the same queries with the same parameters on rdflib's in-memory dataset, an
  Oxigraph server and Virtuoso open source 7, each loaded from an N-Quads export of the store,
  reported as ratios to the embedded store.

Every server started here listens on 127.0.0.1 and is stopped before the runner returns.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib
import json
import math
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("generate", "ingest", "queries", "api", "load", "alternatives")
ALTERNATIVES = ("rdflib", "oxigraph-server", "virtuoso")


# ---------------------------------------------------------------------------------------------
# Small helpers


class Skip(Exception):  # noqa: N818 (a control-flow signal, not an error)
    """A section cannot run; the message says why."""


def percentile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) by the nearest-rank method."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def summarise_ms(seconds: Sequence[float]) -> dict[str, float | int]:
    """Median, p95, min and max of durations, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {"runs": len(ms), "median_ms": round(statistics.median(ms), 3),
            "p95_ms": round(percentile(ms, 0.95), 3), "min_ms": round(min(ms), 3),
            "max_ms": round(max(ms), 3)}


def time_calls(call: Callable[[Any], Any], params: Sequence[Any], runs: int, warmup: int,
               budget: float = math.inf) -> dict[str, Any]:
    """Time ``call(p)`` for ``runs`` parameters (cycling through ``params``) after ``warmup`` calls.

    A slow call must not stall the whole benchmark: warm-up stops once it has used half of
    ``budget`` seconds and the timed runs once they have used all of it (at least one timed run
    is always made); ``budget_hit`` then says the figures rest on fewer runs.
    """
    began = time.perf_counter()
    for index in range(warmup):
        call(params[index % len(params)])
        if time.perf_counter() - began > budget / 2:
            break
    durations: list[float] = []
    began = time.perf_counter()
    for index in range(runs):
        param = params[index % len(params)]
        start = time.perf_counter()
        call(param)
        durations.append(time.perf_counter() - start)
        if time.perf_counter() - began > budget:
            break
    stats: dict[str, Any] = summarise_ms(durations)
    if len(durations) < runs:
        stats["budget_hit"] = True
    return stats


def time_pairs(first: Callable[[Any], Any], second: Callable[[Any], Any], params: Sequence[Any], runs: int,
               warmup: int, budget: float = math.inf) -> tuple[dict[str, Any], dict[str, Any]]:
    """`time_calls` of two calls taking turns on the same parameter (``first`` then ``second``), so
    that whatever else the machine is doing weighs on both alike; the statistics of each."""
    timed: tuple[list[float], list[float]] = ([], [])

    def both(param: Any) -> None:
        for call, durations in ((first, timed[0]), (second, timed[1])):
            start = time.perf_counter()
            call(param)
            durations.append(time.perf_counter() - start)

    timed_runs = time_calls(both, params, runs, warmup, budget)["runs"]  # the last ones; warm-up before them
    return summarise_ms(timed[0][-timed_runs:]), summarise_ms(timed[1][-timed_runs:])


def dir_size(path: Path) -> int:
    """Bytes of the files under a directory."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def peak_rss_mb() -> float:
    """This process's peak resident set size in MiB."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def peak_rss_children_mb() -> float:
    """The largest peak resident set size of this process's finished children, in MiB."""
    import resource

    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def proc_rss_mb(pid: int) -> dict[str, float] | None:
    """Current and peak RSS (MiB) of another process, from /proc (Linux)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    values = dict(re.findall(r"^(VmRSS|VmHWM):\s+(\d+) kB", text, re.MULTILINE))
    return {key: round(int(v) / 1024, 1) for key, v in values.items()}


def tree_rss_mb(pid: int) -> dict[str, float] | None:
    """Current and peak RSS (MiB) of a process and its children, summed (a server with workers)."""
    pids = [pid]
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            if re.search(rf"^PPid:\s+{pid}$", status.read_text(), re.MULTILINE):
                pids.append(int(status.parent.name))
    figures = [f for f in (proc_rss_mb(p) for p in pids) if f]
    if not figures:
        return None
    total = {key: round(sum(f.get(key, 0.0) for f in figures), 1) for key in ("VmRSS", "VmHWM")}
    return {**total, "processes": len(figures)}


def wait_for(check: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    """Poll ``check`` until it is true or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return True
        time.sleep(interval)
    return False


def machine() -> dict[str, Any]:
    """What the run ran on."""
    cpu = platform.processor()
    with contextlib.suppress(OSError):
        match = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        if match:
            cpu = match.group(1).strip()
    mem = None
    with contextlib.suppress(OSError):
        match = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
        if match:
            mem = round(int(match.group(1)) / 1024 / 1024, 1)
    versions = {}
    for package in ("vnkg", "pyoxigraph", "rdflib", "pyshacl", "fastapi", "uvicorn", "httpx"):
        with contextlib.suppress(Exception):
            from importlib.metadata import version

            versions[package] = version(package)
    commit = None
    with contextlib.suppress(Exception):
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "loadavg_at_report": [round(x, 2) for x in os.getloadavg()],
            "memory_gib": mem, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}", "versions": versions, "commit": commit}


# ---------------------------------------------------------------------------------------------
# Configuration and report


@dataclass
class Config:
    """What to run and how hard."""

    n: int = 1000
    seed: int = 0
    sections: tuple[str, ...] = SECTIONS
    alternatives: tuple[str, ...] = ALTERNATIVES
    work: Path | None = None
    runs: int = 20
    warmup: int = 3
    duration: float = 10.0
    connections: tuple[int, ...] = (8, 32, 64)
    rdflib_max_quads: int = 3_000_000
    evidence: float = 1.0
    budget: float = 60.0
    query_filter: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rdflib_max_ms: float = 500.0
    ingest_modes: tuple[str, ...] = ("validated", "unvalidated")
    ingest_workers: int = 0
    serve_workers: int = 0
    serve_cache_mb: int | None = None
    memory_graphs_mb: int | None = None
    settle: float = 0.0
    keep: bool = False
    quiet: bool = False


@dataclass
class Report:
    """Results by section, printed as tables and dumped as JSON."""

    config: Config
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    machine_at_start: dict[str, Any] = field(default_factory=lambda: machine())

    def log(self, message: str) -> None:
        if not self.config.quiet:
            print(message, file=sys.stderr, flush=True)

    def skip(self, section: str, reason: str) -> None:
        self.sections[section] = {"status": "skipped", "reason": reason}
        self.log(f"[{section}] skipped: {reason}")

    def as_json(self) -> dict[str, Any]:
        cfg = self.config
        end = machine()
        start = dict(self.machine_at_start, loadavg_at_end=end["loadavg_at_report"])
        return {"benchmark": "vnkg", "version": 1, "started": self.started, "machine": start,
                "config": {"n": cfg.n, "seed": cfg.seed, "evidence": cfg.evidence,
                           "ingest_modes": list(cfg.ingest_modes), "ingest_workers": cfg.ingest_workers,
                           "serve_workers": cfg.serve_workers, "serve_cache_mb": cfg.serve_cache_mb,
                           "memory_graphs_mb": cfg.memory_graphs_mb, "settle_s": cfg.settle,
                           "runs": cfg.runs, "warmup": cfg.warmup,
                           "duration_s": cfg.duration, "connections": list(cfg.connections),
                           "sections": list(cfg.sections), "alternatives": list(cfg.alternatives),
                           "budget_s": cfg.budget, "only_queries": list(cfg.query_filter),
                           "exclude": list(cfg.exclude)},
                "sections": self.sections}


# ---------------------------------------------------------------------------------------------
# Sections


def section_generate(cfg: Config, report: Report, work: Path) -> None:
    from bench.generate import generate

    start = time.perf_counter()
    count = sum(1 for _ in generate(cfg.n, cfg.seed, cfg.evidence))
    seconds = time.perf_counter() - start
    report.sections["generate"] = {"status": "ok", "articles": count, "seconds": round(seconds, 3),
                                   "articles_per_s": round(count / seconds, 1)}


def _ingest_child(n: int, seed: int, store: Path, validate: bool, evidence: float,
                  progress_every: int = 0, workers: int = 0) -> dict[str, Any]:
    """Run in a child process: load n generated articles into a fresh embedded store.

    The documents are written to files first (not timed), then loaded from the files the way
    ``vnkg load`` does: reading and parsing the JSON is part of the measured time."""
    from vnkg.graph import open_store
    from vnkg.loaders.documents import find_facts_files
    from vnkg.loaders.pipeline import Loader
    from vnkg.loaders.workers import default_workers

    from bench.generate import write
    from vnkg.settings import Settings

    facts = store.parent / f"{store.name}-facts"
    shutil.rmtree(facts, ignore_errors=True)
    start = time.perf_counter()
    write(n, facts, seed, evidence)
    gen_seconds = time.perf_counter() - start
    files = sorted(find_facts_files([facts]))
    workers = workers or default_workers()

    settings = Settings(store=store)
    graph = open_store(settings)
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        done += count
        if progress_every and done % progress_every == 0:
            spent = time.perf_counter() - start
            print(json.dumps({"articles": done, "seconds": round(spent, 1),
                              "articles_per_s": round(done / spent, 1), "peak_rss_mb": peak_rss_mb()}),
                  file=sys.stderr, flush=True)

    start = time.perf_counter()
    summary = Loader(graph, validate=validate, workers=workers).load_paths(files, progress)
    seconds = time.perf_counter() - start
    quads = graph.count_quads()
    close_start = time.perf_counter()
    graph.close()
    close_seconds = time.perf_counter() - close_start
    shutil.rmtree(facts, ignore_errors=True)
    return {"articles": n, "loaded": summary.loaded, "failed": len(summary.failed),
            "first_failures": [str(e) for e in summary.failed[:3]], "seconds": round(seconds, 3),
            "workers": workers, "generate_seconds": round(gen_seconds, 3),
            "close_seconds": round(close_seconds, 3), "articles_per_s": round(n / seconds, 1),
            "quads": quads, "quads_per_article": round(quads / max(1, n), 1),
            "peak_rss_mb": peak_rss_mb(), "peak_rss_worker_mb": peak_rss_children_mb()}


def _child(args: list[str], timeout: float) -> dict[str, Any]:
    """Run ``python -m bench.run ARGS``; its progress goes to this process's stderr."""
    proc = subprocess.run([sys.executable, "-m", "bench.run", *args], cwd=ROOT, stdout=subprocess.PIPE,
                          text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"child {' '.join(args[:2])} failed ({proc.returncode}); its errors are above")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def section_ingest(cfg: Config, report: Report, work: Path) -> None:
    try:
        import vnkg.graph
        import vnkg.loaders.pipeline  # noqa: F401
        from vnkg.ontology import reference_graph  # noqa: F401
    except ImportError as err:
        raise Skip(f"the load path is not there yet ({err})") from None
    result: dict[str, Any] = {"status": "ok", "evidence": cfg.evidence}
    for index, mode in enumerate(cfg.ingest_modes):
        validate = mode == "validated"
        label = "with_validation" if validate else "without_validation"
        # The first mode's store is the one the other sections query.
        store = work / ("store" if index == 0 else f"store-{mode}")
        shutil.rmtree(store, ignore_errors=True)
        report.log(f"[ingest] {cfg.n} articles, validation {'on' if validate else 'off'} ...")
        args = ["worker-ingest", "--n", str(cfg.n), "--seed", str(cfg.seed), "--store", str(store),
                "--evidence", str(cfg.evidence), "--workers", str(cfg.ingest_workers),
                "--progress-every", str(0 if cfg.quiet else max(500, cfg.n // 20))]
        data = _child([*args, *([] if validate else ["--no-validate"])], timeout=24 * 3600)
        data["store_bytes"] = dir_size(store)
        data["store_mb"] = round(data["store_bytes"] / 1024 / 1024, 1)
        data["queried_store"] = index == 0
        result[label] = data
        if index > 0 and not cfg.keep:
            shutil.rmtree(store, ignore_errors=True)
    report.sections["ingest"] = result


# -- named queries and their parameters ------------------------------------------------------


def discover_queries() -> tuple[list[Any], dict[str, str]]:
    """vnkg's named queries, and the .rq files that do not load (name -> why).

    Uses ``vnkg.queries.load_queries()``; when one file is broken, the others are still parsed
    one by one so that a half-written query does not hide the rest.
    """
    try:
        from vnkg import queries as catalogue
    except ImportError as err:
        raise Skip(f"vnkg.queries is not there yet ({err})") from None
    if not hasattr(catalogue, "load_queries"):
        raise Skip("vnkg.queries has no load_queries() yet")
    try:
        return list(catalogue.load_queries().values()), {}
    except Exception:
        pass
    found, broken = [], {}
    for path in sorted((ROOT / "queries").glob("*.rq")):
        try:
            found.append(catalogue.parse_query_file(path.read_text("utf-8"), path.name))
        except Exception as err:
            broken[path.stem] = f"{type(err).__name__}: {err}"[:300]
    return found, broken


ONT = "https://w3id.org/vnkg/ontology#"
KIND_CLASSES = {
    "person": "<https://schema.org/Person>", "province": f"<{ONT}Province>", "bloc": f"<{ONT}EmulationBloc>",
    "org": "<http://www.w3.org/ns/org#Organization>", "post": "<http://www.w3.org/ns/org#Post>",
    "article": "<https://schema.org/NewsArticle>", "award": f"<{ONT}AwardConferral>",
    "tenure": f"<{ONT}Tenure>",
}


@dataclass
class Params:
    """Realistic raw parameter values (as a client sends them) drawn with a fixed seed from the store."""

    base: str
    pools: dict[str, list[str]]
    rng: random.Random

    @classmethod
    def from_store(cls, store: Any, seed: int, size: int = 60) -> Params:
        rng = random.Random(f"vnkg-bench-params:{seed}")
        base = store.base_iri
        pools: dict[str, list[str]] = {}

        def draw(kind: str, query: str) -> None:
            values = sorted({str(row["x"]) for row in store.select(query) if "x" in row})
            values = [v[len(base) + len(kind) + 1:] for v in values if v.startswith(f"{base}{kind}/")]
            pools[kind] = rng.sample(values, min(size, len(values))) if values else []

        for kind, cls_iri in KIND_CLASSES.items():
            draw(kind, f"SELECT DISTINCT ?x WHERE {{ ?x a {cls_iri} }}")
        draw("event", f"SELECT DISTINCT ?x WHERE {{ ?x <{ONT}bloc> ?b ; <https://schema.org/startDate> ?d }}")
        draw("award-type", f"SELECT DISTINCT ?x WHERE {{ ?a <{ONT}awardType> ?x }}")
        labels = [str(row["x"]) for row in store.select(
            "SELECT ?x WHERE { ?p a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?x }"
            " LIMIT 5000") if "x" in row]
        labels.sort()
        picked = rng.sample(labels, min(size, len(labels))) if labels else []
        # People search by full name, or by the given name alone (many hits).
        pools["search"] = [label if rng.random() < 0.7 else label.split()[-1] for label in picked]
        pools["string"] = pools["search"]
        pools["year"] = [str(y) for y in rng.choices(range(2016, 2026), k=size)]
        pools["award-status"] = rng.choices(["proposed", "conferred"], k=size)
        pools["integer"] = ["10"] * size
        pools["boolean"] = ["true"] * size
        return cls(base, pools, rng)

    def pool(self, param: Any) -> list[str]:
        kind = param.kind if param.kind is not None else param.type
        return self.pools.get(kind) or ([param.example] if param.example else [])

    def value_sets(self, query: Any, count: int, optional: bool) -> list[dict[str, str]]:
        """``count`` sets of raw values: the required parameters (and the optional ones when asked)."""
        sets = []
        for index in range(count):
            values = {}
            for offset, param in enumerate(query.params):
                if not (param.required or optional):
                    continue
                pool = self.pool(param)
                if pool:
                    values[param.name] = pool[(index * 7 + offset * 13) % len(pool)]
            sets.append(values)
        return sets

    def by_name(self, name: str, index: int) -> str | None:
        """A value for a path parameter known only by its name (the REST routes)."""
        low = name.lower()
        for kind in ("person", "province", "bloc", "event", "article", "org", "post", "award-type", "year"):
            if low.startswith(kind.split("-")[0]):
                pool = self.pools.get(kind) or []
                return pool[index % len(pool)] if pool else None
        if low in ("q", "name", "search"):
            pool = self.pools.get("search") or []
            return pool[index % len(pool)] if pool else None
        return None


Prepared = tuple[str, dict[str, Any]]
"""A query's SPARQL text for the given parameters and its bindings (RDF terms)."""


def query_cases(queries: list[Any], params: Params, runs: int) -> list[tuple[str, list[Prepared]]]:
    """(label, prepared runs): each query with its required parameters, and again with every
    optional one where it has any; prepared by vnkg's own ``NamedQuery.run`` (inline VALUES,
    graph names, pagination) once, so every backend runs exactly the same text with the same terms."""
    cases = []
    for query in queries:
        variants = [(query.name, False)]
        if any(not p.required for p in query.params):
            variants.append((f"{query.name} +opt", True))
        for label, optional in variants:
            prepared = []
            for values in params.value_sets(query, runs, optional=optional):
                recorder = _Recorder(params.base)
                query.run(recorder, values, limit=50 if query.paginate else None)
                prepared.append(recorder.seen)
            cases.append((label, prepared))
    return cases


class _Recorder:
    """A stand-in store that records the text and bindings ``NamedQuery.run`` would send."""

    def __init__(self, base_iri: str) -> None:
        self.base_iri = base_iri
        self.seen: Prepared = ("", {})

    def select(self, query: str, bindings: Any = None, timeout: float | None = None, **_: Any) -> list[Any]:
        self.seen = (query, dict(bindings or {}))
        return []


def _open_read_only(work: Path) -> Any:
    from vnkg.graph import open_store

    from vnkg.settings import Settings

    store_dir = work / "store"
    if not (store_dir / "CURRENT").exists():
        raise Skip("no store: the ingest section did not run")
    return open_store(Settings(store=store_dir), read_only=True)


def _chosen(queries: list[Any], cfg: Config) -> list[Any]:
    return [q for q in queries if (not cfg.query_filter or q.name in cfg.query_filter)
            and q.name not in cfg.exclude]


def section_queries(cfg: Config, report: Report, work: Path) -> None:
    queries, broken = discover_queries()
    queries = _chosen(queries, cfg)
    if not queries:
        raise Skip(f"no named query loads yet ({broken})")
    store = _open_read_only(work)
    try:
        params = Params.from_store(store, cfg.seed)
        results: dict[str, Any] = {}
        for label, prepared in query_cases(queries, params, cfg.runs):
            rows = [0]

            def call(run: Prepared, rows: list[int] = rows) -> None:
                rows[0] = len(store.select(run[0], run[1] or None, timeout=cfg.budget))

            try:
                stats = time_calls(call, prepared, cfg.runs, cfg.warmup, cfg.budget)
                stats["rows_last"] = rows[0]
                stats["params"] = sorted(k for k in prepared[0][1] if not k.endswith("Graph"))
            except Exception as err:  # one broken query must not hide the others
                stats = {"error": f"{type(err).__name__}: {err}"[:300]}
            results[label] = stats
            report.log(f"[queries] {label}: {stats.get('median_ms', stats.get('error'))}")
        report.sections["queries"] = {"status": "ok", "store": "embedded (pyoxigraph, RocksDB)",
                                      "queries": results, "broken_files": broken}
    finally:
        store.close()


# -- the API --------------------------------------------------------------------------------


def _seconds_until_done(start_future: Any) -> float | None:
    """Start work a read-only server does in the background (``start_future()`` gives its
    future, or None where there is none) and wait for it, so that the routes are timed as a server
    answers once it is ready. Seconds taken, or None."""
    start = time.perf_counter()
    future = start_future()
    if future is None:
        return None
    future.result()
    return round(time.perf_counter() - start, 1)


def _hub_index_seconds(store: Any) -> float | None:
    """The people-hub graph `/path` searches (read from the first `/path` request)."""
    try:
        from vnkg.api.routes.path import hub_index_future
    except ImportError:
        return None
    return _seconds_until_done(lambda: hub_index_future(store))


def _post_sources_seconds(store: Any) -> float | None:
    """Every post's sources summarised for the official page (from its first request)."""
    try:
        from vnkg.api.post_sources import post_source_index_future
    except ImportError:
        return None
    return _seconds_until_done(lambda: post_source_index_future(store))


def _page_index_seconds(module: str, store: Any, app: Any) -> float | None:
    """Seconds until the rows a page's queries give for every entity of its kind, kept per snapshot
    (from the page's first request) by ``vnkg.api.<module>`` (its ``<module>_future``), are read;
    None for a version without them."""
    try:
        future_of = getattr(importlib.import_module(f"vnkg.api.{module}"), f"{module}_future")
    except (ImportError, AttributeError):
        return None
    return _seconds_until_done(lambda: future_of(store, app.state.settings))


def _listing_orders_seconds(store: Any, app: Any) -> float | None:
    """Read the orders the unfiltered `/awards` and `/conferences` and a province's awards are paged
    from (as a server does in the background from their first request) and wait for them. Seconds
    taken, or None."""
    try:
        from vnkg.api.listings import BY_PROVINCE, LISTINGS, listing_page, province_slice
    except ImportError:
        return None
    if getattr(store, "snapshot", None) is None:
        return None
    start = time.perf_counter()
    waits = [(name, lambda name=name: listing_page(store, app.state.settings, name, 1, 0)) for name in LISTINGS]
    waits += [(f"{name} by province", lambda name=name: province_slice(store, name, "x", 1)) for name in BY_PROVINCE]
    for name, ready in waits:
        while ready() is None:
            if time.perf_counter() - start > 3600:
                raise RuntimeError(f"the order of {name} was not read within an hour")
            time.sleep(0.05)
    return round(time.perf_counter() - start, 1)


def _memory_graphs_seconds(store: Any, app: Any) -> float | None:
    """Copy the facts and reference graphs into memory (as a read-only server does in the
    background from its first query) and wait for the copy. Seconds taken, or None where there is
    none (a store that can change, copies turned off, or graphs too large for the budget)."""
    try:
        from vnkg.api.memory_graphs import memory_graphs_future
    except ImportError:
        return None
    start = time.perf_counter()
    future = memory_graphs_future(store, app.state.settings)
    if future is None or future.result() is None:
        return None
    return round(time.perf_counter() - start, 1)


def _api_app(store: Any, memory_graphs_mb: int | None = None) -> Any:
    try:
        from vnkg.api.app import create_app
    except ImportError as err:
        raise Skip(f"the API is not there yet ({err})") from None
    from vnkg.settings import Settings

    # The response cache stays off in process: each timed call is the work of a first request.
    memory = {} if memory_graphs_mb is None else {"memory_graphs_mb": memory_graphs_mb}
    return create_app(Settings(store=Path("."), response_cache_mb=0, **memory), store=store)


ID_KINDS = {"officials": "person", "blocs": "bloc", "provinces": "province", "conferences": "event"}
QUERY_KINDS = {"from": "person", "to": "person", "source": "person", "target": "person", "person": "person",
               "bloc": "bloc", "province": "province", "event": "event", "q": "search"}
SKIP_PREFIXES = ("/docs", "/redoc", "/openapi", "/static", "/id/", "/data/", "/ontology", "/.well-known",
                 "/dumps", "/sparql")


def api_paths(app: Any, params: Params, count: int) -> dict[str, list[str]]:
    """Concrete GET URLs, with realistic values, for every JSON endpoint in the app's OpenAPI
    document (required parameters only; the listings with their default page)."""
    from urllib.parse import quote

    paths: dict[str, list[str]] = {}
    for path, operations in app.openapi()["paths"].items():
        get = operations.get("get")
        if get is None or path.startswith(SKIP_PREFIXES) or path == "/queries":
            continue
        concrete = []
        for index in range(count):
            url = path
            query: dict[str, str] = {}
            missing = False
            for param in get.get("parameters", []):
                name, where = param["name"], param["in"]
                if where == "path":
                    kind = ID_KINDS.get(path.strip("/").split("/")[0], "person") if name == "id" else None
                    pool = params.pools.get(kind or "") or []
                    if not pool:
                        missing = True
                        break
                    url = url.replace("{" + name + "}", quote(pool[index % len(pool)], safe="/"))
                elif param.get("required"):
                    kind = QUERY_KINDS.get(name)
                    pool = params.pools.get(kind or "") or []
                    if not pool:
                        missing = True
                        break
                    # from/to: two different people
                    query[name] = pool[(index + (7 if name in ("to", "target") else 0)) % len(pool)]
            if not missing:
                concrete.append(url + ("?" + urlencode(query) if query else ""))
        if concrete:
            paths[path] = concrete
    return paths


SPARQL_PROBES = ("provinces", "blocs", "province", "official_timeline")
"""Queries sent to /sparql and to the store as the same text: listings without parameters, and two
with their parameters as a trailing VALUES clause (how a client binds values over the protocol)."""


def section_api(cfg: Config, report: Report, work: Path) -> None:
    store = _open_read_only(work)
    try:
        app = _api_app(store, cfg.memory_graphs_mb)
        params = Params.from_store(store, cfg.seed)
        paths = {route: urls for route, urls in api_paths(app, params, cfg.runs).items()
                 if route not in cfg.exclude and route.removeprefix("/queries/") not in cfg.exclude}
        if not paths:
            raise Skip("the API has no GET routes yet")
        results: dict[str, Any] = {}
        overhead: dict[str, Any] = {}
        from .asgi import AsgiClient

        index_s = _hub_index_seconds(store)
        if index_s is not None:
            report.log(f"[api] people-hub graph for /path read in {index_s} s")
        sources_s = _post_sources_seconds(store)
        if sources_s is not None:
            report.log(f"[api] every post's sources summarised in {sources_s} s")
        officials_s = _page_index_seconds("official_index", store, app)
        if officials_s is not None:
            report.log(f"[api] every official's page rows read in {officials_s} s")
        provinces_s = _page_index_seconds("province_index", store, app)
        if provinces_s is not None:
            report.log(f"[api] every province's page rows read in {provinces_s} s")
        blocs_s = _page_index_seconds("bloc_index", store, app)
        if blocs_s is not None:
            report.log(f"[api] every bloc's page rows read in {blocs_s} s")
        orders_s = _listing_orders_seconds(store, app)
        if orders_s is not None:
            report.log(f"[api] the orders of the unfiltered listings read in {orders_s} s")
        memory_s = _memory_graphs_seconds(store, app)
        if memory_s is not None:
            report.log(f"[api] the facts and reference graphs copied into memory in {memory_s} s")
        with AsgiClient(app) as client:
            floor = client.floor_ms(app)
            report.log(f"[api] a request through the app's middlewares, doing nothing: {floor} ms")
            for route, concrete in paths.items():
                statuses: list[int] = []

                def call(path: str, statuses: list[int] = statuses) -> None:
                    statuses.append(client.get(path)[0])

                try:
                    stats = time_calls(call, concrete, cfg.runs, cfg.warmup, cfg.budget)
                    stats["statuses"] = sorted(set(statuses))
                except Exception as err:
                    stats = {"error": f"{type(err).__name__}: {err}"[:300]}
                results[route] = stats
                report.log(f"[api] {route}: {stats.get('median_ms', stats.get('error'))} {stats.get('statuses')}")
            # /sparql against the store's own time for the very same query text.
            queries, _ = discover_queries()
            by_name = {q.name: q for q in queries}
            for label, prepared in query_cases([by_name[n] for n in SPARQL_PROBES if n in by_name], params,
                                               cfg.runs):
                if label.endswith("+opt"):
                    continue
                texts = [values_query(text, bindings) for text, bindings in prepared]
                codes: list[int] = []
                encoded = {text: "/sparql?" + urlencode({"query": text}) for text in texts}

                def over_http(text: str, codes: list[int] = codes, encoded: dict[str, str] = encoded) -> None:
                    codes.append(client.get(encoded[text], accept="application/sparql-results+json")[0])

                own, http = time_pairs(lambda text: store.select(text, timeout=cfg.budget), over_http, texts,
                                       cfg.runs, cfg.warmup, cfg.budget)
                overhead[label] = {"store_median_ms": own["median_ms"], "sparql_median_ms": http["median_ms"],
                                   "store_p95_ms": own["p95_ms"], "sparql_p95_ms": http["p95_ms"],
                                   "added_pct": round(100 * (http["median_ms"] / own["median_ms"] - 1), 1),
                                   "statuses": sorted(set(codes))}
                report.log(f"[api] /sparql {label}: {overhead[label]}")
        report.sections["api"] = {"status": "ok", "transport": "in-process, direct ASGI calls (bench/asgi.py)",
                                  "floor_ms": floor, "hub_index_s": index_s, "post_sources_s": sources_s,
                                  "official_index_s": officials_s, "province_index_s": provinces_s,
                                  "bloc_index_s": blocs_s,
                                  "listing_orders_s": orders_s,
                                  "memory_graphs_s": memory_s,
                                  "routes": results,
                                  "sparql_overhead": overhead}
    finally:
        store.close()


@contextlib.contextmanager
def serve_api(work: Path, port: int, report: Report, probe: str = "/", workers: int = 1,
              cache_mb: int | None = None, memory_graphs_mb: int | None = None,
              settle: float = 0.0) -> Iterator[dict[str, Any]]:
    """Start ``vnkg serve`` on 127.0.0.1 and stop it afterwards; yields startup facts."""
    vnkg = Path(sys.executable).parent / "vnkg"
    env = dict(os.environ, VNKG_STORE=str(work / "store"))
    if cache_mb is not None:
        env["VNKG_RESPONSE_CACHE_MB"] = str(cache_mb)
    if memory_graphs_mb is not None:
        env["VNKG_MEMORY_GRAPHS_MB"] = str(memory_graphs_mb)
    cmd = [str(vnkg), "serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(work / "store"),
           "--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    info: dict[str, Any] = {"pid": proc.pid, "workers": workers, "cache_mb": cache_mb}
    try:
        import httpx

        def up() -> bool:
            return httpx.get(f"http://127.0.0.1:{port}{probe}", timeout=1).status_code == 200

        if not wait_for(up, 60, 0.02):
            raise RuntimeError("vnkg serve did not answer within 60 s")
        info["start_to_first_answer_s"] = round(time.perf_counter() - start, 3)
        if settle > 0:
            report.log(f"[load] waking every server process, then letting them settle for {settle:g} s")
            _wake(port, probe)
            time.sleep(settle)
        yield info
    finally:
        info["rss"] = tree_rss_mb(proc.pid)
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _wake(port: int, probe: str, connections: int = 8, seconds: float = 2.0) -> None:
    """Ask for ``probe`` over several connections at once for a moment, so that every server
    process answers at least once and starts the work it does in the background from its first
    query (the in-memory copy of the graphs)."""
    import httpx

    async def ask(client: httpx.AsyncClient, end: float) -> None:
        while time.perf_counter() < end:
            await client.get(f"http://127.0.0.1:{port}{probe}", timeout=30)

    async def main() -> None:
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=0)
        async with httpx.AsyncClient(limits=limits) as client:
            end = time.perf_counter() + seconds
            await asyncio.gather(*(ask(client, end) for _ in range(connections)))

    asyncio.run(main())


def _wrk(url_paths: Sequence[str], port: int, connections: int, duration: float, work: Path) -> dict[str, Any]:
    script = work / "paths.lua"
    lines = ",\n".join(json.dumps(p) for p in url_paths)
    script.write_text("paths = {\n" + lines + "\n}\ncounter = 0\nrequest = function()\n"
                      "  counter = counter + 1\n"
                      "  return wrk.format('GET', paths[(counter % #paths) + 1])\nend\n")
    proc = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{int(duration)}s", "--latency",
                           "-s", str(script), f"http://127.0.0.1:{port}"],
                          capture_output=True, text=True, timeout=duration + 60, check=True)
    out = proc.stdout

    def ms(text: str) -> float:
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.MULTILINE))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors:.*", out)
    return {"tool": "wrk", "requests_per_s": float(rps.group(1)) if rps else None,
            "p50_ms": ms(latency["50"]) if "50" in latency else None,
            "p99_ms": ms(latency["99"]) if "99" in latency else None,
            "non_2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": socket_errors.group(0) if socket_errors else None}


def _httpx_load(url_paths: Sequence[str], port: int, connections: int, duration: float) -> dict[str, Any]:
    import asyncio

    import httpx

    async def run() -> dict[str, Any]:
        latencies: list[float] = []
        bad = 0
        deadline = time.perf_counter() + duration
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30) as client:
            async def worker(offset: int) -> None:
                nonlocal bad
                index = offset
                while time.perf_counter() < deadline:
                    start = time.perf_counter()
                    response = await client.get(url_paths[index % len(url_paths)])
                    latencies.append(time.perf_counter() - start)
                    bad += response.status_code >= 300
                    index += connections

            start = time.perf_counter()
            await asyncio.gather(*(worker(i) for i in range(connections)))
            elapsed = time.perf_counter() - start
        ms = [x * 1000 for x in latencies]
        return {"tool": "httpx-async", "requests_per_s": round(len(ms) / elapsed, 1),
                "p50_ms": round(percentile(ms, 0.5), 2), "p99_ms": round(percentile(ms, 0.99), 2),
                "non_2xx": bad}

    return asyncio.run(run())


def _load_targets(app: Any, params: Params, store: Any) -> dict[str, list[str]]:
    """Paths for the load run: the official page, the bloc page and /sparql (a bloc's leadership)."""
    from urllib.parse import quote

    paths = api_paths(app, params, 60)
    targets: dict[str, list[str]] = {}
    if "/officials/{id}" in paths:
        targets["official page"] = paths["/officials/{id}"]
    if "/blocs/{id}" in paths:
        targets["bloc page"] = paths["/blocs/{id}"]
    queries, _ = discover_queries()
    by_name = {q.name: q for q in queries}
    if "bloc_leadership" in by_name:
        prepared = query_cases([by_name["bloc_leadership"]], params, 60)[0][1]
        targets["/sparql"] = [f"/sparql?query={quote(values_query(t, b))}" for t, b in prepared]
    return targets


def section_load(cfg: Config, report: Report, work: Path) -> None:
    vnkg = Path(sys.executable).parent / "vnkg"
    if not vnkg.exists():
        raise Skip("no vnkg command in the environment")
    help_text = subprocess.run([str(vnkg), "--help"], capture_output=True, text=True, check=False).stdout
    if "serve" not in help_text:
        raise Skip("vnkg has no serve command yet")
    store = _open_read_only(work)
    try:
        params = Params.from_store(store, cfg.seed)
        targets = _load_targets(_api_app(store), params, store)
    finally:
        store.close()
    if not targets:
        raise Skip("no official page, bloc page or /sparql route to load")
    port = free_port()
    runs: dict[str, Any] = {}
    probe = targets.get("official page", ["/"])[0]
    from vnkg.loaders.workers import default_workers

    workers = cfg.serve_workers or default_workers()
    with serve_api(work, port, report, probe, workers, cfg.serve_cache_mb, cfg.memory_graphs_mb,
                   cfg.settle) as info:
        for label, paths in targets.items():
            for connections in cfg.connections:
                report.log(f"[load] {label} at {connections} connections for {cfg.duration:g} s ...")
                if shutil.which("wrk"):
                    result = _wrk(paths, port, connections, cfg.duration, work)
                else:
                    result = _httpx_load(paths, port, connections, cfg.duration)
                runs[f"{label} @{connections}"] = {"target": label, "connections": connections, **result}
    cache = "default" if cfg.serve_cache_mb is None else f"{cfg.serve_cache_mb} MB"
    report.sections["load"] = {"status": "ok", "server": f"vnkg serve --workers {workers} (uvicorn) on 127.0.0.1, "
                                                         f"response cache {cache}",
                               "server_workers": workers, "server_cache_mb": cfg.serve_cache_mb, "settle_s": cfg.settle,
                               "server_memory_graphs_mb": cfg.memory_graphs_mb,
                               "start_to_first_answer_s": info.get("start_to_first_answer_s"),
                               "server_rss_mb": info.get("rss"), "duration_s": cfg.duration, "runs": runs}


# -- alternatives ---------------------------------------------------------------------------


def _export(work: Path) -> Path:
    export = work / "export" / "dataset.nq"
    if export.exists():
        return export
    export.parent.mkdir(parents=True, exist_ok=True)
    store = _open_read_only(work)
    try:
        with export.open("wb") as out:
            store.export(out, "nquads")
    finally:
        store.close()
    return export


def _timed_backend(name: str, run_query: Callable[[str, dict[str, Any]], int],
                   cases: list[tuple[str, list[Prepared]]], cfg: Config, report: Report,
                   baseline: dict[str, Any] | None = None, max_baseline_ms: float = math.inf) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for label, prepared in cases:
        base = (baseline or {}).get(label) or {}
        if "error" in base:
            results[label] = {"not_run": "the query failed or timed out on the embedded store"}
            continue
        base_ms = base.get("median_ms")
        if base_ms is not None and base_ms > max_baseline_ms:
            results[label] = {"not_run": f"the embedded store takes {base_ms:.0f} ms; {name} would "
                                         f"take far longer (limit {max_baseline_ms:.0f} ms)"}
            continue
        rows = [0]

        def call(run: Prepared, rows: list[int] = rows) -> None:
            rows[0] = run_query(run[0], run[1])

        try:
            stats = time_calls(call, prepared, cfg.runs, cfg.warmup, cfg.budget)
            stats["rows_last"] = rows[0]
        except Exception as err:
            stats = {"error": f"{type(err).__name__}: {err}"[:300]}
        results[label] = stats
        report.log(f"[alternatives] {name} {label}: {stats.get('median_ms', stats.get('error'))}")
    return results


def values_query(text: str, bindings: dict[str, Any]) -> str:
    """The query with its bindings as a trailing VALUES clause of escaped terms, the way vnkg
    binds values on a SPARQL server."""
    if not bindings:
        return text
    names = " ".join(f"?{k.lstrip('?')}" for k in bindings)
    values = " ".join(v.n3() for v in bindings.values())
    return f"{text}\nVALUES ({names}) {{ ({values}) }}"


def _alt_rdflib(export: Path, cases: list[tuple[str, list[Prepared]]], cfg: Config, report: Report,
                quads: int) -> dict[str, Any]:
    if quads > cfg.rdflib_max_quads:
        return {"status": "skipped", "reason": f"{quads} quads is more than --rdflib-max-quads "
                f"({cfg.rdflib_max_quads}); rdflib's memory store needs roughly 1 KB a quad"}
    from rdflib import Dataset

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(export, format="nquads")
    load = time.perf_counter() - start

    def run(text: str, bindings: dict[str, Any]) -> int:
        return len(list(dataset.query(text, initBindings=bindings or None)))

    baseline = report.sections.get("queries", {}).get("queries")
    return {"status": "ok", "load_s": round(load, 2), "peak_rss_mb_after_load": peak_rss_mb(),
            "queries": _timed_backend("rdflib", run, cases, cfg, report, baseline, cfg.rdflib_max_ms)}


def _sparql_http(endpoint: str, timeout: float) -> Callable[[str, dict[str, Any]], int]:
    import httpx

    client = httpx.Client(timeout=timeout)

    def run(text: str, bindings: dict[str, Any]) -> int:
        response = client.post(endpoint, data={"query": values_query(text, bindings)},
                               headers={"accept": "application/sparql-results+json"})
        response.raise_for_status()
        body = response.json()
        return len(body.get("results", {}).get("bindings", [])) if "results" in body else 1

    return run


def _alt_oxigraph(export: Path, cases: list[tuple[str, list[Prepared]]], cfg: Config, report: Report,
                  work: Path) -> dict[str, Any]:
    binary = Path(sys.executable).parent / "oxigraph"
    if not binary.exists() and not shutil.which("oxigraph"):
        return {"status": "skipped", "reason": "no oxigraph server binary (pip install oxigraph)"}
    exe = str(binary if binary.exists() else shutil.which("oxigraph"))
    location = work / "oxigraph-server"
    shutil.rmtree(location, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([exe, "load", "--location", str(location), "--file", str(export)], check=True,
                   capture_output=True, timeout=3600)
    load = time.perf_counter() - start
    port = free_port()
    proc = subprocess.Popen([exe, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        import httpx

        endpoint = f"http://127.0.0.1:{port}/query"
        if not wait_for(lambda: httpx.get(endpoint, params={"query": "ASK {}"}, timeout=1).status_code == 200, 60):
            raise RuntimeError("oxigraph serve did not come up")
        results = _timed_backend("oxigraph-server", _sparql_http(endpoint, cfg.budget), cases, cfg, report,
                                 report.sections.get("queries", {}).get("queries"), cfg.budget * 250)
        return {"status": "ok", "load_s": round(load, 2), "store_mb": round(dir_size(location) / 2**20, 1),
                "server_rss": proc_rss_mb(proc.pid), "queries": results}
    finally:
        proc.terminate()
        proc.wait(10)
        if not cfg.keep:
            shutil.rmtree(location, ignore_errors=True)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{isql}
ServerThreads = 20
CheckpointInterval = 60
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
DirsAllowed = ., {dir}, {data}, /usr/share/virtuoso-opensource-7/vad
ThreadCleanupInterval = 0
ResourcesCleanupInterval = 0
MaxQueryMem = 2G
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxKeepAlives = 10
KeepAliveTimeout = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
DefaultQuery = select distinct ?Concept where {{[] a ?Concept}} LIMIT 100
"""


def _alt_virtuoso(export: Path, cases: list[tuple[str, list[Prepared]]], cfg: Config, report: Report,
                  work: Path) -> dict[str, Any]:
    server = shutil.which("virtuoso-t")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        return {"status": "skipped", "reason": "Virtuoso is not installed (Debian: apt-get install "
                "virtuoso-opensource)"}
    vdir = work / "virtuoso"
    shutil.rmtree(vdir, ignore_errors=True)
    vdir.mkdir(parents=True)
    isql_port, http_port = free_port(), free_port()
    buffers = 170_000 * 4  # ~5.5 GB of 8 KB pages: Virtuoso's guide for ~16 GB of free memory, halved
    (vdir / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=vdir, data=export.parent, isql=isql_port,
                                                            http=http_port, buffers=buffers,
                                                            dirty=buffers * 3 // 4))
    proc = subprocess.Popen([server, "+foreground", "+configfile", str(vdir / "virtuoso.ini")], cwd=vdir,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def isql_exec(statement: str, timeout: float = 3600) -> str:
            done = subprocess.run([isql, f"127.0.0.1:{isql_port}", "dba", "dba", f"exec={statement}"],
                                  capture_output=True, text=True, timeout=timeout, check=False)
            if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
                raise RuntimeError(f"isql {statement!r}: {(done.stdout + done.stderr)[-500:]}")
            return done.stdout

        if not wait_for(lambda: bool(isql_exec("select 1;", 10)), 120, 0.5):
            raise RuntimeError("virtuoso-t did not come up")
        start = time.perf_counter()
        isql_exec(f"ld_dir('{export.parent}', '{export.name}', 'urn:vnkg:bench:default');")
        isql_exec("rdf_loader_run();")
        isql_exec("checkpoint;")
        load = time.perf_counter() - start
        import httpx

        endpoint = f"http://127.0.0.1:{http_port}/sparql"
        count = httpx.post(endpoint, data={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                           headers={"accept": "application/sparql-results+json"}, timeout=600).json()
        loaded = int(count["results"]["bindings"][0]["n"]["value"])
        results = _timed_backend("virtuoso", _sparql_http(endpoint, cfg.budget), cases, cfg, report,
                                 report.sections.get("queries", {}).get("queries"), cfg.budget * 250)
        return {"status": "ok", "load_s": round(load, 2), "quads_in_store": loaded,
                "store_mb": round(dir_size(vdir) / 2**20, 1), "server_rss": proc_rss_mb(proc.pid),
                "result_set_max_rows": 10_000_000, "queries": results}
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        if not cfg.keep:
            shutil.rmtree(vdir, ignore_errors=True)


def section_alternatives(cfg: Config, report: Report, work: Path) -> None:
    queries, _ = discover_queries()
    queries = _chosen(queries, cfg)
    if not queries:
        raise Skip("no named query loads yet")
    baseline = report.sections.get("queries", {}).get("queries")
    if not baseline:
        raise Skip("the queries section did not run, so there is no embedded baseline")
    export = _export(work)
    store = _open_read_only(work)
    try:
        cases = query_cases(queries, Params.from_store(store, cfg.seed), cfg.runs)
        quads = store.count_quads()
    finally:
        store.close()
    backends: dict[str, Any] = {}
    for name in cfg.alternatives:
        report.log(f"[alternatives] {name} ...")
        try:
            if name == "rdflib":
                backends[name] = _alt_rdflib(export, cases, cfg, report, quads)
            elif name == "oxigraph-server":
                backends[name] = _alt_oxigraph(export, cases, cfg, report, work)
            elif name == "virtuoso":
                backends[name] = _alt_virtuoso(export, cases, cfg, report, work)
        except Exception as err:
            backends[name] = {"status": "error", "reason": f"{type(err).__name__}: {err}"[:500]}
            report.log(f"[alternatives] {name} failed: {err}")
        data = backends.get(name, {})
        for query_name, stats in (data.get("queries") or {}).items():
            base = baseline.get(query_name, {}).get("median_ms")
            if base and "median_ms" in stats:
                stats["ratio_to_embedded"] = round(stats["median_ms"] / base, 2)
    report.sections["alternatives"] = {"status": "ok", "export_mb": round(export.stat().st_size / 2**20, 1),
                                       "quads": quads, "backends": backends}


# ---------------------------------------------------------------------------------------------
# Output


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 1000 else f"{value:,.0f}"
    return str(value)


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(header)]
    lines = [f"\n## {title}\n", "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    return "\n".join(lines)


def targets(data: dict[str, Any]) -> list[list[Any]]:
    """Issue 7's targets against what this run measured: [target, limit, measured, verdict]."""
    sections = data["sections"]
    rows: list[list[Any]] = []

    def verdict(value: float | None, limit: float, higher_is_better: bool = False) -> str:
        if value is None:
            return "not measured"
        ok = value >= limit if higher_is_better else value <= limit
        return "met" if ok else f"missed ({value / limit:.1f}x)" if not higher_is_better else \
            f"missed ({limit / value:.1f}x short)" if value else "missed"

    ingest = sections.get("ingest", {}).get("with_validation") or {}
    rate = ingest.get("articles_per_s")
    rows.append(["ingest with SHACL, articles/s", ">= 200", rate, verdict(rate, 200, True)])
    routes = sections.get("api", {}).get("routes") or {}
    for label, route in (("official page p50 / p95 ms", "/officials/{id}"),
                         ("official timeline p50 / p95 ms", "/queries/official_timeline"),
                         ("bloc leadership by year p50 / p95 ms", "/queries/bloc_leadership"),
                         ("bloc page p50 / p95 ms", "/blocs/{id}"),
                         ("province page p50 / p95 ms", "/provinces/{id}")):
        stats = routes.get(route) or {}
        p50, p95 = stats.get("median_ms"), stats.get("p95_ms")
        ok = None if p50 is None else (p50 <= 10 and (p95 or 0) <= 30)
        rows.append([f"{label} ({route})", "<= 10 / 30", f"{_fmt(p50)} / {_fmt(p95)}",
                     "not measured" if ok is None else "met" if ok else f"missed ({p50 / 10:.1f}x at p50)"])
    for label, route in (("connections p50 ms", "/officials/{id}/connections"), ("shortest path p50 ms", "/path")):
        p50 = (routes.get(route) or {}).get("median_ms")
        rows.append([f"{label} ({route})", "<= 50", p50, verdict(p50, 50)])
    over = sections.get("api", {}).get("sparql_overhead") or {}
    for name, o in over.items():
        rows.append([f"/sparql added over the store ({name})", "<= 20 %", f"{o['added_pct']} %",
                     "met" if o["added_pct"] <= 20 else "missed"])
    load = sections.get("load", {})
    run32 = (load.get("runs") or {}).get("official page @32") or {}
    rps, p99 = run32.get("requests_per_s"), run32.get("p99_ms")
    ok = None if rps is None else rps >= 500 and (p99 or 1e9) <= 100
    rows.append(["official page at 32 connections: req/s, p99 ms", ">= 500, <= 100", f"{_fmt(rps)}, {_fmt(p99)}",
                 "not measured" if ok is None else "met" if ok else "missed"])
    rss = [v for v in (ingest.get("peak_rss_mb"), ((load.get("server_rss_mb") or {}).get("VmHWM"))) if v]
    rows.append(["peak RSS MiB (ingest, server)", "<= 8192", " / ".join(_fmt(v) for v in rss) or None,
                 verdict(max(rss), 8192) if rss else "not measured"])
    first = load.get("start_to_first_answer_s")
    rows.append(["restart to first answer s", "<= 5", first, verdict(first, 5)])
    return rows


def render(data: dict[str, Any]) -> str:
    """The report as Markdown tables."""
    out = [f"# vnkg benchmark, N = {data['config']['n']} articles (seed {data['config']['seed']})"]
    m = data["machine"]
    out.append(f"\n{m['cpus']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB, Python {m['python']}, "
               f"{m['system']}, commit {m['commit']}, load average {m.get('loadavg_at_report')}")
    sections = data["sections"]
    skipped = [(name, s["reason"]) for name, s in sections.items() if s.get("status") != "ok"]
    if "generate" in sections and sections["generate"].get("status") == "ok":
        g = sections["generate"]
        out.append(_table("Generator", ["articles", "seconds", "articles/s"],
                          [[g["articles"], g["seconds"], g["articles_per_s"]]]))
    ingest = sections.get("ingest", {})
    if ingest.get("status") == "ok":
        rows = []
        for label in ("with_validation", "without_validation"):
            if label not in ingest:
                continue
            d = ingest[label]
            rows.append([label.replace("_", " "), d["loaded"], d["failed"], d["seconds"], d["articles_per_s"],
                         d["quads"], d["quads_per_article"], d["peak_rss_mb"], d["store_mb"]])
        out.append(_table("Ingest (facts -> RDF -> SHACL -> embedded store)",
                          ["run", "loaded", "failed", "seconds", "articles/s", "quads", "quads/article",
                           "peak RSS MiB", "store MiB"], rows))
    queries = sections.get("queries", {})
    alts = sections.get("alternatives", {}).get("backends", {}) if sections.get("alternatives", {}).get(
        "status") == "ok" else {}
    if queries.get("status") == "ok":
        header = ["query", "median ms", "p95 ms", "rows"]
        alt_names = [n for n, b in alts.items() if b.get("status") == "ok"]
        header += [f"{n} ×" for n in alt_names]
        rows = []
        for name, stats in queries["queries"].items():
            row = [name, stats.get("median_ms"), stats.get("p95_ms"), stats.get("rows_last", stats.get("error"))]
            for alt in alt_names:
                row.append((alts[alt]["queries"].get(name) or {}).get("ratio_to_embedded"))
            rows.append(row)
        out.append(_table("Named queries on the embedded store (ratios: alternative median / embedded median)",
                          header, rows))
    for alt, b in alts.items():
        if b.get("status") != "ok":
            skipped.append((f"alternatives/{alt}", b.get("reason", "")))
        else:
            out.append(f"\n{alt}: loaded in {b.get('load_s')} s")
    api = sections.get("api", {})
    if api.get("status") == "ok":
        rows = [[route, s.get("median_ms"), s.get("p95_ms"), s.get("statuses", s.get("error"))]
                for route, s in api["routes"].items()]
        out.append(_table("REST API in process (direct ASGI calls)", ["route", "median ms", "p95 ms", "statuses"],
                          rows))
        if api.get("floor_ms") is not None:
            out.append(f"\na request through the app's middlewares that does nothing: {api['floor_ms']} ms")
        if api.get("listing_orders_s") is not None:
            out.append(f"\nthe orders of the unfiltered listings read (before the routes were timed) in "
                       f"{api['listing_orders_s']} s")
        if api.get("hub_index_s") is not None:
            out.append(f"\nthe people-hub graph of /path read (before the routes were timed) in {api['hub_index_s']} s")
        for key, what in (("post_sources_s", "every post's sources summarised"),
                          ("official_index_s", "every official's page rows read"),
                          ("province_index_s", "every province's page rows read"),
                          ("bloc_index_s", "every bloc's page rows read")):
            if api.get(key) is not None:
                out.append(f"\n{what} (before the routes were timed) in {api[key]} s")
        if api.get("memory_graphs_s") is not None:
            out.append(f"\nthe facts and reference graphs copied into memory (before the routes were timed) in "
                       f"{api['memory_graphs_s']} s")
        over = api.get("sparql_overhead") or {}
        if over:
            rows = [[name, o["store_median_ms"], o["sparql_median_ms"], o["added_pct"], o["statuses"]]
                    for name, o in over.items()]
            out.append(_table("/sparql against the store's own time (same query text)",
                              ["query", "store median ms", "/sparql median ms", "added %", "statuses"], rows))
    load = sections.get("load", {})
    if load.get("status") == "ok":
        rows = [[r["target"], r["connections"], r["requests_per_s"], r["p50_ms"], r["p99_ms"], r["non_2xx"]]
                for r in load["runs"].values()]
        out.append(_table(f"API under load ({load['duration_s']:g} s each, loopback)",
                          ["target", "connections", "requests/s", "p50 ms", "p99 ms", "non-2xx"], rows))
        out.append(f"\nserver: {load.get('server')}; first answer {load['start_to_first_answer_s']} s after start; "
                   f"RSS {load.get('server_rss_mb')}")
    out.append(_table(f"Targets of issue 7 (set for N = 100,000; this run: N = {data['config']['n']})",
                      ["target", "limit", "measured", "verdict"], targets(data)))
    if skipped:
        out.append("\n## Skipped\n")
        out += [f"- {name}: {reason}" for name, reason in skipped]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Entry points

RUNNERS: dict[str, Callable[[Config, Report, Path], None]] = {
    "generate": section_generate, "ingest": section_ingest, "queries": section_queries,
    "api": section_api, "load": section_load, "alternatives": section_alternatives,
}


def run(cfg: Config) -> dict[str, Any]:
    """Run the chosen sections and return the JSON report."""
    report = Report(cfg)
    owned = cfg.work is None
    work = cfg.work or Path(tempfile.mkdtemp(prefix="vnkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for name in SECTIONS:
            if name not in cfg.sections:
                continue
            start = time.perf_counter()
            try:
                RUNNERS[name](cfg, report, work)
            except Skip as why:
                report.skip(name, str(why))
            except Exception as err:  # report it and go on with the other sections
                report.sections[name] = {"status": "error", "reason": f"{type(err).__name__}: {err}"[:1000]}
                report.log(f"[{name}] error: {err}")
            report.sections[name]["section_seconds"] = round(time.perf_counter() - start, 2)
    finally:
        if owned and not cfg.keep:
            shutil.rmtree(work, ignore_errors=True)
    return report.as_json()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m bench run``."""
    parser.add_argument("--n", type=int, default=1000, help="number of synthetic articles (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--alternatives", default=",".join(ALTERNATIVES),
                        help=f"comma-separated subset of {','.join(ALTERNATIVES)}")
    parser.add_argument("--work", type=Path, help="working directory (default: a temporary one, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the stores in --work")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query/endpoint (default 20)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per load run (default 10)")
    parser.add_argument("--connections", default="8,32,64", help="connections for the load runs")
    parser.add_argument("--rdflib-max-quads", type=int, default=3_000_000,
                        help="skip rdflib's in-memory store above this many quads")
    parser.add_argument("--evidence", type=float, default=1.0,
                        help="share of facts with an evidence sentence in the generated documents")
    parser.add_argument("--ingest-modes", default="validated,unvalidated",
                        help="ingest runs, in order; the first one's store is queried")
    parser.add_argument("--ingest-workers", type=int, default=0,
                        help="processes preparing articles during ingest (default 0: one per CPU)")
    parser.add_argument("--serve-workers", type=int, default=0,
                        help="vnkg serve processes for the load runs (default 0: one per CPU)")
    parser.add_argument("--serve-cache-mb", type=int, default=None,
                        help="the server's response cache in MB for the load runs (default: its own default; "
                             "0: off, every request does the work of a first one)")
    parser.add_argument("--memory-graphs-mb", type=int, default=None,
                        help="memory for the copy of the facts and reference graphs, in process and in the "
                             "server (default: vnkg's own default; 0: off, every query reads the store)")
    parser.add_argument("--settle", type=float, default=0.0,
                        help="after the server's first answer, ask for a page over 8 connections for 2 s (so that "
                             "every process starts copying the graphs into memory, summarising the posts' sources and "
                             "reading every official's page rows, ~80 s at 100k articles), then wait "
                             "this many seconds before loading it")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds at most per query or endpoint (warm-up + timed runs); default 60")
    parser.add_argument("--only-queries", default="",
                        help="comma-separated named queries to time (default: all)")
    parser.add_argument("--exclude", default="",
                        help="comma-separated named queries and API routes not to time (e.g. ones known to "
                             "outlast the timeout: a timed-out query keeps running in the background)")
    parser.add_argument("--rdflib-max-ms", type=float, default=500.0,
                        help="skip on rdflib the queries the embedded store needs longer than this for")
    parser.add_argument("--json", dest="json_path", help="write the JSON report here ('-': stdout, no table)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")


def run_from_args(args: argparse.Namespace) -> int:
    """``python -m bench run``: run, print the tables, write the JSON."""
    sections = tuple(s for s in args.sections.split(",") if s)
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        print(f"unknown sections: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    cfg = Config(n=args.n, seed=args.seed, sections=sections,
                 alternatives=tuple(a for a in args.alternatives.split(",") if a), work=args.work,
                 runs=max(1, args.runs), warmup=args.warmup, duration=args.duration,
                 connections=tuple(int(c) for c in args.connections.split(",") if c),
                 rdflib_max_quads=args.rdflib_max_quads, keep=args.keep, quiet=args.quiet,
                 evidence=args.evidence, budget=args.budget, rdflib_max_ms=args.rdflib_max_ms,
                 query_filter=tuple(q for q in args.only_queries.split(",") if q),
                 exclude=tuple(x for x in args.exclude.split(",") if x),
                 ingest_modes=tuple(m for m in args.ingest_modes.split(",") if m),
                 ingest_workers=args.ingest_workers, serve_workers=args.serve_workers,
                 serve_cache_mb=args.serve_cache_mb, memory_graphs_mb=args.memory_graphs_mb,
                 settle=args.settle)
    bad_modes = set(cfg.ingest_modes) - {"validated", "unvalidated"}
    if bad_modes or not cfg.ingest_modes:
        print("--ingest-modes takes validated and/or unvalidated", file=sys.stderr)
        return 2
    data = run(cfg)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if args.json_path == "-":
        print(text)
    else:
        print(render(data))
        if args.json_path:
            Path(args.json_path).write_text(text + "\n", encoding="utf-8")
    failed = [name for name, s in data["sections"].items() if s.get("status") == "error"]
    return 1 if failed else 0


def _worker_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    sub = parser.add_subparsers(dest="worker", required=True)
    ingest = sub.add_parser("worker-ingest")
    ingest.add_argument("--n", type=int, required=True)
    ingest.add_argument("--seed", type=int, default=0)
    ingest.add_argument("--store", type=Path, required=True)
    ingest.add_argument("--no-validate", action="store_true")
    ingest.add_argument("--evidence", type=float, default=1.0)
    ingest.add_argument("--progress-every", type=int, default=0,
                        help="print a JSON progress line to stderr every so many articles")
    ingest.add_argument("--workers", type=int, default=0, help="preparing processes (0: one per CPU)")
    args = parser.parse_args(argv)
    print(json.dumps(_ingest_child(args.n, args.seed, args.store, not args.no_validate, args.evidence,
                                   args.progress_every, args.workers)))
    return 0


if __name__ == "__main__":
    sys.exit(_worker_main(sys.argv[1:]))
