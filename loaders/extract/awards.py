"""Awards: an award proposed or conferred, who receives it, who confers it, for which year.

>>> [(a.award, a.conferred_by, a.recipient, a.status, a.year) for a in find_awards(
...     "Hội nghị đề nghị tặng Cờ thi đua của Chính phủ năm 2023 cho hai tỉnh Bình Định, Đắk Lắk.")]
... # doctest: +NORMALIZE_WHITESPACE
[('Cờ thi đua của Chính phủ', 'Chính phủ', {'province': 'Bình Định'}, 'proposed', 2023),
 ('Cờ thi đua của Chính phủ', 'Chính phủ', {'province': 'Đắk Lắk'}, 'proposed', 2023)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnkg.loaders.extract.blocs import count_of
from vnkg.loaders.extract.lexicon import ACRONYM_NAME, BANK_NAME
from vnkg.loaders.extract.places import ProvinceMention, find_provinces, opens_with_province

_AWARD = re.compile(
    r"(?<![^\W\d_])(?P<kind>(?:[Cc]ờ|CỜ)(?:\s+(?:[Tt]hi đua|THI ĐUA))?|(?:[Bb]ằng|BẰNG)\s+(?:khen|KHEN)|"
    r"[Gg]iấy\s+khen|[Hh]uân chương\s+(?:[A-ZĐÀ-Ỹ][^\W\d_]*)(?:\s+[^\W\d_]+){0,3}?\s+hạng\s+(?:[Nn]hất|[Nn]hì|[Bb]a)|"
    r"[Hh]uân chương\s+[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[a-zà-ỹđ][^\W\d_]*){0,3}|"
    r"[Kk]ỷ niệm chương(?:\s+[\"“][^\"”]{2,80}[\"”])?|"
    r"[Dd]anh hiệu\s+[\"“]?[A-ZĐÀ-Ỹ][^,;.\"”]{2,40}[\"”]?)(?![^\W\d_])"
)
_NOT_AWARD_AFTER = re.compile(r"^\s*(?:truyền thống|luân lưu)\b")
_DESC = re.compile(r"^((?:\s+(?!của\b|cho\b|năm\b|tới\b|và\b|đến\b|để\b|tặng\b)[a-zà-ỹđ][^\W\d_]*){1,8})")
_AUTHORITY = re.compile(
    r"(?:Chủ tịch|Thủ tướng|Chính phủ|Bộ|Ban Chấp hành|Ban Thường vụ|Ủy ban|Uỷ ban|UBND|Tổng Liên đoàn|Tổng LĐLĐ|"
    r"Tư lệnh|Giám đốc|Trung ương)(?![^\W\d_])"
)
"""The authorities that give awards, as an issuer's name opens."""
# "và" ends the issuer unless a name goes on after it ("Bộ Lao động - Thương binh và Xã hội"), not another award
_ISSUER = re.compile(
    # "Cờ thi đua của Chính phủ", and written without "của" before an authority ("Cờ thi đua Chính phủ")
    rf"^\s+(?:của\s+|(?={_AUTHORITY.pattern}))(?P<who>[^,;:.()\n]+?)"
    r"(?=\s+(?:cho|năm|tới|đến|để|vì|về|nhằm|được|gồm)\b"
    r"|\s+và\b(?!\s+(?!Bằng|Cờ|Giấy|Huân|Kỷ|Danh)[A-ZĐÀ-Ỹ])|[,;:.()\n]|$)"
)
_RECIP_AFTER = re.compile(r"^\s*(?:năm\s+\d{4}\s*)?(?:cho|tới|đến|gồm(?:\s*:)?)\s+")
_PROPOSED = re.compile(
    r"(?i)(?<![^\W\d_])(?:đề nghị|đề xuất|xét duyệt|thông qua|trình|bình xét|suy tôn|xét tặng|"
    r"xem xét)(?![^\W\d_])"
)
_VERB = re.compile(
    r"(?i)(?<![^\W\d_])(?:tặng|trao|nhận|khen thưởng|tặng thưởng|xét duyệt|thông qua|đề nghị|"
    r"đề xuất|trình)(?![^\W\d_])"
)
_NUM = r"(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)"
_GROUP = re.compile(
    rf"^(?P<n>{_NUM})\s+(?P<noun>tập thể|cá nhân|đơn vị|tỉnh|thành phố|huyện|hộ gia đình|gia đình|tổ chức|"
    r"doanh nghiệp|địa phương|cơ quan|người|hộ|xã|phường|trường|lượt)\b"
)
# A group followed by the recipients it counts: "cho 2 đơn vị dẫn đầu - A và B", "2 cá nhân, gồm: ông X; bà Y".
_NAMED_AFTER = re.compile(
    r"^[^.;:\n]{0,80}?(?:\s[-–]\s*|,?\s*(?:gồm|là|đó là)\s*:\s*|:\s*|,?\s+(?:gồm|là)\s+(?=[A-ZĐÀ-Ỹ]|tỉnh\s))"
)
# A sentence that names the recipients the sentence before it counted ("Đó là: A, B và C").
NAMED_NEXT = re.compile(r"(?i)^\s*(?:đó là|gồm|gồm có|cụ thể(?: là)?|bao gồm)\s*:\s*")
_GROUP_STOP = re.compile(
    r"\s+(?:trên địa bàn|tại\b|năm\s+\d{4}|có thành tích|có nhiều|đã\b|vì\b|để\b|nhằm\b|"
    r"được\b|là\s+(?=[A-ZĐÀ-Ỹ]|tỉnh\s))|\s*[\"“(]"
)
_ORG_START = re.compile(
    r"^(?:Huyện ủy|Huyện uỷ|Thị ủy|Thị uỷ|Thành ủy|Thành uỷ|Quận ủy|Tỉnh ủy|Tỉnh uỷ|Đảng ủy|Đảng bộ|Sở|Hội|Ban|"
    r"Liên đoàn|LĐLĐ|"
    r"Công an|Viện|Tòa án|Cục|Văn phòng|Trường|Bộ|Ủy ban|Uỷ ban|UBND|Công ty|Tổng công ty|Trung tâm|Chi cục|"
    r"Phòng|Báo|Đài|Bệnh viện|Đoàn|Tỉnh đoàn|Thành đoàn|Kho bạc|Bảo hiểm|Ngân hàng|"
    r"Thanh tra|Tòa án|Toà án|Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Tập thể|"
    r"xã|phường|thị trấn|huyện|quận|thị xã|thành phố|Thành phố|BĐBP|Bộ đội|Quân khu|Quân đoàn|Bộ Tư lệnh|"
    r"Bộ Chỉ huy|Học viện|Đại học|BHXH|Liên minh|HTX|Hợp tác xã|VKSND|TAND|Viện Kiểm sát|Kiểm toán|"
    + BANK_NAME + "|" + ACRONYM_NAME + ")"
    r"(?![^\W\d_])"
)
# One kind of provincial unit written once for several provinces: "Công an tỉnh BR-VT, Đồng Tháp, Tây Ninh".
_SHARED_UNIT = re.compile(
    r"(?P<unit>(?:Công an|Sở [^,;]{2,30}?|Hội [^,;]{2,30}?|Liên đoàn Lao động|LĐLĐ|Tỉnh đoàn|Kho bạc Nhà nước|"
    r"Bảo hiểm xã hội|BHXH|Bộ Chỉ huy Quân sự|Ủy ban MTTQ|Cục Thuế|Cục Hải quan|Tòa án nhân dân|TAND|"
    r"Viện Kiểm sát nhân dân|VKSND)\s+(?:tỉnh|thành phố|TP\.?))\s+"
    r"(?P<places>[A-ZÀ-ỸĐ][^,;]*(?:(?:,\s*|\s+và\s+)[A-ZÀ-ỸĐ][^,;]*)+)"
)
NAMED_WITH_ISSUER = re.compile(r"(?i)cờ|bằng khen|giấy khen")
"""Awards whose name says who gives them ("Cờ thi đua của Chính phủ")."""
_UNIT_OF_PROVINCE = re.compile(r"^(.+?\s(?:tỉnh|thành phố|TP\.?))\s+[A-ZÀ-ỸĐ][^\s,;]*(?:\s+[A-ZÀ-ỸĐ][^\s,;]*)*$")
"""A provincial unit written with its province ("Hội CCB tỉnh Vĩnh Long"): the unit, with "tỉnh"."""
_AUTHORITY_WORDS = (
    r"(?:Chủ tịch|Thủ tướng|Chính phủ|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Ban Thường vụ|Bộ trưởng|"
    r"Ban Chấp hành|Chủ tịch nước|Giám đốc|Tổng Giám đốc|Tư lệnh|Cục trưởng|Viện trưởng|Hiệu trưởng|Trưởng ban|"
    r"Trưởng Ban|Đoàn Chủ tịch|Tổng Liên đoàn|Hội đồng|Ủy ban|Uỷ ban|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|"
    r"Bộ|Liên đoàn|Trung ương|Công an|Sở|Bộ Chỉ huy|Bộ Tư lệnh|Cục|Tổng cục|Chánh án)(?![^\W\d_])"
)
# The issuer as the subject of "tặng/trao"; it runs over neither "được" (the recipient is before it) nor
# "và" before another authority ("A và UBND tỉnh tặng ...": the issuer is UBND tỉnh).
_SUBJECT_ISSUER = re.compile(
    rf"(?P<who>{_AUTHORITY_WORDS}(?:(?!\s+(?:được\b|và\s+{_AUTHORITY_WORDS}))[^,;.()])*?)"
    r"\s+(?:(?:đã|sẽ|vừa)\s+)?(?:(?:có|ra|ban hành)\s+)?(?:quyết định\s+)?"
    r"(?:(?:xem\s+)?xét\s*,?\s+)?(?:tặng|trao)\b"
)
# The authority that issues the decision conferring the award ("Thủ tướng Chính phủ vừa ban hành Quyết định số
# 231/QĐ-TTg, ngày 14/3/2023 về việc tặng Cờ thi đua cho ...").
_DECIDES = re.compile(
    rf"(?P<who>{_AUTHORITY_WORDS}(?:(?!\s+(?:được|và)\b)[^,;.()])*?)\s+(?:(?:đã|vừa)\s+)?(?:ký\s+)?"
    r"(?:ban hành|ký)\s+[Qq]uyết định"
)
# Words of the request or the decision written between the issuer and "tặng" ("Bộ Công an xét tặng",
# "UBND tỉnh đã quyết định tặng"): not part of the issuer's name.
_ISSUER_TAIL = re.compile(
    r"(?:\s+(?:đã|sẽ|vừa))?(?:\s+(?:có|ra|ban hành))?(?:\s+quyết định)?(?:\s+(?:xem\s+)?xét)?\s*,?\s*$"
)
_ON_BEHALF = re.compile(
    r"(?i)(?:thừa ủy quyền|thừa uỷ quyền|được ủy quyền|thay mặt)\s+(?:của\s+)?(?P<who>[^,;.()]{3,60}?)\s*,"
)
_RECIP_TAIL = re.compile(r"^\s+(?:vì|đã|có|do|với|trong|về|nhằm|để|đạt|là|dẫn đầu|năm\s+\d{4})\b")
_PERSON_RECIP = re.compile(
    r"^(?:(?:ông|bà|đồng chí|đ/c|Ông|Bà|Đồng chí)\s+)?(?P<name>[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){1,4})"
    r"(?=\s*$|\s*[-–,]|\s+(?:vì|đã|có|do|với|trong|về|nhằm|để|đạt)\b)"
)
_ASK_ISSUER = re.compile(
    r"(?i)đề nghị\s+(?P<who>(?-i:Bộ)\s[^;.()]{2,60}?|(?!tặng)[^,;.()]{2,60}?)\s+(?:(?:xem\s+)?xét\s*,?\s+)?tặng\b"
)
"""The issuer asked to give an award ("đề nghị Bộ Văn hóa, Thể thao và Du lịch tặng": a ministry's name may
hold commas)."""
_YEAR = re.compile(r"^\s*năm\s+(\d{4})\b")


@dataclass
class AwardFact:
    """One award to one recipient."""

    award: str
    conferred_by: str | None
    recipient: dict[str, str]
    status: str
    year: int | None
    start: int = 0


def _clean_issuer(issuer: str) -> str:
    """The issuer's name alone: after any "được" (the recipient comes before it), without the words of the
    request or decision that follow it ("Bộ Công an xét", "UBND tỉnh đã quyết định")."""
    issuer = re.split(r"(?<![^\W\d_])được\s+", issuer)[-1]
    issuer = re.sub(r"^(?:trình|kính trình)\s+", "", issuer)
    return _ISSUER_TAIL.sub("", issuer).strip()


def _issuer_name(issuer: str, provinces: list[ProvinceMention]) -> str:
    """The issuer without its place ("Chủ tịch UBND tỉnh Lạng Sơn" -> "Chủ tịch UBND tỉnh")."""
    for p in find_provinces(issuer):
        if issuer[p.end :].strip() == "":
            return issuer[: p.name_start].strip()
    return issuer.strip()


def _recipients(text: str) -> list[dict[str, str]]:
    """Recipients listed at the start of text ("hai tỉnh A, B", "22 cá nhân", "Huyện ủy X và Thị ủy Y")."""
    protected = text.replace("cụm, khối", "cụm\u0001 khối")
    end = len(protected)
    for stop in (";", "\n", ":"):
        k = protected.find(stop)
        if k != -1:
            end = min(end, k)
    dot = re.search(r"(?<!TP)(?<!Tp)\.(?:\s|$)", protected)
    if dot:
        end = min(end, dot.start())
    region = protected[:end]
    out: list[dict[str, str]] = []
    pieces = re.split(r"(,\s*|\s+và\s+)", region)
    parts = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2], strict=False):
        # "Bộ Giáo dục và Đào tạo": "và" inside an agency's name, not between two recipients
        if (
            "và" in sep
            and _ORG_START.match(parts[-1].strip())
            and not re.search(r"\s(?:tỉnh|huyện|thành phố|quận|thị xã)$", parts[-1].strip())
            and piece[:1].isupper()
            and not (_ORG_START.match(piece) or opens_with_province(piece) or _PERSON_RECIP.match(piece))
        ):
            parts[-1] = parts[-1] + sep + piece
        else:
            parts.append(piece)
    i = 0
    while i < len(parts):
        part = parts[i].replace("\u0001", ",").strip()
        part = re.sub(r"^tập thể\s+(?=[A-ZĐÀ-Ỹ])", "", part)  # "cho tập thể Báo Nghệ An": the unit
        g = _GROUP.match(part)
        if g:
            rest = part[g.end() :]
            provs = find_provinces(rest)
            if g.group("noun") in ("tỉnh", "thành phố") and provs and provs[0].start <= 1:
                out.append({"province": provs[0].name})
                i += 1
                while i < len(parts):
                    nxt = find_provinces(parts[i])
                    if nxt and nxt[0].start == 0:
                        out.append({"province": nxt[0].name})
                        i += 1
                    else:
                        break
                continue
            stop = _GROUP_STOP.search(part, g.end())
            if re.match(r"\s+[A-ZÀ-ỸĐ]", part[g.end() :]):
                stop = re.compile(r"\s").match(part, g.end())  # "2 đơn vị Cao su A và Cao su B": names follow
            group = part[: stop.start()] if stop else part
            out.append({"group": group.strip()})
            if stop:
                break
            i += 1
            continue
        provs = find_provinces(part)
        if provs and provs[0].start == 0 and len(part[provs[0].end :].strip()) == 0:
            shared = _UNIT_OF_PROVINCE.match(out[-1].get("organization", "")) if out else None
            if shared:  # "cho Hội CCB tỉnh Vĩnh Long, Bến Tre": the same unit of the next province
                out.append({"organization": f"{shared.group(1)} {provs[0].name}"})
            else:
                out.append({"province": provs[0].name})
            i += 1
            continue
        if provs and provs[0].start == 0 and _RECIP_TAIL.match(part[provs[0].end :]):
            out.append({"province": provs[0].name})  # "tỉnh Ninh Thuận vì đã có thành tích ..."
            break
        if re.search(r"\s(?:tặng|trao)\s", part):
            break  # "A và UBND tỉnh tặng cờ thi đua cho B": another award begins
        if _ORG_START.match(part):
            org = re.split(r"\s+(?:đã|vừa|đảm nhận|có|là|được|đạt|với|vì|do|năm\s+\d{4}|dẫn đầu|[-–])\b|\s*\(", part)[0]
            out.append({"organization": org.strip()})
            i += 1
            continue
        person = _PERSON_RECIP.match(part)
        if person:  # a person by name; kept only where the people stage confirms the name
            out.append({"person": person.group("name")})
            i += 1
            continue
        break
    return out


def named_recipients(text: str) -> list[dict[str, str]]:
    """Recipients named one after another ("A và B", "ông X - post; bà Y - post"), no counted group."""
    out: list[dict[str, str]] = []
    for k, chunk in enumerate(re.split(r";\s*", text)):
        if k and not re.match(r"(?i)(?:ông|bà|đồng chí|đ/c)\s", chunk):
            break
        got = _recipients(chunk)
        if not got or any("group" in r for r in got):
            break
        out += got
    return out


def group_size(recipient: dict[str, str]) -> int | None:
    """The number a group recipient counts ("3 tập thể" -> 3)."""
    m = _GROUP.match(recipient.get("group", ""))
    return count_of(m.group("n")) if m else None


def _subject(lead: str) -> list[dict[str, str]]:
    """The recipient written as the subject before "được ... tặng": a unit, a province, a person or a group."""
    # "... và đề nghị Thanh tra tỉnh được nhận ...": the unit proposed, after the verb that proposes it
    lead = re.split(r"(?i)(?<![^\W\d_])(?:đề nghị|suy tôn|bình chọn)\s+(?=[A-ZÀ-ỸĐ])", lead)[-1]
    shared = _SHARED_UNIT.fullmatch(lead.strip())
    if shared:  # "Công an tỉnh A, B, C": one kind of unit in several provinces
        names = [x for x in re.split(r",\s*|\s+và\s+", shared["places"]) if x]
        if all(find_provinces(x)[:1] and find_provinces(x)[0].start == 0 for x in names):
            return [{"organization": shared["unit"] + " " + find_provinces(x)[0].name} for x in names]
    # "Sở Tư pháp, Sở Tài chính được ...", "Các tỉnh Tây Ninh, Bình Phước được ...": every unit of a list
    listed = re.sub(r"(?i)^\s*(?:các|hai|ba|\d+)\s+(?=tỉnh\s)", "", lead.strip())
    if "," in listed:
        several = _recipients(listed)
        pieces = [x for x in re.split(r",\s*|\s+và\s+", listed) if x.strip()]
        if len(several) == len(pieces) >= 2 and not any("group" in r or "person" in r for r in several):
            return several
    # the last clause that opens with a name ("LĐLĐ tỉnh X xếp thứ nhất, được đề nghị ...")
    clauses = [c.strip() for c in re.split(r"[,:]", lead)]
    lead = next(
        (
            c
            for c in reversed(clauses)
            if c[:1].isupper()
            or re.match(rf"{_NUM}\s", c)
            or re.match(r"(?i)(?:ông|bà|đồng chí|đ/c)\s", c)
            or _ORG_START.match(c)
            or (find_provinces(c)[:1] and find_provinces(c)[0].start == 0)
        ),
        "",
    )
    lead = re.sub(r"(?i)^(?:ông|bà|đồng chí|đ/c)\s+", "", lead)
    lead = re.sub(r"\s+(?:xếp|đạt|dẫn đầu|đứng|là|đã|vừa|cũng|đều|vinh dự|rất|được)\b.*$", "", lead).strip()
    if not lead:
        return []
    if re.search(r"\s+và\s+", lead):  # "Hội LHPN tỉnh A và Hội LHPN tỉnh B", "TP. Hồ Chí Minh và tỉnh Bình Dương"
        several = _recipients(lead)
        if len(several) >= 2 and not any("group" in r or "person" in r for r in several):
            return several
    groups = list(re.finditer(rf"(?<![^\W\d_]){_NUM}\s+(?:tập thể|cá nhân|đơn vị|tổ chức|hộ gia đình)\b", lead))
    if groups:
        return [{"group": g.group()} for g in groups]
    provs = find_provinces(lead)
    if provs and provs[0].start == 0 and provs[0].end >= len(lead) - 1:
        return [{"province": provs[0].name}]
    if _ORG_START.match(lead):
        return [{"organization": lead}]
    words = lead.split()
    if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words):
        return [{"person": lead}]
    return []


def find_awards(
    text: str, provinces: list[ProvinceMention] | None = None, default_year: int | None = None
) -> list[AwardFact]:
    """Awards a sentence proposes or confers, one fact per recipient."""
    out: list[AwardFact] = []
    if not _AWARD.search(text):
        return out
    provinces = find_provinces(text) if provinces is None else provinces
    if re.search(r"(?i)\bnghe báo cáo\b", text):
        return out  # a report of proposals heard, not the decision
    ask = list(_ASK_ISSUER.finditer(text))
    last_issuer: str | None = None
    last_status: str | None = None
    for m in _AWARD.finditer(text):
        if _NOT_AWARD_AFTER.match(text[m.end() :]):
            continue
        kind = m.group("kind")
        if kind.lower() == "cờ":
            kind = kind + " thi đua"
        pos = m.end()
        desc = _DESC.match(text[pos:])
        if desc and not re.match(r"^\s+(?:của|cho|năm)\b", text[pos:]):
            words = desc.group(1)
            if re.search(r"(?i)^\s+(?:xuất sắc|đơn vị|hoàn thành|tiêu biểu)", words):
                kind = kind + words.rstrip()
                pos += len(words.rstrip())
        issuer = None
        im = _ISSUER.match(text[pos:])
        if im:
            issuer = im.group("who").strip()
            pos += im.end()
        clause_start = max(text.rfind(c, 0, m.start()) for c in ";\n") + 1
        clause = text[clause_start : m.start()]
        if issuer is None:
            asked = [a for a in ask if a.end() <= m.start() + 1 and a.start() >= clause_start - 200]
            # "đề nghị Bộ X tặng Cờ thi đua cho A và UBND tỉnh tặng cờ thi đua cho B": the second has its own
            own = [o for o in _SUBJECT_ISSUER.finditer(text, asked[-1].end(), m.start() + 1) if o.end() >= m.start() - 1
                   ] if asked else []
            if own:
                issuer = own[-1].group("who").strip()
            elif asked:
                issuer = asked[-1].group("who").strip()
            else:
                behalf = [b for b in _ON_BEHALF.finditer(text, clause_start, m.start()) if _AUTHORITY.match(b["who"])]
                subjects = list(_SUBJECT_ISSUER.finditer(text, clause_start, m.start() + 1))
                if behalf:  # "thừa ủy quyền của Chủ tịch nước, ông X trao Huân chương ..."
                    issuer = behalf[-1].group("who").strip()
                elif subjects:
                    issuer = subjects[-1].group("who").strip()
                elif decided := list(_DECIDES.finditer(text, clause_start, m.start())):
                    issuer = decided[-1].group("who").strip()
        if not _VERB.search(text, 0, m.start()) and not re.search(r"(?i)\bnhận\b|tặng", text[m.start() : pos + 30]):
            continue
        year = None
        ym = _YEAR.match(text[pos:]) or _YEAR.match(text[m.end() :])
        if ym:
            year = int(ym.group(1))
            pos += ym.end() if _YEAR.match(text[pos:]) else 0
        recips: list[dict[str, str]] = []
        ra = _RECIP_AFTER.match(text[pos:])
        if ra:
            recips = _recipients(text[pos + ra.end() :])
        before_nhan = re.search(r"(?i)(?:được\s+)?nhận\s*$", text[clause_start : m.start()])
        if not recips and before_nhan:
            lead = text[clause_start : clause_start + before_nhan.start()]
            groups = list(re.finditer(rf"(?<![^\W\d_]){_NUM}\s+(?:tập thể|cá nhân|đơn vị|tổ chức|hộ gia đình)\b", lead))
            recips = [{"group": g.group()} for g in groups] or _subject(lead)
            ly = re.findall(r"năm\s+(\d{4})", lead)
            if year is None and ly:
                year = int(ly[-1])
        asked_for = re.search(r"(?i)\bđề nghị\s+[^,;.()]{2,40}?\s+(?:xét\s+)?tặng\s*$", text[clause_start : m.start()])
        if not recips and asked_for:
            # "suy tôn 15 tập thể và 22 cá nhân đề nghị Thủ tướng Chính phủ tặng Bằng khen"
            lead = text[clause_start : clause_start + asked_for.start()]
            chosen = re.search(r"(?i)\b(?:suy tôn|bình chọn|bình xét|xét chọn|lựa chọn|chọn|bầu)\s+(?P<r>.+)$", lead)
            # "..., 02 đơn vị nhì khối là A và B đề nghị UBND tỉnh tặng Bằng khen": the count names them
            counted = re.search(
                rf"(?:^|,\s*)(?P<n>{_NUM})\s+(?:đơn vị|tập thể|cá nhân)\b[^,;]*?\s+là\s+(?P<r>[^,;]+)$", lead
            )
            if chosen:
                recips = _recipients(chosen["r"].strip())
            if counted and (not recips or chosen is None or counted.start() > chosen.start()):
                named = _recipients(counted["r"].strip())
                if named and len(named) == count_of(counted["n"]) and not any("group" in r for r in named):
                    recips = named
        proposed_for = re.search(r"(?i)\bđề nghị\s+(?:xét\s+)?tặng\s*$", text[clause_start : m.start()])
        if not recips and proposed_for:
            # "...; tỉnh Điện Biên đề nghị tặng Bằng khen ...": the unit the clause opens with
            lead = text[clause_start : clause_start + proposed_for.start()].strip()
            whole = find_provinces(lead)
            if whole and whole[0].start <= 5 and whole[0].end >= len(lead) - 1 and not re.match(r"(?i)tại\b", lead):
                recips = [{"province": whole[0].name}]
        subject = re.search(
            r"(?i)\s*được\s+(?:(?P<who>(?!đề nghị)[^,;.()]{2,40}?)\s*,?\s+)?(?:đề nghị\s+(?:[^,;.()]{2,60}?\s+)?)?"
            r"(?:tặng|trao tặng|trao|xét tặng)\s*$",
            text[clause_start : m.start()],
        )
        if not recips and subject:
            recips = _subject(text[clause_start : clause_start + subject.start()])
            opened = re.match(r"\s*(?:Trong\s+)?[Nn]ăm\s+(19[5-9]\d|20[0-4]\d)\s*,", text)
            if year is None and opened:  # "Năm 2023, A được UBND tỉnh tặng Cờ thi đua; B được ... tặng ..."
                year = int(opened.group(1))
            if subject.group("who") and issuer is None:
                issuer = subject.group("who").strip()
        named_count = sum("group" not in r for r in recips)
        if named_count >= 2 and "group" in recips[-1] and group_size(recips[-1]) == named_count:
            recips = recips[:-1]  # "cho A và B, hai đơn vị dẫn đầu": the count says who A and B are
        if not recips:
            continue
        if len(recips) == 1 and group_size(recips[0]):
            # "cho 2 đơn vị dẫn đầu - A và B", "2 cá nhân được tặng ..., gồm: ông X; bà Y"
            after = _NAMED_AFTER.match(text[pos + (ra.end() if ra else 0) :])
            if after:
                named = named_recipients(text[pos + (ra.end() if ra else 0) + after.end() :])
                if len(named) == group_size(recips[0]):
                    recips = named
        bare = re.match(r"\s*(?:và\s+)?(?:tặng|trao)\s*$", clause)  # a clause with no subject of its own
        if issuer is None and last_issuer and bare:
            issuer = last_issuer  # "X tặng Cờ thi đua cho A; tặng Bằng khen cho B"
        issuer = _clean_issuer(issuer) or None if issuer else None
        last_issuer = issuer or last_issuer
        status = (
            "proposed" if _PROPOSED.search(clause) or _PROPOSED.search(text[clause_start : m.start()]) else "conferred"
        )
        if status == "conferred" and last_status == "proposed" and (
            bare or not re.search(r"(?i)\b(?:tặng|trao)\b", clause)
        ):
            status = "proposed"  # "đề nghị A được nhận Cờ ...; 02 đơn vị được nhận Cờ ...": the same proposal
        last_status = status
        name = kind[0].upper() + kind[1:]
        if issuer and NAMED_WITH_ISSUER.match(kind):
            # the Government's flag is conferred by the Prime Minister's decision: still "của Chính phủ"
            # (unless the text names the award so: "Cờ thi đua của Thủ tướng Chính phủ")
            by = "Chính phủ" if kind.lower().startswith("cờ") and issuer == "Thủ tướng Chính phủ" and not im else issuer
            name = f"{name} của {_issuer_name(by, provinces)}"
        if year is None:
            # "... cho tỉnh Bình Thuận vì đã có thành tích xuất sắc năm 2019": the year the clause ties to it
            rest = re.split(r"[;\n]|\.(?:\s|$)", text[pos:], maxsplit=1)[0]
            # "... cho A và bầu B làm Khối trưởng năm 2024": the year of the next clause is not the award's
            rest = re.split(r"(?:,|\s+và)\s+(?:bầu|suy tôn|bình chọn|chọn|giao|thống nhất|đề nghị)\b", rest)[0]
            tied = re.search(r"(?<![^\W\d_])năm\s+(19[5-9]\d|20[0-4]\d)(?!\d)", rest)
            span = tied and re.search(r"(?i)từ\s+(?:năm\s+(?:học\s+)?)?$", rest[: tied.start()])
            if tied and not span and not _AWARD.search(rest[: tied.start()]):  # "từ năm 2009 đến năm 2013": no one year
                year = int(tied.group(1))
        if year is None:
            year = default_year
        for r in recips:
            out.append(AwardFact(name, issuer, r, status, year, m.start()))
    return out
