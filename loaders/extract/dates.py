"""Dates: the article's publication date and the days named in its text.

Publication dates come in the forms these sites print above or below a headline
("13/03/2023", "Thứ sáu - 29/03/2024 17:58", "( Cập nhật lúc: 21/07/2017 )", "date 2024-03",
"Đăng ngày 09-03-2018 10:10", "ngày 23 tháng 08 năm 2019"). Days in the text ("Ngày 10/3",
"Sáng 21/7", "ngày 5 tháng 3") get a year only when the article fixes it.

>>> published_date("Tin\\nThứ sáu - 29/03/2024 17:58 259 0\\nSáng ngày 29/3, ...")
'2024-03-29'
>>> [(d.day, d.month, d.year) for d in find_days("Sáng 21/7, tại tỉnh Hòa Bình; ngày 5 tháng 3 năm 2024")]
[(21, 7, None), (5, 3, 2024)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUMERIC = re.compile(rf"(?<![\d/.-])(\d{{1,2}})\s*([/.-])\s*(\d{{1,2}})\s*\2\s*({_YEAR})(?![\d/])")
_ISO = re.compile(rf"(?<!\d)({_YEAR})-(\d{{2}})(?:-(\d{{2}}))?(?![\d-])")
_WORDS = re.compile(rf"ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s*(?:năm|,)\s*({_YEAR}))?", re.I)
_URL_MONTH = re.compile(rf"https?://\S*?/({_YEAR})(0[1-9]|1[0-2])(?:\d{{2}})?/")
_DAY_MONTH = re.compile(
    rf"(?:(?P<lead>\b(?:[Nn]gày|[Nn]gay(?=\s+\d)|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)(?:\s+(?:ngày|qua|nay))?)\s+"
    rf"(?:(?:thứ\s+\S+|chủ nhật)\s*,?\s*(?:ngày\s+)?)?|\((?=\d))"
    rf"(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})(?:\s*[/.-]\s*(?P<y>{_YEAR}))?(?![\d/])"
    rf"|\b[Nn]gày\s+(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})(?:\s+năm\s+(?P<y2>{_YEAR}))?"
)
_TIMESTAMP_LINE = re.compile(
    r"^[\W\d_]*(?:(?:thứ|chủ nhật|cập nhật|đăng ngày|ngày|lúc|date|ngày đăng|"
    r"published|updated)[\w\s:,-]*)?",
    re.I,
)


@dataclass(frozen=True)
class DayMention:
    """A day named in the text; `year` only where the text itself writes it."""

    day: int
    month: int
    year: int | None
    start: int
    end: int


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _line_dates(line: str) -> list[str]:
    found: list[str] = []
    for m in _ISO.finditer(line):
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d and _valid(int(y), int(mo), int(d)):
            found.append(f"{y}-{mo}-{d}")
        elif not d and 1 <= int(mo) <= 12:
            found.append(f"{y}-{mo}")
    for m in _NUMERIC.finditer(line):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if _valid(y, mo, d):
            found.append(f"{y:04d}-{mo:02d}-{d:02d}")
    for m in _WORDS.finditer(line):
        if m.group(3) and _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            found.append(f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
    return found


def is_dateline(line: str) -> bool:
    """A short line that is mostly a date, a time, a weekday, a byline or counters."""
    if len(line) > 90:
        return False
    rest = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?", " ", line)
    rest = _NUMERIC.sub(" ", rest)
    rest = _ISO.sub(" ", rest)
    rest = _WORDS.sub(" ", rest)
    rest = re.sub(
        r"(?i)\b(thứ\s+\w+|chủ nhật|cập nhật( lúc)?|đăng ngày|ngày đăng|ngày|lúc|date|gmt\+?\d*)\b", " ", rest
    )
    words = re.findall(r"[^\W\d_]+", rest)
    return len(words) <= 4


def published_date(text: str, source: str | None = None, head_lines: int = 12) -> str | None:
    """The publication date the page prints near its top (the latest one there), or a month from a URL."""
    candidates: list[str] = []
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    for line in lines[:head_lines]:
        m = re.match(rf"^date\s+({_YEAR}-\d{{2}}(?:-\d{{2}})?)\b", line)
        if m:
            candidates.extend(_line_dates(m.group(1)))
            continue
        if is_dateline(line):
            candidates.extend(_line_dates(line))
    if not candidates:  # a date line printed under the article, with the byline
        for line in lines[head_lines:][-8:]:
            if is_dateline(line):
                candidates.extend(_line_dates(line))
    full = [c for c in candidates if len(c) == 10]
    if full:
        return max(full)
    if candidates:
        return max(candidates)
    for where in (source or "", text):
        m = _URL_MONTH.search(where)
        if m:
            return f"{m.group(1)}-{m.group(2)}"
    return None


def find_days(text: str) -> list[DayMention]:
    """Days named in a sentence: "Ngày 10/3", "Sáng 21/7", "ngày 5 tháng 3", "ngày 07/02/2018"."""
    out: list[DayMention] = []
    for m in _DAY_MONTH.finditer(text):
        d = m.group("d") or m.group("d2")
        mo = m.group("m") or m.group("m2")
        y = m.group("y") or m.group("y2")
        if not d or not mo:
            continue
        day, month = int(d), int(mo)
        year = int(y) if y else None
        if not _valid(year or 2024, month, day):
            continue
        out.append(DayMention(day, month, year, m.start(), m.end()))
    return out


def resolve_day(
    day: DayMention,
    *,
    published: str | None,
    reviews_year: int | None = None,
    plans_year: int | None = None,
    period: str | None = None,
) -> str | None:
    """An ISO date for a day, its year taken from the text, the publication date or the meeting's years."""
    if day.year is not None:
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    year: int | None = None
    if published and len(published) >= 4:
        pub_year = int(published[:4])
        year = pub_year
        if len(published) >= 7:
            pub_month = int(published[5:7])
            pub_day = int(published[8:10]) if len(published) == 10 else 28
            if (day.month, day.day) > (pub_month, pub_day + 7) and day.month - pub_month > 0:
                year = pub_year - 1 if day.month - pub_month >= 6 else pub_year
    elif reviews_year is not None and period == "year":
        if day.month <= 6:
            year = reviews_year + 1
        elif day.month >= 11:
            year = reviews_year
    elif reviews_year is not None and period in ("half-year", "quarter"):
        # a review of the first half held from its last month on ("sơ kết 6 tháng" on 27/6 or in July)
        year = reviews_year if (period == "quarter" or day.month >= 6) else None
    elif reviews_year is None and plans_year is not None and day.month <= 6:
        year = plans_year
    if year is None or not _valid(year, day.month, day.day):
        return None
    return f"{year:04d}-{day.month:02d}-{day.day:02d}"
