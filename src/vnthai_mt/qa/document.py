"""The Thai document that ``check`` and ``fix`` read: the one document model of ``io.formats``.

``read_document("a.th.txt")`` gives its lines (line ends and BOM kept, so ``fix`` writes back exactly
what it read); ``read_document("a.th.xlf")`` gives the target of every XLIFF unit, ``.po`` every
msgstr, ``.docx`` every paragraph (``io.formats.read_thai``), and ``fix`` writes the same format back.
"""

from __future__ import annotations

from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats import Document, read_thai

__all__ = ["Document", "read_document", "read_source"]


def read_document(path: str | Path) -> Document:
    """Read ``path`` once (``"-"``: standard input, shown as ``<stdin>``): its Thai side."""
    return read_thai(path)


def read_source(path: str | Path, expected_lines: int, thai_path: str) -> list[str]:
    """The Vietnamese source, which must have one line per Thai line."""
    doc = read_document(path)
    if len(doc.lines) != expected_lines:
        raise InputError(
            f"the source has {len(doc.lines)} lines but {thai_path} has {expected_lines}; "
            "--source must be line-aligned with the Thai file",
            path,
        )
    return doc.lines
