"""The server-rendered pages, read as HTML: what each shows, that the search matches as
``/officials?q=`` does, that every fact of an article is listed, and that user text is escaped."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient
from rdflib import URIRef
from rdflib.namespace import RDF
from vnkg.graph.embedded import EmbeddedStore
from vnkg.queries import load_queries

from .sample import ARTICLE, BASE, BLOC, EVENT, PERSON, POST_QUOTE, QUOTED


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html)]


def section(html: str, name: str) -> str:
    match = re.search(rf'<section id="{name}">(.*?)</section>', html, re.S)
    assert match, f"no section {name}"
    return match.group(1)


@pytest.mark.parametrize("q", ["nguyen dang binh", "Nguyễn Đăng Bình", "NGUYEN DANG BINH", "binh", "Lương Quốc Đoàn",
                               "nobody here"])
def test_search_matches_like_the_json_api(client: TestClient, q: str) -> None:
    api = client.get("/officials", params={"q": q}).json()
    expected = [f"/page/person/{item['id']}" for item in api["items"]]
    fragment = client.get("/page/search", params={"q": q, "fragment": 1}).text
    found = [h for h in hrefs(fragment) if h.startswith("/page/person/")]
    assert found == expected
    if q != "nobody here":
        assert found
    full = client.get("/page/search", params={"q": q}).text
    assert '<form class="search"' in full and found == [h for h in hrefs(section_or_all(full)) if
                                                        h.startswith("/page/person/")]


def section_or_all(html: str) -> str:
    match = re.search(r'<div id="results".*?</div>', html, re.S)
    return match.group(0) if match else html


def test_home_counts_and_latest(client: TestClient, store: EmbeddedStore) -> None:
    html = client.get("/").text
    pattern = r"<dt>[^<]+? <span class=\"en\">([a-z]+)</span></dt><dd>(\d+)</dd>"
    shown = {en: int(n) for en, n in re.findall(pattern, html)}
    for en, cls in (("people", "https://schema.org/Person"), ("blocs", "https://w3id.org/vnkg/ontology#EmulationBloc"),
                    ("conferences", "https://w3id.org/vnkg/ontology#Conference"),
                    ("awards", "https://w3id.org/vnkg/ontology#AwardConferral")):
        rows = store.select(f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{cls}> }}")
        assert shown[en] == int(rows[0]["n"]) > 0, en
    assert shown["people"] != shown["blocs"]
    assert shown["articles"] == len(store.article_ids())
    assert len([h for h in hrefs(html) if h.startswith("/page/article/")]) == 10
    with_query = client.get("/", params={"q": "nguyen dang binh"}).text
    assert f"/page/{PERSON}" in hrefs(with_query)  # results without JavaScript too


def test_user_text_is_escaped(client: TestClient) -> None:
    html = client.get("/page/search", params={"q": '<script>alert("x")</script>'}).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_official_page(client: TestClient) -> None:
    html = client.get(f"/page/{PERSON}").text
    timeline = section(html, "timeline")
    posts = re.findall(r'<li class="post">(.*?)</li>\s*(?=<li class="post">|</ol>)', timeline, re.S)
    assert len(posts) == 2
    assert "Chủ tịch UBND tỉnh Bắc Kạn" in posts[0] and "Phó Bí thư Tỉnh ủy Bắc Kạn" in posts[1]
    assert POST_QUOTE in unescape(posts[0])
    assert f"/page/{ARTICLE}" in hrefs(posts[0])  # the quoted sentence links to its article
    events = section(html, "events")
    assert QUOTED in unescape(events)
    assert f"/page/{EVENT}" in hrefs(events) and f"/page/{BLOC}" in hrefs(events)
    network = json.loads(re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html,
                                   re.S).group(1))
    assert network["center"]["id"] == BASE + PERSON
    assert {n["label"] for n in network["nodes"]} >= {"Lương Quốc Đoàn", "Nguyễn Văn Sơn"}
    assert "/page/person/luong-quoc-doan" in hrefs(section(html, "connections"))


def test_bloc_page(client: TestClient) -> None:
    html = client.get(f"/page/{BLOC}").text
    rotation = section(html, "rotation")
    row_2023 = re.search(r"<tr><th scope=\"row\">2023</th>(.*?)</tr>", rotation, re.S).group(1)
    leader, deputy = re.findall(r"<td>(.*?)</td>", row_2023, re.S)
    assert "Bắc Kạn" in leader and "Tuyên Quang" in deputy
    members = section(html, "members")
    row = re.search(r"<tr><th scope=\"row\">2023</th>(.*?)</tr>", members, re.S).group(1)
    assert len([h for h in hrefs(row) if h.startswith("/page/province/")]) == 7
    assert f"/page/{EVENT}" in hrefs(section(html, "conferences"))


def test_province_page_links_reform_and_out(client: TestClient) -> None:
    html = client.get("/page/province/bac-kan").text
    assert "/page/province/thai-nguyen-2025" in hrefs(html)
    assert "http://www.wikidata.org/entity/Q36404" in hrefs(html)
    assert "<code>06</code>" in html and "<code>VN-53</code>" in html
    assert f"/page/{BLOC}" in hrefs(section(html, "blocs"))
    leadership = section(html, "leadership")
    assert "2023" in leadership and "Cụm trưởng" in leadership
    assert f"/page/{PERSON}" in hrefs(section(html, "officials"))
    merged = client.get("/page/province/thai-nguyen-2025").text
    assert {"/page/province/bac-kan", "/page/province/thai-nguyen"} <= set(hrefs(merged))


def test_event_page(client: TestClient) -> None:
    html = client.get(f"/page/{EVENT}").text
    assert f"/page/{PERSON}" in hrefs(section(html, "participants"))
    sources = section(html, "sources")
    assert POST_QUOTE in unescape(sources) and f"/page/{ARTICLE}" in hrefs(sources)


def test_article_page_lists_every_fact(client: TestClient, store: EmbeddedStore) -> None:
    html = client.get(f"/page/{ARTICLE}").text
    # every node the article supports but its variant statements, whose values are its nodes' facts
    derived = store.select("SELECT ?n WHERE { GRAPH ?g { ?n <http://www.w3.org/ns/prov#wasDerivedFrom> ?a } "
                           "FILTER NOT EXISTS { ?n a ?statement } }",
                           {"a": URIRef(BASE + ARTICLE), "statement": RDF.Statement})
    expected = {"/page/" + str(r["n"])[len(BASE):] for r in derived}
    assert len(expected) > 10
    assert expected <= set(hrefs(section(html, "facts")))
    assert QUOTED in unescape(html)


def test_award_page(client: TestClient, store: EmbeddedStore) -> None:
    rows = store.select("SELECT ?a ?r WHERE { ?a a <https://w3id.org/vnkg/ontology#AwardConferral> ; "
                        "<https://w3id.org/vnkg/ontology#recipient> ?r } ORDER BY ?a LIMIT 1")
    award, recipient = (str(rows[0]["a"])[len(BASE):], str(rows[0]["r"])[len(BASE):])
    html = client.get(f"/page/{award}").text
    assert f"/page/{recipient}" in hrefs(html)
    assert "/page/article/" in " ".join(hrefs(section(html, "sources")))


def test_sparql_page_examples_run(client: TestClient, store: EmbeddedStore) -> None:
    html = client.get("/page/sparql").text
    assert "/static/vendor/yasgui/yasgui.min.js" in html and "cdn" not in html.lower()
    examples = dict(re.findall(r'<pre class="query" data-name="([a-z_]+)">(.*?)</pre>', html, re.S))
    assert set(examples) == set(load_queries())
    for name, text in examples.items():
        rows = store.select(unescape(text))
        if name in ("official_timeline", "official", "bloc", "bloc_members", "province"):
            assert rows, f"the example of {name} finds nothing"


def test_static_files_stay_inside(client: TestClient) -> None:
    assert client.get("/static/css/vnkg.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/vendor/yasgui/yasgui.min.js").status_code == 200
    for path in ("/static/../routes/pages.py", "/static/%2e%2e/routes/pages.py", "/static/nope.css"):
        assert client.get(path).status_code == 404


def test_a_variant_statement_page_links_its_subject_and_the_articles_stating_it(
        client: TestClient, store: EmbeddedStore) -> None:
    rows = store.select("SELECT ?st ?s WHERE { GRAPH ?g { ?st a ?statement ; ?subject ?s } } ORDER BY ?st LIMIT 1",
                        {"g": URIRef(BASE + "graph/statements"), "statement": RDF.Statement, "subject": RDF.subject})
    statement, subject = (str(rows[0]["st"])[len(BASE):], str(rows[0]["s"])[len(BASE):])
    assert statement.startswith("statement/")
    html = client.get(f"/page/{statement}").text
    assert f"/page/{subject}" in hrefs(html)
    assert "/page/article/" in " ".join(hrefs(html))
    assert client.get(f"/id/{statement}", headers={"Accept": "text/turtle"},
                      follow_redirects=False).status_code == 303
