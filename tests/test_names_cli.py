"""`vnthai-mt translit` and `vnthai-mt names`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from vnthai_mt.cli import main

SEED = Path(__file__).parent / "data" / "names" / "seed_article.vi.txt"


def _run(argv, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_translit_names_and_kind(capsys):
    code, out, _ = _run(["translit", "Nguyễn Khắc Thận", "Lại Văn Hoàn"], capsys)
    assert code == 0 and out.splitlines() == ["เหงียน คัก เถิ่น", "หลั่ย วัน ฮหว่าน"]
    code, out, _ = _run(["translit", "--kind", "place", "Nam Định"], capsys)
    assert out == "นามดิ่ญ\n"


def test_translit_stdin_keeps_order_and_empty_lines(capsys, monkeypatch):
    code, out, _ = _run(["translit", "--kind", "place"], capsys, "Nam Định\n\nHải Dương\nNinh Binh\n", monkeypatch)
    assert code == 0 and out.split("\n") == ["นามดิ่ญ", "", "หายเซือง", "นิญบิ่ญ", ""]


def test_translit_json(capsys):
    _code, out, _ = _run(["translit", "--json", "Nguyen Khac Than"], capsys)
    obj = json.loads(out)
    assert obj["confidence"] == "low" and obj["source"] == "rule"


def test_names_tsv(capsys):
    _code, out, _ = _run(["names", "--tsv", str(SEED)], capsys)
    lines = out.splitlines()
    assert lines[0].split("\t") == ["vi", "th", "kind", "vi_variants", "th_variants", "valid", "source", "note"]
    first = lines[1].split("\t")
    assert first[:3] == ["Nguyễn Khắc Thận", "เหงียน คัก เถิ่น", "person"] and first[6] == "rule"
    assert len(lines) == 10


def test_names_json_and_text(capsys):
    _code, out, _ = _run(["names", "--json", str(SEED)], capsys)
    data = json.loads(out)
    assert data[0]["count"] == 5 and len(data[0]["mentions"]) == 5
    _code, out, _ = _run(["names", str(SEED)], capsys)
    assert "Nguyễn Khắc Thận -> เหงียน คัก เถิ่น" in out


def test_names_missing_file_is_one_line(capsys, tmp_path):
    code, _out, err = _run(["names", str(tmp_path / "none.txt")], capsys)
    assert code == 2 and err.count("\n") == 1 and "no such file" in err
