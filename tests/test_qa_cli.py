"""`vnthai-mt check` and `vnthai-mt fix` from the command line: formats, exit codes, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnthai_mt.cli import main

ROOT = Path(__file__).resolve().parents[1]
QA = ROOT / "tests" / "data" / "qa"
SEED_TH = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
TEST_GLOSSARY = ["--no-default-glossary", "-g", str(QA / "glossary.tsv")]


def test_check_exit_codes(capsys):
    assert main(["check", str(QA / "clean.th.txt"), *TEST_GLOSSARY]) == 0
    assert "no findings" in capsys.readouterr().out
    assert main(["check", str(QA / "danang.th.txt"), *TEST_GLOSSARY]) == 1


@pytest.mark.parametrize("make_bad", [
    lambda tmp: [str(tmp / "missing.th.txt")],
    lambda tmp: [_write(tmp / "bad.th.txt", b"\xff\xfe broken")],
    lambda tmp: [str(SEED_TH), "--source", _write(tmp / "short.vi.txt", "một dòng\n".encode())],
    lambda tmp: [str(SEED_TH), "-g", _write(tmp / "g.tsv", b"vi\tth\nA\tB\n")],
    lambda tmp: [str(SEED_TH), "--no-default-glossary", "-o", str(tmp / "no" / "such" / "dir" / "r.json")],
])
def test_check_bad_input_exits_2(tmp_path, capsys, make_bad):
    assert main(["check", *make_bad(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("vnthai-mt: error: ") and "Traceback" not in err


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_check_json_and_html_outputs(tmp_path, capsys):
    assert main(["check", str(SEED_TH), "--source", str(SEED_VI), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(SEED_TH) and data["findings"]
    assert any(f["kind"] == "key-term-mismatch" for f in data["findings"])
    out = tmp_path / "report.html"
    assert main(["check", str(SEED_TH), "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "เหงียน ข่าก ถั่น" in page
    assert "findings" in capsys.readouterr().err
    assert main(["check", str(QA / "cantho.th.txt"), *TEST_GLOSSARY, "--era", "ce", "--json"]) == 1
    eras = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["kind"] == "era-mix"]
    assert eras and "Common era" in eras[0]["suggestion"]


def test_fix_shows_a_diff_and_writes_only_with_o(tmp_path, capsys):
    work = tmp_path / "seed.th.txt"
    original = SEED_TH.read_bytes()
    work.write_bytes(original)
    assert main(["fix", str(work)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"--- {work}\n+++ {work} (fixed)\n")
    assert "+หน่วยงานต่างๆ ในคลัสเตอร์ได้ลงนามข้อตกลงการแข่งขันในปี 2567" in captured.out
    assert "diff only" in captured.err
    assert work.read_bytes() == original  # without -o nothing is written

    assert main(["fix", str(work), "-o", str(work)]) == 0  # in place, atomically
    capsys.readouterr()
    fixed = work.read_text(encoding="utf-8")
    assert fixed.count("\n") == original.decode().count("\n")
    assert main(["check", str(work), "--json"]) == 1
    kinds = {f["kind"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert not kinds & {"name-variants", "term-variants", "latin-leftover", "era-mix"}
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_fix_only_and_json(tmp_path, capsys):
    assert main(["fix", str(SEED_TH), "--no-default-glossary", "-g", str(ROOT / "tests" / "data" / "mini.tsv"),
                 "--only", "era-mix", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(e["line"], e["old"], e["new"]) for e in data["applied"]] == [(2, "2024", "2567")]


def test_fix_keeps_crlf_and_missing_final_newline(tmp_path, capsys):
    doc = tmp_path / "crlf.th.txt"
    doc.write_bytes("สหายเล จุง จิญ กล่าว\r\nสหายเล ชุง จินห์ ปี 2567\r\nปี 2024".encode())
    out = tmp_path / "out.th.txt"
    assert main(["fix", str(doc), *TEST_GLOSSARY, "-o", str(out)]) == 0
    capsys.readouterr()
    assert out.read_bytes() == "สหายเล จุง จิญ กล่าว\r\nสหายเล จุง จิญ ปี 2567\r\nปี 2567".encode()


def test_fix_keeps_a_byte_order_mark(tmp_path, capsys):
    doc = tmp_path / "bom.th.txt"
    doc.write_bytes(b"\xef\xbb\xbf" + "สหายเล ชุง จินห์\nสหายเล จุง จิญ\n".encode())
    assert main(["fix", str(doc), *TEST_GLOSSARY, "-o", str(doc)]) == 0
    capsys.readouterr()
    assert doc.read_bytes() == b"\xef\xbb\xbf" + "สหายเล จุง จิญ\nสหายเล จุง จิญ\n".encode()
