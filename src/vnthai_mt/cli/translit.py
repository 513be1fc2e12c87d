"""`vnthai-mt translit`: Vietnamese names in Thai script by the Royal Institute rules."""

from __future__ import annotations

import json
import sys

from vnthai_mt.translate.vocabulary import NAME_STYLES

# A person or place name is a few words; a longer "name" is a pasted text, and transcribing megabytes
# syllable by syllable takes minutes.
MAX_NAME_CHARS = 1000


def register(sub) -> None:
    p = sub.add_parser(
        "translit", help="transcribe Vietnamese names into Thai (Royal Institute rules)",
        description="Transcribe Vietnamese person or place names into Thai script (Royal Institute 2012 "
        "rules, established forms first). With no NAME (or -), reads one name per line from standard input and "
        "prints one rendering per line in the same order (an empty line gives an empty line).")
    p.add_argument("names", nargs="*", metavar="NAME", help="names to transcribe (quote names with spaces)")
    p.add_argument("--kind", choices=["person", "place"], default="person",
                   help="person: syllables spaced (เหงียน คัก เถิ่น); place: joined (นามดิ่ญ). Default person")
    p.add_argument("--name-style", choices=NAME_STYLES, default="spaced",
                   help="persons: spaced by syllable (default, เหงียน คัก เถิ่น) or joined (เหงียนคักเถิ่น); "
                   "places and established forms are written as listed either way")
    p.add_argument("--json", action="store_true",
                   help="one JSON object per line: thai, confidence, source, vi, notes")
    p.set_defaults(func=_run)


def _run(args) -> int:
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.lines import lines_of
    from vnthai_mt.io.utf8 import decode_utf8
    from vnthai_mt.names.translit import transcribe

    if args.names and args.names != ["-"]:
        names = args.names
    else:
        names = lines_of(decode_utf8(sys.stdin.buffer.read(), "<stdin>"))
    for number, name in enumerate(names, start=1):
        if len(name) > MAX_NAME_CHARS:  # checked before any output: one line in, one line out
            raise InputError(f"a name of {len(name):,} characters (at most {MAX_NAME_CHARS:,}); translit "
                             "takes one name a line", None if args.names else "<stdin>",
                             None if args.names else number)
    out = sys.stdout
    for name in names:
        if not name.strip():
            out.write("\n")
            continue
        t = transcribe(name, kind=args.kind, style=args.name_style)
        if args.json:
            out.write(json.dumps({"name": name, "thai": t.thai, "confidence": t.confidence, "source": t.source,
                                  "vi": t.vi, "kind": t.kind, "notes": list(t.notes)}, ensure_ascii=False) + "\n")
        else:
            out.write(t.thai + "\n")
    out.flush()
    return 0
