"""Sentence splitting keeps abbreviations and numbers whole and copies text exactly."""

from vnkg.loaders.extract.sentences import split_sentences


def test_abbreviations_do_not_end_a_sentence():
    text = "Tại TP. Hồ Chí Minh, Đ/c. A dự. Ngày 7.2.2014 họp."
    assert [s.text for s in split_sentences(text)] == ["Tại TP. Hồ Chí Minh, Đ/c. A dự.", "Ngày 7.2.2014 họp."]


def test_offsets_point_at_the_text():
    text = "Dòng một.\n  Câu hai. Câu ba"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_captions_are_flagged():
    sents = split_sentences("Toàn cảnh Hội nghị\nNgày 5/3, hội nghị diễn ra.")
    assert sents[0].caption and not sents[1].caption
