"""People and posts: officials named in a sentence with every post the sentence gives them.

Both orders are read: the post before the name ("Chủ tịch UBND tỉnh Bắc Kạn Nguyễn Đăng Bình")
and the name followed by its posts ("Nguyễn Đăng Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh
Bắc Kạn"), also inside lists ("Các đồng chí: A, X; B, Y"). Honorifics (đồng chí, ông, bà) are
left out of the name, a rank given with the name is kept apart, and "Quyền ..." marks an acting post.

>>> [(p.name, [(x.title, x.province) for x in p.posts])
...  for p in find_people("Nguyễn Đăng Bình, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bắc Kạn dự.")]
[('Nguyễn Đăng Bình', [('Phó Bí thư Tỉnh ủy', 'Bắc Kạn'), ('Chủ tịch UBND tỉnh', 'Bắc Kạn')])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from vnkg.loaders.extract.lexicon import (
    BANK_NAME,
    BODY_BIGRAMS,
    BODY_SINGLES,
    HEAD_RE,
    HONORIFICS,
    LIST_INTRO,
    NAMED_AFTER_PLACE,
    NOT_BARE_NAME,
    NOT_NAME,
    RANKS,
    ROLE_RE,
    SURNAMES,
)
from vnkg.loaders.extract.places import ProvinceMention, find_provinces

from vnkg.text import fold_tones

_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)*(?:\.[^\W\d_]+)*")
_PROVINCIAL = re.compile(
    r"(?<![^\W\d_])(?:tỉnh|Tỉnh|thành phố|Thành phố|TP|Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|"
    r"HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Uỷ ban nhân dân|Sở)(?![^\W\d_])"
)
_NATIONAL = re.compile(r"Trung ương|trung ương|Việt Nam|Chính phủ|Quốc hội|\bnước\b|T\.Ư|\bTW\b|\bTƯ\b")
_PARTY_MEMBER = re.compile(
    r"(?i)trung ương đảng|t\.ư đảng|tw đảng|bộ chính trị|ban bí thư|ban chấp hành trung ương"
    r"|chủ tịch nước|quốc hội"
)
_ORG_START = re.compile(
    r"(?<![^\W\d_])(?:Hội đồng|Hội|Ban|Ủy ban|Uỷ ban|Văn phòng|Tổng|Bộ|Sở|Viện|Cục|Vụ|"
    r"Liên đoàn|Trường|Đảng ủy|Khối|Cụm|Mặt trận|Đoàn|Công an|Quân khu|Quân đoàn|Sư đoàn|Lữ đoàn|Vùng|"
    r"Công ty|Tổng công ty|Ngân hàng|" + BANK_NAME + r")(?![^\W\d_])"
)
_STATE_SUFFIX = re.compile(r"\s+(?:Cộng hòa|Cộng hoà|CHXHCN)\b.*$", re.IGNORECASE)
_ABBREV_PAREN = re.compile(r"\s*\((?:[A-ZĐ][\w&.–\- ]{0,30})\)")
_LEVELS = r"huyện|quận|thị xã|phường|xã|thị trấn"
_VILLAGE = r"bản|thôn|ấp|buôn|xóm|làng|sóc|tổ dân phố|khu phố"
_PLACE_NAME = r"\s+([A-ZĐ\d][^\W_]*(?:\s+[A-ZĐ][^\W\d_]*)*)"
_LOCAL_NAME = re.compile(rf"(?<![^\W\d_])(?:{_LEVELS})" + _PLACE_NAME)
"""A district or commune by name; also the next, larger unit of an address ("…, xã Mường Cơi, huyện Phù Yên")."""
_LOCAL_UNIT = rf"(?<![^\W\d_])({_VILLAGE}|{_LEVELS})" + _PLACE_NAME
_LOCAL_ANY = re.compile(_LOCAL_UNIT)
_LOCAL_TAIL = re.compile(_LOCAL_UNIT + "$")
"""A title that ends at a local unit ("Trưởng bản Nghĩa Hưng", "Chủ tịch UBND xã Mường Cơi")."""
_LOCAL_FIRST = re.compile(_LOCAL_UNIT + r"(?:,\s+" + _LOCAL_UNIT + ")*$")
"""The local address that ends a title, from its smallest unit ("bản X, xã Y, huyện Z")."""
_BARE_MEMBER = re.compile(
    r"(?i)^(?:ủy|uỷ) viên\s+(?:ban\s+)?(?:thường vụ|thường trực|chấp hành|ban chấp hành|đoàn chủ tịch)$"
)
"""A seat on a body's committee written without the body ("Ủy viên Thường vụ")."""
_LOCAL_COMMITTEE = re.compile(r"(?<![^\W\d_])(?:Huyện|Quận|Thị) (?:ủy|uỷ)\s+[A-ZĐ]")
_SUB_UNIT_HEAD = re.compile(r"^(?:Phó )?(?:Vụ|Cục) trưởng (?:Vụ|Cục)\s")
"""The head of a ministry's department ("Vụ trưởng Vụ …", "Cục trưởng Cục …")."""
_PARENT_BODY = re.compile(r"(?:Bộ|Tổng cục|Ban|Ủy ban|Uỷ ban|Văn phòng)(?=\s+[A-ZĐ])")
"""A ministry or central body, as written after a department's name and a comma."""
_COMMAND_HEAD = re.compile(
    r"^(?:Phó )?(?:Chỉ huy trưởng|Tư lệnh|Chính ủy|Chính uỷ|Tham mưu trưởng|Chính trị viên)(?![^\W\d_])"
)
"""The posts of a military command, written one after another before the command's name."""
_DEPARTMENT_HEAD = re.compile(r"^(?:Phó )?(?:Vụ|Cục) trưởng$")
_MINISTRY = re.compile(r"(?<![^\W\d_])Bộ\s+[A-ZĐ].*?(?=\s+tại\s|$)")
"""The ministry a department belongs to, in the name of the next post's body."""
_PARTY_COMMITTEE = re.compile(r"(?<![^\W\d_])(?:Tỉnh|Thành) (?:ủy|uỷ)(?![^\W\d_])")
_MIDDLE_MARKERS = frozenset({"Thị", "Văn"})
"""Middle names that only stand inside a person's name."""
_HONORIFIC_WORD = re.compile(r"^(?:Ông|Bà|Anh|Chị)$")
_LIST_SEP = re.compile(r"\s*(?:,|-|–|—|kiêm)\s*")


@dataclass
class Post:
    """One post of one person, as the sentence states it."""

    title: str
    province: str | None = None
    organization: str | None = None
    acting: bool = False
    rank: str | None = None
    needs_home: bool = False
    """The post belongs to a province the sentence does not name ("Bí thư Tỉnh ủy")."""


@dataclass
class PersonMention:
    """A person named in a sentence: where, with which posts, and what came before the name."""

    name: str
    start: int
    end: int
    posts: list[Post] = field(default_factory=list)
    rank: str | None = None
    context: str = ""


def person_key(name: str) -> str:
    """The comparison key of a name: folded tones, lower case, single spaces."""
    return " ".join(fold_tones(name).lower().split())


def _is_name_word(word: str) -> bool:
    if not word[0].isupper():
        return False
    return len(word) == 1 or not word.isupper() or "’" in word


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _runs(text: str, words: list[tuple[int, int, str]], blocked: list[tuple[int, int]]) -> list[list[int]]:
    """Runs of capitalised words separated by single spaces, broken by province mentions."""

    def inside(i: int) -> bool:
        s, e, _ = words[i]
        return any(a <= s and e <= b for a, b in blocked)

    runs: list[list[int]] = []
    current: list[int] = []
    for i, (s, _e, w) in enumerate(words):
        ok = _is_name_word(w) and not inside(i)
        if ok and current and text[words[current[-1]][1] : s] == " ":
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = [i] if ok else []
    if current:
        runs.append(current)
    return runs


def _title_token_ok(word: str, nxt: str | None, prev: str | None = None) -> bool:
    if word[0].isupper():
        return True
    low = word.lower()
    if low in BODY_SINGLES:
        return True
    if prev and f"{prev.lower()} {low}" in BODY_BIGRAMS:
        return True
    return bool(nxt) and f"{low} {nxt.lower()}" in BODY_BIGRAMS


def _mask(text: str, provinces: list[ProvinceMention], base: int = 0) -> str:
    """The text with each province mention blanked out by NUL padding (so offsets hold)."""
    chars = list(text)
    for p in provinces:
        s, e = p.start - base, p.end - base
        if 0 <= s < e <= len(chars):
            chars[s:e] = ["\x00"] * (e - s)
    return "".join(chars)


def _valid_title_span(masked: str) -> bool:
    """Whether a stretch (from a post's head to its end) reads as one post title."""
    body = _ABBREV_PAREN.sub(" ", masked)
    if re.search(r"[,;:.!?()\"“”]", body.replace("T.Ư", "TƯ").replace("TP.", "TP")):
        return False
    head = HEAD_RE.match(body)
    if head:  # the head's own small words ("Thứ trưởng", "Chánh án") are not body words
        body = head.group("head").split()[0] + body[head.end() :]
    words = [w for _s, _e, w in _words(body)]
    if not words:
        return False
    for i, w in enumerate(words):
        if not _title_token_ok(w, words[i + 1] if i + 1 < len(words) else None, words[i - 1] if i else None):
            return False
    return not re.search(r"\d", body)


def _forward_title(text: str, masked: str, pos: int) -> int:
    """Where a post title that starts at `pos` ends (its head is at `pos`)."""
    end = pos
    i = pos
    n = len(text)
    before = list(_WORD.finditer(text, max(0, pos - 30), pos))
    prev: str | None = before[-1].group() if before else None
    while i < n:
        m = re.compile(r"\s*").match(text, i)
        j = m.end() if m else i
        if j >= n:
            break
        ch = masked[j]
        if ch == "\x00":
            k = j
            while k < n and masked[k] == "\x00":
                k += 1
            return k  # a province ends the title
        wm = _WORD.match(text, j)
        if wm:
            word = wm.group()
            nxt_m = _WORD.match(text, wm.end() + 1) if wm.end() < n else None
            nxt = nxt_m.group() if nxt_m else None
            if word == "và" and nxt and not HEAD_RE.match(text, wm.end() + 1):
                nxt2_m = _WORD.match(text, nxt_m.end() + 1) if nxt_m and nxt_m.end() < n else None
                if nxt[0].isupper() or _title_token_ok(nxt, nxt2_m.group() if nxt2_m else None):
                    i = wm.end()  # "Sở Kế hoạch và Đầu tư", "Cục Công tác Đảng và công tác chính trị"
                    continue
            at_place = masked[wm.end() + 1 : wm.end() + 2] == "\x00"
            if word == "tại" and at_place and re.search(r"(?i)đại diện", text[max(0, pos - 80) : end]):
                i = wm.end()  # "Cơ quan đại diện Bộ … tại TP.HCM": where the office is, part of its name
                continue
            if not _title_token_ok(word, nxt, prev):
                break
            prev = word
            end = wm.end()
            i = wm.end()
            continue
        if ch in "-–":
            after = re.compile(r"[-–]\s*").match(text, j)
            k = after.end() if after else j + 1
            if k < n and text[k].isupper() and not HEAD_RE.match(text, k) and not ROLE_RE.match(text, k):
                i = k
                continue
            break
        if ch == "(":
            pm = _ABBREV_PAREN.match(text, j) or _ABBREV_PAREN.match(text, j - 1 if j > 0 else j)
            if pm and pm.end() > j:
                i = pm.end()
                continue
            break
        if ch == "&":
            i = j + 1
            continue
        num = re.compile(r"\d{1,3}(?![\d/.,:-])").match(text, j)
        if num and prev and not prev.isdigit() and end > pos:
            end = i = num.end()  # "Phó Chính ủy Quân khu 7", "Sư đoàn 2"
            prev = num.group()
            continue
        if ch == "." and text[max(0, j - 2) : j] in ("TP", "T.Ư"[-2:]):
            i = j + 1
            continue
        break
    return end


def _make_post(raw: str, provinces: list[ProvinceMention], base: int) -> Post | None:
    """A Post from a title stretch as written (province mentions known by offset)."""
    acting = False
    text = raw
    m = re.match(r"^(?:các\s+|Các\s+)", text)
    if m:
        text = text[m.end() :]
        base += m.end()
    m = re.match(r"^(?:[Qq]uyền|Q\.)\s+", text)
    if m:
        acting = True
        text = text[m.end() :]
        base += m.end()
    province = None
    office = named = False
    named_word = ""
    inner = [p for p in provinces if base <= p.start and p.end <= base + len(text)]
    if inner:
        last = inner[-1]
        if last.end - base >= len(text.rstrip(" .,")) - 1:
            # "… đại diện … tại TP.HCM": where an office is, part of its name, not the post's province
            office = bool(re.search(r"\stại\s*$", text[: last.start - base]))
            province = None if office else last.name
            name_m = None if last.prefixed else NAMED_AFTER_PLACE.search(text[: last.start - base])
            named = name_m is not None
            named_word = name_m.group().split()[0] if name_m else ""
            if not (office or named):
                text = text[: last.name_start - base].rstrip()
    text = _ABBREV_PAREN.sub("", text)
    text = _STATE_SUFFIX.sub("", text) if re.search(r"(?i)chủ tịch nước", text) else text
    text = " ".join(text.split()).strip(" -–,")
    if not text or not HEAD_RE.match(text):
        return None
    text = text[0].upper() + text[1:]
    post = Post(title=text, province=province, acting=acting)
    head = HEAD_RE.match(text)
    rest = text[head.end() :] if head else ""
    if office:
        post.organization = rest.strip()
        return post
    if named:
        post.organization = rest[rest.find(named_word) :].strip() if named_word in rest else None
        return post
    if province is None and _PROVINCIAL.search(text) and not _NATIONAL.search(text):
        post.needs_home = True
    if province is None and not post.needs_home and not _PARTY_MEMBER.search(text):
        org = _ORG_START.search(rest)
        if org:
            post.organization = rest[org.start() :].strip()
    return post


def is_local(post: Post) -> bool:
    """Whether a post is of a district or commune ("Chủ tịch UBND xã Song Lãng", "Bí thư Huyện ủy Vũ Thư")."""
    return bool(_LOCAL_ANY.search(post.title) or _LOCAL_COMMITTEE.search(post.title))


def _titles_before(text: str, masked: str, end: int, provinces: list[ProvinceMention]) -> list[Post]:
    """The chain of posts written just before a name ending at `end`, nearest last."""
    posts: list[Post] = []
    stop = end
    plain = _ABBREV_PAREN.sub(lambda m: " " * len(m.group()), text[:end]) if "(" in text[:end] else text[:end]
    while True:
        segment_start = max(plain.rfind(c, 0, stop) for c in ",;:()\n") + 1
        chosen = None
        for h in HEAD_RE.finditer(text, segment_start, stop):
            cand = masked[h.start() : stop].rstrip()
            if cand and _valid_title_span(cand):
                chosen = h.start()
                break
        if chosen is None:
            break
        post = _make_post(text[chosen:stop].rstrip(), provinces, chosen)
        if post is None:
            break
        posts.insert(0, post)
        before = text[:chosen]
        if not re.search(r",\s*$", before) or re.search(r"\S", text[segment_start:chosen]):
            break
        stop = len(before.rstrip().rstrip(",").rstrip())
        if stop <= 0:
            break
    return posts


def _titles_after(text: str, masked: str, start: int, provinces: list[ProvinceMention]) -> tuple[list[Post], int]:
    """The posts written after a name (", Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bắc Kạn")."""
    posts: list[Post] = []
    pos = start
    last_start = start
    while True:
        sep = _LIST_SEP.match(text, pos)
        if not sep or (not posts and sep.group().strip() == "kiêm"):
            break
        head = HEAD_RE.match(text, sep.end())
        if not head:
            if posts and sep.group().strip() == "," and _LOCAL_TAIL.search(posts[-1].title):
                # "Trưởng bản Nghĩa Hưng, xã Mường Cơi, huyện Phù Yên, tỉnh Sơn La": the address goes on
                unit = _LOCAL_NAME.match(text, sep.end())
                if unit:
                    posts[-1].title = f"{posts[-1].title}, {unit.group()}"
                    pos = unit.end()
                    continue
                province = next((p for p in provinces if p.start == sep.end() and p.prefixed), None)
                if province is not None and posts[-1].province is None:
                    posts[-1].province = province.name
                    pos = province.end
                    break
            if posts and sep.group().strip() == "," and _SUB_UNIT_HEAD.match(posts[-1].title):
                # "Vụ trưởng Vụ Thi đua - Khen thưởng, Bộ Tư pháp": the body the unit belongs to
                parent = _PARENT_BODY.match(text, sep.end())
                if parent:
                    j = _forward_title(text, masked, parent.end())
                    posts[-1].organization = text[sep.end() : j].strip()
                    pos = j
                    continue
            # "Hội đồng thi đua, khen thưởng Trung ương": a comma inside a body's name
            if posts and sep.group().strip() == ",":
                j = _forward_title(text, masked, sep.end())
                seg = text[sep.end() : j]
                if (
                    seg[:1].isupper()
                    and re.search(r"\svà\s+[A-ZĐ]", seg)
                    and not HEAD_RE.search(seg)
                    and re.search(r"\b(?:Sở|Bộ|Ban|Hội|Cục|Vụ|Viện|Trường|Ủy ban|Uỷ ban)\s+[A-ZĐ]\S*(?:\s+\S+)?$",
                                  text[last_start:sep.start()])
                ):
                    # "Giám đốc Sở Văn hóa, Thể thao và Du lịch tỉnh X": the comma is inside the body's name
                    joined = _make_post(text[last_start:j], provinces, last_start)
                    if joined is not None:
                        posts[-1] = joined
                        pos = j
                        continue
                if j > sep.end() and seg and seg[0].islower() and not HEAD_RE.search(seg):
                    nxt = text[j:]
                    if re.match(r"\s*(?:,|-|–)\s*", nxt) and HEAD_RE.match(nxt.lstrip(" ,-–")):
                        posts[-1].title = f"{posts[-1].title}, {seg.strip()}"
                        if posts[-1].organization:
                            posts[-1].organization = f"{posts[-1].organization}, {seg.strip()}"
                        pos = j
                        continue
            break
        end = _forward_title(text, masked, head.end())
        post = _make_post(text[head.start() : end], provinces, head.start())
        if post is None:
            break
        posts.append(post)
        last_start = head.start()
        pos = end
    return posts, pos


def _context_province(text: str, upto: int) -> str | None:
    """A province the sentence sets as context before a list: "Về phía tỉnh Kon Tum có ..."."""
    found_all = list(re.finditer(r"[Vv]ề phía\s+(.{0,40}?)\s+(?:có|gồm)", text[:upto]))
    if not found_all:
        return None
    found = find_provinces(found_all[-1].group(1))
    return found[0].name if found else None


_HINTS = (
    "chủ tịch",
    "bí thư",
    "ủy viên",
    "uỷ viên",
    "giám đốc",
    "trưởng",
    "phó ",
    "đồng chí",
    "đ/c",
    "ông ",
    "bà ",
    "tướng",
    "đô đốc",
    "thủ tướng",
    "chủ nhiệm",
    "chánh",
    "thành viên",
    "tư lệnh",
    "chính ủy",
    "đại biểu",
    "thư ký",
    " tá ",
    "anh ",
    "chị ",
    "quyền",
    "viện trưởng",
    "bộ trưởng",
)


def may_name_people(text: str, known: Iterable[str] = ()) -> bool:
    """A cheap test: whether a sentence can name anyone at all (a post word, an honorific, a known name)."""
    low = text.lower()
    return any(h in low for h in _HINTS) or any(k in text for k in known)


def find_people(
    text: str, provinces: list[ProvinceMention] | None = None, known: Iterable[str] = ()
) -> list[PersonMention]:
    """People named in one sentence, each with the posts the sentence gives them."""
    known = list(known)
    if not may_name_people(text, known):
        return []
    provinces = find_provinces(text) if provinces is None else provinces
    masked = _mask(text, provinces)
    words = _words(text)
    known_keys = {person_key(k) for k in known}
    blocked = [(p.start, p.end) for p in provinces]
    # "phường Bạch Đằng", "huyện Mường Lát": a local unit's name is no one's name
    blocked += [(m.start(1), m.end(1)) for m in _LOCAL_NAME.finditer(text)]
    out: list[PersonMention] = []
    covered = 0  # the end of the posts written after the last person found: no one's name is inside them
    for run in _runs(text, words, blocked):
        if words[run[0]][0] < covered:
            continue  # "Giám đốc Công ty Lâm nghiệp La Ngà": a place in a body's name, not a person
        while len(run) > 2 and _HONORIFIC_WORD.match(words[run[0]][2]):
            run = run[1:]  # "Ông Trà Văn Đông": the honorific opens the sentence, not the name
        toks = [words[i][2] for i in run]
        start_idx = None
        for i, tok in enumerate(toks):
            rest = toks[i:]
            if (
                fold_tones(tok) in SURNAMES
                and 2 <= len(rest) <= 5
                and not any(fold_tones(t) in NOT_NAME for t in rest[1:])
            ):
                start_idx = i
                break
        if start_idx and len(toks) <= 5 and toks[start_idx - 1] in _MIDDLE_MARKERS and start_idx >= 2:
            start_idx -= 2  # "Ka Thị Mai Hương": "Thị" is inside a name, whose first word is no listed surname
        candidates = [start_idx] if start_idx is not None else []
        if (
            start_idx != 0
            and 2 <= len(toks) <= 4
            and not any(fold_tones(t) in NOT_NAME or fold_tones(t) in NOT_BARE_NAME for t in toks)
        ):
            candidates.append(0)
        for idx in candidates:
            s = words[run[idx]][0]
            e = words[run[-1]][1]
            name = text[s:e]
            after = text[e:]
            rank_m = RANKS.search(text, max(0, s - 30), s)
            rank_end = rank_m.start() if rank_m else s
            lo = max(0, rank_end - 30)
            honor = bool(HONORIFICS.search(text, lo, rank_end)) or bool(LIST_INTRO.search(text, lo, rank_end))
            appos = bool(re.match(r"\s*(?:,|-|–|—)\s*", after)) and bool(HEAD_RE.match(after.lstrip(" ,-–—")))
            pre = (
                _titles_before(text, masked, rank_end if rank_m else s, provinces)
                if idx == 0 or start_idx == idx
                else []
            )
            if idx != 0 or start_idx != 0:
                # the words before the name in its run belong to the post's body
                pre = _titles_before(text, masked, s, provinces)
            surname = idx == start_idx
            if find_provinces(name) and len(find_provinces(name)[0].name) >= len(name) - 1:
                continue  # "Hồ Chí Minh": a province's name, not a person here
            if not (pre or honor or appos or rank_m or person_key(name) in known_keys):
                continue
            marked = idx + 1 < len(toks) and toks[idx + 1] in _MIDDLE_MARKERS
            if not surname and not (honor or appos or rank_m) and not (pre and marked):
                continue  # "Viện trưởng VKSND tỉnh Trà Vinh Sơn Thị Sóc Khang": a post, then a marked name
            post_after, after_end = _titles_after(text, masked, e, provinces)
            covered = after_end if post_after else covered
            mention = PersonMention(
                name=name,
                start=s,
                end=e,
                posts=_carry_body(_carry_local(pre)) + _carry_body(_carry_local(post_after)),
                rank=_rank_text(rank_m.group("rank")) if rank_m else None,
                context=text[:s],
            )
            _spread_province(mention, _context_province(text, s))
            out.append(mention)
            break
    return out


def _rank_text(rank: str) -> str:
    rank = " ".join(rank.split())
    return rank[0].upper() + rank[1:]


def _spread_province(mention: PersonMention, context: str | None) -> None:
    """A province stated on one post of a chain holds for the chain's bare provincial posts."""
    stated = [p.province for p in mention.posts if p.province]
    fill = stated[-1] if stated else context
    for post in mention.posts:
        if mention.rank:
            post.rank = mention.rank
        if post.needs_home and fill:
            post.province = fill
            post.needs_home = False


def _carry_local(posts: list[Post]) -> list[Post]:
    """The local unit that ends a chain of posts holds for the chain's bare local bodies:
    "Bí thư Huyện ủy, Chủ tịch HĐND huyện X" -> "Bí thư Huyện ủy X", "Chủ tịch HĐND huyện X";
    "Bí thư Đảng ủy, Chủ tịch UBND phường Y" -> "Bí thư Đảng ủy phường Y";
    "Bí thư Chi bộ kiêm Trưởng bản Z, xã Y, huyện X" -> the Chi bộ of "bản Z, xã Y, huyện X".
    Where the address ends at a province, the carried posts are in it too."""
    if len(posts) < 2:
        return posts
    address = _LOCAL_FIRST.search(posts[-1].title)
    if not address:
        return posts
    level, place = address.group(1), address.group(2)
    tail = address.group()[address.end(2) - address.start() :]
    for post in reversed(posts[:-1]):
        if post.province or post.needs_home:
            break
        title = post.title
        if re.search(r"(?:Huyện|Quận|Thị|Thành) (?:ủy|uỷ)$", title):
            title = f"{title} {place}{tail}"
        elif re.search(r"Đảng (?:ủy|uỷ)$", title):
            title = f"{title} {level} {place}{tail}"
        elif re.search(rf"(?<![^\W\d_]){level}$", title):
            title = f"{title} {place}{tail}"
        elif re.search(r"Chi bộ$", title):
            post.organization = address.group()
        else:
            break
        post.province = posts[-1].province
        if title == post.title:
            continue
        post.title = title
        head = HEAD_RE.match(title)
        rest = title[head.end() :] if head else ""
        body = re.search(r"(?:HĐND|UBND|Huyện|Quận|Thị|Thành|Đảng|Ủy ban|Uỷ ban)\b.*$", rest)
        if body:
            post.organization = body.group().strip()
    return posts


def _carry_body(posts: list[Post]) -> list[Post]:
    """A post written without its body belongs to the body of the next post of the chain:
    "Ủy viên Thường vụ, Phó Chủ tịch Thường trực Hội CCB Việt Nam" -> a seat of Hội CCB Việt Nam;
    "Vụ trưởng - Giám đốc cơ quan đại diện Bộ X" -> Vụ trưởng of Bộ X;
    "Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy" -> "Ủy viên Ban Thường vụ Tỉnh ủy"."""
    for i, post in enumerate(posts[:-1]):
        bare_member = bool(_BARE_MEMBER.match(post.title))
        if post.province or post.needs_home or (post.organization and not bare_member):
            continue
        if not (bare_member or HEAD_RE.fullmatch(post.title)):
            continue
        nxt = posts[i + 1]
        committee = _PARTY_COMMITTEE.search(nxt.title)
        if bare_member and committee and (nxt.needs_home or nxt.province):
            post.title = f"{post.title} {committee.group()}"
            post.organization = None
            post.province, post.needs_home = nxt.province, nxt.needs_home
        elif nxt.organization and not nxt.needs_home:
            ministry = _MINISTRY.search(nxt.organization) if _DEPARTMENT_HEAD.match(post.title) else None
            post.organization = ministry.group() if ministry else nxt.organization
            post.province = nxt.province
        elif nxt.province and _COMMAND_HEAD.match(post.title) and _COMMAND_HEAD.match(nxt.title):
            # "Phó Chỉ huy trưởng - Tham mưu trưởng Bộ CHQS tỉnh X": both posts of one command
            body = nxt.title[_COMMAND_HEAD.match(nxt.title).end() :]
            post.organization = re.sub(r"\s+(?:tỉnh|thành phố|TP\.?)$", "", body.strip()) or None
            post.province = nxt.province
    return posts
