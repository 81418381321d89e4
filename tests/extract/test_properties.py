"""Property: whatever the text, the output validates against the facts/1 schema."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vnkg.loaders.extract import extract_article

from .conftest import assert_valid

VIETNAMESE_BITS = [
    "Cụm thi đua", "Khối thi đua", "số 3", "tỉnh", "Hòa Bình", "Hoà Bình", "TP. Hồ Chí Minh", "Chủ tịch UBND tỉnh",
    "Nguyễn Văn A", ", ", "; ", ": ", " và ", "Ngày 10/3", "năm 2023", "Cụm trưởng", "Cụm phó", "(", ")", "\n",
    "đề nghị tặng", "Bằng khen", "Cờ thi đua của Chính phủ", "cho", "22 cá nhân", "Hội nghị tổng kết", "tại",
    "Các đồng chí:", "Quyền", "Thiếu tướng", "đồng chủ trì", "phát biểu", "gồm các tỉnh:", "bàn giao", "là",
]

text_strategy = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(VIETNAMESE_BITS), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(VIETNAMESE_BITS), st.text(max_size=8)), max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_output_always_validates(text):
    assert_valid(extract_article(text))
