"""The package works as installed: shipped data, the public API, and the command line's conventions."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import vnthai_mt
from vnthai_mt.cli import main
from vnthai_mt.cli.output import CollapsingHandler
from vnthai_mt.io.sniff import unsupported_format
from vnthai_mt.shipped import data_dir, display_path, shipped_path

ROOT = Path(__file__).resolve().parents[1]
SEED_TH = shipped_path("examples", "seed_article.th.txt")
SEED_VI = shipped_path("examples", "seed_article.vi.txt")


# --- shipped data ---------------------------------------------------------------------------------------


def test_shipped_data_is_inside_the_package():
    assert data_dir() == Path(vnthai_mt.__file__).parent / "data"
    for parts in [("glossaries", "titles.tsv"), ("refsets", "ntrex128", "LICENSE.md"), ("terms", "terms.jsonl"),
                  ("examples", "seed_article.vi.txt"), ("tiny-model", "ntrex128-sample.vie.txt")]:
        assert shipped_path(*parts).is_file()
    assert (Path(vnthai_mt.__file__).parent / "py.typed").is_file()
    assert display_path(shipped_path("glossaries", "people.tsv")) == "vnthai_mt/data/glossaries/people.tsv"


def test_a_missing_shipped_glossary_is_an_error_not_an_empty_glossary(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("VNTHAI_MT_GLOSSARY_DIR", str(tmp_path))
    with pytest.raises(vnthai_mt.GlossaryError, match="no shipped glossary"):
        vnthai_mt.load_glossaries()
    assert main(["check", str(SEED_TH)]) == 2
    assert "no shipped glossary" in capsys.readouterr().err
    assert len(vnthai_mt.load_glossaries(include_default=False)) == 0  # asked for: fine


def test_glossary_validate_without_argument_and_with_a_folder(tmp_path, capsys):
    assert main(["glossary", "validate", "--json"]) == 0
    shipped = json.loads(capsys.readouterr().out)
    assert {r["path"] for r in shipped} >= {"vnthai_mt/data/glossaries/titles.tsv", "(total)"}
    (tmp_path / "mine.tsv").write_text("vi\tth\tkind\nHà Nội\tฮานอย\tplace\n", encoding="utf-8")
    assert main(["glossary", "validate", str(tmp_path)]) == 0
    assert "1 entries" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["glossary", "validate", str(empty)]) == 2


def test_examples_command_copies_and_keeps(tmp_path, capsys):
    assert main(["examples", str(tmp_path / "ex")]) == 0
    assert (tmp_path / "ex" / "seed_article.th.txt").read_bytes() == SEED_TH.read_bytes()
    (tmp_path / "ex" / "seed_article.th.txt").write_text("mine", encoding="utf-8")
    assert main(["examples", str(tmp_path / "ex"), "-q"]) == 0
    assert (tmp_path / "ex" / "seed_article.th.txt").read_text(encoding="utf-8") == "mine"


def test_wheel_carries_data_licenses_and_typing_marker(tmp_path):
    pytest.importorskip("build")
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "-o", str(tmp_path),
                           str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    names = set(zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist())
    for name in ["vnthai_mt/py.typed", "vnthai_mt/data/glossaries/titles.tsv",
                 "vnthai_mt/data/refsets/ntrex128/newstest2019-ref.tha.txt", "vnthai_mt/data/terms/terms.jsonl",
                 "vnthai_mt/data/examples/seed_article.th.txt", "vnthai_mt/names/data/established.tsv"]:
        assert name in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert any(n.endswith("ntrex128/LICENSE.md") and "dist-info" in n for n in names)


# --- Python API -----------------------------------------------------------------------------------------


def test_public_api_names():
    for name in ["Translator", "check", "fix", "evaluate", "transcribe", "load_glossaries", "InputError"]:
        assert hasattr(vnthai_mt, name)
    with pytest.raises(AttributeError):
        vnthai_mt.nope  # noqa: B018


def test_translator_takes_a_string_or_a_list_and_closes(tiny_nllb_ct2):
    with vnthai_mt.Translator(model=str(tiny_nllb_ct2), backend="ctranslate2", num_beams=1,
                              max_new_tokens=8) as tr:
        one = tr.translate("Chủ tịch UBND tỉnh phát biểu.")
        assert isinstance(one, str) and "ประธานคณะกรรมการประชาชนจังหวัด" in one
        many = tr.translate(["Chủ tịch UBND tỉnh phát biểu.", ""])
        assert isinstance(many, list) and len(many) == 2 and many[1] == ""
        with pytest.raises(vnthai_mt.InputError):
            tr.translate([1, 2])  # type: ignore[list-item]
    assert tr.backend is None
    with pytest.raises(vnthai_mt.InputError, match="closed"):
        tr.translate("x")


def test_check_fix_evaluate_transcribe_from_python():
    result = vnthai_mt.check(SEED_TH)
    assert len(result.findings) == 31
    assert len(vnthai_mt.check(SEED_TH.read_text(encoding="utf-8")).findings) == 31  # the text itself
    fixed = vnthai_mt.fix(SEED_TH)
    assert len(fixed.lines) == 16 and fixed.applied
    with pytest.raises(vnthai_mt.InputError, match="line-aligned"):
        vnthai_mt.check(SEED_TH, source=["một dòng"])
    scores = vnthai_mt.evaluate(["ประธานคณะกรรมการประชาชนจังหวัดกล่าว"], src=["Chủ tịch UBND tỉnh phát biểu"])
    assert scores["terms"]["accuracy"] == 100.0
    assert scores["terms"]["signature"]["glossary_entries"] == len(vnthai_mt.load_glossaries())
    assert vnthai_mt.transcribe("Nguyễn Khắc Thận").thai == "เหงียน คัก เถิ่น"


# --- command-line conventions ---------------------------------------------------------------------------


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_dash_is_stdin_for_check_fix_eval_translit(monkeypatch, capsys):
    text = SEED_TH.read_bytes()
    _stdin(monkeypatch, text)
    assert main(["check", "-", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["findings"] == 31
    _stdin(monkeypatch, text)
    assert main(["fix", "-", "-o", "-", "-q"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 16 and "เหงียน คัก เถิ่น" in captured.out and captured.err == ""
    _stdin(monkeypatch, SEED_TH.read_bytes())
    assert main(["eval", "--hyp", "-", "--src", str(SEED_VI), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["terms"]["total"] == 84
    _stdin(monkeypatch, "Nguyễn Khắc Thận\n\nLại Văn Hoàn\n".encode())
    assert main(["translit", "-"]) == 0
    assert capsys.readouterr().out.splitlines() == ["เหงียน คัก เถิ่น", "", "หลั่ย วัน ฮหว่าน"]


def test_every_command_has_quiet_verbose_and_color(capsys):
    for argv in (["check", "--help"], ["glossary", "validate", "--help"], ["translate", "--help"],
                 ["tiny-model", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        out = capsys.readouterr().out
        assert "--quiet" in out and "--verbose" in out and "--color" in out


def test_color_follows_no_color_and_the_flag(tmp_path, monkeypatch):
    from vnthai_mt.cli.output import color_enabled

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    def args(color: str):
        return type("A", (), {"color": color})()

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert color_enabled(args("auto"), Tty()) is True
    assert color_enabled(args("auto"), io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert color_enabled(args("auto"), Tty()) is False
    assert color_enabled(args("always"), io.StringIO()) is True
    assert color_enabled(args("never"), Tty()) is False


def test_check_report_in_color_only_when_asked(capsys):
    main(["check", str(SEED_TH), "--color", "always"])
    assert "\x1b[" in capsys.readouterr().out
    main(["check", str(SEED_TH), "--color", "never"])
    assert "\x1b[" not in capsys.readouterr().out


def test_repeated_warnings_collapse_into_one_line_with_summed_counts():
    stream = io.StringIO()
    handler = CollapsingHandler(stream)
    log = logging.getLogger("vnthai_mt.test_collapse")
    log.addHandler(handler)
    log.propagate = False
    try:
        for count, limit in [(3, 24), (4, 176), (2, 76)]:
            log.warning("%(count)d translation(s) reached the output limit (up to %(limit)d tokens)",
                        {"count": count, "limit": limit})
        log.warning("plain %s", "once")
        handler.flush()
    finally:
        log.removeHandler(handler)
    lines = stream.getvalue().splitlines()
    assert lines == ["vnthai-mt: warning: 9 translation(s) reached the output limit (up to 176 tokens) (3 times)",
                     "vnthai-mt: warning: plain once"]


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("a.xlf", b"<xliff/>", "XLIFF"),
    ("a.txt", b'<?xml version="1.0"?>\n<xliff version="1.2">', "XLIFF"),
    ("a.txt", b"<tmx version='1.4'><body/></tmx>", "TMX"),
    ("a.txt", b'msgid ""\nmsgstr ""\n', "PO"),
    ("a.txt", "1\n00:00:01,000 --> 00:00:02,000\nXin chào\n".encode(), "SRT"),
    ("a.txt", b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
    ("a.txt", b"%PDF-1.7\n", "PDF"),
    ("a.docx", b"PK\x03\x04", "DOCX"),
])
def test_unsupported_formats_are_refused_by_name(tmp_path, capsys, name, data, fmt):
    from vnthai_mt.io.formats import thai_side_format

    assert unsupported_format(name, data) == fmt
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid UTF-8" not in err
    if thai_side_format(path) is None:
        assert f"this is a {fmt} file" in err
    else:  # check reads this format now (its Thai side): a broken file is one error naming it
        assert str(path) in err and "Traceback" not in err


def test_plain_text_is_not_taken_for_another_format():
    for text in ["Chủ tịch UBND tỉnh", "<b>ประธาน</b> กล่าว", "1\nmột dòng", "msgid alone"]:
        assert unsupported_format("a.txt", text.encode()) is None


def test_eval_json_rounds_like_sacrebleu_and_splits_signatures(capsys):
    hyp = shipped_path("refsets", "ntrex128", "newstest2019-ref.tha.txt")
    assert main(["eval", "--hyp", str(hyp), "--refset", "ntrex128", "--json", "--no-names"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["bleu"]["score"] == 100.0 and got["chrf++"]["score"] == 100.0 and got["ter"]["score"] == 0.0
    assert got["bleu"]["signature_fields"]["tok"] == "none" and "seg" in got["bleu"]["signature_fields"]
    sig = got["terms"]["signature"]
    assert sig["requirements"] == "glossary" and sig["glossary_entries"] == len(vnthai_mt.load_glossaries())
    assert 45 < got["terms"]["accuracy"] < 60  # the human reference against the Vietnam-specific glossary


def test_eval_takes_the_shipped_suite_by_name(tmp_path, capsys):
    from vnthai_mt.evaluation.run import shipped_suite_path

    suite = [json.loads(line) for line in shipped_suite_path().read_text(encoding="utf-8").splitlines()]
    hyp = tmp_path / "suite.th.txt"
    hyp.write_text("".join(" ".join(t["th"] for t in item["terms"]) + "\n" for item in suite), encoding="utf-8")
    assert main(["eval", "--hyp", str(hyp), "--src", "terms", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["terms"]["accuracy"] == 100.0 and got["terms"]["signature"]["requirements"] == "suite"
