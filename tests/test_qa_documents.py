"""Held-out-style documents with planted inconsistencies (tests/data/qa): the check reports exactly the
findings listed in tests/data/qa/expected.json, and fixing them leaves none of the fixable kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import apply_edits, check_lines, planned_edits
from vnthai_mt.qa.document import read_document

QA = Path(__file__).resolve().parent / "data" / "qa"
CASES = json.loads((QA / "expected.json").read_text(encoding="utf-8"))["cases"]


def _run(case):
    glossary = load_glossaries([QA / g for g in case["glossaries"]], include_default=False)
    lines = read_document(QA / case["thai"]).lines
    source = read_document(QA / case["source"]).lines if case["source"] else None
    return lines, glossary, source, check_lines(lines, glossary, source=source, era=case["era"])


def _summary(finding) -> dict:
    out = {"kind": finding.kind, "lines": finding.lines}
    if finding.variants:
        out["variants"] = [v.text for v in finding.variants]
    else:
        out["text"] = finding.text
    if finding.suggestion is not None:
        out["suggestion"] = finding.suggestion
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_planted_findings(case):
    *_, result = _run(case)
    got = [_summary(f) for f in result.findings]
    assert got == case["findings"]
    assert result.exit_code == (1 if case["findings"] else 0)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_fix_then_check_again(case):
    lines, glossary, source, result = _run(case)
    fixed = apply_edits(lines, planned_edits(result))
    assert len(fixed.lines) == len(lines)
    again = check_lines(fixed.lines, glossary, source=source, era=case["era"])
    left = {f.kind for f in again.findings}
    assert not left & {"name-variants", "term-variants", "latin-leftover", "era-mix"}, [
        f.as_dict() for f in again.findings]


def test_people_with_one_surname_stay_apart():
    case = next(c for c in CASES if c["name"] == "danang")
    *_, result = _run(case)
    for finding in result.findings:
        texts = {v.text for v in finding.variants}
        assert not ({"เหงียน วัน กว๋าง", "เหงียน วัน ฮึง"} <= texts)  # Nguyễn Văn Quảng, Nguyễn Văn Hùng
