"""The JSON API answers what the seed articles say (on the embedded store and on Oxigraph)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from vnkg.api.models import local_id
from vnkg.graph.base import GraphStore
from vnkg.queries import get_query

from vnkg.namespaces import VNKG

from .conftest import BASE

BLOC = "trung-du-va-mien-nui-phia-bac"
BINH = "nguyen-dang-binh--bac-kan"


def names(refs: list[dict[str, Any]]) -> list[str]:
    return [r["name"] for r in refs]


def test_bloc_leader_and_deputy_by_year(client: TestClient) -> None:
    body = client.get(f"/blocs/{BLOC}").json()
    assert body["iri"] == f"{BASE}bloc/{BLOC}" and body["id"] == BLOC
    by_year = {entry["year"]: entry for entry in body["leadership"]}
    assert names(by_year[2023]["leader"]) == ["Bắc Kạn"]
    assert names(by_year[2023]["deputy"]) == ["Tuyên Quang"]
    assert names(by_year[2024]["leader"]) == ["Tuyên Quang"]
    assert names(by_year[2024]["deputy"]) == ["Hòa Bình"]
    assert names(by_year[2022]["leader"]) == ["Bắc Giang"]
    assert names(by_year[2017]["leader"]) == ["Tuyên Quang"] and names(by_year[2017]["deputy"]) == ["Hòa Bình"]


def test_bloc_members_and_conferences(client: TestClient) -> None:
    body = client.get(f"/blocs/{BLOC}").json()
    members = {entry["year"]: sorted(names(entry["units"])) for entry in body["members"]}
    assert members[2023] == sorted(["Bắc Giang", "Bắc Kạn", "Hòa Bình", "Phú Thọ", "Thái Nguyên", "Tuyên Quang",
                                    "Yên Bái"])
    assert body["member_count"] == 7 and body["kind"] == "Cum"
    conferences = {c["id"]: c for c in body["conferences"]}
    held = conferences[f"{BLOC}/conference/2023-03-10"]
    assert held["date"] == "2023-03-10" and held["location"]["name"] == "Bắc Giang"
    assert (held["reviews_year"], held["plans_year"]) == (2022, 2023)
    assert f"{BLOC}/conference/2017-07-21" in conferences
    assert body["conference_count"] == len(body["conferences"])
    dates = [c["date"] or "" for c in body["conferences"]]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_blocs_list_pages(client: TestClient) -> None:
    first = client.get("/blocs", params={"limit": 5}).json()
    second = client.get("/blocs", params={"limit": 5, "offset": 5}).json()
    assert first["count"] == 5 and second["count"] == 5
    assert not {b["iri"] for b in first["items"]} & {b["iri"] for b in second["items"]}
    everything = client.get("/blocs", params={"limit": 500}).json()["items"]
    assert BLOC in {b["id"] for b in everything}


def test_official_timeline(client: TestClient) -> None:
    body = client.get(f"/officials/{BINH}").json()
    assert body["name"] == "Nguyễn Đăng Bình" and body["iri"] == f"{BASE}person/{BINH}"
    assert body["home_province"]["id"] == "bac-kan"
    posts = {p["post"]["name"]: p for p in body["posts"]}
    assert set(posts) == {"Chủ tịch UBND tỉnh Bắc Kạn", "Phó Bí thư Tỉnh ủy Bắc Kạn"}
    chair = posts["Chủ tịch UBND tỉnh Bắc Kạn"]
    assert (chair["first_seen"], chair["last_seen"]) == ("2023-03-13", "2024-03")
    assert chair["body"]["id"] == "ubnd--bac-kan" and chair["province"]["name"] == "Bắc Kạn"
    assert chair["acting"] is False
    assert {s["id"] for s in chair["sources"]} == {"a-2967314416b6", "a-4966972f6d34"}
    deputy = posts["Phó Bí thư Tỉnh ủy Bắc Kạn"]
    assert [s["published"] for s in deputy["sources"]] == ["2024-03"]
    assert {e["role"] for e in body["events"]} == {"speaker", "chair"}


def test_official_page_shows_the_most_recent_sources_and_counts_all(client: TestClient) -> None:
    posts = {p["post"]["name"]: p for p in client.get(f"/officials/{BINH}", params={"sources": 1}).json()["posts"]}
    chair = posts["Chủ tịch UBND tỉnh Bắc Kạn"]
    assert chair["source_count"] == 2 and [s["id"] for s in chair["sources"]] == ["a-4966972f6d34"]
    assert chair["sources"][0]["published"] == "2024-03"
    assert chair["tenure"] == f"{BASE}tenure/{chair['tenure_id']}"
    bare = client.get(f"/officials/{BINH}", params={"sources": 0}).json()["posts"]
    assert all(p["sources"] == [] for p in bare) and sum(p["source_count"] for p in bare) == 3
    assert client.get(f"/officials/{BINH}", params={"sources": 101}).status_code == 422


def test_every_source_of_an_official_page_by_page(client: TestClient) -> None:
    page = client.get(f"/officials/{BINH}").json()
    everything = client.get(f"/officials/{BINH}/sources").json()
    assert everything["person"]["id"] == BINH and everything["tenure"] is None
    assert everything["total"] == everything["count"] == sum(p["source_count"] for p in page["posts"]) == 3
    shown = {(p["tenure"], s["id"]): s for p in page["posts"] for s in p["sources"]}
    assert {(i["tenure"], i["id"]): {k: v for k, v in i.items() if k != "tenure"}
            for i in everything["items"]} == shown
    second = client.get(f"/officials/{BINH}/sources", params={"limit": 1, "offset": 1}).json()
    assert second["count"] == 1 and second["total"] == 3 and second["items"][0] == everything["items"][1]
    chair = next(p for p in page["posts"] if p["post"]["name"] == "Chủ tịch UBND tỉnh Bắc Kạn")
    one_post = client.get(f"/officials/{BINH}/sources", params={"tenure": chair["tenure_id"]}).json()
    assert one_post["tenure"] == chair["tenure_id"] and one_post["total"] == 2
    assert [i["published"] for i in one_post["items"]] == ["2024-03", "2023-03-13"]
    assert {i["tenure"] for i in one_post["items"]} == {chair["tenure"]}
    unknown = client.get(f"/officials/{BINH}/sources", params={"tenure": "nobody/nothing"}).json()
    assert unknown["total"] == 0 and unknown["items"] == []
    assert client.get("/officials/nobody-at-all/sources").status_code == 404
    assert client.get(f"/officials/{BINH}/sources", params={"tenure": "a b"}).status_code == 422


def test_an_undated_source_does_not_hide_the_dates_the_others_give(client: TestClient) -> None:
    # Three articles state this post; one has no date. MIN and MAX over a group holding an unbound
    # value are unbound in SPARQL, which once left the post undated.
    rows = client.get("/queries/official_timeline", params={"person": "dang-thi-ngoc-thinh"}).json()["rows"]
    vice_president = next(r for r in rows if r["post"].endswith("/post/pho-chu-tich-nuoc"))
    assert (vice_president["firstSeen"], vice_president["lastSeen"], vice_president["articles"]) == (
        "2018-03", "2018-03-09", 3)
    undated_only = next(r for r in rows if r["post"].endswith("/post/uy-vien-trung-uong-dang"))
    assert undated_only.get("firstSeen") is None and undated_only.get("lastSeen") is None
    page = client.get("/officials/dang-thi-ngoc-thinh").json()
    first = page["posts"][0]  # undated first
    assert (first["first_seen"], first["source_count"]) == (None, 1)


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def test_every_official_page_agrees_with_the_timeline_and_source_list_queries(store: GraphStore,
                                                                              client: TestClient) -> None:
    """The page dates and counts posts from one read of their sources (official_source_dates); the
    named queries official_timeline and official_source_list say the same, post by post."""
    tenures = f"SELECT DISTINCT ?p WHERE {{ ?t a <{VNKG}Tenure> ; <http://www.w3.org/ns/org#member> ?p }}"
    people = sorted({str(r["p"]) for r in store.select(tenures)})
    assert len(people) > 20
    for iri in people:
        person = iri.removeprefix(f"{BASE}person/")
        page = client.get(f"/officials/{person}", params={"sources": 2}).json()
        timeline = get_query("official_timeline").run(store, {"person": person})
        assert [(p["tenure"], p["first_seen"], p["last_seen"], p["source_count"]) for p in page["posts"]] == [
            (str(r["tenure"]), _text(r.get("firstSeen")), _text(r.get("lastSeen")), int(r["articles"]))
            for r in timeline], person
        listed: dict[str, list[str]] = {}
        for row in get_query("official_source_list").run(store, {"person": person}):
            listed.setdefault(str(row["tenure"]), []).append(local_id(str(row["article"]), BASE))
        assert {p["tenure"]: [s["id"] for s in p["sources"]] for p in page["posts"]} == {
            tenure: articles[:2] for tenure, articles in listed.items()}, person


@pytest.mark.parametrize("q", ["nguyen dang binh", "Nguyễn Đăng Bình", "NGUYEN DANG BINH", "ông Nguyễn Đăng Bình",
                               "đ/c nguyễn đăng bình", "dang binh"])
def test_search_is_insensitive_to_diacritics_and_honorifics(client: TestClient, q: str) -> None:
    body = client.get("/officials", params={"q": q}).json()
    assert BINH in [item["id"] for item in body["items"]]


def test_search_tone_spelling(client: TestClient) -> None:
    for spelling in ("Nguyễn Văn Hoà", "Nguyễn Văn Hòa"):
        ids = [i["id"] for i in client.get("/officials", params={"q": spelling}).json()["items"]]
        assert "nguyen-van-hoa--kon-tum" in ids


def test_search_pages(client: TestClient) -> None:
    everyone = client.get("/officials", params={"q": "nguyen", "limit": 500}).json()["items"]
    assert len(everyone) >= 3
    page = client.get("/officials", params={"q": "nguyen", "limit": 2, "offset": 1}).json()
    assert [i["id"] for i in page["items"]] == [i["id"] for i in everyone[1:3]]


def test_connections(client: TestClient) -> None:
    body = client.get(f"/officials/{BINH}/connections").json()
    by_id = {c["person"]["id"]: c for c in body["items"]}
    assert set(by_id) >= {"luong-quoc-doan", "nguyen-van-son--tuyen-quang"}
    assert len(by_id["luong-quoc-doan"]["shared_events"]) == 2
    assert by_id["luong-quoc-doan"]["strength"] >= 2
    assert body["items"][0]["person"]["id"] == "luong-quoc-doan"


def test_colleagues_in_the_same_body(client: TestClient) -> None:
    # Hồ Quốc Dũng and Phạm Anh Tuấn both held posts in Tỉnh ủy Bình Định (seed 001).
    body = client.get("/officials/ho-quoc-dung--binh-dinh/connections", params={"limit": 100}).json()
    other = {c["person"]["id"]: c for c in body["items"]}["pham-anh-tuan--binh-dinh"]
    assert "tinh-uy--binh-dinh" in {b["id"] for b in other["shared_bodies"]}


def test_province_page(client: TestClient) -> None:
    body = client.get("/provinces/bac-kan").json()
    assert body["name"] == "Bắc Kạn" and body["iri"] == f"{BASE}province/bac-kan"
    assert [s["id"] for s in body["successors"]] == ["thai-nguyen-2025"]
    assert {b["year"] for b in body["blocs"]} >= {2017, 2023, 2024}
    assert [(r["year"], r["role"], r["bloc"]["id"]) for r in body["bloc_roles"]] == [(2023, "leader", BLOC)]
    assert {o["person"]["id"] for o in body["officials"]} == {BINH}
    merged = client.get("/provinces/thai-nguyen-2025").json()
    assert {"bac-kan", "thai-nguyen"} <= {p["id"] for p in merged["predecessors"]}


def test_province_awards_and_roles(client: TestClient) -> None:
    body = client.get("/provinces/binh-dinh").json()
    assert [(a["year"], a["status"], a["type"]["id"]) for a in body["awards"]] == [
        (2023, "proposed", "co-thi-dua-chinh-phu")]
    assert {(r["year"], r["role"]) for r in body["bloc_roles"]} == {(2023, "leader")}


def test_province_page_counts_its_awards(client: TestClient) -> None:
    for province in ("binh-dinh", "bac-kan", "dak-lak"):
        listed = client.get("/awards", params={"province": province, "limit": 500}).json()["items"]
        page = client.get(f"/provinces/{province}").json()
        assert page["award_count"] == len(listed) and page["awards"] == listed


def test_provinces_list(client: TestClient) -> None:
    items = client.get("/provinces", params={"limit": 500}).json()["items"]
    ids = {p["id"] for p in items}
    assert {"bac-kan", "thai-nguyen-2025", "hue-2025"} <= ids


def test_awards_proposed_in_2023(client: TestClient) -> None:
    body = client.get("/awards", params={"year": 2023, "status": "proposed", "limit": 500}).json()
    seed = {(a["recipient"]["name"], a["type"]["id"]) for a in body["items"]
            if a["event"] and a["event"]["id"].startswith("tay-nguyen-va-duyen-hai-mien-trung/")}
    assert seed == {("Bình Định", "co-thi-dua-chinh-phu"), ("Đắk Lắk", "co-thi-dua-chinh-phu"),
                    ("Khánh Hòa", "bang-khen-ttg"), ("Đắk Nông", "bang-khen-ttg")}
    assert all(a["year"] == 2023 and a["status"] == "proposed" for a in body["items"])


def test_awards_filters(client: TestClient) -> None:
    conferred = client.get("/awards", params={"year": 2023, "status": "conferred", "limit": 500}).json()["items"]
    assert "22 cá nhân" in {a["recipient_group"] for a in conferred}
    by_type = client.get("/awards", params={"type": "bang-khen-ttg", "limit": 500}).json()["items"]
    assert {a["recipient"]["name"] for a in by_type} >= {"Khánh Hòa", "Đắk Nông"}
    by_province = client.get("/awards", params={"province": "dak-lak"}).json()["items"]
    assert [a["type"]["id"] for a in by_province] == ["co-thi-dua-chinh-phu"]


def test_conferences(client: TestClient) -> None:
    listed = client.get("/conferences", params={"bloc": BLOC}).json()["items"]
    assert f"{BLOC}/conference/2023-03-10" in {c["id"] for c in listed}
    by_year = client.get("/conferences", params={"year": 2023, "limit": 500}).json()["items"]
    assert all(c["plans_year"] in (None, 2023) for c in by_year)
    body = client.get(f"/conferences/{BLOC}/conference/2023-03-10").json()
    assert body["iri"] == f"{BASE}event/{BLOC}/conference/2023-03-10"
    assert {(p["person"]["id"], p["role"]) for p in body["participants"]} == {
        (BINH, "speaker"), ("luong-quoc-doan", "attendee")}
    assert [s["id"] for s in body["sources"]] == ["a-2967314416b6"]
    assert body["bloc"]["id"] == BLOC and body["conference_kind"] == "ReviewConference"


def test_conference_awards(client: TestClient) -> None:
    body = client.get("/conferences/tay-nguyen-va-duyen-hai-mien-trung/conference/2024-03-29").json()
    assert len(body["awards"]) == 4
    assert {a["recipient"]["name"] for a in body["awards"]} == {"Bình Định", "Đắk Lắk", "Khánh Hòa", "Đắk Nông"}


def test_path_through_a_shared_event(client: TestClient) -> None:
    body = client.get("/path", params={"from": BINH, "to": "nguyen-van-son--tuyen-quang"}).json()
    assert body["found"] and body["length"] == 1
    step = body["steps"][0]
    assert step["via_kind"] in ("event", "body") and step["sources"]
    assert "a-4966972f6d34" in {s["id"] for s in step["sources"]}


def test_path_over_several_steps(client: TestClient) -> None:
    # Nguyễn Văn Sơn (Tuyên Quang) -> Nguyễn Đăng Bình -> Lương Quốc Đoàn, or shorter.
    body = client.get("/path", params={"from": "nguyen-van-son--tuyen-quang", "to": "luong-quoc-doan"}).json()
    assert body["found"]
    chain = [body["steps"][0]["source"]["id"]] + [s["target"]["id"] for s in body["steps"]]
    assert chain[0] == "nguyen-van-son--tuyen-quang" and chain[-1] == "luong-quoc-doan"
    for step in body["steps"]:
        assert step["sources"], step


def test_path_to_self_and_unrelated(client: TestClient) -> None:
    same = client.get("/path", params={"from": BINH, "to": BINH}).json()
    assert same["found"] and same["length"] == 0
    apart = client.get("/path", params={"from": BINH, "to": "lai-van-tu"})
    assert apart.status_code == 200


@pytest.mark.parametrize("url", ["/officials/nobody-here", "/officials/nobody-here/connections",
                                 "/blocs/no-such-bloc", "/provinces/atlantis", "/conferences/no/such/event",
                                 "/path?from=nobody&to=nguyen-dang-binh--bac-kan", "/queries/no_such_query"])
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("url", ["/officials/Bad%20Id", "/officials?q=", "/officials", "/blocs?limit=0",
                                 "/blocs?limit=100000", "/awards?year=abc", "/awards?status=maybe",
                                 "/provinces?offset=-1", "/path?from=a", "/conferences?year=3000"])
def test_bad_parameters_are_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_iri_round_trip(client: TestClient) -> None:
    """From an IRI to its API resource (the id is its last part) and back."""
    for item in client.get("/awards", params={"limit": 5}).json()["items"]:
        iri = item["event"]["iri"]
        kind, _, rest = iri[len(BASE):].partition("/")
        assert kind == "event"
        assert client.get(f"/conferences/{rest}").json()["iri"] == iri
