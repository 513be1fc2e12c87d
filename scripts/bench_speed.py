#!/usr/bin/env python
"""Translation throughput: Transformers fp32 (baseline) vs CTranslate2 int8, on the NLLB-600M architecture;
and the Thai output vocabulary (issue 18): CTranslate2 int8 with its vmap.txt vs without (greedy and
beam), Transformers with the sliced output layer vs the full one.

    python scripts/bench_speed.py --sentences 16 --max-new-tokens 32 --json bench.json [--device cpu]

The model has the exact architecture of facebook/nllb-200-distilled-600M (config written out below:
d_model 1024, 12+12 layers, 16 heads, FFN 4096, vocabulary 256,206, 1024 positions) with RANDOM
weights, so nothing is downloaded. Timing does not depend on weight values once the output length is
fixed: every sentence decodes exactly --max-new-tokens tokens (min = max). Inputs are the first N
Vietnamese lines of NTREX-128 (vnthai_mt/data/tiny-model, CC BY-SA 4.0); they are tokenized by a stand-in
sentencepiece vocabulary trained on shipped text (the real NLLB vocabulary cannot be downloaded here),
whose mean source length is reported (``source_tokens_mean``).

The Thai vocabulary (``vnthai_mt.translate.thai_vocab``) is chosen from the stand-in tokenizer
(``thai_vocab_size`` pieces of the model's 256,206 rows; the rest of the rows are the converter's
filler), so the map removes about as many rows as with NLLB's own vocabulary, where the Thai pieces
are a few thousand of 256k. ``ratio_vmap_vs_int8``: sentences/s with the map over without, beam
``--num-beams``; ``ratio_vmap_vs_int8_greedy``: the same with greedy search; ``ratio_sliced_vs_full``:
Transformers with the sliced output layer over the full one.

Each backend runs in its own subprocess, so ``peak_rss_mb`` (ru_maxrss) is that backend's alone:
model load, warm-up and the timed run. The timed run is one ``Backend.translate`` call over all N
sentences (the backend's own length-sorted, token-budget batching), after a warm-up on 2 sentences.
Figures: ``sentences_per_s`` = N / seconds, ``tokens_per_s`` = N x max_new_tokens / seconds (output
tokens). With ``--glossary`` each backend also runs the glossary layer (pipeline Translator, shipped
glossary, strategies hybrid/mask/repair, and constrain where supported) on the same sentences:
``glossary_overhead_pct`` is its time outside the model as a share of model time (hybrid), see
``measure_glossary_overhead``; ``constrained_decoding_cost_pct`` is the extra model time of
constrained decoding over the plain run (transformers only).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
DATA = SCRIPTS.parent / "src" / "vnthai_mt" / "data" / "tiny-model" / "ntrex128-sample.vie.txt"
MARKER = "bench-model.json"

# facebook/nllb-200-distilled-600M, config.json (model_type m2m_100), written out by hand.
NLLB_600M = {
    "vocab_size": 256206,
    "d_model": 1024,
    "encoder_layers": 12,
    "decoder_layers": 12,
    "encoder_attention_heads": 16,
    "decoder_attention_heads": 16,
    "encoder_ffn_dim": 4096,
    "decoder_ffn_dim": 4096,
    "max_position_embeddings": 1024,
    "activation_function": "relu",
    "scale_embedding": True,
    "dropout": 0.1,
    "attention_dropout": 0.1,
    "activation_dropout": 0.0,
    "encoder_layerdrop": 0.0,
    "decoder_layerdrop": 0.0,
    "init_std": 0.02,
    "pad_token_id": 1,
    "bos_token_id": 0,
    "eos_token_id": 2,
    "decoder_start_token_id": 2,
    "tie_word_embeddings": True,
    "is_encoder_decoder": True,
    "use_cache": True,
    "tokenizer_class": "NllbTokenizer",
}
STANDIN_VOCAB = 8000  # pieces of the stand-in sentencepiece model


def sentences(n: int) -> list[str]:
    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [lines[i % len(lines)] for i in range(n)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


# --- building the model (subprocess "build") -----------------------------------------------------
def build_model(workdir: Path, seed: int) -> dict:
    """Random-weights NLLB-600M folder (workdir/hf) and its CTranslate2 int8 copy (workdir/ct2-int8)."""
    marker = workdir / MARKER
    if marker.is_file():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("config") == NLLB_600M and info.get("seed") == seed:
            if not (workdir / "ct2-int8-vmap" / "vmap.txt").is_file():
                info["thai_vocab_size"] = _vmap_folder(workdir)
            return info  # reuse a folder built by an earlier run (--workdir)
    import tempfile as tf

    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration

    from vnthai_mt.translate import tiny_model as tiny
    from vnthai_mt.translate.backends import quiet_progress_bars
    from vnthai_mt.translate.convert import convert_model

    quiet_progress_bars()
    start = time.perf_counter()
    hf = workdir / "hf"
    with tf.TemporaryDirectory() as tmp:
        tokenizer = tiny.make_tokenizer("nllb", tiny.train_spm(STANDIN_VOCAB, seed), Path(tmp), 1024)
        torch.manual_seed(seed)
        model = M2M100ForConditionalGeneration(M2M100Config(**NLLB_600M))
        params = sum(p.numel() for p in model.parameters())
        model.save_pretrained(hf)
        tokenizer.save_pretrained(hf)
        del model
    (hf / "README.md").write_text("# NLLB-600M architecture, RANDOM WEIGHTS (speed benchmark only)\n")
    built = time.perf_counter() - start
    convert_model(str(hf), workdir / "ct2-int8", quantization="int8", force=True)
    info_vmap = _vmap_folder(workdir)
    info = {
        "thai_vocab_size": info_vmap,
        "config": NLLB_600M,
        "seed": seed,
        "parameters": params,
        "build_s": round(built, 1),
        "convert_s": round(time.perf_counter() - start - built, 1),
    }
    marker.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def _vmap_folder(workdir: Path) -> int:
    """workdir/ct2-int8-vmap: links to the int8 copy's files plus the Thai vmap.txt; its size."""
    from transformers import AutoTokenizer

    from vnthai_mt.translate.thai_vocab import thai_pieces, write_vmap

    src, dst = workdir / "ct2-int8", workdir / "ct2-int8-vmap"
    dst.mkdir(exist_ok=True)
    for f in src.iterdir():
        link = dst / f.name
        if not link.exists():
            link.symlink_to(f.resolve())
    pieces = thai_pieces(AutoTokenizer.from_pretrained(workdir / "hf"))
    write_vmap(dst, pieces)
    return len(pieces)


# --- timing one backend (subprocess "transformers" / "ctranslate2") -------------------------------
def time_backend(args: argparse.Namespace) -> dict:
    from vnthai_mt.translate.backends import load_backend

    if args.worker == "ctranslate2":
        folder = args.workdir / ("ct2-int8-vmap" if args.thai_vocab else "ct2-int8")
    else:
        folder = args.workdir / "hf"
    start = time.perf_counter()
    backend = load_backend(
        str(folder),
        args.worker,
        device=args.device,
        dtype=args.dtype,
        num_beams=args.num_beams,
        batch_tokens=args.batch_tokens,
        threads=args.threads,
        thai_vocab=bool(args.thai_vocab),
    )
    load_s = time.perf_counter() - start
    texts = sentences(args.sentences)
    fixed = {"max_new_tokens": args.max_new_tokens, "min_new_tokens": args.max_new_tokens}
    backend.translate(texts[:2], **fixed)  # warm-up: allocators, kernels, caches
    _sync(backend)
    start = time.perf_counter()
    backend.translate(texts, **fixed)
    _sync(backend)
    seconds = time.perf_counter() - start
    result = {
        "device": backend.device,
        "dtype": backend.dtype,
        "num_beams": args.num_beams,
        "batch_tokens": backend.batch_tokens,
        "load_s": round(load_s, 2),
        "seconds": round(seconds, 3),
        "sentences_per_s": round(args.sentences / seconds, 3),
        "tokens_per_s": round(args.sentences * args.max_new_tokens / seconds, 2),
        "source_tokens_mean": round(sum(backend.count_tokens(texts)) / len(texts), 1),
        "thai_vocab_size": backend.thai_vocab_size,
    }
    if args.glossary:
        result["glossary"] = measure_glossary_overhead(backend, texts, fixed, seconds)
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return result


def _sync(backend) -> None:
    if backend.name == "transformers" and backend.device.startswith("cuda"):
        import torch

        torch.cuda.synchronize()


# --- glossary layer ------------------------------------------------------------------------------
# The glossary layer is vnthai_mt.translate.pipeline.Translator, given the already loaded backend
# (engine=...), the shipped default glossary and name detection. Model time is read by wrapping
# ``backend._generate`` (every model call goes through it), so
#   layer_s = total_s - model_s     (find requirements, mask/unmask, repair, verify, localize, report)
#   overhead_pct = 100 * layer_s / model_s
# Re-decoding (prefix forcing) and constrained decoding run inside model calls, so their cost shows as
# extra model time against the plain run: model_vs_plain_pct. The pipeline's own split
# (Translator.timings) is kept under "timings".
def measure_glossary_overhead(backend, texts: list[str], fixed: dict, plain_s: float) -> dict:
    try:
        from vnthai_mt.translate.enforce import Timings
        from vnthai_mt.translate.pipeline import Translator
    except ImportError as err:
        return {"error": f"glossary layer not available: {err}"}

    model_s = 0.0
    generate = backend._generate

    def timed_generate(*a, **k):
        nonlocal model_s
        t0 = time.perf_counter()
        try:
            return generate(*a, **k)
        finally:
            model_s += time.perf_counter() - t0

    backend._generate = timed_generate
    results: dict = {}
    strategies = ["hybrid", "mask", "repair"] + (["constrain"] if backend.supports_logits_processors else [])
    try:
        for strategy in strategies:
            try:
                translator = Translator(
                    engine=backend,
                    strategy=strategy,
                    num_beams=backend.num_beams,
                    max_new_tokens=fixed["max_new_tokens"],
                )
                translator.translate(texts[:2])  # warm-up: lazy loading of glossary and name data
                model_s = 0.0
                translator.timings = Timings()  # the pipeline's own split, without the warm-up
                t0 = time.perf_counter()
                translator.translate(texts)
                total = time.perf_counter() - t0
            except Exception as err:  # noqa: BLE001 - report, keep measuring the other strategies
                results[strategy] = {"error": f"{type(err).__name__}: {err}"}
                continue
            timings = getattr(translator, "timings", None)
            results[strategy] = {
                "total_s": round(total, 3),
                "model_s": round(model_s, 3),
                "layer_s": round(total - model_s, 3),
                "overhead_pct": round(100 * (total - model_s) / model_s, 2) if model_s else None,
                "model_vs_plain_pct": round(100 * (model_s - plain_s) / plain_s, 2),
                "total_vs_plain_pct": round(100 * (total - plain_s) / plain_s, 2),
                "timings": timings.to_dict() if hasattr(timings, "to_dict") else None,
            }
    finally:
        backend._generate = generate
    return results


# --- the parent process ---------------------------------------------------------------------------
def run_worker(worker: str, args: argparse.Namespace, extra: list[str], *, beams: int | None = None,
               glossary: bool | None = None) -> dict:
    cmd = [
        sys.executable, __file__, "--worker", worker, "--workdir", str(args.workdir),
        "--sentences", str(args.sentences), "--max-new-tokens", str(args.max_new_tokens),
        "--num-beams", str(beams or args.num_beams), "--device", args.device, "--seed", str(args.seed), *extra,
    ]  # fmt: skip
    if args.batch_tokens:
        cmd += ["--batch-tokens", str(args.batch_tokens)]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    if args.glossary if glossary is None else glossary:
        cmd += ["--glossary"]
    print(f"[bench] {worker} {' '.join(extra)} beams {beams or args.num_beams} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        lines = proc.stderr.strip().splitlines()
        return {"error": f"worker {worker} failed (exit {proc.returncode}): {lines[-1] if lines else ''}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine_info() -> dict:
    import ctranslate2
    import torch
    import transformers

    info = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": len(os.sched_getaffinity(0)),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "transformers": transformers.__version__,
        "ctranslate2": ctranslate2.__version__,
    }
    if torch.cuda.is_available():
        info["gpu"] = torch.cuda.get_device_name(0)
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=16)
    parser.add_argument("--max-new-tokens", type=int, default=32, help="exact output length per sentence")
    parser.add_argument("--num-beams", type=int, default=4, help="beam size (default 4, as translate uses)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda", "auto"])
    parser.add_argument("--ct2-compute", default=None, help="CTranslate2 compute type (default int8 on CPU, "
                        "int8_float16 on CUDA)")  # fmt: skip
    parser.add_argument("--hf-dtype", default="float32", help="Transformers dtype of the baseline")
    parser.add_argument("--batch-tokens", type=int, default=None)
    parser.add_argument("--threads", type=int, default=None, help="CTranslate2 CPU threads (default: all)")
    parser.add_argument("--workdir", type=Path, help="keep/reuse the built models here (default: temporary)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--glossary", action="store_true", help="also time the glossary layer (pipeline)")
    parser.add_argument("--worker", choices=["build", "transformers", "ctranslate2"], help=argparse.SUPPRESS)
    parser.add_argument("--dtype", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--thai-vocab", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-vocab", action="store_true", help="skip the Thai-vocabulary runs")
    args = parser.parse_args(argv)

    if args.worker == "build":
        print(json.dumps(build_model(args.workdir, args.seed)))
        return 0
    if args.worker:
        print(json.dumps(time_backend(args)))
        return 0

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="vnthai-bench-") as tmp:
        if args.workdir is None:
            args.workdir = Path(tmp)
        args.workdir.mkdir(parents=True, exist_ok=True)
        built = run_worker("build", args, [])
        if "error" in built:
            raise SystemExit(built["error"])
        hf = run_worker("transformers", args, ["--dtype", args.hf_dtype])
        on_cuda = args.device == "cuda" or hf.get("device", "").startswith("cuda")
        ct2_compute = args.ct2_compute or ("int8_float16" if on_cuda else "int8")
        ct2 = run_worker("ctranslate2", args, ["--dtype", ct2_compute])
        vocab: dict = {}
        if not args.no_vocab:
            vocab["ctranslate2_int8_vmap"] = run_worker("ctranslate2", args, ["--dtype", ct2_compute, "--thai-vocab"],
                                                        glossary=False)
            vocab["ctranslate2_int8_greedy"] = run_worker("ctranslate2", args, ["--dtype", ct2_compute], beams=1,
                                                          glossary=False)
            vocab["ctranslate2_int8_vmap_greedy"] = run_worker(
                "ctranslate2", args, ["--dtype", ct2_compute, "--thai-vocab"], beams=1, glossary=False)
            vocab["transformers_fp32_sliced"] = run_worker("transformers", args, ["--dtype", args.hf_dtype,
                                                                                  "--thai-vocab"], glossary=False)
    ok = "error" not in hf and "error" not in ct2
    ratio = ct2["sentences_per_s"] / hf["sentences_per_s"] if ok else None
    result = {
        "model": "facebook/nllb-200-distilled-600M architecture, RANDOM weights",
        "parameters": built["parameters"],
        "sentences": args.sentences,
        "max_new_tokens": args.max_new_tokens,
        "num_beams": args.num_beams,
        "inputs": "NTREX-128 Vietnamese, first N lines (stand-in tokenizer)",
        "source_tokens_mean": hf.get("source_tokens_mean", ct2.get("source_tokens_mean")),
        "transformers_fp32": hf,
        "ctranslate2_int8": ct2,
        "ratio_ct2_vs_hf": round(ratio, 2) if ratio else None,
        "glossary_overhead_pct": {
            "transformers_fp32": _overhead(hf.get("glossary")),
            "ctranslate2_int8": _overhead(ct2.get("glossary")),
        },
        "constrained_decoding_cost_pct": _constrain_cost(hf.get("glossary")),
        **vocab,
        "thai_vocab_size": built.get("thai_vocab_size"),
        "ratio_vmap_vs_int8": _ratio(vocab.get("ctranslate2_int8_vmap"), ct2),
        "ratio_vmap_vs_int8_greedy": _ratio(vocab.get("ctranslate2_int8_vmap_greedy"),
                                            vocab.get("ctranslate2_int8_greedy")),
        "ratio_sliced_vs_full": _ratio(vocab.get("transformers_fp32_sliced"), hf),
        "machine": machine_info(),
        "build_s": built.get("build_s"),
        "convert_s": built.get("convert_s"),
        "wall_s": round(time.perf_counter() - started, 1),
        "command": "python scripts/bench_speed.py " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if ok else 1


def _ratio(new: dict | None, base: dict | None) -> float | None:
    if not new or not base or "error" in new or "error" in base:
        return None
    return round(new["sentences_per_s"] / base["sentences_per_s"], 2)


def _overhead(glossary: dict | None) -> float | None:
    if not glossary or "hybrid" not in glossary:
        return None
    return glossary["hybrid"].get("overhead_pct")


def _constrain_cost(glossary: dict | None) -> float | None:
    if not glossary or "constrain" not in glossary:
        return None
    return glossary["constrain"].get("model_vs_plain_pct")


if __name__ == "__main__":
    sys.exit(main())
