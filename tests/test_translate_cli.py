"""`vnthai-mt translate` end to end with the tiny random-weights models: the seed article on both
backends with every required rendering present, clean refusals of bad input, resume after SIGKILL,
folders mirrored."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vnthai_mt.cli import main
from vnthai_mt.evaluation.terms import requirements_from_glossary, term_accuracy
from vnthai_mt.glossary import load_glossaries

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
MINI = ROOT / "tests" / "data" / "mini.tsv"
FAST = ["--beams", "1", "--max-new-tokens", "24", "--threads", "1"]


@pytest.fixture(autouse=True)
def _one_thread():
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: extra threads only wait on each other
    yield
    torch.set_num_threads(threads)


def _env() -> dict[str, str]:
    env = dict(os.environ, OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT / "src"))
    return env


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_seed_article_every_required_rendering_present(backend, tiny_nllb, tiny_nllb_ct2, tmp_path, capsys):
    model = tiny_nllb if backend == "transformers" else tiny_nllb_ct2
    # CTranslate2 runs with the default beam size and length; the slower transformers run with greedy.
    speed = FAST if backend == "transformers" else ["--threads", "1"]
    out, rep = tmp_path / "out.txt", tmp_path / "rep.json"
    code = main(["translate", str(SEED), "-o", str(out), "--model", str(model), "--backend", backend,
                 "--glossary", str(MINI), "--report", str(rep), *speed])
    assert code == 0
    src_lines = SEED.read_text(encoding="utf-8").splitlines()
    hyp_lines = out.read_text(encoding="utf-8").splitlines()
    assert len(hyp_lines) == 16 == len(src_lines)
    # Every rendering the glossary lookup requires for a line is in that line: 100% term presence.
    glossary = load_glossaries([MINI])
    acc = term_accuracy(hyp_lines, requirements_from_glossary(src_lines, glossary))
    assert acc.total > 20 and acc.accuracy == 100.0, acc.misses
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["summary"]["missing"] == 0
    assert report["summary"]["required"] >= acc.total  # names outside the glossary come on top
    assert report["settings"]["strategy"] == "hybrid"
    item = report["segments"][0]["items"][0]
    assert set(item) >= {"vi", "th", "kind", "status"} and item["status"] in ("enforced", "repaired")
    # The byline's name (not in the glossary) is transcribed by rule and enforced too.
    assert "ทู ถวี" in hyp_lines[13]


def _refused(capsys, argv, out: Path) -> str:
    code = main(argv)
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert not out.exists()
    return err


def test_bad_inputs_are_refused_cleanly(tmp_path, capsys, tiny_nllb_ct2):
    out = tmp_path / "out.txt"
    model = ["--model", str(tiny_nllb_ct2), "--backend", "ctranslate2"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Xin chào\n".encode() + b"bad \xff byte\n")
    err = _refused(capsys, ["translate", str(bad), "-o", str(out), *model], out)
    assert "invalid UTF-8" in err and "bad.txt:2" in err
    err = _refused(capsys, ["translate", str(tmp_path / "nope.txt"), "-o", str(out), *model], out)
    assert "nope.txt" in err
    glossary = tmp_path / "g.tsv"
    glossary.write_text("vi\tth\tkind\nChủ tịch\tประธาน\tnoun\n", encoding="utf-8")
    err = _refused(capsys, ["translate", str(SEED), "-o", str(out), *model, "-g", str(glossary)], out)
    assert "g.tsv:2" in err
    err = _refused(capsys, ["translate", str(SEED), "-o", str(out), "--model", str(tmp_path / "no-model")], out)
    assert "no-model" in err


def test_resume_after_sigkill_is_byte_identical(tmp_path, tiny_nllb_ct2):
    args = [str(SEED), "--model", str(tiny_nllb_ct2), "--backend", "ctranslate2", "-g", str(MINI),
            "--chunk-segments", "4", *FAST]
    cli = [sys.executable, "-m", "vnthai_mt", "translate"]
    full = tmp_path / "full.txt"
    full_report = tmp_path / "full.json"
    subprocess.run([*cli, *args, "-o", str(full), "--report", str(full_report)], env=_env(), check=True,
                   capture_output=True)

    out = tmp_path / "resumed.txt"
    ckpt = tmp_path / "resumed.txt.vnthai-checkpoint.jsonl"
    proc = subprocess.Popen([*cli, *args, "-o", str(out)], env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if ckpt.exists() and len(ckpt.read_bytes().splitlines()) >= 5:  # header + one chunk done
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists()  # nothing partial
    done_before = len(ckpt.read_bytes().splitlines()) - 1
    assert 4 <= done_before < 16

    rep = tmp_path / "rep.json"
    subprocess.run([*cli, *args, "-o", str(out), "--resume", "--report", str(rep)], env=_env(), check=True,
                   capture_output=True)
    assert out.read_bytes() == full.read_bytes()
    assert not ckpt.exists()
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["timings"]["resumed_segments"] == done_before  # finished chunks were not redone
    # The same summary as the uninterrupted run (a random model may leave a rendering glued to a mark).
    assert report["summary"] == json.loads(full_report.read_text(encoding="utf-8"))["summary"]


def test_folder_is_mirrored_and_formats_kept(tmp_path, tiny_nllb_ct2, capsys):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Chủ tịch UBND tỉnh phát biểu.\n\nThái Bình\n", encoding="utf-8")
    (src / "sub" / "b.jsonl").write_text(
        json.dumps({"id": 1, "vi": "Đồng chí Lại Văn Hoàn"}, ensure_ascii=False) + "\n", encoding="utf-8")
    dst = tmp_path / "out"
    rep = tmp_path / "rep.json"
    code = main(["translate", str(src), "-o", str(dst), "--model", str(tiny_nllb_ct2), "--backend",
                 "ctranslate2", "-g", str(MINI), "--no-default-glossary", "--report", str(rep), "--json", *FAST])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["summary"]["missing"] == 0 and len(summary["files"]) == 2
    a = (dst / "a.txt").read_text(encoding="utf-8").split("\n")
    assert len(a) == 4 and a[1] == "" and "ประธาน" in a[0] and "ท้ายบิ่ญ" in a[2]
    b = json.loads((dst / "sub" / "b.jsonl").read_text(encoding="utf-8"))
    assert b["id"] == 1 and "ไหล วัน หว่าน" in b["vi"]
    assert json.loads(rep.read_text(encoding="utf-8"))["summary"]["required"] == 4
