"""`vnthai-mt translate INPUT... -o OUT`: Vietnamese documents to Thai, titles and names enforced."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vnthai_mt.cli import _project, distributed
from vnthai_mt.cli.output import show_progress
from vnthai_mt.io.formats import FORMATS
from vnthai_mt.translate.options import TranslatorOptions
from vnthai_mt.translate.vocabulary import ALLOCATIONS, BACKENDS, DIGITS, ERAS, MASK_FIRST, NAME_STYLES, STRATEGIES

DEFAULTS = TranslatorOptions()
# TranslatorOptions field <- the argparse destination of its flag (where they are spelled alike).
OPTION_FLAGS = {
    "model": "model", "backend": "backend", "strategy": "strategy", "era": "era", "digits": "digits",
    "name_style": "name_style", "num_beams": "beams", "max_new_tokens": "max_new_tokens",
    "allocation": "allocation", "chunk_segments": "chunk_segments", "device": "device", "dtype": "dtype",
    "batch_tokens": "batch_tokens", "threads": "threads", "cache": "cache", "thai_vocab": "thai_vocab",
    "mask_first": "mask_first",
    "document_segments": "document_segments", "api_base": "api_base", "api_timeout": "api_timeout",
    "api_retries": "api_retries", "api_concurrency": "api_concurrency",
}

EPILOG = """\
strategies (--strategy):
  hybrid     default: constrained decoding (transformers) or, on ctranslate2, the sentence with its
             required spans as placeholders when the model carries them (--mask-first), else a free
             translation; then repair, then re-decoding with each missing rendering forced in as a
             target prefix at its place in the sentence; reaches 100% presence on both backends
  constrain  force every rendering while decoding (transformers: logits processor, greedy or beam;
             ctranslate2 has no per-step hook, so there: target-prefix forcing)
  mask       required spans become placeholders [1], [2]... restored after translation
  repair     translate freely, replace known wrong renderings and near misses
  none       translate freely; the report still says what is missing

examples:
  vnthai-mt translate article.vi.txt -o article.th.txt --report report.json
  vnthai-mt translate news/ -o news-th/ --backend ctranslate2 --model nllb-ct2 --resume
  vnthai-mt translate items.jsonl -o items.th.jsonl --field vi --glossary my_terms.tsv
  vnthai-mt translate archive/ -o archive-th/ --engine ray --address auto --num-actors 4 --doc-field article_id
  vnthai-mt translate article.vi.txt -o article.th.txt --model Qwen/Qwen2.5-1.5B-Instruct
  vnthai-mt translate article.vi.txt -o article.th.txt --backend openai \
      --api-base http://127.0.0.1:8000/v1 --model NAME          # key: $VNTHAI_MT_API_KEY
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
    p.add_argument("--model", default=DEFAULTS.model, metavar="M",
                   help=f"hub id or model folder (default {DEFAULTS.model})")
    p.add_argument("--backend", choices=BACKENDS, default=DEFAULTS.backend)
    p.add_argument("--device", default=DEFAULTS.device, metavar="auto|cpu|cuda")
    p.add_argument("--dtype", default=None, help="float32/float16/bfloat16 (transformers), a compute type (ct2)")
    p.add_argument("--strategy", choices=STRATEGIES, default=DEFAULTS.strategy,
                   help="how glossary renderings are enforced (default hybrid; see below)")
    p.add_argument("-g", "--glossary", action="append", default=[], metavar="G",
                   help="glossary file stacked over the shipped ones (repeatable; later wins)")
    p.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    _project.add_option(p)
    p.add_argument("--no-names", action="store_true",
                   help="enforce glossary terms only, not rule transcriptions of other names")
    p.add_argument("--name-style", choices=NAME_STYLES, default=None,
                   help="house style of transcribed persons' names: spaced by syllable (default; most Thai papers, "
                   "Thai Wikipedia) or joined; glossary forms are kept as written. Default: the glossaries' "
                   "'#: name_style = ...' setting, else spaced")
    p.add_argument("--report", metavar="R.json",
                   help="write the enforcement report (JSON): each required rendering and its status, and the "
                   "names left to the model ('unenforced': foreign names with no established Thai form)")
    p.add_argument("--format", choices=FORMATS, default=None, help="input format (default: from the extension)")
    p.add_argument("--field", help="jsonl: the field to translate (default vi/source/src/text)")
    p.add_argument("--column", help="tsv/csv: header name or 1-based number of the column to translate")
    p.add_argument("--out-field", help="jsonl/tsv/csv: write the translation to this field/column instead")
    p.add_argument("--retranslate", action="store_true",
                   help="XLIFF/PO: also translate units that already have a target or are locked "
                   "(default: left as they are)")
    p.add_argument("--era", choices=ERAS, default=DEFAULTS.era,
                   help="years: be = Buddhist era (default), ce = Common era, keep = as the model wrote them")
    p.add_argument("--digits", choices=DIGITS, default=DEFAULTS.digits)
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted run from its checkpoint (same input and settings)")
    p.add_argument("--cache", metavar="DB", help="SQLite translation memory shared across files and runs")
    p.add_argument("--batch-tokens", type=int, default=None, metavar="N",
                   help="padded source tokens per batch (default 1024 on CPU, 8192 on CUDA)")
    p.add_argument("--beams", type=int, default=DEFAULTS.num_beams, metavar="N",
                   help=f"beam size (1 = greedy; default {DEFAULTS.num_beams})")
    p.add_argument("--max-new-tokens", type=int, default=None, metavar="N",
                   help="output tokens per sentence (default about twice the source)")
    p.add_argument("--allocation", choices=ALLOCATIONS, default=DEFAULTS.allocation,
                   help="constrained beam search: dynamic beam allocation over banks (default) or masking only")
    p.add_argument("--mask-first", choices=MASK_FIRST, default=DEFAULTS.mask_first,
                   help="ctranslate2, hybrid and constrain: send the required spans as placeholders first, "
                        "then force only what is still missing (auto, the default: when the model gives "
                        "back the placeholders of a short probe, measured once per run)")
    p.add_argument("--threads", type=int, default=None, metavar="N",
                   help="CPU threads for the model (default: the CPUs this process may use, or "
                        "OMP_NUM_THREADS; waiting threads sleep, so concurrent runs share the cores)")
    p.add_argument("--thai-vocab", action=argparse.BooleanOptionalAction, default=None,
                   help="score only Thai output pieces (default: when the model folder has the vmap.txt "
                        "that vnthai-mt convert writes; transformers: --thai-vocab slices the output layer)")
    p.add_argument("--chunk-segments", type=int, default=DEFAULTS.chunk_segments, help=argparse.SUPPRESS)
    llm = p.add_argument_group("instruction models (decoder-only --model, or --backend openai)")
    llm.add_argument("--document-segments", type=int, default=DEFAULTS.document_segments, metavar="N",
                     help="sentences per request in the free pass, marked and checked (default 1)")
    llm.add_argument("--api-base", default=None, metavar="URL",
                     help="OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (with --backend openai; "
                     "the key is read from VNTHAI_MT_API_KEY or OPENAI_API_KEY)")
    llm.add_argument("--api-timeout", type=float, default=DEFAULTS.api_timeout, metavar="S",
                     help=f"seconds to wait for one answer (default {DEFAULTS.api_timeout:g})")
    llm.add_argument("--api-retries", type=int, default=DEFAULTS.api_retries, metavar="N",
                     help=f"retries on 429/5xx/timeouts, with backoff (default {DEFAULTS.api_retries})")
    llm.add_argument("--api-concurrency", type=int, default=DEFAULTS.api_concurrency, metavar="N",
                     help=f"requests in flight at most (default {DEFAULTS.api_concurrency})")
    llm.add_argument("--no-api-prefill", action="store_true",
                     help="the server cannot continue an assistant prefix: no prefix forcing")
    p.add_argument("--json", action="store_true", help="print a JSON summary to stdout")
    distributed.add_options(p)
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
    if model.is_dir() and args.backend != "openai":
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

    args.glossary = _project.glossaries(args)  # --project DIR: its glossary.tsv stacked last
    if args.engine != "ray":
        for flag in ("address", "doc_field", "shard_rows", "batch_size"):
            if getattr(args, flag) is not None:
                raise InputError(f"--{flag.replace('_', '-')} applies to --engine ray")
        jobs = _plan(args.inputs, args.output)
    if args.json and args.output == "-":
        raise InputError("--json prints to stdout, which -o - already uses; write the output to a file")
    # Checked here, before any input is read or the model loads.
    options = TranslatorOptions(
        **{name: getattr(args, dest) for name, dest in OPTION_FLAGS.items()},
        glossaries=tuple(args.glossary), default_glossary=not args.no_default_glossary,
        names=not args.no_names, api_prefill=not args.no_api_prefill, progress=show_progress(args),
    )
    if args.engine == "ray":
        return distributed.run_ray(args, options)
    _guard(_check_inputs(jobs, args), args)

    from vnthai_mt.translate.pipeline import Translator
    from vnthai_mt.translate.report import summarize, write_combined_report, write_report

    translator = Translator.from_options(options)
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
            write_report(reports[0], args.report)
        else:
            write_combined_report(reports, args.report)
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
