"""Repair: known wrong renderings and near misses are replaced; nothing is ever inserted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.translate.repair import NEAR_MISS, VARIANT, presence, repair
from vnthai_mt.translate.requirements import Required


def _req(th, kind="person", variants=()):
    return Required(0, 1, "x", th, kind, "glossary", tuple(variants))


THAN = _req("เหงียน คัก เถิ่น", variants=("เหงียน คัก ทัน",))


def test_variant_and_near_miss_are_replaced():
    reqs = [THAN, _req("ประธาน", "title"), THAN, _req("นามดิ่ญ", "place")]
    text = "สหายเหงียน คัก ทัน รองเลขาธิการ ประธาน และ เหงียน ข่าก ถั่น กล่าวที่นามดิ้น"
    out, how = repair(text, reqs)
    assert out == "สหายเหงียน คัก เถิ่น รองเลขาธิการ ประธาน และ เหงียน คัก เถิ่น กล่าวที่นามดิ่ญ"
    assert how == [VARIANT, None, NEAR_MISS, NEAR_MISS]
    assert all(presence(out, [r.th for r in reqs]))


def test_present_rendering_is_not_touched_and_nothing_is_added():
    reqs = [THAN, _req("ประธาน", "title")]
    text = "เหงียน คัก เถิ่น กล่าว"
    out, how = repair(text, reqs)
    assert out == text and how == [None, None]  # ประธาน stays missing: never appended


def test_near_miss_only_for_names():
    _, how = repair("สภาจำลองจังหวัด", [_req("สภาจำลองจังหวัดใหม่", "org")])
    assert how == [None]


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="กขคงจฉ ัาิ่้", max_size=40))
def test_repair_never_grows_text_without_a_match(text):
    out, how = repair(text, [_req("ซซซ", "title")])
    if how == [None]:
        assert "ซซซ" not in out
