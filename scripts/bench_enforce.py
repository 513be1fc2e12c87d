#!/usr/bin/env python
"""Hybrid's model-time overhead on CTranslate2: prefix forcing one rendering per round (before) against
several per round, batched across sentences (after, ``ForcePrefixes(per_round=4)``).

    python scripts/bench_enforce.py --random DIR-ct2 --copy DIR-ct2 --json eval/examples/measurements/bench_enforce.json

Models: the tiny random-weights NLLB (it never writes a rendering itself: the worst case) and the
copy-trained one (``vnthai-mt tiny-model OUT --train-copy 300 --ct2``: it writes its input back, with
placeholders and renderings it is given), both CTranslate2 (built when not given; the copy model
takes minutes to train). Input: the shipped seed article (Vietnamese), shipped glossary and names,
greedy, ``--max-new-tokens``. Per model and variant, from the pipeline's own split (``Timings``):
``redecode_overhead_pct`` = re-decoding model time / first-pass model time (the issue's "extra model
time"), prefix rounds, rounds per forced sentence, and the renderings still missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from vnthai_mt.shipped import shipped_path


def run(model: Path, per_round: int, lines: list[str], args) -> dict:
    from vnthai_mt.translate import enforce
    from vnthai_mt.translate.pipeline import Translator

    saved = enforce.STRATEGY_STEPS["hybrid"]
    enforce.STRATEGY_STEPS["hybrid"] = (enforce.Constrain(), enforce.Repair(),
                                        enforce.ForcePrefixes(per_round=per_round), enforce.Repair())
    try:
        with Translator(str(model), "ctranslate2", num_beams=1, max_new_tokens=args.max_new_tokens,
                        threads=args.threads) as tr:
            tr.translate(lines[:1])  # warm-up: glossary and name data
            tr.timings = enforce.Timings()
            t0 = time.perf_counter()
            result = tr.translate_with_report(lines)
            wall = time.perf_counter() - t0
            timings = tr.timings.to_dict()
    finally:
        enforce.STRATEGY_STEPS["hybrid"] = saved
    summary = result.report.summary
    return {"per_round": per_round, "wall_s": round(wall, 2), **{k: timings[k] for k in (
        "model_s", "redecode_s", "redecode_overhead_pct", "prefix_rounds", "redecoded_sentences",
        "forced_sentences", "rounds_per_forced_sentence", "max_rounds_per_sentence")},
        "required": summary.get("required"), "missing": summary.get("missing")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=Path, help="tiny random NLLB, CTranslate2 folder (default: build)")
    parser.add_argument("--copy", type=Path, help="copy-trained tiny NLLB, CTranslate2 folder (default: build)")
    parser.add_argument("--lines", type=int, default=12)
    parser.add_argument("--max-new-tokens", type=int, default=48)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--models", default="random,copy_trained", help="which models (default both)")
    parser.add_argument("--per-round", type=int, default=4, help="renderings per round of the 'after' run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    lines = [x for x in shipped_path("examples", "seed_article.vi.txt").read_text(encoding="utf-8").splitlines()
             if x.strip()][: args.lines]
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
        for name, model in models.items():
            before = run(model, 1, lines, args)
            after = run(model, args.per_round, lines, args)
            out[name] = {"model": str(model), "before": before, "after": after}
    result = {
        "what": "hybrid on CTranslate2: re-decoding model time over first-pass model time, one rendering "
                "per round (before) vs several (after)",
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
