"""One evaluation from files or lists: assemble the inputs, score them, say what was scored.

This is what ``vnthai-mt eval`` and ``scripts/benchmark.py`` run, and what ``vnthai_mt.evaluate``
is. Each text argument is a path (UTF-8, one segment a line; ``"-"`` is standard input) or a list of
strings::

    from vnthai_mt import evaluate
    evaluate("out.th.txt", refset="ntrex128")["bleu"]["score"]          # 100.0 for the reference itself
    evaluate(["ประธานคณะกรรมการประชาชนจังหวัดกล่าว"], src=["Chủ tịch UBND tỉnh phát biểu"])["terms"]
    evaluate("suite.th.txt", src="terms")                                # the shipped terminology suite

``src`` is Vietnamese lines (term accuracy against the glossaries, and consistency) or an annotated
suite: ``"terms"`` (shipped) or a ``.jsonl`` path. The result is the JSON-able dict of
``evaluate.evaluate`` plus what was given (``hyp``, ``refs``, ``refset``, ``src``, ``baseline``); its
``terms`` block carries a ``signature`` (the glossary's fingerprint and entry count, or the suite's
name) so that two term accuracies can be compared only when they measured the same thing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.evaluation.evaluate import EvalInputs, check_aligned, read_segments
from vnthai_mt.evaluation.evaluate import evaluate as score_inputs
from vnthai_mt.evaluation.significance import AR_TRIALS, BOOTSTRAP_SAMPLES
from vnthai_mt.text.thai.segment import DEFAULT_SEGMENTER

Lines = str | Path | Sequence[str]  # a path or the lines themselves
SHIPPED_SUITE = "terms"


def shipped_suite_path() -> Path:
    """The shipped terminology suite (``data/terms/terms.jsonl``, or under $VNTHAI_MT_EVAL_DIR)."""
    from vnthai_mt.evaluation.refsets import eval_dir

    path = eval_dir() / "terms" / "terms.jsonl"
    if not path.is_file():
        raise InputError("the shipped terminology suite is missing (reinstall vnthai-mt)", path)
    return path


def _name(value: Lines | None) -> str | None:
    if value is None:
        return None
    return str(value) if isinstance(value, (str, Path)) else "<list>"


def _lines(value: Lines) -> list[str]:
    if isinstance(value, (str, Path)):
        return read_segments(value)
    lines = list(value)
    if not all(isinstance(line, str) for line in lines):
        raise InputError("expected a path or a list of strings")
    return lines


def _is_suite(src: Lines | None) -> bool:
    return isinstance(src, (str, Path)) and (str(src) == SHIPPED_SUITE or str(src).lower().endswith(".jsonl"))


def evaluate(
    hyp: Lines,
    refs: Sequence[Lines] | None = None,
    *,
    refset: str | Path | None = None,
    src: Lines | None = None,
    docs: Lines | None = None,
    baseline: Lines | None = None,
    glossaries: Sequence[str | Path] = (),
    default_glossary: bool = True,
    segmenter: str = DEFAULT_SEGMENTER,
    spm: str | Path | None = None,
    detect_names: bool = True,
    bootstrap_samples: int = BOOTSTRAP_SAMPLES,
    ar_trials: int = AR_TRIALS,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score ``hyp`` (see the module doc); ``progress(step)`` is called before each step."""
    if bootstrap_samples < 1 or ar_trials < 1:
        raise InputError("--bootstrap and --ar-trials must be positive")
    hyp_name = _name(hyp) or "<list>"
    refs = [refs] if isinstance(refs, (str, Path)) else list(refs or [])
    hyps = _lines(hyp)
    n = len(hyps)
    inputs = EvalInputs(hyps=hyps, refs=[])
    doc_ids: list[str] | None = None
    if refset is not None:
        from vnthai_mt.evaluation.refsets import load_refset

        ds = load_refset(refset)
        if len(ds) != n:
            raise InputError(f"has {n} lines but the reference set {refset} has {len(ds)} segments", hyp_name)
        inputs.refs.append(ds["th"])
        if src is None:
            inputs.src = ds["vi"]
        doc_ids = ds["doc_id"]
    for ref in refs:
        lines = _lines(ref)
        check_aligned(hyp_name, n, _name(ref) or "<list>", lines)
        inputs.refs.append(lines)

    matcher = None
    glossary = None
    if src is not None or refset is not None:
        from vnthai_mt.glossary import Matcher, load_glossaries

        glossary = load_glossaries(list(glossaries), include_default=default_glossary)
        matcher = Matcher(glossary) if len(glossary) else None
    terms_signature: dict[str, Any] | None = None
    if _is_suite(src):
        from vnthai_mt.evaluation.terms import load_terms_suite

        path = shipped_suite_path() if str(src) == SHIPPED_SUITE else Path(str(src))
        suite = load_terms_suite(path)
        check_aligned(hyp_name, n, str(src), suite)
        inputs.src = [item.vi for item in suite]
        inputs.requirements = [list(item.terms) for item in suite]
        terms_signature = {"requirements": "suite", "suite": str(src),
                           "suite_sha256": hashlib.sha256(path.read_bytes()).hexdigest()[:16]}
    elif src is not None:
        inputs.src = _lines(src)
        check_aligned(hyp_name, n, _name(src) or "<list>", inputs.src)
    if inputs.src is not None and matcher is not None:
        from vnthai_mt.evaluation.terms import requirements_from_matches

        if progress:
            progress("glossary matches")
        inputs.src_matches = [matcher.find(line) for line in inputs.src]  # once, for terms and consistency
        if inputs.requirements is None:
            inputs.requirements = requirements_from_matches(inputs.src_matches)
    if terms_signature is None and inputs.requirements is not None and glossary is not None:
        terms_signature = {"requirements": "glossary", "glossary_sha256": glossary.fingerprint()[:16],
                           "glossary_entries": len(glossary)}

    if docs is not None:
        if inputs.src is None:
            raise InputError("--docs needs --src (consistency is measured against the source)")
        doc_ids = _lines(docs)
        check_aligned(hyp_name, n, _name(docs) or "<list>", doc_ids)
    if doc_ids is not None:
        from vnthai_mt.evaluation.consistency import documents_from_ids

        inputs.documents = documents_from_ids(doc_ids, _name(docs))
    if baseline is not None:
        if not inputs.refs:
            raise InputError("--baseline needs references (--ref or --refset)")
        inputs.baseline = _lines(baseline)
        check_aligned(hyp_name, n, _name(baseline) or "<list>", inputs.baseline)
    if not inputs.refs and inputs.src is None:
        raise InputError("nothing to score: give --ref or --refset (BLEU, chrF++, TER) and/or --src (terms)")
    if not inputs.refs and inputs.requirements is None:
        raise InputError("term accuracy needs a glossary: the shipped ones were switched off and none was given "
                         "with --glossary")
    if spm and not inputs.refs:
        raise InputError("--spm needs references (--ref or --refset)")

    result = score_inputs(inputs, matcher=matcher, segmenter=segmenter, spm=spm, detect_names=detect_names,
                          bootstrap_samples=bootstrap_samples, ar_trials=ar_trials, progress=progress)
    if "terms" in result and terms_signature is not None:
        result["terms"]["signature"] = terms_signature
    return {"hyp": hyp_name, "refs": [_name(r) for r in refs], "refset": None if refset is None else str(refset),
            "src": _name(src), "baseline": _name(baseline), **result}
