"""scripts/benchmark.py end to end on a tiny random-weights model: outputs, term accuracy, resume."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "src" / "vnthai_mt" / "data" / "terms" / "terms.jsonl"


@pytest.fixture(scope="module")
def bench(load_script):
    return load_script("benchmark")


@pytest.fixture(scope="module")
def small_suite(tmp_path_factory) -> Path:
    """The first 10 sentences of the shipped terms suite."""
    lines = SUITE.read_text(encoding="utf-8").splitlines()[:10]
    path = tmp_path_factory.mktemp("suite") / "suite10.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _keep_torch_threads():
    """--threads sets PyTorch's process-wide thread count; give the rest of the session its own back."""
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


def _args(model: Path, out: Path, suite: Path, strategies: str, *extra: str) -> list[str]:
    return [
        "--model", str(model), "--refset", "ntrex128", "--limit", "10", "--suite", str(suite),
        "--strategies", strategies, "--out", str(out), "--num-beams", "1", "--max-new-tokens", "24",
        "--threads", "1", "--bootstrap", "50", "--ar-trials", "50", "--quiet", *extra,
    ]  # fmt: skip


@pytest.fixture(scope="module")
def first_run(bench, tiny_nllb, small_suite, tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "run"
    assert bench.main(_args(tiny_nllb, out, small_suite, "none,hybrid")) == 0
    return out


def test_outputs_and_keys(first_run):
    out = first_run
    for name in ("report.json", "report.md", "scores_ci.png", "term_accuracy_by_kind.png"):
        assert (out / name).is_file(), name
    assert (out / "scores_ci.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for key in ("model", "backend", "random_weights", "label", "settings", "sets", "baseline", "strategies",
                "signatures", "plots", "command", "environment"):
        assert key in report, key
    assert report["random_weights"] is True
    assert "RANDOM WEIGHTS" in report["label"]
    assert set(report["sets"]) == {"ntrex128", "suite-suite10"}
    assert report["sets"]["ntrex128"]["segments"] == 10
    assert report["baseline"] == "none"
    assert set(report["signatures"]) == {"bleu", "chrf++", "ter"}
    assert "seg:pythainlp-newmm" in report["signatures"]["bleu"]
    for strategy in ("none", "hybrid"):
        entry = report["strategies"][strategy]
        assert entry["status"] == "ok"
        assert entry["sentences_per_s"] > 0
        ref = entry["sets"]["ntrex128"]
        for metric in ("bleu", "chrf++", "ter"):
            assert {"score", "signature", "ci95", "bootstrap_mean"} <= set(ref[metric])
        for set_name in ("ntrex128", "suite-suite10"):
            result = entry["sets"][set_name]
            assert {"terms", "consistency", "speed", "enforcement"} <= set(result)
            hyp = out / result["hyp"]
            assert len(hyp.read_text(encoding="utf-8").splitlines()) == report["sets"][set_name]["segments"]
    assert "significance" in report["strategies"]["hybrid"]["sets"]["ntrex128"]

    md = (out / "report.md").read_text(encoding="utf-8")
    assert "RANDOM WEIGHTS" in md
    assert "| System | BLEU | chrF++ | TER |" in md
    assert "Sentences/s" in md and "Signatures:" in md


def test_hybrid_reaches_full_term_accuracy(first_run):
    report = json.loads((first_run / "report.json").read_text(encoding="utf-8"))
    for set_name in ("ntrex128", "suite-suite10"):
        hybrid = report["strategies"]["hybrid"]["sets"][set_name]["terms"]
        none = report["strategies"]["none"]["sets"][set_name]["terms"]
        assert hybrid["total"] > 0
        assert hybrid["accuracy"] == 100.0, hybrid["misses"]
        assert none["accuracy"] < 100.0  # random weights never write a rendering by chance


def test_resume_skips_finished_work(bench, tiny_nllb, small_suite, first_run, tmp_path, monkeypatch):
    out = tmp_path / "run"
    # A copy of the finished run, so the module's fixture stays untouched for the other tests.
    shutil.copytree(first_run, out)
    hyps = sorted((out / "hyp").glob("*.th.txt"))
    stamps = {p: p.stat().st_mtime_ns for p in hyps}

    def no_model(*a, **k):
        raise AssertionError("a finished run must not load the model again")

    monkeypatch.setattr("vnthai_mt.translate.backends.load_backend", no_model)
    assert bench.main(_args(tiny_nllb, out, small_suite, "none,hybrid", "--resume")) == 0
    assert {p: p.stat().st_mtime_ns for p in hyps} == stamps
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    speed = report["strategies"]["hybrid"]["sets"]["ntrex128"]["speed"]
    assert speed["skipped_this_run"] is True
    assert speed["sentences_per_s"] > 0  # kept from the run that did the work
    monkeypatch.undo()

    # Only the unfinished work is done: drop one record, add a strategy.
    (out / "hyp" / "none.ntrex128.json").unlink()
    assert bench.main(_args(tiny_nllb, out, small_suite, "none,repair,hybrid", "--resume")) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    skipped = {(s, n): r["speed"]["skipped_this_run"]
               for s, e in report["strategies"].items() for n, r in e["sets"].items()}
    assert skipped == {
        ("none", "ntrex128"): False, ("none", "suite-suite10"): True,
        ("repair", "ntrex128"): False, ("repair", "suite-suite10"): False,
        ("hybrid", "ntrex128"): True, ("hybrid", "suite-suite10"): True,
    }  # fmt: skip
    for p in hyps:
        if p.name != "none.ntrex128.th.txt":
            assert p.stat().st_mtime_ns == stamps[p], p.name


def test_resume_refuses_other_settings(bench, tiny_nllb, small_suite, first_run, tmp_path, capsys):

    out = tmp_path / "run"
    shutil.copytree(first_run, out)
    args = _args(tiny_nllb, out, small_suite, "none", "--resume")
    args[args.index("--max-new-tokens") + 1] = "32"
    assert bench.main(args) == 2
    err = capsys.readouterr().err
    assert "max_new_tokens" in err and "--resume" in err


def test_constrain_not_supported_on_ctranslate2(bench, tiny_nllb_ct2, tmp_path):
    out = tmp_path / "ct2"
    args = ["--model", str(tiny_nllb_ct2), "--backend", "ctranslate2", "--limit", "3", "--strategies",
            "constrain", "--out", str(out), "--quiet"]  # fmt: skip
    assert bench.main(args) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["strategies"]["constrain"]["status"] == "not supported"
    assert report["random_weights"] is True
    assert "not supported" in (out / "report.md").read_text(encoding="utf-8")


def test_bad_strategy_is_one_clear_error(bench, tmp_path, capsys):
    assert bench.main(["--model", str(tmp_path), "--strategies", "none,magic", "--out", str(tmp_path / "o")]) == 2
    assert "magic" in capsys.readouterr().err
