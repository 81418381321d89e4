"""Word lists the rules read: surnames, honorifics, ranks, post titles and the words bodies are made of.

These are lexicons of the language and the civil service, not lists of people or events.
"""

from __future__ import annotations

import re

from vnkg.text import fold_tones

SURNAMES = frozenset(
    fold_tones(s)
    for s in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Lương",
        "Đào",
        "Đinh",
        "Mai",
        "Trương",
        "Tôn",
        "Lâm",
        "Ma",
        "Lại",
        "Cao",
        "Hà",
        "Tạ",
        "Triệu",
        "Đoàn",
        "Kiều",
        "Âu",
        "Khúc",
        "Quách",
        "Thái",
        "Tăng",
        "Lưu",
        "Lục",
        "Nông",
        "Vi",
        "Hứa",
        "Chu",
        "Châu",
        "Diệp",
        "Giang",
        "Từ",
        "Doãn",
        "Thân",
        "Kim",
        "La",
        "Lò",
        "Lường",
        "Quàng",
        "Cầm",
        "Sầm",
        "Điêu",
        "Điểu",
        "Hảng",
        "Giàng",
        "Sùng",
        "Thào",
        "Vàng",
        "Mùa",
        "Lầu",
        "Chảo",
        "Tẩn",
        "Bế",
        "Đàm",
        "Mạc",
        "Mông",
        "Nghiêm",
        "Phùng",
        "Quan",
        "Tô",
        "Trịnh",
        "Ung",
        "Viên",
        "Vương",
        "Bạch",
        "Khổng",
        "Khương",
        "Lã",
        "Lạc",
        "Mẫn",
        "Ninh",
        "Phí",
        "Phương",
        "Quản",
        "Thạch",
        "Trình",
        "Hầu",
        "Lữ",
        "Lưu",
        "Mã",
        "Nhữ",
        "Tống",
        "Văn",
        "Yên",
        "Ksor",
        "Siu",
        "Kpă",
        "Nay",
        "Rơ",
        "Rahlan",
        "Kring",
        "Y",
        "Bùi",
        "Cù",
        "Đồng",
        "Giáp",
        "Hàn",
        "Hồng",
        "Khuất",
        "Lò",
        "Mạch",
        "Ngọ",
        "Nhâm",
        "Phó",
        "Sơn",
        "Thiều",
        "Tiêu",
        "Trang",
        "Trà",
        "Trưng",
        "Ưng",
        "Vy",
        "Danh",
        "Chau",
        "Kha",
        "Ka",
        "Hoàng",
    ]
)
# "Phó" and "Văn" are surnames too, but far more often a title word and a middle name.
SURNAMES = SURNAMES - {"Phó", "Văn", "Sơn", "Hồng", "Trang", "Trà", "Yên", "Đồng", "Giang", "Quan"}

HONORIFICS = re.compile(r"(?<![^\W\d_])(?:[Đđ]ồng chí|[Đđ]/[Cc]\.?|[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị)\s+$")
LIST_INTRO = re.compile(r"(?<![^\W\d_])(?:[Cc]ác|[Hh]ai|[Bb]a)\s+(?:đồng chí|đ/c|ông|bà)\s*:?\s*$")

RANKS = re.compile(
    r"(?<![^\W\d_])(?P<rank>(?:[Đđ]ại|[Tt]hượng|[Tt]rung|[Tt]hiếu)\s+(?:tướng|tá|úy|uý)|[Cc]huẩn\s+[Đđ]ô\s+đốc|"
    r"[Pp]hó\s+[Đđ]ô\s+đốc|[Đđ]ô\s+đốc)\s+$"
)

# Heads of post titles, longest first; matched with a capital or small first letter.
_HEADS = """
Phó Chủ tịch thứ nhất|Phó Chủ tịch Thường trực|Phó Chủ tịch|Chủ tịch|Tổng Bí thư|Phó Bí thư Thường trực|
Phó Bí thư|Bí thư|Ủy viên dự khuyết|Uỷ viên dự khuyết|Ủy viên Dự khuyết|Ủy viên|Uỷ viên|Thành viên|
Tỉnh ủy viên|Tỉnh uỷ viên|Thành ủy viên|Thành uỷ viên|Huyện ủy viên|Huyện uỷ viên|Quận ủy viên|Quận uỷ viên|
Phó Chánh Văn phòng|Phó Chánh văn phòng|Chánh Văn phòng|Chánh văn phòng|Phó Trưởng ban|Phó trưởng ban|Phó Trưởng Ban|
Trưởng ban|Trưởng Ban|Phó Trưởng Khối|Phó Trưởng khối|Trưởng Khối|Trưởng khối|Phó Trưởng cụm|Trưởng cụm|
Khối trưởng|Khối phó|
Phó Tổng Giám đốc|Tổng Giám đốc|Phó Giám đốc|Giám đốc|Phó Viện trưởng|Viện trưởng|Phó Vụ trưởng|Vụ trưởng|
Phó Tổng cục trưởng|Tổng cục trưởng|
Phó Cục trưởng|Cục trưởng|Bộ trưởng|Thứ trưởng|Phó Thủ tướng|Thủ tướng|Phó Chủ nhiệm|Chủ nhiệm|Phó Chánh án|Chánh án|
Phó Chánh Thanh tra|Chánh Thanh tra|Chỉ huy trưởng|Phó Chỉ huy trưởng|Phó Tư lệnh|Tư lệnh|Chính ủy|Phó Chính ủy|
Phó Tham mưu trưởng|Tham mưu trưởng|Chính trị viên|Phó Chính trị viên|
Phó Tổng Kiểm toán|Tổng Kiểm toán|Phó Thống đốc|Thống đốc|Phó Tổng Thanh tra|Tổng Thanh tra|
Phó Trưởng phòng|Trưởng phòng|Tổng Thư ký|Tổng thư ký|Trưởng bản|Trưởng thôn|Đại biểu Quốc hội|Phó Trưởng đoàn|
Trưởng đoàn|Trưởng Đoàn|Phó Hiệu trưởng|Hiệu trưởng|Phó Tổng Biên tập|Tổng Biên tập|Bí Thư|Phó Bí Thư
"""
HEADS = sorted({h.strip() for h in _HEADS.replace("\n", "").split("|") if h.strip()}, key=len, reverse=True)


HEAD_RE = re.compile(
    r"(?<![^\W\d_])(?P<acting>(?:[Qq]uyền|Q\.)\s+)?(?P<head>"
    + "|".join(re.escape(h) for h in HEADS)
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)

BANK_NAME = r"[A-Z][A-Za-z]*[Bb]ank"
"""A bank's brand as written ("Vietcombank", "VietinBank")."""
ACRONYM_NAME = r"[A-Z]{2,5}(?=\s+[A-ZĐ])"
"""A unit named by its acronym before a capitalised word ("BIDV Quảng Ninh", "MB Quảng Ninh")."""
NAMED_AFTER_PLACE = re.compile(
    r"(?<![^\W\d_])(?:Trường|Bệnh viện|Báo|Đài|Ngân hàng|Công ty|Tổng công ty|Quỹ|" + BANK_NAME + "|"
    r"(?!(?:UBND|MTTQ|BHXH|CHQS|BCHQS|HTX|KBNN|TAND|VKSND|CCB|LHPN|CAND|QĐND)\b)[A-Z]{2,5}"
    r"(?=\s+(?:[Cc]hi nhánh\s+)?$))(?:\s[^,;]*)?$"
)
"""A school, hospital, paper, company or bank whose name ends with its province ("Trường Cao đẳng Y tế
Lâm Đồng", "Vietcombank Quảng Ninh", "Agribank Chi nhánh Quảng Ninh", "BIDV Quảng Ninh")."""

# A bloc's leader or deputy ("Cụm trưởng", "Phó Trưởng Khối"): a role in a bloc, not a post.
ROLE_RE = re.compile(
    r"(?<![^\W\d_])(?P<kw>[Pp]hó [Tt]rưởng [Cc]ụm|[Pp]hó [Tt]rưởng [Kk]hối|[Cc]ụm [Tt]rưởng|[Kk]hối [Tt]rưởng|"
    r"[Tt]rưởng [Cc]ụm|[Tt]rưởng [Kk]hối|[Cc]ụm [Pp]hó|[Kk]hối [Pp]hó)(?![^\W\d_])"
)

# Small-letter words that may stand inside a post title or a body's name: alone, or in pairs.
BODY_SINGLES = frozenset(
    ["tỉnh", "huyện", "xã", "quận", "phường", "nước", "đảng", "ban", "hội", "sở", "bộ", "khối", "cụm", "thị"]
)
BODY_BIGRAMS = frozenset(
    x.strip()
    for x in """
nhân dân|thi đua|khen thưởng|thường trực|thường vụ|thứ nhất|dự khuyết|chấp hành|trung ương|kiểm tra|kiểm sát|
tổ quốc|mặt trận|văn phòng|chủ tịch|lao động|liên đoàn|liên hiệp|phụ nữ|nông dân|cựu chiến|chiến binh|quân sự|
công an|tòa án|toà án|đại diện|đại biểu|quốc hội|chi bộ|dân vận|tuyên giáo|nội chính|thanh niên|chính trị|
thành phố|thị xã|hội đồng|ủy ban|uỷ ban|cơ quan|việt nam|truyền thống|hệ thống|giám đốc|chỉ huy|bộ đội|
biên phòng|tư pháp|tài nguyên|môi trường|giáo dục|đào tạo|y tế|kế hoạch|đầu tư|công thương|xây dựng|giao thông|
vận tải|phát triển|văn hóa|văn hoá|thể thao|du lịch|khoa học|công nghệ|thông tin|truyền thông|ngoại vụ|
tài chính|lực lượng|vũ trang|xã hội|thương binh|nông nghiệp|doanh nghiệp|ban chấp|bí thư|trưởng ban|
phó trưởng|dân tộc|tôn giáo|nội vụ|thanh tra|tổ chức|hành chính|đảng ủy|đảng uỷ|cộng hòa|cộng hoà|chủ nghĩa|
hòa xã|hoà xã|ủy viên|uỷ viên|phó chủ|tịch thứ|thi hành|hành án|dân sự|an ninh|quốc phòng|phát thanh|
truyền hình|liên minh|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|quân ủy|quân uỷ|
hợp tác|chữ thập|thập đỏ|khuyến học|người cao|cao tuổi|văn nghệ|nghệ thuật|thanh thiếu|
thiếu niên|nhi đồng|kinh tế|công tác|tổng cục|luật gia|nạn nhân|chất độc|da cam|xung phong|nhà báo|
tham mưu|tổng hợp|cao đẳng|trung cấp|đại học|nhà nước|
nông thôn|chính sách|thương mại|dịch vụ|cổ phần|sư phạm|điện lực|ngoại giao|khu vực|thủy lợi|thuỷ lợi|lâm nghiệp|
thủy sản|thuỷ sản|quy hoạch|đô thị|nhà ở|tối cao|chi nhánh|công ty|xổ số|kiến thiết|một thành|thành viên|khai thác|
công trình|bảo vệ|triển rừng|thực vật|công đoàn|khối các|các cơ|
tỉnh đoàn|thành đoàn|huyện đoàn|quân khu|kỹ thuật|thống kê|bảo hiểm|kho bạc|ngân hàng|hải quan|thuế vụ|trực thuộc|
dân cử|tư vấn|giám sát|phản biện|
""".replace("\n", "").split("|")
    if x.strip()
)
BODY_BIGRAMS_BLOCK = frozenset({"dự hội", "dự hội nghị"})

RANK_WORDS = re.compile(r"^(?:tướng|tá|úy|uý|đô đốc)$")

# Words that never belong to a person's name.
NOT_NAME = frozenset(
    fold_tones(w)
    for w in [
        "Ủy",
        "Uỷ",
        "Ban",
        "Hội",
        "Sở",
        "Bộ",
        "Cụm",
        "Khối",
        "Tỉnh",
        "Huyện",
        "Đảng",
        "Thành",
        "Phố",
        "Nhân",
        "Dân",
        "Việt",
        "Nam",
        "Trung",
        "Ương",
        "Hội",
        "Nghị",
        "Chủ",
        "Tịch",
        "Bí",
        "Thư",
        "Phó",
        "Giám",
        "Đốc",
        "Trưởng",
        "Viện",
        "Văn",
        "Phòng",
        "Cờ",
        "Bằng",
        "Khen",
        "Thi",
        "Đua",
        "Các",
        "Những",
        "Lãnh",
        "Đạo",
        "Đại",
        "Biểu",
        "Ngày",
        "Sáng",
        "Chiều",
        "Tối",
        "Năm",
        "Tháng",
        "Tại",
        "Theo",
        "Trong",
        "Với",
        "Được",
        "Cùng",
        "Đồng",
        "Chí",
        "Ông",
        "Bà",
        "Quyền",
        "Thủ",
        "Tướng",
        "Chính",
        "Phủ",
        "Quốc",
        "Tổ",
        "Mặt",
        "Trận",
        "Công",
        "An",
        "Quân",
        "Tòa",
        "Án",
        "Kiểm",
        "Sát",
        "Liên",
        "Đoàn",
        "Lao",
        "Động",
        "Nông",
        "Cựu",
        "Chiến",
        "Binh",
        "Phụ",
        "Nữ",
        "Thanh",
        "Niên",
        "Trường",
        "Cục",
        "Chi",
        "Xã",
        "Thị",
        "Quận",
        "Phường",
        "UBND",
        "HĐND",
        "MTTQ",
        "TĐKT",
        "LĐLĐ",
        "CCB",
        "Ảnh",
        "Nguồn",
        "Bài",
        "Tin",
        "Hà",
        "Nội",
    ]
) - {
    "Đạo",
    "Thư",
    "Nghị",
    "Thị",
    "Hà",
    "Nam",
    "Việt",
    "Quốc",
    "Dân",
    "Đồng",
    "Đức",
    "Chí",
    "Tháng",
    "Năm",
    "Trung",
    "Thành",
    "Bằng",
    "Tối",
    "Khối",
    "Cục",
    "Đoàn",
    "Văn",
    "Trường",
    "Phòng",
    "Công",
    "Cường",
    "Thanh",
    "Nhân",
    "Chiến",
    "Binh",
    "Liên",
    "Đại",
    "Ông",
    "Bà",
    "Hội",
    "Bí",
    "An",
    "Quân",
    "Chính",
    "Thi",
}
# Words that do not open a name written without a known surname ("Việt Nam, ...").
NOT_BARE_NAME = frozenset(fold_tones(w) for w in ["Việt", "Nam", "Ông", "Bà", "Đồng", "Chí", "Hội", "Nghị", "Các"])
