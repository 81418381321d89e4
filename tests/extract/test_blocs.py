"""Bloc names, generic uses, and member lists."""

from vnkg.loaders.extract.blocs import find_bloc_mentions, parse_members


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
