"""Bloc roles: which province (or unit) leads or deputises a bloc in a year.

Read however the article reports it: handed over ("bàn giao Cụm trưởng năm 2023 cho tỉnh Bắc Kạn"),
elected or proposed ("bầu tỉnh Tuyên Quang làm Cụm trưởng", "UBND tỉnh Lâm Đồng là Cụm trưởng"),
in apposition ("UBND tỉnh Tuyên Quang (đơn vị Cụm trưởng Cụm thi đua năm 2017)") or through the
official who speaks for it. Ranking first ("dẫn đầu") is not leading.

>>> [(r.province, r.role, r.year) for r in find_roles("Hội nghị bầu tỉnh Tuyên Quang làm Cụm trưởng, "
...     "bầu tỉnh Hòa Bình làm Cụm phó Cụm thi đua năm 2024.")]
[('Tuyên Quang', 'leader', 2024), ('Hòa Bình', 'deputy', 2024)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnkg.loaders.extract.lexicon import BANK_NAME, HEAD_RE, NAMED_AFTER_PLACE, ROLE_RE
from vnkg.loaders.extract.people import PersonMention
from vnkg.loaders.extract.places import ProvinceMention, find_provinces

_YEAR = re.compile(r"(?i)\bnăm\s+(19[5-9]\d|20[0-4]\d)\b|\b(?:trong|cho)\s+năm\s+(20[0-4]\d)")
_OPENING_YEAR = re.compile(r"(?i)(?<![^\W\d_])năm\s+(20[0-4]\d)\s*,")
_AFTER_UNIT = re.compile(r"^[^;:.()]{0,90}?(?:\b(?:cho|là)\s+|\(\s*)")
_TAKES = (
    r"(?:là|làm|(?:luân phiên\s+)?giữ(?:\s+chức)?|luân phiên\s+làm|đảm nhận|đảm nhiệm|tiếp nhận|"
    r"được\s+(?:bầu|giao|chọn|suy tôn|phân công|đề xuất|đề nghị|luân phiên)(?:\s+(?:làm|là))?|"
    r"nhận(?:\s+cờ)?(?:\s+luân lưu)?(?:\s+nhiệm vụ)?)"
)
"""The verbs that give a unit the role ("là", "được giao làm", "nhận cờ luân lưu")."""
_CONNECTOR = re.compile(
    r"^\s*(?:\)\s*)?(?:,\s*)?(?:(?:sẽ|tiếp tục|sẽ tiếp tục)\s+)?" + _TAKES + r"?\s*(?:vai trò\s*)?"
    r"(?:[-–]\s*(?=đơn vị))?(?:\(\s*)?(?:đại diện\s*)?(?:đơn vị\s*)?(?:là\s*)?(?:[-–]\s*)?$"
)
_LEFT_BOUNDARY = re.compile(
    r"(?i)(?:[,;:(|]|\b(?:tại|cho|bầu|bầu chọn|suy tôn|(?-i:giao)|đề xuất|đề nghị|thống nhất|công nhận|và|trong đó|"
    r"giữa|để|do|là|có|gồm)\b)"
)
# Institutions whose own names hold a place name ("Trường Cao đẳng Sư phạm Đắk Lắk", "Bộ Tư lệnh Thủ đô Hà Nội"):
# the place does not make them the province.
_INSTITUTION = re.compile(
    r"^(?:Trường|Công ty|Tổng công ty|Bộ Tư lệnh|Quân khu|Quân đoàn|Bệnh viện|Ngân hàng|Cảng|Học viện|Đại học)"
    r"(?![^\W\d_])"
)
_UNIT_END = re.compile(r"\s+(?:đảm nhận|đảm nhiệm|năm\s+\d{4}|với\s|phối hợp|tổ chức|đã|vừa|là\s|làm\s)|[,;)(.]")
# A unit's proper name: two to eight words, the first and the last capitalised ("Cao su Chư Mom Ray").
_CAPITALISED_NAME = re.compile(
    r"[A-ZÀ-ỸĐ][^\W_]*(?:\s+(?!(?:là|và|của|các|cho|được|với|có|đã|trong)\b)[^\W_]+){0,6}"
    r"\s+(?:[A-ZÀ-ỸĐ][^\W_]*|\d+)"
)
# The head of an agency's post, before the agency's own name ("Phó Trưởng | Ban Tổ chức Tỉnh ủy").
_HEAD_OF_AGENCY = re.compile(
    r"^(?:Phó\s+)?(?:Trưởng|Chủ nhiệm|Chủ tịch|Giám đốc|Chánh án|Chánh|Viện trưởng|Cục trưởng)(?:\s+Ban\s+Thường trực)?"
    r"\s+(?=(?:Sở|Viện|Ban|Hội|Ủy ban|Uỷ ban|Cục|Tòa án|Toà án|Công an|Thanh tra|Văn phòng)\b)"
)
_AGENCY_WORD = r"\b(?:Sở|Viện|Ban|Hội|Ủy ban|Uỷ ban|Cục|Tòa án|Toà án|Công an|Thanh tra)\b"
_ORG_UNIT = re.compile(
    r"^(?:UBND|Ủy ban|Uỷ ban|Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Thành ủy|Thành uỷ|Quận ủy|Đảng ủy|Sở|Hội|Ban|"
    r"Liên đoàn|LĐLĐ|Công an|Viện|Tòa án|Toà án|Cục|Văn phòng|Trường|Bộ|huyện|thị xã|quận|thành phố|Huyện|"
    r"Thị xã|Quận|Thành phố|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Đoàn|Bộ Chỉ huy|Đảng ủy|Đảng uỷ|xã|Xã|phường|Phường|"
    r"thị trấn|Thị trấn|Kho bạc|Ngân hàng|Bảo hiểm|Thanh tra|Đài|Báo|Quân khu|Bộ Tư lệnh|Quân đoàn|Công ty|"
    r"Tổng công ty|BĐBP|Bệnh viện|Học viện|" + BANK_NAME + r"|[A-ZĐ]{2,9}(?=\s))(?![^\W\d_])"
)


@dataclass
class RoleFact:
    """A unit leading or deputising a bloc."""

    role: str
    province: str | None = None
    organization: str | None = None
    year: int | None = None
    start: int = 0
    outgoing: bool = False
    """The unit hands the role over: it held it in the year the meeting closes."""
    incoming: bool = False
    """The unit is handed the role ("bàn giao nhiệm vụ Trưởng Khối cho Y"): it holds it the year after."""
    agency: str | None = None
    """The provincial agency the province stands for here ("Viện Kiểm sát nhân dân tỉnh"), where the
    unit was read from its official's post: a bloc of one province's agencies takes the agency."""


def _role_name(kw: str) -> str:
    return "deputy" if "phó" in kw.lower() else "leader"


def _unit_from(text: str, provinces: list[ProvinceMention], offset: int) -> tuple[str | None, str | None]:
    """(province, organization) a unit phrase stands for."""
    phrase = text.strip()
    if _INSTITUTION.match(phrase) and len(phrase.split()) >= 2:
        return None, phrase
    inner = [p for p in provinces if offset <= p.start < offset + len(text)]
    before = text[: inner[-1].start - offset] if inner else ""
    if not inner:
        inner = find_provinces(phrase)
        before = phrase[: inner[-1].start] if inner else ""
    if inner:
        if not inner[-1].prefixed and NAMED_AFTER_PLACE.search(before):
            return None, phrase  # "Vietcombank Quảng Ninh": a bank's branch, not the province
        return inner[-1].name, None
    if _ORG_UNIT.match(phrase) and (len(phrase.split()) >= 2 or phrase in ("Tỉnh đoàn", "Thành đoàn")):
        return None, phrase
    return None, None


def _after(text: str, kw_end: int, limit: int, provinces: list[ProvinceMention]) -> list[tuple[str | None, str | None]]:
    m = _AFTER_UNIT.match(text[kw_end:limit])
    if not m:
        return []
    start = kw_end + m.end()
    rest = text[start:limit]
    close = rest.find(")") if m.group().rstrip().endswith("(") else -1
    if close != -1:
        rest = rest[:close]
    units = []
    for part in _unit_parts(rest):
        # a name the list split rejoined keeps its own commas ("Sở Văn hóa, Thể thao và Du lịch")
        stop = _UNIT_END.search(" " + (part.replace(",", "\x01") if re.search(r"\svà\s", part) else part))
        piece = (" " + part)[: stop.start()] if stop else " " + part
        off = start + text[start:].find(part.strip()) if part.strip() else start
        prov, org = _unit_from(piece, provinces, off)
        if prov is None and org is None:
            break
        units.append((prov, org))
        if stop and not part.strip().startswith(piece.strip()):
            break
    return units


def _before(
    text: str, kw_start: int, floor: int, provinces: list[ProvinceMention], people: list[PersonMention]
) -> list[tuple[str | None, str | None]]:
    """Units written just before a role word ("UBND tỉnh X (đơn vị Cụm trưởng", "X làm Cụm trưởng")."""
    head = text[floor:kw_start]
    # the nearest province or person ending right before the connector
    cands: list[tuple[int, int, str | None, str | None]] = []
    for p in provinces:
        if floor <= p.start and p.end <= kw_start:
            opening = list(_LEFT_BOUNDARY.finditer(text, floor, p.start))
            phrase = text[opening[-1].end() if opening else floor : p.start].strip()
            if not p.prefixed and (_INSTITUTION.match(phrase) or NAMED_AFTER_PLACE.search(phrase + " ")):
                continue  # "Trường Cao đẳng Sư phạm Đắk Lắk là Khối trưởng": the school, not the province
            cands.append((p.start, p.end, p.name, None))
    for person in people:
        if floor <= person.start and person.end <= kw_start:
            with_place = next((x for x in person.posts if x.province), None)
            prov = with_place.province if with_place else None
            org = None
            if with_place and with_place.organization and prov and prov in with_place.organization:
                prov, org = None, with_place.organization  # "Giám đốc Vietcombank Quảng Ninh": the bank
            if prov is None:
                body = next(
                    (
                        _HEAD_OF_AGENCY.sub("", x.title)
                        if _HEAD_OF_AGENCY.match(x.title)
                        else re.sub(r"^(?:Phó\s+)?\S+\s+\S+\s+", "", x.title)
                        for x in person.posts
                        if re.search(_AGENCY_WORD, x.title)
                    ),
                    None,
                )
                if body:
                    m = re.search(r"(?:Sở|Viện|Ban|Hội|Ủy ban|Uỷ ban|Cục|Tòa án|Toà án|Công an|Thanh tra)\b.*", body)
                    org = m.group() if m else None
                if org is None:  # "Chủ tịch UBND huyện Cẩm Thủy, Cụm trưởng": the district it heads
                    org = next((u for x in person.posts if (u := _local_unit_of(x.title))), None)
            end = person.end
            # the posts written after the name belong to the unit phrase
            gap_after = text[person.end : kw_start]
            tail = re.match(r"^[^;()]*?(?=\s*[-–]\s*$|\s*\(\s*$|\s*$)", gap_after)
            another = any(person.end <= q.start < kw_start for q in people if q is not person)
            if tail is not None and re.match(r"^\s*[,–-]", gap_after) and HEAD_RE.search(gap_after) and not another:
                end = kw_start - len(text[person.end : kw_start]) + len(tail.group()) if tail.group() else end
            cands.append((person.start, end, prov, org))
    best: tuple[str | None, str | None] | None = None
    best_end = -1
    for s, e, prov, org in cands:
        gap = text[e:kw_start]
        joined = _CONNECTOR.match(gap) or (
            re.match(r"^[^;()]{0,120}?\s*[-–(]\s*(?:đại diện\s*)?(?:đơn vị\s*)?$", gap)
            and any(person.start == s for person in people)
        )
        if joined and e > best_end and (prov or org):
            best, best_end = (prov, org), e
    if best is not None:
        return [best]
    # an organisation phrase: "bầu huyện Cẩm Thủy là đơn vị Cụm trưởng"
    conn = re.search(
        r"\s*(?:\)\s*)?(?:,\s*(?=đơn vị))?(?:[-–]\s*(?=đơn vị))?" + _TAKES
        + r"?\s*(?:vai trò\s*)?(?:\(\s*)?(?:đơn vị\s*)?(?:là\s*)?$",
        head,
    )
    core = head[: conn.start()] if conn else head
    if conn is None or not conn.group().strip():
        return []
    bounds = list(_LEFT_BOUNDARY.finditer(core))
    starts = [b.end() for b in reversed(bounds)] + [0]
    seen_va = False
    for k, begin in enumerate(starts):
        unit = core[begin:].strip()
        if unit and _ORG_UNIT.match(unit) and len(unit.split()) >= 2 and not re.match(r"(?i)hội nghị\b", unit):
            return [(None, unit)]  # ("Tỉnh đoàn" is two words)
        if "(" in conn.group() and _CAPITALISED_NAME.fullmatch(unit):
            return [(None, unit)]  # "là Cao su Chư Mom Ray (khối trưởng)": a named unit in a list
        # "Sở Kế hoạch và Đầu tư": a "và" between capitalised words is inside the unit's name
        # ... and so is a comma before it ("Sở Văn hóa, Thể thao và Du lịch")
        sep = bounds[-1 - k].group().strip() if k < len(bounds) else ""
        inside_name = unit[:1].isupper() and (sep == "và" or (sep == "," and seen_va))
        seen_va = seen_va or sep == "và"
        if not inside_name:
            break
    return []


_LOCAL_HEAD = re.compile(
    r"(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+(?P<place>(?:huyện|quận|thị xã|thành phố|xã|"
    r"phường|thị trấn)\s+[A-ZĐ][^\W_]*(?:\s+[A-ZĐ\d][^\W_]*)*)"
    r"|(?P<party>(?:Huyện|Quận|Thị|Thành)\s+(?:ủy|uỷ)\s+[A-ZĐ][^\W_]*(?:\s+[A-ZĐ\d][^\W_]*)*))$"
)


def _local_unit_of(title: str) -> str | None:
    """The district or commune a local post heads ("Chủ tịch UBND huyện Cẩm Thủy" -> "huyện Cẩm Thủy", "Bí thư
    Huyện ủy Krông Búk" -> "Huyện ủy Krông Búk"), as the roles of blocs inside a province name them."""
    m = _LOCAL_HEAD.search(title)
    if m is None or find_provinces(m.group())[:1]:
        return None
    return m["place"] or m["party"]


def find_roles(
    text: str, provinces: list[ProvinceMention] | None = None, people: list[PersonMention] | None = None
) -> list[RoleFact]:
    """Leader and deputy units a sentence names (years only where the sentence gives them)."""
    if not ROLE_RE.search(text):
        return []
    provinces = find_provinces(text) if provinces is None else provinces
    people = [] if people is None else people
    matches = list(ROLE_RE.finditer(text))
    out: list[RoleFact] = []
    years: list[int | None] = []
    prev_end = 0
    for i, m in enumerate(matches):
        limit = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        window = text[m.end() : limit]
        cut = re.search(r"[;)]|\.(?:\s|$)", window)
        ywin = window[: cut.start()] if cut else window
        ym = _YEAR.search(ywin)
        bare = re.match(r"\s*(20[0-4]\d)\b", window)
        years.append(int(ym.group(1) or ym.group(2)) if ym else int(bare.group(1)) if bare else None)
        if re.search(r"(?i)dẫn đầu\s*$", text[max(0, m.start() - 15) : m.start()]):
            prev_end = m.end()
            continue
        role = _role_name(m.group("kw"))
        paired = i + 1 < len(matches) and re.fullmatch(r"\s*(?:,|và)\s*", text[m.end() : matches[i + 1].start()])
        paired_prev = i > 0 and re.fullmatch(r"\s*(?:,|và)\s*", text[matches[i - 1].end() : m.start()])
        units = _apposed(text, m.start(), prev_end, provinces)
        after_kw = False
        if not units:
            units = _after(text, m.end(), limit if not paired else len(text), provinces)
            after_kw = bool(units)
        # "X, đơn vị Trưởng Khối năm 2025, bàn giao nhiệm vụ Trưởng Khối cho Y": Y takes it over
        handed = after_kw and bool(re.search(r"(?i)bàn giao\s+(?:lại\s+)?(?:nhiệm vụ\s+|vai trò\s+|cờ\s+)?$",
                                             text[max(0, m.start() - 40) : m.start()]))
        if paired or paired_prev:
            # "Cụm trưởng, Cụm phó năm 2023 (tỉnh Bắc Kạn và tỉnh Tuyên Quang)"
            first = matches[i - 1] if paired_prev else m
            second = m if paired_prev else matches[i + 1]
            both = _after(text, second.end(), len(text), provinces) or _pair_before(text, first.start(), provinces)
            if len(both) >= 2:
                units = [both[1]] if paired_prev else [both[0]]
            elif paired_prev:
                units = []
        if not units:
            units = _before(text, m.start(), prev_end, provinces, people)
        if not units:
            units = _speaker_after(text, m.end(), people)
        for prov, org in units[:1]:
            agency = None
            if prov:
                body = _PROVINCIAL_AGENCY.findall(text[max(prev_end, m.start() - 200) : m.start()])
                agency = body[-1] if body else None
            out.append(
                RoleFact(role=role, province=prov, organization=None if prov else org, year=None, start=m.start(),
                         agency=agency)
            )
            out[-1].year = -(i + 1)  # placeholder: index of the keyword, resolved below
            out[-1].incoming = handed
        prev_end = m.end()
    # years: own, else the next keyword's, else the previous one's, else the one the sentence opens with
    opening = list(_OPENING_YEAR.finditer(text, 0, matches[0].start()))
    if opening and all(y is None for y in years):  # "Theo quy chế, năm 2025, Bộ X giữ chức Khối trưởng"
        years = [int(opening[-1].group(1))] * len(years)
    # "...; năm 2026, Cụm trưởng là X, Cụm phó là Y": a year opening the keyword's clause
    clause_years: list[int | None] = []
    for m in matches:
        clause_start = max(text.rfind(";", 0, m.start()), text.rfind(":", 0, m.start()), 0)
        opened = list(_OPENING_YEAR.finditer(text, clause_start, m.start()))
        clause_years.append(int(opened[0].group(1)) if opened else None)
    for fact in out:
        idx = -fact.year - 1 if fact.year is not None and fact.year < 0 else 0
        if years[idx] is None and fact.incoming:
            given = next((y for y in reversed(years[:idx]) if y is not None), None)
            fact.year = given + 1 if given is not None else None  # the year after the one handed over
            continue
        year = years[idx] if years[idx] is not None else clause_years[idx]
        if year is None:
            year = next((y for y in years[idx + 1 :] if y is not None), None)
        if year is None:
            year = next((y for y in reversed(years[:idx]) if y is not None), None)
        fact.year = year
    # the unit that hands the role over held it the year before
    hand = re.search(
        r"(?i)bàn giao\s+(?:lại\s+)?(?:vai trò\s+|đơn vị\s+|cờ\s+)?(?:Cụm|Khối) trưởng"
        r"(?:\s+\S+){0,8}?(?:\s+năm\s+(\d{4}))?\s+cho",
        text,
    )
    if hand:
        giver = [p for p in provinces if p.end <= hand.start() and hand.start() - p.end < 60]
        if giver and out:
            year = int(hand.group(1)) - 1 if hand.group(1) else None
            out.append(RoleFact("leader", province=giver[-1].name, year=year, start=giver[-1].start, outgoing=True))
    return out


def _pair_before(text: str, kw_start: int, provinces: list[ProvinceMention]) -> list[tuple[str | None, str | None]]:
    """Two provinces joined by "và" shortly before paired role words."""
    before = [p for p in provinces if p.end <= kw_start and kw_start - p.end < 120]
    if len(before) >= 2:
        a, b = before[-2], before[-1]
        if re.fullmatch(r"\s*và\s*", text[a.end : b.start]):
            return [(a.name, None), (b.name, None)]
    return []


def _speaker_after(text: str, kw_end: int, people: list[PersonMention]) -> list[tuple[str | None, str | None]]:
    """ "Thay mặt đơn vị Cụm trưởng năm 2017, Chủ tịch UBND TP Đà Nẵng X ..." -> X's province."""
    if not re.search(
        r"(?i)(?:thay mặt|đại diện)\s+(?:đơn vị\s+)?$", text[max(0, kw_end - 40) : kw_end].rsplit(" ", 2)[0] + " "
    ):
        lead = text[max(0, kw_end - 40) : kw_end]
        if not re.search(r"(?i)(?:thay mặt|đại diện)\s+(?:đơn vị\s+)?\S+\s+\S+$", lead):
            return []
    for person in people:
        if person.start > kw_end and person.start - kw_end < 120:
            prov = next((x.province for x in person.posts if x.province), None)
            if prov:
                return [(prov, None)]
            break
    return []


_LOCAL_UNIT = re.compile(
    r"(?:huyện|quận|thị xã|thành phố|phường|xã|thị trấn)\s+(?:[A-ZĐ\d][^\W_]*)(?:\s+[A-ZĐ\d][^\W_]*)*$"
)
# The local body whose district or commune follows ("Ủy ban MTTQ Việt Nam | huyện Cẩm Mỹ"), the last one named.
_LOCAL_BODY = re.compile(
    r"(?:Ủy ban(?! nhân dân)|Uỷ ban(?! nhân dân)|UBMTTQ[A-Z]*|Hội|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Công an|"
    r"Liên đoàn|LĐLĐ|Đoàn|Phòng|VKSND|TAND|Viện Kiểm sát|Viện kiểm sát|Tòa án|Toà án|Chi cục|Kho bạc|BHXH)"
    r"(?![^\W\d_])(?:(?!Ủy ban|Uỷ ban|Hội\b)[^,;()|–-])*?\s*$"
)
_PROVINCIAL_AGENCY = re.compile(
    r"\b((?:Viện Kiểm sát|Tòa án|Toà án|Công an|Sở|Cục|Thanh tra|Kho bạc|Bảo hiểm xã hội)[^,;()|]{0,40}?\stỉnh)"
    r"(?![^\W\d_])"
)


def _apposed(
    text: str, kw_start: int, floor: int, provinces: list[ProvinceMention]
) -> list[tuple[str | None, str | None]]:
    """The unit written right before a role word it is set against: a table cell ("| Trường X | Khối
    trưởng 2024"), or a dash ("Lãnh đạo huyện X - Cụm trưởng năm 2024", "..., Chủ tịch UBND phường X -
    đơn vị Cụm trưởng", "Viện trưởng Viện Kiểm sát nhân dân tỉnh A Nguyễn Văn B - Trưởng Khối")."""
    head = text[floor:kw_start]
    cell = re.search(r"(?:^|\|)([^|]+)\|\s*$", head)
    if cell:
        unit = cell.group(1).strip()
        if unit and not re.fullmatch(r"\d+|(?i:năm|stt|tt|đơn vị|tên đơn vị)", unit):
            prov, org = _unit_from(unit, [], 0)
            if prov or org:
                return [(prov, org)]
            if unit[:1].isupper() and len(unit.split()) >= 2:
                return [(None, unit)]
        return []
    dash = re.search(r"\s[-–]\s*(?:đơn vị\s*)?$", head)
    if not dash:
        return []
    core = head[: dash.start()].rstrip()
    local = _LOCAL_UNIT.search(core)
    if local and not find_provinces(local.group()):
        body = _LOCAL_BODY.search(core, 0, local.start())
        return [(None, core[body.start() :] if body else local.group())]
    return []


def _starts_unit(piece: str) -> bool:
    """Whether a list piece opens a new unit rather than continuing a name ("Bộ Tài nguyên và Môi trường")."""
    piece = piece.strip()
    return bool(
        not piece[:1].isupper()
        or _ORG_UNIT.match(piece)
        or _INSTITUTION.match(piece)
        or re.match(r"(?:tỉnh|Tỉnh|TP|Thành phố|thành phố)\b", piece)
        or any(p.start == 0 for p in find_provinces(piece))
    )


def _unit_parts(rest: str) -> list[str]:
    """The units of a list after a role word, split at "," and "và" except inside a unit's name
    ("Bộ Nông nghiệp và Phát triển nông thôn", "Sở Văn hóa, Thể thao và Du lịch")."""
    pieces = re.split(r"(\s+và\s+|,\s*)", rest)
    parts = [pieces[0]]
    k = 1
    while k < len(pieces) - 1:
        sep, piece = pieces[k], pieces[k + 1]
        if piece.strip() and not _starts_unit(piece):
            # a run of capitalised non-unit pieces that a "và" closes continues the name
            run = [(sep, piece)]
            j = k + 2
            while run[-1][0].strip() != "và" and j < len(pieces) - 1 and not _starts_unit(pieces[j + 1]):
                run.append((pieces[j], pieces[j + 1]))
                j += 2
            if run[-1][0].strip() == "và":
                parts[-1] += "".join(a + b for a, b in run)
                k = j
                continue
        parts.append(piece)
        k += 2
    return parts
