"""The synthetic facts/1 generator: deterministic, valid, and shaped as the benchmark asks."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from vnkg.loaders.documents import check_references

from bench.generate import build_world, generate, write
from vnkg.reference import Gazetteer

N = 1500


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return list(generate(N, seed=11))


def _province_of(person: dict) -> str | None:
    return next((p["province"] for p in person["positions"] if p.get("province")), None)


def test_same_seed_same_documents_and_prefix_stable(docs: list[dict]) -> None:
    assert list(generate(200, seed=11)) == docs[:200]
    other = list(generate(200, seed=12))
    assert other != docs[:200]
    assert len({d["article"]["id"] for d in docs}) == N


def test_every_document_validates_against_the_schema(docs: list[dict]) -> None:
    schema = json.loads(resources.files("vnkg.data").joinpath("facts.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for doc in docs:
        errors = list(validator.iter_errors(doc))
        assert not errors, (doc["article"]["id"], errors[0].message)
        check_references(doc, doc["article"]["id"])


def test_provinces_are_gazetteer_names_valid_on_the_meeting_day(docs: list[dict]) -> None:
    gaz = Gazetteer.load()
    seen_after_reform = set()
    for doc in docs:
        day = date.fromisoformat(doc["events"][0]["date"])
        names = [_province_of(p) for p in doc["people"]] + [doc["events"][0]["location"]]
        names += [r["province"] for r in doc["bloc_roles"] if "province" in r]
        for name in filter(None, names):
            unit = gaz.resolve(name, on=day)
            assert unit is not None and unit.valid_on(day), (name, day)
            if day >= date(2025, 7, 1):
                seen_after_reform.add(name)
    # After the 2025 mergers only the 34 new units appear, and they do appear.
    assert seen_after_reform and "Bắc Kạn" not in seen_after_reform and "Hà Giang" not in seen_after_reform


def test_world_has_63_then_34_provinces_and_blocs_of_7_to_12() -> None:
    world = build_world(11)
    assert len(world.pre) == 63 and len(world.post) == 34
    for era in ("pre", "post"):
        sizes = {len(bloc.members) for bloc in world.blocs[era]}
        assert min(sizes) >= 7 and max(sizes) <= 12
        covered = {m for bloc in world.blocs[era] for m in bloc.members}
        assert covered == set(world.pre if era == "pre" else world.post)


def test_distributions_roughly_as_specified(docs: list[dict]) -> None:
    participants = [len(e["participants"]) for d in docs for e in d["events"]]
    assert all(len(d["events"]) == 1 for d in docs)
    assert 7 <= statistics.mean(participants) <= 9.5
    awards = Counter(len(d["awards"]) for d in docs)
    assert set(awards) <= {0, 1, 2, 3} and awards[0] < N and awards[3] > 0
    posts = Counter(len(p["positions"]) for d in docs for p in d["people"])
    assert set(posts) == {1, 2, 3}
    years = Counter(int(d["article"]["published"][:4]) for d in docs)
    assert min(years) == 2016 and max(years) == 2025 and len(years) == 10
    # Blocs have a leader and a deputy in the same year, and the rotation is stable across reports.
    leaders: dict[tuple[str, int], set[str]] = {}
    for doc in docs:
        roles = {r["role"]: r for r in doc["bloc_roles"]}
        if roles:
            assert set(roles) == {"leader", "deputy"}
            assert roles["leader"]["year"] == roles["deputy"]["year"]
            key = (doc["blocs"][0]["name"], roles["leader"]["year"])
            leaders.setdefault(key, set()).add(roles["leader"].get("province") or roles["leader"]["organization"])
    assert leaders and all(len(v) == 1 for v in leaders.values())
    # Officials are reused: far fewer distinct people than mentions.
    mentions = Counter((p["name"], _province_of(p)) for d in docs for p in d["people"])
    assert sum(mentions.values()) > 3 * len(mentions)


def test_officials_number_about_five_thousand() -> None:
    world = build_world(11)
    distinct = {(o.name, o.posts[0].province, o.posts[0].organization) for o in world.people}
    assert 4000 <= len(distinct) <= 7000


def test_name_collisions_present(docs: list[dict]) -> None:
    provinces_by_name: dict[str, set[str | None]] = {}
    for doc in docs:
        for person in doc["people"]:
            provinces_by_name.setdefault(person["name"], set()).add(_province_of(person))
    across = [name for name, provs in provinces_by_name.items() if len(provs) > 1]
    assert len(across) > 50
    # Two different officials of one province sharing a name, somewhere in the world.
    world = build_world(11)
    same_place: Counter[tuple[str, str | None]] = Counter()
    distinct = {id(o): o for key, table in world.officials.items() if key[0] == "pre" for o in table.values()}
    for official in distinct.values():
        same_place[(official.name, official.posts[0].province)] += 1
    assert any(count > 1 for count in same_place.values())


def test_write_files(tmp_path: Path) -> None:
    assert write(5, tmp_path, seed=3) == 5
    files = sorted(tmp_path.glob("*.facts.json"))
    assert len(files) == 5
    doc = json.loads(files[0].read_text("utf-8"))
    assert files[0].name == f"{doc['article']['id']}.facts.json"
