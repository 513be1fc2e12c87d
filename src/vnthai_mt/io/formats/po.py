"""gettext PO files (interface strings): each ``msgid`` is a segment, its Thai goes into ``msgstr``.

Read and written with translate-toolkit (``translate.storage.po``), so comments, references
(``#: file.py:12``), flags, ``msgctxt``, obsolete entries and the header are kept::

    #: app/views.py:10                      #: app/views.py:10
    msgid "Xin chào"                ->      msgid "Xin chào"
    msgstr ""                               msgstr "สวัสดี"

- A plural entry (``msgid`` / ``msgid_plural``) is one segment, the plural text: Thai has one form,
  so the header gets ``Plural-Forms: nplurals=1; plural=0;`` and ``Language: th`` and the entry gets
  ``msgstr[0]``.
- An entry that needs review (a required rendering missing) gets the ``fuzzy`` flag and a translator
  comment ``# vnthai-mt: ...`` with its enforcement report; a clean one loses a ``fuzzy`` flag.
- Entries already translated (a non-empty ``msgstr`` without ``fuzzy``) are left alone unless
  ``retranslate``. ``side="target"`` (``check``/``fix``) reads the msgstr texts.

A syntax error is one ``InputError`` with the file and line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats.model import Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, need, register
from vnthai_mt.io.utf8 import read_bytes

NOTE_PREFIX = "vnthai-mt:"
THAI_PLURALS = "nplurals=1; plural=0;"


def _parse(data: bytes, path: str | Path):
    need("translate.storage", "cat", "reading and writing PO", path)
    from translate.storage import po, poparser

    try:
        return po.pofile(io.BytesIO(data))
    except poparser.PoParseError as err:
        found = re.search(r"on line (\d+)", str(err))
        message = re.sub(r"\s*on line \d+:?.*", "", str(err), flags=re.S) or "syntax error"
        raise InputError(f"PO syntax error: {message}", path, int(found.group(1)) if found else None) from None
    except (ValueError, UnicodeDecodeError, LookupError) as err:
        raise InputError(f"not a readable PO file: {err}", path) from None


def _strings(value) -> list[str]:
    return [str(s) for s in getattr(value, "strings", [value])]


def _read(path: str | Path, options: ReadOptions) -> Document:
    data = read_bytes(path)
    store = _parse(data, path)
    lines = _msgid_lines(data)
    segments: list[Segment] = []
    units = []
    for n, unit in enumerate(store.units, 1):
        if unit.isheader() or unit.isobsolete():
            continue
        sources = _strings(unit.source)
        targets = _strings(unit.target) if unit.target is not None else [""]
        if options.side == "target":
            text, skip = (targets[0] if targets else ""), False
        else:
            text = sources[-1]  # the plural text of a plural entry: Thai has one form
            translated = any(t.strip() for t in targets) and not unit.isfuzzy()
            skip = translated and not options.retranslate
        segments.append(Segment(f"u{len(segments) + 1}", text, lines[len(segments)] if len(segments) < len(lines)
                                else n, skip=skip))
        units.append(unit)
    return Document(Path(path), "po", segments, layout={"store": store, "units": units})


def _msgid_lines(data: bytes) -> list[int]:
    """1-based line of each entry's ``msgid`` after the header's, in order (obsolete ``#~`` ones are
    not matched), so messages and reports can point into the file."""
    found = [n for n, line in enumerate(data.split(b"\n"), 1) if line.startswith(b"msgid ")]
    header = re.match(rb'(?:\s*#[^\n]*\n|\s*\n)*\s*msgid ""\s*\n\s*msgstr', data)
    return found[1:] if header and found else found


def _render(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
    from translate.misc.multistring import multistring

    store = doc.layout["store"]
    if doc.side != "target":
        header = store.header()
        if header is not None:
            store.updateheader(add=True, Language="th", Plural_Forms=THAI_PLURALS)
    annotations = options.annotations
    for k, (seg, unit, text) in enumerate(zip(doc.segments, doc.layout["units"], translations)):
        if seg.skip or (doc.side == "target" and text == seg.text):
            continue
        if doc.side != "target" and seg.is_blank:
            continue
        unit.target = multistring([text]) if unit.hasplural() else text
        if doc.side == "target":
            continue  # fix: flags and comments stay as they were
        note = annotations[k] if annotations is not None else None
        unit.markfuzzy(bool(note and note.review))
        _set_note(unit, note.note if note is not None else None)
    buf = io.BytesIO()
    store.serialize(buf)
    return buf.getvalue()


def _set_note(unit, note: str | None) -> None:
    kept = [c for c in unit.getnotes("translator").splitlines() if not c.startswith(NOTE_PREFIX)]
    unit.removenotes("translator")
    for comment in kept:
        unit.addnote(comment, origin="translator")
    if note:
        unit.addnote(note if note.startswith(NOTE_PREFIX) else f"{NOTE_PREFIX} {note}", origin="translator")


register(FormatSpec("po", (".po", ".pot"), _read, _render, thai_side=True))
