"""DOCX (extra ``docx``: python-docx) with its inline formatting: runs become inline tags.

A Word paragraph is a list of runs, each with its own character formatting::

    <w:p><w:r><w:t>Thủ tướng </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Phạm Minh Chính</w:t></w:r>
         <w:r><w:t> đến</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>

is one segment, ``"Thủ tướng \\ue000Phạm Minh Chính\\ue001 đến\\ue002"``: the paragraph's most common
formatting is its base, plain text; each stretch of other formatting (bold, italic, underline, a
colour...) is an open/close pair of inline tags (``io.inline``), a hyperlink (or a tracked insertion, a
smart tag) another pair around its runs, and anything that is not text (a footnote or endnote
reference mark, a tab, a line break, a picture, a field code, a bookmark) one standalone tag. The
translator carries the tags through the model, so the words keep the formatting they had; the writer
rebuilds the paragraph's runs from the translation: each text run with the formatting of the tags
around it, each standalone tag as the original element (a translation that lost or repeated a marker
gets the source's tags back, each once and in order: ``io.inline.place_markers``). A paragraph whose
translation is its own text is left exactly as it was.

Segments, in this order, with their ids:

- ``p1``, ``p2``...: every paragraph of the body in document order, table cells (nested tables too) and
  text boxes included;
- ``header1.p1``..., ``footer1.p1``...: each header and footer part (first-page and even-page ones too);
- ``footnotes.p1``..., ``endnotes.p1``...: the footnotes' and endnotes' paragraphs;
- ``prop.title``, ``prop.subject``, ``prop.keywords``: the document's core properties, when set.

A segment the translator marks for review (a required rendering missing, tags that could not be
placed: ``Annotation.review``) gets a Word comment by ``vnthai-mt`` holding the note, when it is a
body paragraph; elsewhere (headers, footers, notes, where Word allows no comments) its runs are
highlighted yellow. A paragraph of the body with nothing but non-text content (a picture) is a blank
segment. Content controls inside a paragraph and simple fields (``w:fldSimple``) are kept whole, not
translated. A file that is not a readable .docx (not a zip, no document part) is one ``InputError``.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats.model import Annotation, Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, register
from vnthai_mt.io.inline import CLOSE, EMPTY, OPEN, Tag, marker, place_markers, split_by_markers, strip_markers

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REVIEW_AUTHOR = "vnthai-mt"
PROPERTIES = ("title", "subject", "keywords")


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


_P, _R, _T, _RPR, _PPR = _q("p"), _q("r"), _q("t"), _q("rPr"), _q("pPr")
# Elements around runs that are carried as a pair of tags; their properties child is kept.
_CONTAINERS = {_q("hyperlink"), _q("ins"), _q("smartTag"), _q("customXml"), _q("moveTo")}
_TEXT_CHARS = {_q("noBreakHyphen"): "\u2011"}


@dataclass
class _Para:
    """One paragraph: its element, the rPr of its base formatting, the part it lives in."""

    element: Any
    base_rpr: Any
    where: str  # "body", "header", "footer", "footnotes", "endnotes"
    part: Any = None


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)

    def tag(self, kind: str, payload: Any, pair: str | None = None) -> str:
        index = len(self.tags)
        tag = Tag(kind, str(index + 1), payload, pair=pair)
        self.tags.append(tag)
        self.parts.append(marker(index))
        return tag.pair or tag.id


def _rpr_key(rpr) -> bytes:
    from lxml import etree

    return b"" if rpr is None else etree.tostring(rpr, method="c14n")


def _pieces(p) -> list[tuple]:
    """The paragraph's content in order: ("text", str, rPr), ("piece", run, child) for a non-text child
    of a run, ("elem", element) for a whole element, ("open", container) / ("close", container)."""
    out: list[tuple] = []

    def walk(parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == _PPR or not isinstance(tag, str):
                if not isinstance(tag, str):  # a comment or processing instruction
                    out.append(("elem", child))
                continue
            if tag == _R:
                rpr = child.find(_RPR)
                for sub in child:
                    if sub.tag == _RPR:
                        continue
                    if sub.tag == _T:
                        out.append(("text", sub.text or "", rpr))
                    elif sub.tag in _TEXT_CHARS:
                        out.append(("text", _TEXT_CHARS[sub.tag], rpr))
                    else:
                        out.append(("piece", child, sub))
            elif tag in _CONTAINERS:
                out.append(("open", child))
                walk(child)
                out.append(("close", child))
            else:
                out.append(("elem", child))

    walk(p)
    return out


def _segment(p) -> tuple[str, list[Tag], Any]:
    """(text with markers, tags, base rPr) of one paragraph."""
    pieces = _pieces(p)
    weight: dict[bytes, int] = {}
    first_rpr: dict[bytes, Any] = {}
    for piece in pieces:
        if piece[0] == "text" and piece[1]:
            key = _rpr_key(piece[2])
            weight[key] = weight.get(key, 0) + len(piece[1])
            first_rpr.setdefault(key, piece[2])
    if not weight:  # no text at all: nothing to translate
        return "", [], None
    base = max(weight, key=lambda k: weight[k])
    b = _Builder()
    fmt_open: list[tuple[bytes, str]] = []  # the open formatting tag: (key, pair)
    containers: list[str] = []  # pairs of the open containers

    def close_fmt() -> None:
        if fmt_open:
            _, pair = fmt_open.pop()
            b.tag(CLOSE, ("fmt_end",), pair=pair)

    for piece in pieces:
        kind = piece[0]
        if kind == "text":
            if not piece[1]:
                continue
            key = _rpr_key(piece[2])
            if fmt_open and fmt_open[-1][0] != key:
                close_fmt()
            if key != base and not fmt_open:
                index = len(b.tags)
                fmt_open.append((key, f"f{index + 1}"))
                b.tag(OPEN, ("fmt", piece[2]), pair=f"f{index + 1}")
            b.parts.append(piece[1])
        elif kind == "open":
            close_fmt()
            index = len(b.tags)
            b.tag(OPEN, ("container", piece[1]), pair=f"c{index + 1}")
            containers.append(f"c{index + 1}")
        elif kind == "close":
            close_fmt()
            b.tag(CLOSE, ("container_end",), pair=containers.pop())
        else:
            b.tag(EMPTY, piece)
    close_fmt()
    return "".join(b.parts), b.tags, first_rpr[base]


def _shallow(element):
    """A copy of ``element`` with its attributes and its properties children (``…Pr``), no content."""
    new = copy.copy(element)
    for child in list(new):
        if not (isinstance(child.tag, str) and child.tag.endswith("Pr")):
            new.remove(child)
    return new


def _text_run(text: str, rpr):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run


def _rebuild(para: _Para, text: str, tags: Sequence[Tag]) -> None:
    """Replace the paragraph's content by ``text``, its markers turned back into runs and elements."""
    p = para.element
    for child in list(p):
        if child.tag != _PPR:
            p.remove(child)
    stack = [p]
    rpr = para.base_rpr
    used: set[int] = set()
    for item in split_by_markers(text):
        if isinstance(item, str):
            item = item.replace("\r", "").replace("\n", " ")
            if item:
                stack[-1].append(_text_run(item, rpr))
            continue
        if item >= len(tags):
            continue
        payload = tags[item].payload
        what = payload[0]
        if what == "fmt":
            rpr = payload[1]
        elif what == "fmt_end":
            rpr = para.base_rpr
        elif what == "container":
            new = _shallow(payload[1])
            stack[-1].append(new)
            stack.append(new)
        elif what == "container_end":
            if len(stack) > 1:
                stack.pop()
        elif what == "elem":
            element = payload[1] if item not in used else copy.deepcopy(payload[1])
            stack[-1].append(element)
        elif what == "piece":
            run, child = payload[1], payload[2]
            new_run = _shallow(run)
            new_run.append(child if item not in used else copy.deepcopy(child))
            stack[-1].append(new_run)
        used.add(item)


# --- reading --------------------------------------------------------------------------------------------


def _xml_parts(document) -> list[tuple[str, Any, Any]]:
    """(where, root element, part) of the headers, footers, footnotes and endnotes, in a stable order."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    kinds = {RT.HEADER: "header", RT.FOOTER: "footer", RT.FOOTNOTES: "footnotes", RT.ENDNOTES: "endnotes"}
    found = []
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in kinds:
            continue
        part = rel.target_part
        root = getattr(part, "element", None)
        if root is None:  # footnotes and endnotes: python-docx keeps them as bytes
            root = parse_xml(part.blob)
            part._vnthai_root = root
        found.append((kinds[rel.reltype], root, part))
    order = {"header": 0, "footer": 1, "footnotes": 2, "endnotes": 3}
    found.sort(key=lambda f: (order[f[0]], str(f[2].partname)))
    return found


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
        parts = _xml_parts(document)
    except Exception as err:  # noqa: BLE001 - python-docx and lxml raise many types for a damaged file
        raise InputError(f"not a readable .docx file ({type(err).__name__})", path) from None
    segs: list[Segment] = []
    units: list[Any] = []  # per segment: a _Para, or the name of a core property
    counts: dict[str, int] = {}

    def add(where: str, prefix: str, root, part) -> None:
        for number, p in enumerate(root.iter(_P), 1):
            text, tags, base = _segment(p)
            segs.append(Segment(f"{prefix}p{number}", text, number, tags))
            units.append(_Para(p, base, where, part))

    add("body", "", document.element.body, document.part)
    for where, root, part in parts:
        counts[where] = counts.get(where, 0) + 1
        prefix = f"{where}{counts[where]}." if where in ("header", "footer") else f"{where}."
        add(where, prefix, root, part)
    props = document.core_properties
    for name in PROPERTIES:
        value = getattr(props, name) or ""
        if value.strip():
            segs.append(Segment(f"prop.{name}", value, 0))
            units.append(name)
    return Document(path, "docx", segs, layout={"document": document, "units": units})


# --- writing --------------------------------------------------------------------------------------------


def _mark_for_review(document, para: _Para, note: str | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    text = "vnthai-mt: needs review" + (f": {note}" if note else "")
    if para.where == "body" and hasattr(document, "add_comment"):
        paragraph = Paragraph(para.element, document._body)
        runs = paragraph.runs
        if runs:
            document.add_comment(runs, text=text, author=REVIEW_AUTHOR, initials="MT")
            return
    for run in para.element.iter(_R):  # headers, footers, notes: highlighted
        rpr = run.find(_RPR)
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            run.insert(0, rpr)
        if rpr.find(qn("w:highlight")) is None:
            mark = OxmlElement("w:highlight")
            mark.set(qn("w:val"), "yellow")
            rpr.append(mark)


def _render_docx(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
    from lxml import etree

    document = doc.layout["document"]
    annotations: list[Annotation | None] = [None] * len(doc.segments)
    if options.annotations is not None:
        annotations = list(options.annotations)
    for seg, unit, new, note in zip(doc.segments, doc.layout["units"], translations, annotations):
        if isinstance(unit, str):  # a core property
            if new != seg.text:
                setattr(document.core_properties, unit, strip_markers(new))
            continue
        if new != seg.text:
            _rebuild(unit, place_markers(new, seg.text, seg.tags)[0], seg.tags)
        if note is not None and note.review:
            _mark_for_review(document, unit, note.note)
    for unit in doc.layout["units"]:
        part = getattr(unit, "part", None)
        root = getattr(part, "_vnthai_root", None)
        if part is not None and root is not None:
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


register(FormatSpec("docx", (".docx",), _read_docx, _render_docx, thai_side=True))
