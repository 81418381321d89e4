"""Entity resolution: the deterministic, readable IRI each name in an article stands for.

The rules (documented in docs/MODEL.md and README):
- provinces through the gazetteer (aliases, both tone spellings, old names), resolved on the
  article's date, so "Thái Nguyên" in 2023 and in 2026 are two units;
- a person is their name plus the province of their provincial posts in the article: the same
  name in the same province, or with national posts only, is one person across articles; the same
  name in two provinces is two people until an override joins them;
- blocs by a key that ignores the wording around the name ("Cụm thi đua 7 tỉnh X" = "Cụm thi đua
  các tỉnh X"); a bloc inside one province carries that province;
- overrides (same-as / distinct) are applied last.

>>> m = Minter("https://w3id.org/vnkg/id/")
>>> m.bloc("Cụm thi đua 7 tỉnh Trung du và Miền núi phía Bắc", "cum").iri
rdflib.term.URIRef('https://w3id.org/vnkg/id/bloc/trung-du-va-mien-nui-phia-bac')
>>> m.person("Nguyễn Đăng Bình", "bac-kan")
rdflib.term.URIRef('https://w3id.org/vnkg/id/person/nguyen-dang-binh--bac-kan')
>>> canonical_title("Chủ tịch Ủy ban nhân dân tỉnh")
'Chủ tịch UBND tỉnh'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rdflib import URIRef
from vnkg.loaders.errors import UnknownProvinceError
from vnkg.loaders.overrides import Overrides

from vnkg.reference import AwardType, Gazetteer, Province, Title, award_types, titles
from vnkg.text import canonical, search_key, slugify

_CONTRACT = [
    (re.compile(r"\bỦy ban nhân dân\b", re.IGNORECASE), "UBND"),
    (re.compile(r"\bHội đồng nhân dân\b", re.IGNORECASE), "HĐND"),
    (re.compile(r"\bỦy ban Mặt trận Tổ quốc\b", re.IGNORECASE), "Ủy ban MTTQ"),
]
_NUMBER_WORDS = r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mười một|mười hai|mười ba|mười bốn)"
_BLOC_NOISE = [
    re.compile(r"^\s*(?:cụm|khối)\s+thi\s+đua\b", re.IGNORECASE),
    re.compile(rf"(?<!số )\b(?:các|{_NUMBER_WORDS})\s+(?:tỉnh|thành phố|đơn vị)(?:\s*,\s*(?:thành phố|tp))?\b",
               re.IGNORECASE),
]
# Words that open the body part of a title: "Giám đốc | Sở Nội vụ", "Chủ tịch | UBND tỉnh".
_BODY_HEADS = re.compile(
    r"\b(UBND|HĐND|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Ủy ban|Sở|Ban|Hội|Bộ|Viện|Tòa án|Công an|Cục|"
    r"Văn phòng|Liên đoàn|Mặt trận|Đoàn|Quân khu|Chính phủ|Quốc hội|Thanh tra|Trường|Học viện|"
    r"Liên hiệp|Tổng cục|Kho bạc|Ngân hàng|Khối|Cụm)\b"
)
_CLASSIFICATION = {"UBND": "PeoplesCommittee", "HĐND": "PeoplesCouncil", "Tỉnh ủy": "PartyCommittee",
                   "Thành ủy": "PartyCommittee"}


@lru_cache(maxsize=1 << 16)
def canonical_title(title: str) -> str:
    """A post title in its canonical spelling: NFC, new-style tones, UBND/HĐND contracted."""
    text = canonical(title)
    for pattern, short in _CONTRACT:
        text = pattern.sub(short, text)
    return text


def join_title(title: str, organization: str | None) -> str:
    """Title and body as one post name, the words they share at the seam said once
    ("Phó Trưởng Ban" + "Ban Thi đua - Khen thưởng" = "Phó Trưởng Ban Thi đua - Khen thưởng")."""
    if not organization:
        return title
    if canonical(organization).lower() in canonical(title).lower():
        return title
    t_words, o_words = title.split(), organization.split()
    for k in range(min(len(t_words), len(o_words)), 0, -1):
        if [w.lower() for w in t_words[-k:]] == [w.lower() for w in o_words[:k]]:
            return " ".join(t_words + o_words[k:])
    return f"{title} {organization}"


def bloc_key(name: str) -> str:
    """The part of a bloc's name that identifies it, lower case."""
    text = canonical(name)
    for pattern in _BLOC_NOISE:
        text = pattern.sub(" ", text)
    text = re.sub(r"^\s*\d+\s+", " ", text)  # "Cụm thi đua 6 LĐLĐ tỉnh ..." states a count first
    return re.sub(r"\s+", " ", text).strip(" ,-").lower()


def body_of_title(title: str) -> str | None:
    """The body part of a post title ("Sở Nội vụ" of "Giám đốc Sở Nội vụ"), if it names one."""
    match = next((m for m in _BODY_HEADS.finditer(title) if m.start() > 0), None)
    return title[match.start():] if match else None


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()  # noqa: S324


@dataclass(frozen=True)
class BlocRef:
    iri: URIRef
    path: str
    label: str
    kind: str
    key: str


@dataclass(frozen=True)
class BodyRef:
    iri: URIRef
    label: str
    classification: str | None
    province: Province | None


@dataclass(frozen=True)
class PostRef:
    iri: URIRef
    path: str
    label: str
    title: str
    body: BodyRef | None
    province: Province | None
    title_type: Title | None


_IRIS_MAX = 100_000
"""Most IRIs a `Minter` keeps made."""


class Minter:
    """Mints the IRIs of one store (base IRI, gazetteer, overrides)."""

    def __init__(self, base_iri: str, overrides: Overrides | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        if not base_iri.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {base_iri!r}")
        self.base = base_iri
        self.gazetteer = gazetteer or Gazetteer.load()
        self.overrides = overrides or Overrides()
        self._iris: dict[str, URIRef] = {}
        self._province_iris: dict[str, URIRef] = {}
        self._titles = {canonical_title(t.vi).lower(): t for t in titles()}
        for t in titles():
            for variant in t.variants:
                self._titles.setdefault(canonical_title(variant).lower(), t)

    def iri(self, path: str) -> URIRef:
        """The IRI of a path under the base, after the overrides (memoised: the same people,
        posts and bodies come back article after article, and an IRI is checked when it is made)."""
        found = self._iris.get(path)
        if found is None:
            if len(self._iris) >= _IRIS_MAX:
                self._iris.clear()
            found = self._iris[path] = URIRef(self.base + self.overrides.canonical(path))
        return found

    # -- places and bodies -------------------------------------------------------------------
    def province(self, name: str, on: date | None, source: str, where: str) -> Province:
        unit = self.gazetteer.resolve(name, on)
        if unit is None:
            raise UnknownProvinceError(source, f"at {where}: {name!r} is not a province the gazetteer knows")
        return unit

    def province_iri(self, province: Province) -> URIRef:
        found = self._province_iris.get(province.slug)
        if found is None:
            found = self._province_iris[province.slug] = URIRef(f"{self.base}province/{province.slug}")
        return found

    def organization(self, name: str, province: Province | None) -> BodyRef:
        """A body named in the text ("Hội Nông dân Việt Nam", "Sở Nội vụ" of a province)."""
        text = canonical_title(name)
        bare = re.sub(r"\s+(?:tỉnh|thành phố)$", "", text)
        head = bare.split()[0] if bare else bare
        classification = _CLASSIFICATION.get(bare) or _CLASSIFICATION.get(head if bare == head else "")
        if province is not None:
            path = f"org/{slugify(bare)}--{province.slug}"
            label = text if province.name in text else f"{text} {province.name}"
        else:
            path, label = f"org/{slugify(bare)}", text
        return BodyRef(self.iri(path), label, classification, province)

    # -- people and posts ------------------------------------------------------------------------
    def person_path(self, name: str, home: str | None) -> str:
        slug = slugify(name)
        return f"person/{slug}--{home}" if home else f"person/{slug}"

    def person(self, name: str, home: str | None, article_id: str | None = None) -> URIRef:
        forced = self.overrides.distinct_for(article_id, name) if article_id else None
        return self.iri(forced or self.person_path(name, home))

    def post(self, title: str, organization: str | None, province: Province | None) -> PostRef:
        full = canonical_title(join_title(title, organization))
        body_text = organization or body_of_title(full)
        body = self.organization(body_text, province) if body_text else None
        if province is not None:
            path = f"post/{slugify(full)}--{province.slug}"
            label = full if province.name in full else f"{full} {province.name}"
        else:
            path, label = f"post/{slugify(full)}", full
        title_type = self._titles.get(full.lower())
        return PostRef(self.iri(path), path, label, full, body, province, title_type)

    def tenure(self, person: URIRef, post: PostRef, acting: bool) -> URIRef:
        person_part = person.removeprefix(self.base).removeprefix("person/")
        return self.iri(f"tenure/{person_part}/{post.path.removeprefix('post/')}" + ("/acting" if acting else ""))

    # -- blocs, events, facts -----------------------------------------------------------------------
    def bloc(self, name: str, kind: str | None, province: Province | None = None) -> BlocRef:
        key = bloc_key(name)
        slug = slugify(key)
        if kind == "khoi":
            slug = f"khoi-{slug}"
        if province is not None:
            slug = f"{slug}--{province.slug}"
        path = f"bloc/{slug}"
        return BlocRef(self.iri(path), path, canonical(name), kind or "cum", key)

    def member(self, bloc: BlocRef, unit: URIRef, year: int | None) -> URIRef:
        return self.iri(f"membership/{bloc.path.removeprefix('bloc/')}/{self._tail(unit)}/{year or 'unknown'}")

    def leadership(self, bloc: BlocRef, year: int | None, role: str, unit: URIRef) -> URIRef:
        return self.iri(f"leadership/{bloc.path.removeprefix('bloc/')}/{year or 'unknown'}/{role}/"
                        f"{self._tail(unit)}")

    def event(self, kind: str, bloc: BlocRef | None, name: str | None, day: str | None,
              reviews: int | None, plans: int | None, article_id: str) -> URIRef:
        owner = bloc.path.removeprefix("bloc/") if bloc else slugify(name or "event", 60)
        if day:
            when = day
        elif reviews or plans:
            when = f"r{reviews or 'x'}-p{plans or 'x'}"
        else:
            when = article_id
        return self.iri(f"event/{owner}/{kind}/{when}")

    def participation(self, event: URIRef, person: URIRef, role: str) -> URIRef:
        event_part = event.removeprefix(self.base).removeprefix("event/")
        return self.iri(f"participation/{event_part}/{self._tail(person)}/{role}")

    def award(self, *key: object) -> URIRef:
        return self.iri(f"award/{_digest(*key)[:16]}")

    def award_type(self, name: str, conferred_by: str | None) -> AwardType | None:
        """The award type of awards.csv a written award name stands for, where one fits."""
        return match_award_type(name, conferred_by)

    def award_type_iri(self, award: AwardType) -> URIRef:
        return URIRef(self.base + award.path)

    def title_type_iri(self, title: Title) -> URIRef:
        return URIRef(self.base + title.path)

    def _tail(self, iri: URIRef) -> str:
        """The path of an IRI after its kind ("province/bac-kan" -> "bac-kan")."""
        return iri.removeprefix(self.base).split("/", 1)[-1]


def match_award_type(name: str, conferred_by: str | None) -> AwardType | None:
    """Exact name, then the longest award-type name the written name starts with, then the
    kind of award and the level of its issuer (Cờ thi đua / Bằng khen of the Government or Prime
    Minister, else of a ministry or province)."""
    text = canonical(name).lower()
    issuer = canonical(conferred_by or "").lower()
    types = award_types()
    by_name = {canonical(t.vi).lower(): t for t in types}
    if text in by_name:
        return by_name[text]
    starts = [t for key, t in by_name.items() if text.startswith(key)]
    if starts:
        return max(starts, key=lambda t: len(t.vi))
    keys = {t.key: t for t in types}
    both = f"{text} {issuer}"
    if text.startswith("cờ thi đua"):
        return keys.get("co_thi_dua_chinh_phu" if "chính phủ" in both else "co_thi_dua_bo_nganh_tinh")
    if text.startswith("bằng khen"):
        return keys.get("bang_khen_ttg" if "thủ tướng" in both else "bang_khen_bo_nganh_tinh")
    if text.startswith("giấy khen"):
        return keys.get("giay_khen")
    return None


__all__ = ["BlocRef", "BodyRef", "Minter", "PostRef", "bloc_key", "canonical_title", "join_title",
           "match_award_type", "search_key"]
