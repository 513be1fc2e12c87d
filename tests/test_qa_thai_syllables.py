"""Vietnamese names in Thai script found and grouped without a glossary: the syllable inventory, the
joined-name detection, the grouping key, and fix on the groups.

Lines marked "real-mt" are short excerpts of Thai machine translations published by vietnam.vn
(https://www.vietnam.vn/th/ong-dang-xuan-phong-lam-bi-thu-tinh-uy-ninh-binh and
https://www.vietnam.vn/th/ ... articles listed in /work/shared/real-mt, kept only as test input)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa.consistency import check_lines
from vnthai_mt.qa.findings import Edit
from vnthai_mt.qa.fix import apply_edits, fix_lines
from vnthai_mt.qa.syllables import group_key, is_vietnamese_syllable, loose_key, segment
from vnthai_mt.qa.thai_names import find_name_candidates, name_key
from vnthai_mt.shipped import shipped_path


@lru_cache(maxsize=1)
def _glossary():
    return load_glossaries([], include_default=True)


def test_mt_spellings_of_one_sound_share_a_loose_key():
    assert loose_key("แถ่ง") == loose_key("ถั่น") == loose_key("ทัญ")  # Thanh
    assert loose_key("ซอน") == loose_key("เซิน")  # Sơn
    assert loose_key("ลอย") == loose_key("เหล่ย")  # Lợi
    assert loose_key("ตรัน") == loose_key("จัน")  # tr- written ตร or จ
    assert loose_key("ฟู่") == loose_key("ฟู้")  # tone marks


def test_sounds_names_contrast_keep_their_keys():
    assert loose_key("ห่ง") != loose_key("หั่ง")  # Hồng / Hằng
    assert loose_key("กวาง") != loose_key("เกวิน")  # Quang / Quân
    assert loose_key("ลอง") != loose_key("ลาง")  # Long / Lang


def test_joined_names_split_into_syllables():
    assert segment("เลแถ่ง") == ("เล", "แถ่ง")
    assert segment("เหงียนฟู้จ่อง") == ("เหงียน", "ฟู้", "จ่อง")
    assert segment("ดังซวนฟอง") == ("ดัง", "ซวน", "ฟอง")
    assert is_vietnamese_syllable("หง็อก")
    assert not is_vietnamese_syllable("ประชุม")


@pytest.mark.parametrize("line, name", [
    ("ในการประชุม สหายฮวงดังกวาง สมาชิกคณะกรรมการกลางพรรค", "ฮวงดังกวาง"),  # real-mt (mt03)
    ("ประธานาธิบดี โตลัมได้ประกาศการตัดสินใจ", "โตลัม"),  # real-mt (mt06)
    ("มอบเครื่องราชอิสริยาภรณ์ให้กับเลขาธิการเหงียนฟู้จ่อง", "เหงียนฟู้จ่อง"),  # real-mt (mt06)
    ("หากกองทัพของลัมซอนต้องต่อสู้อย่างหนัก", "ลัมซอน"),  # real-mt (mt16)
    ("นายดังซวนฟอง เลขาธิการคณะกรรมการพรรค", "ดังซวนฟอง"),  # real-mt (mt02)
    ("โดยมีเลขาธิการใหญ่โต ลัม และผู้นำพรรค", "โต ลัม"),  # real-mt (mt04)
    ("การลุกฮือของลัมเซินเริ่มต้นขึ้น", "ลัมเซิน"),  # a Thai word (เริ่มต้น) ends the name
])
def test_joined_and_spaced_names_found(line, name):
    assert name in [c.text for c in find_name_candidates(line)]


@pytest.mark.parametrize("line", [
    "นายกรัฐมนตรีกล่าวว่าการประชุมได้เริ่มต้นขึ้นแล้ว",
    "ประธานาธิบดีได้เดินทางไปยังต่างประเทศ",
    "เลขาธิการใหญ่กล่าวสุนทรพจน์ที่ห้องประชุม",
    "และร่วมกับนายพลและทหารของเขา",  # real-mt (mt16): และทหาร is Thai, although it sounds like เลถั่น
])
def test_thai_prose_after_a_cue_is_not_a_name(line):
    assert find_name_candidates(line) == []


def test_spellings_of_one_name_share_a_key_and_two_people_do_not():
    assert name_key("โต ลัม") == name_key("โตลัม")
    assert name_key("เล แถ่ง") == name_key("เลแถ่ง") == name_key("เลถั่น")
    assert name_key("เหงียน ฟู่ จ่อง") == name_key("เหงียนฟู้จ่อง")
    # Hoàng Đăng Quang and Lê Ngọc Quang share a syllable only (real-mt mt03).
    assert name_key("ฮวงดังกวาง") != name_key("เลหง็อกกวาง")
    assert group_key("เหงียน วัน ห่ง") != group_key("เหงียน วัน หั่ง")  # Hồng / Hằng


def test_check_groups_spellings_and_fix_writes_one():
    lines = ["โดยมีเลขาธิการใหญ่โต ลัม และผู้นำพรรคเข้าร่วม",
             "ประธานาธิบดี โตลัมได้ประกาศการตัดสินใจ",
             "ในการประชุม สหายฮวงดังกวาง ได้ประกาศ และสหายเลหง็อกกวาง ได้รับ",
             "สหาย เล หง็อก กวาง เลขาธิการ"]
    result = check_lines(lines, _glossary())
    groups = [{v.text for v in f.variants} for f in result.findings if f.kind == "name-variants"]
    assert {"โต ลัม", "โตลัม"} in groups
    assert {"เลหง็อกกวาง", "เล หง็อก กวาง"} in groups
    assert not any("ฮวงดังกวาง" in g and len(g) > 1 for g in groups)
    _, fixed = fix_lines(lines, _glossary())
    text = "\n".join(fixed.lines)
    assert len([form for form in ("โต ลัม", "โตลัม", "โต เลิม") if form in text]) == 1, text
    assert ("เลหง็อกกวาง" in text) != ("เล หง็อก กวาง" in text)
    assert "ฮวงดังกวาง" in text


def test_fix_skips_an_edit_that_would_double_the_text_beside_it():
    line = "ผู้แทนจากคณะผู้แทนรัฐสภาแห่งชาตินคร"
    start = line.index("รัฐสภา")
    edit = Edit(1, start, start + len("รัฐสภา"), "รัฐสภา", "สภาแห่งชาติ")
    done = apply_edits([line], [edit])
    assert done.lines == [line] and done.skipped == [edit]


def test_a_place_name_inside_a_person_name_is_not_rewritten():
    line = "นอกจากนี้ยังมีรองนายกรัฐมนตรีถาวรเหงียนฮัวบิ่ญ เข้าร่วม"  # real-mt (mt04): Nguyễn Hòa Bình
    _, fixed = fix_lines([line], _glossary())
    assert "ฮหว่าบิ่ญ" not in fixed.lines[0]  # the place's glossary form is not written inside the name


def test_few_findings_on_human_thai_news():
    """NTREX-128 Thai references (1,997 human lines): name, term and Latin findings stay at or below 8."""
    path = shipped_path("refsets", "ntrex128", "newstest2019-ref.tha.txt")
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    result = check_lines(lines, _glossary())
    false = [f for f in result.findings if f.kind in ("name-variants", "term-variants", "latin-leftover")]
    assert len(false) <= 8, [(f.kind, f.entity) for f in false]
