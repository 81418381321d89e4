"""Rules made general while checking the extractor on articles written apart from the corpus.

Each case is a wording the corpus does not use; the names in them are invented.
"""

from __future__ import annotations

from vnkg.loaders.extract import extract_article
from vnkg.loaders.extract.blocs import find_bloc_mentions
from vnkg.loaders.extract.dates import published_date
from vnkg.loaders.extract.events import years_of
from vnkg.loaders.extract.people import find_people


def _people(text: str) -> list[tuple[str, list[str]]]:
    return [(p.name, [x.title for x in p.posts]) for p in find_people(text)]


def test_honorifics_are_whole_words():
    # the "ông" of "sông" does not make "Cửu Long" a person
    assert _people("Cụm thi đua các tỉnh Đồng bằng sông Cửu Long tổng kết năm 2022") == []


def test_sentence_initial_honorific_and_heads_with_small_words():
    assert _people("Ông Trà Văn Đông, Phó Chủ tịch UBND huyện Tiên Phước chủ trì.") == [
        ("Trà Văn Đông", ["Phó Chủ tịch UBND huyện Tiên Phước"])
    ]
    found = _people("Dự hội nghị có Thứ trưởng Bộ Nội vụ Khổng Minh Đạo.")
    assert found == [("Khổng Minh Đạo", ["Thứ trưởng Bộ Nội vụ"])]


def test_numbered_bodies_and_va_inside_a_body():
    assert _people("Thiếu tướng Trịnh Bá Quyết, Phó Chính ủy Quân khu 7 dự.")[0][1] == ["Phó Chính ủy Quân khu 7"]
    posts = _people("Đại tá Cù Minh Trí, Phó Cục trưởng Cục Công tác Đảng và công tác chính trị dự.")[0][1]
    assert posts == ["Phó Cục trưởng Cục Công tác Đảng và công tác chính trị"]


def _blocs(text: str) -> list[str]:
    return [m.name for m in find_bloc_mentions(text)]


def test_bloc_names_run_to_their_place():
    name = "Khối thi đua các sở, ngành kinh tế tổng hợp tỉnh Thái Bình"
    assert _blocs(f"{name} tổ chức họp.") == [name]
    name = "Cụm thi đua các tỉnh, thành phố Duyên hải miền Trung"
    assert _blocs(f"{name} tổ chức hội nghị.") == [name]
    name = "Cụm thi đua số 2 Bộ Chỉ huy Quân sự các tỉnh miền Đông"
    assert _blocs(f"{name} tổ chức hội nghị.") == [name]
    assert _blocs("Cụm thi đua số 4 chủ trì Hội nghị.") == ["Cụm thi đua số 4"]


def test_members_after_a_unit_phrase_and_a_bare_bloc_noun():
    doc = extract_article(
        "Ngày 14/2, Cụm thi đua LĐLĐ các tỉnh Đồng bằng sông Hồng tổ chức hội nghị tổng kết năm 2022. "
        "Cụm gồm LĐLĐ 3 tỉnh: Hải Dương, Hưng Yên và Thái Bình."
    )
    assert doc["blocs"][0]["members"] == ["Hải Dương", "Hưng Yên", "Thái Bình"]
    assert doc["blocs"][0]["member_count"] == 3
    doc = extract_article(
        "Ngày 5/4, Khối thi đua các cơ quan Đảng tỉnh Quảng Trị tổ chức hội nghị giao ban quý I năm 2024. "
        "Khối gồm 3 đơn vị: Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy và Thư viện tỉnh."
    )
    assert doc["blocs"][0]["members"] == ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Thư viện tỉnh"]
    assert doc["events"][0]["period"] == "quarter"


def test_leading_agency_with_va_in_its_name_and_other_verbs():
    doc = extract_article(
        "Ngày 5/4, Khối thi đua các sở, ngành kinh tế tổng hợp tỉnh Thái Bình tổ chức hội nghị. "
        "Sở Kế hoạch và Đầu tư là đơn vị Khối trưởng năm 2024, Sở Tài chính là Khối phó. "
        "Tỉnh đoàn được giao làm Khối phó năm 2025."
    )
    roles = {(r.get("organization") or r.get("province"), r["role"], r["year"]) for r in doc["bloc_roles"]}
    assert roles == {
        ("Sở Kế hoạch và Đầu tư", "leader", 2024),
        ("Sở Tài chính", "deputy", 2024),
        ("Tỉnh đoàn", "deputy", 2025),
    }


def test_awards_to_people_districts_and_on_behalf_of_an_issuer():
    doc = extract_article(
        "Ngày 21/3, tại tỉnh Lào Cai, Cụm thi đua các tỉnh miền núi biên giới phía Bắc tổ chức hội nghị tổng kết "
        "năm 2018. Báo cáo tại hội nghị, ông Hoàng Văn Páo, Phó Giám đốc Sở Nội vụ tỉnh Lào Cai cho biết nhiều chỉ "
        "tiêu vượt kế hoạch. Thừa ủy quyền của Chủ tịch nước, ông Hoàng Văn Páo trao Huân chương Lao động hạng Nhì "
        "cho tỉnh Lạng Sơn và tỉnh Hà Giang vì đã có thành tích xuất sắc năm 2017; trao Bằng khen của Thủ tướng "
        "Chính phủ cho ông Hoàng Văn Páo. Hội nghị đề nghị UBND tỉnh tặng Cờ thi đua cho huyện Bát Xát."
    )
    got = {(a["award"], a["conferred_by"], str(a["recipient"]), a["year"]) for a in doc["awards"]}
    assert ("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "{'province': 'Lạng Sơn'}", 2017) in got
    assert ("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "{'province': 'Hà Giang'}", 2017) in got
    assert any(a["recipient"] == {"person": "p1"} for a in doc["awards"])
    assert any(a["recipient"] == {"organization": "huyện Bát Xát"} for a in doc["awards"])


def test_the_venue_in_the_sentence_after_the_meeting():
    doc = extract_article(
        "Ngày 12/1/2024, Khối thi đua các cơ quan Đảng tỉnh Quảng Trị tổ chức hội nghị tổng kết năm 2023. "
        "Hội nghị diễn ra tại Hội trường Tỉnh ủy."
    )
    assert doc["events"][0]["venue"] == "Hội trường Tỉnh ủy"
    assert doc["events"][0]["location"] == "Quảng Trị"


def test_headline_and_date_line_found_anywhere_near_the_edges():
    text = "\n".join(
        ["Cổng thông tin điện tử huyện Tiên Phước", "Trang chủ > Tin tức", "Cụm thi đua số 5 sơ kết 6 tháng năm 2019"]
        + ["Các huyện trong Cụm đã tập trung thực hiện các chương trình giảm nghèo."] * 15
        + ["Hải Yến", "Cập nhật: 15/08/2019 10:25"]
    )
    assert extract_article(text)["article"]["title"] == "Cụm thi đua số 5 sơ kết 6 tháng năm 2019"
    assert published_date(text) == "2019-08-15"


def test_quarter_before_half_year():
    assert years_of("hội nghị sơ kết quý I năm 2024")[0] == "quarter"
    assert years_of("hội nghị sơ kết 6 tháng đầu năm 2024")[0] == "half-year"
