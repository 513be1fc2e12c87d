"""The one document model: a file as a list of segments plus what is needed to write it back.

Every reader (txt, jsonl, tsv, csv, docx, XLIFF, PO, ...) returns a ``Document``; every writer takes
the ``Document`` and one new text per segment. ``translate`` reads the source side, ``check`` and
``fix`` read the Thai side (``side="target"``: the target of an XLIFF unit, a PO msgstr)::

    >>> doc = Document.from_text("บรรทัดหนึ่ง\\r\\nบรรทัดสอง")
    >>> doc.lines, doc.ends
    (['บรรทัดหนึ่ง', 'บรรทัดสอง'], ['\\r\\n', ''])
    >>> doc.text(["หนึ่ง", "สอง"])          # line ends (and a BOM) kept
    'หนึ่ง\\r\\nสอง'

A segment's text may hold inline markup (XLIFF ``<g>``, an HTML ``<b>``, a DOCX run) as one Unicode
private-use character per tag occurrence; ``Segment.tags`` says what each one stands for (see
``io.inline``). ``Annotation`` is what a writer may record per segment besides the text: whether it
needs review, and a note (the enforcement report of that unit).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnthai_mt.io.inline import Tag
from vnthai_mt.io.lines import split_lines

SOURCE, TARGET = "source", "target"
SIDES = (SOURCE, TARGET)


@dataclass
class Segment:
    """One unit to translate. ``id`` is stable for a given input (txt/jsonl/tsv/csv: the line number
    where the segment starts, as a string; docx: ``p<n>``; XLIFF: the unit id; PO: ``msgid`` order
    ``u<n>``); ``line`` is that 1-based line (docx: the paragraph number). ``tags``: the inline tags
    behind the private-use markers in ``text`` (``io.inline``); ``skip``: left as it is (an XLIFF unit
    already translated or locked): its text is passed through unchanged."""

    id: str
    text: str
    line: int
    tags: list[Tag] = dataclasses.field(default_factory=list)
    skip: bool = False

    @property
    def is_blank(self) -> bool:
        """Nothing to translate (empty or whitespace only)."""
        return not self.text.strip()


@dataclass
class Annotation:
    """What a writer records for one segment besides its text: ``review`` (a required rendering is
    missing or the inline tags could not be placed: XLIFF state ``needs-review-translation``, PO
    ``fuzzy``) and ``note`` (one line, e.g. the unit's enforcement report)."""

    review: bool = False
    note: str | None = None


@dataclass
class Document:
    """Segments of one input file plus the layout needed to write the same format back.

    ``field`` (jsonl key or tsv/csv header name) and ``column`` (0-based tsv/csv index) say what was
    read; ``header`` tells whether a tsv/csv header row was found; ``side`` is ``source`` or ``target``
    (what the segments are for formats with both). ``layout`` is private to the format's module.
    """

    path: Path | None
    fmt: str
    segments: list[Segment]
    field: str | None = None
    column: int | None = None
    header: bool = False
    layout: Any = dataclasses.field(default=None, repr=False)
    side: str = SOURCE
    display: str | None = None  # the name shown in messages: the path as given, "<stdin>", "<text>"

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        """A txt document from text in memory (``path`` is only its name in messages)."""
        lines, ends = split_lines(text)
        segs = [Segment(str(i), line, i) for i, line in enumerate(lines, 1)]
        return cls(None, "txt", segs, layout={"ends": ends, "bom": False}, display=path)

    @classmethod
    def from_lines(cls, lines: list[str], path: str = "<text>") -> Document:
        """A txt document of these lines, each ended by ``\\n``."""
        segs = [Segment(str(i), line, i) for i, line in enumerate(lines, 1)]
        return cls(None, "txt", segs, layout={"ends": ["\n"] * len(lines), "bom": False}, display=path)

    @property
    def name(self) -> str:
        """How messages name the document: its path, or ``<stdin>`` / ``<text>``."""
        if self.display is not None:
            return self.display
        return str(self.path) if self.path is not None else "<stdin>"

    @property
    def texts(self) -> list[str]:
        return [seg.text for seg in self.segments]

    @property
    def lines(self) -> list[str]:
        """The segments' texts (a txt file: its lines, without line ends)."""
        return self.texts

    @property
    def ids(self) -> list[str]:
        return [seg.id for seg in self.segments]

    @property
    def ends(self) -> list[str]:
        """txt: each line's end (``"\\n"``, ``"\\r\\n"`` or ``""`` for a last line without one)."""
        return list((self.layout or {}).get("ends", ["\n"] * len(self.segments)))

    @property
    def bom(self) -> bool:
        """The file started with a UTF-8 byte-order mark (written back as it was)."""
        return bool((self.layout or {}).get("bom"))

    def text(self, lines: list[str] | None = None) -> str:
        """A text format's content as it was read (``lines`` replaced if given), line ends and BOM kept."""
        from vnthai_mt.io.formats import render_document

        return render_document(self, self.texts if lines is None else lines).decode("utf-8")

    def __len__(self) -> int:
        return len(self.segments)
