"""Entity resolution: provinces, people, posts, blocs, and the overrides that correct them."""

from __future__ import annotations

from datetime import date

import pytest
from vnkg.loaders.errors import LoadError, UnknownProvinceError
from vnkg.loaders.overrides import Overrides
from vnkg.loaders.resolve import Minter, bloc_key, canonical_title, join_title, match_award_type

from .conftest import BASE


@pytest.mark.parametrize("name", ["Hòa Bình", "Hoà Bình", "tỉnh Hòa Bình", "HÒA BÌNH", "Hoa Binh"])
def test_province_spellings_meet(minter: Minter, name: str) -> None:
    assert minter.province(name, None, "x", "/p").slug == "hoa-binh"


def test_merged_province_is_resolved_by_date(minter: Minter) -> None:
    before = minter.province("Thái Nguyên", date(2024, 3, 1), "x", "/p")
    after = minter.province("Thái Nguyên", date(2025, 9, 1), "x", "/p")
    assert (before.slug, after.slug) == ("thai-nguyen", "thai-nguyen-2025")
    old = minter.province("Bắc Cạn", date(2023, 3, 10), "x", "/p")
    assert minter.gazetteer.successor(old) == after


def test_unknown_province_says_where(minter: Minter) -> None:
    with pytest.raises(UnknownProvinceError, match=r"doc.json: at /events/0/location: 'Atlantis'"):
        minter.province("Atlantis", None, "doc.json", "/events/0/location")


def test_same_name_same_province_is_one_person_other_province_another(minter: Minter) -> None:
    a = minter.person("Nguyễn Văn Hùng", "bac-kan")
    b = minter.person("Nguyễn  Văn Hùng", "bac-kan")
    c = minter.person("Nguyễn Văn Hùng", "lang-son")
    national = minter.person("Nguyễn Văn Hùng", None)
    assert a == b
    assert len({a, c, national}) == 3
    assert str(national) == f"{BASE}person/nguyen-van-hung"


@pytest.mark.parametrize("name", [
    "Cụm thi đua các tỉnh Trung du và Miền núi phía Bắc",
    "Cụm thi đua 7 tỉnh Trung du và Miền núi phía Bắc",
    "Cụm Thi đua Trung du và Miền núi phía Bắc",
    "cụm thi đua bảy tỉnh trung du và miền núi phía bắc",
])
def test_bloc_wordings_meet(minter: Minter, name: str) -> None:
    assert str(minter.bloc(name, "cum").iri) == f"{BASE}bloc/trung-du-va-mien-nui-phia-bac"


def test_bloc_numbers_that_name_the_bloc_are_kept() -> None:
    assert bloc_key("Cụm thi đua số 3 tỉnh Thanh Hóa") != bloc_key("Cụm thi đua số 4 tỉnh Thanh Hóa")


def test_khoi_and_provincial_blocs_are_distinct(minter: Minter) -> None:
    bac_kan = minter.gazetteer.resolve("Bắc Kạn")
    plain = minter.bloc("Khối thi đua Nội chính", "khoi")
    scoped = minter.bloc("Khối thi đua Nội chính", "khoi", bac_kan)
    assert plain.path == "bloc/khoi-noi-chinh"
    assert scoped.path == "bloc/khoi-noi-chinh--bac-kan"


def test_title_abbreviations_are_one_post(minter: Minter) -> None:
    bac_kan = minter.gazetteer.resolve("Bắc Kạn")
    short = minter.post("Chủ tịch UBND tỉnh", None, bac_kan)
    long = minter.post("Chủ tịch Ủy ban nhân dân tỉnh", None, bac_kan)
    old_tone = minter.post("Chủ tịch Uỷ ban nhân dân tỉnh", None, bac_kan)
    assert short.iri == long.iri == old_tone.iri
    assert short.label == "Chủ tịch UBND tỉnh Bắc Kạn"
    assert short.body is not None and short.body.label == "UBND tỉnh Bắc Kạn"
    assert short.title_type is not None and short.title_type.en.startswith("Chair")


def test_post_of_a_national_body(minter: Minter) -> None:
    post = minter.post("Chủ tịch Hội Nông dân Việt Nam", "Hội Nông dân Việt Nam", None)
    assert post.path == "post/chu-tich-hoi-nong-dan-viet-nam"
    assert post.body is not None and str(post.body.iri) == f"{BASE}org/hoi-nong-dan-viet-nam"


def test_join_title_says_the_seam_once() -> None:
    assert join_title("Phó Trưởng Ban", "Ban Thi đua - Khen thưởng") == "Phó Trưởng Ban Thi đua - Khen thưởng"
    assert join_title("Chủ tịch Hội Nông dân Việt Nam", "Hội Nông dân Việt Nam") == "Chủ tịch Hội Nông dân Việt Nam"
    assert canonical_title("Chủ tịch  Hội đồng nhân dân tỉnh") == "Chủ tịch HĐND tỉnh"


@pytest.mark.parametrize(("name", "issuer", "key"), [
    ("Cờ thi đua của Chính phủ", "Chính phủ", "co_thi_dua_chinh_phu"),
    ("Cờ Thi đua của Chính phủ", None, "co_thi_dua_chinh_phu"),
    ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "bang_khen_ttg"),
    ("Bằng khen", "Chủ tịch UBND tỉnh Bắc Kạn", "bang_khen_bo_nganh_tinh"),
    ("Huân chương Lao động hạng Ba", None, "huan_chuong_lao_dong"),
])
def test_award_types(name: str, issuer: str | None, key: str) -> None:
    found = match_award_type(name, issuer)
    assert found is not None and found.key == key


def test_unknown_award_kind_has_no_type() -> None:
    assert match_award_type("Giải thưởng báo chí", None) is None


def test_overrides_join_and_split() -> None:
    overrides = Overrides.parse(
        '[[same_as]]\nids = ["person/nguyen-van-a--bac-kan", "person/nguyen-van-a--thai-nguyen"]\n'
        '[[distinct]]\narticle = "a-1"\nname = "Nguyễn Văn A"\nid = "person/nguyen-van-a--bac-kan-2"\n', "o.toml")
    minter = Minter(BASE, overrides)
    assert minter.person("Nguyễn Văn A", "thai-nguyen") == minter.person("Nguyễn Văn A", "bac-kan")
    assert str(minter.person("Nguyễn Văn A", "bac-kan", "a-1")).endswith("nguyen-van-a--bac-kan-2")
    assert str(minter.person("Nguyễn Văn A", "bac-kan", "a-2")).endswith("nguyen-van-a--bac-kan")


@pytest.mark.parametrize("text", ["[[same_as]]\nids = ['only-one']", "[[distinct]]\narticle = 1", "not = [toml"])
def test_bad_overrides_are_refused(text: str) -> None:
    with pytest.raises(LoadError, match=r"o\.toml"):
        Overrides.parse(text, "o.toml")


def test_base_iri_must_end_with_a_separator() -> None:
    with pytest.raises(ValueError, match="must end"):
        Minter("https://example.org/id")
