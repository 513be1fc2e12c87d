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
    p.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD",
                   help="the document's date: say for each place of the shipped list of administrative units "
                   "whether it was a unit that day, and what a former unit became (Nam Định on 2025-09-01: "
                   "former province, now part of Ninh Bình). Names are rendered as written either way")
    p.set_defaults(func=_run)


def _iso_date(text: str):
    import argparse
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _as_of(entry, day) -> dict | None:
    """What the shipped list knows of a place entry on ``day`` (``names.places.status_on``)."""
    if day is None or entry.kind != "place":
        return None
    from vnthai_mt.names.places import status_on

    for name in (entry.vi, *entry.variants):
        status = status_on(name, day)
        if status is not None:
            return {"date": day.isoformat(), **status}
    return None


def _as_of_words(status: dict | None) -> str:
    if status is None:
        return ""
    if status["valid"]:
        return f"  [a unit on {status['date']}]"
    unit = status["units"][0]
    when = f"until {unit['valid_to']}" if unit["valid_to"] else f"from {unit['valid_from']}"
    after = f", then part of {status['successor']}" if status["successor"] else ""
    return f"  [not a unit on {status['date']}: {unit['type']} {when}{after}]"


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
            as_of = {(e.vi, e.kind): _as_of_words(_as_of(e, args.as_of)).strip(" []") for e in registry}
            for row in registry.rows():
                if as_of.get((row["vi"], row["kind"])):
                    row["note"] = "; ".join(x for x in (row["note"], as_of[(row["vi"], row["kind"])]) if x)
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
                if args.as_of is not None:
                    row["as_of"] = _as_of(entry, args.as_of)
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
            dated = _as_of_words(_as_of(entry, args.as_of))
            out.write(f"{entry.kind:<6} {entry.count:>3}x  {entry.vi} -> {entry.th}{extra}{low}{dated}\n")
    return 0
