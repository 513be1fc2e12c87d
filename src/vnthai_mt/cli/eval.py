"""`vnthai-mt eval`: score Thai hypotheses (BLEU, chrF++, TER, term accuracy, consistency, significance)."""

from __future__ import annotations

import argparse
import json
import sys

from vnthai_mt.cli.output import progress_steps

EVAL_STEPS = ("glossary matches", "BLEU, chrF++, TER", "significance", "term accuracy", "consistency")

EPILOG = """\
BLEU segments Thai with PyThaiNLP newmm and runs sacrebleu with tokenize='none' (the signature names the
segmenter and its version); chrF++ is sacrebleu chrF with word_order=2 on the raw lines; TER runs on the
segmented lines. Term accuracy needs --src (a .jsonl suite with "terms" annotations, or plain lines
matched against the glossaries); consistency needs plain --src lines (documents from --docs, else
separated by blank source lines). Files are UTF-8 and line-aligned.

examples:
  vnthai-mt eval --hyp out.th.txt --ref ref.th.txt --src src.vi.txt
  vnthai-mt eval --hyp out.th.txt --refset ntrex128 --baseline base.th.txt --json
  vnthai-mt eval --hyp suite.th.txt --src terms        # the shipped terminology suite
  vnthai-mt eval --hyp - --refset ntrex128 < out.th.txt
"""


def register(sub) -> None:
    from vnthai_mt.text.thai.segment import DEFAULT_SEGMENTER, SEGMENTERS  # light: no pythainlp import

    p = sub.add_parser(
        "eval",
        help="score Thai translations against references (BLEU, chrF++, TER, terms, consistency)",
        description="Score Thai hypotheses: BLEU, chrF++ and TER against references, term accuracy and "
        "consistency against the Vietnamese source and glossaries, significance against a baseline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--hyp", required=True, metavar="H", help="system output, one Thai segment a line (- for stdin)")
    p.add_argument("--ref", action="append", default=[], metavar="R",
                   help="reference translation (repeat for several references)")
    p.add_argument("--refset", metavar="NAME",
                   help="take references, source and documents from a reference set "
                        "(ntrex128, flores_plus[:dev], or a .tsv/.jsonl file)")
    p.add_argument("--src", metavar="S",
                   help="Vietnamese source lines, or an annotated terms suite: 'terms' (shipped) or a .jsonl")
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
    from vnthai_mt.evaluation.evaluate import format_report
    from vnthai_mt.evaluation.run import evaluate

    with progress_steps(args, total=len(EVAL_STEPS)) as step:
        result = evaluate(
            args.hyp, args.ref, refset=args.refset, src=args.src, docs=args.docs, baseline=args.baseline,
            glossaries=args.glossary, default_glossary=not args.no_default_glossary, segmenter=args.segmenter,
            spm=args.spm, detect_names=not args.no_names, bootstrap_samples=args.bootstrap,
            ar_trials=args.ar_trials, progress=step,
        )
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_report(result, max_misses=args.max_misses))
    return 0
