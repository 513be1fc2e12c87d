#!/usr/bin/env python
"""Glossary speed: load time of a 10,000-entry glossary and normalize+match throughput over >= 5 MB.

The big glossary is built from shipped data: the shipped glossaries, then multi-word capitalized runs
and word bigrams taken from the NTREX Vietnamese references (with a placeholder Thai rendering: speed
does not depend on the Thai side). The text is the NTREX Vietnamese references and the seed article,
repeated to the requested size. Everything runs in one process, on one core.

    python scripts/bench_glossary.py --entries 10000 --megabytes 5 --json out/bench_glossary.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tempfile
import time
from pathlib import Path

from vnthai_mt.glossary import COLUMNS, Matcher, load_glossaries, load_glossary
from vnthai_mt.text import vietnamese

ROOT = Path(__file__).resolve().parents[1]
NTREX_VI = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128" / "newstest2019-ref.vie.txt"
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"


def build_glossary_rows(count: int, lines: list[str]) -> list[dict[str, str]]:
    rows = [e.as_row() for e in load_glossaries()]
    seen = {vietnamese.fold(r["vi"]) for r in rows}
    for vi in vietnamese.fold(" ".join(r["vi_variants"] for r in rows)).split("|"):
        seen.add(vi)
    candidates: list[str] = []
    for line in lines:
        candidates += re.findall(r"(?:[A-ZÀ-Ỹ][\w]+ ){1,3}[A-ZÀ-Ỹ][\w]+", line)  # capitalized runs
        words = re.findall(r"[^\W\d_]+", line)
        candidates += [f"{a} {b}" for a, b in itertools.pairwise(words)]  # bigrams
    for number, vi in enumerate(candidates):
        if len(rows) >= count:
            break
        key = vietnamese.fold(vi)
        if key in seen:
            continue
        seen.add(key)
        rows.append({"vi": vi, "th": f"คำทดสอบ{number}", "kind": "term", "vi_variants": "", "th_variants": "",
                     "valid": "", "source": "benchmark", "note": ""})
    if len(rows) < count:
        sys.exit(f"only {len(rows)} distinct terms found; ask for fewer entries")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()

    lines = NTREX_VI.read_text(encoding="utf-8").splitlines()
    seed = SEED_VI.read_text(encoding="utf-8").splitlines()
    rows = build_glossary_rows(args.entries, lines)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.tsv"
        path.write_text("\t".join(COLUMNS) + "\n" + "".join(
            "\t".join(r[c] for c in COLUMNS) + "\n" for r in rows), encoding="utf-8")
        t0 = time.perf_counter()
        glossary = load_glossary(path)
        t1 = time.perf_counter()
        matcher = Matcher(glossary)
        t2 = time.perf_counter()

    corpus: list[str] = []
    size = 0
    target = int(args.megabytes * 1_000_000)
    while size < target:
        for line in lines + seed:
            corpus.append(line)
            size += len(line.encode("utf-8")) + 1
    t3 = time.perf_counter()
    matches = sum(len(matcher.find(line)) for line in corpus)
    t4 = time.perf_counter()
    result = {
        "entries": len(glossary),
        "load_s": round(t1 - t0, 4),
        "automaton_build_s": round(t2 - t1, 4),
        "load_and_build_s": round(t2 - t0, 4),
        "text_mb": round(size / 1_000_000, 3),
        "segments": len(corpus),
        "matches": matches,
        "match_s": round(t4 - t3, 3),
        "mb_per_s": round(size / 1_000_000 / (t4 - t3), 3),
        "goals": {"mb_per_s": 1.0, "load_and_build_s": 1.0},
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
