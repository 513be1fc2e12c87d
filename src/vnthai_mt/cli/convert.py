"""`vnthai-mt convert MODEL OUT`: make a CTranslate2 copy of a translation model (extra ``ct2``)."""

from __future__ import annotations

import argparse
import json
import sys

from vnthai_mt.translate.vocabulary import QUANTIZATIONS


def register(sub) -> None:
    p = sub.add_parser(
        "convert",
        help="make a CTranslate2 copy of a model (faster CPU/GPU translation; needs the ct2 extra)",
        description="Convert a Transformers translation model (hub id or folder: NLLB-200, M2M-100, "
        "mBART-50, MADLAD-400, Marian) into a CTranslate2 folder that --backend ctranslate2 loads. "
        "The tokenizer files are copied along.",
    )
    p.add_argument(
        "model", metavar="MODEL", help="hub id (cached, or downloaded when online) or model folder"
    )
    p.add_argument("out", metavar="OUT", help="output folder")
    p.add_argument(
        "--quantization",
        choices=QUANTIZATIONS,
        default="int8",
        help="weight type of the copy (default int8: about 4x smaller, fastest on CPU)",
    )
    p.add_argument("--thai-vocab", action=argparse.BooleanOptionalAction, default=True,
                   help="also write vmap.txt, the Thai output vocabulary the ctranslate2 backend then scores "
                        "alone (default on; --no-thai-vocab for a model translating into other languages)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from vnthai_mt.translate.convert import convert_model

    out = convert_model(args.model, args.out, quantization=args.quantization, force=args.force,
                        thai_vocab=args.thai_vocab)
    size = sum(f.stat().st_size for f in out.iterdir() if f.is_file())
    if args.json:
        print(
            json.dumps(
                {"model": args.model, "out": str(out), "quantization": args.quantization, "bytes": size,
                 "thai_vocab": _vmap_size(out)}
            )
        )
    else:
        print(
            f"wrote {out} ({args.quantization}, {size / 1e6:.1f} MB); use it with --backend ctranslate2 "
            f"--model {out}",
            file=sys.stdout,
        )
    return 0


def _vmap_size(out) -> int | None:
    from vnthai_mt.translate.thai_vocab import read_vmap

    pieces = read_vmap(out)
    return len(pieces) if pieces is not None else None
