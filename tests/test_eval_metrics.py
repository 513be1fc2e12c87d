"""BLEU, chrF++, TER and spBLEU: the by-hand procedure of issue 6, self-scores, signatures, significance."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from vnthai_mt.cli import main
from vnthai_mt.evaluation.metrics import round_score

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128"
NTREX_TH = NTREX / "newstest2019-ref.tha.txt"
DATA = ROOT / "tests" / "data" / "eval"


def read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def perturb(lines: list[str], seed: int, share: float = 1.0, swap: float = 0.1) -> list[str]:
    """Delete three characters from (a share of) the lines and move the first phrase of some to the end.

    Moves make TER search for shifts, its slowest part (pure Python): keep them rare on large sets.
    """
    rng = random.Random(seed)
    out = []
    for line in lines:
        if rng.random() < share and len(line) > 6:
            i = rng.randrange(len(line) - 3)
            line = line[:i] + line[i + 3:]
        if rng.random() < swap and " " in line:
            head, _, tail = line.partition(" ")
            line = f"{tail} {head}"
        out.append(line)
    return out


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_json(capsys, *argv: str) -> dict:
    assert main(["eval", *map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def by_hand(hyps: list[str], refs: list[str]) -> dict[str, float]:
    """Issue 6, literally: newmm, drop whitespace tokens, join with spaces, sacrebleu tokenize='none';
    chrF with word_order=2 on the raw lines; TER on the segmented lines."""
    import sacrebleu
    from pythainlp.tokenize import word_tokenize

    def seg(line: str) -> str:
        return " ".join(t for t in word_tokenize(line, engine="newmm") if t.strip())

    seg_h, seg_r = [seg(x) for x in hyps], [seg(x) for x in refs]
    return {
        "bleu": sacrebleu.BLEU(tokenize="none").corpus_score(seg_h, [seg_r]).score,
        "chrf++": sacrebleu.CHRF(word_order=2).corpus_score(hyps, [refs]).score,
        "ter": sacrebleu.TER().corpus_score(seg_h, [seg_r]).score,
    }


@pytest.fixture(scope="module")
def ntrex_refs() -> list[str]:
    return read(NTREX_TH)


def test_cli_equals_the_by_hand_procedure_on_ntrex(tmp_path, capsys, ntrex_refs):
    import pythainlp

    hyps = perturb(ntrex_refs, seed=7, swap=0.01)
    hyp_path = write(tmp_path / "hyp.txt", hyps)
    got = run_json(capsys, "--hyp", hyp_path, "--ref", NTREX_TH)
    expected = by_hand(hyps, ntrex_refs)
    assert got["segments"] == 1997
    for key, value in expected.items():
        assert got[key]["score"] == round_score(value), key  # exactly as sacrebleu rounds it (2 decimals)
    assert 0 < got["bleu"]["score"] < 100 and got["ter"]["score"] > 0
    seg = f"|seg:pythainlp-newmm-{pythainlp.__version__}"
    assert got["bleu"]["signature"].endswith(seg) and "tok:none" in got["bleu"]["signature"]
    assert got["ter"]["signature"].endswith(seg)
    assert got["chrf++"]["signature"].startswith("nrefs:1|") and "nw:2" in got["chrf++"]["signature"]
    assert "seg:" not in got["chrf++"]["signature"]


def test_reference_against_itself(capsys):
    th, vi = DATA / "mini.th.txt", DATA / "mini.vi.txt"
    got = run_json(capsys, "--hyp", th, "--ref", th, "--src", vi, "--glossary", DATA / "glossary.tsv",
                   "--no-default-glossary")
    # sacrebleu sums logs, so a perfect BLEU can come out as 100.00000000000004.
    assert got["bleu"]["score"] == pytest.approx(100.0, abs=1e-9)
    assert got["chrf++"]["score"] == pytest.approx(100.0, abs=1e-9)
    assert got["ter"]["score"] == 0.0
    assert got["terms"]["accuracy"] == 100.0 and got["terms"]["total"] >= 10
    assert set(got["terms"]["by_kind"]) == {"person", "place", "org", "title", "term"}
    assert got["consistency"]["several_ways"] == 0


def test_ntrex_against_itself_via_refset(capsys):
    got = run_json(capsys, "--hyp", NTREX_TH, "--refset", "ntrex128", "--no-default-glossary", "--no-names",
                   "--glossary", DATA / "glossary.tsv")
    scores = (got["bleu"]["score"], got["chrf++"]["score"], got["ter"]["score"])
    assert scores == pytest.approx((100.0, 100.0, 0.0), abs=1e-9)
    assert got["consistency"]["documents"] == 123


def test_human_table(capsys):
    th = DATA / "mini.th.txt"
    assert main(["eval", "--hyp", str(th), "--ref", str(th)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "5 segments"
    assert lines[1].split()[:2] == ["BLEU", "100.00"] and "seg:pythainlp-newmm-" in lines[1]
    assert lines[2].split()[:2] == ["chrF++", "100.00"]
    assert lines[3].split()[:2] == ["TER", "0.00"]


def test_other_segmenter_is_named_in_the_signature(tmp_path, capsys, ntrex_refs):
    refs = write(tmp_path / "ref.txt", ntrex_refs[:50])
    hyps = write(tmp_path / "hyp.txt", perturb(ntrex_refs[:50], seed=1))
    got = run_json(capsys, "--hyp", hyps, "--ref", refs, "--segmenter", "newmm-safe")
    assert "|seg:pythainlp-newmm-safe-" in got["bleu"]["signature"]


def test_several_references(tmp_path, capsys, ntrex_refs):
    refs = ntrex_refs[:40]
    other = write(tmp_path / "other.txt", perturb(refs, seed=3))
    ref = write(tmp_path / "ref.txt", refs)
    got = run_json(capsys, "--hyp", ref, "--ref", other, "--ref", ref)
    assert got["bleu"]["score"] == pytest.approx(100.0, abs=1e-9) and got["bleu"]["signature"].startswith("nrefs:2|")


def test_spbleu_with_a_local_model(tmp_path, capsys, ntrex_refs):
    import sacrebleu
    import sentencepiece as spm

    train = write(tmp_path / "train.txt", ntrex_refs[:400])
    spm.SentencePieceTrainer.train(input=str(train), model_prefix=str(tmp_path / "sp"), vocab_size=300,
                                   character_coverage=1.0, minloglevel=2)
    model = tmp_path / "sp.model"
    refs = ntrex_refs[:60]
    hyps = perturb(refs, seed=5)
    got = run_json(capsys, "--hyp", write(tmp_path / "h.txt", hyps), "--ref", write(tmp_path / "r.txt", refs),
                   "--spm", model)
    sp = spm.SentencePieceProcessor(model_file=str(model))

    def pieces(x: str) -> str:
        return " ".join(sp.encode(x, out_type=str))

    expected = sacrebleu.BLEU(tokenize="none").corpus_score([pieces(h) for h in hyps], [[pieces(r) for r in refs]])
    assert got["spbleu"]["score"] == round_score(expected.score)
    assert "|spm:sp.model@sha256:" in got["spbleu"]["signature"]


def test_spm_file_that_is_not_a_model(tmp_path, capsys):
    th = DATA / "mini.th.txt"
    bad = write(tmp_path / "x.model", ["not a model"])
    assert main(["eval", "--hyp", str(th), "--ref", str(th), "--spm", str(bad)]) == 2
    assert "not a SentencePiece model" in capsys.readouterr().err


def test_significance_matches_sacrebleu(tmp_path, capsys, ntrex_refs):
    from sacrebleu.metrics import BLEU
    from sacrebleu.significance import PairedTest

    from vnthai_mt.text.thai.segment import segment_lines

    refs = ntrex_refs[:150]
    system, baseline = perturb(refs, seed=11, share=0.3), perturb(refs, seed=12, share=0.9)
    got = run_json(capsys, "--hyp", write(tmp_path / "s.txt", system), "--ref", write(tmp_path / "r.txt", refs),
                   "--baseline", write(tmp_path / "b.txt", baseline), "--bootstrap", "100", "--ar-trials", "200")
    sig = got["significance"]
    assert set(sig) == {"bleu", "chrf++", "ter"}
    bleu = sig["bleu"]
    assert bleu["system"]["score"] == got["bleu"]["score"]
    assert bleu["delta"] == pytest.approx(bleu["system"]["score"] - bleu["baseline"]["score"], abs=0.011)
    assert 0 < bleu["paired_bootstrap"]["p_value"] <= 1 and 0 < bleu["approximate_randomization"]["p_value"] <= 1
    assert bleu["system"]["ci95"] > 0 and bleu["baseline"]["ci95"] > 0
    assert "bs:100" in bleu["signature"] and "seg:pythainlp-newmm-" in bleu["signature"]
    # The same numbers as sacrebleu's PairedTest run directly on the segmented text.
    seg_r, seg_s, seg_b = segment_lines(refs), segment_lines(system), segment_lines(baseline)
    _, direct = PairedTest([("b", seg_b), ("s", seg_s)], {"BLEU": BLEU(tokenize="none")}, [seg_r],
                           test_type="bs", n_samples=100)()
    assert bleu["paired_bootstrap"]["p_value"] == direct["BLEU"][1].p_value
    assert bleu["system"]["mean"] == round_score(float(direct["BLEU"][1].mean))
    assert main(["eval", "--hyp", str(tmp_path / "s.txt"), "--ref", str(tmp_path / "r.txt"), "--baseline",
                 str(tmp_path / "b.txt"), "--bootstrap", "50", "--ar-trials", "50"]) == 0
    assert "p (ar)" in capsys.readouterr().out


def test_segmentation_is_offline_and_writes_nothing(tmp_path):
    """newmm reads the word list shipped in the pythainlp wheel: no download, no ~/pythainlp-data."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP")} | {"HOME": str(tmp_path)}
    code = ("from vnthai_mt.text.thai.segment import segment_lines; import os;"
            "print(segment_lines(['ทดสอบการตัดคำ'])[0], os.environ['PYTHAINLP_OFFLINE'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert proc.stdout.split() == ["ทดสอบ", "การ", "ตัด", "คำ", "1"]
    assert not (tmp_path / "pythainlp-data").exists()
