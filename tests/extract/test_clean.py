"""Cleaning: HTML, Unicode forms, page furniture and related-news tails."""

import unicodedata

from vnkg.loaders.extract.clean import clean_text, decode


def test_html_is_stripped_and_entities_decoded():
    html = "<html><head><style>p{}</style></head><body><p>Ngày 10/3,&nbsp;tại tỉnh Bắc Giang</p>" \
           "<script>var x=1;</script><div>Hội nghị</div></body></html>"
    assert clean_text(html) == "Ngày 10/3, tại tỉnh Bắc Giang\n\nHội nghị"


def test_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh Hòa Bình")
    assert clean_text(nfd) == "Chủ tịch UBND tỉnh Hòa Bình"


def test_furniture_lines_are_dropped():
    text = "Skip Ribbon Commands\nTăng cỡ chữ Giảm cỡ chữ\nTiêu đề bài\nNội dung.\nChia sẻ bài viết"
    assert clean_text(text) == "Tiêu đề bài\nNội dung."


def test_related_news_tail_is_cut():
    body = "Nội dung bài viết dài. " * 20
    text = f"Tiêu đề\n{body}\nTin cùng chuyên mục\nKhối thi đua khác tổ chức hội nghị"
    assert "Khối thi đua khác" not in clean_text(text)


def test_teaser_before_the_article_keeps_the_article():
    body = "Các đồng chí: A, B dự. " * 20
    text = f"date 2024-03 Tin liên quan Sở X nhận Cờ thi đua\n\n{body}"
    cleaned = clean_text(text)
    assert cleaned.startswith("date 2024-03")
    assert "Sở X nhận" not in cleaned
    assert "Các đồng chí" in cleaned


def test_decode_handles_bom_and_bad_bytes():
    assert decode("\ufeffHà Nội".encode()) == "Hà Nội"
    assert decode(b"H\xe0 N\xf4i").startswith("H")


def test_text_wrapped_at_a_fixed_width_is_joined_into_its_sentences():
    wrapped = (
        "Tham dự hội\nnghị có Ban Thường trực Ủy\nban MTTQ huyện A. "
        "Hội nghị bầu cụm trưởng năm 2024 là\nUBMTTQ huyện B."
    )
    assert clean_text(wrapped) == (
        "Tham dự hội nghị có Ban Thường trực Ủy ban MTTQ huyện A. Hội nghị bầu cụm trưởng năm 2024 là UBMTTQ huyện B."
    )
    # a headline and its date line, a caption, a table row stay on their own lines
    kept = "Cụm thi đua tổng kết năm 2024\n16/01/2025 16:42\n(Ảnh: hội nghị)\n2 | Sở Y tế | Khối phó"
    assert clean_text(kept) == kept
