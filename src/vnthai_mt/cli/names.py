"""`vnthai-mt names`: the person and place names of a Vietnamese text, with one Thai rendering each, as
candidate glossary rows for an editor to review."""

from __future__ import annotations

import csv
import json
import sys

from vnthai_mt.translate.vocabulary import NAME_STYLES


def register(sub) -> None:
    p = sub.add_parser(
        "names", help="list the names in Vietnamese text with their Thai renderings (candidate glossary rows)",
        description="Find person and place names in Vietnamese text that no glossary lists, give each one "
        "Thai rendering (all its mentions, short forms and spellings without diacritics included) and print "
        "them as candidate glossary rows.")
    p.add_argument("files", nargs="+", metavar="FILE", help="Vietnamese text file(s), UTF-8 ('-' for stdin)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--tsv", action="store_true",
                     help="glossary TSV: vi, th, kind, vi_variants, th_variants, valid, source, note")
    fmt.add_argument("--json", action="store_true", help="JSON list with the mentions of each name")
    p.add_argument("--batch", action="store_true",
                   help="one rendering per name across all FILEs (default: each file on its own)")
    p.add_argument("-g", "--glossary", action="append", default=[], metavar="G",
                   help="leave out names this glossary already covers (repeatable; stacked over shipped ones)")
    p.add_argument("--name-style", choices=NAME_STYLES, default=None,
                   help="house style of persons' names: spaced by syllable or joined (default: the glossaries' "
                   "'#: name_style = ...' setting, else spaced)")
    p.set_defaults(func=_run)


def _read(path: str) -> str:
    from vnthai_mt.io.utf8 import decode_utf8, read_utf8

    if path == "-":
        return decode_utf8(sys.stdin.buffer.read(), "<stdin>")
    return read_utf8(path)


def _run(args) -> int:
    from vnthai_mt.names.registry import ROW_COLUMNS, NameRegistry

    glossary = None
    if args.glossary:
        from vnthai_mt.glossary import load_glossaries

        glossary = load_glossaries(args.glossary)
    style = args.name_style or (glossary.settings.get("name_style") if glossary is not None else None) or "spaced"
    groups: list[tuple[str, NameRegistry]] = []
    shared = NameRegistry(style)
    for path in args.files:
        text = _read(path)
        registry = shared if args.batch else NameRegistry(style)
        registry.add_document(text, glossary=glossary)
        if not args.batch:
            groups.append((path, registry))
    if args.batch:
        groups = [("(batch)", shared)]

    out = sys.stdout
    if args.tsv:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(ROW_COLUMNS)
        seen: set[tuple[str, str]] = set()
        for _path, registry in groups:
            for row in registry.rows():
                if (row["vi"], row["kind"]) not in seen:
                    seen.add((row["vi"], row["kind"]))
                    writer.writerow([row[c] for c in ROW_COLUMNS])
        return 0
    if args.json:
        result = []
        for path, registry in groups:
            for entry in sorted(registry, key=lambda e: (-e.count, e.kind, e.vi)):
                row = entry.as_row()
                row.update(file=path, count=entry.count, confidence=entry.transcription.confidence,
                           mentions=[{"document": d, "start": a, "end": b} for d, a, b in entry.mentions])
                result.append(row)
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return 0
    for path, registry in groups:
        if len(groups) > 1:
            out.write(f"== {path}\n")
        if not len(registry):
            out.write("no names found\n")
        for entry in sorted(registry, key=lambda e: (-e.count, e.kind, e.vi)):
            variants = [v for v in entry.variants if v != entry.vi]
            extra = f"  (also: {', '.join(variants)})" if variants else ""
            low = "  [low confidence]" if entry.transcription.confidence == "low" else ""
            out.write(f"{entry.kind:<6} {entry.count:>3}x  {entry.vi} -> {entry.th}{extra}{low}\n")
    return 0
