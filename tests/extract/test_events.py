"""The meeting: kind, years, period, venue; and the roles people play."""

from vnkg.loaders.extract.events import event_kind, read_event_sentence, role_of, years_of


def test_kinds():
    assert event_kind("Hội nghị ký kết giao ước thi đua năm 2018") == "signing"
    assert event_kind("Hội nghị tổng kết năm 2023, ký kết giao ước thi đua năm 2024") == "conference"
    assert event_kind("Lễ phát động phong trào thi đua năm 2024") == "launch"


def test_years_reviewed_and_planned():
    assert years_of("Hội nghị tổng kết công tác thi đua năm 2022; triển khai nhiệm vụ năm 2023") == (
        "year", 2022, 2023)
    assert years_of("sơ kết 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2017")[:2] == ("half-year", 2017)


def test_venue_with_an_abbreviated_city():
    info = read_event_sentence("Ngày 22/3, tại TP. Cần Thơ, Cụm thi đua tổ chức Hội nghị tổng kết năm 2024.")
    assert info.location_raw == "TP. Cần Thơ"
    assert (info.day.day, info.day.month) == (22, 3)


def test_roles_strongest_words():
    assert role_of("đồng chủ trì hội nghị") == "chair"
    assert role_of("phát biểu tại Hội nghị") == "speaker"
    assert role_of("tham dự") == "attendee"
    assert role_of("ghé thăm") is None


def test_venue_then_province():
    info = read_event_sentence("Chiều 15/1, tại thành phố Vinh, tỉnh Nghệ An, Cụm thi đua tổ chức Hội nghị tổng kết.")
    assert info.location_raw == "thành phố Vinh, tỉnh Nghệ An"


def test_a_meeting_held_to_launch_and_sign_the_pact_is_a_signing():
    assert event_kind("Khối thi đua 8 tổ chức Hội nghị phát động và ký kết giao ước thi đua năm 2024.") == "signing"
    assert event_kind("Hội nghị phát động, ký kết Giao ước thi đua năm 2024") == "signing"
    assert event_kind("Khối tổ chức Hội nghị phát động thi đua năm 2024") == "launch"
    assert event_kind("Cụm tổ chức Hội nghị tổng kết và ký kết giao ước") == "conference"
