"""The shipped glossaries (glossaries/*.tsv): they load, are complete, sourced, consistent with themselves
and with the script that generates them, and find every person, province, body and title of the seed
article, including its decomposed-Unicode line and its old-style tones."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.glossary import Glossary, Matcher, default_glossary_paths, load_glossaries, load_glossary
from vnthai_mt.glossary.loader import th_key, vi_key
from vnthai_mt.text import thai, vietnamese

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY_DIR = ROOT / "src" / "vnthai_mt" / "data" / "glossaries"
SHIPPED = sorted(GLOSSARY_DIR.glob("*.tsv"))
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
SEED_TH = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
RI_SOURCE = "rule: Royal Institute transcription (wunsen)"

# The 63 provincial-level units before 2025 and the 34 from 2025-07-01 (Resolution 202/2025/QH15).
PRE_2025 = [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình",
    "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
    "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh",
]
CURRENT = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "Huế"}


@lru_cache(maxsize=1)
def shipped() -> Glossary:
    return load_glossaries(SHIPPED, include_default=False)


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher(shipped())


def seed_lines() -> list[str]:
    return SEED_VI.read_text(encoding="utf-8").split("\n")


def province_entry(name: str):
    """The bare name, or 'thành phố X' for a centrally-run city (bare Hồ Chí Minh is the person)."""
    glossary = shipped()
    if name in CITIES:
        return glossary.lookup_vi(f"thành phố {name}")
    return glossary.lookup_vi(name)


# --- loading, size, sources ---------------------------------------------------------------------------


def test_the_five_files_are_shipped_and_loaded_by_default(monkeypatch):
    assert [p.name for p in SHIPPED] == ["emulation.tsv", "foreign.tsv", "people.tsv", "places.tsv", "titles.tsv"]
    monkeypatch.delenv("VNTHAI_MT_GLOSSARY_DIR", raising=False)
    assert [p.resolve() for p in default_glossary_paths()] == [p.resolve() for p in SHIPPED]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_each_file_loads_without_errors(path):
    assert len(load_glossary(path)) > 0


def test_at_least_300_entries_and_no_file_overrides_another():
    per_file = sum(len(load_glossary(p)) for p in SHIPPED)
    assert per_file >= 300
    # Stacking drops an entry whose Vietnamese form a later file also has: nothing may be lost.
    assert len(shipped()) == per_file


def test_readme_table_gives_the_current_counts():
    readme = (GLOSSARY_DIR / "README.md").read_text(encoding="utf-8")
    glossary = shipped()
    counts = glossary.counts_by_kind()
    total_row = f"| **total** | **{len(glossary)}** | " + " | ".join(
        str(counts[k]) for k in ("person", "place", "org", "title", "term")) + " |"
    assert total_row in readme, "update the table in glossaries/README.md"
    for path in SHIPPED:
        file_counts = load_glossary(path).counts_by_kind()
        row = f"| `{path.name}` | {len(load_glossary(path))} | " + " | ".join(
            str(file_counts[k]) for k in ("person", "place", "org", "title", "term")) + " |"
        assert row in readme, f"update the {path.name} row in glossaries/README.md"


def test_every_entry_has_a_source_and_every_kind_is_used():
    glossary = shipped()
    assert [e.vi for e in glossary if not e.source.strip()] == []
    assert all(count > 0 for count in glossary.counts_by_kind().values())


# --- provinces ------------------------------------------------------------------------------------------


def test_lists_have_the_right_sizes():
    assert len(set(PRE_2025)) == 63 and len(set(CURRENT)) == 34
    assert set(CURRENT) - set(PRE_2025) == {"Huế"}


@pytest.mark.parametrize("name", sorted(set(PRE_2025) | set(CURRENT)))
def test_every_province_is_present_with_its_prefixed_form(name):
    glossary = shipped()
    entry = province_entry(name)
    assert entry is not None and entry.kind == "place", name
    if name in CURRENT:
        assert entry.valid == "", f"{name} is a current unit"
    else:
        assert entry.valid.startswith("until 202"), f"{name} was merged or renamed"
    if name in CITIES:
        assert entry.th.startswith(("นคร", "กรุง"))
    else:
        prefixed = glossary.lookup_vi(f"tỉnh {name}")
        bare = glossary.lookup_vi(name)
        assert prefixed.th == "จังหวัด" + bare.th
        assert prefixed.valid == bare.valid


# --- consistency ------------------------------------------------------------------------------------------


def test_no_wrong_variant_is_a_canonical_rendering_in_any_file():
    # The loader checks this per file; across files stacking would silently drop the variant.
    glossary = shipped()
    canonical = {th_key(e.th): e.vi for e in glossary}
    clashes = [(e.vi, v, canonical[th_key(v)]) for e in glossary for v in e.th_variants if th_key(v) in canonical]
    assert clashes == []


def test_canonical_renderings_are_unique():
    counts = Counter(th_key(e.th) for e in shipped())
    assert [th for th, n in counts.items() if n > 1] == []


def test_no_two_entries_share_a_matching_key():
    # The matcher also adds diacritic-free forms of multi-word terms; a shared key would shadow an entry.
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in shipped():
        forms = set(entry.all_vi())
        forms |= {vietnamese.strip_diacritics(f) for f in forms if " " in f.strip()}
        for form in forms:
            owners[vi_key(form)].add(entry.vi)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


# Thai for each level; bare "xã" is not an entry (it would match inside "xã hội", society).
LEVELS = {"tỉnh": "จังหวัด", "thành phố": "นคร", "huyện": "อำเภอ", "quận": "เขต", "xã": "ตำบล", "phường": "แขวง"}
COMMITTEES = ["Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Đảng ủy xã", "Đảng ủy phường"]


@pytest.mark.parametrize("level", LEVELS)
def test_state_titles_are_composed_from_their_parts(level):
    glossary = shipped()
    assert glossary.lookup_vi(level) is None or glossary.lookup_vi(level).th == LEVELS[level]
    th = {vi: glossary.lookup_vi(vi).th for vi in (
        f"UBND {level}", f"Chủ tịch UBND {level}", f"Phó Chủ tịch UBND {level}",
        f"HĐND {level}", f"Chủ tịch HĐND {level}", f"Phó Chủ tịch HĐND {level}")}
    assert th[f"UBND {level}"] == glossary.lookup_vi("UBND").th + LEVELS[level]
    assert th[f"HĐND {level}"] == glossary.lookup_vi("HĐND").th + LEVELS[level]
    for body in ("UBND", "HĐND"):
        assert th[f"Chủ tịch {body} {level}"] == "ประธาน" + th[f"{body} {level}"]
        assert th[f"Phó Chủ tịch {body} {level}"] == "รองประธาน" + th[f"{body} {level}"]


@pytest.mark.parametrize("committee", COMMITTEES)
def test_party_titles_are_composed_from_their_parts(committee):
    glossary = shipped()
    base = glossary.lookup_vi(committee).th
    assert glossary.lookup_vi(f"Bí thư {committee}").th == glossary.lookup_vi("Bí thư").th + base
    assert glossary.lookup_vi(f"Phó Bí thư {committee}").th == glossary.lookup_vi("Phó Bí thư").th + base
    standing = glossary.lookup_vi(f"Ban Thường vụ {committee}").th
    assert glossary.lookup_vi(f"Ủy viên Ban Thường vụ {committee}").th == "สมาชิก" + standing


def test_emulation_titles_are_composed_from_their_parts():
    glossary = shipped()
    thi_dua = glossary.lookup_vi("thi đua").th
    council = glossary.lookup_vi("Hội đồng Thi đua - Khen thưởng").th
    assert council.startswith("สภา" + thi_dua)
    for level, suffix in (("tỉnh", "จังหวัด"), ("Trung ương", "กลาง")):
        body = glossary.lookup_vi(f"Hội đồng Thi đua - Khen thưởng {level}").th
        assert body == council + suffix
        assert glossary.lookup_vi(f"Chủ tịch Hội đồng Thi đua - Khen thưởng {level}").th == "ประธาน" + body
    assert glossary.lookup_vi("Ban Thi đua - Khen thưởng Trung ương").th == (
        glossary.lookup_vi("Ban Thi đua - Khen thưởng").th + "กลาง")
    for term in ("Cụm thi đua", "Cờ thi đua", "giao ước thi đua", "phong trào thi đua"):
        assert "แข่งขัน" in glossary.lookup_vi(term).th, term


# --- reproducibility and transcription ------------------------------------------------------------------


def test_committed_files_match_the_build_script(load_script):
    assert load_script("build_glossary").main(["--check", "--out", str(GLOSSARY_DIR)]) == 0


def test_build_script_writes_files_that_load(tmp_path, load_script):
    assert load_script("build_glossary").main(["--out", str(tmp_path)]) == 0
    assert sum(len(load_glossary(p)) for p in sorted(tmp_path.glob("*.tsv"))) == len(shipped())


def test_transcribed_names_follow_the_royal_institute_rules():
    wunsen = pytest.importorskip("wunsen")
    transcriber = wunsen.ThapSap("vi")
    checked = 0
    for entry in shipped():
        if not entry.source.startswith(RI_SOURCE):
            continue
        name = entry.vi.removeprefix("tỉnh ")
        expected = transcriber.thap(name).replace("งเหวียน", "เหงียน")  # established form (RI rule 4)
        if entry.kind == "place":
            expected = expected.replace(" ", "")  # place names are written joined
        if name != entry.vi:
            expected = "จังหวัด" + expected
        assert entry.th == expected, entry.vi
        checked += 1
    assert checked >= 15


# --- the seed article -----------------------------------------------------------------------------------

# canonical Vietnamese -> number of occurrences in examples/seed_article.vi.txt
EXPECTED_COUNTS = {
    "Nguyễn Khắc Thận": 5,
    "Lại Văn Hoàn": 2,
    "Thu Thủy": 1,
    "thành phố Thái Bình": 1,
    "tỉnh Nam Định": 2,
    "tỉnh Hưng Yên": 1,
    "Quảng Ninh": 1,
    "tỉnh Hải Dương": 1,
    "tỉnh Ninh Bình": 1,
    "Phó Bí thư Tỉnh ủy": 6,
    "Chủ tịch Ủy ban nhân dân tỉnh": 6,
    "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh": 6,
    "Ủy viên Ban Thường vụ Tỉnh ủy": 2,
    "Phó Chủ tịch Ủy ban nhân dân tỉnh": 2,
    "Ban Thi đua - Khen thưởng Trung ương": 2,
    "Hội đồng Thi đua - Khen thưởng": 1,
    "Ủy ban nhân dân": 1,
    "Cụm thi đua các tỉnh đồng bằng sông Hồng": 2,
    "Cụm trưởng": 3,
    "Cụm phó": 3,
    "ký kết giao ước thi đua": 3,
    "phong trào thi đua yêu nước": 1,
    "phát động phong trào thi đua": 1,
    "Thủ tướng": 1,
    "Cờ thi đua": 1,
    "Bằng khen của Thủ tướng Chính phủ": 1,
    "đạt chuẩn nông thôn mới nâng cao": 1,
    "đạt chuẩn nông thôn mới kiểu mẫu": 1,
    "tổng kết công tác thi đua, khen thưởng": 1,
    "công tác thi đua, khen thưởng": 3,
    "thi đua, khen thưởng": 1,
}


def test_seed_article_finds_every_person_province_body_and_title():
    found = Counter(m.entry.vi for line in seed_lines() for m in matcher().find(line))
    missing = {vi: (found[vietnamese.normalize(vi)], n) for vi, n in EXPECTED_COUNTS.items()
               if found[vietnamese.normalize(vi)] != n}
    assert missing == {}


def test_seed_matches_point_at_the_original_text():
    for line in seed_lines():
        for m in matcher().find(line):
            assert m.start < m.end and line[m.start:m.end] == m.source
            assert vi_key(m.source) in {vi_key(f) for f in m.entry.all_vi()} | {
                vi_key(vietnamese.strip_diacritics(f)) for f in m.entry.all_vi()}


def test_seed_line_in_decomposed_unicode():
    line = seed_lines()[3]
    assert unicodedata.is_normalized("NFD", line) and not unicodedata.is_normalized("NFC", line)
    found = {m.entry.vi: m.source for m in matcher().find(line)}
    expected = {"Nguyễn Khắc Thận": "Nguyễn Khắc Thận", "Phó Bí thư Tỉnh ủy": "Phó Bí thư Tỉnh ủy",
                "Chủ tịch Ủy ban nhân dân tỉnh": "Chủ tịch UBND tỉnh",
                "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh": "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh"}
    for vi, written in expected.items():
        source = found[vietnamese.normalize(vi)]
        assert unicodedata.is_normalized("NFD", source)  # the text as written, not a normalized copy
        assert unicodedata.normalize("NFC", source) == written


def test_seed_old_style_tones_and_ubnd_tinh():
    sources = {m.source: m.entry.vi for m in matcher().find(seed_lines()[2])}
    assert sources["Phó Bí thư Tỉnh uỷ"] == "Phó Bí thư Tỉnh ủy"
    assert sources["Chủ tịch Uỷ ban nhân dân tỉnh"] == "Chủ tịch Ủy ban nhân dân tỉnh"
    sources = {m.source: m.entry.vi for m in matcher().find(seed_lines()[0])}
    assert sources["Chủ tịch UBND tỉnh"] == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert sources["Phó Chủ tịch UBND tỉnh"] == "Phó Chủ tịch Ủy ban nhân dân tỉnh"


# Wrong renderings in examples/seed_article.th.txt -> the entry that records them as a Thai variant.
SEED_WRONG = {
    "เหงียน คัก ทัน": "Nguyễn Khắc Thận",
    "เหงียน ข่าก ถั่น": "Nguyễn Khắc Thận",
    "เหงียน ขัก ทัน": "Nguyễn Khắc Thận",
    "ไหล วัน ฮว่าน": "Lại Văn Hoàn",
    "ทุ่ทุ่": "Thu Thủy",
    "สภาจำลองจังหวัด": "Hội đồng Thi đua - Khen thưởng tỉnh",
    "สภาจำลองเศรษฐกิจจังหวัด": "Hội đồng Thi đua - Khen thưởng tỉnh",
    "สภาพัฒนาเศรษฐกิจจังหวัด": "Hội đồng Thi đua - Khen thưởng tỉnh",
    "สภาเลียนแบบและยกย่องจังหวัด": "Hội đồng Thi đua - Khen thưởng tỉnh",
    "ประธานสภาจำลองจังหวัด": "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
    "ประธานสภาพัฒนาเศรษฐกิจจังหวัด": "Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh",
    "สภาจำลอง": "Hội đồng Thi đua - Khen thưởng",
    "จำลอง": "thi đua",
    "เลียนแบบ": "thi đua",
    "คลัสเตอร์จำลอง": "Cụm thi đua",
    "คลัสเตอร์จำลองของจังหวัดสามเหลี่ยมปากแม่น้ำแดง": "Cụm thi đua các tỉnh đồng bằng sông Hồng",
    "ธงจำลอง": "Cờ thi đua",
    "คณะกรรมการจำลองกลาง": "Ban Thi đua - Khen thưởng Trung ương",
    "คณะกรรมการเศรษฐกิจกลาง": "Ban Thi đua - Khen thưởng Trung ương",
    "ข้อตกลงจำลอง": "giao ước thi đua",
    "งานจำลองและให้รางวัล": "công tác thi đua, khen thưởng",
    "ขบวนการเลียนแบบรักชาติ": "phong trào thi đua yêu nước",
    "เปิดตัวโครงการจำลอง": "phát động phong trào thi đua",
    "ผู้นำคลัสเตอร์": "Cụm trưởng",
    "ผู้นำรองคลัสเตอร์": "Cụm phó",
    "รองเลขาธิการคณะกรรมการพรรคประจำจังหวัด": "Phó Bí thư Tỉnh ủy",
    "สมาชิกคณะกรรมการพรรคประจำจังหวัด": "Ủy viên Ban Thường vụ Tỉnh ủy",
    "รองประธานคณะกรรมการประชาชนประจำจังหวัด": "Phó Chủ tịch Ủy ban nhân dân tỉnh",
    "หุ่งเอียน": "Hưng Yên",
    "กวางนิญ": "Quảng Ninh",
    "ไทบิ่ญ": "Thái Bình",
    "Nam Dinh": "Nam Định",
    "Hai Duong": "Hải Dương",
    "Ninh Binh": "Ninh Bình",
    "สามเหลี่ยมปากแม่น้ำแดง": "đồng bằng sông Hồng",
    "โมเดลขั้นสูง": "mô hình tiên tiến",
}


def test_seed_article_wrong_renderings_are_recorded_as_variants():
    thai_seed = thai.normalize(SEED_TH.read_text(encoding="utf-8"))
    by_variant = shipped().by_th_variant
    for wrong, vi in SEED_WRONG.items():
        assert thai.normalize(wrong) in thai_seed, f"{wrong} is not in the Thai seed article"
        owners = {e.vi for e in by_variant.get(th_key(wrong), [])}
        assert vietnamese.normalize(vi) in owners, f"{wrong} is not a variant of {vi}"


def test_seed_person_rendering_is_the_royal_institute_one():
    entry = shipped().lookup_vi("Nguyen Khac Than") or shipped().lookup_vi("Nguyễn Khắc Thận")
    assert entry.th == "เหงียน คัก เถิ่น"
    assert [m.entry.vi for m in matcher().find("ông Nguyen Khac Than phát biểu")] == ["Nguyễn Khắc Thận"]


# --- every form of every entry is found as itself -------------------------------------------------------


def test_every_form_is_found_alone_and_decomposed():
    missed = []
    for entry in shipped():
        for form in entry.all_vi():
            for written in (form, unicodedata.normalize("NFD", form)):
                if not any(m.entry is entry and m.source == written for m in matcher().find(written)):
                    missed.append(form)
    assert missed == []


def _all_forms() -> list[tuple[str, str]]:
    return sorted({(form, e.vi) for e in shipped() for form in e.all_vi()})


@settings(max_examples=300, deadline=None)
@given(pair=st.sampled_from(_all_forms()), decompose=st.booleans(),
       left=st.sampled_from(["", "Hôm qua, ", "(", "\u201c", "- "]),
       right=st.sampled_from(["", ".", ")", "\u201d nói", ", hôm nay"]))
def test_every_form_matches_its_own_entry(pair, decompose, left, right):
    form, vi = pair
    written = unicodedata.normalize("NFD", form) if decompose else form
    text = left + written + right
    matches = matcher().find(text)
    assert any(m.entry.vi == vi and m.source == written for m in matches), (text, [m.entry.vi for m in matches])
