"""Named queries: the loader (headers, types, bound values), every file run with its examples on
both stores, the OpenAPI listing, hostile values, and `vnkg query`."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from typer.testing import CliRunner
from vnkg.graph.base import GraphStore
from vnkg.graph.embedded import EmbeddedStore
from vnkg.loaders.pipeline import Loader
from vnkg.queries import (
    MAX_VALUES,
    QueryDefinitionError,
    QueryParameterError,
    get_query,
    load_queries,
    parse_query_file,
)

from vnkg.cli import app as cli_app
from vnkg.namespaces import VNKG

from .conftest import BASE, CORPUS

REQUIRED = {"official_timeline", "officials_by_name", "official_connections", "bloc_members", "bloc_leadership",
            "bloc_conferences", "awards", "province_blocs", "shortest_chain"}
HOSTILE = ['x"', "x'", "a>b", "}", "a\nb", '" } ; DROP ALL ; #', "> . ?s ?p ?o . <", "SELECT * WHERE",
           "') || true || ('", "\\u0022", "bac-kan> ?p ?o } #", "UNION { ?s ?p ?o }", "%3E", "x" * 300]


def local(term: object) -> str:
    return str(term).rsplit("/", 1)[1]


def test_the_required_queries_exist() -> None:
    assert set(load_queries()) >= REQUIRED


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_every_query_runs_with_its_examples(store: GraphStore, name: str) -> None:
    query = get_query(name)
    assert query.summary
    rows = query.run(store, query.example_values(), limit=20 if query.paginate else None)
    assert isinstance(rows, list)


def test_examples_answer_what_the_articles_say(store: GraphStore) -> None:
    leaders = get_query("bloc_leadership").run(store, {"bloc": "trung-du-va-mien-nui-phia-bac", "year": 2024})
    assert {(str(r["unit"]).rsplit("/", 1)[1], str(r["role"])) for r in leaders} == {
        ("tuyen-quang", str(VNKG.blocLeader)), ("hoa-binh", str(VNKG.blocDeputy))}
    members = get_query("bloc_members").run(store, {"bloc": "trung-du-va-mien-nui-phia-bac", "year": "2024"})
    assert {str(r["memberLabel"]) for r in members} == {"Bắc Kạn", "Hòa Bình", "Tuyên Quang"}
    blocs = get_query("province_blocs").run(store, {"province": "bac-kan"})
    assert {(int(str(r["year"])), str(r["relation"])) for r in blocs if r.get("year")} >= {
        (2023, str(VNKG.blocLeader)), (2024, str(VNKG.member))}
    chain = get_query("shortest_chain").run(store, {"source": "nguyen-van-son--tuyen-quang",
                                                   "target": "luong-quoc-doan"})
    assert chain and int(chain[0]["length"]) == 1


def test_binding_types() -> None:
    query = get_query("awards")
    bound = query.bind({"province": "binh-dinh", "year": 2023, "type": "bang-khen-ttg", "status": "Conferred"}, BASE)
    assert bound["province"] == URIRef(f"{BASE}province/binh-dinh")
    assert bound["year"] == Literal("2023", datatype=XSD.gYear)
    assert bound["type"] == URIRef(f"{BASE}award-type/bang-khen-ttg")
    assert bound["status"] == VNKG.Conferred
    assert get_query("officials_by_name").bind({"q": "Ông Nguyễn Văn Hoà"}, BASE)["q"] == Literal("nguyen van hoa")
    with pytest.raises(QueryParameterError):
        query.bind({"year": 12}, BASE)
    with pytest.raises(QueryParameterError):
        query.bind({"nonsense": "x"}, BASE)
    with pytest.raises(QueryParameterError):
        get_query("official_timeline").bind({}, BASE)


def test_an_inline_parameter_takes_several_values(store: GraphStore) -> None:
    query = get_query("official_source_details")
    person = "nguyen-dang-binh--bac-kan"
    every = {local(r["article"]) for r in get_query("official_sources").run(store, {"person": person})}
    assert every >= {"a-2967314416b6", "a-4966972f6d34"}
    both = query.run(store, {"person": person, "article": ["a-2967314416b6", "a-4966972f6d34"]})
    assert {local(r["article"]) for r in both} == {"a-2967314416b6", "a-4966972f6d34"}
    one = query.run(store, {"person": person, "article": ("a-4966972f6d34",)})
    assert {local(r["article"]) for r in one} == {"a-4966972f6d34"}
    assert query.run(store, {"person": person, "article": []}) == []  # no values match nothing
    bound_later = parse_query_file("#+ name: x\n#+ summary: s\n#+ params:\n#+   - name: p\n#+     type: id:person\n"
                                   "SELECT ?p WHERE { ?p ?q ?r }\n", "x.rq")  # ?p bound by the store, not inline
    with pytest.raises(QueryParameterError, match="takes one value"):
        bound_later.bind({"p": ["a", "b"]}, BASE)
    with pytest.raises(QueryParameterError, match="more than"):
        query.bind({"person": person, "article": ["a"] * (MAX_VALUES + 1)}, BASE)
    with pytest.raises(QueryParameterError):
        query.bind({"person": person, "article": ["a-1", "x> . ?s ?p ?o . <"]}, BASE)


def test_source_list_is_most_recent_first_and_cut_to_a_tenure(store: GraphStore) -> None:
    query = get_query("official_source_list")
    rows = query.run(store, query.example_values())
    assert rows and {local(r["tenure"]) for r in rows} == {"chu-tich-ubnd-tinh--bac-kan"}
    dates = [str(r.get("published", "")) for r in rows]
    assert dates == sorted(dates, reverse=True)
    every = query.run(store, {"person": "nguyen-dang-binh--bac-kan"})
    assert len({str(r["tenure"]) for r in every}) == 2 and len(every) > len(rows)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_never_reach_the_query(value: str) -> None:
    for name, query in load_queries().items():
        for param in query.params:
            try:
                term = param.to_term(value, BASE)
            except QueryParameterError:
                continue
            # Only search keys and strings get through, as literals whose text is folded or kept whole.
            assert isinstance(term, Literal), (name, param.name, term)
            text = query.query_text({param.name})
            assert value not in text


def test_header_errors() -> None:
    good = "#+ name: x\n#+ summary: s\n#+ params:\n#+   - name: p\n#+     type: id:person\n" \
           "SELECT ?p WHERE { ?p ?q ?r }\n"
    assert parse_query_file(good, "x.rq").params[0].kind == "person"
    for bad in (good.replace("#+ summary: s\n", ""),
                good.replace("type: id:person", "type: colour"),
                good.replace("SELECT ?p WHERE", "SELECT ?r WHERE"),
                good.replace("?r }", "?r "),
                good.replace("SELECT ?p WHERE { ?p ?q ?r }", "ASK { ?p ?q ?r }"),
                good + "#? nothing\n"):
        with pytest.raises(QueryDefinitionError):
            parse_query_file(bad, "bad.rq")


def test_queries_are_in_the_openapi_document(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for name, query in load_queries().items():
        operation = spec["paths"][f"/queries/{name}"]["get"]
        assert operation["summary"] == query.summary
        declared = {p["name"] for p in operation.get("parameters", [])}
        assert {p.name for p in query.params} <= declared
    listed = {q["name"] for q in client.get("/queries").json()}
    assert listed == set(load_queries())


def test_named_query_over_http(client: TestClient) -> None:
    body = client.get("/queries/bloc_leadership", params={"bloc": "trung-du-va-mien-nui-phia-bac",
                                                          "year": 2023}).json()
    assert {(r["unitLabel"], r["role"].rsplit("#", 1)[1]) for r in body["rows"]} == {
        ("Bắc Kạn", "blocLeader"), ("Tuyên Quang", "blocDeputy")}
    csv_text = client.get("/queries/official_timeline", params={"person": "nguyen-dang-binh--bac-kan"},
                          headers={"Accept": "text/csv"}).text
    assert "Chủ tịch UBND tỉnh Bắc Kạn" in csv_text


ENDPOINT_PARAMS = [
    ("/officials", "q"), ("/awards", "province"), ("/awards", "type"), ("/awards", "status"), ("/awards", "year"),
    ("/conferences", "bloc"), ("/conferences", "year"), ("/path", "from"), ("/path", "to"), ("/blocs", "limit"),
] + [(f"/queries/{name}", p.name) for name, q in load_queries().items() for p in q.params]
PATH_ENDPOINTS = ["/officials/{}", "/officials/{}/connections", "/blocs/{}", "/provinces/{}", "/conferences/{}"]


@pytest.mark.parametrize(("url", "param"), ENDPOINT_PARAMS)
def test_hostile_query_parameters(client: TestClient, url: str, param: str) -> None:
    defaults = {"/path": {"from": "nguyen-dang-binh--bac-kan", "to": "luong-quoc-doan"}}.get(url, {})
    if url.startswith("/queries/"):
        defaults = get_query(url.rsplit("/", 1)[1]).example_values()
    for value in HOSTILE:
        response = client.get(url, params={**defaults, param: value})
        assert response.status_code in (200, 404, 422), (url, param, value, response.text)
        if response.status_code == 200 and param == "q" and url == "/officials":
            assert response.json()["items"] == []


@pytest.mark.parametrize("template", PATH_ENDPOINTS)
def test_hostile_ids(client: TestClient, template: str) -> None:
    for value in HOSTILE:
        response = client.get(template.format(quote(value, safe="")))
        assert response.status_code in (404, 422), (template, value, response.text)


def test_vnkg_query_command(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store", base_iri=BASE) as store:
        assert Loader(store).load_paths([CORPUS / "seeds"]).ok
    runner = CliRunner()
    env = {"VNKG_BASE_IRI": BASE}
    result = runner.invoke(cli_app, ["query", "bloc_leadership", "--param", "bloc=trung-du-va-mien-nui-phia-bac",
                                     "--param", "year=2024", "--format", "json", "--store", str(tmp_path / "store")],
                           env=env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["unitLabel"] for r in rows} == {"Tuyên Quang", "Hòa Bình"}
    csv_out = runner.invoke(cli_app, ["query", "official_timeline", "-p", "person=nguyen-dang-binh--bac-kan",
                                      "--format", "csv", "--store", str(tmp_path / "store")], env=env)
    assert csv_out.exit_code == 0 and "Phó Bí thư Tỉnh ủy Bắc Kạn" in csv_out.output
    bad = runner.invoke(cli_app, ["query", "official_timeline", "-p", "person=x>y", "--store",
                                  str(tmp_path / "store")], env=env)
    assert bad.exit_code == 2
    listed = runner.invoke(cli_app, ["query", "--list"])
    assert "official_timeline" in listed.output


def test_vnkg_serve_is_registered() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output
