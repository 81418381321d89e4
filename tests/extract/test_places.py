"""Provinces by the gazetteer: aliases, old tone spellings, prefixes, the 2025 mergers."""

from datetime import date

from vnkg.loaders.extract.places import find_provinces


def names(text, **kw):
    return [m.name for m in find_provinces(text, **kw)]


def test_aliases_prefixes_and_tone_spellings():
    assert names("tỉnh Hoà Bình, TP. Hồ Chí Minh, Bắc Cạn và Vũng Tàu") == [
        "Hòa Bình", "Hồ Chí Minh", "Bắc Kạn", "Bà Rịa - Vũng Tàu"]


def test_a_name_in_a_person_or_a_road_is_not_a_place():
    assert names("phóng viên Hoàng Huế, Đường Hồ Chí Minh") == []


def test_the_unit_of_the_day():
    assert names("thành phố Huế", on=date(2025, 3, 1)) == ["Huế"]
    assert names("thành phố Huế", on=date(2020, 3, 1)) == ["Thừa Thiên Huế"]


def test_prefixed_span_is_kept():
    (m,) = find_provinces("tại tỉnh Bắc Giang,")
    assert m.prefixed and "tại tỉnh Bắc Giang,"[m.start : m.end] == "tỉnh Bắc Giang"


def test_a_province_spelt_without_its_tones_in_toned_text_is_a_name():
    assert find_provinces("Đồng chí Vũ Thị Thanh Hoa phát biểu.") == []
    assert [p.name for p in find_provinces("Dong chi Nguyen Van A, tinh Thanh Hoa")] == ["Thanh Hóa"]
    assert [p.name for p in find_provinces("Đồng chí Lê Văn B, tỉnh Thanh Hoa phát biểu.")] == ["Thanh Hóa"]
