"""Places: province mentions found by the gazetteer (names, aliases, old names, the 2025 mergers).

Matching is done on a tone-folded copy of the text ("Hoà Bình" = "Hòa Bình") that keeps every
offset, so a mention can always be cut out of the original text as written.

>>> [m.name for m in find_provinces("gồm các tỉnh: Bắc Giang, Hoà Bình và TP. Hồ Chí Minh")]
['Bắc Giang', 'Hòa Bình', 'Hồ Chí Minh']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from vnkg.reference import Gazetteer, province_key
from vnkg.text import fold_tones

# Short forms news pages use beside the gazetteer's aliases (generic, not taken from any article).
_EXTRA_ALIASES: dict[str, str] = {
    "Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "BR-VT": "Bà Rịa - Vũng Tàu",
    "TP.HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
    "TP HCM": "Hồ Chí Minh",
    "TP. HCM": "Hồ Chí Minh",
    "Thành phố Hồ Chí Minh": "Hồ Chí Minh",
    "Đắk Nông": "Đắk Nông",
    "Hà Nội": "Hà Nội",
}
_PREFIX = r"(?:(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\.?|Tp\.?)\s*)"
_LETTER = r"[^\W\d_]"


# A bare name right after these words is a person's or a road's, not the province's.
_NOT_A_PLACE_BEFORE = re.compile(
    r"(?:Đường|đường|Chủ tịch|tư tưởng|Bác|Lăng|mang tên|"
    r"Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Lương|Đào|Đinh|Mai|Trương)\s+$"
)


@dataclass(frozen=True)
class ProvinceMention:
    """A province named in the text: the span as written (with its prefix) and the official name."""

    start: int
    end: int
    name: str
    prefixed: bool
    name_start: int


@cache
def _alias_table() -> dict[str, str]:
    """Folded alias -> gazetteer name (each alias written with its capitals)."""
    gaz = Gazetteer.load()
    table: dict[str, str] = {}
    for unit in gaz.provinces:
        for alias in (unit.name, *unit.aliases):
            if not any(ord(ch) > 127 for ch in alias) and " " not in alias and "-" not in alias:
                continue  # one-word ASCII forms ("Hanoi") are too ambiguous in running text
            key = fold_tones(re.sub(r"^(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?)\s*", "", alias))
            if key and key not in table:
                table[key] = unit.name
    for alias, name in _EXTRA_ALIASES.items():
        table.setdefault(fold_tones(alias), name)
    return table


_UPPER = "A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠ-Ỹ"
_PREFIX_BEFORE = re.compile(r"(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\.?|Tp\.?)\s*$")


@cache
def _pattern() -> re.Pattern[str]:
    names = sorted(_alias_table(), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace(r"\-", r"\s*[-–]\s*") for n in names)
    return re.compile(rf"(?<!{_LETTER})(?=[{_UPPER}])(?P<name>{alt})(?!{_LETTER})")


@cache
def _dashless_table() -> dict[str, str]:
    return {re.sub(r"\s*[-–]\s*", "-", key): value for key, value in _alias_table().items()}


@lru_cache(maxsize=4096)
def _resolve_on(raw: str, name: str, on: date) -> str:
    gaz = Gazetteer.load()
    unit = gaz.resolve(raw, on=on) or gaz.resolve(name, on=on)
    if unit is not None and (
        province_key(unit.name) == province_key(name)
        or province_key(raw) in {province_key(a) for a in (unit.name, *unit.aliases)}
    ):
        return unit.name
    return name


def official_name(alias: str, on: date | None = None) -> str | None:
    """The gazetteer name of a province written as `alias`, or None."""
    folded = fold_tones(re.sub(r"\s+", " ", alias)).strip()
    folded = re.sub(r"\s*[-–]\s*", " - ", folded) if "Vũng" in folded else folded
    table = _alias_table()
    name = table.get(folded) or table.get(re.sub(r"^(?:tỉnh|Tỉnh|thành phố|Thành phố|TP\.?)\s*", "", folded))
    if name is None:
        unit = Gazetteer.load().resolve(alias, on=on)
        return unit.name if unit else None
    if on is not None:
        unit = Gazetteer.load().resolve(name, on=on)
        if unit is not None and province_key(unit.name) == province_key(name):
            return unit.name
    return name


def find_provinces(text: str, folded: str | None = None, on: date | None = None) -> list[ProvinceMention]:
    """Every province mention in the text, left to right, without overlaps.

    With `on`, a name is read as the unit it stood for on that day ("Huế" in 2025 is the city of Huế).
    """
    return list(_find_provinces(text, on))


@cache
def _toneless(name: str) -> str:
    """A name without its diacritics ("Thanh Hóa" -> "Thanh Hoa")."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return bare.replace("Đ", "D").replace("đ", "d")


_ETH = str.maketrans("Ðð", "Đđ")
"""The Icelandic eth some pages type for Vietnamese "Đ" ("TP Ðà Nẵng"): read as "Đ", same length."""


@lru_cache(maxsize=8192)
def _find_provinces(text: str, on: date | None) -> tuple[ProvinceMention, ...]:
    folded = fold_tones(text)
    if len(folded) != len(text):  # folding changed the length: match on the text itself
        folded = text
    folded = folded.translate(_ETH)
    out: list[ProvinceMention] = []
    table = _alias_table()
    for m in _pattern().finditer(folded):
        raw = re.sub(r"\s+", " ", m.group("name"))
        raw = re.sub(r"\s*[-–]\s*", " - ", raw) if "-" in raw or "–" in raw else raw
        name = table.get(raw) or _dashless_table().get(re.sub(r"\s*[-–]\s*", "-", raw))
        if name is None:
            continue
        prefix = _PREFIX_BEFORE.search(folded, max(0, m.start() - 12), m.start())
        if prefix is None and _NOT_A_PLACE_BEFORE.search(folded, max(0, m.start() - 30), m.start()):
            continue
        if prefix is None and not name.isascii() and raw == _toneless(name) and not text.isascii():
            continue  # "Vũ Thị Thanh Hoa" in text written with its tones: a name, not Thanh Hóa spelt bare
        if on is not None:
            name = _resolve_on(raw, name, on)
        start = prefix.start() if prefix else m.start()
        out.append(ProvinceMention(start, m.end(), name, prefix is not None, m.start("name")))
    return tuple(out)


def clear_cache() -> None:
    """Forget the mentions found so far (benchmarks measure cold runs with it)."""
    _find_provinces.cache_clear()


def opens_with_province(text: str) -> bool:
    """Whether a province's name opens text ("Lâm Đồng, ..."), not merely names one later ("Đào tạo tỉnh Lâm
    Đồng")."""
    text = text.lstrip()
    found = find_provinces(text[:40])
    return bool(found) and found[0].start == 0
