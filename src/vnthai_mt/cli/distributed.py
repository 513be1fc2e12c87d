"""`vnthai-mt translate DATASET -o OUT --engine ray`: the translate command's options and handler for
a run on a Ray cluster (``vnthai_mt.distributed``); ``--engine local`` (the default) never comes here.

    vnthai-mt translate archive/ -o archive-th/ --engine ray --address auto --num-actors 4 \\
        --doc-field article_id --backend ctranslate2 --model nllb-ct2 --beams 1
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys

from vnthai_mt.translate.vocabulary import ENGINES, SHARD_FORMATS


def add_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("engine", "where the work runs; with --engine ray, INPUT is one file or folder\n"
                             "(txt, docx, jsonl, csv, tsv, parquet) and OUT a folder of shards plus summary.json;\n"
                             "rerunning the same command resumes (finished shards are skipped)")
    g.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: this process (default); ray: actors on a Ray cluster (pip install 'vnthai-mt[ray]')")
    g.add_argument("--address", metavar="auto|HOST:PORT|ray://...",
                   help="Ray cluster to join (default: RAY_ADDRESS, else a new local one)")
    g.add_argument("--num-actors", type=int, default=1, metavar="N", help="actors, each with one model (default 1)")
    g.add_argument("--cpus-per-actor", type=float, default=1, metavar="C",
                   help="CPUs per actor, also its model's threads unless --threads (default 1)")
    g.add_argument("--gpus-per-actor", type=float, default=0, metavar="G",
                   help="GPUs per actor (default 0; with G > 0 the model runs on cuda)")
    g.add_argument("--batch-size", type=int, default=None, metavar="B", help="documents per actor call (default 4)")
    g.add_argument("--doc-field", metavar="F",
                   help="jsonl/csv/tsv/parquet: consecutive rows with the same F are one document "
                   "(default: a file is one document, as with --engine local)")
    g.add_argument("--shard-rows", type=int, default=None, metavar="N",
                   help="rows per output shard, whole documents (default 256)")
    g.add_argument("--shard-format", choices=SHARD_FORMATS, default="jsonl", help="output shards (default jsonl)")


def run_ray(args: argparse.Namespace, options) -> int:
    from vnthai_mt.distributed.actor import DEFAULT_BATCH_SIZE
    from vnthai_mt.distributed.plan import DEFAULT_SHARD_ROWS
    from vnthai_mt.distributed.run import ray_missing, translate_to_shards
    from vnthai_mt.errors import InputError

    if importlib.util.find_spec("ray") is None:
        raise ray_missing()
    if len(args.inputs) != 1 or args.inputs[0] == "-" or args.output == "-":
        raise InputError("--engine ray translates one file or folder into an output folder (-o FOLDER)")
    for flag, value in (("--report", args.report), ("--resume", args.resume or None)):
        if value is not None:
            raise InputError(f"{flag} does not apply to --engine ray: it always resumes, and writes "
                             "OUT/summary.json")
    summary = translate_to_shards(
        args.inputs[0], args.output, options, fmt=args.format, field=args.field, column=args.column,
        out_field=args.out_field, doc_field=args.doc_field,
        shard_rows=args.shard_rows or DEFAULT_SHARD_ROWS, out_format=args.shard_format,
        address=args.address, num_actors=args.num_actors, cpus_per_actor=args.cpus_per_actor,
        gpus_per_actor=args.gpus_per_actor, batch_size=args.batch_size or DEFAULT_BATCH_SIZE)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    elif not args.quiet:
        s = summary["summary"]
        print(f"translated {summary['rows']} row(s) in {summary['shards']} shard(s) to {args.output} "
              f"({summary['shards_skipped']} finished shard(s) skipped): {s['required']} required rendering(s), "
              f"{s['enforced']} enforced, {s['repaired']} repaired, {s['missing']} missing", file=sys.stderr)
    return 0
