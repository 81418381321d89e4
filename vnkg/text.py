"""Vietnamese text normalisation: NFC, tone-mark placement, diacritic folding and slugs.

Every comparison of names in vnkg goes through these functions, so that "Hoà Bình",
"Hòa Bình" and "HOA BINH" meet where they should.

>>> slugify("Nguyễn Đăng Bình")
'nguyen-dang-binh'
>>> fold_tones("Hoà Bình, Thuỷ")
'Hòa Bình, Thủy'
>>> search_key("  Đ/c  Nguyễn   Đăng Bình ")
'nguyen dang binh'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement -> new style; both spellings are valid Vietnamese.
_TONE_FOLD = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_FOLD.update({k.capitalize(): v.capitalize() for k, v in list(_TONE_FOLD.items())})
_TONE_FOLD.update({k.upper(): v.upper() for k, v in list(_TONE_FOLD.items())})
# Only fold at the end of a syllable: "hoàng" keeps its spelling.
_TONE_RE = re.compile("(" + "|".join(map(re.escape, _TONE_FOLD)) + r")(?![^\W\d_])")
_HONORIFIC_RE = re.compile(r"^(?:đồng chí|đ/c|ông|bà|anh|chị)\s+", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC with runs of white space folded to one space and trimmed."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold_tones(text: str) -> str:
    """Old-style tone placement ("hoà", "thuỷ") to the new style ("hòa", "thủy")."""
    return _TONE_RE.sub(lambda m: _TONE_FOLD[m.group(1)], unicodedata.normalize("NFC", text))


@lru_cache(maxsize=1 << 16)
def canonical(text: str) -> str:
    """NFC, new-style tones, single spaces: the form vnkg stores names in (memoised: names repeat
    from one article to the next, and the loader asks for the same ones many times an article)."""
    return fold_tones(nfc(text))


def strip_diacritics(text: str) -> str:
    """ASCII letters for Vietnamese ones (Đ -> D), other characters kept."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def strip_honorific(name: str) -> str:
    """A person's name without a leading "đồng chí", "ông", "bà"..."""
    return _HONORIFIC_RE.sub("", nfc(name))


@lru_cache(maxsize=1 << 16)
def search_key(text: str) -> str:
    """Lower-case ASCII words: the key names are searched by."""
    folded = strip_diacritics(strip_honorific(text)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


@lru_cache(maxsize=1 << 16)
def slugify(text: str, max_length: int = 80) -> str:
    """A readable ASCII slug for IRIs: lower case, words joined by hyphens."""
    slug = "-".join(re.findall(r"[a-z0-9]+", strip_diacritics(canonical(text)).lower()))
    return slug[:max_length].rstrip("-") or "x"
