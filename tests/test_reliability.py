"""Reliability suite (issue 13): each break an adversarial user found, reproduced and now held.

Every test runs a command the way a user does (``cli.main``) on small files under tmp_path and checks
the three promises: nothing lost (inputs and previous outputs byte-identical), one error line (no
traceback, exit 2), and bounded work.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from vnthai_mt.cli import main

TH = "นายกรัฐมนตรีฝั่ม มิญ จิ๊ญ เดินทางเยือนฮานอย\nกระทรวงการต่างประเทศ\n"
VI = "Thủ tướng Phạm Minh Chính thăm Hà Nội.\nBộ Ngoại giao\n"
GLOSSARY = "vi\tth\tkind\nHà Nội\tฮานอย\tplace\n"


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("vnthai-mt: error: ") and "Traceback" not in err
    return lines[0]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.th.txt").write_text(TH, encoding="utf-8")
    (tmp_path / "a.vi.txt").write_text(VI, encoding="utf-8")
    (tmp_path / "g.tsv").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


# --- 1. the write guard --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "json", "text"])
def test_check_report_onto_its_input_is_refused(files, capsys, fmt):
    th = files / "a.th.txt"
    code, _, err = _run(capsys, "check", th, "--format", fmt, "-o", th, "--no-default-glossary")
    assert code == 2 and "would overwrite the input" in _one_error_line(err)
    assert th.read_text(encoding="utf-8") == TH


def test_check_report_onto_a_link_to_the_source_or_glossary_is_refused(files, capsys):
    (files / "link.txt").symlink_to(files / "a.vi.txt")
    os.link(files / "g.tsv", files / "hard.tsv")
    for out in ("link.txt", "hard.tsv"):
        code, _, err = _run(capsys, "check", files / "a.th.txt", "--source", files / "a.vi.txt",
                            "-g", files / "g.tsv", "-o", files / out, "--no-default-glossary")
        assert code == 2, err
        _one_error_line(err)
    assert (files / "a.vi.txt").read_text(encoding="utf-8") == VI
    assert (files / "g.tsv").read_text(encoding="utf-8") == GLOSSARY


def test_fix_in_place_is_allowed_but_not_over_the_source(files, capsys):
    th = files / "a.th.txt"
    code, _, err = _run(capsys, "fix", th, "--source", files / "a.vi.txt", "-o", files / "a.vi.txt",
                        "--no-default-glossary")
    assert code == 2 and "source" in _one_error_line(err)
    assert (files / "a.vi.txt").read_text(encoding="utf-8") == VI
    code, _, err = _run(capsys, "fix", th, "-o", th, "--no-default-glossary")
    assert code == 0, err


def test_glossary_convert_onto_itself_is_refused(files, capsys):
    g = files / "g.tsv"
    g.write_text("# licence: CC BY 4.0\n" + GLOSSARY, encoding="utf-8")
    before = g.read_bytes()
    code, _, err = _run(capsys, "glossary", "convert", g, g)
    assert code == 2 and "overwrite the input" in _one_error_line(err)
    assert g.read_bytes() == before


def test_translate_report_onto_source_or_output_is_refused_before_the_model(files, capsys):
    src, out = files / "a.vi.txt", files / "out.th.txt"
    for report in (src, out):
        code, _, err = _run(capsys, "translate", src, "-o", out, "--report", report, "--model", files / "nope")
        assert code == 2, err
        _one_error_line(err)  # refused before the (missing) model is even looked at
    assert src.read_text(encoding="utf-8") == VI and not out.exists()
    code, _, err = _run(capsys, "translate", src, "-o", out, "--cache", src, "--model", files / "nope")
    assert code == 2 and "cache" in _one_error_line(err)


def test_translate_report_into_a_missing_folder_is_refused_before_the_model(files, capsys):
    code, _, err = _run(capsys, "translate", files / "a.vi.txt", "-o", files / "o.txt",
                        "--report", files / "missing" / "r.json", "--model", files / "nope")
    assert code == 2 and "does not exist" in _one_error_line(err)
    assert not list(files.glob("*checkpoint*"))


def test_flags_that_do_not_apply_are_refused(files, capsys):
    for flag in ("--field", "--column", "--out-field"):
        code, _, err = _run(capsys, "translate", files / "a.vi.txt", "-o", files / "o.txt", flag, "vi",
                            "--model", files / "nope")
        assert code == 2 and flag in _one_error_line(err)


def test_folder_into_an_existing_file_is_one_line(files, capsys):
    (files / "in").mkdir()
    shutil.copy(files / "a.vi.txt", files / "in" / "a.txt")
    code, _, err = _run(capsys, "translate", files / "in", "-o", files / "a.th.txt", "--model", files / "nope")
    assert code == 2 and _one_error_line(err)
    assert (files / "a.th.txt").read_text(encoding="utf-8") == TH


def test_argument_errors_are_one_line_with_a_pointer_to_help(capsys):
    for argv in (["translate"], ["check"], ["bogus"], ["check", "x", "--format", "pdf"], ["eval"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
        line = _one_error_line(capsys.readouterr().err)
        assert "--help" in line


# --- atomic writes, full and read-only disks ------------------------------------------------------


def test_full_disk_is_one_line_and_the_previous_file_is_intact(files, capsys, monkeypatch):
    out = files / "report.txt"
    out.write_text("previous\n", encoding="utf-8")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    for argv in (["check", files / "a.th.txt", "-o", out, "--no-default-glossary"],
                 ["fix", files / "a.th.txt", "-o", out, "--no-default-glossary"],
                 ["glossary", "convert", files / "g.tsv", out.with_suffix(".csv")]):
        code, _, err = _run(capsys, *argv)
        assert code == 2
        assert _one_error_line(err).endswith(": no space left on device")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not out.with_suffix(".csv").exists()
    assert sorted(p.name for p in files.iterdir()) == ["a.th.txt", "a.vi.txt", "g.tsv", "report.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_one_line(files, capsys):  # pragma: no cover - CI runs as a user
    ro = files / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        code, _, err = _run(capsys, "check", files / "a.th.txt", "-o", ro / "r.txt", "--no-default-glossary")
        assert code == 2 and "permission denied" in _one_error_line(err)
    finally:
        ro.chmod(0o700)


def test_read_only_folder_simulated_is_one_line(files, capsys, monkeypatch):
    import tempfile

    def erofs(*a, **k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", erofs)
    code, _, err = _run(capsys, "check", files / "a.th.txt", "-o", files / "r.txt", "--no-default-glossary")
    assert code == 2 and _one_error_line(err).endswith("read-only file system")


def test_a_temp_file_left_by_a_killed_writer_is_cleaned_by_the_next_write(tmp_path):
    from vnthai_mt.io.resume import atomic_write_text

    target = tmp_path / "out.txt"
    dead = 2 ** 22 + 12345  # above pid_max defaults: no such process
    stale = tmp_path / f".out.txt.vnthai-{dead}-abc.tmp"
    stale.write_text("half", encoding="utf-8")
    mine = tmp_path / f".out.txt.vnthai-{os.getpid()}-live.tmp"  # a live writer's: kept
    mine.write_text("busy", encoding="utf-8")
    atomic_write_text(target, "whole\n")
    assert target.read_text(encoding="utf-8") == "whole\n"
    assert not stale.exists() and mine.exists()


def test_writing_to_a_device_or_fifo_writes_the_stream_and_keeps_the_node(tmp_path):
    from vnthai_mt.io.resume import atomic_write_text

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write_text(fifo, "through\n")
    reader.join(10)
    assert got == [b"through\n"]
    assert fifo.is_fifo()


def test_cache_errors_are_one_line(tmp_path):
    import sqlite3

    from vnthai_mt.errors import InputError
    from vnthai_mt.io.cache import TranslationCache

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE translations (a, b)")
    with pytest.raises(InputError, match="not a vnthai-mt translation cache"):
        TranslationCache(foreign)
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        TranslationCache(tmp_path / "dir.db")
    text = tmp_path / "text.db"
    text.write_text("not sqlite", encoding="utf-8")
    with pytest.raises(InputError):
        TranslationCache(text)


def test_damaged_checkpoint_records_are_dropped_not_a_traceback(tmp_path):
    from vnthai_mt.io.resume import Checkpoint, checkpoint_path_for

    out = tmp_path / "o.txt"
    ck = Checkpoint(out, "in", "set")
    ck.start(resume=False)
    ck.record({"1": "หนึ่ง"})
    ck.close()
    with open(checkpoint_path_for(out), "ab") as fh:
        fh.write(b"[" * 100000 + b"\n" + b'{"id": "2", "t": "x"}\n')
    again = Checkpoint(out, "in", "set")
    assert again.start(resume=True) == {"1": "หนึ่ง"}
    again.close()


# --- 7. one line splitter, special files read once ----------------------------------------------


def test_unicode_line_separators_do_not_break_lines(capsys, monkeypatch, tmp_path):
    import io

    text = "Nguyễn\u2028Văn\nHà\x1cNội\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, out, _ = _run(capsys, "translit")
    assert code == 0 and out.count("\n") == 2
    (tmp_path / "v.txt").write_text(text, encoding="utf-8")
    _run(capsys, "glossary", "lookup", tmp_path / "v.txt", "--no-default-glossary")
    code, _, err_file = _run(capsys, "glossary", "lookup", tmp_path / "v.txt", "--no-default-glossary")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, _, err_stdin = _run(capsys, "glossary", "lookup", "-", "--no-default-glossary")
    assert "in 2 lines" in err_file and "in 2 lines" in err_stdin


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_fifo_input_is_read_once(tmp_path, capsys, command):
    fifo = tmp_path / "in.th"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(TH, encoding="utf-8"))
    writer.start()
    code, _out, err = _run(capsys, command, fifo, "--no-default-glossary")
    writer.join(10)
    assert not writer.is_alive() and code in (0, 1), err


# --- 8. glossary validation ------------------------------------------------------------------------


@pytest.mark.parametrize("content, message", [
    ("vi\tth\tkind\tth\nHà Nội\tฮานอย\tplace\tฮาน็อย\n", "appear twice"),
    ("vi\tth\tkind\nHà Nội\t\u200b\u200d\tplace\n", "invisible"),
    ("vi\tth\tkind\n\u200b\tฮานอย\tplace\n", "invisible"),
    ("vi\tth\tkind\tnote\nHà Nội\tฮา\tนอย\tplace\n", "a tab inside"),
])
def test_glossary_problems_are_named(tmp_path, capsys, content, message):
    g = tmp_path / "bad.tsv"
    g.write_text(content, encoding="utf-8")
    code, _, err = _run(capsys, "glossary", "validate", g)
    assert code == 2 and message in _one_error_line(err)


def test_a_tbx_that_is_a_folder_is_one_line(tmp_path, capsys):
    (tmp_path / "g.tbx").mkdir()
    code, _, err = _run(capsys, "glossary", "validate", tmp_path / "g.tbx")
    assert code == 2 and "folder" in _one_error_line(err)


# --- 10. bounded work on a 5 MB line -------------------------------------------------------------

FIVE_MB = 5_000_000


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    folder = tmp_path_factory.mktemp("huge")
    vi = "Thủ tướng Phạm Minh Chính dự hội nghị tại Hà Nội. "
    th = "นายกรัฐมนตรี ฝั่ม มิญ จิ๊ญ ร่วมการประชุมที่ฮานอย "
    (folder / "vi.txt").write_text(vi * (FIVE_MB // len(vi.encode())) + "\n", encoding="utf-8")
    (folder / "th.txt").write_text(th * (FIVE_MB // len(th.encode())) + "\n", encoding="utf-8")
    (folder / "word.txt").write_text("a" * FIVE_MB + "\n", encoding="utf-8")
    return folder


# The limits tell linear work (seconds: about 10 s for check on a quiet machine) from the quadratic work
# these commands once did on one huge line (hours); they are loose so that a busy machine passes too.
@pytest.mark.parametrize("argv, limit_s", [
    (["check", "{th}", "--no-default-glossary"], 180),
    (["fix", "{th}", "--no-default-glossary", "--json"], 180),
    (["glossary", "lookup", "{vi}"], 180),
    (["translate", "{word}", "-o", "{out}", "--model", "{out}"], 60),
])
def test_a_5mb_line_is_not_quadratic(huge, tmp_path, capsys, argv, limit_s):
    names = {"th": huge / "th.txt", "vi": huge / "vi.txt", "word": huge / "word.txt", "out": tmp_path / "o"}
    t0 = time.perf_counter()
    code, _, err = _run(capsys, *[a.format(**names) for a in argv])
    assert time.perf_counter() - t0 < limit_s
    if argv[0] == "translate":  # refused with file and line before any model is loaded
        assert code == 2 and "word.txt:1: a segment of 5,000,000 characters" in _one_error_line(err)
    else:
        assert code in (0, 1), err


def test_translit_refuses_a_5mb_name_at_once(huge, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO((huge / "vi.txt").read_bytes())))
    t0 = time.perf_counter()
    code, out, err = _run(capsys, "translit")
    assert time.perf_counter() - t0 < 30 and code == 2 and out == ""  # refused before any work
    assert "<stdin>:1: a name of" in _one_error_line(err)


def test_eval_of_a_5mb_line_is_linear(huge, capsys):
    t0 = time.perf_counter()
    code, out, err = _run(capsys, "eval", "--hyp", huge / "th.txt", "--ref", huge / "th.txt",
                          "--bootstrap", "10", "--no-names", "--json")
    assert code == 0, err
    assert time.perf_counter() - t0 < 300  # was hours: TER and newmm were quadratic on one line
    scores = json.loads(out)
    assert "100" in json.dumps(scores)


def test_long_line_segmentation_equals_whole_line_segmentation():
    from pythainlp.tokenize import word_tokenize

    from vnthai_mt.text.thai.segment import bounded_pieces, thai_segmenter

    text = ("กระทรวงการต่างประเทศแถลงว่า นายกรัฐมนตรีเดินทางเยือนฮานอย " * 200).strip()
    assert "".join(bounded_pieces(text, 100)) == text
    whole = " ".join(t for t in word_tokenize(text, engine="newmm") if t.strip())
    assert thai_segmenter()(text) == whole


# --- 2, 4, 5, 11: models, resume and the translation memory ------------------------------------


def _translate(capsys, *argv):
    return _run(capsys, "translate", *argv, "--no-default-glossary", "--no-names", "--beams", "1",
                "--max-new-tokens", "8")


def test_new_weights_at_the_same_path_do_not_resume_or_hit_the_cache(tiny_nllb, make_tiny_model, tmp_path,
                                                                       capsys):
    model = tmp_path / "model"
    shutil.copytree(tiny_nllb, model)
    src = tmp_path / "in.txt"
    src.write_text(VI * 3, encoding="utf-8")
    out, cache = tmp_path / "out.txt", tmp_path / "tm.sqlite"
    code, _, err = _translate(capsys, src, "-o", out, "--model", model, "--cache", cache)
    assert code == 0, err
    first = out.read_bytes()
    shutil.rmtree(model)
    make_tiny_model(model, "nllb", seed=7)  # other weights, same path
    code, _, err = _translate(capsys, src, "-o", out, "--model", model, "--cache", cache, "--json")
    assert code == 0, err
    from vnthai_mt.translate.pipeline import Translator

    settings = [Translator(str(m), glossaries=[], default_glossary=False, names=False).settings["model_id"]
                for m in (tiny_nllb, model)]
    assert settings[0] != settings[1]
    assert out.read_bytes() != first  # not served from the old model's memory


def test_a_model_without_tokenizer_files_is_refused(tiny_nllb, tmp_path, capsys):
    bare = tmp_path / "bare"
    bare.mkdir()
    for name in ("config.json", "generation_config.json", "model.safetensors"):
        shutil.copy(tiny_nllb / name, bare / name)
    (tmp_path / "in.txt").write_text(VI, encoding="utf-8")
    code, _, err = _translate(capsys, tmp_path / "in.txt", "-o", tmp_path / "o.txt", "--model", bare)
    assert code == 2 and "<unk>" in err and "Traceback" not in err
    assert not (tmp_path / "o.txt").exists()


def test_convert_force_never_deletes_a_parent_of_the_model_or_foreign_files(tiny_nllb, tmp_path, capsys):
    pytest.importorskip("ctranslate2")
    parent = tmp_path / "parent"
    shutil.copytree(tiny_nllb, parent / "model")
    (parent / "notes.txt").write_text("keep me", encoding="utf-8")
    code, _, err = _run(capsys, "convert", parent / "model", parent, "--force")
    assert code == 2 and "holds the model" in _one_error_line(err)
    assert (parent / "notes.txt").exists() and (parent / "model" / "config.json").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "mine.txt").write_text("keep", encoding="utf-8")
    code, _, err = _run(capsys, "convert", parent / "model", other, "--force")
    assert code == 2 and (other / "mine.txt").exists()


def test_convert_of_an_unsupported_architecture_is_one_clear_line(tiny_nllb, tmp_path, capsys):
    pytest.importorskip("ctranslate2")
    model = tmp_path / "bart"
    shutil.copytree(tiny_nllb, model)
    config = json.loads((model / "config.json").read_text(encoding="utf-8"))
    config["model_type"] = "bart"
    (model / "config.json").write_text(json.dumps(config), encoding="utf-8")
    code, _, err = _run(capsys, "convert", model, tmp_path / "out")
    assert code == 2 and "unsupported architecture 'bart'" in _one_error_line(err)


def test_folder_resume_does_not_translate_complete_outputs_again(tiny_nllb, tmp_path, capsys, monkeypatch):
    from vnthai_mt.translate import pipeline

    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"f{i}.txt").write_text(f"Hà Nội {i}.\nBộ Ngoại giao {i}.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = _translate(capsys, src, "-o", out, "--model", tiny_nllb)
    assert code == 0, err
    full = {p.name: p.read_bytes() for p in out.iterdir()}
    real = pipeline.Translator.translate_file
    calls = []

    def dies_on_third(self, input, output, *a, **k):
        if Path(input).name == "f2.txt" and not calls:
            calls.append(1)
            raise KeyboardInterrupt
        return real(self, input, output, *a, **k)

    monkeypatch.setattr(pipeline.Translator, "translate_file", dies_on_third)
    (out / "f2.txt").unlink()
    code, _, err = _translate(capsys, src, "-o", out, "--model", tiny_nllb)
    assert code == 130
    monkeypatch.setattr(pipeline.Translator, "translate_file", real)
    chunks = []
    real_chunk = pipeline.Translator._translate_chunk

    def counting(self, texts, *a, **k):
        chunks.append(len(texts))
        return real_chunk(self, texts, *a, **k)

    monkeypatch.setattr(pipeline.Translator, "_translate_chunk", counting)
    code, _, err = _translate(capsys, src, "-o", out, "--model", tiny_nllb, "--resume", "--json")
    assert code == 0, err
    assert chunks == [2]  # only f2.txt went to the model
    assert {p.name: p.read_bytes() for p in out.iterdir()} == full
