"""`vnthai-mt check` and `vnthai-mt fix`: the editors' consistency check of Thai text, and its fixes.

check FILE.th [--source FILE.vi] [--glossary G ...] [--no-default-glossary] [--era be|ce]
      [--format text|json|html] [-o OUT]
    Exit 0 when clean, 1 when there are findings, 2 on bad input.
fix FILE.th [same options] [--only KIND ...] [-o OUT]
    Prints a unified diff of the suggested fixes; with -o, writes the fixed text there atomically
    (``-o FILE.th`` fixes in place). The number of lines never changes.
"""

from __future__ import annotations

import argparse
import sys

from vnthai_mt.cli.output import color_enabled

FORMATS = ("text", "json", "html")


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.th", help="Thai text, one segment per line (UTF-8; - for stdin), "
                   "or the Thai side of an XLIFF, PO or DOCX file")
    p.add_argument("--source", metavar="FILE.vi",
                   help="the Vietnamese source, line-aligned: adds key-term and number checks "
                   "(an XLIFF or PO file is its own source)")
    p.add_argument("--glossary", "-g", action="append", default=[], metavar="G",
                   help="glossary file (TSV/CSV/TBX) on top of the shipped ones; repeatable")
    p.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    p.add_argument("--era", choices=("be", "ce"),
                   help="the era years must be written in (be: พ.ศ., ce: ค.ศ.); default: flag a mix")


def register(sub) -> None:
    from vnthai_mt.qa.findings import FIXABLE, KINDS

    p = sub.add_parser(
        "check", help="find inconsistent renderings in Thai text (names, terms, Latin leftovers, years...)",
        description="Editors' consistency check of Thai text, alone or with its line-aligned Vietnamese "
        f"source. Findings: {', '.join(KINDS)}. Exit 0 when clean, 1 with findings, 2 on bad input.",
    )
    _add_common(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="report format (default text)")
    p.add_argument("--json", action="store_true", help="same as --format json")
    p.add_argument("-o", "--output", metavar="OUT", help="write the report here instead of standard output")
    p.set_defaults(func=run_check)

    f = sub.add_parser(
        "fix", help="apply the check's suggestions (shows a diff; -o writes the fixed text)",
        description="Apply the suggestions of `vnthai-mt check`: prints a unified diff; with -o writes the "
        "fixed text atomically. Only matched spans are rewritten; the number of lines is kept.",
    )
    _add_common(f)
    f.add_argument("--only", action="extend", nargs="+", choices=FIXABLE, metavar="KIND",
                   help=f"fix only these kinds (default: all of {', '.join(FIXABLE)})")
    f.add_argument("-o", "--output", metavar="OUT",
                   help="write the fixed text here (may be FILE.th itself; - for stdout)")
    f.add_argument("--json", action="store_true", help="print the applied edits as JSON instead of a diff")
    f.set_defaults(func=run_fix)


def _check(args):
    from vnthai_mt.glossary import load_glossaries
    from vnthai_mt.qa.consistency import check_lines
    from vnthai_mt.qa.document import read_document, read_source

    _guard(args)
    doc = read_document(args.file)
    source = read_source(args.source, len(doc.lines), args.file) if args.source else _own_source(doc)
    glossary = load_glossaries(args.glossary, include_default=not args.no_default_glossary)
    result = check_lines(doc.lines, glossary, source=source, era=args.era, file=doc.name,
                         source_file=args.source)
    return doc, result


def _own_source(doc) -> list[str] | None:
    """A bilingual file (XLIFF, PO) is its own line-aligned source: the key-term and number checks run
    without --source."""
    if doc.fmt not in ("xliff", "po"):
        return None
    from vnthai_mt.io.formats import read_document
    from vnthai_mt.io.inline import strip_markers

    return [strip_markers(t) for t in read_document(doc.path, doc.fmt).texts]


def _guard(args) -> None:
    """Refuse, before any work, an -o that is the source, a glossary, or (check) the Thai file."""
    from vnthai_mt.io.guard import WriteGuard, check_parent

    guard = WriteGuard().inputs("input", [args.file]).inputs("source", [args.source])
    guard.inputs("glossary", args.glossary)
    in_place = [args.file] if args.func is run_fix else []  # fix -o FILE.th fixes in place
    guard.output("output", args.output, allow_overwrite=in_place)
    check_parent(args.output)


def _write(path: str, text: str) -> None:
    from vnthai_mt.io.resume import atomic_write_text

    atomic_write_text(path, text)


def run_check(args) -> int:
    from vnthai_mt.qa import report

    _, result = _check(args)
    fmt = "json" if args.json else args.format
    if fmt == "json":
        text = report.to_json(result)
    elif fmt == "html":
        text = report.to_html(result)
    else:
        text = None
    if text is None:
        if args.output:
            import io

            buffer = io.StringIO()
            report.print_text(result, buffer, color=False, width=160)
            _write(args.output, buffer.getvalue())
        else:
            tty = sys.stdout.isatty()
            report.print_text(result, sys.stdout, color=color_enabled(args, sys.stdout),
                              width=None if tty else 160)
    elif args.output:
        _write(args.output, text)
    else:
        sys.stdout.write(text)
    if args.output and not args.quiet:
        print(report.summary_line(result), file=sys.stderr)
    return result.exit_code


def run_fix(args) -> int:
    import json

    from vnthai_mt.errors import InputError
    from vnthai_mt.glossary import load_glossaries
    from vnthai_mt.qa.document import read_document, read_source
    from vnthai_mt.qa.fix import fix_lines, unified_diff

    _guard(args)
    doc = read_document(args.file)
    source = read_source(args.source, len(doc.lines), args.file) if args.source else _own_source(doc)
    glossary = load_glossaries(args.glossary, include_default=not args.no_default_glossary)
    _, fixed = fix_lines(doc.lines, glossary, source=source, era=args.era, only=args.only, file=doc.name)
    if doc.fmt == "txt":
        old_text, new_text = doc.text(), doc.text(fixed.lines)
        new_bytes = None
    else:  # XLIFF, PO, DOCX: the diff shows the Thai segments; the file is written in its format
        from vnthai_mt.io.formats import render_document
        from vnthai_mt.io.inline import strip_markers

        old_text = "".join(strip_markers(t) + "\n" for t in doc.lines)
        new_text = "".join(strip_markers(t) + "\n" for t in fixed.lines)
        new_bytes = render_document(doc, fixed.lines)
        if args.output == "-" and doc.fmt == "docx":
            raise InputError("a .docx cannot be written to stdout; give -o FILE.docx")
    if args.json:
        if args.output == "-":
            raise InputError("--json prints to stdout, which -o - already uses")
        sys.stdout.write(json.dumps({
            "file": args.file,
            "applied": [vars(e) for e in fixed.applied],
            "skipped": [vars(e) for e in fixed.skipped],
        }, ensure_ascii=False, indent=2) + "\n")
    elif args.output != "-":
        sys.stdout.write(unified_diff(doc.name, old_text, new_text))
    if args.output == "-":
        if new_bytes is None:
            sys.stdout.write(new_text)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(new_bytes)
    elif args.output:
        if new_bytes is None:
            _write(args.output, new_text)
        else:
            from vnthai_mt.io.resume import atomic_write_bytes

            atomic_write_bytes(args.output, new_bytes)
    where = {None: " (diff only; use -o to write)", "-": "; wrote it to stdout"}.get(
        args.output, f"; wrote {args.output}")
    if not args.quiet:
        print(f"{doc.name}: {len(fixed.applied)} edit(s) applied, {len(fixed.skipped)} skipped{where}",
              file=sys.stderr)
    return 0
