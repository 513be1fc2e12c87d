"""Recognize file formats this command does not read, so they are refused instead of misread as text.

A ``.docx`` given to ``check`` would otherwise be "invalid UTF-8", and an XLIFF file given to
``translate`` would have its markup translated as if it were news. ``unsupported_format`` looks at the
extension first, then at the first bytes::

    >>> unsupported_format("a.txt", b'<?xml version="1.0"?><xliff version="1.2">')
    'XLIFF'
    >>> unsupported_format("a.txt", "Chủ tịch".encode())   # plain text: None

``refusal`` turns the format into the one-line message the user sees.
"""

from __future__ import annotations

import re
from pathlib import Path

EXTENSIONS = {
    ".xlf": "XLIFF", ".xliff": "XLIFF", ".sdlxliff": "XLIFF", ".tmx": "TMX", ".po": "PO", ".pot": "PO",
    ".srt": "SRT", ".vtt": "WebVTT", ".html": "HTML", ".htm": "HTML", ".xhtml": "HTML", ".pdf": "PDF",
    ".docx": "DOCX", ".doc": "Word (.doc)", ".odt": "OpenDocument", ".xlsx": "Excel", ".rtf": "RTF",
}
_XML_ROOTS = (("xliff", "XLIFF"), ("tmx", "TMX"), ("html", "HTML"))
_SRT = re.compile(rb"\A\s*\d+\r?\n\d\d:\d\d:\d\d[,.]\d{3} --> \d\d:\d\d:\d\d[,.]\d{3}")
_PO = re.compile(rb'^msgid "', re.M)
_HINTS = {
    "DOCX": "`vnthai-mt translate` reads .docx; for this command save the document as plain text (.txt)",
    "PDF": "extract its text into a UTF-8 .txt file first",
}
_DEFAULT_HINT = "convert it to plain UTF-8 text (one segment per line) first"


def unsupported_format(path: str | Path, head: bytes) -> str | None:
    """The name of the format ``path`` / its first bytes ``head`` are in, or None for plain text."""
    by_extension = EXTENSIONS.get(Path(str(path)).suffix.lower())
    if by_extension:
        return by_extension
    start = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"%pdf-"):
        return "PDF"
    if start.startswith(b"pk\x03\x04") and b"word/" in head[:65536].lower():
        return "DOCX"
    if start.startswith(b"<"):
        for root, name in _XML_ROOTS:
            if re.search(rb"<(?:!doctype\s+)?" + root.encode() + rb"[\s>]", start):
                return name
    if _SRT.match(head[:4096]):
        return "SRT"
    if _PO.search(head[:4096]) and b'msgstr "' in head[:8192]:
        return "PO"
    return None


def refusal(fmt: str, what: str = "plain UTF-8 text") -> str:
    """One line: which format this is, that it is not read here, and what to do instead."""
    return f"this is a {fmt} file, which this command does not read (it reads {what}); {_HINTS.get(fmt, _DEFAULT_HINT)}"
