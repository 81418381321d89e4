"""Bloc names, generic uses, and member lists."""

from vnkg.loaders.extract.blocs import LIST_START, find_bloc_mentions, parse_members


def test_name_stops_at_the_verb_or_list():
    (m,) = find_bloc_mentions("Cụm thi đua các tỉnh Tây Nguyên và Duyên hải miền Trung tổ chức Hội nghị")
    assert m.name == "Cụm thi đua các tỉnh Tây Nguyên và Duyên hải miền Trung" and not m.generic


def test_numbered_bloc_and_count():
    (m,) = find_bloc_mentions("Cụm thi đua số 3 tỉnh Thanh Hóa tổng kết")
    assert (m.name, m.number) == ("Cụm thi đua số 3 tỉnh Thanh Hóa", 3)
    (k,) = find_bloc_mentions("lãnh đạo cụm bảy tỉnh biên giới phía bắc gồm: A")
    assert k.count == 7


def test_plural_use_is_generic():
    assert all(m.generic for m in find_bloc_mentions("dẫn đầu các cụm, khối thi đua năm 2022"))


def test_members_of_party_committees_carry_their_word():
    assert parse_members("Huyện ủy Ea H’leo, Krông Pắc và Thị ủy Buôn Hồ đã tổ chức.") == [
        "Huyện ủy Ea H’leo", "Huyện ủy Krông Pắc", "Thị ủy Buôn Hồ"]


def test_members_drop_administrative_words_and_representatives():
    assert parse_members("huyện Trảng Bom, Long Thành và 2 thành phố Biên Hòa, Long Khánh;") == [
        "Trảng Bom", "Long Thành", "Biên Hòa", "Long Khánh"]
    assert parse_members("Sở Nội vụ, Công an tỉnh và đại diện Ban Thi đua khen thưởng tỉnh.") == [
        "Sở Nội vụ", "Công an tỉnh"]


def test_and_inside_an_agency_name_is_not_a_list_separator():
    assert parse_members("Sở Kế hoạch và Đầu tư, Cục Thuế tỉnh và Sở Tài chính.") == [
        "Sở Kế hoạch và Đầu tư", "Cục Thuế tỉnh", "Sở Tài chính"]


def test_comma_inside_a_bloc_name():
    (m,) = find_bloc_mentions("Khối thi đua các sở, ngành kinh tế tỉnh Quảng Ngãi tổ chức hội nghị")
    assert m.name == "Khối thi đua các sở, ngành kinh tế tỉnh Quảng Ngãi"


def test_a_name_that_goes_on_after_a_comma_keeps_its_words():
    def names(text):
        return [m.name for m in find_bloc_mentions(text)]

    assert names("Chiều 27/12, Khối thi đua các cơ quan tham mưu, giúp việc Tỉnh ủy Quảng Bình tổ chức hội nghị.") == [
        "Khối thi đua các cơ quan tham mưu, giúp việc Tỉnh ủy Quảng Bình"]
    assert names("Khối thi đua Mặt trận, đoàn thể tỉnh Đồng Tháp tổ chức hội nghị.") == [
        "Khối thi đua Mặt trận, đoàn thể tỉnh Đồng Tháp"]
    assert names("Cụm thi đua các phường trung tâm TP Hạ Long tổng kết năm 2024") == [
        "Cụm thi đua các phường trung tâm TP Hạ Long"]


def test_members_named_as_bank_branches():
    listed = "Agribank Chi nhánh Quảng Ninh, Vietcombank Quảng Ninh, BIDV Quảng Ninh và MB Quảng Ninh."
    assert parse_members(listed) == [
        "Agribank Chi nhánh Quảng Ninh", "Vietcombank Quảng Ninh", "BIDV Quảng Ninh", "MB Quảng Ninh"]


def test_blocs_numbered_without_so_or_in_roman_numerals():
    (six,) = find_bloc_mentions("Chiều 20/11, Khối thi đua 6 tổ chức hội nghị tổng kết")
    assert (six.name, six.number, six.generic) == ("Khối thi đua 6", 6, False)
    (nine,) = find_bloc_mentions("Cụm thi đua số IX Tòa án nhân dân tổ chức hội nghị sơ kết")
    assert (nine.name, nine.number) == ("Cụm thi đua số IX Tòa án nhân dân", 9)
    (four,) = find_bloc_mentions("Huyện Tân Lạc - Cụm trưởng cụm thi đua số IV chủ trì")
    assert four.number == 4
    # a count of months or units is no number of the bloc
    assert find_bloc_mentions("sơ kết hoạt động Cụm thi đua 6 tháng đầu năm")[0].number is None


def test_a_numbered_bloc_keeps_its_ministry_but_not_a_board():
    (police,) = find_bloc_mentions("hội nghị tổng kết năm 2024 của Cụm thi đua số 5, Bộ Công an.")
    assert police.name == "Cụm thi đua số 5, Bộ Công an"
    (front,) = find_bloc_mentions("Ủy ban MTTQ 06 huyện trong cụm thi đua số II, Ban Thường trực Ủy ban MTTQ huyện A")
    assert front.name == "cụm thi đua số II"


def test_two_agencies_share_one_tail():
    (m,) = find_bloc_mentions("Cụm thi đua Sở Y tế, Bảo hiểm xã hội các tỉnh Tây Bắc tổ chức hội nghị")
    assert m.name == "Cụm thi đua Sở Y tế, Bảo hiểm xã hội các tỉnh Tây Bắc"
    # a province after the comma is a list, not a second agency
    (r,) = find_bloc_mentions("Cụm thi đua các tỉnh Tây Nguyên, Đắk Lắk và các tỉnh khác")
    assert r.name == "Cụm thi đua các tỉnh Tây Nguyên"


def test_members_written_as_one_unit_of_several_provinces():
    assert parse_members("Công an các tỉnh Lai Châu, Sơn La và Hà Giang tổ chức hội nghị") == [
        "Lai Châu", "Sơn La", "Hà Giang"]
    assert parse_members("(Sở Y tế, Sở GT-VT và Ban Quản lý các KCN tỉnh) tổ chức") == [
        "Sở Y tế", "Sở GT-VT", "Ban Quản lý các KCN tỉnh"]
    # a member's name ends at the first small word, even one that starts with "đ"
    assert parse_members("Lâm Hà, Đà Lạt và Bảo Lộc đã tổ chức lễ ký kết") == ["Lâm Hà", "Đà Lạt", "Bảo Lộc"]
    # a capitalised phrase after "gồm:" is no member
    assert parse_members("Già hóa dân số; mất cân bằng giới tính") == []


def test_a_bloc_name_goes_on_after_an_acronym_in_brackets():
    (m,) = find_bloc_mentions("Cụm thi đua Hội Liên hiệp phụ nữ (LHPN) các tỉnh Tây Bắc tổ chức hội nghị")
    assert m.name == "Cụm thi đua Hội Liên hiệp phụ nữ (LHPN) các tỉnh Tây Bắc"


def test_boards_listed_before_their_party_committee_share_it():
    assert parse_members("Ban Tuyên giáo, Ban Tổ chức, Ủy ban Kiểm tra, Văn phòng Tỉnh ủy; Báo X") == [
        "Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"]
    assert parse_members("Ban Dân vận Tỉnh ủy, Văn phòng Tỉnh ủy và Sở Y tế.") == [
        "Ban Dân vận Tỉnh ủy", "Văn phòng Tỉnh ủy", "Sở Y tế"]


def test_names_with_a_city_a_parent_body_or_no_thi_dua():
    (court,) = find_bloc_mentions("Cụm thi đua số IV TAND TP.HCM bao gồm: TAND khu vực 15, TAND khu vực 16")
    assert court.name == "Cụm thi đua số IV TAND TP.HCM"
    (schools,) = find_bloc_mentions("Cụm thi đua số 4, thuộc Sở Giáo dục và Đào tạo gồm: Trường THPT A, THPT B")
    assert schools.name == "Cụm thi đua số 4, thuộc Sở Giáo dục và Đào tạo"
    (bare,) = find_bloc_mentions("Ngày 28-1, Khối các sở quản lý nhà nước 1 gồm các sở: Y tế, Ngoại vụ")
    assert (bare.name, bare.number) == ("Khối các sở quản lý nhà nước 1", 1)
    assert find_bloc_mentions("các cơ quan trong khối các sở, ngành đã thực hiện") == []
    first, second = find_bloc_mentions("Khối thi đua số 2 và Khối các trường cao đẳng II tổ chức")
    assert (first.name, second.name) == ("Khối thi đua số 2", "Khối các trường cao đẳng II")


def test_members_named_by_an_agency_acronym_and_schools_named_by_their_kind():
    assert parse_members("VKSND khu vực 3, VKSND khu vực 4 và TAND khu vực 3 đã ký kết.") == [
        "VKSND khu vực 3", "VKSND khu vực 4", "TAND khu vực 3"]
    assert parse_members("Trường THCS Hòa Bình, THCS Kim Đồng và THCS Lê Lợi tổ chức hội nghị.") == [
        "Trường THCS Hòa Bình", "Trường THCS Kim Đồng", "Trường THCS Lê Lợi"]


def test_a_name_ends_before_thong_nhat_and_a_count_of_one_provincial_unit_opens_a_list():
    assert [m.name for m in find_bloc_mentions("Cụm thi đua số 2 thống nhất đề nghị khen thưởng.")] == [
        "Cụm thi đua số 2"]
    assert [m.name for m in find_bloc_mentions("Các đơn vị trong Cụm thi đua hệ thống Kho bạc đã làm tốt.")] == [
        "Cụm thi đua hệ thống Kho bạc"]
    text = "Cụm thi đua số 3 gồm 3 Hải quan tỉnh: Lạng Sơn, Cao Bằng, Hà Giang tổ chức hội nghị."
    (start,) = [m for m in LIST_START.finditer(text) if m.group().strip() != "gồm"]
    assert parse_members(text[start.end():]) == ["Lạng Sơn", "Cao Bằng", "Hà Giang"]


def test_units_separated_by_semicolons_and_a_leader_marked_inside_the_list():
    assert parse_members("Quỹ Phát triển đất tỉnh Kon Tum; Quỹ Phát triển đất tỉnh Gia Lai; "
                         "Quỹ Phát triển đất tỉnh Đắk Nông và đơn vị khách mời.") == ["Kon Tum", "Gia Lai", "Đắk Nông"]
    assert parse_members("Sở Y tế, Sở Nội vụ; Già hóa dân số.") == ["Sở Y tế", "Sở Nội vụ"]
    text = "Cụm thi đua số 2 gồm 4 Sở Ngoại vụ: Nghệ An (Trưởng cụm), Quảng Trị, Quảng Bình (Cụm phó), Hà Tĩnh."
    (start,) = [m for m in LIST_START.finditer(text) if "Ngoại vụ" in m.group()]
    assert parse_members(text[start.end():]) == ["Nghệ An", "Quảng Trị", "Quảng Bình", "Hà Tĩnh"]


def test_a_bloc_named_by_its_number_alone():
    assert [(m.name, m.number) for m in find_bloc_mentions("Hội Cựu chiến binh cụm số 7 đã họp.")] == [("cụm số 7", 7)]
    assert find_bloc_mentions("Cụm dân cư số đông đã họp.") == []


def _bloc_facts(text):
    from vnkg.loaders.extract import extract_article

    return [(b["name"], b["members"], b.get("member_count")) for b in extract_article(text)["blocs"]]


def test_one_unit_written_once_for_the_agencies_listed_after_it():
    text = "Cụm thi đua số 2 gồm Thanh tra các đơn vị: Sở Tài nguyên và Môi trường, Sở Xây dựng và Ban Dân tộc."
    assert _bloc_facts(text) == [("Cụm thi đua số 2", [
        "Thanh tra Sở Tài nguyên và Môi trường", "Thanh tra Sở Xây dựng", "Thanh tra Ban Dân tộc"], None)]


def test_lists_after_a_described_count_and_the_count_said_before_the_list():
    text = ("Cụm thi đua số 1 bao gồm Hội Nông dân 14 tỉnh Trung du, miền núi phía Bắc: Điện Biên, Lai Châu, "
            "Hòa Bình.")
    assert _bloc_facts(text) == [("Cụm thi đua số 1", ["Điện Biên", "Lai Châu", "Hòa Bình"], 14)]
    text = "Cụm thi đua số 2 của tỉnh Thái Bình có 4 huyện gồm Đông Hưng, Hưng Hà, Quỳnh Phụ và Thái Thụy."
    assert _bloc_facts(text) == [("Cụm thi đua số 2", ["Đông Hưng", "Hưng Hà", "Quỳnh Phụ", "Thái Thụy"], 4)]
    text = ("Cụm thi đua số 1 Bộ Công an gồm 5 đơn vị Công an thành phố trực thuộc Trung ương: Hà Nội, TPHCM, "
            "Đà Nẵng, Hải Phòng và Cần Thơ đã ký kết giao ước.")
    assert _bloc_facts(text) == [("Cụm thi đua số 1 Bộ Công an", [
        "Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ"], 5)]


def test_a_name_does_not_end_on_thuoc():
    first = find_bloc_mentions("Cụm thi đua số 6 thuộc Khối thi đua các tỉnh miền Trung gồm 5 tỉnh.")[0]
    assert first.name == "Cụm thi đua số 6"


def test_associations_whose_names_go_on_after_va():
    text = ("Khối thi đua 8 có 12 hội thành viên gồm Hội Nạn nhân chất độc da cam/dioxin, Liên hiệp các hội khoa học "
            "và kỹ thuật, Hội Bảo trợ người khuyết tật và bảo vệ quyền trẻ em, Hội Khuyến học.")
    assert _bloc_facts(text) == [("Khối thi đua 8", [
        "Hội Nạn nhân chất độc da cam/dioxin", "Liên hiệp các hội khoa học và kỹ thuật",
        "Hội Bảo trợ người khuyết tật và bảo vệ quyền trẻ em", "Hội Khuyến học"], 12)]
    assert parse_members("Sở Y tế và các đơn vị khác.") == ["Sở Y tế"]


def test_one_unit_of_several_provinces_written_with_and_without_tinh_and_roles_after_a_dash():
    text = ("Liên hiệp Hội Hà Nội – Cụm trưởng, Liên hiệp Hội Hải Phòng – Cụm phó, Liên hiệp Hội tỉnh Hải Dương "
            "và Liên hiệp Hội tỉnh Thái Bình.")
    assert parse_members(text) == ["Hà Nội", "Hải Phòng", "Hải Dương", "Thái Bình"]
    # banks named after their city are not the provinces
    assert parse_members("Ngân hàng Nông nghiệp Hà Nội, Ngân hàng Công thương tỉnh Hải Dương.") == [
        "Ngân hàng Nông nghiệp Hà Nội", "Ngân hàng Công thương tỉnh Hải Dương"]


def test_a_bloc_of_elected_bodies_keeps_its_last_word():
    assert [m.name for m in find_bloc_mentions("Bà X, Trưởng Khối thi đua các cơ quan dân cử phát biểu.")] == [
        "Khối thi đua các cơ quan dân cử"]


def test_counted_departments_then_la_and_a_d_typed_as_eth():
    text = ("Cụm Thi đua số 1 gồm 5 sở TT&TT các thành phố trực thuộc Trung ương là TP Hồ Chí Minh, TP Cần Thơ, "
            "TP Hà Nội, TP Ðà Nẵng và TP Hải Phòng.")
    assert _bloc_facts(text) == [("Cụm Thi đua số 1", ["Hồ Chí Minh", "Cần Thơ", "Hà Nội", "Đà Nẵng", "Hải Phòng"], 5)]
