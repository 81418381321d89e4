"""Blocs: emulation blocs (Cụm/Khối thi đua) named in the text, and the members they list.

A bloc's name runs from "Cụm thi đua"/"Khối thi đua" over the words that describe it ("các tỉnh
Trung du và Miền núi phía Bắc", "số 3 tỉnh Thanh Hóa") and stops at a verb or a list. Plural or
generic uses ("các cụm, khối thi đua", "trong Cụm") name no new bloc.

>>> [(m.name, m.count) for m in find_bloc_mentions("Cụm thi đua 7 tỉnh Trung du và Miền núi phía Bắc gồm: A")]
[('Cụm thi đua 7 tỉnh Trung du và Miền núi phía Bắc', 7)]
>>> parse_members("Bắc Giang, Hoà Bình và Phú Thọ tổ chức hội nghị.")
['Bắc Giang', 'Hòa Bình', 'Phú Thọ']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnkg.loaders.extract.lexicon import ACRONYM_NAME, BANK_NAME, BODY_BIGRAMS
from vnkg.loaders.extract.places import find_provinces, opens_with_province

from vnkg.text import fold_tones

_START = re.compile(
    r"(?<![^\W\d_])(?P<word>[Cc]ụm|CỤM|[Kk]hối|KHỐI)\s+(?:(?P<td>[Tt]hi đua|THI ĐUA)(?![^\W\d_])|"
    r"(?<=[Kk]hối )(?=(?P<bare>các\s+(?:sở|cơ quan|phòng|doanh nghiệp|trường)(?:\s+[^\W\d_]+){1,5}\s+"
    r"(?P<bare_no>\d{1,2}|[IVX]+)(?![^\W\d_])))|"
    r"(?=(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:tỉnh|thành phố)\b)|"
    r"(?=số\s+(?:\d{1,2}|[IVX]+)(?![^\W\d_])))"
)
_GENERIC_BEFORE = re.compile(
    r"(?i)(?:\bcác|\bnhững|\bmỗi|\btừng|\d+|\b(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)|cụm,?|khối,?)\s*$"
)
# A phrase that places a bloc of agencies in a province ("các cơ quan Trung ương đóng trên địa bàn tỉnh").
_SEATED = re.compile(r"[ \t]*(?:đóng\s+)?trên\s+địa\s+bàn(?:\s+(?:tỉnh|thành phố))?(?![^\W\d_])")
# After a comma, the words that go on naming the same kind of member ("các Bộ, ngành", "các tỉnh,
# thành", "các xã, phường", "miền núi, biên giới").
_COMMA_GOES_ON = re.compile(
    r",\s*(?:ngành|ban|đoàn thể|hội|thị xã|thị trấn|thành phố|thành|phường|quận|huyện|biên giới|khối|trung cấp|"
    r"cao đẳng|đại học|giúp việc)(?![^\W\d_])"
)
# After a comma, a second agency that shares the first one's "các tỉnh ..." tail.
_SHARED_TAIL = re.compile(
    r",\s*[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+(?!và\b)[^\W\d_]+){0,5}?(?=\s+các\s+(?:tỉnh|thành phố|huyện)\b)"
)
_COMMA_AFTER = re.compile(
    r"(?i)(?:sở|ban|ngành|cơ quan|huyện|xã|đơn vị|cụm|tỉnh|bộ|quận|núi|đẳng|cấp|học|mưu|trận)\s*$"
)
NUMBER_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
}
_TAIL_WORDS = frozenset(
    [
        "các",
        "tỉnh",
        "thành",
        "phố",
        "trực",
        "thuộc",
        "trung",
        "ương",
        "khu",
        "vực",
        "miền",
        "núi",
        "biên",
        "giới",
        "phía",
        "bắc",
        "nam",
        "đông",
        "tây",
        "và",
        "duyên",
        "hải",
        "du",
        "đồng",
        "bằng",
        "sông",
        "cơ",
        "quan",
        "đảng",
        "hệ",
        "thi",
        "đua",
        "huyện",
        "thị",
        "xã",
        "doanh",
        "nghiệp",
        "nội",
        "chính",
        "văn",
        "hóa",
        "hoá",
        "hội",
        "kinh",
        "tế",
        "bộ",
        "trị",
        "ngành",
        "ban",
        "đoàn",
        "thể",
        "mặt",
        "trận",
        "ủy",
        "uỷ",
        "quận",
        "trường",
        "học",
        "sự",
        "nghiệp",
        "nhân",
        "dân",
        "lực",
        "lượng",
        "vũ",
        "trang",
        "tài",
        "giáo",
        "dục",
        "y",
        "nông",
        "lâm",
        "ngư",
        "công",
        "an",
        "quân",
        "địa",
        "phương",
        "cấp",
        "sở",
        "số",
    ]
)
# Small words that end a bloc's name: verbs, prepositions, time words.
_NAME_STOP = frozenset(
    ["đã", "vừa", "đang", "sẽ", "gồm", "có", "là", "được", "với", "tại", "trong", "cho", "của", "về", "nhằm",
     "để", "đạt", "nhận", "do", "theo", "cũng", "đều", "luôn", "năm", "tháng", "ngày", "sáng", "chiều", "tối",
     "lần", "thứ", "hôm", "qua", "nay", "này", "đó", "ấy", "khi", "sau", "trước", "từ", "đến", "như", "mà",
     "thì", "bầu", "họp", "ký", "tổ", "sơ", "giao", "triển", "phát", "bàn", "thống", "tiếp", "thực", "hoàn",
     "tham", "đứng", "xếp", "dẫn", "tích", "trao", "tặng"]
)
# The small words are followed, within a few words, by the place the bloc belongs to.
_PLACE_AHEAD = re.compile(r"(?:[a-zà-ỹđ]+\s+){1,4}?(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|khu vực)\s+[A-ZÀ-ỸĐ]")
_UNIT_NOUN = r"(?:tỉnh|thành phố|LĐLĐ|đơn vị|huyện|địa phương|Sở|sở|Hội|hội)"
# After a bare number: what makes it a count or a date, not the bloc's number ("Cụm thi đua 6 tháng").
_NOT_A_NUMBER = re.compile(rf"\s+(?:{_UNIT_NOUN}|năm|tháng|quý|ngày|tuần)\b|\s*[-–/]\s*\d")
_ORG_WORDS = re.compile(
    r"^(?:Văn phòng|Ban|Ủy ban|Uỷ ban|UBND|Đảng ủy|Đảng uỷ|Trường|Sở|Bộ|Cục|Công an|Thanh tra|Viện|Tòa án|Toà án|"
    r"Hội|Liên đoàn|Liên hiệp|Liên minh|Hợp tác xã|LĐLĐ|Đoàn|Mặt trận|Kho bạc|Ngân hàng|Chi cục|Bệnh viện|Báo|Đài|"
    r"Huyện ủy|Huyện uỷ|Thị ủy|"
    r"Thị uỷ|Thành ủy|Thành uỷ|Quận ủy|Quận uỷ|Tỉnh đoàn|Hội đồng|Trung tâm|Công ty|Tổng công ty|Chi nhánh|"
    r"Bộ Chỉ huy|Cảnh sát|Quân đoàn|Sư đoàn|Lữ đoàn|Thư viện|Bảo tàng|Nhà hát|Nhà văn hóa|Nhà văn hoá|Bảo hiểm|Quỹ|"
    r"Cảng vụ|Ban quản lý|Ban Quản lý|Học viện|Đại học|Tạp chí|Nhà xuất bản|Quân khu|Bộ Tư lệnh|Thành đoàn|"
    r"Huyện đoàn|BĐBP|Bộ đội|TAND|VKSND|BHXH|KBNN|UBMTTQ|" + BANK_NAME + "|" + ACRONYM_NAME + r")(?![^\W\d_])"
)
_PARTY_PREFIX = re.compile(r"^(?:Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Thành ủy|Thành uỷ|Quận ủy|Quận uỷ|Đảng ủy|Đảng uỷ)\s")
_ADMIN_PREFIX = re.compile(
    r"^(?:\d+\s+)?(?:huyện|quận|thị xã|thành phố|TP\.?|xã|phường|thị trấn|các huyện)\s+(?!ủy\b|uỷ\b)", re.IGNORECASE
)
_ITEM_END = re.compile(
    r"\s+(?:[-–]|đã|vừa|đang|sẽ|tổ chức|với|có|là|được|cùng|tham gia|ký|đảm nhận|thực hiện|thuộc|"
    r"\(|không)\b.*$"
)
LIST_START = re.compile(
    # "gồm 5 phường trung tâm thành phố X (tỉnh Y) là A, B và C": a described count, then "là"
    # "gồm Công an 06 tỉnh khu vực Bắc Trung Bộ, là A, B": the same, the unit the provinces send first
    r"(?:\bgồm\s+(?:[A-ZĐÀ-Ỹ][^\s,:;.()]*(?:\s+[^\W\d_]+){0,3}?\s+)?"
    r"(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)\s+"
    r"(?:tỉnh|thành phố|huyện|xã|phường|quận|đơn vị|địa phương|trường|cơ quan|sở)\s+[^:;.]{0,80}?\s+là\s+"
    r"|\bgồm\s+(?!các\b|\d)[A-ZĐÀ-Ỹ][^,:;.()]{0,40}?\s+"
    r"(?:các|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)\s+"
    r"(?:tỉnh, thành phố|tỉnh, thành|tỉnh|thành phố|huyện, thị xã|huyện|quận|địa phương)"
    r"(?:,?\s+[^\W\d_]+){0,8}\s*:"
    # "gồm 5 đơn vị Công an thành phố trực thuộc Trung ương: A, B": counted units, described, then a colon
    r"|\bgồm\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)\s+(?:đơn vị|cơ quan)\s+"
    r"[A-ZĐÀ-Ỹ][^:;.()]{0,60}:"
    # "gồm 6 Thuế tỉnh: A, B", "gồm 5 Công an tỉnh: A, B": a count of one kind of provincial unit
    r"|\bgồm\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)\s+[A-ZĐÀ-Ỹ][^\s,:;.()]*"
    r"(?:\s+(?!tỉnh\b|thành\b)[^\s,:;.()]+){0,3}?(?:\s+(?:tỉnh, thành phố|tỉnh|thành phố))?\s*:"
    r"|\bgồm(?:\s+có)?(?:\s+(?:các|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)\s+"
    r"(?:tỉnh, thành phố|tỉnh, thành|tỉnh|thành phố|huyện, thị xã|huyện|xã, phường|xã|phường|quận, huyện|quận|"
    r"đơn vị|địa phương|thành viên|trường|bộ|cơ quan|doanh nghiệp|sở, ngành|bộ, ngành|sở)(?:\s+là)?)?\s*:?"
    r"|\b(?:trong|thuộc)\s+(?:Cụm|Khối|cụm|khối)(?:\s+thi đua)?\s*:"
    r"|\bcó\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:tỉnh|thành phố|đơn vị)\s*:"
    # "Với 08 đơn vị thành viên: A, B, ...": the members of the bloc being reported
    r"|\b(?:[Vv]ới|[Cc]ó)\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?)\s+"
    r"(?:đơn vị|cơ quan)(?:,\s*đơn vị)?\s+thành viên\s*(?:là|gồm)?\s*:)\s*"
)

# One kind of unit written once for the agencies listed after it: "Thanh tra các đơn vị: Sở A, Sở B" are
# "Thanh tra Sở A" and "Thanh tra Sở B".
_HEAD_OF_EACH = re.compile(
    r"\s*(?P<head>[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}?)\s+các\s+(?:đơn vị|cơ quan|sở, ngành|sở, ban, ngành)\s*:\s*"
)


def head_of_each(listed: str) -> tuple[str | None, str]:
    """The unit written once before a list of agencies ("Thanh tra các đơn vị: ..."), and the list after it."""
    m = _HEAD_OF_EACH.match(listed)
    if m is None or not _ORG_WORDS.match(m["head"]) or not _ORG_WORDS.match(listed[m.end() :]):
        return None, listed
    return m["head"], listed[m.end() :]


# The one kind of unit every listed province sends ("Công an các tỉnh", "Liên đoàn Lao động các tỉnh:").
_UNITS_OF_PROVINCES = re.compile(
    r"(?:lãnh đạo\s+)?[A-ZÀ-ỸĐ][^\s,;:]*(?:\s+(?!các\b)[^\s,;:]+){0,5}?\s+các\s+(?:tỉnh, thành phố|tỉnh|thành phố)"
    r"\s*:?\s*"
)
# Lists of provinces with no colon, kept only where every item is a province: "gồm BHXH 6 tỉnh Thanh Hóa,
# Nghệ An ...", "ký giao ước thi đua với Liên minh HTX các tỉnh Quảng Ngãi, Phú Yên ...".
PROVINCE_LIST_START = re.compile(
    r"(?:\b(?:lãnh đạo|đại diện)\s+[A-ZĐÀ-Ỹ][^\s,:;.()]*\s+(?:[^\s,:;.()]+\s+){0,4}?các\s+"
    r"(?:tỉnh, thành phố|tỉnh|thành phố)\s*:"
    r"|\bgồm\s+[A-ZĐÀ-Ỹ][^,:;.()]{0,40}?\s+(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+"
    r"(?:tỉnh, thành phố|tỉnh|thành phố)"
    r"|\bgiao ước(?:\s+thi đua)?\s+với\s+(?:[A-ZĐÀ-Ỹ][^\s,:;.()]*\s+){1,5}các\s+(?:tỉnh, thành phố|tỉnh|thành phố))"
    r"\s+(?=[A-ZĐÀ-Ỹ])"
)
# A row of a flattened table: "3 | Trường Cao đẳng Y tế Lâm Đồng | Khối phó 2024".
TABLE_ROW = re.compile(r"^\s*\d{1,2}\s*\|\s*([^|]+?)\s*(?:\||$)")


@dataclass
class BlocMention:
    """A bloc named in a sentence."""

    start: int
    end: int
    name: str
    kind: str
    number: int | None = None
    count: int | None = None
    generic: bool = False
    list_start: int | None = None
    """Where a list of members begins right after the name (a "các tỉnh A, B" tail), if it does."""


@dataclass
class Bloc:
    """A bloc of the article: its best name, the mentions that name it, its members."""

    name: str
    kind: str
    number: int | None
    count: int | None = None
    province: str | None = None
    members: list[str] = field(default_factory=list)
    mentions: list[BlocMention] = field(default_factory=list)
    evidence: str | None = None
    year: int | None = None


_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman(word: str) -> int | None:
    """The value of a Roman numeral up to XXXIX ("IX" -> 9), the way blocs are often numbered."""
    if not _ROMAN.fullmatch(word):
        return None
    values = [_ROMAN_VALUES[c] for c in word]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def count_of(word: str) -> int | None:
    """A count written in digits or in words ("02", "ba", "mười hai")."""
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower())


def _number(word: str) -> int | None:
    """A bloc's number: in digits, in words or in Roman numerals ("3", "ba", "III")."""
    return count_of(word) or roman(word)


def _body_word(text: str, start: int, end: int, word: str) -> bool:
    """Whether a small word belongs to a body's name: it makes a body bigram with a neighbour."""
    low = word.lower()
    before = re.search(r"([^\W\d_]+)[ \t]*[-–]?[ \t]*$", text[max(0, start - 20) : start])
    after = re.compile(r"[ \t]+([^\W\d_]+)").match(text, end)
    prev = before.group(1).lower() if before else ""
    nxt = after.group(1).lower() if after else ""
    if f"{low} {nxt}" == "tổ chức":
        return prev in ("các", "những")  # "các tổ chức chính trị", never "Cụm ... tổ chức hội nghị"
    if prev == "tổ" and low == "chức":
        return bool(re.search(r"(?:các|những)\s+tổ\s*$", text[max(0, start - 15) : start]))
    return f"{prev} {low}" in BODY_BIGRAMS or f"{low} {nxt}" in BODY_BIGRAMS


def find_bloc_mentions(text: str) -> list[BlocMention]:
    """Blocs named in one sentence (generic uses flagged)."""
    out: list[BlocMention] = []
    low = text.lower()
    if "cụm" not in low and "khối" not in low:
        return out
    for m in _START.finditer(text):
        kind = "cum" if m.group("word").lower().startswith("c") else "khoi"
        generic_before = bool(_GENERIC_BEFORE.search(text, max(0, m.start() - 12), m.start()))
        pos = m.end()
        tail_end = pos
        number: int | None = None
        count: int | None = None
        n = len(text)
        tokens = 0
        list_start: int | None = None
        while pos < n and tokens < 25:
            sp = re.compile(r"[ \t]*").match(text, pos)
            j = sp.end() if sp else pos
            if j >= n:
                break
            wm = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*|\d+").match(text, j)
            if wm:
                w = wm.group()
                if tokens and w.lower() in ("cụm", "khối") and _START.match(text, wm.start()):
                    break  # "Cụm thi đua A và Cụm thi đua B": the next bloc
                seated = _SEATED.match(text, pos) if tokens else None
                if seated:
                    pos = tail_end = seated.end()
                    tokens += 3
                    continue
                if w.lower() == "số":
                    nm = re.compile(r"\s*(\d+|[IVX]+)(?![^\W\d_])").match(text, wm.end())
                    if nm and _number(nm.group(1)):
                        number = _number(nm.group(1))
                        pos = tail_end = nm.end()
                        tokens += 2
                        # "số 2, Hội ..." / "số 3, tỉnh Thanh Hóa"
                        cm = re.compile(
                            r",\s*(?:thuộc\s+)?(?!Ban [Tt]hường trực)"
                            r"(?=(?:Hội|Ủy|Uỷ|Ban|Liên|Trường|Sở|Bộ|Đảng|Công|Hệ|tỉnh|thành phố)\b)"
                        ).match(text, pos)
                        if cm:
                            pos = cm.end()
                        continue
                    break
                if not tokens and m.group("td") and ((w.isdigit() and len(w) <= 2) or roman(w)):
                    ahead = _NOT_A_NUMBER.match(text, wm.end())
                    if not ahead:  # "Khối thi đua 6", "Khối thi đua VII": its number, no "số"
                        number = _number(w)
                        pos = tail_end = wm.end()
                        tokens += 1
                        continue
                if w.isdigit() or w.lower() in NUMBER_WORDS:
                    um = re.compile(rf"\s+{_UNIT_NOUN}\b").match(text, wm.end())
                    if um and (w.isdigit() or w.lower() != "năm"):
                        count = count or _number(w)
                        pos = tail_end = wm.end()
                        tokens += 1
                        continue
                    break
                if w[0].isupper() or w.lower() in _TAIL_WORDS:
                    if w == "các" or w == "Các":
                        nxt = re.compile(r"\s+(?:tỉnh|thành phố|huyện)\s+").match(text, wm.end())
                        if (
                            nxt
                            and find_provinces(text[nxt.end() : nxt.end() + 40])[:1]
                            and find_provinces(text[nxt.end() : nxt.end() + 40])[0].start == 0
                        ):
                            list_start = nxt.end()
                            break
                    pos = wm.end()
                    if w[0].isupper() or w.lower() not in ("và", "các", "của", "thuộc"):
                        tail_end = pos
                    tokens += 1
                    continue
                # another small word: part of the name only if the name goes on after it
                # ("các sở, ngành kinh tế tổng hợp tỉnh Thái Bình"), never a verb or a preposition
                if w.lower() not in _NAME_STOP and tokens and _PLACE_AHEAD.match(text, j):
                    pos = wm.end()
                    tokens += 1
                    continue
                # a word of a body's name ("Bộ Chỉ huy Quân sự", "các tổ chức chính trị - xã hội")
                if tokens and _body_word(text, j, wm.end(), w):
                    pos = tail_end = wm.end()
                    tokens += 1
                    continue
                break
            ch = text[j]
            after_dash = re.compile(r"[-–]\s*([^\W\d_]+)").match(text, j)
            if ch in "-–" and after_dash and _body_word(text, *after_dash.span(1), after_dash.group(1)):
                pos = j + 1  # "chính trị - xã hội"
                continue
            if ch in "-–" and re.compile(r"[-–]\s*[A-ZÀ-ỸĐ]").match(text, j):
                pos = j + 1
                continue
            acronym = re.compile(r"\(\s*[A-ZĐ][A-ZĐ&-]{1,9}\s*\)").match(text, j) if ch == "(" and tokens else None
            if acronym:  # "Cụm thi đua Hội Liên hiệp phụ nữ (LHPN) các tỉnh ...": the name goes on
                pos = acronym.end()
                continue
            if ch == "." and re.search(r"(?:TP|Tp)$", text[:j]) and re.compile(r"\.\s?[A-ZĐ]").match(text, j):
                pos = j + 1  # "Cụm thi đua số IV TAND TP.HCM", "TP. Cần Thơ"
                continue
            if ch == "&" and re.compile(r"&[A-ZÀ-ỸĐ]").match(text, j):
                pos = j + 1  # "Sở GD&ĐT"
                continue
            shared = _SHARED_TAIL.match(text, j) if ch == "," and tokens else None
            # "Cụm thi đua Sở Tư pháp, Thi hành án dân sự các tỉnh ...": two agencies, one tail
            if shared and not find_provinces(shared.group().lstrip(", ")[:30])[:1]:
                pos = tail_end = shared.end()
                continue
            goes_on = _COMMA_GOES_ON.match(text, j) if ch == "," else None
            if goes_on and _COMMA_AFTER.search(text[max(0, j - 10) : j]):
                pos = tail_end = goes_on.end()  # "các sở, ngành kinh tế", "các huyện, thị xã", "tham mưu, giúp việc"
                continue
            break
        if m.group("bare"):  # "Khối các sở quản lý nhà nước 1": a numbered Khối written without "thi đua"
            tail_end = m.end("bare")
            number = _number(m.group("bare_no"))
        tail = text[m.end() : tail_end].strip()
        name = (text[m.start() : m.end()].strip() + (" " + tail if tail else "")).strip()
        name = re.sub(r"\s+", " ", name).strip(" ,-–")
        informative = bool(re.search(r"[A-ZÀ-ỸĐ0-9]", tail)) or bool(
            re.search(r"\b(?:các|\d+) (?:tỉnh|thành phố)", tail)
        )
        generic = generic_before or not informative
        if m.group("td") is None and m.group("bare") is None and not count and number is None:
            continue  # "cụm" and "khối" name a bloc with "thi đua", a count or a number ("Cụm số 4")
        out.append(BlocMention(m.start(), max(tail_end, m.end()), name, kind, number, count, generic, list_start))
    return out


def bloc_key(name: str) -> str:
    """The comparison key of a bloc name (as the scorer compares them)."""
    s = fold_tones(name).lower()
    s = re.sub(r"\s*[-–—]\s*", " ", s)
    s = re.sub(r"\b(cụm|khối) thi đua\b", "", s)
    # the same body, spelt out or abbreviated ("Ủy ban MTTQ Việt Nam" = "MTTQ")
    s = re.sub(r"\b(?:ủy ban )?(?:mặt trận tổ quốc|mttq)(?: việt nam)?\b", "mttq", s)
    s = re.sub(r"\bhội liên hiệp phụ nữ\b", "hội lhpn", s)
    s = re.sub(r"\bliên đoàn lao động\b", "lđlđ", s)
    s = re.sub(r"\bsố\s+0*(\d+)", r"số\1", s)
    s = re.sub(r"\b(các|\d+) (tỉnh|thành phố|đơn vị)\b", "", s)
    return re.sub(r"\s+", " ", s).strip(" ,-")


def same_bloc(a: BlocMention | Bloc, b: BlocMention | Bloc) -> bool:
    if a.kind != b.kind:
        return False
    if a.number is not None or b.number is not None:
        return a.number == b.number
    ta, tb = set(bloc_key(a.name).split()), set(bloc_key(b.name).split())
    if not ta or not tb:
        # "cụm thi đua 7 tỉnh" after "cụm thi đua 7 tỉnh trung du và miền núi phía Bắc": the same count
        return a.count is not None and a.count == b.count
    # a shortened name ("Cụm thi đua Hội LHPN" for "Cụm thi đua Hội LHPN các tỉnh đồng bằng sông Hồng")
    return len(ta & tb) / len(ta | tb) >= 0.5 or (min(len(ta), len(tb)) >= 2 and (ta <= tb or tb <= ta))


def _clean_item(item: str) -> str:
    return item.strip(" .,;:“”\"'")


_ROLE_IN_BRACKETS = re.compile(
    r"\s*\((?:đơn vị\s+)?(?:[Tt]rưởng|[Pp]hó|[Cc]ụm|[Kk]hối)\s*(?:[Tt]rưởng|[Pp]hó|[Cc]ụm|[Kk]hối)?[^()]{0,20}\)"
)


_ROLE_AFTER_DASH = re.compile(
    r"\s+[-–]\s*(?:đơn vị\s+)?(?:(?:[Cc]ụm|[Kk]hối)\s+(?:[Tt]rưởng|[Pp]hó)|(?:[Tt]rưởng|[Pp]hó)\s+(?:[Cc]ụm|[Kk]hối))"
    r"(?![^\W\d_])(?=\s*[,;.]|\s+và\b)"
)
"""A member's role written after it with a dash ("A – Cụm trưởng, B – Cụm phó, C"): not part of its name."""


def _semicolons_as_commas(text: str) -> str:
    """A list whose items are whole units separated by semicolons ("Quỹ X tỉnh A; Quỹ X tỉnh B; ...") is read as
    a list separated by commas, up to the first semicolon that no unit follows."""
    chunks = text.split(";")
    if len(chunks) < 2 or "," in chunks[0] or not _unit_opens(chunks[0]):
        return text
    k = 1
    while k < len(chunks) and _unit_opens(chunks[k]) and "," not in chunks[k - 1]:
        k += 1
    return ",".join(chunks[:k]) + (";" + ";".join(chunks[k:]) if k < len(chunks) else "")


def _unit_opens(text: str) -> bool:
    text = re.sub(r"^\s*(?:và\s+)?", "", text)
    return bool(_ORG_WORDS.match(text)) or opens_with_province(text)


def _capitalised_run(text: str) -> str:
    """The words at the start of text that are capitalised or numbers ("Bảo Lộc" of "Bảo Lộc đã ...")."""
    end = 0
    for w in re.finditer(r"[^\s,;]+", text):
        word = w.group()
        if text[end : w.start()].strip():  # a comma or a semicolon ends the run
            break
        if not (word[0].isupper() or (w.start() and word.isdigit())):
            break
        end = w.end()
    return text[:end]


def parse_members(text: str, on_date: object = None) -> list[str]:
    """The members listed at the start of `text` ("A, B và C ..."), up to where the list ends."""
    units_of = _UNITS_OF_PROVINCES.match(text)
    if units_of and find_provinces(text[units_of.end() : units_of.end() + 40])[:1]:
        text = text[units_of.end() :]  # "Công an các tỉnh: A, B và C": the provinces are the members
    text = re.sub(r"^\s*\(\s*(?=[A-ZÀ-ỸĐ])", "", text)  # "gồm 7 đơn vị (Sở A, Sở B và Ban C)"
    text = _ROLE_IN_BRACKETS.sub("", text)  # "gồm: A (Trưởng cụm), B, C"
    text = _ROLE_AFTER_DASH.sub("", text)  # "gồm: A – Cụm trưởng, B – Cụm phó, C"
    protected = text.replace("cụm, khối", "cụm\u0001 khối")
    protected = _semicolons_as_commas(protected)
    end = len(protected)
    for stop in (";", ")", "\n"):
        k = protected.find(stop)
        if k != -1:
            end = min(end, k)
    dot = re.search(r"(?<!TP)(?<!Tp)\.(?:\s|$)", protected)
    if dot:
        end = min(end, dot.start())
    region = protected[:end]
    pieces = re.split(r"(,\s*|\s+và\s+)", region)
    items: list[str] = [pieces[0]]
    seps = pieces[1::2]
    for k, (sep, piece) in enumerate(zip(seps, pieces[2::2], strict=False)):
        # "Bộ Văn hóa, Thể thao và Du lịch": a comma inside an agency's name, whose last part follows "và"
        if (
            "," in sep
            and k + 1 < len(seps)
            and "và" in seps[k + 1]
            and _ORG_WORDS.match(items[-1].strip())
            and not re.search(r"\s(?:tỉnh|huyện|thành phố|quận|thị xã)$", items[-1].strip())
            and re.match(r"[A-ZÀ-ỸĐ][^\W\d_]*\s+[a-zà-ỹđ]", piece.strip())
            and not (_ORG_WORDS.match(piece.strip()) or opens_with_province(piece))
        ):
            items[-1] = items[-1] + sep + piece
            continue
        # "Hội Bảo trợ người khuyết tật và bảo vệ quyền trẻ em": a small word after "và" goes on with the name
        if (
            "và" in sep
            and piece[:1].islower()
            and _ORG_WORDS.match(items[-1].strip())
            and not re.match(r"(?:các|những|nhiều|một số|đại diện|lãnh đạo|đơn vị|cơ quan|khách|đại biểu)\b", piece)
            and not re.search(r"\s(?:tỉnh|huyện|thành phố|quận|thị xã)\s", items[-1])  # a unit with its place is whole
        ):
            items[-1] = items[-1] + sep + piece
            continue
        # "Sở Kế hoạch và Đầu tư": "và" inside an agency's name, not between two members
        if (
            "và" in sep
            and _ORG_WORDS.match(items[-1].strip())
            and not re.search(r"\s(?:tỉnh|huyện|thành phố|quận|thị xã)$", items[-1].strip())
            and piece[:1].isupper()
            and not (_ORG_WORDS.match(piece) or opens_with_province(piece))
        ):
            items[-1] = items[-1] + sep + piece
        else:
            items.append(piece)
    items = [x.replace("\u0001", ",") for x in items]
    members: list[str] = []
    carry: str | None = None
    for raw in items:
        item = _clean_item(raw)
        if not item:
            break
        if re.match(r"(?i)^đại diện\b", item):
            continue
        provinces = find_provinces(item)
        if provinces and provinces[0].start == 0:
            members.append(provinces[0].name)
            if item[provinces[0].end :].strip():
                break
            continue
        stripped = _ADMIN_PREFIX.sub("", item)
        if not stripped or not stripped[0].isupper():
            break
        if _ORG_WORDS.match(stripped):
            carry = _PARTY_PREFIX.match(stripped).group().strip() if _PARTY_PREFIX.match(stripped) else None
            unit = _ITEM_END.sub("", stripped).strip()
        else:
            cut = _capitalised_run(stripped)
            unit = cut or stripped
            if carry and stripped == item:
                unit = f"{carry} {unit}"
            rest = stripped[len(cut) :] if cut else ""
            if rest.strip() and not members and len(unit.split()) == 1:
                return []  # "gồm: Già hóa dân số; ...": a phrase opening with a capital, no list of units
            members.append(unit)
            if rest.strip():
                break
            continue
        if unit:
            members.append(unit)
        if _ITEM_END.search(stripped):
            break
    return _provinces_of_units(_share_party_committee(_share_school_word(members)))


_SCHOOL = re.compile(r"^Trường\s+(THPT|THCS|PTDTNT|PTDTBT|Tiểu học|Mầm non|Cao đẳng|Đại học|Trung cấp)\s")


def _share_school_word(members: list[str]) -> list[str]:
    """A list that names the first school in full and the others by their kind ("Trường THPT A, THPT B"):
    every one is a "Trường"."""
    first = _SCHOOL.match(members[0]) if members else None
    if first is None:
        return members
    kind = first.group(1) + " "
    return [f"Trường {m}" if m.startswith(kind) else m for m in members]


_COMMITTEE = re.compile(r"\s(Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ)$")
_BOARD = re.compile(r"^(?:Ban|Ủy ban|Uỷ ban|Văn phòng)\s")


def _share_party_committee(members: list[str]) -> list[str]:
    """Boards listed before the one that names their Party committee share it: "Ban Tuyên giáo, Ban Tổ chức,
    Văn phòng Tỉnh ủy" are the three boards of the Tỉnh ủy."""
    out = list(members)
    for k, item in enumerate(members):
        committee = _COMMITTEE.search(item)
        if not committee or not _BOARD.match(item):
            continue
        j = k - 1
        while j >= 0 and _BOARD.match(members[j]) and not re.search(r"(?i)\s(?:tỉnh|ủy|uỷ|huyện)\b", members[j]):
            j -= 1
        if k - j - 1 >= 2:
            for i in range(j + 1, k):
                out[i] = f"{members[i]} {committee.group(1)}"
    return out


def _provinces_of_units(members: list[str]) -> list[str]:
    """A list of the same provincial unit of several provinces ("Thành đoàn TP.HCM, Tỉnh đoàn BR-VT, ...",
    "Hội LHPN tỉnh A, Hội LHPN tỉnh B") stands for those provinces."""
    if len(members) < 2:
        return members
    out: list[str] = []
    kinds: set[str] = set()
    bare = False
    for item in members:
        found = find_provinces(item)
        if not found or found[-1].end < len(item.rstrip()) - 1 or found[-1].start == 0:
            return members
        lead = item[: found[-1].start]
        if not (found[-1].prefixed or re.search(r"(?i)(?:tỉnh|thành)\s*đoàn\s*$", lead)):
            bare = True  # "Liên hiệp Hội Hà Nội" beside "Liên hiệp Hội tỉnh Hải Dương": the same unit
        kinds.add(re.sub(r"(?i)\s*(?:tỉnh|thành phố|TP\.?)\s*$", "", lead).strip().lower())
        out.append(found[-1].name)
    if bare and (len(kinds) > 1 or not _ORG_WORDS.match(next(iter(kinds)).capitalize())):
        return members
    return out if len(set(out)) == len(out) else members
