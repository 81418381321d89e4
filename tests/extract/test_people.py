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
