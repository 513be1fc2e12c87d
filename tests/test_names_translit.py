"""Transcription of Vietnamese names into Thai (RI 2555 via wunsen, established forms, corrections)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from vnthai_mt.names.translit import transcribe, transcribe_syllable

DATA = Path(__file__).parent / "data" / "names"


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_seed_persons_canonical():
    assert transcribe("Nguyễn Khắc Thận").thai == "เหงียน คัก เถิ่น"
    # Lại Văn Hoàn by the table: ai + nặng -> อั่ย (as Thai WP บ๋าว ดั่ย), Hoàn -> ฮหว่าน (Thai WP
    # เหงียน ถิ ฮหว่าน); not the machine translation's ไหล วัน ฮว่าน.
    assert transcribe("Lại Văn Hoàn").thai == "หลั่ย วัน ฮหว่าน"
    assert transcribe("Thu Thủy").thai == "ทู ถวี"


@pytest.mark.parametrize("vi,th", [
    ("Nam Định", "นามดิ่ญ"), ("Ninh Bình", "นิญบิ่ญ"), ("Thái Bình", "ท้ายบิ่ญ"), ("Hưng Yên", "ฮึงเอียน"),
    ("Hội An", "โห่ยอาน"),  # RI's official joined form
])
def test_places_are_joined(vi, th):
    t = transcribe(vi, kind="place")
    assert (t.thai, t.confidence, t.source) == (th, "high", "rule")


def test_name_without_any_mark_is_low_even_when_right():
    t = transcribe("Gia Long", kind="place")  # RI: ซาล็อง; no mark, so the tones cannot be checked
    assert (t.thai, t.confidence) == ("ซาล็อง", "low")


def test_person_spaced_by_syllable_rule_example():
    assert transcribe("Võ Nguyên Giáp").thai == "หวอ เงวียน ซ้าป"  # RI example, spaced


@pytest.mark.parametrize("vi,kind,th", [
    ("Nguyễn", "person", "เหงียน"),  # rule 4
    ("Hồ Chí Minh", "person", "โฮจิมินห์"),
    ("Hà Nội", "place", "ฮานอย"),
    ("Sài Gòn", "place", "ไซ่ง่อน"),  # rule 4
    ("An Nam", "place", "อันนัม"),  # rule 4
    ("Huế", "place", "เว้"),
    ("Bà Rịa – Vũng Tàu", "place", "บ่าเสียะ-หวุงเต่า"),  # hyphen kept, dash normalized
])
def test_established_forms_take_precedence(vi, kind, th):
    t = transcribe(vi, kind=kind)
    assert (t.thai, t.source, t.confidence) == (th, "established", "high")


def test_nguyen_inside_a_name_uses_the_established_syllable():
    t = transcribe("Nguyễn Phúc Ánh")
    assert t.thai == "เหงียน ฟุก อั๊ญ" and t.source == "rule"


def test_surrounding_punctuation_case_and_unicode_forms():
    expected = "เหงียน คัก เถิ่น"
    assert transcribe("  Nguyễn Khắc Thận, ").thai == expected
    assert transcribe("(Nguyễn Khắc Thận).").thai == expected
    assert transcribe("NGUYỄN KHẮC THẬN").thai == expected
    assert transcribe(unicodedata.normalize("NFD", "Nguyễn Khắc Thận")).thai == expected
    assert transcribe("Thu Thuỷ").thai == transcribe("Thu Thủy").thai  # old-style tone placement


def test_no_diacritics_is_low_confidence():
    t = transcribe("Nguyen Khac Than")
    assert t.confidence == "low" and t.thai.startswith("เหงียน คัก ")
    assert transcribe("Lai Van Hoan").thai == "หลั่ย วัน ฮหว่าน"
    t = transcribe("Nam Dinh", kind="place")
    assert (t.thai, t.confidence, t.vi) == ("นามดิ่ญ", "low", "Nam Định")
    assert transcribe("Hai Duong", kind="place").thai == "หายเซือง"


def test_foreign_words_are_left_in_latin_and_flagged():
    t = transcribe("Peter Jones")
    assert t.thai == "Peter Jones" and t.confidence == "low"


def test_empty_and_bad_kind():
    assert transcribe("  ").thai == ""
    with pytest.raises(ValueError):
        transcribe("Nam Định", kind="org")


# --- the correction layer: one test per rule, with wunsen's own output for contrast ---------------------


def _wunsen(word: str) -> str:
    from wunsen import ThapSap

    return ThapSap("vi").thap(word)


@pytest.mark.parametrize("vi,raw,fixed", [
    ("Oanh", "อาญ", "อวัญ"),
    ("Uyên", "เอียน", "เอวียน"),
    ("Uy", "อี", "อวี"),
    ("ủy", "อี๋", "อวี๋"),
])
def test_correction_zero_onset_keeps_the_glide(vi, raw, fixed):
    assert _wunsen(vi) == raw
    assert transcribe_syllable(vi) == fixed


@pytest.mark.parametrize("vi,raw,fixed", [("Hoành", "ฮหว่าญ", "ฮหวั่ญ"), ("Huỳnh", "ฮหวี่ญ", "ฮหวิ่ญ")])
def test_correction_vowel_length_ignores_the_glide(vi, raw, fixed):
    # as Khánh คั้ญ (a before nh short) and Quỳnh กวิ่ญ (y before nh short)
    assert _wunsen(vi) == raw
    assert transcribe_syllable(vi) == fixed
    assert transcribe_syllable("Khánh") == "คั้ญ" and transcribe_syllable("Quỳnh") == "กวิ่ญ"


def test_correction_gi_plus_ie():
    assert _wunsen("Giêng") == "เซ็ง"
    assert transcribe_syllable("Giêng") == "เซียง"


def test_correction_final_k():
    assert _wunsen("Đắk") == "Đắk"  # left in Latin script
    assert transcribe("Đắk Lắk", kind="place").thai == "ดั๊กลัก"  # attested (project glossary, Thai WP)
    assert transcribe("Đắk Nông", kind="place").thai == "ดั๊กนง"


def test_correction_quoc_as_in_rule_1():
    assert _wunsen("Quốc") == "กว๊ก"
    assert transcribe("chữ Quốc ngữ", kind="place").thai == "จื๋อโกว๊กหงือ"  # RI rule 1 example


# --- accuracy on Thai Wikipedia renderings ------------------------------------------------------------


def test_thwiki_persons_exact_match_at_least_95_percent():
    rows = _rows("persons_thwiki.tsv")
    assert len(rows) >= 60 and all(r["source_url"].startswith("http") for r in rows)
    hits = sum(transcribe(r["vi"]).thai == r["th"] for r in rows)
    assert hits / len(rows) >= 0.95, f"{hits}/{len(rows)}"
