"""The terminology suite: its generator is exact and deterministic, the shipped file matches the glossary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnthai_mt.cli import main
from vnthai_mt.evaluation.terms import load_terms_suite
from vnthai_mt.glossary import Matcher, default_glossary_paths, load_glossaries, load_glossary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "eval"
SUITE = ROOT / "src" / "vnthai_mt" / "data" / "terms" / "terms.jsonl"


@pytest.fixture(scope="module")
def generator(load_script):
    return load_script("make_terms_suite")


def annotations(matcher: Matcher, vi: str) -> list[dict]:
    return [{"vi": m.source, "th": m.entry.th, "kind": m.entry.kind} for m in matcher.find(vi)]


def test_generator_is_exact_and_deterministic(generator, tmp_path):
    matcher = Matcher(load_glossary(DATA / "glossary.tsv"))
    items = generator.generate(matcher, size=60, seed=3)
    assert len(items) == 60 and len({it.vi for it in items}) > 50
    for it in items:
        assert it.terms == annotations(matcher, it.vi)
        assert it.terms, it.vi
    again = generator.generate(matcher, size=60, seed=3)
    assert [(a.vi, a.terms) for a in again] == [(b.vi, b.terms) for b in items]
    out = tmp_path / "suite.jsonl"
    assert generator.main(["--glossary", str(DATA / "glossary.tsv"), "--no-default-glossary", "--out", str(out),
                           "--size", "20"]) == 0
    assert len(load_terms_suite(out)) == 20
    assert len((tmp_path / "suite.vi.txt").read_text(encoding="utf-8").splitlines()) == 20


def test_perfect_hypothesis_scores_100_on_the_suite(generator, tmp_path, capsys):
    out = tmp_path / "suite.jsonl"
    generator.main(["--glossary", str(DATA / "glossary.tsv"), "--no-default-glossary", "--out", str(out),
                    "--size", "40"])
    capsys.readouterr()
    items = load_terms_suite(out)
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("\n".join(" | ".join(t.th for t in it.terms) for it in items) + "\n", encoding="utf-8")
    assert main(["eval", "--hyp", str(hyp), "--src", str(out), "--glossary", str(DATA / "glossary.tsv"),
                 "--no-default-glossary", "--no-names", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["terms"]["accuracy"] == 100.0 and got["terms"]["total"] == sum(len(it.terms) for it in items)
    assert got["consistency"]["share_one_way"] == 100.0


@pytest.mark.skipif(not SUITE.exists() or not default_glossary_paths(), reason="suite or glossary not shipped")
def test_shipped_suite_matches_the_shipped_glossary():
    items = load_terms_suite(SUITE)
    assert len(items) >= 200
    matcher = Matcher(load_glossaries())
    stale = [it.id for it in items
             if [{"vi": t.vi, "th": t.th, "kind": t.kind} for t in it.terms] != annotations(matcher, it.vi)]
    assert not stale, f"{len(stale)} suite lines disagree with glossaries/: run scripts/make_terms_suite.py"
    kinds = {t.kind for it in items for t in it.terms}
    assert kinds == {"person", "place", "org", "title", "term"}
    assert SUITE.with_suffix(".vi.txt").read_text(encoding="utf-8").splitlines() == [it.vi for it in items]
