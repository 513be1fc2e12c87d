"""Masking: placeholders in, Thai back; a lost placeholder is reported, never silently dropped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.translate.placeholders import _pattern, mask, unmask, usable_template


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


def test_made_up_placeholders_are_deleted_and_the_authors_are_kept():
    masked = mask("Ông A họp.", [(4, 5)])
    assert unmask("นาย [1] [3] ประชุม [ 7 ]", masked, ["เอ"]) == ("นาย เอ ประชุม", [True])
    # The source holds "[5]" of its own: placeholders become <n>, and the author's [5] stays.
    masked = mask("Ông A [5] họp.", [(4, 5)])
    assert masked.template == "<{n}>"
    assert unmask("นาย <1> [5] <2>", masked, ["เอ"]) == ("นาย เอ [5]", [True])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]<>#0123456789๑ กขa", max_size=40))
def test_no_placeholder_of_the_form_survives_unmasking(output):
    masked = mask("Ông A và bà B họp.", [(4, 5), (13, 14)])
    text, restored = unmask(output, masked, ["เอ", "บี"])
    assert not _pattern(masked.template, None).search(text)
    assert len(restored) == 2 and text.count("เอ") <= 1 and text.count("บี") <= 1


def test_the_probe_measures_what_comes_back():
    from vnthai_mt.translate.placeholders import carried_share, probe_sentences

    probe = probe_sentences("<{n}>")
    assert probe and all("<1>" in m.text and "[" not in m.text for m in probe)
    sent = sum(len(m.spans) for m in probe)
    assert carried_share(lambda texts: texts, "<{n}>") == (sent, sent)  # a model that copies
    assert carried_share(lambda texts: ["ข้อความ"] * len(texts)) == (0, sent)  # one that writes its own
    # Losing every [2]: only the [1]s come back.
    assert carried_share(lambda texts: [t.replace("[2]", "") for t in texts]) == (len(probe), sent)


def test_remnants_of_lost_placeholders_are_deleted_but_numbers_kept():
    masked = mask("Ông A gặp bà B năm 2020.", [(4, 5), (13, 14)])
    assert unmask("นาย [1] พบ 2] ปี 2020", masked, ["เอ", "บี"]) == ("นาย เอ พบ ปี 2020", [True, False])
    assert unmask("นาย [1] พบ [ 2 ปี 2020]", masked, ["เอ", "บี"]) == ("นาย เอ พบ ปี 2020", [True, False])
    assert unmask("ปี 12] นาย [1]", masked, ["เอ", "บี"])[0] == "ปี 12 นาย เอ"  # not the 2 of 12
    # The source's own brackets stay, and so does whatever the model wrote with them.
    own = mask("Ông A [ghi chú] họp.", [(4, 5)])
    assert unmask("นาย [1] [หมายเหตุ] 2]", own, ["เอ"])[0] == "นาย เอ [หมายเหตุ] 2]"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]12 ๑กข", max_size=30))
def test_nothing_of_a_placeholder_reaches_the_text(output):
    masked = mask("Ông A và bà B họp.", [(4, 5), (13, 14)])
    text, _ = unmask(output, masked, ["เอ", "บี"])
    assert "[" not in text and "]" not in text
