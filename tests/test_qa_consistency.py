"""Editors' check: the detectors one by one, and the seed article as the issue describes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.boilerplate import source_boilerplate, thai_boilerplate
from vnthai_mt.qa.document import Document
from vnthai_mt.qa.garbage import find_garbage
from vnthai_mt.qa.latin import find_leftovers, looks_vietnamese
from vnthai_mt.qa.numbers import thai_numbers, unmatched, vietnamese_numbers
from vnthai_mt.qa.thai_match import ThaiFormIndex, thai_view
from vnthai_mt.qa.thai_names import find_name_candidates
from vnthai_mt.qa.years import find_years

ROOT = Path(__file__).resolve().parents[1]
SEED_TH = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
MINI = ROOT / "tests" / "data" / "mini.tsv"
QA = ROOT / "tests" / "data" / "qa"

NGUYEN = {"เหงียน คัก ทัน", "เหงียน ข่าก ถั่น", "เหงียน ขัก ทัน"}
LAI = "ไหล วัน ฮว่าน"
COUNCIL = {"สภาจำลองจังหวัด", "สภาจำลองเศรษฐกิจจังหวัด", "สภาพัฒนาเศรษฐกิจจังหวัด", "สภาเลียนแบบและยกย่องจังหวัด"}


def _lines(path: Path) -> list[str]:
    return Document.from_text(path.read_text(encoding="utf-8")).lines


@pytest.fixture(scope="module")
def mini():
    return load_glossaries([MINI], include_default=False)


@pytest.fixture(scope="module")
def shipped():
    return load_glossaries([], include_default=True)


@pytest.fixture(scope="module")
def seed_shipped(shipped):
    return check_lines(_lines(SEED_TH), shipped, file=str(SEED_TH))


@pytest.fixture(scope="module")
def seed_shipped_source(shipped):
    return check_lines(_lines(SEED_TH), shipped, source=_lines(SEED_VI), file=str(SEED_TH))


def _of(result, kind):
    return [f for f in result.findings if f.kind == kind]


def _texts(finding):
    return {v.text for v in finding.variants}


# --- the seed article with the shipped glossary: the list ---------------------------------------------


def test_seed_one_finding_groups_nguyen_khac_than_and_keeps_lai_van_hoan_apart(seed_shipped):
    groups = [f for f in _of(seed_shipped, "name-variants") if _texts(f) & NGUYEN]
    assert len(groups) == 1
    assert NGUYEN <= _texts(groups[0])
    assert LAI not in _texts(groups[0])
    assert groups[0].lines == [1, 3, 4, 9, 10]
    assert groups[0].suggestion == "เหงียน คัก เถิ่น"  # the glossary's Royal Institute form
    assert "glossary" in groups[0].reason


def test_seed_council_renderings_are_term_variants(seed_shipped):
    flagged = set()
    for finding in _of(seed_shipped, "term-variants"):
        for variant in finding.variants:
            flagged |= {c for c in COUNCIL if c in variant.text and variant.note != "canonical"}
        if finding.variants and any(c in v.text for v in finding.variants for c in COUNCIL):
            assert finding.suggestion and "สภาการแข่งขัน" in finding.suggestion
    assert flagged == COUNCIL


def test_seed_latin_leftovers(seed_shipped):
    texts = {f.text for f in _of(seed_shipped, "latin-leftover")}
    assert {"Nam Dinh", "Hai Duong", "Ninh Binh"} <= texts
    for finding in _of(seed_shipped, "latin-leftover"):
        assert finding.lines == [12]
        assert finding.suggestion and all("\u0e00" <= ch <= "\u0e7f" for ch in finding.suggestion)
    nam_dinh = next(f for f in _of(seed_shipped, "latin-leftover") if f.text == "Nam Dinh")
    assert "นามดิ่ญ" in nam_dinh.suggestion  # the Thai the document itself uses on line 8


def test_seed_era_boilerplate_garbage(seed_shipped):
    (era,) = _of(seed_shipped, "era-mix")
    assert {"2024"} <= {v.text for v in era.variants if "Common" in v.note}
    assert [e.new for e in era.edits] == ["2567"]
    assert [f.lines for f in _of(seed_shipped, "boilerplate")] == [[15], [16]]
    assert [f.lines for f in _of(seed_shipped, "garbage")] == [[14]]


def test_seed_with_source_lists_key_term_mismatches_per_line(seed_shipped_source):
    mismatches = _of(seed_shipped_source, "key-term-mismatch")
    by_line = {}
    for f in mismatches:
        assert len(f.lines) == 1 and f.suggestion
        by_line.setdefault(f.lines[0], set()).add(f.entity)
    for line in (1, 3, 4, 9, 10):
        assert "Nguyễn Khắc Thận" in by_line[line]
    assert "Lại Văn Hoàn" in by_line[11]
    assert not _of(seed_shipped_source, "number-mismatch")  # 6,3% = 6.3%, 235.028 tỷ = 235,028 พันล้าน


def test_seed_json_shape(seed_shipped):
    data = json.loads(json.dumps(seed_shipped.as_dict(), ensure_ascii=False))
    assert data["file"].endswith("seed_article.th.txt")
    for f in data["findings"]:
        assert f["kind"] and f["lines"] and all(isinstance(n, int) and n >= 1 for n in f["lines"])
        assert ("variants" in f) != ("text" in f)
        for v in f.get("variants", []):
            assert set(v) >= {"text", "count", "lines"}
            assert v["count"] >= 1


def test_seed_with_mini_glossary_keeps_lai_van_hoan_apart_and_uses_source(mini):
    result = check_lines(_lines(SEED_TH), mini)
    assert not any(LAI in _texts(f) for f in _of(result, "name-variants"))  # one rendering, no entry key
    with_source = check_lines(_lines(SEED_TH), mini, source=_lines(SEED_VI))
    (lai,) = [f for f in _of(with_source, "name-variants") if LAI in _texts(f)]
    assert lai.entity == "Lại Văn Hoàn" and lai.suggestion == "ไหล วัน หว่าน"
    assert "source" in lai.reason


def test_without_glossary_the_most_frequent_rendering_is_suggested():
    empty = load_glossaries([], include_default=False)
    result = check_lines(_lines(SEED_TH), empty)
    (group,) = [f for f in _of(result, "name-variants") if _texts(f) & NGUYEN]
    assert group.suggestion == "เหงียน คัก ทัน"  # 2 mentions, seen first (เหงียน ขัก ทัน also has 2)
    assert "most frequent" in group.reason


def test_source_name_without_glossary_gets_the_rule_transcription():
    empty = load_glossaries([], include_default=False)
    result = check_lines(_lines(SEED_TH), empty, source=_lines(SEED_VI))
    (group,) = [f for f in _of(result, "name-variants") if _texts(f) & NGUYEN]
    assert group.entity == "Nguyễn Khắc Thận"
    assert group.suggestion == "เหงียน คัก เถิ่น"
    assert "Royal Institute" in group.reason


def test_source_must_be_line_aligned(mini):
    with pytest.raises(ValueError):
        check_lines(["a", "b"], mini, source=["a"])


# --- detectors ----------------------------------------------------------------------------------------------


def test_name_candidates_after_titles_and_surnames():
    line = "ได้แก่ สหาย ได้แก่ นายเหงียน คัก ทัน รองเลขาธิการ ประธานสภาจังหวัด นายไหล วัน ฮว่าน สมาชิกคณะกรรมการ"
    found = [(c.text, c.kind) for c in find_name_candidates(line)]
    assert ("เหงียน คัก ทัน", "person") in found and ("ไหล วัน ฮว่าน", "person") in found
    assert not any(t.startswith("ได้แก่") for t, _ in found)
    glued = find_name_candidates("ในการประชุม ประธานเล จุ๋ง ชิญ กล่าวว่า")
    assert [c.text for c in glued] == ["เล จุ๋ง ชิญ"]


@pytest.mark.parametrize("line", [
    "นายกรัฐมนตรีมอบธงให้จังหวัด",  # นาย inside นายกรัฐมนตรี
    "เมื่อเดือนมิถุนายน 2018 บนที่ดิน",  # นาย inside มิถุนายน
    "ทนายความของเขากล่าวว่า",
    "ในครอบครัวของเรา",  # นคร inside ในครอบครัว
    "ความมั่นคงทางการเมือง ความสงบเรียบร้อย",
])
def test_name_candidates_ignore_titles_inside_words(line):
    assert find_name_candidates(line) == []


def test_place_candidates():
    texts = [c.text for c in find_name_candidates("ที่เมือง ไทบิ่ญ และจังหวัดนามดิ่ญ กับจังหวัดต่างๆ") if c.kind == "place"]
    assert texts == ["ไทบิ่ญ", "นามดิ่ญ"]


def test_thai_form_index_respects_character_clusters(mini):
    index = ThaiFormIndex(mini)
    assert [h.form for h in index.find("ประธานาธิบดี")] == []  # ประธาน + า: another word
    assert [h.form for h in index.find("รองประธานคณะกรรมการประชาชนจังหวัด")] == [
        "รองประธาน", "คณะกรรมการประชาชนจังหวัด"]


def test_thai_view_maps_back_to_the_original():
    line = "สหาย\u200bเหงียน  คัก ทัน"  # zero-width space and a double space
    view = thai_view(line)
    assert view.text == "สหายเหงียน คัก ทัน"
    start = view.text.index("เหงียน")
    a, b = view.span(start, len(view.text))
    assert line[a:b] == "เหงียน  คัก ทัน"


def test_years_and_eras():
    years = find_years("ในปี 2566 และปี พ.ศ. 2567 ส่วนปี 2024 และ ค.ศ. 2025 วันที่ 5 มีนาคม 2568 ราคา 2500 บาท")
    assert [(y.text, y.era) for y in years] == [
        ("2566", "be"), ("พ.ศ. 2567", "be"), ("2024", "ce"), ("ค.ศ. 2025", "ce"), ("2568", "be")]
    assert years[3].converted("be") == "พ.ศ. 2568"
    assert years[2].converted("be") == "2567"
    assert find_years("ปี ๒๕๖๗")[0].converted("ce") == "๒๐๒๔"


def test_numbers_after_locale_conversion():
    vi = vietnamese_numbers("đạt 6,3%, thu 235.028 tỷ đồng, năm 2023, ngày 13/3, 103 triệu đồng")
    th = thai_numbers("อยู่ที่ 6.3% รายได้ 235,028 พันล้านดอง ปี 2566 วันที่ 13 มีนาคม 103 ล้านดอง")
    assert unmatched(vi, th) == ([], [])
    missing, extra = unmatched(vietnamese_numbers("tăng 10%"), thai_numbers("เพิ่มขึ้น 12%"))
    assert [n.text for n in missing] == ["10%"] and [n.text for n in extra] == ["12%"]


def test_boilerplate():
    assert thai_boilerplate("แหล่งที่มา") and thai_boilerplate("การแสดงความคิดเห็น (0)")
    assert thai_boilerplate("แชร์") and thai_boilerplate("Bình luận (0)")
    assert thai_boilerplate("ที่มาของปัญหานี้คือการขาดแคลนน้ำในฤดูแล้งของจังหวัดทางภาคกลางของประเทศ") is None
    assert source_boilerplate("Nguồn") and source_boilerplate("Bình luận (12)")
    assert source_boilerplate("Nguồn vốn đầu tư đạt 500 tỷ đồng trong năm 2024 nhờ chính sách mới") is None


def test_garbage():
    assert find_garbage("ทุ่ทุ่")
    assert find_garbage("ผู้สื่อข่าว ข่าวข่าวข่าวข่าว")
    assert find_garbage("ข้อความ\ufffdเสีย")
    assert find_garbage(" ่าการประชุม")  # a tone mark without a consonant
    assert not find_garbage("จังหวัดต่างๆ ได้ลงนามข้อตกลง")
    assert not find_garbage("นานาประเทศร่วมประชุม")


def test_latin_leftovers(mini):
    from vnthai_mt.glossary import Matcher

    found = find_leftovers("จังหวัด Nam Dinh และ Thái Bình กับ EU และ Joko และ COVID-19", Matcher(mini))
    assert [(x.text, x.entry.vi if x.entry else None) for x in found] == [
        ("Nam Dinh", None), ("Thái Bình", "Thái Bình")]
    assert looks_vietnamese("Hai Duong") and looks_vietnamese("Hội An")
    assert not looks_vietnamese("Twitter") and not looks_vietnamese("Sutopo")


def test_name_key_joins_surname_spellings_the_phonetic_key_keeps_apart():
    from vnthai_mt.qa.thai_names import name_key, surname_of

    assert name_key("เหงียน คัก ทัน") == name_key("เหวียน ขัก ถั่น") == name_key("เหงียน คัก เถิ่น")
    assert name_key("เจิ่น วัน เลิม") == name_key("ตรัน วัน ลัม")
    assert name_key("เหงียน วัน ฮึง") != name_key("เหงียน วัน กว๋าง")
    assert name_key("ไหล วัน ฮว่าน") != name_key("เหงียน คัก ทัน")
    assert surname_of("ดิน") is None and surname_of("วิลล์") is None  # Thai words with a surname's key
    assert surname_of("เหงี๊ยน") == "Nguyễn"  # a tone misspelling, by phonetic key


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99),
       st.sampled_from([("", ""), (" tỷ", " พันล้าน"), (" triệu", " ล้าน"), ("%", "%")]))
def test_numbers_written_in_either_locale_match(whole, frac, scale):
    vi_digits = f"{whole:,}".replace(",", ".") + (f",{frac}" if frac else "")
    th_digits = f"{whole:,}" + (f".{frac}" if frac else "")
    vi = vietnamese_numbers(f"đạt {vi_digits}{scale[0]} đồng")
    th = thai_numbers(f"อยู่ที่ {th_digits}{scale[1]} ดอง")
    assert unmatched(vi, th) == ([], [])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=40), st.text(max_size=40)), min_size=1, max_size=4))
def test_check_with_any_source_never_fails(pairs):
    thai_lines = [t.replace("\n", " ").replace("\r", " ") for t, _ in pairs]
    vi_lines = [v.replace("\n", " ").replace("\r", " ") for _, v in pairs]
    result = check_lines(thai_lines, load_glossaries([MINI], include_default=False), source=vi_lines)
    json.dumps(result.as_dict(), ensure_ascii=False)


def test_a_name_written_without_its_spaces_joins_the_spaced_one():
    from vnthai_mt.qa.fix import fix_lines

    glossary = load_glossaries([], include_default=True)
    # As in a real article (eval/real-mt-extra x07): the spaced name, and the same letters run together
    # after a title no name detector takes for an introduction.
    lines = ["นายกรัฐมนตรี ฝ่ามมินห์จิ่ง และคณะเข้าร่วม", "ผู้เข้าร่วมประชุมได้แก่ นายกรัฐมนตรี ฝ่าม มินห์ จิ่ง"]
    names = [f for f in check_lines(lines, glossary).findings if f.kind == "name-variants"]
    assert [({v.text for v in f.variants}, f.suggestion) for f in names] == [
        ({"ฝ่ามมินห์จิ่ง", "ฝ่าม มินห์ จิ่ง"}, "ฝ่าม มินห์ จิ่ง")]  # a tie goes to the spaced form
    assert fix_lines(lines, glossary)[1].lines[0] == "นายกรัฐมนตรี ฝ่าม มินห์ จิ่ง และคณะเข้าร่วม"
