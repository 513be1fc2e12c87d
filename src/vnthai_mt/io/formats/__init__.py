"""Documents in and out, one module per format family, one document model (``model.Document``).

A ``Document`` is a list of ``Segment`` (stable ``id``, ``text``, 1-based ``line``, inline ``tags``)
plus what the writer needs to reproduce everything that is not translated.
``write_document(doc, translations, path)`` takes one translation per segment, in order (blank and
skipped segments included: pass them through)::

    doc = read_document("article.xlf")                 # the source side of every unit
    write_document(doc, thai_texts, "article.th.xlf", annotations=notes)
    thai = read_document("article.th.xlf", side="target")   # what check and fix read

Formats (chosen from the extension, ``fmt=`` to force; unknown extensions read as txt), each in its
module, registered in ``registry``: ``text`` (txt, jsonl, tsv, csv), ``docx``, ``xliff`` (XLIFF 1.2
and 2.0), ``po`` (gettext). Inline markup travels as private-use markers (``io.inline``).

Errors for users are ``InputError`` with path and line (or place). Nothing is truncated.
``plan_folder(in_dir, out_dir, pattern)`` lists (input, output) pairs for a mirrored folder.
``path="-"`` reads stdin / writes stdout for the text formats.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats import docx as _docx  # noqa: F401 - registers its format
from vnthai_mt.io.formats import html as _html  # noqa: F401
from vnthai_mt.io.formats import po as _po  # noqa: F401
from vnthai_mt.io.formats import subtitles as _subtitles  # noqa: F401
from vnthai_mt.io.formats import text as _text  # noqa: F401
from vnthai_mt.io.formats import xliff as _xliff  # noqa: F401
from vnthai_mt.io.formats.model import SIDES, SOURCE, TARGET, Annotation, Document, Segment
from vnthai_mt.io.formats.registry import ReadOptions, RenderOptions, by_extension, names, spec
from vnthai_mt.io.formats.text import DEFAULT_FIELD_NAMES, document_records
from vnthai_mt.io.resume import atomic_write_bytes

_FIRST = ("txt", "jsonl", "tsv", "csv", "docx")  # the order of --format's choices; then the others
FORMATS = tuple(sorted(names(), key=lambda n: (_FIRST.index(n) if n in _FIRST else len(_FIRST), n)))
# Extensions we refuse rather than misread as plain text.
_REFUSED = {".json": "a JSON array is not supported; write one JSON object per line (.jsonl)",
            ".doc": "old Word format; save it as .docx", ".xlsx": "save the sheet as .csv or .tsv",
            ".pdf": "PDF is not supported; extract the text first"}

__all__ = [
    "DEFAULT_FIELD_NAMES",
    "FORMATS",
    "SIDES",
    "SOURCE",
    "TARGET",
    "Annotation",
    "Document",
    "Segment",
    "detect_format",
    "document_records",
    "plan_folder",
    "read_document",
    "read_thai",
    "render_document",
    "thai_side_format",
    "write_document",
]


def detect_format(path: str | Path) -> str:
    """Format name from the file extension (unknown extensions: ``txt``; some are refused)."""
    suffix = Path(path).suffix.lower()
    if suffix in _REFUSED:
        raise InputError(_REFUSED[suffix], path)
    return by_extension().get(suffix, "txt")


def _check_fmt(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def read_document(
    path: str | Path,
    fmt: str | None = None,
    field: str | None = None,
    column: str | int | None = None,
    *,
    header: bool | None = None,
    side: str = SOURCE,
    retranslate: bool = False,
) -> Document:
    """Read ``path`` (``"-"``: stdin) into a ``Document``; see each format's module.

    ``side="target"`` reads the Thai side of a bilingual format (XLIFF target, PO msgstr); for a
    monolingual one it is the file itself. ``retranslate``: XLIFF/PO units that already have a
    target (or are locked) are translated again instead of being left alone.
    """
    if side not in SIDES:
        raise ValueError(f"side must be one of {SIDES}")
    fmt = _check_fmt(fmt) if fmt else ("txt" if str(path) == "-" else detect_format(path))
    found = spec(fmt)
    if str(path) == "-" and not found.stdin:
        raise InputError(f"{fmt} cannot be read from standard input; give a file", "<stdin>")
    doc = found.read(path, ReadOptions(field=field, column=column, header=header, side=side,
                                       retranslate=retranslate))
    doc.side = side
    doc.display = "<stdin>" if str(path) == "-" else str(path)
    return doc


def thai_side_format(path: str | Path) -> str | None:
    """The format ``check``/``fix`` read ``path`` in when it is not plain lines (XLIFF, PO, DOCX...)."""
    if str(path) == "-":
        return None
    fmt = by_extension().get(Path(path).suffix.lower())
    return fmt if fmt is not None and spec(fmt).thai_side else None


def read_thai(path: str | Path) -> Document:
    """The Thai side of ``path`` as ``check`` and ``fix`` see it: the target of each XLIFF unit, each
    PO msgstr, each DOCX paragraph; any other file (whatever its extension) as plain lines."""
    fmt = thai_side_format(path)
    if fmt is None:
        doc = spec("txt").read(path, ReadOptions(folder_hint=""))
        doc.display = "<stdin>" if str(path) == "-" else str(path)
        return doc
    return read_document(path, fmt, side=TARGET)


def render_document(
    doc: Document,
    translations: Sequence[str],
    *,
    out_field: str | None = None,
    annotations: Sequence[Annotation] | None = None,
) -> bytes:
    """The output file's bytes: ``doc`` with segment ``i`` replaced by ``translations[i]``.

    ``out_field`` (jsonl key; tsv/csv header name or 1-based column number) writes translations there
    instead of over the source. ``annotations`` (one per segment): review flags and notes, for the
    formats that hold them (XLIFF state and note, PO fuzzy flag and comment).
    """
    if len(translations) != len(doc.segments):
        raise ValueError(f"{len(translations)} translations for {len(doc.segments)} segments")
    if annotations is not None and len(annotations) != len(doc.segments):
        raise ValueError(f"{len(annotations)} annotations for {len(doc.segments)} segments")
    found = spec(doc.fmt)
    if out_field is not None and not found.out_field:
        raise InputError(f"an output field/column applies to jsonl, tsv and csv, not {doc.fmt}", doc.path)
    return found.render(doc, translations, RenderOptions(out_field=out_field, annotations=annotations))


def write_document(
    doc: Document,
    translations: Sequence[str],
    path: str | Path,
    *,
    out_field: str | None = None,
    annotations: Sequence[Annotation] | None = None,
) -> None:
    """Write the translated document to ``path`` atomically (``"-"``: stdout), in ``doc.fmt``.

    Missing parent folders are created (a mirrored output folder needs its subfolders).
    """
    data = render_document(doc, translations, out_field=out_field, annotations=annotations)
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"cannot create the output folder: {err.strerror}", path.parent) from None
    atomic_write_bytes(path, data)


def plan_folder(
    in_dir: str | Path, out_dir: str | Path, pattern: str | Sequence[str] | None = None
) -> list[tuple[Path, Path]]:
    """(input, output) pairs that mirror ``in_dir`` under ``out_dir``, sorted by relative path.

    ``pattern``: glob(s) matched against file names in all subfolders (``"*.txt"``); default: every
    file with a supported extension. Hidden files and folders, and ``out_dir`` itself when it lies
    inside ``in_dir``, are skipped. Raises ``InputError`` when ``in_dir`` is not a folder, when
    ``out_dir`` is ``in_dir`` (sources would be overwritten) or when nothing matches.
    """
    src, dst = Path(in_dir), Path(out_dir)
    if not src.is_dir():
        raise InputError("no such folder" if not src.exists() else "is not a folder", src)
    if dst.resolve() == src.resolve():
        raise InputError("the output folder must differ from the input folder", dst)
    patterns = [pattern] if isinstance(pattern, str) else list(pattern or [])
    if not patterns:
        patterns = [f"*{ext}" for ext in by_extension()]
    dst_resolved = dst.resolve()
    found: set[Path] = set()
    for pat in patterns:
        for path in src.rglob(pat):
            rel = path.relative_to(src)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            if path.resolve().is_relative_to(dst_resolved):
                continue
            found.add(rel)
    if not found:
        raise InputError(f"no files matching {', '.join(patterns)}", src)
    return [(src / rel, dst / rel) for rel in sorted(found)]
