"""Throughput of the editors' check (`vnthai-mt check`) on at least 5 MB of Thai text.

The text is the NTREX-128 Thai reference (src/vnthai_mt/data/refsets/ntrex128/newstest2019-ref.tha.txt, CC BY-SA 4.0,
see the LICENSE.md beside it) repeated until it reaches --mb megabytes; with --source the aligned
Vietnamese reference is repeated alongside and the source checks run too. The shipped glossaries are
loaded once, outside the timing (their load time is reported separately). Goal: >= 500 KB/s.

    python scripts/bench_check.py --json bench_check.json
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.document import read_document

THAI = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128" / "newstest2019-ref.tha.txt"
VIETNAMESE = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128" / "newstest2019-ref.vie.txt"


def _repeat(lines: list[str], min_bytes: int) -> list[str]:
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    times = -(-min_bytes // size)  # ceiling
    return lines * times


def _run(lines, glossary, source, runs: int) -> dict:
    seconds = []
    findings = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        result = check_lines(lines, glossary, source=source)
        seconds.append(time.perf_counter() - t0)
        findings = len(result.findings)
    size = sum(len(line.encode("utf-8")) + 1 for line in lines)
    best = min(seconds)
    return {
        "bytes": size,
        "lines": len(lines),
        "runs": runs,
        "seconds": [round(s, 3) for s in seconds],
        "seconds_median": round(statistics.median(seconds), 3),
        "kb_per_s_best": round(size / 1024 / best, 1),
        "kb_per_s_median": round(size / 1024 / statistics.median(seconds), 1),
        "findings": findings,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="OUT", help="write the measurements here")
    parser.add_argument("--mb", type=float, default=5.0, help="size of the text in MiB (default 5)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per configuration (default 3)")
    parser.add_argument("--no-source", action="store_true", help="skip the run with the Vietnamese source")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    glossary = load_glossaries([], include_default=True)
    glossary_seconds = time.perf_counter() - t0
    thai = read_document(THAI).lines
    min_bytes = int(args.mb * 1024 * 1024)
    lines = _repeat(thai, min_bytes)
    check_lines(thai[:200], glossary)  # warm-up: lazy imports (PyThaiNLP stopwords, wunsen) happen here
    results = {"thai_only": _run(lines, glossary, None, args.runs)}
    if not args.no_source:
        vietnamese = read_document(VIETNAMESE).lines
        source = vietnamese * (len(lines) // len(thai))
        check_lines(thai[:200], glossary, source=vietnamese[:200])
        results["with_source"] = _run(lines, glossary, source, args.runs)
    report = {
        "benchmark": "vnthai-mt check throughput",
        "text": f"{THAI.relative_to(ROOT)} repeated to >= {args.mb} MiB",
        "glossary_entries": len(glossary),
        "glossary_load_seconds": round(glossary_seconds, 3),
        "goal_kb_per_s": 500,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": platform.processor() or platform.machine(),
        **results,
    }
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
