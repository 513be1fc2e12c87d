"""Masking: placeholders in, Thai back; a lost placeholder is reported, never silently dropped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.translate.placeholders import mask, unmask, usable_template


def test_mask_and_restore_in_order():
    text = "Đồng chí Nguyễn Khắc Thận, Chủ tịch UBND tỉnh"
    spans = [(9, 25), (27, 35)]
    m = mask(text, spans)
    assert m.text == "Đồng chí [1], [2] UBND tỉnh"
    out, restored = unmask("สหาย [1] [ 2 ]คณะกรรมการ", m, ["เหงียน คัก เถิ่น", "ประธาน"])
    assert out == "สหาย เหงียน คัก เถิ่น ประธานคณะกรรมการ"
    assert restored == [True, True]


def test_lost_and_repeated_placeholders():
    m = mask("A B C", [(0, 1), (4, 5)])
    out, restored = unmask("[1] x [1] y", m, ["ก", "ข"])
    assert restored == [True, False]  # [2] was lost: reported
    assert out == "ก x y"  # a repeat is deleted, not restored twice


def test_thai_digits_and_source_that_already_has_brackets():
    m = mask("see [1] and X", [(12, 13)])
    assert m.template != "[{n}]" and m.placeholder(1) not in "see [1] and "
    out, restored = unmask(m.placeholder(1).replace("1", "๑"), m, ["ท"])
    assert restored == [True] and out == "ท"


def test_template_survives_the_tiny_tokenizer(tiny_nllb):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_nllb)
    assert usable_template(tok) == "[{n}]"


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcdđêơư ", min_size=1, max_size=6), min_size=1, max_size=8),
    picks=st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_round_trip_when_the_model_copies_placeholders(words, picks):
    text, spans = "", []
    for word, pick in zip(words, picks):
        if text:
            text += " "
        start = len(text)
        text += word
        if pick:
            spans.append((start, len(text)))
    m = mask(text, spans)
    renderings = [f"ท{n}" for n in range(len(spans))]
    out, restored = unmask(m.text, m, renderings)
    assert all(restored)
    for r in renderings:
        assert r in out
