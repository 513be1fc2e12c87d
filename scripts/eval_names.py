#!/usr/bin/env python3
"""Score the proper-name tools.

Transcription (default): exact-match and syllable-level accuracy of ``vnthai_mt.names.translit.transcribe``
against a TSV of persons with their Thai Wikipedia renderings (columns vi, th, source_url, ...); every
miss is listed with a reason.

Detection (``--detect``): precision and recall of ``vnthai_mt.names.detect.find_names`` against annotated
sentences (columns id, text, names; names as ``kind:surface|kind:surface``), overall, by kind, and for
names written in Vietnamese syllables versus foreign names.

    python scripts/eval_names.py [--persons FILE] [--json OUT]
    python scripts/eval_names.py --detect [--sentences FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PERSONS = ROOT / "tests" / "data" / "names" / "persons_thwiki.tsv"
DEFAULT_SENTENCES = ROOT / "tests" / "data" / "names" / "ntrex_names.tsv"


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


_TONES = __import__("re").compile("[\u0e48-\u0e4b]")


def miss_reason(vi: str, expected: str, got, pairs) -> str:
    """Say why ``got`` differs from ``expected`` syllable by syllable."""
    from vnthai_mt.names.phonetic import thai_key

    exp_syl, got_syl = expected.split(), got.thai.split()
    if got.source == "established" and got.thai != expected:
        return "established form differs from this reference"
    if len(exp_syl) != len(got_syl):
        return f"spacing/segmentation differs ({len(exp_syl)} vs {len(got_syl)} parts)"
    details = []
    for (vi_syl, _), e, g in zip(pairs, exp_syl, got_syl, strict=False):
        if e == g:
            continue
        if _TONES.sub("", e) == _TONES.sub("", g):
            details.append(f"{vi_syl}: {g} vs {e} (tone mark only: the reference marks a tone the RI spelling "
                           "leaves to the consonant class, or the reverse)")
        elif thai_key(e) == thai_key(g):
            details.append(f"{vi_syl}: {g} vs {e} (same sound, other spelling: vowel length or tone letter)")
        else:
            details.append(f"{vi_syl}: {g} vs {e} (different spelling of the sound)")
    return "; ".join(details) or "differs"


def eval_transcription(path: Path) -> dict:
    from vnthai_mt.names.translit import transcribe

    rows = read_tsv(path)
    exact = syl_total = syl_ok = 0
    misses = []
    for row in rows:
        got = transcribe(row["vi"], kind="person")
        exp_syl, got_syl = row["th"].split(), got.thai.split()
        syl_total += len(exp_syl)
        syl_ok += sum(e == g for e, g in zip(exp_syl, got_syl, strict=False)) if len(exp_syl) == len(got_syl) else 0
        if got.thai == row["th"]:
            exact += 1
        else:
            misses.append({"vi": row["vi"], "expected": row["th"], "got": got.thai, "source": row["source_url"],
                           "reason": miss_reason(row["vi"], row["th"], got, got.syllables)})
    n = len(rows)
    return {
        "file": str(path),
        "names": n,
        "exact_match": exact / n if n else 0.0,
        "exact_matches": exact,
        "syllable_accuracy": syl_ok / syl_total if syl_total else 0.0,
        "syllables": syl_total,
        "misses": misses,
    }


def parse_gold(field: str) -> list[tuple[str, str]]:
    out = []
    for item in filter(None, field.split("|")):
        kind, _, surface = item.partition(":")
        out.append((kind.strip(), surface.strip()))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def eval_detection(path: Path) -> dict:
    from vnthai_mt.names.detect import find_names, is_vietnamese_name

    rows = read_tsv(path)
    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = {}
    vi_counts = [0, 0]  # found, total for names in Vietnamese syllables
    foreign_counts = [0, 0]
    errors = []
    for row in rows:
        gold = parse_gold(row["names"])
        found = [(span.kind, span.text) for span in find_names(row["text"])]
        unmatched = list(gold)
        for item in found:
            if item in unmatched:
                unmatched.remove(item)
                tp += 1
                by_kind.setdefault(item[0], [0, 0, 0])[0] += 1
            else:
                fp += 1
                by_kind.setdefault(item[0], [0, 0, 0])[1] += 1
                errors.append({"id": row["id"], "type": "false positive", "name": f"{item[0]}:{item[1]}"})
        for item in unmatched:
            fn += 1
            by_kind.setdefault(item[0], [0, 0, 0])[2] += 1
            errors.append({"id": row["id"], "type": "missed", "name": f"{item[0]}:{item[1]}"})
        still_missing = list(unmatched)
        for item in gold:
            bucket = vi_counts if is_vietnamese_name(item[1]) else foreign_counts
            bucket[1] += 1
            if item in still_missing:
                still_missing.remove(item)
            else:
                bucket[0] += 1
    return {
        "file": str(path),
        "sentences": len(rows),
        "gold_names": tp + fn,
        "overall": _prf(tp, fp, fn),
        "by_kind": {k: _prf(*v) for k, v in sorted(by_kind.items())},
        "recall_vietnamese_names": vi_counts[0] / vi_counts[1] if vi_counts[1] else None,
        "vietnamese_names": vi_counts[1],
        "recall_foreign_names": foreign_counts[0] / foreign_counts[1] if foreign_counts[1] else None,
        "foreign_names": foreign_counts[1],
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--detect", action="store_true", help="score name detection instead of transcription")
    parser.add_argument("--persons", type=Path, default=DEFAULT_PERSONS)
    parser.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    parser.add_argument("--json", type=Path, help="write the full result as JSON to this file")
    args = parser.parse_args(argv)
    result = eval_detection(args.sentences) if args.detect else eval_transcription(args.persons)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if args.detect:
        o = result["overall"]
        print(f"{result['sentences']} sentences, {result['gold_names']} names: precision {o['precision']:.3f} "
              f"recall {o['recall']:.3f} F1 {o['f1']:.3f}")
        for kind, m in result["by_kind"].items():
            print(f"  {kind}: precision {m['precision']:.3f} recall {m['recall']:.3f} (tp {m['tp']} fp {m['fp']} "
                  f"fn {m['fn']})")
        for label in ("vietnamese", "foreign"):
            r = result[f"recall_{label}_names"]
            if r is not None:
                print(f"  recall on {label} names: {r:.3f} ({result[f'{label}_names']})")
        for err in result["errors"]:
            print(f"  {err['id']}: {err['type']}: {err['name']}")
    else:
        print(f"{result['names']} names: exact match {result['exact_match']:.3f} "
              f"({result['exact_matches']}/{result['names']}), syllable accuracy "
              f"{result['syllable_accuracy']:.3f} ({result['syllables']} syllables)")
        for miss in result["misses"]:
            print(f"  MISS {miss['vi']}: got {miss['got']} expected {miss['expected']} -- {miss['reason']}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head
        sys.exit(0)
