"""Documents in and out: txt, jsonl, tsv, csv and docx, written back in the same format.

A ``Document`` is a list of ``Segment`` (stable ``id``, ``text``, 1-based ``line``) plus what the
writer needs to reproduce everything that is not translated. ``write_document(doc, translations,
path)`` takes one translation per segment, in order (blank segments included: pass them through).

Formats (chosen from the extension, ``fmt=`` to force; unknown extensions read as txt):

- **txt**: one segment a line; empty lines are segments too; CRLF/LF line ends, a UTF-8 BOM and the
  file's final-newline state are kept. A newline inside a translation becomes a space (the line count
  never changes).
- **jsonl**: each non-blank line is a JSON object; ``field`` names the key to translate (default: the
  first of ``vi``, ``source``, ``src``, ``text`` that the first record has). The output line is the
  input line with only that value replaced (or ``out_field`` set/added): every other byte of the line is
  kept. Blank lines are kept and are not segments.
- **tsv**: tab-separated, no quoting (lines split on ``\\t``); **csv**: RFC 4180 via the ``csv``
  module. ``column`` is a header name or a 1-based column number (int or digit string, like ``cut
  -f``); default: a header column named like the jsonl default, or the only column. A header row is
  detected (``header=None``) when ``column`` names a cell of the first row, or when every cell of the
  first row is a short ASCII identifier; pass ``header=True/False`` to decide. Other columns are kept;
  blank lines are kept and are not segments.
- **srt**, **vtt**: subtitles, only the cue text translated (see ``io.subtitles``).
- **docx** (extra ``docx``: python-docx): body paragraphs, then table-cell paragraphs, are segments
  (ids ``p1``..); the writer replaces each paragraph's text and keeps its paragraph style and the
  character formatting of its first run.

Errors for users are ``InputError`` with path and line: a missing file, invalid UTF-8, a jsonl line
that is not a JSON object or lacks the field, a row without the column. Nothing is truncated.

``plan_folder(in_dir, out_dir, pattern)`` lists (input, output) pairs for a mirrored folder.
``path="-"`` reads stdin / writes stdout for the text formats.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.io.lines import split_lines as _split_lines
from vnthai_mt.io.resume import atomic_write_bytes
from vnthai_mt.io.utf8 import decode_utf8, read_bytes

FORMATS = ("txt", "jsonl", "tsv", "csv", "docx", "srt", "vtt")
_EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".tsv": "tsv", ".tab": "tsv",
    ".csv": "csv",
    ".docx": "docx",
    ".srt": "srt", ".vtt": "vtt",
}
# Extensions we refuse rather than misread as plain text.
_REFUSED = {".json": "a JSON array is not supported; write one JSON object per line (.jsonl)",
            ".doc": "old Word format; save it as .docx", ".xlsx": "save the sheet as .csv or .tsv",
            ".pdf": "PDF is not supported; extract the text first"}
DEFAULT_FIELD_NAMES = ("vi", "source", "src", "text")
_HEADER_CELL = re.compile(r"[A-Za-z_][A-Za-z0-9_ .\-]{0,31}")


@dataclass
class Segment:
    """One unit to translate. ``id`` is stable for a given input (txt/jsonl/tsv/csv: the line number
    where the segment starts, as a string; docx: ``p<n>``); ``line`` is that 1-based line (docx: the
    paragraph number)."""

    id: str
    text: str
    line: int

    @property
    def is_blank(self) -> bool:
        """Nothing to translate (empty or whitespace only)."""
        return not self.text.strip()


@dataclass
class Document:
    """Segments of one input file plus the layout needed to write the same format back.

    ``field`` (jsonl key or tsv/csv header name) and ``column`` (0-based tsv/csv index) say what was
    read; ``header`` tells whether a tsv/csv header row was found. ``layout`` is private to this module.
    """

    path: Path | None
    fmt: str
    segments: list[Segment]
    field: str | None = None
    column: int | None = None
    header: bool = False
    layout: Any = dataclasses.field(default=None, repr=False)

    @property
    def texts(self) -> list[str]:
        return [seg.text for seg in self.segments]

    @property
    def ids(self) -> list[str]:
        return [seg.id for seg in self.segments]

    def __len__(self) -> int:
        return len(self.segments)


# --- public API --------------------------------------------------------------------------------------


def detect_format(path: str | Path) -> str:
    """Format name from the file extension (unknown extensions: ``txt``; some are refused)."""
    suffix = Path(path).suffix.lower()
    if suffix in _REFUSED:
        raise InputError(_REFUSED[suffix], path)
    return _EXTENSIONS.get(suffix, "txt")


def read_document(
    path: str | Path,
    fmt: str | None = None,
    field: str | None = None,
    column: str | int | None = None,
    *,
    header: bool | None = None,
) -> Document:
    """Read ``path`` (``"-"``: stdin) into a ``Document``; see the module docstring for each format."""
    fmt = _check_fmt(fmt) if fmt else ("txt" if str(path) == "-" else detect_format(path))
    if fmt == "docx":
        return _read_docx(Path(path))
    name, data = _read_bytes(path)
    text = decode_utf8(data, name, sniff=fmt not in ("srt", "vtt"))
    bom = data.startswith(b"\xef\xbb\xbf")
    doc_path = None if str(path) == "-" else Path(path)
    if fmt == "txt":
        doc = _read_txt(text)
    elif fmt == "jsonl":
        doc = _read_jsonl(text, name, field)
    elif fmt == "tsv":
        doc = _read_tsv(text, name, column, header)
    elif fmt == "csv":
        doc = _read_csv(text, name, column, header)
    else:
        doc = _read_subtitles(text, name, fmt)
    doc.path = doc_path
    doc.layout["bom"] = bom
    return doc


def render_document(doc: Document, translations: Sequence[str], *, out_field: str | None = None) -> bytes:
    """The output file's bytes: ``doc`` with segment ``i`` replaced by ``translations[i]``.

    ``out_field`` (jsonl key; tsv/csv header name or 1-based column number) writes translations there
    instead of over the source.
    """
    if len(translations) != len(doc.segments):
        raise ValueError(f"{len(translations)} translations for {len(doc.segments)} segments")
    if out_field is not None and doc.fmt not in ("jsonl", "tsv", "csv"):
        raise InputError(f"an output field/column applies to jsonl, tsv and csv, not {doc.fmt}", doc.path)
    if doc.fmt == "docx":
        return _render_docx(doc, translations)
    if doc.fmt == "txt":
        text = _render_txt(doc, translations)
    elif doc.fmt == "jsonl":
        text = _render_jsonl(doc, translations, out_field)
    elif doc.fmt == "tsv":
        text = _render_tsv(doc, translations, out_field)
    elif doc.fmt == "csv":
        text = _render_csv(doc, translations, out_field)
    else:
        from vnthai_mt.io import subtitles

        text = subtitles.render(doc.layout["parsed"], translations)
    if doc.layout.get("bom"):
        text = "\ufeff" + text
    return text.encode("utf-8")


def write_document(
    doc: Document, translations: Sequence[str], path: str | Path, *, out_field: str | None = None
) -> None:
    """Write the translated document to ``path`` atomically (``"-"``: stdout), in ``doc.fmt``.

    Missing parent folders are created (a mirrored output folder needs its subfolders).
    """
    data = render_document(doc, translations, out_field=out_field)
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
        patterns = [f"*{ext}" for ext in _EXTENSIONS]
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


# --- reading helpers ---------------------------------------------------------------------------------


def _check_fmt(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def _read_bytes(path: str | Path) -> tuple[str | Path, bytes]:
    if str(path) == "-":
        return "<stdin>", sys.stdin.buffer.read()
    path = Path(path)
    return path, read_bytes(path, " (translate a folder with an output folder)")


def _read_txt(text: str) -> Document:
    lines, ends = _split_lines(text)
    segs = [Segment(str(i), line, i) for i, line in enumerate(lines, 1)]
    return Document(None, "txt", segs, layout={"ends": ends})


def _one_line(text: str) -> str:
    # A translation must not add lines to line-based formats.
    # Only \n ends a line for the readers, so a lone \r is left alone.
    return text.replace("\r\n", " ").replace("\n", " ")


def _render_txt(doc: Document, translations: Sequence[str]) -> str:
    ends = doc.layout["ends"]
    return "".join(_one_line(t) + end for t, end in zip(translations, ends))


# jsonl


def _read_jsonl(text: str, name, field_name: str | None) -> Document:
    lines, ends = _split_lines(text)
    decoder = json.JSONDecoder()
    segs: list[Segment] = []
    records: list[dict | None] = []  # per line: spans of top-level keys, or None for blank lines
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            records.append(None)
            continue
        spans = _object_spans(line, decoder)
        if spans is None:
            raise InputError("not a JSON object", name, lineno)
        if field_name is None:
            field_name = next((k for k in DEFAULT_FIELD_NAMES if k in spans), None)
            if field_name is None:
                raise InputError(
                    f"which field to translate? give --field (keys: {', '.join(list(spans)[:10])})",
                    name, lineno)
        if field_name not in spans:
            raise InputError(f"no field {field_name!r}", name, lineno)
        start, end = spans[field_name]
        value = decoder.decode(line[start:end])
        if not isinstance(value, str):
            raise InputError(f"field {field_name!r} is not a string", name, lineno)
        records.append(spans)
        segs.append(Segment(str(lineno), value, lineno))
    return Document(None, "jsonl", segs, field=field_name, layout={"lines": lines, "ends": ends,
                                                                    "records": records})


def _object_spans(line: str, decoder: json.JSONDecoder) -> dict[str, tuple[int, int]] | None:
    """Top-level keys of a one-line JSON object -> (start, end) of each value's text; None if the line
    is not exactly one JSON object. Spans let the writer replace one value and keep every other byte."""
    spaces = re.compile(r"[ \t\n\r]*")

    def skip(pos: int) -> int:  # the pattern matches the empty string: it always matches
        return spaces.match(line, pos).end()  # type: ignore[union-attr]

    scan = json.decoder.scanstring  # type: ignore[attr-defined]
    try:
        pos = skip(0)
        if line[pos:pos + 1] != "{":
            return None
        pos = skip(pos + 1)
        spans: dict[str, tuple[int, int]] = {}
        if line[pos:pos + 1] == "}":
            pos += 1
        else:
            while True:
                if line[pos:pos + 1] != '"':
                    return None
                key, pos = scan(line, pos + 1)
                pos = skip(pos)
                if line[pos:pos + 1] != ":":
                    return None
                pos = skip(pos + 1)
                _, end = decoder.raw_decode(line, pos)
                spans.pop(key, None)  # a repeated key: the last one wins, as in json.loads
                spans[key] = (pos, end)
                pos = skip(end)
                if line[pos:pos + 1] == ",":
                    pos = skip(pos + 1)
                    continue
                if line[pos:pos + 1] == "}":
                    pos += 1
                    break
                return None
        if skip(pos) != len(line):
            return None
        return spans
    except (ValueError, IndexError):
        return None


def _render_jsonl(doc: Document, translations: Sequence[str], out_field: str | None) -> str:
    key = out_field or doc.field
    it = iter(translations)
    out = []
    for line, end, spans in zip(doc.layout["lines"], doc.layout["ends"], doc.layout["records"]):
        if spans is None:
            out.append(line + end)
            continue
        value = json.dumps(next(it), ensure_ascii=False)
        if key in spans:
            start, stop = spans[key]
            line = line[:start] + value + line[stop:]
        else:
            close = line.rstrip().rfind("}")
            before = line[:close].rstrip()
            sep = "" if before.endswith("{") else ", "
            line = before + sep + json.dumps(key, ensure_ascii=False) + ": " + value + line[close:]
        out.append(line + end)
    return "".join(out)


# tsv / csv


def _resolve_column(rows: list[list[str]], column: str | int | None, header: bool | None, name,
                    first_line: int) -> tuple[int, bool, str | None]:
    """(0-based column, header?, header name of the column)."""
    first = rows[0] if rows else []
    if isinstance(column, str) and not column.isdigit():
        if header is False:
            raise InputError(f"column {column!r} is a name but the file has no header row; give a number",
                             name)
        if column not in first:
            raise InputError(f"no column {column!r} in the header ({', '.join(first)})", name, first_line)
        return first.index(column), True, column
    if header is None:
        header = len(rows) > 1 and bool(first) and all(_HEADER_CELL.fullmatch(c) for c in first)
    if column is None:
        if header:
            for cand in DEFAULT_FIELD_NAMES:
                if cand in first:
                    return first.index(cand), True, cand
        if first and len(first) == 1:
            return 0, header, first[0] if header else None
        raise InputError(f"which column to translate? give --column (first row: {' | '.join(first)[:200]})",
                         name, first_line)
    index = int(column)
    if index < 1:
        raise InputError(f"column numbers start at 1 (got {index})", name)
    return index - 1, header, (first[index - 1] if header and index <= len(first) else None)


def _read_tsv(text: str, name, column, header) -> Document:
    lines, ends = _split_lines(text)
    rows: list[list[str] | None] = [line.split("\t") if line.strip() else None for line in lines]
    data = [(i, r) for i, r in enumerate(rows, 1) if r is not None]
    col, has_header, col_name = _resolve_column([r for _, r in data], column, header, name,
                                                data[0][0] if data else 1)
    segs = []
    for k, (lineno, row) in enumerate(data):
        if has_header and k == 0:
            continue
        if col >= len(row):
            raise InputError(f"row has {len(row)} columns, column {col + 1} needed", name, lineno)
        segs.append(Segment(str(lineno), row[col], lineno))
    return Document(None, "tsv", segs, field=col_name, column=col, header=has_header,
                    layout={"rows": rows, "lines": lines, "ends": ends})


def _out_column(doc: Document, out_field: str | None, header_row: list[str] | None) -> tuple[int, bool]:
    """(0-based output column, whether it is new)."""
    if out_field is None:
        return doc.column, False  # type: ignore[return-value]
    if out_field.isdigit():
        index = int(out_field) - 1
        if index < 0:
            raise InputError("column numbers start at 1", doc.path)
        return index, False
    if header_row is None:
        raise InputError("the file has no header row; give the output column as a number", doc.path)
    if out_field in header_row:
        return header_row.index(out_field), False
    return len(header_row), True


def _place(row: list[str], col: int, value: str) -> list[str]:
    row = list(row)
    if col >= len(row):
        row.extend([""] * (col + 1 - len(row)))
    row[col] = value
    return row


def _render_tsv(doc: Document, translations: Sequence[str], out_field: str | None) -> str:
    rows, lines, ends = doc.layout["rows"], doc.layout["lines"], doc.layout["ends"]
    header_row = next((r for r in rows if r is not None), None) if doc.header else None
    col, new = _out_column(doc, out_field, header_row)
    it = iter(translations)
    out, seen_header = [], False
    for row, line, end in zip(rows, lines, ends):
        if row is None:  # blank line: kept as it was
            out.append(line + end)
            continue
        if doc.header and not seen_header:
            seen_header = True
            if new:
                row = _place(row, col, out_field)  # type: ignore[arg-type]
        else:
            row = _place(row, col, _one_line(next(it)).replace("\t", " "))
        out.append("\t".join(row) + end)
    return "".join(out)


def _read_csv(text: str, name, column, header) -> Document:
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1 or len(text)] else "\n"
    final_newline = text.endswith("\n")
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []  # (first line, cells)
    start = 1
    try:
        for row in reader:
            records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as err:
        raise InputError(f"bad CSV: {err}", name, reader.line_num) from None
    # Rows with no text at all are kept as they are and are not segments.
    data = [k for k, (_, r) in enumerate(records) if any(c.strip() for c in r)]
    col, has_header, col_name = _resolve_column([records[k][1] for k in data], column, header, name,
                                                records[data[0]][0] if data else 1)
    if has_header:
        header_index, data = data[0], data[1:]
    else:
        header_index = None
    segs = []
    for k in data:
        lineno, row = records[k]
        if col >= len(row):
            raise InputError(f"row has {len(row)} columns, column {col + 1} needed", name, lineno)
        segs.append(Segment(str(lineno), row[col], lineno))
    return Document(None, "csv", segs, field=col_name, column=col, header=has_header,
                    layout={"records": [r for _, r in records], "seg_rows": data,
                            "header_index": header_index, "newline": newline,
                            "final_newline": final_newline})


def _render_csv(doc: Document, translations: Sequence[str], out_field: str | None) -> str:
    records = doc.layout["records"]
    header_index = doc.layout["header_index"]
    header_row = records[header_index] if header_index is not None else None
    col, new = _out_column(doc, out_field, header_row)
    rows = list(records)
    for k, value in zip(doc.layout["seg_rows"], translations, strict=True):
        rows[k] = _place(rows[k], col, value)
    if new and header_index is not None:
        rows[header_index] = _place(rows[header_index], col, out_field)  # type: ignore[arg-type]
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=doc.layout["newline"]).writerows(rows)
    text = buf.getvalue()
    if not doc.layout["final_newline"] and text.endswith(doc.layout["newline"]):
        text = text[: -len(doc.layout["newline"])]
    return text


# srt / vtt: see io.subtitles


def _read_subtitles(text: str, name, fmt: str) -> Document:
    from vnthai_mt.io import subtitles

    parsed = subtitles.parse(text, fmt, name)
    segs = [Segment(sid, value, line) for sid, value, line in subtitles.cue_texts(parsed)]
    return Document(None, fmt, segs, layout={"parsed": parsed})


# docx


def _docx_paragraphs(document) -> list:
    paras = list(document.paragraphs)

    def walk(tables):
        for table in tables:
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat the same cell object
                        continue
                    seen.add(id(cell._tc))
                    paras.extend(cell.paragraphs)
                    walk(cell.tables)

    walk(document.tables)
    return paras


def _read_docx(path: Path) -> Document:
    try:
        import docx  # python-docx, extra "docx"
    except ImportError:
        raise InputError("reading .docx needs python-docx: pip install 'vnthai-mt[docx]'", path) from None
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError("is a folder, expected a file", path)
    try:
        document = docx.Document(str(path))
    except Exception as err:  # noqa: BLE001 - python-docx raises many types for a damaged file
        raise InputError(f"not a readable .docx file ({type(err).__name__})", path) from None
    paras = _docx_paragraphs(document)
    segs = [Segment(f"p{i}", p.text, i) for i, p in enumerate(paras, 1)]
    return Document(path, "docx", segs, layout={"document": document, "paragraphs": paras})


def _render_docx(doc: Document, translations: Sequence[str]) -> bytes:
    import copy

    for _seg, para, new in zip(doc.segments, doc.layout["paragraphs"], translations):
        if new == para.text:
            continue
        runs = para.runs
        rpr = copy.deepcopy(runs[0]._r.rPr) if runs and runs[0]._r.rPr is not None else None
        para.text = new  # clears runs and hyperlinks, keeps the paragraph properties
        if rpr is not None and para.runs:
            para.runs[0]._r.insert(0, rpr)
    buf = io.BytesIO()
    doc.layout["document"].save(buf)
    return buf.getvalue()
