"""`vnthai-mt glossary validate | lookup | convert`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from vnthai_mt.glossary.entry import KINDS


def register(sub) -> None:
    p = sub.add_parser("glossary", help="validate, search with, and convert glossaries",
                       description="Validate glossaries, find their terms in Vietnamese text, convert formats.")
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    v = gsub.add_parser("validate", help="check glossary files (exit 2 with file:line on the first error)",
                        description="Check glossary files; with no PATH, the shipped glossaries.")
    v.add_argument("paths", nargs="*", metavar="PATH",
                   help="TSV, CSV or TBX glossary files, or folders of them (default: the shipped ones)")
    v.add_argument("--stack", action="store_true",
                   help="also report the stacked result (shipped glossaries first, then PATHs in order)")
    v.add_argument("--json", action="store_true", help="print a JSON summary")
    v.set_defaults(func=_validate)

    lk = gsub.add_parser("lookup", help="list the glossary terms found in a Vietnamese text")
    lk.add_argument("file", metavar="FILE", help="Vietnamese text, one segment per line ('-' for stdin)")
    lk.add_argument("-g", "--glossary", action="append", default=[], metavar="G",
                    help="extra glossary, stacked over the shipped ones (repeatable)")
    lk.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    lk.add_argument("--json", action="store_true", help="print a JSON list of matches")
    lk.set_defaults(func=_lookup)

    c = gsub.add_parser("convert", help="convert between TSV, CSV and TBX (by file extension)")
    c.add_argument("source", metavar="IN")
    c.add_argument("target", metavar="OUT")
    c.add_argument("--from", dest="from_format", choices=["tsv", "csv", "tbx"], help="format of IN")
    c.add_argument("--to", dest="to_format", choices=["tsv", "csv", "tbx"], help="format of OUT")
    c.set_defaults(func=_convert)


def _summary(glossary) -> str:
    counts = glossary.counts_by_kind()
    return f"{len(glossary)} entries (" + ", ".join(f"{k} {counts[k]}" for k in KINDS) + ")"


GLOSSARY_SUFFIXES = (".tsv", ".csv", ".tbx")


def _glossary_files(paths: list[str]) -> list[str]:
    """The files to validate: each PATH, a folder's glossary files, or the shipped ones."""
    from vnthai_mt.errors import GlossaryError
    from vnthai_mt.glossary.loader import default_glossary_paths

    if not paths:
        return [str(p) for p in default_glossary_paths()]
    files: list[str] = []
    for path in paths:
        if Path(path).is_dir():
            found = sorted(str(p) for p in Path(path).iterdir() if p.suffix.lower() in GLOSSARY_SUFFIXES)
            if not found:
                raise GlossaryError("no glossary file (.tsv, .csv, .tbx) in this folder", path)
            files += found
        else:
            files.append(path)
    return files


def _validate(args) -> int:
    from vnthai_mt.glossary import Glossary, load_glossaries, load_glossary
    from vnthai_mt.shipped import display_path

    results = []
    total = Glossary()
    files = _glossary_files(args.paths)
    for file in files:
        glossary = load_glossary(file)
        path = display_path(file)
        total = Glossary(total.entries + glossary.entries)
        results.append({"path": path, "entries": len(glossary), "kinds": glossary.counts_by_kind(),
                        **({"settings": glossary.settings} if glossary.settings else {})})
        if not args.json:
            settings = "".join(f"; {k} = {v}" for k, v in glossary.settings.items())
            print(f"{path}: ok, {_summary(glossary)}{settings}")
    if len(files) > 1:
        results.append({"path": "(total)", "entries": len(total), "kinds": total.counts_by_kind()})
        if not args.json:
            print(f"total: {_summary(total)}")
    if args.stack:
        stacked = load_glossaries(list(files) if args.paths else [])
        results.append({"path": "(stacked)", "entries": len(stacked), "kinds": stacked.counts_by_kind()})
        if not args.json:
            print(f"stacked with the shipped glossaries: {_summary(stacked)}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


def _lookup(args) -> int:
    from vnthai_mt.glossary import Matcher, load_glossaries
    from vnthai_mt.io.lines import lines_of
    from vnthai_mt.io.utf8 import decode_utf8, read_lines

    glossary = load_glossaries(args.glossary, include_default=not args.no_default_glossary)
    matcher = Matcher(glossary)
    if args.file == "-":
        lines = lines_of(decode_utf8(sys.stdin.buffer.read(), "<stdin>"))
    else:
        lines = read_lines(args.file)
    found = []
    for number, line in enumerate(lines, start=1):
        for match in matcher.find(line):
            found.append({"line": number, **match.as_dict()})
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        for item in found:
            print(f"{item['line']}:{item['start']}-{item['end']}\t{item['source']}\t{item['th']}\t{item['kind']}")
        print(f"{len(found)} matches in {len(lines)} lines", file=sys.stderr)
    return 0


def _convert(args) -> int:
    from vnthai_mt.glossary import load_glossary, save_glossary
    from vnthai_mt.io.guard import WriteGuard, check_parent

    # Converting a file onto itself would drop its comment and licence lines: refused.
    WriteGuard().inputs("input", [args.source]).output("output", args.target)
    check_parent(args.target)
    glossary = load_glossary(args.source, args.from_format)
    save_glossary(glossary, Path(args.target), args.to_format)
    print(f"{args.target}: wrote {_summary(glossary)}", file=sys.stderr)
    return 0
