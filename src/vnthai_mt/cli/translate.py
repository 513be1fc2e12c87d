"""`vnthai-mt translate INPUT... -o OUT`: Vietnamese documents to Thai, titles and names enforced."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vnthai_mt.cli.output import show_progress
from vnthai_mt.io.formats import FORMATS
from vnthai_mt.translate.vocabulary import ALLOCATIONS, BACKENDS, DIGITS, ERAS, STRATEGIES

DEFAULT_MODEL = "facebook/nllb-200-distilled-600M"

EPILOG = """\
strategies (--strategy):
  hybrid     default: constrained decoding (transformers) or a free translation (ctranslate2), then
             repair, then re-decoding with the missing rendering forced in as a target prefix at its
             place in the sentence; reaches 100%% presence on both backends
  constrain  force every rendering while decoding (transformers: logits processor, greedy or beam;
             ctranslate2 has no per-step hook, so there: target-prefix forcing)
  mask       required spans become placeholders [1], [2]... restored after translation
  repair     translate freely, replace known wrong renderings and near misses
  none       translate freely; the report still says what is missing

examples:
  vnthai-mt translate article.vi.txt -o article.th.txt --report report.json
  vnthai-mt translate news/ -o news-th/ --backend ctranslate2 --model nllb-ct2 --resume
  vnthai-mt translate items.jsonl -o items.th.jsonl --field vi --glossary my_terms.tsv
"""


def register(sub) -> None:
    p = sub.add_parser(
        "translate",
        help="translate Vietnamese files into Thai with the glossary enforced",
        description="Translate Vietnamese documents (txt, jsonl, tsv, csv, docx, XLIFF, PO, SRT, WebVTT, HTML; "
        "files or folders) into Thai. "
        "Every glossary term and every detected name gets its one required Thai rendering; the output "
        "keeps the number and order of segments and empty lines, and is written atomically.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file or folder ('-' for stdin)")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output file, or folder when there are several inputs or a folder ('-' for stdout)")
    p.add_argument("--model", default=DEFAULT_MODEL, metavar="M",
                   help=f"hub id or model folder (default {DEFAULT_MODEL})")
    p.add_argument("--backend", choices=BACKENDS, default="transformers")
    p.add_argument("--device", default="auto", metavar="auto|cpu|cuda")
    p.add_argument("--dtype", default=None, help="float32/float16/bfloat16 (transformers), a compute type (ct2)")
    p.add_argument("--strategy", choices=STRATEGIES, default="hybrid",
                   help="how glossary renderings are enforced (default hybrid; see below)")
    p.add_argument("-g", "--glossary", action="append", default=[], metavar="G",
                   help="glossary file stacked over the shipped ones (repeatable; later wins)")
    p.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    p.add_argument("--no-names", action="store_true",
                   help="enforce glossary terms only, not rule transcriptions of other names")
    p.add_argument("--name-style", choices=("spaced", "joined"), default="spaced",
                   help="house style of transcribed persons' names: spaced by syllable (default; most Thai papers, "
                   "Thai Wikipedia) or joined; glossary forms are kept as written")
    p.add_argument("--report", metavar="R.json", help="write the enforcement report (JSON)")
    p.add_argument("--format", choices=FORMATS, default=None, help="input format (default: from the extension)")
    p.add_argument("--field", help="jsonl: the field to translate (default vi/source/src/text)")
    p.add_argument("--column", help="tsv/csv: header name or 1-based number of the column to translate")
    p.add_argument("--out-field", help="jsonl/tsv/csv: write the translation to this field/column instead")
    p.add_argument("--retranslate", action="store_true",
                   help="XLIFF/PO: also translate units that already have a target or are locked "
                   "(default: left as they are)")
    p.add_argument("--era", choices=ERAS, default="be",
                   help="years: be = Buddhist era (default), ce = Common era, keep = as the model wrote them")
    p.add_argument("--digits", choices=DIGITS, default="arabic")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run from its checkpoint (same input and settings)")
    p.add_argument("--cache", metavar="DB", help="SQLite translation memory shared across files and runs")
    p.add_argument("--batch-tokens", type=int, default=None, metavar="N",
                   help="padded source tokens per batch (default 1024 on CPU, 8192 on CUDA)")
    p.add_argument("--beams", type=int, default=4, metavar="N", help="beam size (1 = greedy; default 4)")
    p.add_argument("--max-new-tokens", type=int, default=None, metavar="N",
                   help="output tokens per sentence (default about twice the source)")
    p.add_argument("--allocation", choices=ALLOCATIONS, default="banks",
                   help="constrained beam search: dynamic beam allocation over banks (default) or masking only")
    p.add_argument("--threads", type=int, default=None, metavar="N",
                   help="CPU threads for the model (default: all available)")
    p.add_argument("--chunk-segments", type=int, default=32, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print a JSON summary to stdout")
    p.set_defaults(func=run)


def _plan(inputs: list[str], output: str) -> list[tuple[str, str, bool]]:
    """(input, output, is_folder) jobs. Errors for users before anything is loaded."""
    from vnthai_mt.errors import InputError

    for item in inputs:
        if item != "-" and not Path(item).exists():
            raise InputError("no such file or folder", item)
    if len(inputs) == 1:
        src = inputs[0]
        if src != "-" and Path(src).is_dir():
            if output == "-":
                raise InputError("a folder is translated into a folder, not stdout (-o FOLDER)")
            if Path(output).exists() and not Path(output).is_dir():
                raise InputError("a folder is translated into a folder, this is a file", output)
            return [(src, output, True)]
        if output != "-" and Path(output).is_dir():
            return [(src, str(Path(output) / Path(src).name), False)]
        return [(src, output, False)]
    if "-" in inputs:
        raise InputError("stdin ('-') can only be translated on its own")
    if output == "-":
        raise InputError("several inputs need an output folder (-o FOLDER)")
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise InputError("several inputs need an output folder, this is a file", out)
    names = [Path(i).name for i in inputs]
    if len(set(names)) != len(names):
        raise InputError("two inputs have the same name; translate them separately")
    return [(i, str(out / Path(i).name), Path(i).is_dir()) for i in inputs]


def _check_inputs(jobs, args) -> list[tuple[str, str]]:
    """Read every input once before the model loads: bad UTF-8, a bad field, a flag that does not
    apply to the format, an output that would destroy an input all fail fast. Returns the
    (input file, output file) pairs."""
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.formats import detect_format, plan_folder, read_document
    from vnthai_mt.translate.pipeline import check_segment_lengths

    pairs: list[tuple[str, str]] = []
    for src, dst, is_folder in jobs:
        files = [(str(p), str(q)) for p, q in plan_folder(src, dst)] if is_folder else [(src, dst)]
        fmts = [args.format or ("txt" if f == "-" else detect_format(f)) for f, _ in files]
        where = src if is_folder else (None if src == "-" else src)
        # A flag no file of this job can use would be ignored silently: refuse it.
        for flag, value, takes in (("--field", args.field, {"jsonl"}), ("--column", args.column, {"tsv", "csv"}),
                                   ("--out-field", args.out_field, {"jsonl", "tsv", "csv"})):
            if value is not None and not takes & set(fmts):
                raise InputError(f"{flag} applies to {'/'.join(sorted(takes))} files, not {fmts[0]}", where)
        if args.out_field is not None and is_folder:
            raise InputError("--out-field applies to single files, not to a folder", src)
        for (f, _), fmt in zip(files, fmts):
            if f != "-":
                doc = read_document(f, args.format, args.field if fmt == "jsonl" else None,
                                    args.column if fmt in ("tsv", "csv") else None)
                check_segment_lengths(doc, f)
        pairs.extend(files)
    return pairs


def _guard(pairs: list[tuple[str, str]], args) -> None:
    """No output, checkpoint, report or cache may be an input (through links too) or another output."""
    from vnthai_mt.io.guard import WriteGuard, check_parent
    from vnthai_mt.io.resume import checkpoint_path_for

    guard = WriteGuard().inputs("input", [f for f, _ in pairs]).inputs("glossary", args.glossary)
    model = Path(args.model)
    if model.is_dir():
        guard.inputs("model file", [p for p in model.rglob("*") if p.is_file()])
    for _, dst in pairs:
        guard.output("output", dst)
        if dst != "-":
            guard.output("checkpoint", checkpoint_path_for(dst))
    guard.output("report", args.report)
    check_parent(args.report, "report")
    if args.cache:
        guard.output("cache", args.cache)
        check_parent(args.cache, "cache")


def run(args) -> int:
    from vnthai_mt.errors import InputError

    jobs = _plan(args.inputs, args.output)
    if args.json and args.output == "-":
        raise InputError("--json prints to stdout, which -o - already uses; write the output to a file")
    if args.beams < 1:
        raise InputError("--beams must be at least 1")
    if args.threads is not None and args.threads < 1:
        raise InputError("--threads must be at least 1")
    if args.chunk_segments < 1:
        raise InputError("--chunk-segments must be at least 1")
    if args.max_new_tokens is not None and args.max_new_tokens < 1:
        raise InputError("--max-new-tokens must be at least 1")
    _guard(_check_inputs(jobs, args), args)

    from vnthai_mt.translate.pipeline import Translator, write_combined_report

    translator = Translator(
        model=args.model,
        backend=args.backend,
        glossaries=args.glossary,
        strategy=args.strategy,
        era=args.era,
        digits=args.digits,
        device=args.device,
        cache=args.cache,
        default_glossary=not args.no_default_glossary,
        names=not args.no_names,
        name_style=args.name_style,
        num_beams=args.beams,
        max_new_tokens=args.max_new_tokens,
        batch_tokens=args.batch_tokens,
        dtype=args.dtype,
        allocation=args.allocation,
        chunk_segments=args.chunk_segments,
        threads=args.threads,
        progress=show_progress(args),
    )
    from vnthai_mt.io.guard import make_folder

    reports = []
    try:
        for src, dst, is_folder in jobs:
            if is_folder:
                make_folder(dst)
                reports.extend(translator.translate_folder(src, dst, fmt=args.format, field=args.field,
                                                           column=args.column, resume=args.resume,
                                                           retranslate=args.retranslate))
            else:
                if len(jobs) > 1:
                    make_folder(Path(dst).parent)
                reports.append(translator.translate_file(src, dst, fmt=args.format, field=args.field,
                                                         column=args.column, resume=args.resume,
                                                         out_field=args.out_field,
                                                         retranslate=args.retranslate))
    finally:
        translator.close()
    if args.report:
        if len(reports) == 1:
            from vnthai_mt.io.resume import atomic_write_text

            atomic_write_text(args.report, json.dumps(reports[0].to_dict(), ensure_ascii=False, indent=1) + "\n")
        else:
            write_combined_report(reports, args.report)
    from vnthai_mt.translate.pipeline import summarize

    summary = summarize([s for r in reports for s in r.segments])
    if args.json:
        print(json.dumps({
            "files": [{"input": r.input, "output": r.output, "summary": r.summary} for r in reports],
            "summary": summary,
            "settings": translator.settings,
        }, ensure_ascii=False))
    elif not args.quiet:
        where = reports[0].output if len(reports) == 1 else args.output
        print(
            f"translated {summary['segments']} segment(s) in {len(reports)} file(s) to {where}: "
            f"{summary['required']} required rendering(s), {summary['enforced']} enforced, "
            f"{summary['repaired']} repaired, {summary['missing']} missing",
            file=sys.stderr,
        )
    return 0
