"""Reference data shipped with the package: provinces (with aliases, validity and the
2025 mergers), post titles, abbreviations and award types.

>>> gaz = Gazetteer.load()
>>> gaz.resolve("tỉnh Bắc Kạn").slug
'bac-kan'
>>> gaz.resolve("Thái Nguyên", on=date(2025, 8, 1)).slug
'thai-nguyen-2025'
>>> gaz.successor(gaz.resolve("Bắc Cạn")).name
'Thái Nguyên'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from vnkg.text import canonical

REFORM_DATE = date(2025, 7, 1)
_PREFIX_RE = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s*", re.IGNORECASE)


def _read_csv(name: str) -> list[dict[str, str]]:
    with resources.files("vnkg.data").joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def province_key(name: str) -> str:
    """The lookup key of a province name: canonical, lower case, without "tỉnh"/"thành phố"/"TP."."""
    return _PREFIX_RE.sub("", canonical(name).lower()).strip(" .,")


def _parse_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Province:
    """A province-level unit in one period of its existence."""

    id: str
    name: str
    ascii_name: str
    kind: str
    valid_from: date | None
    valid_until: date | None
    merged_into: str | None
    merged_from: tuple[str, ...]
    aliases: tuple[str, ...]
    wikidata: str | None
    gso_code: str | None
    iso_3166_2: str | None
    region: str | None

    @property
    def slug(self) -> str:
        """The IRI segment: the unit's id with its 2008 suffix dropped (bac_kan_2008 -> bac-kan)."""
        return re.sub(r"_2008$", "", self.id).replace("_", "-")

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass
class Gazetteer:
    """Province names, aliases and periods, resolved by name and date."""

    provinces: list[Province]
    _by_key: dict[str, list[Province]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for province in self.provinces:
            for alias in (province.name, *province.aliases):
                units = self._by_key.setdefault(province_key(alias), [])
                if province not in units:
                    units.append(province)

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        rows = _read_csv("provinces.csv")
        return cls([
            Province(
                id=row["id"], name=row["name"], ascii_name=row["ascii_name"], kind=row["kind"],
                valid_from=_parse_date(row["valid_from"]), valid_until=_parse_date(row["valid_until"]),
                merged_into=row["merged_into"] or None,
                merged_from=tuple(x for x in row["merged_from"].split("|") if x),
                aliases=tuple(x for x in row["aliases"].split("|") if x),
                wikidata=row["wikidata"] or None, gso_code=row["gso_code"] or None,
                iso_3166_2=row["iso_3166_2"] or None, region=row["region"] or None,
            )
            for row in rows
        ])

    def candidates(self, name: str) -> list[Province]:
        """Every unit, of any period, that the name may stand for."""
        return list(self._by_key.get(province_key(name), []))

    def resolve(self, name: str, on: date | None = None) -> Province | None:
        """The unit a name stands for on a date; without a date, the one in force at the end of 2024."""
        units = self.candidates(name)
        if not units:
            return None
        day = on or date(2024, 12, 31)
        valid = [unit for unit in units if unit.valid_on(day)]
        # Prefer units whose own name matches over alias matches ("Huế" alias of Thừa Thiên Huế).
        exact = [unit for unit in valid if province_key(unit.name) == province_key(name)]
        pool = exact or valid or units
        return sorted(pool, key=lambda unit: unit.valid_from or date.min)[-1 if valid else 0]

    def by_slug(self, slug: str) -> Province | None:
        return next((unit for unit in self.provinces if unit.slug == slug), None)

    def successor(self, province: Province) -> Province | None:
        """The unit a province became when it ended (the 2025 merger, or an upgrade)."""
        if province.valid_until is None:
            return None
        start = date.fromordinal(province.valid_until.toordinal() + 1)
        target = province.merged_into or province.name
        named = [unit for unit in self.candidates(target) if unit.valid_from == start]
        if named:
            return named[0]
        return next((unit for unit in self.provinces
                     if unit.valid_from == start and province.name in unit.merged_from), None)

    def predecessors(self, province: Province) -> list[Province]:
        """The units that ended the day before this one began and became it."""
        return [unit for unit in self.provinces if self.successor(unit) == province]


@dataclass(frozen=True)
class Title:
    key: str
    vi: str
    en: str
    variants: tuple[str, ...]
    normalized: str
    level: str
    branch: str

    @property
    def path(self) -> str:
        """The IRI path of the title concept, after the base IRI (title/chu-tich-ubnd-tinh)."""
        return "title/" + self.key.replace("_", "-")


@cache
def titles() -> list[Title]:
    """Post titles with English glosses (titles.csv)."""
    return [
        Title(key=row["key"], vi=row["title_vi"], en=row["title_en"],
              variants=tuple(x.strip() for x in row["variants_and_abbreviations"].split("|") if x.strip()),
              normalized=row["normalized"], level=row["level"], branch=row["branch"])
        for row in _read_csv("titles.csv")
    ]


@cache
def abbreviations() -> dict[str, str]:
    """Abbreviation -> expansion (UBND -> Ủy ban nhân dân)."""
    return {row["abbreviation"]: row["expansion"] for row in _read_csv("abbreviations.csv")}


@dataclass(frozen=True)
class AwardType:
    key: str
    vi: str
    en: str
    category: str
    classes: tuple[str, ...]
    level: str
    conferred_by: str

    @property
    def path(self) -> str:
        """The IRI path of the award-type concept, after the base IRI (award-type/bang-khen-ttg)."""
        return "award-type/" + self.key.replace("_", "-")


@cache
def award_types() -> list[AwardType]:
    """Award types of the 2022 Law on Emulation and Commendation (awards.csv)."""
    return [
        AwardType(key=row["key"], vi=row["name_vi"], en=row["name_en"], category=row["category"],
                  classes=tuple(x for x in row["classes"].split("|") if x), level=row["level"],
                  conferred_by=row["conferred_by"])
        for row in _read_csv("awards.csv")
    ]
