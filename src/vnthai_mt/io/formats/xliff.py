"""XLIFF 1.2 and 2.0 (what memoQ, Trados, OmegaT, Okapi and Phrase exchange), units in, targets out.

Read with translate-toolkit (``translate.storage.xliff`` for 1.2, ``xliff2`` for 2.0; one segment
per 1.2 ``<trans-unit>`` / 2.0 ``<segment>``), after ``io.xmlsafe`` has refused malformed XML and
entity declarations (XML bombs). The inline elements of a ``<source>`` become ``io.inline`` markers::

    <source>Ông <g id="1">Nguyễn Văn An</g> phát biểu<x id="2"/></source>
    -> Segment.text  "Ông \\ue000Nguyễn Văn An\\ue001 phát biểu\\ue002"
       Segment.tags  [Tag(open, "1"), Tag(close, "1"), Tag(empty, "2")]

- paired (``open`` ... ``close``): 1.2 ``<g>``, ``<mrk>``; 2.0 ``<pc>``, ``<mrk>``; and standalone
  pairs found in the same segment: 1.2 ``<bx rid>``/``<ex rid>``, ``<bpt rid>``/``<ept rid>``, 2.0
  ``<sc id>``/``<ec startRef>``, ``<sm id>``/``<em startRef>``;
- ``empty``: 1.2 ``<x/>``, ``<ph>``, ``<it>``, unpaired ``<bx/>``/``<ex/>``/``<bpt>``/``<ept>``; 2.0
  ``<ph/>``, ``<cp/>``, unpaired ``<sc/>``/``<ec/>``. Their native code (``<ph>{b}</ph>``) is copied
  as it is, never translated.

The writer builds each ``<target>`` with the same elements (copies of the source's, same ids and
attributes) around the translated text, sets the target language, and per unit: the state
(1.2 ``state="translated"`` or ``"needs-review-translation"``; 2.0 ``state="translated"``, or
``state="initial"`` with ``subState="vnthai-mt:needs-review"``) and a note with the unit's enforcement
report (1.2 ``<note from="vnthai-mt">``; 2.0 ``<notes><note category="vnthai-mt">`` first in the
unit, where the schema wants it).

Left alone (``Segment.skip``) unless ``retranslate``: units with ``translate="no"``, 1.2 units with
``approved="yes"`` or a non-empty target, 2.0 segments in state ``final`` or with a non-empty target.
``side="target"`` (``check``/``fix``) reads the targets instead; a unit without one is blank.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from vnthai_mt.errors import InputError
from vnthai_mt.io import inline
from vnthai_mt.io.formats.model import Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, need, register
from vnthai_mt.io.inline import CLOSE, EMPTY, OPEN, Tag
from vnthai_mt.io.utf8 import read_bytes
from vnthai_mt.io.xmlsafe import parse_xml

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
NOTE_FROM = "vnthai-mt"
REVIEW_SUBSTATE = "vnthai-mt:needs-review"
TARGET_LANGUAGE = "th"

# local name -> (kind, attribute that links a standalone end to its start)
_PAIRED = {"g", "mrk", "pc"}
_STARTS = {"bx": "rid", "bpt": "rid", "sc": "id", "sm": "id"}
_ENDS = {"ex": "rid", "ept": "rid", "ec": "startRef", "em": "startRef"}
_EMPTY = {"x", "ph", "it", "cp"}


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _version(root: etree._Element, path: str | Path) -> str:
    if _local(root.tag) != "xliff":
        raise InputError(f"not an XLIFF file (the root element is <{_local(root.tag)}>)", path, root.sourceline)
    version = root.get("version", "")
    ns = etree.QName(root).namespace or ""
    if version.startswith("2") or ns == NS20:
        return "2.0"
    if version.startswith("1") or ns.startswith("urn:oasis:names:tc:xliff:document:1"):
        return "1.2"
    raise InputError("XLIFF version not given (version=\"1.2\" or \"2.0\")", path, root.sourceline)


# --- inline content <-> markers ----------------------------------------------------------------------


def _code(elem: etree._Element) -> etree._Element:
    """A copy of an empty-kind inline element, without its tail (the text after it is ours)."""
    dup = copy.deepcopy(elem)
    dup.tail = None
    return dup


def _shell(elem: etree._Element) -> etree._Element:
    """A copy of a paired element without its content: what wraps the translated words."""
    dup = etree.Element(elem.tag, attrib=dict(elem.attrib), nsmap=None)
    return dup


def read_inline(container: etree._Element, path: str | Path) -> tuple[str, list[Tag]]:
    """The text of ``container`` (a ``<source>`` or ``<target>``) with a marker per inline tag."""
    ends_present = {e.get(_ENDS[_local(e.tag)]) for e in container.iter() if _local(e.tag) in _ENDS}
    starts_present = {e.get(_STARTS[_local(e.tag)]) for e in container.iter() if _local(e.tag) in _STARTS}
    tags: list[Tag] = []
    out: list[str] = []

    def add(tag: Tag) -> None:
        try:
            out.append(inline.marker(len(tags)))
        except inline.TooManyTags as err:
            raise InputError(str(err), path, container.sourceline) from None
        tags.append(tag)

    def walk(elem: etree._Element) -> None:
        out.append(elem.text or "")
        for child in elem:
            if not isinstance(child.tag, str):  # a comment or processing instruction: kept as code
                add(Tag(EMPTY, f"c{len(tags)}", _code(child)))
            else:
                name = _local(child.tag)
                ident = child.get("id") or f"t{len(tags)}"
                if name in _PAIRED:
                    pair = f"{name}:{ident}:{len(tags)}"
                    add(Tag(OPEN, ident, _shell(child), pair))
                    walk(child)
                    add(Tag(CLOSE, ident, None, pair))
                elif name in _STARTS and child.get(_STARTS[name]) in ends_present:
                    add(Tag(OPEN, ident, _code(child), f"s:{child.get(_STARTS[name])}"))
                elif name in _ENDS and child.get(_ENDS[name]) in starts_present:
                    add(Tag(CLOSE, ident, _code(child), f"s:{child.get(_ENDS[name])}"))
                else:  # x, ph, it, cp, an unpaired start or end, anything unknown: kept whole
                    add(Tag(EMPTY, ident, _code(child)))
            out.append(child.tail or "")

    walk(container)
    return "".join(out), tags


def write_inline(container: etree._Element, text: str, tags: Sequence[Tag]) -> None:
    """Fill ``container`` (emptied) with ``text``, its markers turned back into ``tags``' elements."""
    for child in list(container):
        container.remove(child)
    container.text = None
    stack = [container]
    last: etree._Element | None = None  # the element whose tail takes the next text

    def put_text(value: str) -> None:
        nonlocal last
        if last is None:
            stack[-1].text = (stack[-1].text or "") + value
        else:
            last.tail = (last.tail or "") + value

    for part in inline.split_by_markers(text):
        if isinstance(part, str):
            put_text(part)
            continue
        tag = tags[part]
        if tag.kind == OPEN and _local(getattr(tag.payload, "tag", "")) in _PAIRED:
            elem = copy.deepcopy(tag.payload)
            stack[-1].append(elem)
            stack.append(elem)
            last = None
        elif tag.kind == CLOSE and tag.payload is None:  # the end of a paired element
            last = stack.pop() if len(stack) > 1 else last
        else:
            elem = copy.deepcopy(tag.payload)
            stack[-1].append(elem)
            last = elem


# --- reading -------------------------------------------------------------------------------------------


def _store(data: bytes, version: str, path: str | Path):
    need("translate.storage", "cat", "reading and writing XLIFF", path)
    from translate.storage import xliff, xliff2

    try:
        if version == "2.0":
            return xliff2.Xliff2File(io.BytesIO(data))
        return xliff.xlifffile(io.BytesIO(data))
    except (ValueError, AssertionError, etree.XMLSyntaxError) as err:
        raise InputError(f"not a readable XLIFF {version} file: {err}", path) from None


def _child(elem: etree._Element, name: str, ns: str) -> etree._Element | None:
    return elem.find(f"{{{ns}}}{name}")


def _locked(unit, version: str, ns: str, retranslate: bool) -> bool:
    elem = unit.xmlelement
    owner = elem.getparent() if version == "2.0" else elem  # 2.0: translate= is on the <unit>
    if owner is not None and (owner.get("translate") or "").lower() == "no":
        return True
    if retranslate:
        return False
    if version == "1.2" and (elem.get("approved") or "").lower() == "yes":
        return True
    if version == "2.0" and elem.get("state") == "final":
        return True
    target = _child(elem, "target", ns)
    if target is None:
        return False
    if version == "1.2" and target.get("state") in ("new", "needs-translation"):
        return False
    return bool(inline.strip_markers(read_inline(target, "")[0]).strip())


def _read(path: str | Path, options: ReadOptions) -> Document:
    data = read_bytes(path)
    tree = parse_xml(data, path, "XLIFF")
    version = _version(tree.getroot(), path)
    store = _store(data, version, path)
    ns = NS20 if version == "2.0" else store.namespace or NS12
    segments: list[Segment] = []
    units = []
    seen: set[str] = set()
    for n, unit in enumerate(store.units, 1):
        elem = unit.xmlelement
        if version == "1.2" and _local(elem.tag) != "trans-unit":
            continue
        source = _child(elem, "source", ns)
        if source is None:
            raise InputError(f"unit {unit.getid() or n} has no <source>", path, elem.sourceline)
        if options.side == "target":
            target = _child(elem, "target", ns)
            text, tags = read_inline(target, path) if target is not None else ("", [])
            skip = False
        else:
            text, tags = read_inline(source, path)
            skip = _locked(unit, version, ns, options.retranslate)
            problems = inline.source_is_balanced(tags)
            if problems:
                raise InputError(f"unit {unit.getid()}: unbalanced inline tags: {problems[0]}", path,
                                 source.sourceline)
        # 1.2: the trans-unit's own id (translate-toolkit prefixes the file name); 2.0: unit::segment
        ident = (elem.get("id") if version == "1.2" else unit.getid()) or str(n)
        if ident in seen:  # the same id in two <file> elements: ids must stay unique (checkpoints)
            ident = f"{ident}@{n}"
        seen.add(ident)
        segments.append(Segment(ident, text, elem.sourceline or n, tags, skip=skip))
        units.append(unit)
    if not units:
        raise InputError("no translation units in this XLIFF file", path)
    return Document(Path(path), "xliff", segments, layout={"store": store, "units": units, "version": version,
                                                          "ns": ns})


# --- writing -------------------------------------------------------------------------------------------


def _target(elem: etree._Element, ns: str) -> etree._Element:
    target = _child(elem, "target", ns)
    if target is None:
        source = _child(elem, "source", ns)
        target = etree.Element(f"{{{ns}}}target")
        # right after <source> (1.2: after <seg-source> when there is one), as both schemas order them
        anchor = _child(elem, "seg-source", ns)
        (anchor if anchor is not None else source).addnext(target)  # type: ignore[union-attr]
        target.tail = source.tail if source is not None else None
    return target


def _note12(elem: etree._Element, ns: str, note: str | None) -> None:
    for old in elem.findall(f"{{{ns}}}note"):
        if old.get("from") == NOTE_FROM:
            elem.remove(old)
    if note:
        node = etree.SubElement(elem, f"{{{ns}}}note")
        node.set("from", NOTE_FROM)
        node.text = note


def _note20(unit_elem: etree._Element, note: str | None) -> None:
    notes = _child(unit_elem, "notes", NS20)
    if notes is not None:
        for old in notes.findall(f"{{{NS20}}}note"):
            if old.get("category") == NOTE_FROM:
                notes.remove(old)
    if not note:
        if notes is not None and len(notes) == 0:
            unit_elem.remove(notes)
        return
    if notes is None:
        notes = etree.Element(f"{{{NS20}}}notes")
        # <notes> comes after mda:metadata (if any) and before <originalData> and the segments
        first = next((c for c in unit_elem if isinstance(c.tag, str)
                      and etree.QName(c).namespace != "urn:oasis:names:tc:xliff:metadata:2.0"), None)
        if first is not None:
            first.addprevious(notes)
        else:
            unit_elem.append(notes)
    node = etree.SubElement(notes, f"{{{NS20}}}note")
    node.set("category", NOTE_FROM)
    node.text = note


def _render(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
    layout = doc.layout
    store, version, ns = layout["store"], layout["version"], layout["ns"]
    root = store.document.getroot()
    if version == "2.0":
        if not root.get("trgLang"):
            root.set("trgLang", TARGET_LANGUAGE)
    else:
        for file_elem in root.iter(f"{{{ns}}}file"):
            if not file_elem.get("target-language"):
                file_elem.set("target-language", TARGET_LANGUAGE)
    annotations = options.annotations
    for k, (seg, unit, text) in enumerate(zip(doc.segments, layout["units"], translations)):
        if seg.skip:
            continue
        elem = unit.xmlelement
        if doc.side == "target" and text == seg.text:
            continue  # fix: an untouched target stays byte for byte what it was
        if doc.side != "target" and seg.is_blank:
            continue  # nothing to translate: no target is made up
        write_inline(_target(elem, ns), text, seg.tags)
        if doc.side == "target":
            continue  # fix keeps the unit's state and notes
        note = annotations[k] if annotations is not None else None
        review = bool(note and note.review)
        if version == "2.0":
            elem.set("state", "initial" if review else "translated")
            if review:
                elem.set("subState", REVIEW_SUBSTATE)
            elif elem.get("subState") == REVIEW_SUBSTATE:
                del elem.attrib["subState"]
            unit_elem = elem.getparent()
            if unit_elem is not None and note is not None:
                _note20(unit_elem, note.note)
        else:
            _target(elem, ns).set("state", "needs-review-translation" if review else "translated")
            if note is not None:
                _note12(elem, ns, note.note)
    buf = io.BytesIO()
    store.serialize(buf)
    return buf.getvalue()


register(FormatSpec("xliff", (".xlf", ".xliff", ".sdlxliff", ".mqxliff"), _read, _render, thai_side=True))
