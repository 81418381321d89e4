"""Which embedded store: pyoxigraph's Store vs rdflib's in-memory Dataset (vs oxrdflib).

``python bench/store_choice.py --articles 2000`` builds a synthetic corpus shaped like vnkg's
model (per article: a named graph with the article node, provenance links and variant
statements; a shared facts graph with people, posts, tenures, events, participations), then, for
each backend in its own child process: load time, the median of a few queries (a large result, a
point lookup, an aggregate over graphs) and the peak RSS. Prints a table.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

BASE = "https://w3id.org/vnkg/id/"
PROV = "http://www.w3.org/ns/prov#wasDerivedFrom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ORG = "http://www.w3.org/ns/org#"
V = "https://w3id.org/vnkg/ontology#"
SCHEMA = "https://schema.org/"

QUERIES = {
    "people+labels (large)": f"SELECT ?p ?l WHERE {{ ?p a <{SCHEMA}Person> ; <{LABEL}> ?l }}",
    "tenures of one person": (f"SELECT ?t ?post ?l WHERE {{ ?t <{ORG}member> <{BASE}person/p17> ; "
                              f"<{V}post> ?post . ?post <{LABEL}> ?l }}"),
    "events per bloc (agg)": (f"SELECT ?b (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{V}bloc> ?b }} "
                              f"GROUP BY ?b ORDER BY DESC(?n)"),
    "articles per person": (f"SELECT ?p (COUNT(?g) AS ?n) WHERE {{ GRAPH ?g {{ ?p <{PROV}> ?a }} "
                            f"?p a <{SCHEMA}Person> }} GROUP BY ?p"),
}


def nquads(articles: int) -> str:
    """A synthetic corpus as N-Quads; people, posts and blocs recur across articles."""
    lines = []
    facts = f"<{BASE}graph/facts>"

    def q(s: str, p: str, o: str, g: str) -> None:
        lines.append(f"{s} <{p}> {o} {g} .")

    for i in range(articles):
        graph = f"<{BASE}graph/article/a{i}>"
        art = f"<{BASE}article/a{i}>"
        q(art, RDF + "type", f"<{SCHEMA}NewsArticle>", graph)
        q(art, SCHEMA + "headline", f'"Hội nghị tổng kết {i}"@vi', graph)
        bloc = f"<{BASE}bloc/b{i % 40}>"
        event = f"<{BASE}event/b{i % 40}/conference/{2000 + i % 25}>"
        nodes = [bloc, event]
        q(bloc, RDF + "type", f"<{V}EmulationBloc>", facts)
        q(bloc, LABEL, f'"Cụm thi đua {i % 40}"@vi', facts)
        q(event, RDF + "type", f"<{V}Conference>", facts)
        q(event, V + "bloc", bloc, facts)
        q(event, SCHEMA + "name", f'"Hội nghị {i}"@vi', facts)
        for k in range(6):
            n = (i * 7 + k) % (articles // 2 + 10)
            person, post = f"<{BASE}person/p{n}>", f"<{BASE}post/chu-tich--prov{n % 63}>"
            tenure, part = f"<{BASE}tenure/p{n}/post{n % 63}>", f"<{BASE}participation/e{i}/p{n}>"
            nodes += [person, post, tenure, part]
            q(person, RDF + "type", f"<{SCHEMA}Person>", facts)
            q(person, LABEL, f'"Nguyễn Văn {n}"@vi', facts)
            q(post, RDF + "type", f"<{ORG}Post>", facts)
            q(post, LABEL, f'"Chủ tịch UBND tỉnh {n % 63}"@vi', facts)
            q(tenure, RDF + "type", f"<{V}Tenure>", facts)
            q(tenure, ORG + "member", person, facts)
            q(tenure, V + "post", post, facts)
            q(part, RDF + "type", f"<{V}Participation>", facts)
            q(part, V + "participant", person, facts)
            q(part, V + "event", event, facts)
            st = f"_:s{i}x{k}"
            q(st, RDF + "type", f"<{RDF}Statement>", graph)
            q(st, RDF + "subject", person, graph)
            q(st, RDF + "predicate", f"<{LABEL}>", graph)
            q(st, RDF + "object", f'"Nguyễn Văn {n}"@vi', graph)
        for n in nodes:
            q(n, PROV, art, graph)
    return "\n".join(lines) + "\n"


def _time(fn: Any, runs: int) -> tuple[float, int]:
    fn()  # warm-up
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def child(backend: str, articles: int, runs: int) -> dict[str, Any]:
    data = nquads(articles)
    out: dict[str, Any] = {"backend": backend}
    if backend == "pyoxigraph":
        import pyoxigraph as ox

        tmp = tempfile.mkdtemp()
        start = time.perf_counter()
        store = ox.Store(tmp)
        store.load(data.encode(), ox.RdfFormat.N_QUADS)
        out["load_s"] = time.perf_counter() - start
        out["quads"] = len(store)

        def run(query: str) -> int:
            return sum(1 for _ in store.query(query, use_default_graph_as_union=True))
    else:
        import rdflib

        start = time.perf_counter()
        dataset = rdflib.Dataset(store="Oxigraph" if backend == "oxrdflib" else "default",
                                 default_union=True)
        dataset.parse(data=data, format="nquads")
        out["load_s"] = time.perf_counter() - start
        out["quads"] = len(dataset)

        def run(query: str) -> int:
            return sum(1 for _ in dataset.query(query))
    for name, query in QUERIES.items():
        out[name] = _time(lambda query=query: run(query), runs)
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.articles, args.runs)))
        return
    results = []
    for backend in ("pyoxigraph", "rdflib", "oxrdflib"):
        if backend == "oxrdflib":
            try:
                import oxrdflib  # noqa: F401
            except ImportError:
                print("oxrdflib: not installed (pip install oxrdflib), skipped")
                continue
        proc = subprocess.run([sys.executable, __file__, "--child", backend, "--articles", str(args.articles),
                               "--runs", str(args.runs)], capture_output=True, text=True, check=True)
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    base = results[0]
    print(f"{args.articles} synthetic articles, {base['quads']} quads; median of {args.runs} runs\n")
    header = ["backend", "load s", "RSS MB", *QUERIES]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for r in results:
        cells = [r["backend"], f"{r['load_s']:.2f}", f"{r['rss_mb']:.0f}"]
        for name in QUERIES:
            seconds, rows = r[name]
            ratio = seconds / base[name][0] if base[name][0] else float("nan")
            cells.append(f"{seconds * 1000:.1f} ms ({rows} rows, {ratio:.1f}×)")
        print(" | ".join(cells))


if __name__ == "__main__":
    main()
