#!/usr/bin/env python
"""GPU throughput in one run: CTranslate2 float16 and int8_float16 against Transformers float16, NLLB-600M
architecture (random weights), on the same CUDA device.

    python scripts/bench_gpu.py --sentences 64 --max-new-tokens 32 --json eval/examples/measurements/bench_gpu.json

Runs ``bench_speed.py --device cuda`` once per CTranslate2 compute type on one shared ``--workdir``
(the model is built once), Transformers float16 as the baseline, beam ``--num-beams`` and greedy, and
writes sentences/s, tokens/s, the ratios and the GPU's name. Run ``setup.sh`` first on the GPU machine:
it installs the CUDA 12 libraries CTranslate2 needs; a machine where CTranslate2 cannot use the GPU
gives an ``error`` entry naming what is missing, not a CPU figure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent


def bench(args, workdir: Path, compute: str, beams: int) -> dict:
    cmd = [sys.executable, str(SCRIPTS / "bench_speed.py"), "--device", "cuda", "--workdir", str(workdir),
           "--sentences", str(args.sentences), "--max-new-tokens", str(args.max_new_tokens),
           "--num-beams", str(beams), "--hf-dtype", "float16", "--ct2-compute", compute, "--no-vocab"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        return json.loads(proc.stdout)
    except ValueError:
        return {"error": (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--num-beams", type=int, default=4)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    runs: dict = {}
    with tempfile.TemporaryDirectory(prefix="vnthai-gpu-") as tmp:
        workdir = args.workdir or Path(tmp)
        for beams in sorted({args.num_beams, 1}, reverse=True):
            for compute in ("float16", "int8_float16"):
                r = bench(args, workdir, compute, beams)
                key = f"beam{beams}_{compute}"
                if "error" in r:
                    runs[key] = r
                    continue
                runs[key] = {
                    "transformers_fp16": {k: r["transformers_fp32"].get(k) for k in ("sentences_per_s", "tokens_per_s",
                                                                                       "dtype", "device", "error")},
                    f"ctranslate2_{compute}": {k: r["ctranslate2_int8"].get(k) for k in (
                        "sentences_per_s", "tokens_per_s", "dtype", "device", "error")},
                    "ratio_ct2_vs_hf": r.get("ratio_ct2_vs_hf"),
                    "machine": r.get("machine"),
                }
    result = {"model": "facebook/nllb-200-distilled-600M architecture, RANDOM weights", "runs": runs,
              "sentences": args.sentences, "max_new_tokens": args.max_new_tokens,
              "wall_s": round(time.perf_counter() - started, 1),
              "command": "python scripts/bench_gpu.py " + " ".join(sys.argv[1:] if argv is None else argv)}
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if all("error" not in r for r in runs.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
