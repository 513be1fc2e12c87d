"""Phonetic keys for Thai renderings and Latin leftovers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.names.phonetic import latin_matches_thai, latin_to_thai_candidates, thai_key

# The seed article's machine translation renders Nguyễn Khắc Thận three ways; the RI form is the fourth.
THAN = ["เหงียน คัก ทัน", "เหงียน ข่าก ถั่น", "เหงียน ขัก ทัน", "เหงียน คัก เถิ่น"]
HOAN = ["ไหล วัน ฮว่าน", "หลั่ย วัน ฮหว่าน"]


def test_renderings_of_one_person_share_a_key():
    assert len({thai_key(t) for t in THAN}) == 1
    assert len({thai_key(t) for t in HOAN}) == 1


def test_different_persons_have_different_keys():
    assert thai_key(THAN[0]) != thai_key(HOAN[0])
    assert thai_key("ทู ถวี") not in {thai_key(THAN[0]), thai_key(HOAN[0])}


def test_common_variants():
    assert thai_key("มิญ") == thai_key("มินห์")  # final nh written ญ or นห์
    assert thai_key("นามดิ่ญ") == thai_key("นาม ดิ่ญ") == thai_key("นาม-ดิ๋ญ")
    assert thai_key("ท้ายบิ่ญ") == thai_key("ไทบิ่ญ")
    assert thai_key("หายเซือง") != thai_key("นิญบิ่ญ")


def test_latin_leftovers_relate_to_thai_renderings():
    assert latin_matches_thai("Nam Dinh", "นามดิ่ญ")
    assert latin_matches_thai("Hai Duong", "หายเซือง")
    assert latin_matches_thai("Ninh Binh", "นิญบิ่ญ")
    assert not latin_matches_thai("Nam Dinh", "นิญบิ่ญ")
    assert latin_to_thai_candidates("Nam Dinh")[0].thai == "นามดิ่ญ"


def test_glossary_entries_come_first():
    from vnthai_mt.glossary import Entry, Glossary

    g = Glossary([Entry("Nam Định", "จังหวัดนามดิ่ญ-ทดสอบ", "place", vi_variants=("Nam Dinh",))])
    first = latin_to_thai_candidates("Nam Dinh", glossary=g)[0]
    assert (first.thai, first.source) == ("จังหวัดนามดิ่ญ-ทดสอบ", "glossary")


THAI_TEXT = st.text(alphabet=st.sampled_from(list("กขคงจซญดตถทนบปผฝพฟมยรลวสหอฮะัาิีึืุูเแโใไ่้๊๋็์ ")),
                    max_size=30)
TONES = re.compile("[\u0e48-\u0e4b]")


@settings(max_examples=200, deadline=None)
@given(THAI_TEXT)
def test_key_is_idempotent(text):
    assert thai_key(thai_key(text)) == thai_key(text)


@settings(max_examples=200, deadline=None)
@given(THAI_TEXT, st.sampled_from([" ", "  ", "\t", " - "]))
def test_key_ignores_tone_marks_and_spacing(text, sep):
    key = thai_key(text)
    assert thai_key(TONES.sub("", text)) == key
    assert thai_key(" " + text + " ") == key
    assert thai_key(sep.join(text.split())) == key


def test_person_and_place_spellings_of_a_name_share_a_key():
    """A name written spaced (person) or joined (place) keeps its key: Thai WP persons and the seed."""
    import csv
    from pathlib import Path

    from vnthai_mt.names.translit import transcribe

    path = Path(__file__).parent / "data" / "names" / "persons_thwiki.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    names = [r["vi"] for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]
    names += ["Nguyễn Khắc Thận", "Lại Văn Hoàn", "Thu Thủy", "Nam Định", "Hưng Yên", "Quảng Ninh"]
    for name in names:
        person, place = transcribe(name).thai, transcribe(name, kind="place").thai
        assert thai_key(person) == thai_key(place), (name, person, place)
