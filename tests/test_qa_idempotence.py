"""fix is idempotent: fixing the fixed text changes nothing (issue 13, item 6), on random documents mixing
Thai, Vietnamese names in Thai script (spaced and joined), Latin leftovers with and without diacritics,
text that lost its spaces (Tỉnh ủyAn Giang), titles, place words and years."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa.fix import fix_lines

FRAGMENTS = [
    # Thai prose and cues
    "การประชุม", "ได้", "เข้าร่วม", "และ", "ของ", "ที่", "สหาย", "นาย", "เลขาธิการใหญ่", "ประธานาธิบดี",
    "จังหวัด", "เมือง", "นคร", "คณะผู้แทนรัฐสภา", "แห่งชาติ", "รัฐสภา", "กรมการเมือง", "โปลิตบูโร",
    # Vietnamese names in Thai script, spaced and joined, several spellings
    "เหงียน ฟู่ จ่อง", "เหงียนฟู้จ่อง", "โต ลัม", "โตลัม", "เล แถ่ง", "เลถั่น", "ลัมซอน", "ลัมเซิน",
    "ดังซวนฟอง", "ฮวงดังกวาง", "เลหง็อกกวาง", "โฮจิมิน ห์", "โฮจิมินห์", "ดานัง", "นิญบิ่ญ",
    # Latin leftovers
    "Dang Xuan Phong", "Đặng Xuân Phong", "xã", "Phú Thọ", "Tỉnh ủy", "An Giang", "Nam Dinh", "Hà Nội",
    "Nguyễn Văn A", "Hong Phong", "VPCTN", "EU", "Chủ tịch",
    # years and numbers
    "ปี 2020-2025", "ปี 2568", "พ.ศ. 2568", "ค.ศ. 1418", "2025", "-", "(", ")", ":",
]


@lru_cache(maxsize=1)
def _glossary():
    return load_glossaries([], include_default=True)


def _fix(lines: list[str]) -> list[str]:
    return fix_lines(lines, _glossary())[1].lines


_line = st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(["", " ", " ", "  "])),
                 min_size=1, max_size=12).map(lambda parts: "".join(f + sep for f, sep in parts).strip())
_document = st.lists(_line, min_size=1, max_size=5)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_fix_twice_is_fix_once(lines):
    once = _fix(lines)
    assert len(once) == len(lines)
    assert _fix(once) == once


def test_latin_pieces_beside_a_glossary_match_are_fixed_in_one_pass():
    once = _fix(["ที่ xã Phú Thọ", "คณะกรรมการ Tỉnh ủyAn Giang ได้"])
    assert all("x" not in line and "ủy" not in line for line in once), once
    assert _fix(once) == once


def test_both_ends_of_a_year_range_change_together():
    once = _fix(["วาระปี 2020-2025 และวาระปี 2568-2573 ปี 2568"])
    assert "2563-2568" in once[0], once
