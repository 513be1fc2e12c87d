"""A person's title cut short on some mentions (qa/titles.py), through check and fix.

The lines imitate the pattern of a real machine translation (real-mt mt04: เลขาธิการใหญ่ โต ลัม three
times, เลขาธิการโต ลัม once); they were written for this test.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa.consistency import check_lines
from vnthai_mt.qa.fix import fix_lines
from vnthai_mt.qa.titles import _cut_short, rank_words

_GLOSSARY = load_glossaries([], include_default=True)


@pytest.fixture(scope="module")
def glossary():
    return _GLOSSARY


def _titles(result):
    return [f for f in result.findings if f.kind == "term-variants" and f.entity_kind == "title"]


def test_a_dropped_rank_word_is_found_and_fixed(glossary):
    lines = ["เลขาธิการใหญ่ โต เลิม เดินทางถึงนครดานัง",
             "ในงานดังกล่าวมีเลขาธิการโต เลิม เข้าร่วมด้วย",
             "เลขาธิการใหญ่โต เลิม กล่าวปราศรัย"]
    found = _titles(check_lines(lines, glossary))
    assert len(found) == 1
    f = found[0]
    assert f.entity == "Tổng Bí thư" and f.suggestion == "เลขาธิการใหญ่"
    assert {v.text: v.count for v in f.variants} == {"เลขาธิการใหญ่": 2, "เลขาธิการ": 1}
    assert [(e.line, e.old, e.new) for e in f.edits] == [(2, "เลขาธิการ", "เลขาธิการใหญ่")]
    fixed = fix_lines(lines, glossary)[1].lines
    assert fixed[1] == "ในงานดังกล่าวมีเลขาธิการใหญ่โต เลิม เข้าร่วมด้วย"
    assert fixed[0] == lines[0] and fixed[2] == lines[2]


def test_a_wrong_fuller_form_joins_the_glossary_finding(glossary):
    # เลขาธิการทั่วไป is listed as wrong for Tổng Bí thư: the cut-short mentions go to the canonical form.
    lines = ["เลขาธิการทั่วไป เหงียน ฟู้ จ่อง (ภาพ: VNA)", "ประธานาธิบดีมอบเหรียญแก่เลขาธิการเหงียนฟู้จ่อง"]
    found = [f for f in _titles(check_lines(lines, glossary)) if f.entity == "Tổng Bí thư"]
    assert len(found) == 1 and found[0].suggestion == "เลขาธิการใหญ่พรรค"
    assert {e.old for e in found[0].edits} == {"เลขาธิการทั่วไป", "เลขาธิการ"}
    fixed = fix_lines(lines, glossary)[1].lines
    assert all("เลขาธิการใหญ่พรรค" in line for line in fixed)


def test_other_people_and_other_shortenings_are_left_alone(glossary):
    # Different people: one is Tổng Bí thư, the other Bí thư; and a title shortened by its body, as
    # Vietnamese news does itself on a later mention.
    lines = ["เลขาธิการใหญ่ โต เลิม พบกับเลขาธิการ เหงียน วัน เนน",
             "ประธานคณะกรรมการประชาชนจังหวัด เจิ่น วัน เหียบ กล่าว", "ต่อมาประธาน เจิ่น วัน เหียบ ได้ตรวจงาน"]
    assert _titles(check_lines(lines, glossary)) == []


def test_cut_short_needs_a_rank_word_at_a_word_edge():
    assert "ใหญ่" in rank_words()
    assert _cut_short("เลขาธิการ", "เลขาธิการใหญ่")
    assert _cut_short("เลขาธิการ", "เลขาธิการใหญ่พรรค")  # rank word, then one word
    assert not _cut_short("ประธาน", "ประธานาธิบดี")  # not at a word edge
    assert not _cut_short("ประธาน", "ประธานคณะกรรมการประชาชนจังหวัด")  # a body, not a rank
    assert not _cut_short("เลขาธิการ", "เลขาธิการ")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["เลขาธิการใหญ่ โต เลิม", "เลขาธิการโต เลิม", "เลขาธิการทั่วไป โต เลิม",
                                 "ประธาน โต เลิม", " และ", "(ภาพ)", "เลขาธิการ", "ใหญ่"]), min_size=1, max_size=8),
       st.integers(1, 3))
def test_edits_always_read_what_they_replace(parts, lines_count):
    glossary = _GLOSSARY
    lines = ["".join(parts[i::lines_count]) for i in range(lines_count)]
    result = check_lines(lines, glossary)
    for finding in _titles(result):
        for e in finding.edits:
            assert lines[e.line - 1][e.start:e.end] == e.old
    fix_lines(lines, glossary)  # never raises, whatever the mix


def test_a_title_with_no_name_after_it(glossary):
    # As in a real article (eval/real-mt-extra x03): the full title twice, then the bare word alone.
    lines = ["เป็นเกียรติที่ได้ต้อนรับเลขาธิการใหญ่เหงียน ฟู้ จ่อง มาเยือน", "ท่านเลขาธิการใหญ่ได้กล่าวขอบคุณ",
             "จะจดจำคำแนะนำของเลขาธิการไว้"]
    found = _titles(check_lines(lines, glossary))
    assert [(f.entity, f.suggestion, [(e.line, e.old) for e in f.edits]) for f in found] == [
        ("Tổng Bí thư", "เลขาธิการใหญ่", [(3, "เลขาธิการ")])]
    # Another title starting the same way makes the bare word ambiguous: left alone.
    ambiguous = [*lines, "เลขาธิการคณะกรรมการพรรคจังหวัดกล่าวต้อนรับ"]
    assert _titles(check_lines(ambiguous, glossary)) == []
    # So does a named person whose whole title it is.
    someone = [*lines, "เลขาธิการ เหงียน วัน เนน กล่าวต้อนรับ"]
    assert _titles(check_lines(someone, glossary)) == []


def test_a_title_with_its_middle_words_left_out(glossary):
    # As in a real article (eval/real-mt-extra x09): the full provincial title, and the same title
    # without คณะกรรมการพรรค, glued to the province's name.
    lines = ["นายเหงียน มาญ ซุง รองเลขาธิการจังหวัดห่าซาง ได้รับมอบหมาย",
             "ก่อนหน้านี้เขาดำรงตำแหน่งรองเลขาธิการคณะกรรมการพรรคจังหวัด"]
    found = [f for f in _titles(check_lines(lines, glossary)) if f.entity == "Phó Bí thư Tỉnh ủy"]
    assert len(found) == 1 and found[0].suggestion == "รองเลขาธิการคณะกรรมการพรรคจังหวัด"
    assert [(e.line, e.old) for e in found[0].edits] == [(1, "รองเลขาธิการจังหวัด")]
    fixed = fix_lines(lines, glossary)[1].lines
    assert fixed[0] == "นายเหงียน มาญ ซุง รองเลขาธิการคณะกรรมการพรรคจังหวัดห่าซาง ได้รับมอบหมาย"
    # An ordinary phrase made of a title's first and last words is not that title: สมาชิกพรรค.
    members = ["สมาชิกคณะกรรมการกลางพรรค เหงียน วัน เนน", "สมาชิกพรรคทุกคนเข้าร่วม"]
    assert not [f for f in _titles(check_lines(members, glossary)) if "สมาชิกพรรค" in {v.text for v in f.variants}]
