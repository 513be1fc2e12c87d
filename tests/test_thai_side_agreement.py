"""translate, check and eval give one answer to "is this rendering in this Thai line" (text.thai.find)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnthai_mt.evaluation.terms import Requirement, term_accuracy
from vnthai_mt.glossary import load_glossary
from vnthai_mt.qa.consistency import check_lines
from vnthai_mt.translate.repair import presence

GLOSSARY_TSV = "vi\tth\tkind\nChủ tịch\tประธาน\ttitle\nỦy ban nhân dân\tคณะกรรมการประชาชน\torg\n"
SOURCE = "Chủ tịch phát biểu tại Ủy ban nhân dân."

CASES = [  # (Thai line, whether ประธาน is there)
    ("ประธานกล่าวที่คณะกรรมการประชาชน", True),
    ("ประธานาธิบดีกล่าวที่คณะกรรมการประชาชน", False),  # ประธาน is not in ประธานาธิบดี
    ("ประ\u200bธานกล่าวที่คณะกรรมการประชาชน", True),  # split by a zero-width space
    ("นายกกล่าวที่คณะกรรมการประชาชน", False),
]


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("g") / "g.tsv"
    path.write_text(GLOSSARY_TSV, encoding="utf-8")
    return load_glossary(path)


@pytest.mark.parametrize(("line", "present"), CASES)
def test_translate_check_and_eval_agree(glossary, line, present):
    by_eval = term_accuracy([line], [[Requirement(1, "Chủ tịch", "ประธาน", "title")]]).accuracy == 100.0
    by_translate = presence(line, ["ประธาน"]) == [True]
    result = check_lines([line], glossary, source=[SOURCE])
    mismatches = [f for f in result.findings if f.kind == "key-term-mismatch" and "ประธาน" in str(f.as_dict())]
    by_check = not mismatches
    assert by_eval == by_translate == by_check == present


def test_mark_order_variants_agree():
    typed = "ผู้แทน"  # tone mark typed before the vowel below: ผ ู ้ written as ผ ้ ู
    swapped = "ผ\u0e49\u0e39แทน"
    assert presence(swapped, [typed]) == [True]
    assert term_accuracy([swapped], [[Requirement(1, "đại biểu", typed, "term")]]).accuracy == 100.0


@given(st.integers(1000, 9999), st.sampled_from(["ปี ", "ในปี ", "เดือนมีนาคม ", "มี.ค. ", "ปีงบประมาณ "]))
def test_check_and_localize_agree_on_what_is_a_year(value, context):
    """A number the era-mix check reads as a year of one era is one translate --era converts, and only those."""
    from vnthai_mt.qa.years import find_years
    from vnthai_mt.translate.localize import localize

    line = f"{context}{value} มีการประชุม"
    years = find_years(line)
    era = years[0].era if years else None
    to_be = localize(line, era="be", digits="keep", numbers=False)
    to_ce = localize(line, era="ce", digits="keep", numbers=False)
    if era is None:
        assert to_be == line and to_ce == line
    elif era == "ce":
        assert to_ce == line and str(value + 543) in to_be
    else:
        assert to_be == line and str(value - 543) in to_ce
