"""The whole article: one realistic snippet end to end, and bad input that must still give facts/1."""

import unicodedata

import pytest
from vnkg.loaders.extract import article_id, extract_article

from .conftest import assert_valid

SNIPPET = """Cụm thi đua các tỉnh Trung du và Miền núi phía Bắc tổng kết năm 2023

Thứ sáu - 15/03/2024 17:58
Sáng 14/3, tại tỉnh Tuyên Quang, Cụm thi đua các tỉnh Trung du và Miền núi phía Bắc, gồm các tỉnh: Bắc Giang, \
Bắc Kạn, Hoà Bình và Tuyên Quang tổ chức Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.
Các đồng chí: Nguyễn Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Tuyên Quang; Trần Văn Minh, \
Phó Chủ tịch UBND tỉnh Bắc Giang đồng chủ trì hội nghị.
Hội nghị thống nhất đề nghị tặng Cờ thi đua của Chính phủ cho tỉnh Bắc Kạn; bầu tỉnh Hòa Bình làm Cụm trưởng năm 2024.
Tin liên quan
Khối thi đua khác tổ chức hội nghị
"""


def test_snippet_end_to_end():
    doc = extract_article(SNIPPET)
    assert_valid(doc)
    assert doc["article"]["published"] == "2024-03-15"
    (event,) = doc["events"]
    assert (event["kind"], event["date"], event["location"]) == ("conference", "2024-03-14", "Tuyên Quang")
    assert event["reviews_year"] == 2023
    (bloc,) = doc["blocs"]
    assert bloc["members"][:4] == ["Bắc Giang", "Bắc Kạn", "Hòa Bình", "Tuyên Quang"]
    people = {p["name"]: p for p in doc["people"]}
    assert [(x["title"], x.get("province")) for x in people["Nguyễn Văn Sơn"]["positions"]] == [
        ("Phó Bí thư Tỉnh ủy", "Tuyên Quang"), ("Chủ tịch UBND tỉnh", "Tuyên Quang")]
    roles = {(p["person"], p["role"]) for p in event["participants"]}
    assert roles == {(people["Nguyễn Văn Sơn"]["id"], "chair"), (people["Trần Văn Minh"]["id"], "chair")}
    assert [(r["province"], r["role"], r["year"]) for r in doc["bloc_roles"]] == [("Hòa Bình", "leader", 2024)]
    (award,) = doc["awards"]
    assert award["recipient"] == {"province": "Bắc Kạn"} and award["status"] == "proposed"
    assert not any("Khối thi đua khác" in (b["name"]) for b in doc["blocs"])


def test_every_fact_carries_its_sentence_copied_from_the_input():
    doc = extract_article(SNIPPET)
    evidences = [doc["events"][0]["evidence"], *(r["evidence"] for r in doc["bloc_roles"]),
                 *(a["evidence"] for a in doc["awards"]),
                 *(x["evidence"] for p in doc["people"] for x in p["positions"]),
                 *(p["evidence"] for p in doc["events"][0]["participants"])]
    assert evidences
    for evidence in evidences:
        assert evidence in SNIPPET


def test_nfd_and_old_tones_give_the_same_facts():
    nfd = unicodedata.normalize("NFD", SNIPPET.replace("Hòa Bình", "Hoà Bình"))
    a, b = extract_article(SNIPPET), extract_article(nfd)
    strip = lambda d: {k: v for k, v in d.items() if k != "article"}  # noqa: E731
    assert strip(a)["bloc_roles"][0]["province"] == strip(b)["bloc_roles"][0]["province"] == "Hòa Bình"
    assert [p["name"] for p in a["people"]] == [p["name"] for p in b["people"]]


def test_id_is_the_hash_of_the_bytes():
    assert article_id("abc") == "a-ba7816bf8f01"
    assert extract_article("abc")["article"]["id"] == "a-ba7816bf8f01"


def test_html_input():
    html = "<html><body><h1>Tiêu đề bài</h1><p>Sáng 14/3, tại <b>tỉnh Tuyên Quang</b>, Cụm thi đua số 2 " \
           "tổ chức Hội nghị tổng kết năm 2023.</p></body></html>"
    doc = extract_article(html)
    assert_valid(doc)
    assert doc["events"][0]["location"] == "Tuyên Quang"


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n ", "\x00\x01\x02binary\xff", "The quick brown fox jumps over the lazy dog. " * 50,
     "Cụm thi đua", "Ngày 31/2, tại", "((((((((", "Chủ tịch " * 500, "Cụm thi đua số 99999999999999999999"],
)
def test_bad_input_gives_a_valid_document(text):
    doc = extract_article(text)
    assert_valid(doc)


def test_bytes_input_and_binary_bytes():
    assert_valid(extract_article(bytes(range(256)) * 10))
    assert_valid(extract_article(SNIPPET.encode("utf-8")))


def test_ten_megabytes():
    big = (SNIPPET + "\n") * (10_000_000 // len(SNIPPET.encode()) + 1)
    doc = extract_article(big)
    assert_valid(doc)
    assert doc["events"]


def test_a_second_meeting_on_its_own_day_is_a_second_event():
    doc = extract_article(
        "Chiều 8/1/2024, tại tỉnh Điện Biên, Cụm thi đua các tỉnh Tây Bắc tổ chức Hội nghị tổng kết công tác "
        "thi đua, khen thưởng năm 2023.\nSáng 9/1/2024, tại tỉnh Lai Châu, lãnh đạo 6 tỉnh trong Cụm đã ký kết "
        "giao ước thi đua năm 2024.\nNgày 15/3/2024, Cụm sẽ tổ chức hội nghị giao ban quý I."
    )
    got = [(e["kind"], e["date"], e["location"]) for e in doc["events"]]
    assert got == [("conference", "2024-01-08", "Điện Biên"), ("signing", "2024-01-09", "Lai Châu")]
    assert [e["id"] for e in doc["events"]] == ["e1", "e2"]


def test_recipients_written_as_the_subject():
    doc = extract_article(
        "Ngày 15/1/2025, tại tỉnh Bình Dương, Cụm thi đua các tỉnh miền Đông Nam Bộ tổ chức hội nghị tổng kết "
        "năm 2024.\nTP. Hồ Chí Minh và tỉnh Bình Dương được Cụm suy tôn, đề nghị Chính phủ tặng Cờ thi đua năm 2024."
    )
    got = sorted((a["recipient"].get("province"), a["status"], a["year"]) for a in doc["awards"])
    assert got == [("Bình Dương", "proposed", 2024), ("Hồ Chí Minh", "proposed", 2024)]


def test_a_provincial_unit_before_a_dash_leads_as_its_province():
    doc = extract_article(
        "Ngày 18/01/2024, Sở Tư pháp tỉnh Quảng Bình - đơn vị Cụm trưởng năm 2023 tổ chức Hội nghị tổng kết "
        "công tác thi đua năm 2023 của Cụm thi đua số 3 Sở Tư pháp các tỉnh Bắc Trung Bộ."
    )
    assert [(r.get("province"), r["role"], r["year"]) for r in doc["bloc_roles"]] == [("Quảng Bình", "leader", 2023)]


def test_roles_said_as_presence_sharing_signing_and_receiving():
    doc = extract_article(
        "Cụm thi đua các tỉnh Tây Nguyên tổng kết năm 2024\n\n"
        "Sáng 20/12, tại tỉnh Gia Lai, Cụm thi đua các tỉnh Tây Nguyên tổ chức Hội nghị tổng kết công tác thi đua.\n"
        "Đồng chí Trương An Ninh, Phó Chủ tịch UBND tỉnh Gia Lai chủ trì hội nghị, với sự tham dự của đồng chí "
        "Đinh Thị Hồng Lam, Phó Trưởng Ban Thi đua - Khen thưởng tỉnh Kon Tum.\n"
        "Bà Nguyễn Thị Mai Hương, Giám đốc Sở Nội vụ tỉnh Đắk Lắk chia sẻ kinh nghiệm của tỉnh.\n"
        "Ông Lê Văn Tuấn, Chủ tịch UBND tỉnh Lâm Đồng ký giao ước thi đua năm 2025 với các tỉnh trong Cụm.\n"
        "Ảnh: Đồng chí Lương Thị Hoa, Phó Chủ tịch UBND tỉnh Đắk Nông nhận danh hiệu đơn vị dẫn đầu Cụm.\n"
    )
    people = {p["id"]: p["name"] for p in doc["people"]}
    roles = {people[p["person"]]: p["role"] for p in doc["events"][0]["participants"]}
    assert roles == {"Trương An Ninh": "chair", "Đinh Thị Hồng Lam": "attendee", "Nguyễn Thị Mai Hương": "speaker",
                     "Lê Văn Tuấn": "attendee", "Lương Thị Hoa": "attendee"}


def test_a_bloc_inside_one_province_places_its_meeting_and_its_local_officials():
    doc = extract_article(
        "Cụm thi đua số 3 huyện Vũ Thư tổng kết năm 2024\n\n"
        "Ngày 19/12/2024, Cụm thi đua số 3 các xã huyện Vũ Thư tỉnh Thái Bình tổ chức hội nghị tổng kết công tác "
        "thi đua năm 2024. Cụm gồm các xã: Song Lãng, Minh Lãng và Việt Thuận.\n"
        "Đồng chí Bùi Văn Thắng, Phó Bí thư Thường trực Huyện ủy Vũ Thư dự và phát biểu.\n"
        "Khối trưởng: ông Trần Văn Hải, Giám đốc Sở Nội vụ, Trưởng Khối thi đua năm 2024 chủ trì hội nghị.\n"
    )
    (event,) = doc["events"]
    assert event["location"] == "Thái Bình"
    posts = {p["name"]: p["positions"] for p in doc["people"]}
    assert [(q["title"], q.get("province")) for q in posts["Bùi Văn Thắng"]] == [
        ("Phó Bí thư Thường trực Huyện ủy Vũ Thư", "Thái Bình")]
    leader = next(q for q in posts["Trần Văn Hải"] if q["title"].startswith("Trưởng Khối"))
    assert leader["organization"] == doc["blocs"][0]["name"]


def test_a_shortened_name_and_a_count_refer_to_the_bloc_already_named():
    text = ("Ngày 12/3, Cụm thi đua 6 tỉnh Bắc Trung Bộ gồm các tỉnh: Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, "
            "Quảng Trị và Huế tổ chức hội nghị tổng kết năm 2023. Năm qua, cụm thi đua 6 tỉnh đã đạt nhiều thành tích. "
            "Dự hội nghị có lãnh đạo Hội LHPN các tỉnh: Thanh Hóa, Nghệ An.")
    facts = extract_article(text)
    assert [b["name"] for b in facts["blocs"]] == ["Cụm thi đua 6 tỉnh Bắc Trung Bộ"]
    women = ("Ngày 8/11, Cụm thi đua Hội Liên hiệp phụ nữ (LHPN) các tỉnh Tây Nguyên tổ chức hội nghị. "
             "Dự hội nghị có lãnh đạo Hội LHPN các tỉnh: Gia Lai, Kon Tum, Đắk Lắk. "
             "Cụm thi đua Hội Liên hiệp phụ nữ đã hoàn thành các chỉ tiêu.")
    (bloc,) = extract_article(women)["blocs"]
    assert bloc["members"] == ["Gia Lai", "Kon Tum", "Đắk Lắk"]


def test_a_khoi_truong_official_holds_the_bloc_post_and_a_list_goes_to_the_bloc_named_after_it():
    text = ("Sáng 23/2, Khối thi đua các sở, ngành kinh tế tổ chức hội nghị ký kết giao ước thi đua năm 2023. "
            "Tại hội nghị, ông Lò Văn Páo, Giám đốc Sở Du lịch, Khối trưởng Khối thi đua đã phát động thi đua. "
            "Đại diện 3 đơn vị gồm: Sở Du lịch, Sở Xây dựng, Sở Công thương thuộc Khối thi đua các sở, ngành kinh tế "
            "đã ký kết.")
    doc = extract_article(text)
    (person,) = doc["people"]
    assert [(p["title"], p.get("organization")) for p in person["positions"]] == [
        ("Giám đốc Sở Du lịch", None), ("Khối trưởng", "Khối thi đua các sở, ngành kinh tế")]
    (bloc,) = doc["blocs"]
    assert bloc["members"] == ["Sở Du lịch", "Sở Xây dựng", "Sở Công thương"]


def test_a_list_of_departments_after_cac_so_and_city_party_members():
    text = ("Ngày 28-1, Khối các sở quản lý nhà nước 1 gồm các sở: Y tế, Giáo dục và Đào tạo, Ngoại vụ tổ chức "
            "hội nghị tổng kết năm 2018. Dự hội nghị có đồng chí Lê Thị Hoa - Thành ủy viên - "
            "Chủ tịch Liên đoàn Lao động thành phố Đà Nẵng.")
    doc = extract_article(text)
    (bloc,) = doc["blocs"]
    assert bloc["members"] == ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Ngoại vụ"]
    (person,) = doc["people"]
    assert [(p["title"], p.get("province")) for p in person["positions"]] == [
        ("Thành ủy viên", "Đà Nẵng"), ("Chủ tịch Liên đoàn Lao động thành phố", "Đà Nẵng")]


def test_members_after_the_unit_they_send_and_after_a_count_of_member_units():
    police = ("Ngày 20/11/2022, tại Hà Tĩnh, Cụm thi đua số 7 - Bộ Công an tổ chức hội nghị tổng kết năm 2022. "
              "Cụm thi đua số 7 - Bộ Công an gồm Công an 03 tỉnh khu vực miền núi, là Lào Cai, Yên Bái, Hà Giang.")
    (bloc,) = extract_article(police)["blocs"]
    assert bloc["members"] == ["Lào Cai", "Yên Bái", "Hà Giang"]
    offices = ("Ngày 9/3/2019, Khối thi đua các cơ quan văn hóa tổ chức ký kết giao ước thi đua năm 2019. "
               "Với 03 đơn vị thành viên: Sở Du lịch, Thư viện tỉnh, Bảo tàng tỉnh; Khối đã hoàn thành nhiệm vụ.")
    (bloc,) = extract_article(offices)["blocs"]
    assert bloc["members"] == ["Sở Du lịch", "Thư viện tỉnh", "Bảo tàng tỉnh"]
    assert bloc["member_count"] == 3


def test_a_review_dated_by_its_headline_and_by_the_half_year_it_reviews():
    review = ("Cụm thi đua số 2 tổng kết công tác thi đua năm 2016\n"
              "Ngày 5-12, Cụm thi đua số 2 tổ chức hội nghị đánh giá kết quả phong trào thi đua năm 2016.")
    (event,) = extract_article(review)["events"]
    assert (event["period"], event["reviews_year"], event["date"]) == ("year", 2016, "2016-12-05")
    half = ("Ngày 12/7, tại tỉnh Nam Định diễn ra Hội nghị sơ kết cụm thi đua các tỉnh đồng bằng. "
            "Trong 6 tháng đầu năm 2017, các tỉnh trong cụm đã tổ chức nhiều phong trào thi đua.")
    (event,) = extract_article(half)["events"]
    assert (event["period"], event["reviews_year"], event["date"]) == ("half-year", 2017, "2017-07-12")


def test_a_member_unit_before_its_city_holds_the_role():
    text = ("Ngày 3-10, VKSND khu vực 2 - TP.HCM (Cụm trưởng Cụm thi đua số II) tổ chức tổng kết năm 2025. "
            "Cụm thi đua số II gồm: VKSND khu vực 2, VKSND khu vực 3 và VKSND khu vực 4.")
    doc = extract_article(text)
    assert [(r.get("organization"), r.get("province"), r["role"]) for r in doc["bloc_roles"]] == [
        ("VKSND khu vực 2", None, "leader")]


def test_provinces_ranked_in_the_bloc_are_its_members():
    text = ("Ngày 10/3/2023, Cụm thi đua các tỉnh miền núi phía Bắc tổ chức hội nghị tổng kết năm 2022. "
            "Kết quả chấm điểm của Cụm thi đua các tỉnh miền núi phía Bắc, theo đó tỉnh Lào Cai xếp hạng 1, "
            "Yên Bái đứng thứ 2 và Hà Giang xếp hạng 3.")
    (bloc,) = extract_article(text)["blocs"]
    assert bloc["members"] == ["Lào Cai", "Yên Bái", "Hà Giang"]


def test_awards_given_on_in_the_next_paragraph_keep_their_giver():
    text = ("Thủ tướng Chính phủ vừa ký Quyết định tặng Cờ thi đua của Thủ tướng Chính phủ "
            "cho Trường THPT Lê Quý Đôn;\n"
            "Tặng Bằng khen cho 12 cá nhân tỉnh Long An đã có thành tích.")
    doc = extract_article(text)
    assert [(a["award"], a["conferred_by"], a["recipient"]) for a in doc["awards"]] == [
        ("Cờ thi đua của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", {"organization": "Trường THPT Lê Quý Đôn"}),
        ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", {"group": "12 cá nhân tỉnh Long An"}),
    ]


def test_provinces_listed_after_a_bloc_name_and_a_colon_are_its_members():
    text = ("Ngày 20/4/2024, tại tỉnh Lai Châu, Cụm thi đua 3 Kho bạc 03 tỉnh miền núi: Lai Châu, Lào Cai "
            "và Sơn La tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.")
    (bloc,) = extract_article(text)["blocs"]
    assert bloc["members"] == ["Lai Châu", "Lào Cai", "Sơn La"]


def test_a_numbered_alias_in_brackets_is_the_same_bloc_and_a_june_half_year_review_is_dated():
    text = ("Cụm thi đua số 3 sơ kết công tác thi đua\n"
            "Ngày 28/6, tại tỉnh Gia Lai, Cụm thi đua các tỉnh Tây Nguyên (Cụm số 3) đã tổ chức Hội nghị sơ kết "
            "công tác thi đua 6 tháng đầu năm 2022.")
    doc = extract_article(text)
    assert [b["name"] for b in doc["blocs"]] == ["Cụm thi đua các tỉnh Tây Nguyên"]
    assert doc["events"][0]["date"] == "2022-06-28"


def test_a_headline_that_reports_a_bloc_review_is_the_meeting():
    text = ("Cụm thi đua số 2 Kho bạc Nhà nước sơ kết công tác thi đua năm 2023\n"
            "Từ đầu năm đến nay, các đơn vị trong Cụm đã tập trung chỉ đạo phong trào thi đua.")
    (event,) = extract_article(text)["events"]
    assert (event["kind"], event["period"], event["reviews_year"]) == ("conference", "half-year", 2023)
    assert extract_article("Cụm thi đua số 2 Kho bạc Nhà nước\nCác đơn vị đã làm tốt.")["events"] == []


def test_a_counted_group_named_on_the_numbered_lines_after_it():
    text = ("Theo đó, UBND tỉnh có Quyết định tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể, đã có thành "
            "tích xuất sắc năm 2023, gồm:\n1. Văn phòng Huyện ủy Bắc Trà My; đã có thành tích xuất sắc;\n"
            "2. Hội Liên hiệp Phụ nữ huyện Bắc Trà My; đã có thành tích xuất sắc.\nTiền thưởng theo quy định.")
    awards = extract_article(text)["awards"]
    assert [a["recipient"] for a in awards] == [
        {"organization": "Văn phòng Huyện ủy Bắc Trà My"}, {"organization": "Hội Liên hiệp Phụ nữ huyện Bắc Trà My"}]
    assert all(a["evidence"] in text and a["evidence"].startswith("Theo đó") for a in awards)
    # a count the lines do not match keeps the group
    shorter = text.replace("cho 02 tập thể", "cho 03 tập thể")
    assert [a["recipient"] for a in extract_article(shorter)["awards"]] == [{"group": "03 tập thể"}]
