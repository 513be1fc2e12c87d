"""Line-based text formats: txt, jsonl, tsv and csv, each written back in its own format.

- **txt**: one segment a line; empty lines are segments too; CRLF/LF line ends, a UTF-8 BOM and the
  file's final-newline state are kept. A newline inside a translation becomes a space (the line count
  never changes): ``"a\\r\\nb"`` read and rendered with ``["x", "y"]`` gives ``"x\\r\\ny"``.
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

Errors for users are ``InputError`` with path and line: invalid UTF-8, a jsonl line that is not a JSON
object or lacks the field, a row without the column. ``path="-"`` reads stdin.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats.model import Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, register
from vnthai_mt.io.lines import split_lines as _split_lines
from vnthai_mt.io.utf8 import decode_utf8, read_bytes

DEFAULT_FIELD_NAMES = ("vi", "source", "src", "text")
_HEADER_CELL = re.compile(r"[A-Za-z_][A-Za-z0-9_ .\-]{0,31}")


def _read(fmt: str):
    def read(path: str | Path, options: ReadOptions) -> Document:
        name, data = _read_bytes(path, options.folder_hint)
        text = decode_utf8(data, name)
        bom = data.startswith(b"\xef\xbb\xbf")
        if fmt == "txt":
            doc = _read_txt(text)
        elif fmt == "jsonl":
            doc = _read_jsonl(text, name, options.field)
        elif fmt == "tsv":
            doc = _read_tsv(text, name, options.column, options.header)
        else:
            doc = _read_csv(text, name, options.column, options.header)
        doc.path = None if str(path) == "-" else Path(path)
        doc.layout["bom"] = bom
        return doc

    return read


def _render(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
    out_field = options.out_field
    if doc.fmt == "txt":
        text = _render_txt(doc, translations)
    elif doc.fmt == "jsonl":
        text = _render_jsonl(doc, translations, out_field)
    elif doc.fmt == "tsv":
        text = _render_tsv(doc, translations, out_field)
    else:
        text = _render_csv(doc, translations, out_field)
    if doc.layout.get("bom"):
        text = "\ufeff" + text
    return text.encode("utf-8")


register(FormatSpec("txt", (".txt", ".text"), _read("txt"), _render, stdin=True))
register(FormatSpec("jsonl", (".jsonl", ".ndjson"), _read("jsonl"), _render, stdin=True, out_field=True))
register(FormatSpec("tsv", (".tsv", ".tab"), _read("tsv"), _render, stdin=True, out_field=True))
register(FormatSpec("csv", (".csv",), _read("csv"), _render, stdin=True, out_field=True))


# --- reading helpers ---------------------------------------------------------------------------------


def _read_bytes(path: str | Path, folder_hint: str) -> tuple[str | Path, bytes]:
    if str(path) == "-":
        return "<stdin>", sys.stdin.buffer.read()
    return path, read_bytes(path, folder_hint)


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
