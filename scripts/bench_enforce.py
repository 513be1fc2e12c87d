#!/usr/bin/env python
"""Hybrid's model-time overhead on CTranslate2, three ways: "before" (free first pass, prefix forcing one
rendering per round: ``--mask-first off``), "after" (the default: placeholders first when the model gives
back the probe's, then prefix forcing only for what is still missing) and "after_grouped" (the same,
forcing up to ``--per-round`` renderings per sentence and round).

    python scripts/bench_enforce.py --random DIR-ct2 --copy DIR-ct2 --json eval/examples/measurements/bench_enforce.json

Models: the tiny random-weights NLLB (it never writes a placeholder or a rendering: the worst case)
and the copy-trained one (``vnthai-mt tiny-model OUT --train-copy 300 --ct2``: it writes its input
back, placeholders included), both CTranslate2 (built when not given; the copy model takes minutes to
train). Input: the shipped seed article (Vietnamese), shipped glossary and names, greedy, the default
output budget unless ``--max-new-tokens``. Per model and variant, from the pipeline's own split
(``Timings``): ``enforcement_overhead_pct`` = (re-decoding + placeholder probe model time) / first-pass
model time (the issue's "extra model time"; the probe runs once per run, in the warm-up here, and is
added back), prefix rounds, rounds per sentence, and the renderings still missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from vnthai_mt.shipped import display_path, shipped_path


def run(model: Path, variant: dict, lines: list[str], args) -> dict:
    from vnthai_mt.text.sentences import split_segment
    from vnthai_mt.translate import enforce
    from vnthai_mt.translate.pipeline import Translator

    saved = enforce.STRATEGY_STEPS["hybrid"]
    steps = list(saved)
    steps[steps.index(enforce.ForcePrefixes(per_round=enforce.HYBRID_PER_ROUND))] = enforce.ForcePrefixes(
        per_round=variant["per_round"])
    enforce.STRATEGY_STEPS["hybrid"] = tuple(steps)
    try:
        with Translator(str(model), "ctranslate2", num_beams=1, max_new_tokens=args.max_new_tokens,
                        threads=args.threads, mask_first=variant["mask_first"]) as tr:
            # The engine's first calls (allocations) on the article's sentences, so that the probe and the
            # first pass are both measured warm.
            tr.backend.translate([s for line in lines for s in split_segment(line)[0]], num_beams=1,
                                 max_new_tokens=args.max_new_tokens)
            tr.translate(lines[:1])  # warm-up: glossary and name data, the placeholder probe
            probe_s = tr.timings.probe_s
            tr.timings = enforce.Timings()
            t0 = time.perf_counter()
            result = tr.translate_with_report(lines)
            wall = time.perf_counter() - t0
            tr.timings.probe_s += probe_s
            timings = tr.timings.to_dict()
    finally:
        enforce.STRATEGY_STEPS["hybrid"] = saved
    summary = result.report.summary
    return {**variant, "wall_s": round(wall, 2), **{k: timings[k] for k in (
        "model_s", "redecode_s", "probe_s", "enforcement_overhead_pct", "redecode_overhead_pct",
        "masked_first_sentences", "prefix_rounds", "redecoded_sentences", "forced_sentences",
        "rounds_per_forced_sentence", "max_rounds_per_sentence", "rounds_per_sentence")},
        "required": summary.get("required"), "missing": summary.get("missing")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=Path, help="tiny random NLLB, CTranslate2 folder (default: build)")
    parser.add_argument("--copy", type=Path, help="copy-trained tiny NLLB, CTranslate2 folder (default: build)")
    parser.add_argument("--input", type=Path, nargs="*", default=None,
                        help="Vietnamese text files, e.g. eval/names-vi/docs/*.txt (annotations [[name|kind]] "
                             "are read as plain names; default: the shipped seed article)")
    parser.add_argument("--lines", type=int, default=0, help="first N non-empty lines (default all)")
    parser.add_argument("--max-new-tokens", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--models", default="random,copy_trained", help="which models (default both)")
    parser.add_argument("--per-round", type=int, default=4, help="renderings per round of 'after_grouped'")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    files = args.input or [shipped_path("examples", "seed_article.vi.txt")]
    text = "\n".join(re.sub(r"\[\[([^|\]]+)\|[a-z_]+\]\]", r"\1", f.read_text(encoding="utf-8")) for f in files)
    lines = [x for x in text.splitlines() if x.strip()][: args.lines or None]
    started = time.perf_counter()
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="vnthai-enf-") as tmp:
        from vnthai_mt.translate.convert import convert_model
        from vnthai_mt.translate.tiny_model import build_tiny_model

        models = {}
        for name, given, steps in (("random", args.random, 0), ("copy_trained", args.copy, 300)):
            if name not in args.models.split(","):
                continue
            if given is None:
                hf = build_tiny_model(Path(tmp) / name, "nllb", seed=0, train_copy_steps=steps)
                given = convert_model(str(hf), Path(tmp) / f"{name}-ct2", quantization="float32")
            models[name] = given
        variants = {"before": {"mask_first": "off", "per_round": 1},
                    "after": {"mask_first": "auto", "per_round": 1},
                    "after_grouped": {"mask_first": "auto", "per_round": args.per_round}}
        for name, model in models.items():
            out[name] = {"model": str(model), **{v: run(model, how, lines, args) for v, how in variants.items()}}
    result = {
        "what": "hybrid on CTranslate2: enforcement's extra model time over first-pass model time; before: "
                "free first pass, one rendering per round; after: placeholders first (--mask-first auto); "
                "after_grouped: and several renderings per round",
        "input": [display_path(f) for f in files],
        "lines": len(lines),
        "max_new_tokens": args.max_new_tokens,
        **out,
        "wall_s": round(time.perf_counter() - started, 1),
        "command": "python scripts/bench_enforce.py " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
