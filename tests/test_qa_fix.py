"""`fix`: suggestions applied to matched spans only, the number of lines kept, the seed article cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import apply_edits, check_lines, planned_edits, unified_diff
from vnthai_mt.qa.document import Document
from vnthai_mt.qa.findings import Edit
from vnthai_mt.qa.thai_match import cluster_end_ok, cluster_start_ok

ROOT = Path(__file__).resolve().parents[1]
SEED_TH = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
MINI = ROOT / "tests" / "data" / "mini.tsv"
FIXABLE_AFTER = {"name-variants", "term-variants", "latin-leftover"}

_MINI = load_glossaries([MINI], include_default=False)
_EMPTY = load_glossaries([], include_default=False)


def _lines(path: Path) -> list[str]:
    return Document.from_text(path.read_text(encoding="utf-8")).lines


@pytest.mark.parametrize("with_source", [False, True])
def test_seed_fix_then_check_with_shipped_glossary(with_source):
    glossary = load_glossaries([], include_default=True)
    lines = _lines(SEED_TH)
    source = _lines(SEED_VI) if with_source else None
    result = check_lines(lines, glossary, source=source)
    fixed = apply_edits(lines, planned_edits(result))
    assert len(fixed.lines) == len(lines)
    for skipped in fixed.skipped:  # only ever because another edit took the span
        assert any(skipped.start < a.end and a.start < skipped.end for a in fixed.applied if a.line == skipped.line)
    again = check_lines(fixed.lines, glossary, source=source)
    assert not {f.kind for f in again.findings} & FIXABLE_AFTER, [f.as_dict() for f in again.findings]
    assert "2024" not in fixed.lines[1]  # era fixed to 2567
    assert "Nam Dinh" not in fixed.lines[11]


def test_only_restricts_kinds():
    lines = _lines(SEED_TH)
    result = check_lines(lines, _MINI)
    fixed = apply_edits(lines, planned_edits(result, ["latin-leftover"]))
    changed = [i for i, (a, b) in enumerate(zip(lines, fixed.lines)) if a != b]
    assert changed == [11]  # line 12 only: Nam Dinh, Hai Duong, Ninh Binh
    assert "เหงียน คัก ทัน" in fixed.lines[0]


def test_overlapping_and_stale_edits_are_skipped():
    lines = ["abcdef"]
    edits = [Edit(1, 0, 3, "abc", "X"), Edit(1, 2, 4, "cd", "Y"), Edit(1, 4, 6, "zz", "Z")]
    fixed = apply_edits(lines, edits)
    assert fixed.lines == ["Xdef"]
    assert len(fixed.skipped) == 2


def test_replacement_never_adds_a_line():
    fixed = apply_edits(["ab"], [Edit(1, 0, 1, "a", "x\ny")])
    assert fixed.lines == ["x yb"]


def test_unified_diff():
    diff = unified_diff("f.th", "a\nb\n", "a\nc\n")
    assert diff.startswith("--- f.th\n+++ f.th (fixed)\n") and "-b\n+c\n" in diff
    assert unified_diff("f.th", "same\n", "same\n") == ""


# --- properties ----------------------------------------------------------------------------------------------

_PIECES = [
    "สหาย", "นาย", "นาง", "ประธาน", "รองประธาน", "เหงียน", "คัก", "ทัน", "ข่าก", "ถั่น", "ขัก", "เถิ่น", "ไหล", "วัน",
    "ฮว่าน", "เหงียน คัก ทัน", "เหงียน ข่าก ถั่น", "ไทบิ่ญ", "ท้ายบิ่ญ", "จังหวัด", "เมือง", "นามดิ่ญ",
    "สภาจำลองจังหวัด", "คณะกรรมการประชาชนจังหวัด", "ประธานาธิบดี", "Nam Dinh", "Thái Bình", "EU", "Hai Duong",
    "ปี", "พ.ศ.", "ค.ศ.", "2024", "2566", "๒๕๖๗", "6.3%", "ทุ่ทุ่", "แหล่งที่มา", "การ", "ที่", "ๆ", "่", "า", "ำ",
    "<b>", "&", "\u200b", "\t", "\r",
]
_LINE = st.lists(st.sampled_from(_PIECES), max_size=12).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " ", "  "]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))))
_DOC = st.lists(_LINE, min_size=1, max_size=6)


def _gaps(line: str, spans: list[tuple[int, int]]) -> list[str]:
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(line[pos:a])
        pos = b
    out.append(line[pos:])
    return out


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOC, st.booleans())
def test_fix_keeps_lines_and_touches_only_matched_spans(lines, glossary_on):
    glossary = _MINI if glossary_on else _EMPTY
    result = check_lines(lines, glossary)
    reported = {(s.line, s.start, s.end) for f in result.findings for s in f.all_spans}
    fixed = apply_edits(lines, planned_edits(result))
    assert len(fixed.lines) == len(lines)
    for number, (old, new) in enumerate(zip(lines, fixed.lines), start=1):
        applied = [e for e in fixed.applied if e.line == number]
        for e in applied:
            assert (e.line, e.start, e.end) in reported  # only what a finding matched
            assert old[e.start:e.end] == e.old
            if "\u0e00" <= old[e.start] <= "\u0e7f":
                assert cluster_start_ok(old, e.start)
            if "\u0e00" <= old[e.end - 1] <= "\u0e7f":
                assert cluster_end_ok(old, e.end)
        # Everything outside the edited spans is unchanged, in order.
        new_spans, shift = [], 0
        for e in sorted(applied, key=lambda e: e.start):
            new_spans.append((e.start + shift, e.start + shift + len(e.new)))
            shift += len(e.new) - (e.end - e.start)
        assert _gaps(old, [(e.start, e.end) for e in applied]) == _gaps(new, new_spans)
    doc = Document.from_text("\n".join(lines) + "\n")
    assert doc.text(fixed.lines).count("\n") == doc.text().count("\n")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_document_round_trip_and_check_never_fails(text):
    doc = Document.from_text(text)
    assert doc.text() == text
    result = check_lines(doc.lines, _MINI)
    fixed = apply_edits(doc.lines, planned_edits(result))
    assert len(fixed.lines) == len(doc.lines)
