"""Synthetic ``facts/1`` documents for the benchmark, deterministic from a seed.

The generator builds one *world* from the seed (the 63 provinces of 2008-2025 and the 34 after
the 2025-07-01 mergers, regional and sector emulation blocs of 7-12 provinces with a leader and a
deputy each year, Khối thi đua inside each province, about 5,000 officials holding 1-3 posts,
central officials of the emulation bodies) and then reports on that world: article ``i`` is a
news report of one meeting (a year-end review, a half-year review, a quarterly review, a signing
of emulation pacts or a launch), drawn from its own random stream, so ``generate(1000)`` is the
first thousand documents of ``generate(100_000)``.

Several articles may report the same meeting (the papers of the member provinces each write
one); each names its own subset of the participants and awards, as real reports do. Names come
from lists of common surnames, middle and given names written here, with their real skew
(Nguyễn, Văn, Thị), so different officials share names, inside one province and across
provinces, as they do in the sources.

>>> docs = list(generate(3, seed=7))
>>> [d["schema"] for d in docs]
['facts/1', 'facts/1', 'facts/1']
>>> docs == list(generate(3, seed=7))
True
>>> docs[:2] == list(generate(2, seed=7))
True
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from vnkg.reference import Gazetteer, Province

REFORM = date(2025, 7, 1)
HUE_RENAMED = date(2025, 1, 1)
FIRST_YEAR = 2016
LAST_DAY = date(2025, 12, 31)

# --------------------------------------------------------------------------------------------
# Names (written for this benchmark; weights follow the well-known skew of Vietnamese names).

SURNAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 31), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4),
    ("Vũ", 3.9), ("Võ", 3), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3),
    ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8), ("Trịnh", 0.6), ("Lương", 0.5), ("Mai", 0.4),
    ("Đoàn", 0.5), ("Tạ", 0.3), ("Cao", 0.4), ("Lò", 0.2), ("Hà", 0.5), ("Lại", 0.2), ("Chu", 0.3),
    ("Triệu", 0.2), ("Tô", 0.2), ("Kiều", 0.1), ("Nông", 0.2), ("Thái", 0.2), ("Lưu", 0.3),
)
MALE_MIDDLE: tuple[tuple[str, float], ...] = (
    ("Văn", 30), ("Đức", 6), ("Minh", 6), ("Quốc", 5), ("Hữu", 5), ("Thanh", 5), ("Xuân", 4),
    ("Ngọc", 4), ("Công", 4), ("Trọng", 3), ("Đình", 4), ("Quang", 4), ("Anh", 2), ("Hồng", 2),
    ("Tiến", 2), ("Mạnh", 1), ("Tuấn", 1), ("Việt", 2), ("Bá", 1), ("Duy", 2), ("Kim", 1),
)
FEMALE_MIDDLE: tuple[tuple[str, float], ...] = (
    ("Thị", 40), ("Ngọc", 6), ("Thu", 5), ("Thanh", 5), ("Kim", 3), ("Hồng", 4), ("Minh", 3),
    ("Phương", 2), ("Thúy", 2), ("Bích", 1), ("Diệu", 1),
)
MALE_GIVEN: tuple[str, ...] = (
    "Hùng", "Dũng", "Sơn", "Hải", "Tuấn", "Thắng", "Bình", "Hòa", "Long", "Nam", "Quang", "Minh",
    "Cường", "Trung", "Thành", "Phong", "Hưng", "Khánh", "Lâm", "Hiếu", "Tùng", "Đông", "Tâm",
    "Việt", "Chiến", "Vinh", "Lợi", "Phúc", "Toàn", "Thịnh", "Hoàng", "Kiên", "Tài", "Định", "Đức",
    "Huy", "Lực", "Mạnh", "Nghĩa", "Quý", "Thái", "Tiến", "Tú", "Vũ", "Hiển", "Dương", "Thủy",
)
FEMALE_GIVEN: tuple[str, ...] = (
    "Hương", "Lan", "Hoa", "Hà", "Thủy", "Hằng", "Mai", "Nga", "Linh", "Huyền", "Thảo", "Trang",
    "Hạnh", "Yến", "Phượng", "Loan", "Tâm", "Vân", "Liên", "Dung", "Hòa", "Thúy", "Xuân", "Quyên",
)
# Old-style tone placement, which some outlets still print ("Hoà" for "Hòa").
OLD_STYLE = {"Hòa": "Hoà", "Thủy": "Thuỷ", "Thúy": "Thuý", "Hóa": "Hoá"}

RANKS_POLICE = ("Đại tá", "Thiếu tướng")
RANKS_ARMY = ("Đại tá", "Thượng tá")

# --------------------------------------------------------------------------------------------
# Blocs of provinces. Before the reform: 7 groups covering the 63 provinces; after: 4 groups
# covering the 34.

PRE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("các tỉnh miền núi phía Bắc", ("Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái",
                                    "Hòa Bình", "Hà Giang", "Cao Bằng", "Lạng Sơn")),
    ("các tỉnh Trung du và Đông Bắc", ("Bắc Kạn", "Tuyên Quang", "Thái Nguyên", "Quảng Ninh",
                                       "Bắc Giang", "Phú Thọ", "Vĩnh Phúc")),
    ("các tỉnh, thành phố Đồng bằng sông Hồng", ("Hà Nội", "Bắc Ninh", "Hải Dương", "Hải Phòng",
                                                  "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định",
                                                  "Ninh Bình")),
    ("các tỉnh, thành phố Bắc Trung Bộ", ("Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình",
                                          "Quảng Trị", "Thừa Thiên Huế", "Đà Nẵng")),
    ("các tỉnh Duyên hải Nam Trung Bộ", ("Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên",
                                         "Khánh Hòa", "Ninh Thuận", "Bình Thuận")),
    ("các tỉnh Tây Nguyên và Đông Nam Bộ", ("Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
                                            "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
                                            "Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Long An")),
    ("các tỉnh, thành phố Đồng bằng sông Cửu Long", ("Tiền Giang", "Bến Tre", "Trà Vinh",
                                                      "Vĩnh Long", "Đồng Tháp", "An Giang",
                                                      "Kiên Giang", "Cần Thơ", "Hậu Giang",
                                                      "Sóc Trăng", "Bạc Liêu", "Cà Mau")),
)
POST_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("các tỉnh miền núi phía Bắc", ("Cao Bằng", "Lạng Sơn", "Tuyên Quang", "Thái Nguyên",
                                    "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Phú Thọ")),
    ("các tỉnh, thành phố Đồng bằng sông Hồng", ("Hà Nội", "Hải Phòng", "Hưng Yên", "Ninh Bình",
                                                  "Bắc Ninh", "Quảng Ninh", "Thanh Hóa")),
    ("các tỉnh, thành phố miền Trung và Tây Nguyên", ("Nghệ An", "Hà Tĩnh", "Huế", "Quảng Trị",
                                                       "Đà Nẵng", "Khánh Hòa", "Quảng Ngãi",
                                                       "Gia Lai", "Đắk Lắk", "Lâm Đồng")),
    ("các tỉnh, thành phố Nam Bộ", ("Đồng Nai", "Hồ Chí Minh", "Tây Ninh", "Đồng Tháp", "Vĩnh Long",
                                    "An Giang", "Cần Thơ", "Cà Mau")),
)


@dataclass(frozen=True)
class Sector:
    """A line of provincial agencies that has its own regional emulation blocs."""

    key: str
    bloc_word: str  # "Cụm thi đua {bloc_word} {group}"; empty for the provinces' own blocs
    agency: str  # the provincial agency, "{agency} tỉnh X" or "Sở ... tỉnh X"
    head: str  # the head's title without place
    deputy: str | None
    central_org: str  # the national body its blocs report to
    central_title: str
    khoi: str  # the Khối thi đua inside the province the agency belongs to
    rank: tuple[str, ...] = ()


SECTORS: tuple[Sector, ...] = (
    Sector("noi-vu", "Sở Nội vụ", "Sở Nội vụ", "Giám đốc Sở Nội vụ", "Phó Giám đốc Sở Nội vụ",
           "Bộ Nội vụ", "Thứ trưởng Bộ Nội vụ", "vhxh"),
    Sector("cong-an", "Công an", "Công an tỉnh", "Giám đốc Công an tỉnh", "Phó Giám đốc Công an tỉnh",
           "Bộ Công an", "Thứ trưởng Bộ Công an", "noi-chinh", RANKS_POLICE),
    Sector("quan-su", "Bộ Chỉ huy Quân sự", "Bộ Chỉ huy Quân sự tỉnh",
           "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", None, "Bộ Quốc phòng", "Thứ trưởng Bộ Quốc phòng",
           "noi-chinh", RANKS_ARMY),
    Sector("toa-an", "Tòa án nhân dân", "Tòa án nhân dân tỉnh", "Chánh án Tòa án nhân dân tỉnh",
           "Phó Chánh án Tòa án nhân dân tỉnh", "Tòa án nhân dân tối cao",
           "Phó Chánh án Tòa án nhân dân tối cao", "noi-chinh"),
    Sector("vks", "Viện Kiểm sát nhân dân", "Viện Kiểm sát nhân dân tỉnh",
           "Viện trưởng Viện Kiểm sát nhân dân tỉnh", "Phó Viện trưởng Viện Kiểm sát nhân dân tỉnh",
           "Viện Kiểm sát nhân dân tối cao", "Phó Viện trưởng Viện Kiểm sát nhân dân tối cao",
           "noi-chinh"),
    Sector("tu-phap", "Sở Tư pháp", "Sở Tư pháp", "Giám đốc Sở Tư pháp", None, "Bộ Tư pháp",
           "Thứ trưởng Bộ Tư pháp", "noi-chinh"),
    Sector("mttq", "Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ Việt Nam tỉnh",
           "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
           "Ủy ban Trung ương MTTQ Việt Nam", "Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", "doan-the"),
    Sector("ldld", "Liên đoàn Lao động", "Liên đoàn Lao động tỉnh", "Chủ tịch Liên đoàn Lao động tỉnh",
           "Phó Chủ tịch Liên đoàn Lao động tỉnh", "Tổng Liên đoàn Lao động Việt Nam",
           "Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam", "doan-the"),
    Sector("hnd", "Hội Nông dân", "Hội Nông dân tỉnh", "Chủ tịch Hội Nông dân tỉnh",
           "Phó Chủ tịch Hội Nông dân tỉnh", "Hội Nông dân Việt Nam", "Phó Chủ tịch Hội Nông dân Việt Nam",
           "doan-the"),
    Sector("phu-nu", "Hội Liên hiệp Phụ nữ", "Hội Liên hiệp Phụ nữ tỉnh",
           "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh", None, "Hội Liên hiệp Phụ nữ Việt Nam",
           "Phó Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam", "doan-the"),
    Sector("doan", "Tỉnh đoàn", "Tỉnh đoàn", "Bí thư Tỉnh đoàn", "Phó Bí thư Tỉnh đoàn",
           "Trung ương Đoàn TNCS Hồ Chí Minh", "Bí thư Trung ương Đoàn", "doan-the"),
    Sector("ccb", "Hội Cựu chiến binh", "Hội Cựu chiến binh tỉnh", "Chủ tịch Hội Cựu chiến binh tỉnh",
           None, "Hội Cựu chiến binh Việt Nam", "Phó Chủ tịch Hội Cựu chiến binh Việt Nam", "doan-the"),
    Sector("y-te", "Sở Y tế", "Sở Y tế", "Giám đốc Sở Y tế", "Phó Giám đốc Sở Y tế", "Bộ Y tế",
           "Thứ trưởng Bộ Y tế", "vhxh"),
    Sector("gd", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Giám đốc Sở Giáo dục và Đào tạo",
           "Phó Giám đốc Sở Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo",
           "Thứ trưởng Bộ Giáo dục và Đào tạo", "vhxh"),
    Sector("vh", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch",
           "Giám đốc Sở Văn hóa, Thể thao và Du lịch", None, "Bộ Văn hóa, Thể thao và Du lịch",
           "Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch", "vhxh"),
    Sector("tai-chinh", "Sở Tài chính", "Sở Tài chính", "Giám đốc Sở Tài chính", "Phó Giám đốc Sở Tài chính",
           "Bộ Tài chính", "Thứ trưởng Bộ Tài chính", "kinh-te"),
    Sector("khdt", "Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", "Giám đốc Sở Kế hoạch và Đầu tư",
           None, "Bộ Kế hoạch và Đầu tư", "Thứ trưởng Bộ Kế hoạch và Đầu tư", "kinh-te"),
    Sector("cong-thuong", "Sở Công Thương", "Sở Công Thương", "Giám đốc Sở Công Thương", None,
           "Bộ Công Thương", "Thứ trưởng Bộ Công Thương", "kinh-te"),
    Sector("nong-nghiep", "Sở Nông nghiệp và Phát triển nông thôn",
           "Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Nông nghiệp và Phát triển nông thôn",
           "Phó Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Bộ Nông nghiệp và Phát triển nông thôn",
           "Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn", "kinh-te"),
    Sector("khcn", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
           "Giám đốc Sở Khoa học và Công nghệ", None, "Bộ Khoa học và Công nghệ",
           "Thứ trưởng Bộ Khoa học và Công nghệ", "kinh-te"),
)
SECTOR_BY_KEY = {sector.key: sector for sector in SECTORS}
DEPUTY_SECTORS = frozenset({"noi-vu", "cong-an", "mttq"})  # sectors whose deputies are slots too

# Khối thi đua inside a province: key, name, the agencies (leadership offices or sector keys).
KHOI: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("dang", "Khối thi đua các cơ quan Đảng", ("Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy",
                                               "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
                                               "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy")),
    ("noi-chinh", "Khối thi đua các cơ quan nội chính", ()),
    ("doan-the", "Khối thi đua các đoàn thể chính trị - xã hội", ()),
    ("kinh-te", "Khối thi đua các sở, ngành kinh tế", ()),
    ("vhxh", "Khối thi đua các sở, ngành văn hóa - xã hội", ()),
)

# The posts of a province's leadership, each slot one official per term, 1-3 posts each.
LEADERSHIP: tuple[tuple[str, ...], ...] = (
    ("Bí thư Tỉnh ủy",),
    ("Phó Bí thư Thường trực Tỉnh ủy",),
    ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"),
    ("Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch Thường trực Hội đồng Thi đua - Khen thưởng tỉnh"),
    ("Phó Chủ tịch UBND tỉnh",),
    ("Phó Chủ tịch UBND tỉnh",),
    ("Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"),
    ("Phó Chủ tịch HĐND tỉnh",),
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tuyên giáo Tỉnh ủy"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"),
    ("Chánh Văn phòng Tỉnh ủy",),
    ("Trưởng Ban Dân vận Tỉnh ủy",),
    ("Trưởng Ban Nội chính Tỉnh ủy",),
    ("Chánh Văn phòng UBND tỉnh",),
    ("Phó Giám đốc Sở Nội vụ", "Trưởng Ban Thi đua - Khen thưởng tỉnh"),
)
CHAIR_SLOT = 2  # Chủ tịch UBND
TDKT_SLOT = 16  # Trưởng Ban Thi đua - Khen thưởng tỉnh
OFFICE_HEAD_SLOT = {"Ban Tổ chức Tỉnh ủy": 9, "Ban Tuyên giáo Tỉnh ủy": 10, "Ủy ban Kiểm tra Tỉnh ủy": 11,
                    "Văn phòng Tỉnh ủy": 12, "Ban Dân vận Tỉnh ủy": 13, "Ban Nội chính Tỉnh ủy": 14}

TDKT_ORG = "Ban Thi đua - Khen thưởng Trung ương"
CENTRAL_TDKT: tuple[tuple[str, ...], ...] = (
    ("Thứ trưởng Bộ Nội vụ", "Trưởng Ban Thi đua - Khen thưởng Trung ương"),
    ("Phó Trưởng Ban Thi đua - Khen thưởng Trung ương",),
    ("Phó Trưởng Ban Thi đua - Khen thưởng Trung ương",),
    ("Phó Trưởng Ban Thi đua - Khen thưởng Trung ương",),
    ("Vụ trưởng Vụ Thi đua - Khen thưởng khu vực I",),
    ("Vụ trưởng Vụ Thi đua - Khen thưởng khu vực II",),
    ("Vụ trưởng Vụ Thi đua - Khen thưởng khu vực III",),
    ("Vụ trưởng Vụ Thi đua - Khen thưởng các cơ quan Trung ương",),
)

MEETINGS = ("review", "midyear", "quarter", "signing", "launch")
MEETING_WEIGHTS = (40, 20, 10, 18, 12)


# --------------------------------------------------------------------------------------------
# The world.

@dataclass(frozen=True)
class Post:
    """One post: its title without place, the province or the national body it belongs to."""

    title: str
    province: str | None = None
    organization: str | None = None


@dataclass
class Official:
    """A person with the posts they hold in one term."""

    name: str
    posts: tuple[Post, ...]
    rank: str | None = None


@dataclass
class Bloc:
    """A regional bloc of provinces, of the provinces themselves or of one sector's agencies."""

    name: str
    sector: Sector | None
    members: tuple[str, ...]
    era: str


@dataclass
class World:
    """Everything articles report on; built once per seed."""

    seed: int
    pre: list[str]
    post: list[str]
    is_city: dict[str, bool]
    # officials[(era, province)] -> term -> slot key -> Official
    officials: dict[tuple[str, int, str], dict[str, Official]]
    central: dict[int, dict[str, list[Official]]]
    blocs: dict[str, list[Bloc]]
    outlets: dict[str, str]
    people: list[Official] = field(default_factory=list)


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([name for name, _ in pairs], weights=[weight for _, weight in pairs])[0]


def person_name(rng: random.Random) -> str:
    """A Vietnamese personal name from the lists above (3 syllables, sometimes 4)."""
    female = rng.random() < 0.22
    surname = _weighted(rng, SURNAMES)
    middle = _weighted(rng, FEMALE_MIDDLE if female else MALE_MIDDLE)
    given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    if rng.random() < 0.12:
        extra = rng.choice(("Thu", "Ngọc", "Kim", "Hồng")) if female else rng.choice(("Minh", "Quốc", "Anh", "Xuân"))
        if extra != middle:
            return f"{surname} {middle} {extra} {given}"
    return f"{surname} {middle} {given}"


def _localise(title: str, city: bool) -> str:
    """Titles of a centrally-run city say Thành ủy / thành phố / Thành đoàn."""
    if not city:
        return title
    return (title.replace("Tỉnh ủy", "Thành ủy").replace("Tỉnh đoàn", "Thành đoàn")
            .replace(" tỉnh", " thành phố"))


def _slugify(text: str) -> str:
    table = str.maketrans("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ",
                          "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy")
    plain = text.lower().translate(table)
    return "".join(ch if ch.isalnum() else "-" for ch in plain).strip("-").replace("--", "-")


def _province_slots(city: bool) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(slot key, titles, ranks) of every post slot of one province."""
    slots = [(f"L{i}", tuple(_localise(t, city) for t in titles), ()) for i, titles in enumerate(LEADERSHIP)]
    for sector in SECTORS:
        head = (_localise(sector.head, city),)
        if sector.key in ("cong-an", "mttq"):
            head = (_localise("Ủy viên Ban Thường vụ Tỉnh ủy", city), *head)
        slots.append((f"H:{sector.key}", head, sector.rank))
        if sector.deputy and sector.key in DEPUTY_SECTORS:
            slots.append((f"D:{sector.key}", (_localise(sector.deputy, city),), sector.rank))
    return slots


@cache
def build_world(seed: int) -> World:
    """The provinces, officials and blocs of one seed."""
    rng = random.Random(f"vnkg-bench-world:{seed}")
    gaz = Gazetteer.load()
    pre_units = [p for p in gaz.provinces if p.valid_on(date(2024, 6, 30))]
    post_units = [p for p in gaz.provinces if p.valid_on(date(2025, 8, 1))]
    pre = [p.name for p in pre_units]
    post = [p.name for p in post_units]
    is_city = {p.name: p.kind.startswith("thành phố") for p in (*pre_units, *post_units)}
    is_city["Huế"] = True
    assert sorted(pre) == sorted(m for _, ms in PRE_GROUPS for m in ms), "PRE_GROUPS must cover the 63"
    assert sorted(post) == sorted(m for _, ms in POST_GROUPS for m in ms), "POST_GROUPS must cover the 34"
    successor: dict[str, Province] = {}
    for unit in pre_units:
        nxt = gaz.successor(unit)
        while nxt is not None and not nxt.valid_on(date(2025, 8, 1)):
            nxt = gaz.successor(nxt)
        successor[unit.name] = nxt or unit

    people: list[Official] = []
    officials: dict[tuple[str, int, str], dict[str, Official]] = {}
    # Terms: 0 = 2016-2020, 1 = 2021-2025/06 (pre-reform provinces), 2 = after the reform.
    for name in pre:
        for term in (0, 1):
            table: dict[str, Official] = {}
            for key, titles, ranks in _province_slots(is_city[name]):
                previous = officials.get(("pre", 0, name), {}).get(key) if term == 1 else None
                if previous is not None and rng.random() < 0.4:
                    table[key] = previous  # re-appointed for a second term
                    continue
                rank = rng.choice(ranks) if ranks else None
                official = Official(person_name(rng), tuple(Post(t, name) for t in titles), rank)
                people.append(official)
                table[key] = official
            officials[("pre", term, name)] = table
    for name in post:
        table = {}
        predecessors = [p for p in pre if successor[p].name == name]
        namesake = name if name in predecessors else ("Thừa Thiên Huế" if name == "Huế" else predecessors[0])
        for key, titles, ranks in _province_slots(is_city[name]):
            source = namesake if rng.random() < 0.7 else rng.choice(predecessors)
            before = officials[("pre", 1, source)][key]
            if rng.random() < 0.85:
                official = Official(before.name, tuple(Post(t, name) for t in titles), before.rank)
            else:
                official = Official(person_name(rng), tuple(Post(t, name) for t in titles),
                                    rng.choice(ranks) if ranks else None)
            people.append(official)
            table[key] = official
        officials[("post", 2, name)] = table

    central: dict[int, dict[str, list[Official]]] = {}
    for term in (0, 1, 2):
        by_body: dict[str, list[Official]] = {"tdkt": []}
        for titles in CENTRAL_TDKT:
            posts = tuple(Post(t, None, "Bộ Nội vụ" if t.startswith("Thứ trưởng") else TDKT_ORG) for t in titles)
            official = Official(person_name(rng), posts)
            by_body["tdkt"].append(official)
        for sector in SECTORS:
            group = []
            for _ in range(3):
                posts = [Post(sector.central_title, None, sector.central_org)]
                if rng.random() < 0.3:
                    posts.insert(0, Post("Ủy viên Trung ương Đảng"))
                rank = "Trung tướng" if sector.key in ("cong-an", "quan-su") else None
                group.append(Official(person_name(rng), tuple(posts), rank))
            by_body[sector.key] = group
        for group in by_body.values():
            people.extend(group)
        central[term] = by_body

    blocs: dict[str, list[Bloc]] = {"pre": [], "post": []}
    for era, groups in (("pre", PRE_GROUPS), ("post", POST_GROUPS)):
        for label, members in groups:
            blocs[era].append(Bloc(f"Cụm thi đua {label}", None, members, era))
            for sector in SECTORS:
                blocs[era].append(Bloc(f"Cụm thi đua {sector.bloc_word} {label}", sector, members, era))

    outlets = {}
    for name in {*pre, *post}:
        outlets[name] = f"https://bao{_slugify(name).replace('-', '')}.vn"
    return World(seed, pre, post, is_city, officials, central, blocs, outlets, people)


# --------------------------------------------------------------------------------------------
# Meetings and articles.

def _meeting_era(meeting: str, year: int, quarter: int) -> str:
    if year == 2025 and (meeting in ("midyear", "review") or (meeting == "quarter" and quarter == 3)):
        return "post"
    return "pre"


def _meeting_date(rng: random.Random, meeting: str, year: int, quarter: int) -> date:
    if meeting == "review":
        if year == 2025 or (year > FIRST_YEAR - 1 and rng.random() < 0.2):
            return date(year, 12, 10) + timedelta(days=rng.randrange(18))
        return date(year + 1, 1, 5) + timedelta(days=rng.randrange(75))
    if meeting == "midyear":
        return date(year, 7, 8) + timedelta(days=rng.randrange(45))
    if meeting == "quarter":
        return date(year, 3 * quarter + 1, 5) + timedelta(days=rng.randrange(20))
    if meeting == "signing":
        return date(year, 2, 15) + timedelta(days=rng.randrange(70))
    return date(year, 1, 10) + timedelta(days=rng.randrange(75))


def _meeting_name(meeting: str, year: int, quarter: int, scope: str) -> str:
    if meeting == "review":
        return f"Hội nghị tổng kết công tác thi đua, khen thưởng năm {year}, triển khai nhiệm vụ năm {year + 1}"
    if meeting == "midyear":
        return f"Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}"
    if meeting == "quarter":
        return f"Hội nghị giao ban {scope} quý {'I' if quarter == 1 else 'III'} năm {year}"
    if meeting == "signing":
        return f"Lễ ký kết giao ước thi đua năm {year}"
    return f"Lễ phát động phong trào thi đua năm {year}"


def _place_name(province: str, day: date) -> str:
    """The name a province goes by on a day (Thừa Thiên Huế became Huế on 2025-01-01)."""
    return "Huế" if province == "Thừa Thiên Huế" and day >= HUE_RENAMED else province


def _term(era: str, day: date) -> int:
    return 2 if era == "post" else (0 if day < date(2021, 6, 1) else 1)


def _with_place(post: Post, day: date) -> str:
    """The post as a sentence gives it: "Chủ tịch UBND tỉnh Bắc Kạn"."""
    return f"{post.title} {_place_name(post.province, day)}" if post.province else post.title


def _agency_in(agency: str, province: str, city: bool) -> str:
    """A provincial agency named with its province: "Công an tỉnh Bắc Kạn", "Sở Y tế thành phố Hà Nội"."""
    agency = _localise(agency, city)
    if agency.endswith((" tỉnh", " thành phố", "Tỉnh đoàn", "Thành đoàn")):
        return f"{agency} {province}"
    return f"{agency} {'thành phố' if city else 'tỉnh'} {province}"


@dataclass
class _Doc:
    """An article being written: the facts/1 lists and the person ids given out."""

    rng: random.Random
    day: date
    people: list[dict[str, Any]] = field(default_factory=list)
    ids: dict[int, str] = field(default_factory=dict)

    def person(self, official: Official, role_phrase: str) -> str:
        """The article's id of an official, adding them (with their posts) on first mention."""
        if id(official) in self.ids:
            return self.ids[id(official)]
        pid = f"p{len(self.people) + 1}"
        self.ids[id(official)] = pid
        name = official.name
        if self.rng.random() < 0.04:
            for new, old in OLD_STYLE.items():
                name = name.replace(new, old)
        posts = official.posts
        if len(posts) > 1 and self.rng.random() < 0.15:
            posts = posts[1:]  # the article gives only the main post
        described = ", ".join(_with_place(p, self.day) for p in posts)
        prefix = f"{official.rank} " if official.rank else ""
        sentence = f"{role_phrase} đồng chí {prefix}{name}, {described}."
        positions = []
        for post in posts:
            title = post.title
            if "UBND" in title and self.rng.random() < 0.1:
                title = title.replace("UBND", "Ủy ban nhân dân")
            position: dict[str, Any] = {"title": title}
            if post.province:
                position["province"] = _place_name(post.province, self.day)
            if post.organization:
                position["organization"] = post.organization
            if official.rank:
                position["rank"] = official.rank
            position["evidence"] = sentence
            positions.append(position)
        self.people.append({"id": pid, "name": name, "positions": positions})
        return pid


def _article_id(seed: int, index: int) -> str:
    return "a-" + hashlib.sha256(f"vnkg-bench:{seed}:{index}".encode()).hexdigest()[:12]


def _leaders(bloc_name: str, members: Sequence[str], year: int) -> tuple[str, str]:
    """The leader and deputy of a bloc in a year: a rotation through the members."""
    start = int(hashlib.sha256(bloc_name.encode()).hexdigest()[:6], 16)
    lead = (start + year) % len(members)
    return members[lead], members[(lead + 1) % len(members)]


def _participants(rng: random.Random, pool: list[tuple[Official, str]],
                  chair: Official) -> list[tuple[Official, str]]:
    """About 8 of the meeting's people (always its chair), each with one role."""
    want = max(3, round(rng.gauss(8.5, 2)))
    chosen = rng.sample(pool, min(len(pool), want - 1))
    return [(chair, "chair"), *chosen]


ROLE_PHRASE = {"chair": "Chủ trì hội nghị có", "speaker": "Phát biểu tại hội nghị,", "attendee": "Dự hội nghị có"}


def _awards(rng: random.Random, year: int, host: str, units: Sequence[dict[str, str]], day: date,
            orgs: Sequence[str], city: bool) -> list[dict[str, Any]]:
    """The awards a meeting hands out or proposes (fixed per meeting; each report names some).

    ``units`` are the recipients of the government's awards (``{"province": ...}`` or
    ``{"organization": ...}`` for a sector's agencies).
    """
    awards: list[dict[str, Any]] = []
    place = _place_name(host, day)
    unit = "thành phố" if city else "tỉnh"
    for _ in range(rng.randrange(0, 5)):
        pick = rng.random()
        if pick < 0.5:
            recipient = dict(rng.choice(units))
            name, by = (("Cờ thi đua của Chính phủ", "Chính phủ") if pick < 0.25
                        else ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ"))
            awards.append({"award": name, "conferred_by": by, "recipient": recipient, "year": year,
                           "status": rng.choice(("proposed", "conferred"))})
        elif pick < 0.85:
            recipient = ({"group": f"{rng.randrange(5, 60)} {rng.choice(('tập thể', 'cá nhân'))}"}
                         if rng.random() < 0.6 or not orgs else {"organization": rng.choice(orgs)})
            awards.append({"award": "Bằng khen của Chủ tịch UBND tỉnh",
                           "conferred_by": f"Chủ tịch UBND {unit} {place}", "recipient": recipient,
                           "year": year, "status": "conferred"})
        elif orgs:
            awards.append({"award": "Cờ thi đua của UBND tỉnh", "conferred_by": f"UBND {unit} {place}",
                           "recipient": {"organization": rng.choice(orgs)}, "year": year,
                           "status": "conferred"})
    return awards


@dataclass
class _Meeting:
    """What is fixed about one meeting, whichever paper reports it."""

    day: date
    era: str
    host: str
    bloc: Bloc | None
    khoi_province: str | None
    chair: Official
    pool: list[tuple[Official, str]]
    awards: list[dict[str, Any]]
    leader_year: int
    leader: str | None = None
    deputy: str | None = None


def _meeting(world: World, key: str, meeting: str, year: int, quarter: int, era: str,
             bloc: Bloc | None, khoi_key: str | None, province: str | None) -> _Meeting:
    mrng = random.Random(f"vnkg-bench-meeting:{world.seed}:{key}")
    day = _meeting_date(mrng, meeting, year, quarter)
    term = _term(era, day)
    leader_year = year + 1 if meeting == "review" else year
    central = world.central[term]
    pool: list[tuple[Official, str]] = []
    leader = deputy = None
    orgs: list[str] = []
    if province is None:  # a regional bloc of provinces
        assert bloc is not None
        sector = bloc.sector
        leader, deputy = _leaders(bloc.name, bloc.members, leader_year)
        host = leader if meeting in ("review", "signing") else mrng.choice(bloc.members)
        slot = f"H:{sector.key}" if sector else f"L{CHAIR_SLOT}"
        chair = world.officials[(era, term, host)][slot]
        for member in bloc.members:
            table = world.officials[(era, term, member)]
            pool.append((table[slot], "speaker" if mrng.random() < 0.3 else "attendee"))
            if sector and f"D:{sector.key}" in table:
                pool.append((table[f"D:{sector.key}"], "attendee"))
            elif not sector:
                pool.append((table[f"L{mrng.choice((4, 5, 6))}"], "attendee"))
        pool.extend((official, "speaker") for official in mrng.sample(central[sector.key if sector else "tdkt"], 2))
        units = [{"province": _place_name(m, day)} if sector is None
                 else {"organization": _agency_in(sector.agency, _place_name(m, day), world.is_city[m])}
                 for m in bloc.members]
        city = world.is_city[host]
    else:
        host = province
        city = world.is_city[province]
        table = world.officials[(era, term, province)]
        if bloc is not None:  # a Khối thi đua inside the province
            leader, deputy = _leaders(bloc.name, bloc.members, leader_year)
            chair = table[f"L{mrng.choice((4, 5, 6))}"]
            offices = next(offices for k, _, offices in KHOI if k == khoi_key)
            slots = ([f"L{OFFICE_HEAD_SLOT[o]}" for o in offices] if offices
                     else [f"H:{s.key}" for s in SECTORS if s.khoi == khoi_key])
            pool.extend((table[s], "speaker" if mrng.random() < 0.3 else "attendee") for s in slots)
            pool.append((table[f"L{TDKT_SLOT}"], "speaker"))
            orgs = list(bloc.members)
        else:  # the province's own meeting
            chair = table[f"L{CHAIR_SLOT}"]
            for s in ("L0", "L1", "L3", "L4", "L7", f"L{TDKT_SLOT}", "H:noi-vu", "H:mttq", "H:cong-an", "H:ldld"):
                pool.append((table[s], "speaker" if mrng.random() < 0.25 else "attendee"))
            pool.append((mrng.choice(central["tdkt"]), "speaker"))
            orgs = [_agency_in(s.agency, _place_name(province, day), city) for s in SECTORS[:10]]
        units = [{"province": _place_name(province, day)}]
    pool = [entry for entry in pool if entry[0] is not chair]
    awards = (_awards(mrng, year, host, units, day, orgs, city) if meeting in ("review", "midyear") else [])
    return _Meeting(day, era, host, bloc, province, chair, pool, awards, leader_year, leader, deputy)


def _article(world: World, index: int) -> dict[str, Any]:
    """Article ``index``: one paper's report of one meeting."""
    rng = random.Random(f"vnkg-bench-article:{world.seed}:{index}")
    meeting = rng.choices(MEETINGS, weights=MEETING_WEIGHTS)[0]
    year = rng.randrange(FIRST_YEAR - 1 if meeting == "review" else FIRST_YEAR, 2026)
    quarter = rng.choice((1, 3))
    era = _meeting_era(meeting, year, quarter)
    scope_pick = rng.random()
    provinces = world.pre if era == "pre" else world.post
    province: str | None = None
    khoi_key: str | None = None
    bloc: Bloc | None
    if scope_pick < 0.45:
        bloc = rng.choice(world.blocs[era])
        scope = "Cụm thi đua"
    else:
        province = rng.choice(provinces)
        city = world.is_city[province]
        if scope_pick < 0.8:
            khoi_key, khoi_name, offices = rng.choice(KHOI)
            members = [_localise(o, city) for o in offices] or [
                _localise(s.agency, city) for s in SECTORS if s.khoi == khoi_key]
            bloc = Bloc(f"{khoi_name} {'thành phố' if city else 'tỉnh'} {province}", None, tuple(members), era)
            scope = "Khối thi đua"
        else:
            bloc = None
            scope = "công tác thi đua"
    key = f"{province}|{bloc.name if bloc else ''}|{meeting}|{year}|{quarter}"
    m = _meeting(world, key, meeting, year, quarter, era, bloc, khoi_key, province)
    day = m.day
    place = _place_name(m.host, day)

    published = min(day + timedelta(days=rng.randrange(0, 3)), LAST_DAY)
    doc = _Doc(rng, day)
    title = _meeting_name(meeting, year, quarter, scope)
    blocs_out: list[dict[str, Any]] = []
    roles_out: list[dict[str, Any]] = []
    event_name = title
    if bloc is not None:
        listed = list(bloc.members)
        if rng.random() < 0.4:
            listed = rng.sample(listed, rng.randrange(2, len(listed)))
        names = [_place_name(x, day) for x in listed] if province is None else listed
        bloc_name = bloc.name if province is None else bloc.name.replace(province, place)
        kind = "cum" if bloc_name.startswith("Cụm") else "khoi"
        entry: dict[str, Any] = {"id": "b1", "name": bloc_name, "kind": kind, "members": names,
                                 "year": m.leader_year if meeting != "midyear" else year}
        if rng.random() < 0.5:
            entry["member_count"] = len(bloc.members)
            entry["evidence"] = f"{bloc_name} gồm {len(bloc.members)} đơn vị: {', '.join(names)}."
        else:
            entry["evidence"] = f"{bloc_name} gồm các đơn vị: {', '.join(names)}."
        if province is not None:
            entry["province"] = place
        blocs_out.append(entry)
        event_name = f"{title} của {bloc_name}"
        if meeting in ("review", "signing") and rng.random() < 0.7 and m.leader and m.deputy:
            word = "Cụm" if kind == "cum" else "Khối"
            field_name = "province" if province is None else "organization"
            lead = _place_name(m.leader, day) if province is None else m.leader
            dep = _place_name(m.deputy, day) if province is None else m.deputy
            article = "tỉnh " if province is None else ""
            sentence = (f"Hội nghị thống nhất bầu {article}{lead} làm {word} trưởng, {article}{dep} làm "
                        f"{word} phó năm {m.leader_year}.")
            roles_out = [{"bloc": "b1", field_name: lead, "role": "leader", "year": m.leader_year,
                          "evidence": sentence},
                         {"bloc": "b1", field_name: dep, "role": "deputy", "year": m.leader_year,
                          "evidence": sentence}]
    participants = []
    for official, role in _participants(rng, m.pool, m.chair):
        pid = doc.person(official, ROLE_PHRASE[role])
        participants.append({"person": pid, "role": role,
                             "evidence": doc.people[-1]["positions"][0]["evidence"]})
    event: dict[str, Any] = {
        "id": "e1", "kind": {"signing": "signing", "launch": "launch"}.get(meeting, "conference"),
        "name": event_name, "date": day.isoformat(), "location": place,
        "bloc": "b1" if bloc is not None else None,
        "participants": participants,
        "evidence": f"Ngày {day.day}/{day.month}/{day.year}, tại {place}, "
                    f"{event_name[0].lower()}{event_name[1:]} đã được tổ chức.",
    }
    if meeting == "review":
        event.update(period="year", reviews_year=year, plans_year=year + 1)
    elif meeting == "midyear":
        event.update(period="half-year", reviews_year=year)
    elif meeting == "quarter":
        event.update(period="quarter", reviews_year=year)
    else:
        event["plans_year"] = year
    if rng.random() < 0.3:
        event["venue"] = rng.choice(("Trung tâm Hội nghị", "Hội trường UBND", "Nhà văn hóa trung tâm"))
    if province is not None:
        event["host"] = place
    awards_out = []
    for award in rng.sample(m.awards, min(len(m.awards), rng.randrange(0, 4))):
        award = dict(award, event="e1")
        if rng.random() < 0.15:
            award["recipient"] = {"person": rng.choice(participants)["person"]}
            who = next(p["name"] for p in doc.people if p["id"] == award["recipient"]["person"])
        else:
            who = next(iter(award["recipient"].values()))
        verb = "đề nghị tặng" if award["status"] == "proposed" else "tặng"
        award["evidence"] = f"Dịp này, {award['conferred_by']} {verb} {award['award']} cho {who}."
        awards_out.append(award)
    outlet_province = rng.choice(list(bloc.members)) if bloc is not None and province is None else m.host
    source = f"{world.outlets[outlet_province]}/{_slugify(event_name)[:60]}-{index}.html"
    published_text = published.isoformat() if rng.random() < 0.9 else published.isoformat()[:7]
    return {
        "schema": "facts/1",
        "article": {"id": _article_id(world.seed, index), "title": event_name, "published": published_text,
                    "source": source},
        "blocs": blocs_out,
        "people": doc.people,
        "events": [event],
        "bloc_roles": roles_out,
        "awards": awards_out,
    }


def _drop_evidence(node: Any, rng: random.Random, keep: float) -> Any:
    if isinstance(node, dict):
        return {k: _drop_evidence(v, rng, keep) for k, v in node.items()
                if k != "evidence" or rng.random() < keep}
    if isinstance(node, list):
        return [_drop_evidence(item, rng, keep) for item in node]
    return node


def generate(n: int, seed: int = 0, evidence: float = 1.0) -> Iterator[dict[str, Any]]:
    """``n`` synthetic facts/1 documents, the same for the same seed; the first k of n are those of k.

    ``evidence`` is the share of facts that carry their evidence sentence: 1.0 as the extractor
    writes them (the default), 0.0 as the hand-made gold files mostly are.
    """
    world = build_world(seed)
    for index in range(n):
        doc = _article(world, index)
        if evidence < 1.0:
            doc = _drop_evidence(doc, random.Random(f"vnkg-bench-evidence:{seed}:{index}"), evidence)
        yield doc


def write(n: int, out: Path, seed: int = 0, evidence: float = 1.0) -> int:
    """Write ``out/<article id>.facts.json`` for n documents; return how many were written."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for doc in generate(n, seed, evidence):
        path = out / f"{doc['article']['id']}.facts.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        count += 1
    return count
