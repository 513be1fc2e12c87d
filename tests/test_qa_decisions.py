"""Per-finding decisions and the project folder: ``fix --decisions`` applies exactly what was decided,
a project's glossary validates and wins in ``check``/``fix``, its ignore list drops rejected findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.cli import main
from vnthai_mt.errors import InputError
from vnthai_mt.glossary import load_glossaries, load_glossary
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.decisions import (
    Decision,
    allowed_actions,
    apply_decisions,
    decisions_document,
    finding_ids,
    parse_decisions,
)
from vnthai_mt.qa.document import Document, read_document
from vnthai_mt.qa.project import Project, rule_for
from vnthai_mt.qa.review.session import utf16_offsets

ROOT = Path(__file__).resolve().parents[1]
SEED_TH = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
GLOSSARY = load_glossaries([], include_default=True)
LINES = read_document(SEED_TH).lines
SOURCE = read_document(SEED_VI).lines
RESULT = check_lines(LINES, GLOSSARY, source=SOURCE, file=str(SEED_TH))
IDS = dict(zip(finding_ids(RESULT), RESULT.findings))


def _find(kind: str, entity: str):
    return next((fid, f) for fid, f in IDS.items() if f.kind == kind and f.entity == entity)


def test_ids_are_stable_and_unique():
    again = check_lines(LINES, GLOSSARY, source=SOURCE, file="other-name.txt")
    assert finding_ids(again) == list(IDS)
    assert len(set(IDS)) == len(RESULT.findings)


def test_accept_equals_what_fix_writes_for_that_finding():
    fid, finding = _find("name-variants", "Nguyễn Khắc Thận")
    fixed = apply_decisions(LINES, RESULT, [Decision(fid, "accept")])
    assert fixed.applied == sorted(finding.edits, key=lambda e: (e.line, e.start))
    changed = {n for n, (a, b) in enumerate(zip(LINES, fixed.lines), start=1) if a != b}
    assert changed == {e.line for e in finding.edits}
    assert len(fixed.lines) == len(LINES)


def test_choose_edit_reject_and_undecided():
    fid, finding = _find("name-variants", "Nguyễn Khắc Thận")
    chosen = finding.variants[0].text
    fixed = apply_decisions(LINES, RESULT, [Decision(fid, "choose", chosen)])
    for variant in finding.variants[1:]:
        assert not any(variant.text in line for line in fixed.lines)
    assert sum(line.count(chosen) for line in fixed.lines) >= finding.variants[0].count
    typed = "เหงียน ขัก เถิ่น"
    fixed = apply_decisions(LINES, RESULT, [Decision(fid, "edit", typed)])
    assert sum(line.count(typed) for line in fixed.lines) == sum(v.count for v in finding.variants)
    assert apply_decisions(LINES, RESULT, [Decision(fid, "reject")]).lines == LINES
    assert apply_decisions(LINES, RESULT, []).lines == LINES
    # The last decision on a finding wins (what undo-and-decide-again sends).
    last = apply_decisions(LINES, RESULT, [Decision(fid, "edit", typed), Decision(fid, "reject")])
    assert last.lines == LINES


def test_bad_decisions_are_clear_errors():
    fid, _ = _find("name-variants", "Nguyễn Khắc Thận")
    kt = next(f for f, x in IDS.items() if x.kind == "key-term-mismatch")
    assert allowed_actions(IDS[kt]) == ["reject"]
    for decisions, words in [
        ([Decision("nv-0000000000", "accept")], "no finding"),
        ([Decision(kt, "accept")], "cannot be 'accept'ed"),
        ([Decision(fid, "choose", "ไม่มีในเอกสาร")], "not one of the renderings"),
        ([Decision(fid, "edit", "a\nb")], "line break"),
        ([Decision(fid, "edit", " ")], "reject the finding instead"),
    ]:
        with pytest.raises(InputError, match=words):
            apply_decisions(LINES, RESULT, decisions)
    for bad in [{"decisions": [{"finding": 1, "action": "accept"}]},
                {"decisions": [{"finding": "x", "action": "nope"}]},
                [{"finding": "x", "action": "edit", "text": 3}], {"nothing": []}]:
        with pytest.raises(InputError):
            parse_decisions(bad, "D.json")


def test_fix_decisions_cli_and_project(tmp_path, capsys):
    doc = tmp_path / "seed.th.txt"
    shutil.copy(SEED_TH, doc)
    nv, _ = _find("name-variants", "Nguyễn Khắc Thận")
    lv, _ = _find("name-variants", "Lại Văn Hoàn")
    garbage = next(f for f, x in IDS.items() if x.kind == "garbage")
    decisions = [Decision(nv, "accept"), Decision(lv, "edit", "ไล่ วัน ฮหว่าน"), Decision(garbage, "reject")]
    dfile = tmp_path / "d.json"
    dfile.write_text(json.dumps(decisions_document(doc.name, "", decisions), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.th.txt"
    assert main(["fix", str(doc), "--source", str(SEED_VI), "--decisions", str(dfile), "-o", str(out), "-q"]) == 0
    expected = Document.from_text(SEED_TH.read_text(encoding="utf-8"))
    expected_text = expected.text(apply_decisions(LINES, RESULT, decisions).lines)
    assert out.read_text(encoding="utf-8") == expected_text
    # The project: settled names as glossary entries, the rejection as an ignore rule.
    project = Project(tmp_path / "proj", must_exist=False)
    pairs = [(IDS[d.finding], d) for d in decisions]
    entries = project.settle(RESULT, decisions, GLOSSARY)
    assert {e.vi for e in entries} == {"Nguyễn Khắc Thận", "Lại Văn Hoàn"}
    lai = next(e for e in entries if e.vi == "Lại Văn Hoàn")
    assert lai.th == "ไล่ วัน ฮหว่าน" and "ไหล วัน ฮว่าน" in lai.th_variants
    assert GLOSSARY.lookup_vi("Lại Văn Hoàn").th in lai.th_variants  # the replaced rendering is now wrong
    project.write(project.merged_glossary(entries), project.merged_ignores(
        [rule_for(f, doc.name) for f, d in pairs if d.action == "reject"]))
    assert main(["glossary", "validate", str(project.folder), "-q"]) == 0
    assert len(load_glossary(project.glossary_path)) == 2
    capsys.readouterr()
    assert main(["check", str(out), "--source", str(SEED_VI), "--project", str(project.folder), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    entities = {(f["kind"], f.get("entity")) for f in report["findings"]}
    assert ("name-variants", "Nguyễn Khắc Thận") not in entities
    assert ("name-variants", "Lại Văn Hoàn") not in entities
    assert not any(f["kind"] == "garbage" for f in report["findings"])
    assert report["summary"]["ignored"] == 1
    # Without the project the garbage finding is back: the ignore list is what hides it.
    main(["check", str(out), "--source", str(SEED_VI), "--json"])
    assert any(f["kind"] == "garbage" for f in json.loads(capsys.readouterr().out)["findings"])
    # fix --project leaves ignored findings alone; replaying the decisions with the project gives the same file.
    replay = tmp_path / "replay.th.txt"
    assert main(["fix", str(doc), "--source", str(SEED_VI), "--project", str(project.folder),
                 "--decisions", str(dfile), "-o", str(replay), "-q"]) == 0
    assert replay.read_text(encoding="utf-8") == expected_text
    # The same from Python.
    from vnthai_mt import check, fix

    assert expected.text(fix(SEED_TH, source=SEED_VI, decisions=decisions).lines) == expected_text
    assert expected.text(fix(SEED_TH, source=SEED_VI, decisions=str(dfile)).lines) == expected_text
    in_python = check(out, source=SEED_VI, project=project.folder)
    assert in_python.ignored == 1 and not any(f.kind == "garbage" for f in in_python.findings)


def test_project_merges_and_keeps_old_renderings(tmp_path):
    project = Project(tmp_path / "p", must_exist=False)
    fid, _ = _find("name-variants", "Nguyễn Khắc Thận")
    first = project.settle(RESULT, [Decision(fid, "edit", "เหงียน คัก ทั่น")], GLOSSARY)
    project.write(project.merged_glossary(first), None)
    second = project.settle(RESULT, [Decision(fid, "accept")], GLOSSARY)
    merged = project.merged_glossary(second)
    assert len(merged) == 1 and merged[0].th == GLOSSARY.lookup_vi("Nguyễn Khắc Thận").th
    assert "เหงียน คัก ทั่น" in merged[0].th_variants


def test_settling_a_name_without_source_or_glossary(tmp_path):
    """No Vietnamese known: the entry's vi holds the Thai form, and the next check still flags the
    other rendering (the project entry makes it a known wrong one)."""
    lines = ["นายสมชาย ใจดี กล่าว", "นายสมชาย ใจดี และ นายสมชาย ใจดีย์ กล่าว"]
    from vnthai_mt.qa.findings import CheckResult, Edit, Finding, Span, Variant

    a, b = "สมชาย ใจดี", "สมชาย ใจดีย์"
    at_b = lines[1].index(b)
    spans_a = [Span(1, 3, 3 + len(a), a), Span(2, 3, 3 + len(a), a)]
    spans_b = [Span(2, at_b, at_b + len(b), b)]
    finding = Finding("name-variants", entity=a, variants=[Variant(a, spans_a), Variant(b, spans_b)],
                      suggestion=a, entity_kind="person", edits=[Edit(2, at_b, at_b + len(b), b, a)])
    assert all(lines[s.line - 1][s.start:s.end] == s.text for s in finding.all_spans)
    result = CheckResult("x.th.txt", lines, [finding])
    fid = finding_ids(result)[0]
    project = Project(tmp_path / "p", must_exist=False)
    entries = project.settle(result, [Decision(fid, "accept")], GLOSSARY)
    assert entries[0].vi == "สมชาย ใจดี" and entries[0].th_variants == ("สมชาย ใจดีย์",)
    assert "no Vietnamese source" in entries[0].note
    project.write(project.merged_glossary(entries), None)
    assert main(["glossary", "validate", str(project.folder), "-q"]) == 0
    again = check_lines(lines, load_glossaries([project.glossary_path], include_default=False))
    flagged = {v.text for f in again.findings for v in f.variants}
    assert "สมชาย ใจดีย์" in flagged


def test_project_errors(tmp_path, capsys):
    assert main(["check", str(SEED_TH), "--project", str(tmp_path / "missing")]) == 2
    assert "no such project folder" in capsys.readouterr().err
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "ignore.json").write_text('{"ignore": [\n  {"kind": 1}\n', encoding="utf-8")
    assert main(["check", str(SEED_TH), "--project", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ignore.json:3: not valid JSON" in err, err
    (bad / "ignore.json").write_text('{"ignore": [{"kind": 1}]}', encoding="utf-8")
    assert main(["check", str(SEED_TH), "--project", str(bad)]) == 2
    assert "rule 1" in capsys.readouterr().err


@pytest.mark.slow
def test_translate_uses_the_project_glossary(tmp_path, tiny_nllb_ct2):
    project = Project(tmp_path / "proj", must_exist=False)
    fid, _ = _find("name-variants", "Lại Văn Hoàn")
    project.write(project.merged_glossary(project.settle(RESULT, [Decision(fid, "edit", "ไล่ วัน ฮหว่าน")], GLOSSARY)),
                  None)
    src, out = tmp_path / "in.vi.txt", tmp_path / "out.th.txt"
    src.write_text("Đồng chí Lại Văn Hoàn phát biểu.\n", encoding="utf-8")
    common = ["translate", str(src), "-o", str(out), "--model", str(tiny_nllb_ct2), "--backend", "ctranslate2",
              "--beams", "1", "--max-new-tokens", "24", "--threads", "1", "-q"]
    assert main([*common, "--project", str(project.folder)]) == 0
    assert "ไล่ วัน ฮหว่าน" in out.read_text(encoding="utf-8")
    assert main(common) == 0
    assert "ไล่ วัน ฮหว่าน" not in out.read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(IDS)), st.integers(0, 3), st.text(max_size=8)), max_size=12))
def test_any_decisions_keep_lines_and_touch_only_decided_lines(picks):
    decisions = []
    for fid, n, typed in picks:
        finding = IDS[fid]
        action = allowed_actions(finding)[n % len(allowed_actions(finding))]
        text = None
        if action == "choose":
            text = finding.variants[n % len(finding.variants)].text
        elif action == "edit":
            text = typed.replace("\n", " ").replace("\r", " ").strip() or "ก"
        decisions.append(Decision(fid, action, text))
    fixed = apply_decisions(LINES, RESULT, decisions)
    assert len(fixed.lines) == len(LINES)
    decided = {line for fid, *_ in picks for line in IDS[fid].lines}
    for number, (old, new) in enumerate(zip(LINES, fixed.lines), start=1):
        assert old == new or number in decided


def test_review_cli_refuses_bad_input_before_serving(tmp_path, capsys):
    pytest.importorskip("starlette")
    short = tmp_path / "short.vi.txt"
    short.write_text("một dòng\n", encoding="utf-8")
    for argv in (["review", str(tmp_path / "missing.th.txt")], ["review", str(SEED_TH), "--source", str(short)],
                 ["review", str(tmp_path)], ["review", str(SEED_TH), "--port", "70000"],
                 ["review", str(SEED_TH), str(SEED_TH), "--source", str(SEED_VI)]):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err


def test_review_folder_pairs_sources(tmp_path):
    from vnthai_mt.cli.review import _expand, _sources

    th, vi = tmp_path / "th", tmp_path / "vi"
    th.mkdir()
    vi.mkdir()
    for name in ("a", "b"):
        (th / f"{name}.th.txt").write_text("ก\n", encoding="utf-8")
    (vi / "a.vi.txt").write_text("a\n", encoding="utf-8")
    files = _expand([str(th)])
    assert [f.name for f in files] == ["a.th.txt", "b.th.txt"]
    assert _sources(files, str(vi)) == [vi / "a.vi.txt", None]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_utf16_offsets_match_javascript_indexing(line):
    table = utf16_offsets(line)
    for i in range(len(line) + 1):
        expected = len(line[:i].encode("utf-16-le")) // 2
        assert (i if table is None else table[i]) == expected


def test_two_tabs_settling_one_name_differently_is_a_conflict(tmp_path):
    pytest.importorskip("starlette")
    from vnthai_mt.qa.review.session import Conflict, ReviewFile, Workspace

    for name in ("a.th.txt", "b.th.txt"):
        shutil.copy(SEED_TH, tmp_path / name)
    project = Project(tmp_path / "proj", must_exist=False)
    ws = Workspace([ReviewFile(tmp_path / "a.th.txt", SEED_VI), ReviewFile(tmp_path / "b.th.txt", SEED_VI)],
                   project=project)
    tab_a, tab_b = ws.payload(0), ws.payload(1)

    def decision(page, text):
        fid = next(f["id"] for f in page["findings"]
                   if f["kind"] == "name-variants" and f["entity"] == "Nguyễn Khắc Thận")
        return [Decision(fid, "edit", text)]

    ws.save(0, tab_a["file"]["sha256"], tab_a["project"]["stamp"], decision(tab_a, "เหงียน คัก ทั่น"))
    before = (tmp_path / "b.th.txt").read_bytes()
    with pytest.raises(Conflict, match="another tab or editor settled Nguyễn Khắc Thận"):
        ws.save(1, tab_b["file"]["sha256"], tab_b["project"]["stamp"], decision(tab_b, "เหงียน ขัก เถิ่น"))
    assert (tmp_path / "b.th.txt").read_bytes() == before  # nothing written
    # The same rendering is no conflict: both saves land, one glossary entry.
    ws.save(1, tab_b["file"]["sha256"], tab_b["project"]["stamp"], decision(tab_b, "เหงียน คัก ทั่น"))
    assert [e.th for e in project.glossary()] == ["เหงียน คัก ทั่น"]
    assert len(list((project.folder / "decisions").glob("*.json"))) == 2
