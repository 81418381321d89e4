"""`vnkg load`, `validate`, `export`, `stats` and `remove` as a user runs them: exit codes, messages,
formats, and the store left as it was by bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from vnkg.cli import app

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "samples" / "corpus" / "seeds"
runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def store(tmp_path: Path) -> str:
    code, output = run("load", str(SEEDS), "--store", str(tmp_path / "store"), "--quiet")
    assert code == 0, output
    return str(tmp_path / "store")


def test_every_command_has_help() -> None:
    for command in ("load", "validate", "export", "stats", "remove", "extract", "ingest", "serve", "query",
                    "docs", "dump"):
        code, output = run(command, "--help")
        assert code == 0 and "Usage" in output, command


def test_load_reports_a_summary(tmp_path: Path) -> None:
    code, output = run("load", str(SEEDS), "--store", str(tmp_path / "s"), "--quiet")
    assert code == 0
    assert "5 loaded, 0 unchanged, 0 failed" in output


def test_bad_input_exits_1_names_the_file_and_keeps_the_store(store: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.facts.json"
    bad.write_text('{"schema": "facts/1", "article": {"id": "a-x", "published": "yesterday"}}', "utf-8")
    before = run("export", "--store", store)[1]
    code, output = run("load", str(bad), "--store", store, "--quiet")
    assert code == 1
    assert str(bad) in output and "/article/published" in output
    assert run("export", "--store", store)[1] == before


def test_stats_counts(store: str) -> None:
    code, output = run("stats", "--store", store, "--json")
    figures = json.loads(output)
    assert code == 0
    assert figures["articles"] == 5
    assert figures["awards"] == 7  # seeds 001, 003 and 004 state 4 + 2 + 1 awards


def test_validate_conforming_store(store: str) -> None:
    code, output = run("validate", "--store", store, "--quiet")
    assert code == 0 and "the store conforms" in output


def test_validate_reports_a_broken_store(store: str) -> None:
    from vnkg.graph.embedded import EmbeddedStore

    with EmbeddedStore(Path(store)) as handle:  # a fact no article supports, written past the loader
        handle.update("INSERT DATA { GRAPH <https://w3id.org/vnkg/id/graph/facts> { "
                      "<https://w3id.org/vnkg/id/leadership/x> a <https://w3id.org/vnkg/ontology#BlocLeadership> } }")
    code, output = run("validate", "--store", store, "--quiet")
    assert code == 1
    assert "leadership/x" in output


@pytest.mark.parametrize(("fmt", "parse_as"), [("nquads", "nquads"), ("trig", "trig"), ("turtle", "turtle"),
                                               ("jsonld", "json-ld")])
def test_export_formats_parse_back(store: str, tmp_path: Path, fmt: str, parse_as: str) -> None:
    out = tmp_path / f"dump.{fmt}.gz"
    code, output = run("export", "--format", fmt, "-o", str(out), "--store", store)
    assert code == 0, output
    data = gzip.decompress(out.read_bytes())
    graph = Dataset() if fmt in ("nquads", "trig", "jsonld") else Graph()
    graph.parse(data=data, format=parse_as)
    assert len(graph) > 500 or sum(1 for _ in graph.quads()) > 500  # type: ignore[union-attr]


def test_export_one_graph(store: str) -> None:
    code, output = run("export", "--format", "turtle", "--graph",
                       "https://w3id.org/vnkg/id/graph/article/a-2967314416b6", "--store", store)
    assert code == 0
    graph = Graph().parse(data=output, format="turtle")
    assert 20 < len(graph) < 400


def test_export_unknown_format(store: str) -> None:
    code, output = run("export", "--format", "xml", "--store", store)
    assert code == 2 and "unknown format" in output


def test_remove(store: str) -> None:
    assert run("remove", "a-2967314416b6", "--store", store)[0] == 0
    code, output = run("remove", "a-2967314416b6", "--store", store)
    assert code == 1 and "not in the store" in output
    assert json.loads(run("stats", "--store", store, "--json")[1])["articles"] == 4


def test_load_with_worker_processes(tmp_path: Path) -> None:
    code, output = run("load", str(SEEDS), "--store", str(tmp_path / "w"), "--workers", "2", "--quiet")
    assert code == 0, output
    assert "5 loaded, 0 unchanged, 0 failed" in output
    assert run("export", "--store", str(tmp_path / "w"))[1] == run("export", "--store", _one_process(tmp_path))[1]


def _one_process(tmp_path: Path) -> str:
    code, output = run("load", str(SEEDS), "--store", str(tmp_path / "one"), "--workers", "1", "--quiet")
    assert code == 0, output
    return str(tmp_path / "one")


def test_a_store_in_the_old_statement_layout_is_refused_and_kept(tmp_path: Path) -> None:
    from vnkg.graph.embedded import EmbeddedStore

    path = tmp_path / "old"
    old = EmbeddedStore(path)  # an article graph holding its variant statement, as written before
    old.update("""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
INSERT DATA { GRAPH <https://w3id.org/vnkg/id/graph/article/a-1> {
  <https://w3id.org/vnkg/id/article/a-1#st-1> a rdf:Statement ; rdf:subject <https://w3id.org/vnkg/id/person/x> ;
    rdf:predicate <http://www.w3.org/2000/01/rdf-schema#label> ; rdf:object "X" } }""")
    old.close()
    before = run("export", "--store", str(path))[1]
    for command in (["load", str(SEEDS), "--quiet"], ["remove", "a-1"]):
        code, output = run(*command, "--store", str(path))
        assert code == 2, (command, output)
        assert "variant statements inside article graphs" in output and "new store" in output
    assert run("export", "--store", str(path))[1] == before
