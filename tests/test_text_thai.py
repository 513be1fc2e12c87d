from hypothesis import given
from hypothesis import strategies as st

from vnthai_mt.text import thai


def test_decomposed_sara_am_and_mark_order():
    assert thai.normalize("น\u0e4d\u0e49\u0e32") == "น้ำ"  # nikhahit + tone + aa
    assert thai.normalize("น\u0e4d\u0e32") == "นำ"
    assert thai.normalize("น\u0e33\u0e49") == "น้ำ"  # tone typed after sara am
    assert thai.normalize("ท\u0e48\u0e38") == "ท\u0e38\u0e48"  # tone before lower vowel
    assert thai.normalize("ที่\u200bนี่") == "ที่นี่"
    assert thai.normalize("ก\u0e48\u0e48") == "ก\u0e48"


def test_digits_and_eras():
    assert thai.to_arabic_digits("ปี ๒๕๖๖") == "ปี 2566"
    assert thai.to_thai_digits("2566") == "๒๕๖๖"
    assert thai.be_to_ce(2566) == 2023
    assert thai.ce_to_be(2023) == 2566


@given(st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=40))
def test_thai_normalize_is_idempotent(text):
    once = thai.normalize(text)
    assert thai.normalize(once) == once


@given(st.integers(min_value=0, max_value=10**12))
def test_digit_round_trip(n):
    s = str(n)
    assert thai.to_arabic_digits(thai.to_thai_digits(s)) == s


@given(st.integers(min_value=1, max_value=9999))
def test_era_round_trip(year):
    assert thai.be_to_ce(thai.ce_to_be(year)) == year


def test_doubled_tone_after_sara_am_normalizes_in_one_pass():
    # Found by hypothesis: ำ่่ took two passes (ำ่ moved, then the doubled tone collapsed).
    assert thai.normalize("ำ่่") == thai.normalize(thai.normalize("ำ่่")) == "่ำ"


def test_mark_runs_keep_the_letters_order_nfc_keeps():
    assert thai.normalize("ชูั้ง") == "ชูั้ง"  # an upper vowel after a lower one is not moved (NFC does not)
    assert thai.normalize("่ิ่ิ") == "ิ่"
