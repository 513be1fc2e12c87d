"""Bad input for `vnthai-mt eval` (one clear line, exit 2) and reference sets through `datasets`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vnthai_mt.cli import main
from vnthai_mt.errors import InputError
from vnthai_mt.evaluation.refsets import load_refset

DATA = Path(__file__).resolve().parent / "data" / "eval"
TH = DATA / "mini.th.txt"


def fails(capsys, *argv) -> str:
    assert main(["eval", *map(str, argv)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("vnthai-mt: error: "), err
    return err


def test_line_counts_differ(tmp_path, capsys):
    short = tmp_path / "short.txt"
    short.write_text("ก\nข\n", encoding="utf-8")
    err = fails(capsys, "--hyp", TH, "--ref", short)
    assert f"{short}: has 2 lines but the hypothesis {TH} has 5" in err
    err = fails(capsys, "--hyp", TH, "--ref", TH, "--baseline", short)
    assert str(short) in err


def test_empty_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "empty.txt: empty file" in fails(capsys, "--hyp", empty, "--ref", TH)
    empty.write_text("\n \n", encoding="utf-8")
    assert "empty file" in fails(capsys, "--hyp", TH, "--ref", empty)


def test_invalid_utf8_names_the_line(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("ก\nข\n".encode() + b"\xff\xfe\n" + "ค\nง\n".encode())
    assert f"{bad}:3: invalid UTF-8" in fails(capsys, "--hyp", bad, "--ref", TH)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("ก\nข\nค\nง\nจ\n".encode("utf-16"))
    assert f"{utf16}:1: invalid UTF-8" in fails(capsys, "--hyp", TH, "--ref", utf16)


def test_missing_file_and_missing_inputs(tmp_path, capsys):
    assert "no such file" in fails(capsys, "--hyp", tmp_path / "nope.txt", "--ref", TH)
    assert "nothing to score" in fails(capsys, "--hyp", TH)
    assert "--baseline needs references" in fails(capsys, "--hyp", TH, "--src", DATA / "mini.vi.txt",
                                                   "--glossary", DATA / "glossary.tsv", "--baseline", TH)
    assert "--docs needs --src" in fails(capsys, "--hyp", TH, "--ref", TH, "--docs", TH)
    assert "positive" in fails(capsys, "--hyp", TH, "--ref", TH, "--bootstrap", "0")


def test_bad_suite_line(tmp_path, capsys):
    suite = tmp_path / "suite.jsonl"
    suite.write_text('{"id": 1, "vi": "x", "terms": []}\nnot json\n', encoding="utf-8")
    assert f"{suite}:2: not a suite line" in fails(capsys, "--hyp", TH, "--src", suite)


# ---------------------------------------------------------------------------------------------- refsets


def test_ntrex128_is_shipped():
    ds = load_refset("ntrex128")
    assert len(ds) == 1997
    assert set(ds.column_names) >= {"vi", "th", "doc_id"}
    assert ds[0]["doc_id"] == "bbc.381790"
    assert ds[0]["vi"].startswith("Các Đại biểu Quốc hội Wales")
    assert ds[0]["th"].startswith("สมาชิกสมัชชาของเวลล์")
    assert len(set(ds["doc_id"])) == 123
    folder = Path(__file__).resolve().parents[1] / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128"
    assert "CC BY-SA 4.0" in (folder / "README.md").read_text(encoding="utf-8")
    assert (folder / "LICENSE.md").stat().st_size > 10000


def test_local_tsv_and_jsonl(tmp_path):
    tsv = tmp_path / "set.tsv"
    tsv.write_text("vi\tth\tdoc_id\nXin chào\tสวัสดี\td1\nCảm ơn\tขอบคุณ\td2\n", encoding="utf-8")
    ds = load_refset(tsv)
    assert ds["th"] == ["สวัสดี", "ขอบคุณ"] and ds["doc_id"] == ["d1", "d2"]
    bare = tmp_path / "bare.tsv"
    bare.write_text("Xin chào\tสวัสดี\n\nCảm ơn\tขอบคุณ\n", encoding="utf-8")
    ds = load_refset(str(bare))
    assert ds["vi"] == ["Xin chào", "Cảm ơn"] and ds["doc_id"] == ["bare-1", "bare-2"]
    jsonl = tmp_path / "set.jsonl"
    jsonl.write_text('{"vi": "Xin chào", "th": "สวัสดี", "doc_id": "a"}\n\n{"vi": "Cảm ơn", "th": "ขอบคุณ"}\n',
                     encoding="utf-8")
    ds = load_refset(jsonl)
    assert ds["doc_id"] == ["a", "set"] and len(ds) == 2


def test_local_refset_errors(tmp_path):
    one_col = tmp_path / "x.tsv"
    one_col.write_text("Xin chào\tสวัสดี\nCảm ơn\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected tab-separated") as err:
        load_refset(one_col)
    assert err.value.line == 2
    bad = tmp_path / "x.jsonl"
    bad.write_text('{"vi": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match='"vi" and "th"'):
        load_refset(bad)
    with pytest.raises(InputError, match="unknown reference set"):
        load_refset("wmt99")
    with pytest.raises(InputError, match="split"):
        load_refset("flores_plus:test")


def test_flores_offline_gives_one_clear_line(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", HF_HOME=str(tmp_path / "hf"))
    proc = subprocess.run(
        [sys.executable, "-m", "vnthai_mt", "eval", "--hyp", str(TH), "--refset", "flores_plus"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert "\n" not in err and "Traceback" not in err
    assert "FLORES+ (openlanguagedata/flores_plus, split devtest)" in err
    assert "gated" in err and "hf auth login" in err and "ntrex128" in err


def test_refset_option_checks_the_length(capsys):
    err = fails(capsys, "--hyp", TH, "--refset", "ntrex128")
    assert "has 5 lines but the reference set ntrex128 has 1997" in err
