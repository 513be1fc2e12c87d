"""DOCX (extra ``docx``: python-docx): body paragraphs, then table-cell paragraphs, are segments.

Ids are ``p1``, ``p2``... in that order; the writer replaces each paragraph's text and keeps its
paragraph style and the character formatting of its first run.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats.model import Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, register


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


def _read_docx(path: str | Path, options: ReadOptions) -> Document:
    path = Path(path)
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


def _render_docx(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
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


register(FormatSpec("docx", (".docx",), _read_docx, _render_docx, thai_side=True))
