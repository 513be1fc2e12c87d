"""One evaluation run: read and check the files, compute every metric, format the result.

``evaluate`` returns one JSON-able dict: ``bleu``, ``chrf++``, ``ter`` (each with ``score`` and
``signature``), ``spbleu`` with a SentencePiece model, and beside them ``terms`` (term accuracy),
``consistency`` and ``significance`` when their inputs are given. ``format_report`` renders it as a
compact table for people.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.evaluation.significance import AR_TRIALS, BOOTSTRAP_SAMPLES
from vnthai_mt.io.utf8 import read_lines
from vnthai_mt.text.thai.segment import DEFAULT_SEGMENTER

METRIC_LABELS = {"bleu": "BLEU", "chrf++": "chrF++", "ter": "TER", "spbleu": "spBLEU"}


def read_segments(path: str | Path) -> list[str]:
    """Lines of a UTF-8 file; an empty file (no text at all) is an error."""
    lines = read_lines(path)
    if not any(line.strip() for line in lines):
        raise InputError("empty file (no text)", path)
    return lines


def check_aligned(hyp_path: str | Path, n_hyp: int, path: str | Path, lines: Sequence[object]) -> None:
    if len(lines) != n_hyp:
        raise InputError(f"has {len(lines)} lines but the hypothesis {hyp_path} has {n_hyp}; "
                         "files must be line-aligned", path)


@dataclass
class EvalInputs:
    hyps: list[str]
    refs: list[list[str]]  # reference streams (may be empty: term and consistency metrics only)
    src: list[str] | None = None
    requirements: list[list[Any]] | None = None  # per source line; from a glossary or an annotated suite
    documents: list[tuple[str, list[int]]] | None = None
    baseline: list[str] | None = None
    src_matches: list[list[Any]] | None = None  # glossary matches per source line (for consistency)


def evaluate(
    inputs: EvalInputs,
    *,
    matcher=None,
    segmenter: str = DEFAULT_SEGMENTER,
    spm: str | Path | None = None,
    detect_names: bool = True,
    bootstrap_samples: int = BOOTSTRAP_SAMPLES,
    ar_trials: int = AR_TRIALS,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every metric its inputs allow (see the module doc); ``progress(step)`` before each step."""
    step = progress or (lambda name: None)
    result: dict[str, Any] = {"segments": len(inputs.hyps)}
    if inputs.refs:
        from vnthai_mt.evaluation.metrics import Scorer

        step("BLEU, chrF++, TER")
        scorer = Scorer(inputs.refs, segmenter=segmenter, spm=spm)
        views = scorer.views(inputs.hyps)
        for key, score in scorer.score(inputs.hyps, views).items():
            result[key] = score.to_dict()
        if inputs.baseline is not None:
            from vnthai_mt.evaluation.significance import compare

            step("significance")
            comparisons = compare(scorer, inputs.hyps, inputs.baseline,
                                  bootstrap_samples=bootstrap_samples, ar_trials=ar_trials)
            result["significance"] = {key: c.to_dict() for key, c in comparisons.items()}
    if inputs.requirements is not None:
        from vnthai_mt.evaluation.terms import term_accuracy

        step("term accuracy")
        result["terms"] = term_accuracy(inputs.hyps, inputs.requirements).to_dict()
    if inputs.src is not None and (matcher is not None or inputs.src_matches is not None):
        from vnthai_mt.evaluation.consistency import consistency, documents_from_blank_lines

        step("consistency")
        documents = inputs.documents or documents_from_blank_lines(inputs.src)
        report = consistency(inputs.src, inputs.hyps, documents, matcher, line_matches=inputs.src_matches,
                             detect_names=detect_names)
        result["consistency"] = report.to_dict()
    return result


# ------------------------------------------------------------------------------------------------- report


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


def _ci(est: dict[str, Any]) -> str:
    if est.get("mean") is None:
        return f"{est['score']:.2f}"
    return f"{est['score']:.2f} ({est['mean']:.2f} ± {est['ci95']:.2f})"


def format_report(result: dict[str, Any], *, max_misses: int = 20) -> str:
    """A compact table of the scores, then significance, term misses and inconsistent entities."""
    out = []
    rows = [(METRIC_LABELS[k], f"{result[k]['score']:.2f}", result[k]["signature"])
            for k in METRIC_LABELS if k in result]
    terms = result.get("terms")
    if terms is not None:
        kinds = ", ".join(f"{k} {v['hits']}/{v['total']}" for k, v in terms["by_kind"].items())
        sig = terms.get("signature") or {}
        against = (f"; glossary {sig['glossary_sha256']}, {sig['glossary_entries']} entries"
                   if "glossary_sha256" in sig else f"; suite {sig['suite']}" if "suite" in sig else "")
        rows.append(("term accuracy", _pct(terms["accuracy"]), f"{terms['hits']}/{terms['total']} required "
                     f"renderings present" + (f" ({kinds})" if kinds else "") + against))
    cons = result.get("consistency")
    if cons is not None:
        rendered = cons["one_way"] + cons["several_ways"]
        note = (f"{cons['one_way']}/{rendered} entities mentioned twice or more rendered one way; "
                f"{cons['unidentified']} with no known rendering; {cons['documents']} documents")
        rows.append(("consistency", _pct(cons["share_one_way"]), note))
    width = max((len(r[0]) for r in rows), default=6)
    out.append(f"{result['segments']} segments")
    for label, score, note in rows:
        out.append(f"{label:<{width}}  {score:>7}  {note}")
    sig = result.get("significance")
    if sig:
        any_cmp = next(iter(sig.values()))
        out.append("")
        out.append(f"against the baseline: paired bootstrap ({any_cmp['paired_bootstrap']['samples']} "
                   f"resamples) and approximate randomization ({any_cmp['approximate_randomization']['trials']}"
                   " trials); score (bootstrap mean ± 95% CI)")
        header = ("metric", "baseline", "system", "delta", "p (bs)", "p (ar)")
        table = [header] + [
            (METRIC_LABELS[k], _ci(c["baseline"]), _ci(c["system"]), f"{c['delta']:+.2f}",
             f"{c['paired_bootstrap']['p_value']:.4f}", f"{c['approximate_randomization']['p_value']:.4f}")
            for k, c in sig.items()
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]
        out.extend("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table)
    if terms and terms["misses"]:
        misses = terms["misses"]
        shown = misses[:max_misses]
        out.append("")
        more = f" (first {len(shown)})" if len(shown) < len(misses) else ""
        out.append(f"missing renderings: {len(misses)}{more}")
        out.extend(f"  line {m['line']}: {m['vi']} -> {m['th']} ({m['kind']})" for m in shown)
    if cons and cons["inconsistent"]:
        out.append("")
        out.append("entities rendered several ways:")
        for r in cons["inconsistent"][:max_misses]:
            ways = ", ".join(f"{th} ×{n}" for th, n in sorted(r["renderings"].items(), key=lambda p: -p[1]))
            out.append(f"  {r['doc']}: {r['vi']} ({r['kind']}, {r['mentions']} mentions): {ways}")
    return "\n".join(out)
