import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnthai_mt.text import vietnamese as vi


@pytest.mark.parametrize(
    "old, new",
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("Tỉnh uỷ", "Tỉnh ủy"),
     ("Uỷ ban", "Ủy ban"), ("HOÀ", "HÒA"), ("xoà", "xòa")],
)
def test_both_tone_placements_normalize_alike(old, new):
    assert vi.normalize(old) == vi.normalize(new) == new


@pytest.mark.parametrize(
    "word", ["hoàn", "toán", "quý", "giữ", "ngoài", "khuỷu", "rượu", "người", "thuyết", "mùa", "gì",
             "Nguyễn", "Thận", "Hưng", "Định", "được", "của", "quốc", "giường", "khỏe"],
)
def test_words_with_one_placement_are_kept(word):
    assert vi.normalize(word) == word


def test_decomposed_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Khắc Thận")
    assert decomposed != "Nguyễn Khắc Thận"
    assert vi.normalize(decomposed) == "Nguyễn Khắc Thận"


def test_spacing_quotes_and_zero_width():
    assert vi.normalize("  “Thái\u200b  Bình”\t ") == '"Thái Bình"'


def test_fold_relates_plain_and_accented_names():
    assert vi.fold("Nguyen Khac Than") == vi.fold("Nguyễn Khắc Thận") == "nguyen khac than"
    assert vi.fold("Đà Nẵng") == "da nang"
    assert vi.strip_diacritics("Đà Nẵng") == "Da Nang"


def test_offsets_map_back_to_original():
    text = "  Phát biểu,  đồng chí " + unicodedata.normalize("NFD", "Nguyễn Khắc Thận") + " Tỉnh uỷ  "
    norm, offsets = vi.normalize_with_offsets(text)
    assert norm == vi.normalize(text)
    start = norm.index("Nguyễn")
    end = start + len("Nguyễn Khắc Thận")
    original = text[offsets[start]:offsets[end]]
    assert unicodedata.normalize("NFC", original) == "Nguyễn Khắc Thận"
    start = norm.index("Tỉnh ủy")
    assert text[offsets[start]:offsets[start + 7]] == "Tỉnh uỷ"


vietnamese_text = st.text(
    alphabet=st.sampled_from(list("aăâeêioôơuưyđbcdghklmnpqrstvx AĂÂĐNT.,-\t\u200b\u0300\u0301\u0303\u0309\u0323")
                             + list("hoàthuỷkhoẻuỷNguyễnThậnhòa")),
    max_size=60,
)


@given(vietnamese_text)
def test_normalize_is_idempotent(text):
    once = vi.normalize(text)
    assert vi.normalize(once) == once


@given(vietnamese_text)
def test_offsets_are_monotonic_and_cover(text):
    norm, offsets = vi.normalize_with_offsets(text)
    assert norm == vi.normalize(text)
    assert len(offsets) == len(norm) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
    # Every letter of the result comes from its source position (a cluster that composes to several
    # characters maps them all to its start, so their spans are empty but the first).
    for i, ch in enumerate(norm):
        if ch.isalpha() and offsets[i] < offsets[i + 1]:
            assert vi.fold(ch) == vi.fold(text[offsets[i]:offsets[i + 1]])


@given(vietnamese_text)
def test_fold_keeps_the_normalized_length(text):
    assert len(vi.fold(text)) == len(vi.normalize(text))
