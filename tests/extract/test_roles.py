"""Leader and deputy provinces however reported."""

from vnkg.loaders.extract.people import find_people
from vnkg.loaders.extract.roles import find_roles


def roles(text):
    return [(r.province or r.organization, r.role, r.year) for r in find_roles(text, None, find_people(text))]


def test_handed_over_with_the_giver_a_year_before():
    assert sorted(roles("Chủ tịch UBND tỉnh Bắc Giang đã bàn giao đơn vị Cụm trưởng năm 2023 cho tỉnh Bắc Kạn "
                        "và Cụm phó cho tỉnh Tuyên Quang."), key=str) == sorted(
        [("Bắc Kạn", "leader", 2023), ("Tuyên Quang", "deputy", 2023), ("Bắc Giang", "leader", 2022)], key=str)


def test_apposition_and_proposal():
    assert roles("UBND tỉnh Tuyên Quang (đơn vị Cụm trưởng Cụm thi đua năm 2017) phối hợp tổ chức.") == [
        ("Tuyên Quang", "leader", 2017)]
    assert roles("Hội nghị đề xuất UBND tỉnh Lâm Đồng là Cụm trưởng, UBND tỉnh Phú Yên là Cụm phó năm 2024.") == [
        ("Lâm Đồng", "leader", 2024), ("Phú Yên", "deputy", 2024)]


def test_paired_in_parentheses():
    assert roles("tặng hoa cho Cụm trưởng, Cụm phó năm 2023 (tỉnh Bắc Kạn và tỉnh Tuyên Quang)") == [
        ("Bắc Kạn", "leader", 2023), ("Tuyên Quang", "deputy", 2023)]


def test_through_the_official_and_units_that_are_not_provinces():
    assert roles("Chủ tịch UBND tỉnh Lạng Sơn Hồ Tiến Thiệu (Cụm trưởng Cụm thi đua năm 2023) cho biết") == [
        ("Lạng Sơn", "leader", 2023)]
    assert roles("Hội nghị đã bầu huyện Cẩm Thủy là đơn vị Cụm trưởng Cụm thi đua năm 2024.") == [
        ("huyện Cẩm Thủy", "leader", 2024)]


def test_ranking_first_is_not_leading():
    assert roles("LĐLĐ tỉnh Thanh Hóa dẫn đầu Cụm thi đua năm 2022") == []


def test_giver_without_a_year_is_flagged_outgoing():
    facts = find_roles("Tại hội nghị, tỉnh Nam Định đã bàn giao vai trò Cụm trưởng cho tỉnh Ninh Bình.")
    assert [(r.province, r.role, r.outgoing) for r in facts] == [
        ("Ninh Bình", "leader", False), ("Nam Định", "leader", True)]


def test_a_bank_branch_leads_not_its_province():
    found = find_roles("Năm 2024, Vietcombank Quảng Ninh là đơn vị Trưởng khối, VietinBank Quảng Ninh là đơn vị "
                       "Phó Trưởng khối.")
    assert [(r.role, r.province, r.organization, r.year) for r in found] == [
        ("leader", None, "Vietcombank Quảng Ninh", 2024), ("deputy", None, "VietinBank Quảng Ninh", 2024)]


def test_units_agreed_on_and_to_come():
    found = find_roles("Hội nghị thống nhất để BIDV Quảng Ninh đảm nhận vai trò Trưởng khối năm 2025.")
    assert [(r.organization, r.year) for r in found] == [("BIDV Quảng Ninh", 2025)]
    found = find_roles("Năm 2026, Bộ Chỉ huy Quân sự tỉnh Vĩnh Long sẽ đảm nhiệm vai trò Khối trưởng.")
    assert [(r.province, r.organization, r.year) for r in found] == [("Vĩnh Long", None, 2026)]


def test_the_unit_handed_the_role_holds_it_the_year_after():
    found = find_roles("Công ty TNHH MTV Khai thác công trình thủy lợi Đồng Nai, đơn vị Trưởng Khối năm 2025, đã bàn "
                       "giao nhiệm vụ Trưởng Khối cho Công ty TNHH MTV Xổ số kiến thiết Đồng Nai.")
    assert [(r.organization, r.year) for r in found] == [
        ("Công ty TNHH MTV Khai thác công trình thủy lợi Đồng Nai", 2025),
        ("Công ty TNHH MTV Xổ số kiến thiết Đồng Nai", 2026)]


def test_units_chosen_with_do_suy_ton_or_a_role_in_brackets():
    def units(text: str) -> list[tuple[str | None, str]]:
        return [(r.province or r.organization, r.role) for r in find_roles(text)]

    assert units("Hội nghị suy tôn Thanh tra tỉnh làm Trưởng Khối thi đua năm 2025.") == [("Thanh tra tỉnh", "leader")]
    assert units("Năm 2024, Khối thi đua 3 do Ủy ban Kiểm tra Tỉnh ủy làm Trưởng Khối.") == [
        ("Ủy ban Kiểm tra Tỉnh ủy", "leader")]
    assert units("Khối có 3 công ty là Cao su Ia Lốp (khối trưởng), Cao su Đồng Phú và Cà phê 715.") == [
        ("Cao su Ia Lốp", "leader")]
    assert units("Hôm nay, UBND tỉnh Sóc Trăng (Cụm Phó thứ hai) đăng cai hội nghị.") == [("Sóc Trăng", "deputy")]
    assert units("bầu Cụm trưởng năm 2024 là UBMTTQVN huyện Xuân Lộc (Cụm trưởng).")[-1] == (
        "UBMTTQVN huyện Xuân Lộc", "leader")


def test_a_local_body_before_a_dash_keeps_its_name_but_a_district_council_is_the_district():
    front = find_roles("Ban Thường trực Ủy ban MTTQ Việt Nam huyện Long Điền - Cụm trưởng chủ trì hội nghị.")
    assert [r.organization for r in front] == ["Ủy ban MTTQ Việt Nam huyện Long Điền"]
    council = find_roles("Đồng chí A, Chủ tịch UBND huyện Gia Bình - Cụm trưởng năm 2025 chủ trì.")
    assert [r.organization for r in council] == ["huyện Gia Bình"]


def test_officials_named_khoi_pho_give_the_unit_of_their_post():
    text = ("Chủ trì có đồng chí Lò Văn Tám, Phó Trưởng Ban Tổ chức Tỉnh ủy, Khối phó; "
            "đồng chí Hà Thị Nga, Phó Trưởng Ban Thường trực Ban Dân vận Tỉnh ủy, Khối phó.")
    roles = find_roles(text, None, find_people(text))
    assert [(r.organization, r.role) for r in roles] == [
        ("Ban Tổ chức Tỉnh ủy", "deputy"), ("Ban Dân vận Tỉnh ủy", "deputy")]


def test_a_district_court_or_procuracy_before_a_dash_keeps_its_name():
    assert roles("Đồng chí Lê Văn Tám, Viện trưởng VKSND huyện Tân Châu - đơn vị Cụm trưởng phát biểu.") == [
        ("VKSND huyện Tân Châu", "leader", None)]


def test_the_posts_of_one_person_do_not_run_on_over_the_next_person():
    text = ("Dự có đồng chí Lê Văn An – Phó Giám đốc Sở Y tế tỉnh, đồng chí Trần Văn Bình – Giám đốc NHNN tỉnh "
            "Sơn La, Trưởng Cụm thi đua 2.")
    assert roles(text) == [("Sơn La", "leader", None)]


def test_an_inspectorate_before_a_dash_and_the_inspectorate_its_chief_heads():
    assert roles("Dự Hội nghị có Thanh tra Sở Tài chính - đơn vị Cụm Trưởng, Thanh tra Sở Kế hoạch và Đầu tư - "
                 "đơn vị Cụm Phó và 07 đơn vị thành viên.") == [
        ("Thanh tra Sở Tài chính", "leader", None), ("Thanh tra Sở Kế hoạch và Đầu tư", "deputy", None)]
    assert roles("Đồng chí Lê Hùng Cường - Chánh Thanh tra Sở Tài chính - Trưởng Cụm Thi đua thông qua dự thảo.") == [
        ("Thanh tra Sở Tài chính", "leader", None)]


def test_a_local_leader_styled_cum_truong_gives_the_district_or_party_committee_they_head():
    assert roles("Chủ trì hội nghị có các đồng chí: Lê Văn Hải, Chủ tịch UBND huyện Cẩm Thủy, Cụm trưởng; "
                 "Phạm Thị Lan, Phó Chủ tịch UBND huyện Vĩnh Lộc, Cụm phó.") == [
        ("huyện Cẩm Thủy", "leader", None), ("huyện Vĩnh Lộc", "deputy", None)]
    assert roles("Đồng chí Y Nguyên, Bí thư Huyện ủy Krông Búk - Cụm trưởng phát biểu.") == [
        ("Huyện ủy Krông Búk", "leader", None)]
    assert roles("Ông Trần Văn Lâu, Chủ tịch UBND thành phố Cần Thơ, Cụm trưởng phát biểu.") == [
        ("Cần Thơ", "leader", None)]
