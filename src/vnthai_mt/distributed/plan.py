"""What a distributed run will translate: the input folder as documents, cut into shards.

    plan = plan_input("archive/", doc_field="article_id", shard_rows=256)
    plan.documents[0]   # Document(index=0, file='2024/01.jsonl', key='2024/01.jsonl#a17', rows=[Row...])
    plan.shards[0]      # Shard(index=0, documents=[0, 1, 2], rows=260): whole documents, about 256 rows

Every file is read with the single-process readers (``io.formats``: the same ``--field`` /
``--column`` defaults, header detection and segment ids), so a row here is a segment there. A
document is what one ``Translator.translate_with_report`` call gets, so its names share one
rendering:

- txt and docx files: the whole file (as ``translate FILE`` does);
- jsonl, csv, tsv and Parquet files: the whole file by default (then the output equals
  ``translate FILE`` row for row), or, with ``doc_field``, each run of consecutive rows that carry the
  same value in that field (an article's paragraphs). A value that comes back after other values is
  refused with file and line: a document's rows must be together.

Shards are consecutive documents holding about ``shard_rows`` rows; a document is never split, so a
shard may be larger. The plan is a pure function of the input bytes and these options: a rerun makes
the same shards, which is what lets it skip the finished ones. ``input_fingerprint`` names the input
by content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats import DEFAULT_FIELD_NAMES, detect_format, document_records, read_document
from vnthai_mt.io.resume import fingerprint_file

ROW_FORMATS = ("jsonl", "csv", "tsv", "parquet")
TEXT_KEY = "vi"  # txt/docx rows: the source text's key; the translation goes to out_field or "th"
DEFAULT_OUT_KEY = "th"
DEFAULT_SHARD_ROWS = 256
# Columns the output rows add; an input row that already has one is refused (it would be overwritten).
FILE_KEY, ID_KEY, DOC_KEY, ITEMS_KEY, ERROR_KEY = "_file", "_id", "_doc", "_items", "_error"
ADDED_KEYS = (FILE_KEY, ID_KEY, DOC_KEY, ITEMS_KEY, ERROR_KEY)


@dataclass
class Row:
    """One segment: its file (relative to the input folder), id and line as ``translate`` numbers
    them, the text to translate and the whole input row (``{}`` for txt/docx)."""

    file: str
    id: str
    line: int
    text: str
    record: dict[str, Any]


@dataclass
class Document:
    index: int
    file: str
    key: str
    out_key: str  # where the translation goes in the output row
    rows: list[Row] = field(default_factory=list)


@dataclass
class Shard:
    index: int
    documents: list[int]
    rows: int

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


@dataclass
class Plan:
    documents: list[Document]
    shards: list[Shard]
    files: list[str]
    input_fingerprint: str

    @property
    def rows(self) -> int:
        return sum(len(d.rows) for d in self.documents)


def input_files(input: str | Path) -> list[Path]:
    """The files a distributed run reads: one file, or every supported file (Parquet included) under
    a folder, sorted by relative path, hidden ones skipped."""
    src = Path(input)
    if src.is_file():
        return [src]
    if not src.is_dir():
        raise InputError("no such file or folder", src)
    found = []
    for path in src.rglob("*"):
        rel = path.relative_to(src)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() == ".parquet" or _known(path):
            found.append(path)
    if not found:
        raise InputError("no files to translate (txt, jsonl, csv, tsv, docx, parquet)", src)
    return sorted(found, key=lambda p: p.relative_to(src).as_posix())


def _known(path: Path) -> bool:
    try:
        detect_format(path)
    except InputError:
        return False
    return path.suffix.lower() in (".txt", ".text", ".jsonl", ".ndjson", ".tsv", ".tab", ".csv", ".docx")


def plan_input(
    input: str | Path,
    *,
    fmt: str | None = None,
    field: str | None = None,
    column: str | None = None,
    out_field: str | None = None,
    doc_field: str | None = None,
    shard_rows: int = DEFAULT_SHARD_ROWS,
) -> Plan:
    """Read ``input`` (a file or a folder) into documents and shards; see the module docstring."""
    from vnthai_mt.translate.pipeline import check_segment_lengths

    if shard_rows < 1:
        raise InputError("shard rows must be at least 1 (--shard-rows)")
    root = Path(input)
    paths = input_files(root)
    base = root if root.is_dir() else root.parent
    documents: list[Document] = []
    digest = hashlib.sha256()
    files = []
    for path in paths:
        rel = path.relative_to(base).as_posix()
        files.append(rel)
        digest.update(f"{rel}\0{fingerprint_file(path)}\0".encode())
        kind = "parquet" if path.suffix.lower() == ".parquet" else (fmt or detect_format(path))
        if kind == "parquet":
            rows, out_key = _read_parquet(path, rel, field, out_field)
        else:
            doc = read_document(path, kind, field if kind == "jsonl" else None,
                                column if kind in ("tsv", "csv") else None)
            check_segment_lengths(doc, path)
            records = document_records(doc)
            if kind in ROW_FORMATS:
                out_key = out_field or doc.field or str((doc.column or 0) + 1)
            else:
                out_key = out_field or DEFAULT_OUT_KEY
                records = [{TEXT_KEY: s.text} for s in doc.segments]
            rows = [Row(rel, s.id, s.line, s.text, r) for s, r in zip(doc.segments, records)]
        for row in rows:
            clash = [k for k in ADDED_KEYS if k in row.record]
            if clash:
                raise InputError(f"the row already has a field {clash[0]!r}, which the output adds", path, row.line)
        for key, part in _documents(rows, path, kind, doc_field):
            documents.append(Document(len(documents), rel, key, out_key, part))
    digest.update(f"doc_field={doc_field}\0shard_rows={shard_rows}".encode())
    return Plan(documents, _shards(documents, shard_rows), files, digest.hexdigest())


def _documents(rows: list[Row], path: Path, kind: str, doc_field: str | None) -> list[tuple[str, list[Row]]]:
    if doc_field is None or kind not in ROW_FORMATS:
        return [(rows[0].file, rows)] if rows else []
    out: list[tuple[str, list[Row]]] = []
    seen: dict[str, int] = {}
    for row in rows:
        if doc_field not in row.record:
            raise InputError(f"no field {doc_field!r} (--doc-field)", path, row.line)
        value = str(row.record[doc_field])
        if out and out[-1][0] == f"{row.file}#{value}":
            out[-1][1].append(row)
            continue
        if value in seen:
            raise InputError(f"document {value!r} comes back after other documents (first at line {seen[value]}); "
                             "a document's rows must be consecutive", path, row.line)
        seen[value] = row.line
        out.append((f"{row.file}#{value}", [row]))
    return out


def _shards(documents: list[Document], shard_rows: int) -> list[Shard]:
    shards: list[Shard] = []
    current: list[int] = []
    count = 0
    for doc in documents:
        current.append(doc.index)
        count += len(doc.rows)
        if count >= shard_rows:
            shards.append(Shard(len(shards), current, count))
            current, count = [], 0
    if current:
        shards.append(Shard(len(shards), current, count))
    return shards


def _read_parquet(path: Path, rel: str, field: str | None, out_field: str | None) -> tuple[list[Row], str]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'vnthai-mt[ray]'", path) from None
    try:
        records = pq.read_table(path).to_pylist()
    except Exception as err:  # noqa: BLE001 - pyarrow raises several types for a damaged file
        raise InputError(f"not a readable Parquet file ({type(err).__name__}: {err})", path) from None
    names = list(records[0]) if records else []
    key = field or next((k for k in DEFAULT_FIELD_NAMES if k in names), None)
    if key is None:
        raise InputError(f"which field to translate? give --field (columns: {', '.join(names[:10])})", path)
    rows = []
    for number, record in enumerate(records, 1):
        value = record.get(key)
        if not isinstance(value, str):
            raise InputError(f"field {key!r} is not a string", path, number)
        rows.append(Row(rel, str(number), number, value, record))
    return rows, out_field or key
