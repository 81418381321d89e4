"""Awards: proposed or conferred, recipients of every kind, issuer with and without its place."""

from vnkg.loaders.extract.awards import find_awards


def facts(text, year=None):
    return [(a.award, a.conferred_by, a.recipient, a.status, a.year) for a in find_awards(text, None, year)]


def test_groups_and_issuer_from_the_subject():
    assert facts("Dịp này, Chủ tịch UBND tỉnh Bắc Kạn đã tặng Bằng khen cho 22 cá nhân \"Đã có nhiều đóng góp\".",
                 2023) == [("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh Bắc Kạn", {"group": "22 cá nhân"},
                            "conferred", 2023)]


def test_recipients_before_received():
    got = facts("Dịp này, 7 tập thể và 7 cá nhân có thành tích xuất sắc năm 2023 được nhận Bằng khen của "
                "Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn.")
    assert [g[2] for g in got] == [{"group": "7 tập thể"}, {"group": "7 cá nhân"}]
    assert got[0][0] == "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" and got[0][4] == 2023


def test_proposal_asked_of_an_issuer_with_organisations():
    got = facts("Hội nghị thống nhất đề nghị Ban Thường vụ Tỉnh ủy tặng Cờ thi đua xuất sắc cho Huyện ủy Krông Pắc "
                "và tặng Bằng khen cho Thị ủy Buôn Hồ.", 2015)
    assert [(g[0], g[2], g[3]) for g in got] == [
        ("Cờ thi đua xuất sắc của Ban Thường vụ Tỉnh ủy", {"organization": "Huyện ủy Krông Pắc"}, "proposed"),
        ("Bằng khen của Ban Thường vụ Tỉnh ủy", {"organization": "Thị ủy Buôn Hồ"}, "proposed")]


def test_unnamed_collectives_are_not_a_group():
    assert facts("Lãnh đạo UBND tỉnh trao Bằng khen cho các tập thể, cá nhân có thành tích.") == []


def test_recipient_as_subject_of_a_passive():
    got = facts("Sở Tài chính được đề nghị Chính phủ tặng Cờ thi đua.", 2022)
    assert [(g[0], g[2], g[3]) for g in got] == [
        ("Cờ thi đua của Chính phủ", {"organization": "Sở Tài chính"}, "proposed")]
    got = facts("Ông Trần Phước Hiền được Chủ tịch nước tặng Huân chương Lao động hạng Ba.", 2022)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Huân chương Lao động hạng Ba", "Chủ tịch nước", {"person": "Trần Phước Hiền"})]


def test_an_issuer_whose_name_has_and_in_it():
    found = find_awards("Ông A trao Bằng khen của Bộ trưởng Bộ Lao động - Thương binh và Xã hội cho 2 tập thể "
                        "và 3 cá nhân.", None, 2023)
    assert [(a.conferred_by, a.recipient) for a in found] == [
        ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội", {"group": "2 tập thể"}),
        ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội", {"group": "3 cá nhân"})]


def test_bank_recipients_and_the_count_that_describes_them():
    found = find_awards("Ông Đặng Quang Vinh đã trao Cờ thi đua của UBND tỉnh Quảng Ninh cho Agribank Chi nhánh Quảng "
                        "Ninh và BIDV Quảng Ninh, hai đơn vị dẫn đầu phong trào thi đua của Khối năm 2024.", None, 2024)
    assert [a.recipient for a in found] == [{"organization": "Agribank Chi nhánh Quảng Ninh"},
                                            {"organization": "BIDV Quảng Ninh"}]


def test_a_person_honoured_as_the_subject_and_a_named_medal():
    found = find_awards("Cũng tại hội nghị, ông Trịnh Văn Khải vinh dự được trao Bằng khen của Thống đốc Ngân hàng Nhà "
                        "nước Việt Nam vì đã có thành tích xuất sắc.", None, 2024)
    assert [(a.conferred_by, a.recipient) for a in found] == [
        ("Thống đốc Ngân hàng Nhà nước Việt Nam", {"person": "Trịnh Văn Khải"})]
    found = find_awards("Ông Tạ Quang Minh đã trao Kỷ niệm chương “Vì sự nghiệp thi đua, khen thưởng” cho ông Ma Văn "
                        "Kiên và bà Nông Thị Huyền.", None, 2024)
    assert [(a.award, a.recipient) for a in found] == [
        ("Kỷ niệm chương “Vì sự nghiệp thi đua, khen thưởng”", {"person": "Ma Văn Kiên"}),
        ("Kỷ niệm chương “Vì sự nghiệp thi đua, khen thưởng”", {"person": "Nông Thị Huyền"})]


def test_procuracies_and_courts_as_recipients():
    found = find_awards("Hội nghị thống nhất đề nghị tặng Bằng khen của Viện trưởng VKSND tối cao cho VKSND tỉnh Bạc "
                        "Liêu và VKSND tỉnh Hậu Giang.", None, 2024)
    assert [a.recipient for a in found] == [{"organization": "VKSND tỉnh Bạc Liêu"},
                                            {"organization": "VKSND tỉnh Hậu Giang"}]


def test_one_kind_of_unit_written_once_for_several_provinces():
    got = facts("Công an tỉnh BR-VT, Sóc Trăng và Tây Ninh được tặng Cờ thi đua của Bộ Công an.")
    assert [r["organization"] for _, _, r, _, _ in got] == [
        "Công an tỉnh Bà Rịa - Vũng Tàu", "Công an tỉnh Sóc Trăng", "Công an tỉnh Tây Ninh"]


def test_a_proposal_covers_the_clauses_after_it():
    got = facts("Các đơn vị thống nhất đề nghị Thanh tra tỉnh được nhận Cờ thi đua của Chính phủ; "
                "02 đơn vị được nhận Cờ thi đua của UBND tỉnh.")
    assert [(r, s) for _, _, r, s, _ in got] == [
        ({"organization": "Thanh tra tỉnh"}, "proposed"), ({"group": "02 đơn vị"}, "proposed")]


def test_a_count_followed_by_names_is_cut_at_its_noun():
    got = facts("UBND tỉnh tặng Bằng khen cho 2 đơn vị Cao su Chư Păh và Cao su Ia Lốp.")
    assert [r for _, _, r, _, _ in got] == [{"group": "2 đơn vị"}]


def test_units_chosen_by_vote_or_named_after_their_count():
    got = facts("Các đơn vị nhất trí bầu Ủy ban Kiểm tra Tỉnh ủy là đơn vị dẫn đầu để đề nghị UBND tỉnh tặng Cờ, "
                "02 đơn vị nhì khối là Ban Tổ chức Tỉnh ủy và Văn phòng Tỉnh ủy đề nghị UBND tỉnh tặng Bằng khen.")
    assert [(a, r["organization"], s) for a, _, r, s, _ in got] == [
        ("Cờ thi đua của UBND tỉnh", "Ủy ban Kiểm tra Tỉnh ủy", "proposed"),
        ("Bằng khen của UBND tỉnh", "Ban Tổ chức Tỉnh ủy", "proposed"),
        ("Bằng khen của UBND tỉnh", "Văn phòng Tỉnh ủy", "proposed"),
    ]


def test_a_second_award_with_its_own_issuer_in_one_proposal():
    text = ("Hội nghị đề nghị Bộ Tư pháp tặng Cờ thi đua cho Sở Tư pháp tỉnh Long An và UBND tỉnh tặng cờ thi đua "
            "cho Phòng Tư pháp huyện Cần Đước.")
    assert [(a.award, a.recipient, a.status) for a in find_awards(text)] == [
        ("Cờ thi đua của Bộ Tư pháp", {"organization": "Sở Tư pháp tỉnh Long An"}, "proposed"),
        ("Cờ thi đua của UBND tỉnh", {"organization": "Phòng Tư pháp huyện Cần Đước"}, "proposed"),
    ]


def test_a_provincial_unit_shared_by_the_next_provinces_a_place_in_brackets_and_a_span_of_years():
    text = "Hội nghị đề nghị Trung ương Hội tặng cờ thi đua cho Hội Nông dân tỉnh Cà Mau, Bạc Liêu."
    assert [a.recipient for a in find_awards(text)] == [
        {"organization": "Hội Nông dân tỉnh Cà Mau"}, {"organization": "Hội Nông dân tỉnh Bạc Liêu"}]
    text = ("Chủ tịch nước tặng Cờ thi đua cho Trường THCS Lê Lợi (TX. Sa Đéc) đã có thành tích "
            "từ năm 2015 đến năm 2020.")
    (award,) = find_awards(text)
    assert (award.recipient, award.year) == ({"organization": "Trường THCS Lê Lợi"}, None)


def test_a_ministry_with_commas_asked_to_give_an_award_to_the_units_after_gom():
    text = ("Cụm đã bầu ra các đơn vị xuất sắc đề nghị Bộ Lao động, Thương binh và Xã hội tặng Cờ thi đua gồm "
            "Sơn La, Điện Biên.")
    assert [(a.award, a.recipient, a.status) for a in find_awards(text)] == [
        ("Cờ thi đua của Bộ Lao động, Thương binh và Xã hội", {"province": "Sơn La"}, "proposed"),
        ("Cờ thi đua của Bộ Lao động, Thương binh và Xã hội", {"province": "Điện Biên"}, "proposed"),
    ]


def test_the_words_of_the_request_or_the_decision_are_not_the_issuer():
    text = "Đồng thời trình Bộ Công an xét tặng cờ thi đua xuất sắc cho 2 tập thể và tặng bằng khen cho 9 tập thể."
    assert [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)] == [
        ("Cờ thi đua xuất sắc của Bộ Công an", "Bộ Công an", {"group": "2 tập thể"}),
        ("Bằng khen của Bộ Công an", "Bộ Công an", {"group": "9 tập thể"}),
    ]
    for text, issuer in [
        ("Hội nghị đề nghị Chính phủ xem xét tặng Cờ thi đua cho tỉnh Hà Tĩnh.", "Chính phủ"),
        ("Cụm đề nghị Bộ trưởng Bộ Công an xét, tặng Cờ thi đua cho Công an tỉnh Nghệ An.", "Bộ trưởng Bộ Công an"),
        ("UBND tỉnh đã quyết định tặng Bằng khen cho 12 tập thể.", "UBND tỉnh"),
        ("Công an tỉnh vừa có quyết định trao tặng giấy khen cho 54 tập thể.", "Công an tỉnh"),
        ("Sở Nội vụ đã tặng Giấy khen cho 5 cá nhân.", "Sở Nội vụ"),
    ]:
        assert [a.conferred_by for a in find_awards(text)] == [issuer], text


def test_the_recipient_before_duoc_is_not_the_issuer_and_a_provincial_party_committee_receives():
    assert facts("UBND huyện Ba Bể được UBND tỉnh tặng Cờ thi đua.") == [
        ("Cờ thi đua của UBND tỉnh", "UBND tỉnh", {"organization": "UBND huyện Ba Bể"}, "conferred", None)]
    assert facts("Năm 2023, Tỉnh ủy Bắc Kạn được Chủ tịch nước tặng Huân chương Lao động hạng Nhì.") == [
        ("Huân chương Lao động hạng Nhì", "Chủ tịch nước", {"organization": "Tỉnh ủy Bắc Kạn"}, "conferred", 2023)]


def test_a_counted_group_then_la_and_the_names_it_counts():
    text = "Hội nghị đề nghị Chính phủ tặng Cờ thi đua cho 2 tỉnh dẫn đầu là Long An và Tiền Giang."
    assert [a.recipient for a in find_awards(text)] == [{"province": "Long An"}, {"province": "Tiền Giang"}]
    text = "UBND tỉnh tặng Bằng khen cho 2 đơn vị xuất sắc là Sở Nội vụ và Sở Tài chính."
    assert [a.recipient for a in find_awards(text)] == [{"organization": "Sở Nội vụ"}, {"organization": "Sở Tài chính"}]
    text = "UBND tỉnh tặng Bằng khen cho 3 đơn vị xuất sắc là Sở Nội vụ và Sở Tài chính."  # the count disagrees
    assert [a.recipient for a in find_awards(text)] == [{"group": "3 đơn vị xuất sắc"}]


def test_a_decision_names_the_issuer_and_an_issuer_written_without_cua():
    text = ("Thủ tướng Chính phủ vừa ban hành Quyết định số 231/QĐ-TTg, ngày 14/3/2023 về việc tặng Cờ thi đua cho "
            "tập thể Báo Nghệ An đã hoàn thành xuất sắc nhiệm vụ.")
    assert facts(text) == [
        ("Cờ thi đua của Chính phủ", "Thủ tướng Chính phủ", {"organization": "Báo Nghệ An"}, "conferred", None)]
    text = "Dịp này, tỉnh có 2 tập thể được tặng Cờ thi đua Chính phủ gồm: Sở Tư pháp tỉnh Nghệ An và Báo Nghệ An."
    assert facts(text) == [
        ("Cờ thi đua của Chính phủ", "Chính phủ", {"organization": "Sở Tư pháp tỉnh Nghệ An"}, "conferred", None),
        ("Cờ thi đua của Chính phủ", "Chính phủ", {"organization": "Báo Nghệ An"}, "conferred", None)]


def test_the_year_of_the_next_clause_is_not_the_awards():
    text = ("Hội nghị đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua cho tập thể Thanh tra Sở Nội vụ và bầu Trung tâm "
            "Lưu trữ lịch sử làm Khối trưởng năm 2024.")
    assert facts(text, 2023) == [("Cờ thi đua của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh",
                                  {"organization": "Thanh tra Sở Nội vụ"}, "proposed", 2023)]


def test_a_recipient_ends_before_do():
    text = "Cụm đề nghị tặng Bằng khen của Bộ trưởng Bộ TT&TT cho Sở TT&TT TP Hồ Chí Minh do có thành tích xuất sắc."
    assert [a.recipient for a in find_awards(text)] == [{"organization": "Sở TT&TT TP Hồ Chí Minh"}]


def test_lists_of_units_as_the_subject_and_a_unit_before_a_proposal_with_no_issuer():
    text = ("Kết quả, Sở Nội vụ được đề nghị UBND tỉnh tặng Cờ thi đua; Sở Tư pháp, Sở Tài chính được đề nghị tặng "
            "Bằng khen của Chủ tịch UBND tỉnh.")
    assert [(a.recipient, a.status) for a in find_awards(text)] == [
        ({"organization": "Sở Nội vụ"}, "proposed"), ({"organization": "Sở Tư pháp"}, "proposed"),
        ({"organization": "Sở Tài chính"}, "proposed")]
    text = "Các tỉnh Tây Ninh, Bình Phước được Chính phủ tặng Cờ thi đua năm 2023."
    assert [a.recipient for a in find_awards(text)] == [{"province": "Tây Ninh"}, {"province": "Bình Phước"}]
    text = ("Hội nghị suy tôn 2 tỉnh Lào Cai, Yên Bái đề nghị Thủ tướng Chính phủ tặng Cờ thi đua của Chính phủ; "
            "tỉnh Điện Biên đề nghị tặng Bằng khen của Thủ tướng Chính phủ.")
    assert [a.recipient for a in find_awards(text)][-1] == {"province": "Điện Biên"}


def test_a_clause_with_no_subject_after_a_proposal_is_part_of_it():
    text = ("Cụm thống nhất đề nghị Bộ Công an tặng Cờ thi đua cho Công an tỉnh Lạng Sơn; tặng Bằng khen cho Công an "
            "tỉnh Cao Bằng.")
    assert [(a.award, a.status) for a in find_awards(text)] == [
        ("Cờ thi đua của Bộ Công an", "proposed"), ("Bằng khen của Bộ Công an", "proposed")]
    text = "UBND tỉnh tặng Cờ thi đua cho Sở Y tế; tặng Bằng khen cho Sở Nội vụ."
    assert [a.status for a in find_awards(text)] == ["conferred", "conferred"]
