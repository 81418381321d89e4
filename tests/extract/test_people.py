"""Names and posts, in both orders, in lists, with honorifics, ranks and acting posts."""

from vnkg.loaders.extract.people import find_people


def posts(text):
    return {p.name: [(x.title, x.province, x.acting) for x in p.posts] for p in find_people(text)}


def test_post_before_the_name():
    assert posts("Chủ tịch UBND tỉnh Bắc Kạn Nguyễn Đăng Bình phát biểu.") == {
        "Nguyễn Đăng Bình": [("Chủ tịch UBND tỉnh", "Bắc Kạn", False)]}


def test_posts_after_the_name_share_the_province():
    assert posts("Nguyễn Đăng Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bắc Kạn dự.") == {
        "Nguyễn Đăng Bình": [("Phó Bí thư Tỉnh ủy", "Bắc Kạn", False), ("Chủ tịch UBND tỉnh", "Bắc Kạn", False)]}


def test_list_of_comrades_with_names_outside_the_surname_list():
    found = posts("Các đồng chí: Y Mửi - Phó Bí thư Thường trực Tỉnh ủy; Trần Văn An, Giám đốc Sở Nội vụ "
                  "tỉnh Lâm Đồng đồng chủ trì.")
    assert found["Y Mửi"] == [("Phó Bí thư Thường trực Tỉnh ủy", None, False)]
    assert found["Trần Văn An"] == [("Giám đốc Sở Nội vụ tỉnh", "Lâm Đồng", False)]


def test_acting_post_and_state_name_dropped():
    assert posts("Quyền Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Võ Thị Ánh Xuân phát biểu.") == {
        "Võ Thị Ánh Xuân": [("Chủ tịch nước", None, True)]}


def test_honorific_and_rank_are_not_part_of_the_name():
    (p,) = find_people("Đồng chí Thiếu tướng Hoàng Văn Bảo, Phó Chủ tịch Hội CCB Việt Nam phát biểu.")
    assert p.name == "Hoàng Văn Bảo"
    assert p.rank == "Thiếu tướng"
    assert p.posts[0].title == "Phó Chủ tịch Hội CCB Việt Nam"


def test_bare_provincial_post_waits_for_the_home_province():
    (p,) = find_people("Bí thư Tỉnh ủy Hồ Quốc Dũng phát biểu.")
    assert p.posts[0].needs_home and p.posts[0].province is None


def test_byline_and_title_words_are_not_people():
    assert find_people("Thanh Thuyên") == []
    assert find_people("Ban Thi đua - Khen thưởng Trung ương hướng dẫn.") == []


def bodies(text):
    return {p.name: [(x.title, x.organization, x.province) for x in p.posts] for p in find_people(text)}


def test_a_seat_written_without_its_body_takes_the_next_posts_body():
    assert bodies("Trung tướng Nguyễn Song Phi, Ủy viên Thường vụ, Phó Chủ tịch Thường trực Hội CCB Việt Nam "
                  "phát biểu.") == {"Nguyễn Song Phi": [
                      ("Ủy viên Thường vụ", "Hội CCB Việt Nam", None),
                      ("Phó Chủ tịch Thường trực Hội CCB Việt Nam", "Hội CCB Việt Nam", None)]}


def test_a_standing_committee_seat_before_a_party_post_is_the_party_committees():
    assert bodies("Ông Trần Văn Nam, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy Kon Tum phát biểu.") == {
        "Trần Văn Nam": [("Ủy viên Ban Thường vụ Tỉnh ủy", None, "Kon Tum"),
                         ("Trưởng Ban Dân vận Tỉnh ủy", None, "Kon Tum")]}


def test_a_bare_head_before_a_provincial_post_stays_bare():
    (p,) = find_people("Ông Trần Văn Nam, Phó Bí thư, Chủ tịch UBND tỉnh Kon Tum phát biểu.")
    assert (p.posts[0].title, p.posts[0].organization) == ("Phó Bí thư", None)


def test_a_department_head_belongs_to_the_ministry_of_the_next_posts_body():
    found = bodies("Dự có ông Nguyễn Văn Tấn, Vụ trưởng - Giám đốc cơ quan đại diện Bộ Văn hóa, Thể thao và Du "
                   "lịch (VH-TT&DL) tại TP.HCM.")
    assert found["Nguyễn Văn Tấn"] == [
        ("Vụ trưởng", "Bộ Văn hóa, Thể thao và Du lịch", None),
        ("Giám đốc cơ quan đại diện Bộ Văn hóa, Thể thao và Du lịch tại TP.HCM",
         "cơ quan đại diện Bộ Văn hóa, Thể thao và Du lịch tại TP.HCM", None)]


def test_a_department_then_its_ministry_after_a_comma():
    assert bodies("Dự có ông Trần Minh Hiếu, Vụ trưởng Vụ Thi đua - Khen thưởng, Bộ Tư pháp; bà Lê Thị Hà "
                  "phát biểu.")["Trần Minh Hiếu"] == [("Vụ trưởng Vụ Thi đua - Khen thưởng", "Bộ Tư pháp", None)]


def test_a_local_address_goes_on_to_the_province_and_holds_for_the_chain():
    found = bodies("Mô hình của ông Nguyễn Đức Cường, Bí thư Chi bộ kiêm Trưởng bản Nghĩa Hưng, xã Mường Cơi, "
                   "huyện Phù Yên, tỉnh Sơn La được biểu dương.")
    assert found["Nguyễn Đức Cường"] == [
        ("Bí thư Chi bộ", "bản Nghĩa Hưng, xã Mường Cơi, huyện Phù Yên", "Sơn La"),
        ("Trưởng bản Nghĩa Hưng, xã Mường Cơi, huyện Phù Yên", None, "Sơn La")]


def test_a_party_committee_takes_the_first_unit_of_the_address():
    found = bodies("Ông Lê Văn Hải, Bí thư Đảng ủy, Chủ tịch UBND xã Tân Lập, huyện Yên Sơn phát biểu.")
    assert [t for t, _o, _p in found["Lê Văn Hải"]] == [
        "Bí thư Đảng ủy xã Tân Lập, huyện Yên Sơn", "Chủ tịch UBND xã Tân Lập, huyện Yên Sơn"]


def test_district_party_committee_of_an_urban_district():
    found = bodies("Cùng dự có đồng chí Hoàng Minh Tiến, Bí thư Quận ủy, Chủ tịch HĐND quận Ba Đình.")
    assert [t for t, _o, _p in found["Hoàng Minh Tiến"]] == ["Bí thư Quận ủy Ba Đình", "Chủ tịch HĐND quận Ba Đình"]


def test_a_blocs_role_after_a_dash_is_not_part_of_the_post():
    found = bodies("Đồng chí Ninh Văn Đạt, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Thuận Thành - Cụm trưởng "
                   "năm 2025 chủ trì.")
    assert [t for t, _o, _p in found["Ninh Văn Đạt"]] == ["Phó Bí thư Huyện ủy Thuận Thành",
                                                          "Chủ tịch UBND huyện Thuận Thành"]


def test_a_school_named_after_its_province_keeps_the_name():
    found = bodies("Ông Phan Đình Lộc, Hiệu trưởng Trường Cao đẳng Y tế Lâm Đồng báo cáo.")
    assert found["Phan Đình Lộc"] == [("Hiệu trưởng Trường Cao đẳng Y tế Lâm Đồng",
                                       "Trường Cao đẳng Y tế Lâm Đồng", "Lâm Đồng")]


def test_general_department_heads_and_small_letter_words_of_associations():
    found = bodies("Dự có ông Khổng Minh Lợi, Phó Tổng cục trưởng Tổng cục Hải quan; ông Đinh Khắc Huy, "
                   "Phó Chủ tịch Hội Luật gia Việt Nam.")
    assert found["Khổng Minh Lợi"][0][0] == "Phó Tổng cục trưởng Tổng cục Hải quan"
    assert found["Đinh Khắc Huy"][0][0] == "Phó Chủ tịch Hội Luật gia Việt Nam"


def test_a_bank_or_company_named_after_its_province_keeps_the_name():
    found = bodies("Ông Phạm Ngọc Sơn, Giám đốc Vietcombank Quảng Ninh phát biểu; ông Trịnh Văn Khải, Giám đốc BIDV "
                   "Quảng Ninh; ông Lê Văn An, Chủ tịch UBND Quảng Ninh.")
    assert found["Phạm Ngọc Sơn"] == [("Giám đốc Vietcombank Quảng Ninh", "Vietcombank Quảng Ninh", "Quảng Ninh")]
    assert found["Trịnh Văn Khải"] == [("Giám đốc BIDV Quảng Ninh", "BIDV Quảng Ninh", "Quảng Ninh")]
    assert found["Lê Văn An"] == [("Chủ tịch UBND", None, "Quảng Ninh")]  # an administrative body is split


def test_a_head_before_a_named_company_takes_it_and_its_place_is_no_person():
    found = bodies("Ông Huỳnh Tấn Lộc, Chủ tịch kiêm Giám đốc Công ty TNHH MTV Lâm nghiệp La Ngà phát biểu.")
    assert list(found) == ["Huỳnh Tấn Lộc"]
    assert found["Huỳnh Tấn Lộc"][0] == ("Chủ tịch", "Công ty TNHH MTV Lâm nghiệp La Ngà", None)


def test_posts_of_one_military_command():
    found = bodies("Thiếu tướng Nguyễn Hoàng Phúc, Phó Tư lệnh, Tham mưu trưởng Quân khu 9 phát biểu. Đại tá Huỳnh "
                   "Minh Trí, Phó Chỉ huy trưởng - Tham mưu trưởng Bộ Chỉ huy Quân sự thành phố Cần Thơ báo cáo.")
    assert found["Nguyễn Hoàng Phúc"] == [("Phó Tư lệnh", "Quân khu 9", None),
                                          ("Tham mưu trưởng Quân khu 9", "Quân khu 9", None)]
    assert found["Huỳnh Minh Trí"][0] == ("Phó Chỉ huy trưởng", "Bộ Chỉ huy Quân sự", "Cần Thơ")


def test_khmer_surnames():
    assert list(bodies("Đại tá Danh Hoàng Sơn, Chính ủy Bộ Chỉ huy Quân sự tỉnh An Giang phát biểu.")) == [
        "Danh Hoàng Sơn"]


def test_names_the_surname_list_does_not_know_yet():
    found = bodies("Tham dự có các đồng chí: Giàng A Tủa, Trưởng Ban Dân vận Tỉnh ủy Lai Châu; Vũ Thị Thanh Hoa, Phó "
                   "Trưởng Ban Thi đua - Khen thưởng tỉnh Lai Châu. Đồng chí Viện trưởng VKSND tỉnh Trà Vinh Sơn Thị "
                   "Sóc Khang chủ trì. Phát biểu có đồng chí Ka Thị Mai Hương, Phó Chánh án TAND tỉnh Lâm Đồng.")
    assert {"Vũ Thị Thanh Hoa", "Sơn Thị Sóc Khang", "Ka Thị Mai Hương"} <= set(found)
    assert "Mai Hương" not in found


def test_heads_of_the_state_bank_and_the_state_audit():
    found = bodies("Phó Tổng Kiểm toán Nhà nước Bùi Quốc Trung và Phó Thống đốc Ngân hàng Nhà nước Việt Nam Lương Thị "
                   "Thúy Nga đồng chủ trì.")
    assert found["Bùi Quốc Trung"][0][0] == "Phó Tổng Kiểm toán Nhà nước"
    assert found["Lương Thị Thúy Nga"][0][0] == "Phó Thống đốc Ngân hàng Nhà nước Việt Nam"


def test_posts_in_a_party_committee_of_agencies_and_a_trade_union():
    text = ("Dự có đồng chí Hoàng Văn Nam – Phó Bí thư Đảng ủy Khối các cơ quan tỉnh Điện Biên, "
            "đồng chí Lò Thị Mai – Chủ tịch Công đoàn NHNN tỉnh Điện Biên.")
    assert [[(q.title, q.province) for q in p.posts] for p in find_people(text)] == [
        [("Phó Bí thư Đảng ủy Khối các cơ quan tỉnh", "Điện Biên")],
        [("Chủ tịch Công đoàn NHNN tỉnh", "Điện Biên")],
    ]
