"""Cleaning: raw page text or HTML -> the article's own text, in NFC, one paragraph a line.

Removes tags, scripts and entities, control characters and zero-width marks; drops the page
furniture news sites wrap around an article (navigation, share buttons, font-size toggles,
rating and comment boxes) and cuts the page where related-news teasers or comments begin.

>>> clean_text("<p>Ngày 10/3,&nbsp;tại tỉnh Bắc Giang</p><p>Tin liên quan</p><p>Khác</p>")
'Ngày 10/3, tại tỉnh Bắc Giang'
"""

from __future__ import annotations

import html
import re
import unicodedata

MAX_CHARS = 400_000
"""Longer inputs are read up to this many characters: no news article comes near it."""

_HTML_HINT = re.compile(r"<\s*(?:html|body|p|div|br|span|a|h[1-6]|table|td|li|article|meta)\b", re.I)
_DROP_BLOCKS = re.compile(
    r"<\s*(script|style|noscript|head|nav|footer|form|iframe|svg)\b.*?<\s*/\s*\1\s*>", re.I | re.S
)
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:p|div|br|h[1-6]|li|tr|table|article|section|header|blockquote|"
    r"figcaption|figure|ul|ol|dd|dt)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]{0,2000}>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u2060\ufeff\ufffe]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# A line made of page furniture only.
_FURNITURE = re.compile(
    r"^(?:PublishingPortal\b.*|Skip Ribbon Commands|Skip to main content|Sign In|Tăng cỡ chữ.*|Giảm cỡ chữ.*|"
    r"A A|A\+? A-?|In bài viết|Gửi bài viết|Chia sẻ(?: bài viết)?:?|Chia sẻ|Share|Tweet|Like|Bình luận|"
    r"Quay lên trên|Về đầu trang|Đầu trang|Trang chủ|Click để đánh giá.*|Tổng số điểm của bài viết.*|"
    r"Gửi file đính kèm.*|Bạn đã không sử dụng Site.*|fb(?: yt)?(?: zl)?(?: tw)?|Analytic|Tác giả|•|M|"
    r"Xem thêm|Đọc thêm|\|?\s*!\[\]\(\)\s*\|?)$",
    re.I,
)
# Where the article ends and the page's other content begins.
_TAIL = re.compile(
    r"(?:^|\s)(?:Tin liên quan|Tin cùng chuyên mục|Có thể bạn quan tâm|Tin bài mới|Tin mới hơn|Tin cũ hơn|"
    r"Các tin khác|Tin khác|Bài viết liên quan|Tin bài liên quan|Ý kiến bạn đọc|BÌNH LUẬN|Bình luận \(\d+\)|"
    r"Gửi bình luận|Viết bình luận|Tin mới nhất|Tin đọc nhiều|Đọc nhiều nhất|Tin nổi bật|LƯU Ý: .{0,40}ý kiến)"
    r"\s*:?",
)

# A line of its own that heads a list of other articles ("Đọc thêm:", "Xem thêm", "Bài liên quan").
_LIST_HEAD = re.compile(
    r"(?i)^(?:đọc thêm|xem thêm|bài liên quan|tin cùng chủ đề|tin cùng loại|tin liên quan)\s*:?\s*$"
)


def decode(data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 by its BOM, else cp1258/latin-1 guesses."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def strip_html(text: str) -> str:
    """Tags out, block tags as line breaks, entities decoded."""
    text = _COMMENT.sub(" ", text)
    text = _DROP_BLOCKS.sub("\n", text)
    text = _BLOCK_TAGS.sub("\n", text)
    text = _TAG.sub(" ", text)
    return html.unescape(text)


def normalise(text: str) -> str:
    """NFC, no control characters, single spaces, trimmed lines, no runs of blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text.replace("\ufffd", " "))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _OPEN_END.sub(r"\1 ", _WRAPPED.sub(_unwrap, "\n".join(lines)))


# A line broken inside a sentence (text wrapped at a fixed width): the line goes on with a small
# letter after a word or a comma ("Tham dự hội\nnghị có ..."), or with a number after "năm" or
# "số" ("bầu Cụm trưởng năm\n2023 là ...") ...
_WRAPPED = re.compile(
    r"(?:(?<=[^\W\d_],)|(?<=[^\W\d_]{2}))\n(?=(?P<next>[^\W\d_]))|(?:(?<=\bnăm)|(?<=\bsố))\n(?=(?P<num>\d)\d*\s+[^\W\d_])"
)
# ... or after a word that cannot end a sentence ("... năm 2023 là\nUBMTTQVN huyện Vĩnh Cửu").
_OPEN_END = re.compile(r"(?<=\s)(là|của|và|cho|các|tại|với|gồm|những|được|bởi)\n(?=\S)")


def _unwrap(m: re.Match[str]) -> str:
    return " " if m.group("num") or m.group("next").islower() else m.group()


def drop_furniture(text: str) -> str:
    """Page furniture lines out; the page cut where related news or comments begin."""
    kept: list[str] = []
    seen_chars = 0
    total = max(len(text), 1)
    for line in text.split("\n"):
        if _LIST_HEAD.match(line) and seen_chars >= 0.5 * total and len(kept) >= 2:
            break  # "Đọc thêm:" late in the page: a list of other articles follows
        if _FURNITURE.match(line):
            continue
        tail = _TAIL.search(line)
        if tail is not None:
            head = line[: tail.start()].strip()
            early = seen_chars < 0.15 * total or len(kept) < 2
            if head:
                kept.append(head)
            if early:
                continue  # a teaser line above the article: drop the teaser only
            break
        kept.append(line)
        seen_chars += len(line) + 1
    out = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:20000]))


def clean_text(raw: str | bytes) -> str:
    """The article's text, ready to be split into sentences."""
    text = decode(raw) if isinstance(raw, bytes) else raw
    text = text[:MAX_CHARS]
    if looks_like_html(text):
        text = strip_html(text)
    return drop_furniture(normalise(text))
