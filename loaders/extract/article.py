"""The extractor's entry point: article text -> a facts/1 document.

The stages run in order: clean the page, split sentences, read the publication date, then per
sentence find provinces, blocs, people and posts; pick the meeting the article reports; then bloc
roles, awards and participants, each fact with the sentence that states it as evidence.

>>> doc = extract_article("Ngày 10/3, tại tỉnh Bắc Giang, Chủ tịch UBND tỉnh Bắc Kạn Nguyễn Đăng Bình "
...                       "dự Hội nghị tổng kết công tác thi đua năm 2022.")
>>> doc["people"][0]["name"], doc["events"][0]["location"]
('Nguyễn Đăng Bình', 'Bắc Giang')
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from vnkg.loaders.extract.awards import (
    NAMED_NEXT,
    NAMED_WITH_ISSUER,
    AwardFact,
    find_awards,
    group_size,
    named_recipients,
)
from vnkg.loaders.extract.blocs import (
    _ORG_WORDS,
    LIST_START,
    PROVINCE_LIST_START,
    TABLE_ROW,
    Bloc,
    BlocMention,
    count_of,
    find_bloc_mentions,
    head_of_each,
    parse_members,
    same_bloc,
)
from vnkg.loaders.extract.clean import clean_text
from vnkg.loaders.extract.dates import find_days, is_dateline, published_date, resolve_day
from vnkg.loaders.extract.events import (
    EventInfo,
    is_event_sentence,
    read_event_sentence,
    role_of,
    stronger,
    venue_of,
    years_of,
)
from vnkg.loaders.extract.people import PersonMention, Post, find_people, is_local, person_key
from vnkg.loaders.extract.places import ProvinceMention, find_provinces
from vnkg.loaders.extract.roles import find_roles
from vnkg.loaders.extract.sentences import Sentence, split_sentences

from vnkg.text import fold_tones

SCHEMA = "facts/1"
_PLACE_CHAIN = re.compile(
    r"(?:,\s*(?:phường|xã|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s+[^,;.()]+(?:\s*\((?:mới|cũ)\))?)+"
)
_HEADLINE = re.compile(r"(?i)hội nghị|tổng kết|sơ kết|giao ban|ký kết|giao ước|phát động|thi đua|\bcụm\b|\bkhối\b")
_MEETING_HELD = re.compile(
    r"(?i)(?:hội nghị|buổi lễ|lễ ký|lễ phát động)\b[^.;]{0,30}?\b(?:diễn ra|được tổ chức|tổ chức)\b"
)


@dataclass
class _Sent:
    """A sentence with what the per-sentence stages found in it."""

    s: Sentence
    provinces: list[ProvinceMention]
    blocs: list[BlocMention]
    people: list[PersonMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.s.text


def article_id(raw: str | bytes) -> str:
    """ "a-" and the first 12 hex digits of the SHA-256 of the input bytes."""
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8", errors="surrogatepass")
    return "a-" + hashlib.sha256(data).hexdigest()[:12]


def _title(text: str) -> str | None:
    """The headline: among the first lines that read like one (short, no final stop, not a kicker, a date
    line, a breadcrumb or the outlet's name), the first that speaks of emulation or a meeting, else the first."""
    candidates: list[str] = []
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:8]:
        line = re.sub(r"^date\s+\d{4}-\d{2}(?:-\d{2})?\s*", "", line).strip()
        if not line or len(line) < 15 or len(line) > 250 or " | " in line or re.search(r"\s[>»]\s", line):
            continue
        letters = re.sub(r"[^\w]", "", line)
        if re.fullmatch(r"[\W\d_]*", line) or re.search(r"\d{1,2}[:/]\d{2}", line[:25]) or is_dateline(line):
            continue
        if letters.isupper() or line.endswith((":", ".", ";")) or line.startswith("("):
            if line.endswith(".") or line.startswith("("):
                break
            continue
        candidates.append(line)
    return next((c for c in candidates if _HEADLINE.search(c)), candidates[0] if candidates else None)


def _day(published: str | None) -> date | None:
    if not published:
        return None
    parts = [int(x) for x in published.split("-")]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 15)
    except ValueError:
        return None


def _group_blocs(sents: list[_Sent]) -> list[Bloc]:
    blocs: list[Bloc] = []
    for st in sents:
        for m in st.blocs:
            if m.generic:
                continue
            target = next((b for b in blocs if any(same_bloc(m, x) for x in b.mentions)), None)
            if target is None:
                target = Bloc(name=m.name, kind=m.kind, number=m.number, evidence=st.text)
                blocs.append(target)
            target.mentions.append(m)
            target.count = target.count or m.count
    for st in sents:  # "Cụm thi đua các tỉnh miền Đông Nam Bộ (Cụm số 4)": one bloc, the name in brackets its alias
        for m1, m2 in zip(st.blocs, st.blocs[1:], strict=False):
            b1, b2 = _bloc_of(m1, blocs), _bloc_of(m2, blocs)
            if (
                b1 is not None and b2 is not None and b1 is not b2 and b1.kind == b2.kind
                and re.fullmatch(r"\s*\(\s*", st.text[m1.end : m2.start])
                and b1.number is None and b2.number is not None
            ):
                b1.mentions.extend(b2.mentions)
                b1.number, b1.count = b2.number, b1.count or b2.count
                blocs.remove(b2)
    for b in blocs:
        best = sorted(b.mentions, key=lambda x: (not x.name.isupper(), len(x.name)), reverse=True)[0]
        b.name = best.name
    return blocs


def _bloc_of(mention: BlocMention, blocs: list[Bloc]) -> Bloc | None:
    return next((b for b in blocs if mention in b.mentions), None)


def _nearest_bloc(st: _Sent, pos: int, blocs: list[Bloc], primary: Bloc | None) -> Bloc | None:
    named = [(abs(m.start - pos), _bloc_of(m, blocs)) for m in st.blocs if not m.generic]
    named = [(d, b) for d, b in named if b is not None]
    if named:
        return sorted(named, key=lambda x: x[0])[0][1]
    return primary


def _post_key(title: str, organization: str | None = None) -> str:
    s = fold_tones(title).lower()
    s = re.sub(r"\s*[-–—]\s*", " ", s)
    for pat, rep in (
        (r"\bủy ban nhân dân\b", "ubnd"),
        (r"\bhội đồng nhân dân\b", "hđnd"),
        (r"\bthành phố\b", "tp"),
        (r"\btp\.", "tp"),
    ):
        s = re.sub(pat, rep, s)
    s = re.sub(r"\s+(tỉnh|tp)$", "", s)
    return " ".join(s.split())


class _People:
    """People of the article, merged by name, each post said once."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.names: dict[str, str] = {}
        self.posts: dict[str, list[tuple[Post, str, bool]]] = {}

    def add(self, mention: PersonMention, evidence: str) -> str:
        key = person_key(mention.name)
        if key not in self.names:
            self.order.append(key)
            self.names[key] = mention.name
            self.posts[key] = []
        for post in mention.posts:
            self.posts[key].append((post, evidence, post.province is not None))
        return key

    def id_of(self, key: str) -> str:
        return f"p{self.order.index(key) + 1}"

    def province_of(self, key: str) -> str | None:
        return next((p.province for p, _e, explicit in self.posts.get(key, []) if explicit and p.province), None)

    def finish(self, home: str | None, bloc_name: str | None, local_home: str | None = None) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for key in self.order:
            chosen: dict[str, tuple[Post, str]] = {}
            rank: dict[str, int] = {}
            for post, evidence, explicit in self.posts[key]:
                if post.needs_home and post.province is None and home:
                    post.province = home
                    post.needs_home = False
                if post.province is None and local_home and is_local(post):
                    post.province = local_home
                k = _post_key(post.title)
                strength = 2 if explicit else (1 if post.province else 0)
                if k not in chosen or strength > rank[k]:
                    chosen[k] = (post, evidence)
                    rank[k] = strength
            keys = list(chosen)
            for k in keys:  # "Thứ trưởng" said again for "Thứ trưởng Bộ Nội vụ": a short repeat, not a post
                post = chosen[k][0]
                if post.province is None and any(o != k and o.startswith(k + " ") for o in keys):
                    del chosen[k]
            positions = []
            for post, evidence in chosen.values():
                pos: dict[str, Any] = {"title": post.title}
                if post.province:
                    pos["province"] = post.province
                org = post.organization
                if re.match(r"(?i)(?:phó\s+)?trưởng\s+(?:khối|cụm)(?:\s+thi đua)?$", post.title) and bloc_name:
                    org = bloc_name
                bare = re.match(r"(?i)(khối\s+(?:trưởng|phó))(?:\s+khối\s+thi đua)?$", post.title)
                if bare and bloc_name:  # "Giám đốc Sở Du lịch, Khối trưởng Khối thi đua": the bloc's own post
                    pos["title"], org = bare.group(1), bloc_name
                if org:
                    pos["organization"] = org
                if post.acting:
                    pos["acting"] = True
                if post.rank:
                    pos["rank"] = post.rank
                pos["evidence"] = evidence
                positions.append(pos)
            out.append({"id": self.id_of(key), "name": self.names[key], "positions": positions})
        return out


def _home_province(sents: list[_Sent], location: str | None, blocs: list[Bloc]) -> str | None:
    if location:
        return location
    for b in blocs:
        if b.province:
            return b.province
    counts: Counter[str] = Counter(p.name for st in sents for p in st.provinces)
    for st in sents:  # a province that organises or hosts
        m = re.search(r"(?i)(?:phối hợp\s+)?tổ chức|đăng cai", st.text)
        if m:
            before = [p for p in st.provinces if p.end <= m.start() and m.start() - p.end < 40]
            listed = len(before) > 1 and re.fullmatch(r"\s*(?:,|và)\s*", st.text[before[-2].end : before[-1].start])
            if before and not listed and not re.search(r"(?i)cụm|khối", st.text[before[-1].end : m.start()]):
                return before[-1].name
    if not counts:
        return None
    top = counts.most_common(2)
    if top[0][1] >= 2 and (len(top) == 1 or top[0][1] >= 2 * top[1][1]):
        return top[0][0]
    return None


def extract_article(text: str | bytes, *, source: str | None = None) -> dict[str, Any]:
    """The facts/1 document of one article's text (plain text or HTML, any Unicode form)."""
    doc: dict[str, Any] = {"schema": SCHEMA, "article": {"id": article_id(text)}}
    cleaned = clean_text(text)
    published = published_date(cleaned, source)
    doc["article"].update({"title": _title(cleaned), "published": published, "source": source})
    on = _day(published)
    sents: list[_Sent] = []
    for s in split_sentences(cleaned):
        provinces = find_provinces(s.text, on=on)
        sents.append(_Sent(s, provinces, find_bloc_mentions(s.text)))
    known: list[str] = []
    for st in sents:
        st.people = find_people(st.text, st.provinces, known)
        known.extend(p.name for p in st.people)

    blocs = _group_blocs(sents)
    title_text = doc["article"]["title"]

    # the meeting
    event_st = (
        next((st for st in sents if is_event_sentence(st.text) and find_days(st.text) and st.text != title_text), None)
        or next((st for st in sents if is_event_sentence(st.text) and st.text != title_text), None)
        or next((st for st in sents if is_event_sentence(st.text)), None)
        # a headline that says a bloc held its review or signing ("Cụm thi đua số 4 ... sơ kết công tác thi đua")
        or next((st for st in sents if st.text == title_text and _HEADLINE_MEETING.search(st.text)
                 and any(not m.generic for m in st.blocs)), None)
    )
    info = read_event_sentence(event_st.text) if event_st else EventInfo()
    if event_st is not None and info.location_raw is None:
        # "Ngày 12/1, Khối ... tổ chức hội nghị ... Hội nghị diễn ra tại Hội trường Tỉnh ủy."
        at = sents.index(event_st)
        for st in sents[at + 1 : at + 3]:
            if _MEETING_HELD.match(st.text):
                info.location_raw = venue_of(st.text)
                break
    if event_st and info.reviews_year is None and info.plans_year is None and title_text:
        info.period, info.reviews_year, info.plans_year = years_of(title_text)
    if event_st and title_text and info.period is None and info.reviews_year is not None:
        # "... tổ chức hội nghị đánh giá kết quả ... năm 2015" under the headline "Cụm ... tổng kết ...":
        # the headline says which review it is
        title_period, title_reviews, _ = years_of(title_text)
        if title_period and title_reviews in (None, info.reviews_year):
            info.period = title_period
    if event_st and info.period == "half-year" and info.reviews_year is None:
        # "Hội nghị sơ kết cụm thi đua ..." then "Trong 6 tháng đầu năm 2014, các tỉnh ...": the half it reviews
        half = _FIRST_HALF.search(cleaned)
        info.reviews_year = int(half.group(1)) if half else None
    primary = None
    if event_st:
        in_event = [_bloc_of(m, blocs) for m in event_st.blocs if not m.generic]
        primary = next((b for b in in_event if b), None)
    if primary is None and blocs:
        primary = max(blocs, key=lambda b: len(b.mentions))

    location = venue = None
    if event_st and info.location_raw and not find_provinces(info.location_raw, on=on):
        # "tại Trung tâm Hội nghị tỉnh, phường Minh Xuân, tỉnh Tuyên Quang (mới), ...": the places after it
        at = event_st.text.find(info.location_raw)
        chain = _PLACE_CHAIN.match(event_st.text, at + len(info.location_raw)) if at != -1 else None
        if chain and find_provinces(chain.group(), on=on):
            info.location_raw = info.location_raw + re.sub(r"\s*\((?:mới|cũ)\)", "", chain.group())
    if event_st and info.location_raw:
        in_venue = find_provinces(info.location_raw, on=on)
        if in_venue:
            location = in_venue[-1].name
            if not (
                in_venue[-1].start == 0
                and in_venue[-1].end >= len(info.location_raw.strip()) - 1
                and (in_venue[-1].prefixed is False or re.match(r"(?i)tỉnh", info.location_raw))
            ):
                venue = info.location_raw
        else:
            venue = info.location_raw
    for b in blocs:
        for m in b.mentions:
            inner = find_provinces(m.name, on=on)
            if inner and (m.number is not None or inner[-1].prefixed):
                b.province = inner[-1].name
    home = _home_province(sents, location, blocs)
    if event_st and location is None and venue:
        location = next((b.province for b in blocs if b.province), None) or home
    if event_st and location is None:
        location = next((b.province for b in blocs if b.province), None)  # a bloc inside one province meets there
    event_date = None
    if event_st and info.day:
        event_date = resolve_day(
            info.day,
            published=published,
            reviews_year=info.reviews_year,
            plans_year=info.plans_year,
            period=info.period,
        )
        if event_date is None:
            event_date = _date_from_context(cleaned, info.day)
    year_default = (
        info.reviews_year
        or (int(event_date[:4]) if event_date else None)
        or info.plans_year
        or (int(published[:4]) if published else None)
    )

    # people
    people = _People()
    for st in sents:
        for p in st.people:
            people.add(p, st.text)

    # members named in lists
    members: dict[int, list[str]] = {id(b): [] for b in blocs}

    def add_member(bloc: Bloc | None, name: str) -> None:
        if bloc is not None and name not in members[id(bloc)]:
            members[id(bloc)].append(name)

    table_rows: list[str] = []  # the units of the rows of a flattened table met so far
    last_named: Bloc | None = None  # the bloc last named in the sentences before: "Khối gồm ..." is that one
    for st in sents:
        if st.text == title_text:
            continue
        for m in st.blocs:
            if m.list_start is not None:
                for name in parse_members(st.text[m.list_start :]):
                    add_member(_bloc_of(m, blocs) or primary, name)
            colon = re.match(r"\s*:\s*", st.text[m.end :])
            if colon and not m.generic:  # "Cụm thi đua 3 NHNN Chi nhánh 06 tỉnh biên giới phía Bắc: A, B, C"
                found = parse_members(st.text[m.end + colon.end() :])
                if len(found) >= 2 and all(find_provinces(x) for x in found):
                    for name in found:
                        add_member(_bloc_of(m, blocs), name)
            paren = re.match(r"\s*\(", st.text[m.end :])
            if paren and not m.generic:
                found = parse_members(st.text[m.end + paren.end() :])
                if len(found) >= 2:
                    for name in found:
                        add_member(_bloc_of(m, blocs), name)
            lead = re.search(
                r"(?:tỉnh|thành phố)\s+(\S+(?:\s+\S+){0,3}?)\s*[-–]\s*dẫn đầu\s*$",
                st.text[max(0, m.start - 60) : m.start],
            )
            if lead and not m.generic:
                found_p = find_provinces(lead.group(0), on=on)
                if found_p:
                    add_member(_bloc_of(m, blocs), found_p[0].name)
        for lm in LIST_START.finditer(st.text):
            listed = st.text[lm.end() :]
            if re.search(r"(?i)\bcác sở\s*:?\s*$", lm.group()):
                # "gồm các sở: Y tế, Giáo dục và Đào tạo": each is a Sở
                listed = re.sub(r"(^|,\s*)(?!Sở\b)(?=[A-ZÀ-ỸĐ])", r"\1Sở ", listed.split(".")[0])
            head, listed = head_of_each(listed)
            found = parse_members(listed)
            if not found:
                continue
            if head:
                found = [f"{head} {x}" for x in found]
            before = [m for m in st.blocs if m.start < lm.start()]
            is_prov = all(find_provinces(x) for x in found)
            if len(found) < 2 and not before:
                continue
            # "Khối gồm 7 đơn vị:", "Cụm có 6 tỉnh:": the bloc of the article, named by its bare noun
            names_bloc = bool(re.search(r"(?i)cụm|khối|thành viên", lm.group())) or bool(
                re.search(r"(?i)(?<![^\W\d_])(?:cụm|khối)(?![^\W\d_])", st.text[max(0, lm.start() - 40) : lm.start()])
            )
            # "11 đơn vị gồm: A, B, ... thuộc Khối Thi đua 6 ...": the bloc named after the list
            owner = [m for m in st.blocs if m.start > lm.end() and re.search(r"thuộc\s*$", st.text[: m.start])]
            if not before and not names_bloc and not owner and not (is_prov and len(found) >= 2):
                continue
            target = _bloc_of(before[-1], blocs) if before and not before[-1].generic else (last_named or primary)
            if not before and owner and _bloc_of(owner[0], blocs) is not None:
                target = _bloc_of(owner[0], blocs)
            for name in found:
                add_member(target, name)
            stated = re.search(
                r"(\d+|[^\W\d_]+(?: một| hai)?)\s+(?:tỉnh|thành phố|huyện|đơn vị|địa phương|thành viên|sở|hội|trường|"
                r"cơ quan)\b",
                lm.group(),
            )
            # "Cụm thi đua số 2 có 4 huyện gồm A, B, C, D": the count said just before the list
            stated = stated or re.search(
                r"(?<![^\W\d_])(?:có|gồm)\s+(\d+|[^\W\d_]+(?: một| hai)?)\s+(?:tỉnh|thành phố|huyện|đơn vị|địa phương|"
                r"thành viên|hội)(?:[^\W\d_]|\s){0,30}?$",
                st.text[max(0, lm.start() - 60) : lm.start()],
            )
            if target is not None and target.count is None and stated and count_of(stated.group(1)):
                target.count = count_of(stated.group(1))
        for lm in PROVINCE_LIST_START.finditer(st.text):
            found = parse_members(st.text[lm.end() :])
            if len(found) >= 2 and all(find_provinces(x) for x in found):
                before = [m for m in st.blocs if m.start < lm.start() and not m.generic]
                target = _bloc_of(before[-1], blocs) if before else (last_named or primary)
                for name in found:
                    add_member(target, name)
        row = TABLE_ROW.match(st.text)
        if row and (last_named or primary) is not None:
            unit = row.group(1)
            if _ORG_WORDS.match(unit) or (find_provinces(unit)[:1] and find_provinces(unit)[0].start == 0):
                table_rows.append(unit)
        elif table_rows:
            if len(table_rows) >= 2:
                for unit in table_rows:
                    add_member(last_named or primary, unit)
            table_rows = []
        named_here = [b for m in st.blocs if not m.generic and (b := _bloc_of(m, blocs)) is not None]
        ranked = named_here[-1] if named_here else (last_named or primary) if st.blocs else None
        if ranked is not None and _RANKED.search(st.text) and all(find_provinces(x) for x in members[id(ranked)]):
            # "... của Cụm thi đua các tỉnh Tây Nam Bộ, theo đó tỉnh A xếp hạng 1, B đứng thứ 2": ranked in it
            for p in st.provinces:
                if not any(m.start <= p.start < m.end for m in st.blocs):
                    add_member(ranked, p.name)
        if named_here:
            last_named = named_here[-1]

    # bloc roles
    roles: list[dict[str, Any]] = []
    seen_roles: set[tuple[Any, ...]] = set()
    for st in sents:
        for r in find_roles(st.text, st.provinces, st.people):
            bloc = _nearest_bloc(st, r.start, blocs, primary)
            takeover = re.search(
                r"(?i)\b(?:tiếp nhận|nhận nhiệm vụ|bầu|bàn giao|đảm nhận|đề xuất|suy tôn|"
                r"(?:nhận|trao)\s+(?:lại\s+)?(?:cờ|biểu trưng))\b",
                st.text,
            )
            current = info.reviews_year or info.plans_year or year_default
            incoming = (
                info.plans_year
                or ((info.reviews_year + 1) if info.reviews_year and info.period == "year" else None)
                or current
            )
            year = r.year if r.year is not None else (incoming if takeover and not r.outgoing else current)
            key = (r.province or r.organization, r.role, year)
            if key in seen_roles or not (r.province or r.organization):
                continue
            seen_roles.add(key)
            item: dict[str, Any] = {"bloc": None, "role": r.role, "year": year, "evidence": st.text}
            units_of_bloc = members[id(bloc)] if bloc is not None else []
            just_before = st.text[max(0, r.start - 60) : r.start].lower()
            units_not_places = bool(units_of_bloc) and not any(find_provinces(u) for u in units_of_bloc)
            named_unit = next(
                (u for u in units_of_bloc
                 if r.province and re.search(re.escape(u.lower()) + r"\s*[-–(,]", just_before)),
                None,
            )
            if named_unit and units_not_places:
                # "TAND khu vực 15 - TP.HCM (Cụm trưởng ...)": the member unit named, not the city it is in
                item["organization"] = named_unit
            elif r.province and r.agency and units_not_places:
                # a bloc of one province's agencies: the agency, spelt as the member list has it
                item["organization"] = next(
                    (u for u in units_of_bloc if u.lower() == r.agency.lower()), r.agency
                )
            elif r.province:
                item["province"] = r.province
                if bloc is not None and (not members[id(bloc)] or find_provinces(members[id(bloc)][0])):
                    add_member(bloc, r.province)
            else:
                item["organization"] = r.organization
            item["_bloc"] = bloc
            roles.append(item)

    # a flattened rotation table: "Năm | Cụm trưởng | Cụm phó" then "2025 | Lai Châu | Sơn La"
    columns: list[str] = []
    for st in sents:
        head = re.fullmatch(r"(?i)\s*năm\s*\|\s*(cụm|khối)\s+(trưởng|phó)\s*\|\s*(cụm|khối)\s+(trưởng|phó)\s*", st.text)
        if head:
            columns = ["leader" if head.group(2).lower() == "trưởng" else "deputy",
                       "leader" if head.group(4).lower() == "trưởng" else "deputy"]
            continue
        row = re.fullmatch(r"\s*(20\d\d)\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*", st.text) if columns else None
        if row is None:
            columns = []
            continue
        for role, cell in zip(columns, (row.group(2), row.group(3)), strict=True):
            found_p = find_provinces(cell, on=on)
            unit: dict[str, Any] = {"province": found_p[0].name} if found_p else {"organization": cell}
            key = (unit.get("province") or unit.get("organization"), role, int(row.group(1)))
            if key in seen_roles:
                continue
            seen_roles.add(key)
            roles.append({"bloc": None, **unit, "role": role, "year": int(row.group(1)), "evidence": st.text,
                          "_bloc": last_named or primary})

    # awards
    awards: list[tuple[AwardFact, str]] = []
    seen_awards: set[tuple[Any, ...]] = set()
    last_group: list[int] = []  # the awards the sentence before gave to one counted group
    listed_items: set[int] = set()  # sentences that are the numbered items of a counted group
    for index, st in enumerate(sents):
        if st.text == title_text or index in listed_items:
            continue
        named_next = NAMED_NEXT.match(st.text)
        if named_next and len(last_group) == 1:
            # "... tặng Bằng khen cho 3 tập thể. Đó là: A, B và C."
            prev, prev_text = awards[last_group[0]]
            named = named_recipients(st.text[named_next.end() :])
            if named and len(named) == group_size(prev.recipient):
                del awards[last_group[0]]
                for r in named:
                    awards.append((replace(prev, recipient=r), prev_text + " " + st.text))
                last_group = []
                continue
        last_group = []
        given_before = awards[-1][0] if awards else None
        for a in find_awards(st.text, st.provinces, year_default):
            if (
                a.conferred_by is None and given_before is not None and given_before.conferred_by
                and " của " in given_before.award and _GIVES_ON.match(st.text)
                and NAMED_WITH_ISSUER.match(a.award)
            ):
                # "X ký Quyết định tặng Cờ thi đua của Thủ tướng ... cho A; / Tặng Bằng khen cho B": the same giver
                giver = given_before.award.split(" của ", 1)[1]
                a = replace(a, award=f"{a.award} của {giver}", conferred_by=given_before.conferred_by,
                            status=given_before.status)
            key = (a.award.lower(), tuple(sorted(a.recipient.items())), a.year, a.status)
            kind_key = (a.award.lower().split(" của ")[0], tuple(sorted(a.recipient.items())))
            if key in seen_awards or (re.match(r"(?i)ảnh\s*:", st.text) and kind_key in seen_awards):
                continue  # a photo caption repeats an award the text gave
            seen_awards.add(key)
            seen_awards.add(kind_key)
            if group_size(a.recipient):
                last_group.append(len(awards))
            awards.append((a, st.text))
            elsewhere = any(a.recipient.get("province") in members[id(b)] for b in blocs if b is not primary)
            if "province" in a.recipient and primary is not None and event_st is not None and not elsewhere:
                add_member(primary, a.recipient["province"])
        if len(last_group) == 1 and st.text.rstrip().endswith(":"):
            # "... tặng Cờ thi đua cho 04 tập thể, gồm: / 1. A; ... / 2. B; ...": the numbered lines name them
            items = _numbered_recipients(sents, index + 1)
            prev, prev_text = awards[last_group[0]]
            if items and len(items) == group_size(prev.recipient):
                del awards[last_group[0]]
                for r, taken in items:
                    # the evidence runs, as written, from the counting sentence to the recipient's line
                    awards.append((replace(prev, recipient=r), cleaned[st.s.start : sents[taken[-1]].s.end]))
                    listed_items.update(taken)
                last_group = []

    # participants
    participants: dict[str, tuple[str, str]] = {}
    if event_st is not None:
        for st in sents:
            for key, role in _roles_in(st):
                pkey = person_key(key)
                old = participants.get(pkey)
                new = stronger(old[0] if old else None, role)
                if new and (old is None or new != old[0]):
                    participants[pkey] = (new, st.text)
        inter_provincial = (
            primary is not None and primary.province is None and all(find_provinces(x) for x in members[id(primary)])
        )
        if inter_provincial:
            for pkey in participants:
                prov = people.province_of(pkey)
                if prov:
                    add_member(primary, prov)

    bloc_name = primary.name if primary else None
    for b in blocs:  # a bloc of one province's districts, communes or agencies is in that province
        if b.province is None and members[id(b)] and not any(find_provinces(x) for x in members[id(b)]) and home:
            b.province = home
    # a bloc inside one province: its local officials are of that province
    local_home = next((b.province for b in blocs if b.province), None)
    doc["people"] = people.finish(home, bloc_name, local_home)
    bloc_ids = {id(b): f"b{i + 1}" for i, b in enumerate(blocs)}
    bloc_year = (
        (int(event_date[:4]) if event_date else None) or info.plans_year or (int(published[:4]) if published else None)
    )
    doc["blocs"] = []
    for b in blocs:
        item = {
            "id": bloc_ids[id(b)],
            "name": b.name,
            "kind": b.kind,
            "members": members[id(b)],
            "year": bloc_year,
            "evidence": b.evidence,
        }
        if b.count:
            item["member_count"] = b.count
        if b.province:
            item["province"] = b.province
        doc["blocs"].append(item)
    doc["events"] = []
    if event_st is not None:
        event: dict[str, Any] = {
            "id": "e1",
            "kind": info.kind,
            "name": info.name,
            "date": event_date,
            "location": location,
            "bloc": bloc_ids.get(id(primary)) if primary else None,
            "reviews_year": info.reviews_year,
            "plans_year": info.plans_year,
        }
        if info.period and info.reviews_year is not None:
            event["period"] = info.period
        if venue:
            event["venue"] = venue
        event["participants"] = [
            {"person": people.id_of(pkey), "role": role, "evidence": ev}
            for pkey, (role, ev) in participants.items()
            if pkey in people.names
        ]
        event["evidence"] = event_st.text
        doc["events"].append(event)
    if event_st is not None:
        doc["events"].extend(
            _other_events(sents, event_st, title_text, doc["events"][0], published, on, blocs, primary, bloc_ids)
        )
    for r in roles:
        bloc = r.pop("_bloc")
        r["bloc"] = bloc_ids.get(id(bloc)) if bloc is not None else None
    doc["bloc_roles"] = roles
    doc["awards"] = []
    for a, ev in awards:
        doc["awards"].append(
            {
                "award": a.award,
                "conferred_by": a.conferred_by,
                "recipient": a.recipient,
                "year": a.year,
                "status": a.status,
                "event": "e1" if doc["events"] else None,
                "evidence": ev,
            }
        )
    _link_award_people(doc)
    return doc


_HELD = re.compile(r"(?i)\b(?:tổ chức|diễn ra|ký kết|ký giao ước|khai mạc|họp)\b")
_NOT_HELD = re.compile(r"(?i)\b(?:sẽ|dự kiến|kế hoạch|chuẩn bị)\b")


_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)](?:\s+|$)")


def _numbered_recipients(sents: list[_Sent], start: int) -> list[tuple[dict[str, str], list[int]]]:
    """The recipient that opens each numbered line from `start` on ("1. Văn phòng Huyện ủy X; đã có ..."),
    with the sentences its line takes (a number split off as a sentence of its own counts); empty where a
    line names none."""
    out: list[tuple[dict[str, str], list[int]]] = []
    k = start
    while k < len(sents):
        item = _NUMBERED.match(sents[k].text)
        if item is None:
            break
        taken = [k]
        line = sents[k].text[item.end() :]
        if not line.strip() and k + 1 < len(sents):  # "1." then the item as the next sentence
            k += 1
            taken.append(k)
            line = sents[k].text
        named = named_recipients(re.split(r"[;:]", line, maxsplit=1)[0])
        if not named:
            return []
        out.append((named[0], taken))
        k += 1
    return out


def _other_events(
    sents: list[_Sent],
    event_st: _Sent,
    title_text: str | None,
    first: dict[str, Any],
    published: str | None,
    on: date | None,
    blocs: list[Bloc],
    primary: Bloc | None,
    bloc_ids: dict[int, str],
) -> list[dict[str, Any]]:
    """Further meetings the article reports on days of their own ("Sáng 9/1, ... ký kết giao ước thi đua",
    "Trước đó, ngày 12/7, Cụm đã tổ chức hội nghị sơ kết"): one event each, without participants."""
    out: list[dict[str, Any]] = []
    seen = {(first.get("date"), first.get("bloc"))}
    for st in sents:
        same_day = re.match(r"(?i)(?:sáng|chiều|tối|trưa)?\s*cùng ngày\b", st.text)
        if st is event_st or st.text == title_text or not (find_days(st.text) or same_day):
            continue
        if not re.search(r"[.;!]\s*$", st.text) or not re.match(r"[\w(]", st.text):
            continue  # a headline or a bulleted link, not a sentence of the report
        if not (is_event_sentence(st.text) and _HELD.search(st.text)) or _NOT_HELD.search(st.text):
            continue
        info = read_event_sentence(st.text)
        if same_day:
            when = first.get("date")
        elif info.day is None:
            continue
        else:
            when = resolve_day(
                info.day,
                published=published,
                reviews_year=info.reviews_year or first.get("reviews_year"),
                plans_year=info.plans_year or first.get("plans_year"),
                period=info.period,
            )
        if when is None or (published and len(published) == 10 and when > published):
            continue
        bloc = _nearest_bloc(st, 0, blocs, primary)
        key = (when, bloc_ids.get(id(bloc)) if bloc is not None else None)
        if key in seen:
            continue
        seen.add(key)
        kind = info.kind
        if (
            kind == "conference"
            and re.search(r"(?i)\b(?:ký kết|ký giao ước)\b", st.text)
            and not re.search(r"(?i)tổng kết|sơ kết", st.text)
        ):
            kind = "signing"  # "tại Trung tâm Hội nghị tỉnh, lãnh đạo 6 tỉnh đã ký kết giao ước thi đua"
        location = venue = None
        if info.location_raw:
            inside = find_provinces(info.location_raw, on=on)
            location = inside[-1].name if inside else None
            if not (inside and inside[-1].start == 0 and inside[-1].end >= len(info.location_raw.strip()) - 1):
                venue = info.location_raw
        if location is None and venue and bloc is not None:
            location = bloc.province  # "tại Sở Kế hoạch và Đầu tư" of a bloc inside one province
        event: dict[str, Any] = {
            "id": f"e{len(out) + 2}",
            "kind": kind,
            "name": info.name,
            "date": when,
            "location": location,
            "bloc": bloc_ids.get(id(bloc)) if bloc is not None else None,
            "reviews_year": info.reviews_year,
            "plans_year": info.plans_year,
        }
        if info.period and info.reviews_year is not None:
            event["period"] = info.period
        if venue:
            event["venue"] = venue
        event["participants"] = []
        event["evidence"] = st.text
        out.append(event)
    return out


def _link_award_people(doc: dict[str, Any]) -> None:
    """A recipient written as a person's name points at that person."""
    by_name = {person_key(p["name"]): p["id"] for p in doc["people"]}
    kept = []
    for a in doc["awards"]:
        named = a["recipient"].get("organization") or a["recipient"].get("person")
        if named and person_key(named) in by_name:
            a["recipient"] = {"person": by_name[person_key(named)]}
        elif "person" in a["recipient"]:
            continue  # a name the people stage did not confirm
        kept.append(a)
    doc["awards"] = kept


_HEADLINE_MEETING = re.compile(r"(?i)(?<![^\W\d_])(?:sơ kết|tổng kết|ký kết giao ước|ký giao ước)(?![^\W\d_])")
"""A headline's verb that reports the meeting itself."""

_GIVES_ON = re.compile(r"\s*(?:[Vv]à\s+)?(?:[-–+•]\s*)?(?:Tặng|Trao tặng|Trao)\s")
"""A sentence that goes on giving awards without saying who gives them ("Tặng Bằng khen cho ...")."""

_RANKED = re.compile(
    r"(?i)(?<![^\W\d_])(?:xếp\s+(?:hạng|thứ)|đứng\s+thứ|hạng\s+(?:nhất|nhì|ba|tư|\d+))(?![^\W\d_])"
)
"""A sentence that ranks the bloc's members."""

_FIRST_HALF = re.compile(r"(?i)(?<![^\W\d_])(?:6|sáu)\s+tháng\s+đầu\s+năm\s+(20[0-4]\d)(?!\d)")
"""The first half of a year, named with its year ("6 tháng đầu năm 2014")."""


def _date_from_context(text: str, day: Any) -> str | None:
    """A day without a year, dated by a fully dated day written shortly before it in the text."""
    best = None
    for m in re.finditer(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)", text):
        try:
            d = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            target = date(d.year, day.month, day.day)
        except ValueError:
            continue
        if 0 <= (target - d).days <= 31:
            best = target.isoformat()
    return best


_PRESENCE_OF = re.compile(
    r"(?i)\bsự\s+(chủ trì|đồng chủ trì|tham dự|có mặt|chứng kiến|tham gia)\s+của\s+"
    r"(?:(?:các\s+)?(?:ông|bà|đồng chí|anh|chị)\s+)?$"
)
"""Who was there, said as "the presence of" a person ("với sự tham dự của đồng chí X")."""


def _roles_in(st: _Sent) -> list[tuple[str, str]]:
    """(person name, role) for the people of one sentence."""
    people = st.people
    if not people:
        return []
    text = st.text
    out: list[tuple[str, str | None]] = []
    lead = text[: people[0].start]
    lead_role = role_of(lead)
    is_list = bool(re.search(r"(?i)(?:có|gồm)\s*(?:các\s+)?(?:đồng chí|ông|bà)?\s*:?\s*$|:\s*$", lead)) or (
        len(people) > 1 and ";" in text
    )
    for i, p in enumerate(people):
        end = people[i + 1].start if i + 1 < len(people) else len(text)
        seg = text[p.end : end]
        cut = seg.find(";")
        own = role_of(seg if cut == -1 else seg[:cut]) if i + 1 < len(people) else role_of(seg)
        if re.search(
            r"(?i)(?:ủy quyền|uỷ quyền|thay mặt)\s+(?:của\s+)?(?:ông|bà|đồng chí)?\s*$",
            text[max(0, p.start - 40) : p.start],
        ):
            continue
        presence = _PRESENCE_OF.search(text, max(0, p.start - 60), p.start)
        if presence:
            # "với sự tham dự của đồng chí X", "dưới sự chủ trì của ông Y"
            out.append((p.name, stronger(own, "chair" if "chủ trì" in presence.group(1).lower() else "attendee")))
            continue
        if re.search(r"(?i)\bcủa\s+(?:ông|bà|đồng chí|anh|chị)?\s*$", text[max(0, p.start - 20) : p.start]):
            continue
        role = own
        if i == 0 or is_list:
            role = stronger(role, lead_role) if role != "chair" else role
        elif role is None and lead_role and out and out[-1][1] == lead_role:
            # "Cùng dự có A và B": a person joined to the one before shares the sentence's role
            gap = text[people[i - 1].end : p.start]
            if re.search(r",|\bvà\b", gap) and role_of(gap) is None:
                role = lead_role
        out.append((p.name, role))
    if len(people) > 1:
        tail_role = role_of(text[people[-1].end :])
        co_chair = bool(re.search(r"(?i)đồng chủ trì", text[people[-1].end :]))
        if tail_role:
            out = [(n, stronger(r, tail_role) if r is None or co_chair else r) for n, r in out]
    return [(n, r) for n, r in out if r]
