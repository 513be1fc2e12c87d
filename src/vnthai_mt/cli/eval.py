"""`vnthai-mt eval`: score Thai hypotheses (BLEU, chrF++, TER, term accuracy, consistency, significance)."""

from __future__ import annotations

import argparse
import json
import sys

EPILOG = """\
BLEU segments Thai with PyThaiNLP newmm and runs sacrebleu with tokenize='none' (the signature names the
segmenter and its version); chrF++ is sacrebleu chrF with word_order=2 on the raw lines; TER runs on the
segmented lines. Term accuracy needs --src (a .jsonl suite with "terms" annotations, or plain lines
matched against the glossaries); consistency needs plain --src lines (documents from --docs, else
separated by blank source lines). Files are UTF-8 and line-aligned.

examples:
  vnthai-mt eval --hyp out.th.txt --ref ref.th.txt --src src.vi.txt
  vnthai-mt eval --hyp out.th.txt --refset ntrex128 --baseline base.th.txt --json
  vnthai-mt eval --hyp suite.th.txt --src eval/terms/terms.jsonl
"""


def register(sub) -> None:
    from vnthai_mt.evaluation.segment import DEFAULT_SEGMENTER, SEGMENTERS  # light: no pythainlp import

    p = sub.add_parser(
        "eval",
        help="score Thai translations against references (BLEU, chrF++, TER, terms, consistency)",
        description="Score Thai hypotheses: BLEU, chrF++ and TER against references, term accuracy and "
        "consistency against the Vietnamese source and glossaries, significance against a baseline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--hyp", required=True, metavar="H", help="system output, one Thai segment a line")
    p.add_argument("--ref", action="append", default=[], metavar="R",
                   help="reference translation (repeat for several references)")
    p.add_argument("--refset", metavar="NAME",
                   help="take references, source and documents from a reference set "
                        "(ntrex128, flores_plus[:dev], or a .tsv/.jsonl file)")
    p.add_argument("--src", metavar="S",
                   help="Vietnamese source lines, or an annotated terms suite (.jsonl)")
    p.add_argument("--glossary", action="append", default=[], metavar="G",
                   help="glossary stacked over the shipped ones (repeatable)")
    p.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    p.add_argument("--baseline", metavar="H0", help="baseline output for paired significance tests")
    p.add_argument("--docs", metavar="DOC_IDS",
                   help="document id per line (DOCUMENT_IDS.tsv layout) for consistency")
    p.add_argument("--segmenter", default=DEFAULT_SEGMENTER, choices=SEGMENTERS,
                   help="PyThaiNLP engine for BLEU/TER (default newmm; others only for comparison)")
    p.add_argument("--spm", metavar="FILE", help="local SentencePiece model for spBLEU (never downloaded)")
    p.add_argument("--no-names", action="store_true",
                   help="consistency over glossary entries only (no name detection)")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="bootstrap resamples (1000)")
    p.add_argument("--ar-trials", type=int, default=10000, metavar="N",
                   help="approximate randomization trials (10000)")
    p.add_argument("--max-misses", type=int, default=20, metavar="N", help="misses listed in the table (20)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vnthai_mt.errors import InputError
    from vnthai_mt.evaluation.evaluate import (
        EvalInputs,
        check_aligned,
        evaluate,
        format_report,
        read_segments,
    )

    if args.bootstrap < 1 or args.ar_trials < 1:
        raise InputError("--bootstrap and --ar-trials must be positive")
    hyps = read_segments(args.hyp)
    n = len(hyps)
    inputs = EvalInputs(hyps=hyps, refs=[])
    doc_ids: list[str] | None = None

    if args.refset:
        from vnthai_mt.evaluation.refsets import load_refset

        ds = load_refset(args.refset)
        if len(ds) != n:
            raise InputError(f"has {n} lines but the reference set {args.refset} has {len(ds)} segments",
                             args.hyp)
        inputs.refs.append(ds["th"])
        if not args.src:
            inputs.src = ds["vi"]
        doc_ids = ds["doc_id"]
    for path in args.ref:
        ref = read_segments(path)
        check_aligned(args.hyp, n, path, ref)
        inputs.refs.append(ref)

    glossary_needed = bool(args.src or args.refset)
    matcher = None
    if glossary_needed:
        from vnthai_mt.glossary import Matcher, load_glossaries

        glossary = load_glossaries(args.glossary, include_default=not args.no_default_glossary)
        matcher = Matcher(glossary) if len(glossary) else None
    if args.src and args.src.lower().endswith(".jsonl"):
        from vnthai_mt.evaluation.terms import load_terms_suite

        suite = load_terms_suite(args.src)
        check_aligned(args.hyp, n, args.src, suite)
        inputs.src = [item.vi for item in suite]
        inputs.requirements = [list(item.terms) for item in suite]
    elif args.src:
        inputs.src = read_segments(args.src)
        check_aligned(args.hyp, n, args.src, inputs.src)
    if inputs.src is not None and matcher is not None:
        from vnthai_mt.evaluation.terms import requirements_from_matches

        inputs.src_matches = [matcher.find(line) for line in inputs.src]  # once, for terms and consistency
        if inputs.requirements is None:
            inputs.requirements = requirements_from_matches(inputs.src_matches)

    if args.docs:
        if inputs.src is None:
            raise InputError("--docs needs --src (consistency is measured against the source)")
        doc_ids = read_segments(args.docs)
        check_aligned(args.hyp, n, args.docs, doc_ids)
    if doc_ids is not None:
        from vnthai_mt.evaluation.consistency import documents_from_ids

        inputs.documents = documents_from_ids(doc_ids, args.docs)
    if args.baseline:
        if not inputs.refs:
            raise InputError("--baseline needs references (--ref or --refset)")
        inputs.baseline = read_segments(args.baseline)
        check_aligned(args.hyp, n, args.baseline, inputs.baseline)
    if not inputs.refs and inputs.src is None:
        raise InputError("nothing to score: give --ref or --refset (BLEU, chrF++, TER) and/or --src (terms)")
    if not inputs.refs and inputs.requirements is None:
        raise InputError("term accuracy needs a glossary: none is shipped in glossaries/ and none was given "
                         "with --glossary")
    if args.spm and not inputs.refs:
        raise InputError("--spm needs references (--ref or --refset)")

    result = evaluate(
        inputs,
        matcher=matcher,
        segmenter=args.segmenter,
        spm=args.spm,
        detect_names=not args.no_names,
        bootstrap_samples=args.bootstrap,
        ar_trials=args.ar_trials,
    )
    result = {"hyp": args.hyp, "refs": list(args.ref), "refset": args.refset, "src": args.src,
              "baseline": args.baseline, **result}
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_report(result, max_misses=args.max_misses))
    return 0
