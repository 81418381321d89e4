"""Events: the meeting an article reports (conference, signing, launch), its day, place and years,
and the role each person plays in it (chair > speaker > attendee).

>>> info = read_event_sentence("Sáng 21/7, tại tỉnh Hòa Bình, Cụm tổ chức Hội nghị sơ kết 6 tháng đầu năm 2017.")
>>> (info.kind, info.period, info.reviews_year, info.location_raw)
('conference', 'half-year', 2017, 'tỉnh Hòa Bình')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnkg.loaders.extract.dates import DayMention, find_days

EVENT_WORD = re.compile(
    r"(?i)(?<![^\W\d_])(?:hội nghị|tổng kết|sơ kết|giao ban|ký kết giao ước|ký giao ước|ký kết|họp|phát động)"
    r"(?![^\W\d_])"
)
_NAME = re.compile(
    r"(?<![^\W\d_])(?:[Hh]ội nghị|HỘI NGHỊ)(?![^\W\d_])[^.;:()\n]*?(?=\s+(?:của\s+(?:Cụm|Khối|cụm|khối)|tại\s|"
    r"do\s|với\s|nhằm\s|được\s|diễn ra|Cụm thi đua|Khối thi đua|cụm thi đua|khối thi đua)|[.;:()]|$)"
)
_VENUE = re.compile(
    r"(?<![^\W\d_])[Tt]ại\s+(?!(?:[Hh]ội nghị|kỳ họp|buổi|đây|hội nghị)\b)"
    r"(?P<v>[^,;.()]+?(?:\s*\([^)]{0,40}\))?[^,;.()]*?)"
    r"(?=,|;|\.(?:\s|$)|\s+(?:đã|vừa|diễn ra|Cụm|Khối|cụm|khối|UBND|Ban|tổ chức)\b|$)"
)
_REVIEW = re.compile(r"(?i)(?:tổng kết|sơ kết|giao ban|đánh giá|kết quả|xem xét|xét khen thưởng|bình xét)")
_PLAN = re.compile(r"(?i)(?:triển khai|ký kết|ký|phương hướng|nhiệm vụ|kế hoạch|phát động)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")

CHAIR = re.compile(r"(?i)(?<![^\W\d_])(?:chủ trì|đồng chủ trì|điều hành hội nghị)(?![^\W\d_])")
SPEAKER = re.compile(
    r"(?i)(?<![^\W\d_])(?:phát biểu|báo cáo|tham luận|phát động|cho biết|đánh giá|nhấn mạnh|khẳng định|"
    r"trình bày|ghi nhận|biểu dương|đề nghị|công bố|quán triệt|kết luận|thông tin|chia sẻ)(?![^\W\d_])"
)
ATTENDEE = re.compile(
    r"(?i)(?<![^\W\d_])(?:dự|tham dự|đến dự|có mặt|tặng hoa|chúc mừng|trao|tặng|về phía .{0,40}? có|"
    r"dự hội nghị có|tham dự hội nghị có|có các đồng chí|chụp ảnh|ký kết|ký giao ước|"
    r"nhận (?:Cờ|cờ|Bằng khen|bằng khen|danh hiệu|bàn giao|Huân chương|huân chương))(?![^\W\d_])"
)
ROLE_RANK = {"chair": 3, "speaker": 2, "attendee": 1}


@dataclass
class EventInfo:
    """What one sentence says about the meeting."""

    kind: str = "conference"
    name: str | None = None
    day: DayMention | None = None
    location_raw: str | None = None
    period: str | None = None
    reviews_year: int | None = None
    plans_year: int | None = None


def event_kind(text: str) -> str:
    """conference, signing (a meeting held to sign) or launch (a meeting held to launch)."""
    core = re.sub(r"(?i)^.*?(?:hội nghị|tổ chức|diễn ra)\s+", "", text, count=1)
    core = re.sub(r"(?i)^hội nghị\s+", "", core)  # "tổ chức Hội nghị ..."
    # "Hội nghị phát động và ký kết giao ước thi đua": held to sign the pact the launch opens
    core = re.sub(r"(?i)^(?:lễ\s+)?phát động(?:\s*,\s*|\s+và\s+|\s+)(?=ký kết|ký giao ước)", "", core)
    if re.match(r"(?i)(?:lễ\s+)?(?:ký kết giao ước|ký giao ước|ký kết)", core) and not re.search(
        r"(?i)tổng kết|sơ kết|triển khai nhiệm vụ|triển khai kế hoạch", core[:80]
    ):
        return "signing"
    if re.match(r"(?i)(?:lễ\s+)?phát động", core):
        return "launch"
    return "conference"


def years_of(text: str) -> tuple[str | None, int | None, int | None]:
    """(period, reviews_year, plans_year) of a meeting's description."""
    period = None
    reviews = plans = None
    low = text.lower()
    if re.search(r"\bquý\s+(?:i|ii|iii|iv|\d)\b", low):
        period = "quarter"  # "sơ kết quý I năm 2024" is a quarter's review
    elif re.search(r"sơ kết|6 tháng|sáu tháng", low):
        period = "half-year"
    elif re.search(r"tổng kết|giao ban|tổng kết|xét khen thưởng|bình xét", low):
        period = "year"
    m = _REVIEW.search(text)
    if m:
        nxt = _PLAN.search(text, m.end())
        window = text[m.end() : nxt.start() if nxt else len(text)]
        y = _YEAR.search(window)
        if y is None:
            y = _YEAR.search(text, m.end())
        if y:
            reviews = int(y.group(1))
            q = re.search(r"(?i)quý\s+[ivx\d]+\s*[-/]\s*(\d{4})", text)
            if q:
                reviews = int(q.group(1))
    p = _PLAN.search(text)
    while p:
        if m and p.start() < m.start():
            p = _PLAN.search(text, p.end())
            continue
        y = _YEAR.search(text, p.end())
        if y:
            plans = int(y.group(1))
        break
    if (
        reviews is None
        and period in ("year", "half-year", "quarter")
        and plans is not None
        and not re.search(r"(?i)tổng kết|sơ kết", text)
    ):
        reviews = plans
    if reviews is None and period is not None:
        period = None if not re.search(r"(?i)tổng kết|sơ kết|giao ban", text) else period
    return period, reviews, plans


def read_event_sentence(text: str) -> EventInfo:
    """The facts of the meeting one sentence reports."""
    info = EventInfo()
    name = _NAME.search(text)
    if name:
        info.name = name.group().strip(" ,")
    else:
        m = EVENT_WORD.search(text)
        if m:
            info.name = re.split(r"[.;]", text[m.start() :])[0].strip(" ,")[:200]
    info.kind = event_kind(info.name or text)
    days = find_days(text)
    info.day = days[0] if days else None
    info.location_raw = venue_of(text)
    info.period, info.reviews_year, info.plans_year = years_of(info.name or text)
    if info.reviews_year is None and info.plans_year is None:
        info.period, info.reviews_year, info.plans_year = years_of(text)
    return info


def venue_of(text: str) -> str | None:
    """The place a sentence says the meeting is held at ("tại thành phố Vinh, tỉnh Nghệ An"), as written."""
    venue = _VENUE.search(re.sub(r"\b(TP|Tp)\.(?=\s?\w)", r"\1 ", text))
    if not venue:
        return None
    end = venue.end("v")
    more = re.compile(r",\s*(?:tỉnh|thành phố|TP\.?)\s+[^,;.()]+").match(text, end)
    if more:
        end = more.end()  # "tại thành phố Vinh, tỉnh Nghệ An"
    return text[venue.start("v") : end].strip()


def is_event_sentence(text: str) -> bool:
    """A sentence that reports a meeting taking place (not a mere mention)."""
    if not EVENT_WORD.search(text):
        return False
    return bool(find_days(text)) or bool(
        re.search(
            r"(?i)\btại\s|tổ chức|diễn ra|vừa dự|họp\b|đã dự|khai mạc|(?:^|\s)(?:tham dự|dự|đến dự) hội nghị", text
        )
    )


def role_of(segment: str) -> str | None:
    """The strongest role a stretch of text gives a person."""
    if CHAIR.search(segment):
        return "chair"
    if SPEAKER.search(segment):
        return "speaker"
    if ATTENDEE.search(segment):
        return "attendee"
    return None


def stronger(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if ROLE_RANK[a] >= ROLE_RANK[b] else b
