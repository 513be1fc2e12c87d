"""`vnthai-mt tm export | import`: the translation memory (``--cache DB``) to and from TMX 1.4b.

tm export --cache DB -o mem.tmx     every (vi, th) pair of the cache, for a CAT tool
tm import mem.tmx --cache DB        a desk's memory into the cache: `translate --cache DB` then serves
                                    exact matches from it, reported ``via: memory``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("tm", help="translation memory: export the cache to TMX, import a TMX into it",
                       description="Move the translation memory (translate --cache DB) to and from TMX 1.4b.")
    tsub = p.add_subparsers(dest="tm_command", metavar="ACTION", required=True)
    e = tsub.add_parser("export", help="write the cache's Vietnamese-Thai pairs as TMX 1.4b")
    e.add_argument("--cache", required=True, metavar="DB", help="the SQLite translation memory")
    e.add_argument("-o", "--output", required=True, metavar="OUT.tmx", help="the TMX file to write")
    e.add_argument("--json", action="store_true", help="print a JSON summary")
    e.set_defaults(func=_export)
    i = tsub.add_parser("import", help="store a TMX's Vietnamese-Thai pairs in the cache (served via: memory)")
    i.add_argument("tmx", metavar="IN.tmx", help="a TMX file with vi and th variants")
    i.add_argument("--cache", required=True, metavar="DB", help="the SQLite translation memory (made if missing)")
    i.add_argument("--json", action="store_true", help="print a JSON summary")
    i.set_defaults(func=_import)


def _export(args) -> int:
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.cache import TranslationCache
    from vnthai_mt.io.guard import WriteGuard, check_parent
    from vnthai_mt.io.tmx import export_tmx

    if not Path(args.cache).is_file():
        raise InputError("no such translation cache", args.cache)
    WriteGuard().inputs("cache", [args.cache]).output("output", args.output)
    check_parent(args.output)
    with TranslationCache(args.cache) as cache:
        count = export_tmx(cache, args.output)
    _say(args, {"pairs": count, "output": args.output}, f"exported {count} pair(s) to {args.output}")
    return 0


def _import(args) -> int:
    from vnthai_mt.io.cache import TranslationCache
    from vnthai_mt.io.guard import WriteGuard, check_parent
    from vnthai_mt.io.tmx import import_tmx, read_pairs

    WriteGuard().inputs("input", [args.tmx]).output("cache", args.cache)
    check_parent(args.cache, "cache")
    list(read_pairs(args.tmx))  # a broken TMX fails here, before the cache is made
    with TranslationCache(args.cache) as cache:
        count = import_tmx(args.tmx, cache)
    _say(args, {"pairs": count, "cache": args.cache}, f"imported {count} pair(s) into {args.cache}")
    return 0


def _say(args, blob: dict, line: str) -> None:
    if args.json:
        print(json.dumps(blob, ensure_ascii=False))
    elif not args.quiet:
        print(line, file=sys.stderr)
