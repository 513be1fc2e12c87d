"""A Thai document as lines, with the line ends kept so that ``fix`` writes back exactly what it read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.lines import split_lines
from vnthai_mt.io.utf8 import decode_utf8, read_bytes


@dataclass
class Document:
    path: str
    lines: list[str]  # without line ends
    ends: list[str]  # "\n", "\r\n" or "" (the last line of a file without a final newline)
    bom: bool = False  # the file started with a UTF-8 byte-order mark (written back as it was)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        lines, ends = split_lines(text)
        return cls(path, lines, ends)

    def text(self, lines: list[str] | None = None) -> str:
        """The document as it was read (``lines`` replaced if given), line ends and BOM kept."""
        lines = self.lines if lines is None else lines
        return ("\ufeff" if self.bom else "") + "".join(line + end for line, end in zip(lines, self.ends))


def read_document(path: str | Path) -> Document:
    """Read ``path`` once (``"-"``: standard input, shown as ``<stdin>``)."""
    return document_from_bytes(read_bytes(path), "<stdin>" if str(path) == "-" else str(path))


def document_from_bytes(data: bytes, name: str) -> Document:
    """The document these bytes hold (strict UTF-8; a BOM is remembered and written back)."""
    doc = Document.from_text(decode_utf8(data, name), name)  # decode_utf8 drops a BOM; remember it
    doc.bom = data.startswith(b"\xef\xbb\xbf")
    return doc


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
