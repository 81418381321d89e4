"""Publication dates in the sites' forms; days in the text resolved only where the year is fixed."""

import pytest
from vnkg.loaders.extract.dates import find_days, published_date, resolve_day


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Tin\n13/03/2023\nTiêu đề", "2023-03-13"),
        ("Tiêu đề\nThứ sáu - 29/03/2024 17:58 259 0\nSáng ngày 29/3", "2024-03-29"),
        ("Tiêu đề\n( Cập nhật lúc: 21/07/2017 )\nNội dung", "2017-07-21"),
        (" date 2024-03 Tin liên quan", "2024-03"),
        ("Tiêu đề\nĐăng ngày 09-03-2018 10:10", "2018-03-09"),
        ("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\nTiêu đề\nNhư Tâm - 17:46, 22/03/2025", "2025-03-22"),
        ("Tiêu đề\nNội dung.\nNguồn: https://bao.vn/chinh-tri/202403/bai-viet/", "2024-03"),
        ("Tiêu đề không có ngày\nNội dung dài hơn nhiều.", None),
    ],
)
def test_published_date(page, expected):
    assert published_date(page) == expected


def test_days_in_text():
    days = find_days("Ngày 10/3, tại Bắc Giang; sáng 21-7 và ngày 5 tháng 3 năm 2024")
    assert [(d.day, d.month, d.year) for d in days] == [(10, 3, None), (21, 7, None), (5, 3, 2024)]


def test_resolved_by_the_publication_date():
    (day,) = find_days("Ngày 10/3, hội nghị")
    assert resolve_day(day, published="2023-03-13") == "2023-03-10"


def test_resolved_by_the_year_reviewed():
    (early,) = find_days("Ngày 5/3, hội nghị")
    (late,) = find_days("Ngày 13/11, hội nghị")
    assert resolve_day(early, published=None, reviews_year=2023, period="year") == "2024-03-05"
    assert resolve_day(late, published=None, reviews_year=2015, period="year") == "2015-11-13"
    assert resolve_day(early, published=None) is None


def test_a_day_written_without_the_tone_of_ngay():
    assert [(d.day, d.month) for d in find_days("Ngay 23/1, Cụm thi đua tổ chức hội nghị.")] == [(23, 1)]
    assert find_days("Ngay cả khi trời mưa, 3 đơn vị vẫn đến.") == []
