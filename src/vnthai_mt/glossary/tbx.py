"""TBX (TermBase eXchange, ISO 30042) import and export, so termbases move between CAT tools and here.

Reading accepts TBX-Basic / TBX v2 (``martif``, ``termEntry``/``langSet``/``tig``) and TBX v3 (``tbx``,
``conceptEntry``/``langSec``/``termSec``). TBX comes from outside, so it is parsed with ``defusedxml``:
entity expansion ("billion laughs") and external entities are refused with a GlossaryError.
Mapping: the Vietnamese preferred term is ``vi`` and its other terms are ``vi_variants``; the Thai
preferred term is ``th`` and deprecated or admitted Thai terms are ``th_variants``; ``subjectField``
holds the kind.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

from vnthai_mt.errors import GlossaryError
from vnthai_mt.glossary.entry import KINDS, Entry
from vnthai_mt.text import thai, vietnamese

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _LineBuilder(ET.TreeBuilder):
    """Remembers the source line of each element, for error messages."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: DefusedXMLParser | None = None

    def start(self, tag, attrs):
        element = super().start(tag, attrs)
        self.lines[id(element)] = self.parser.parser.CurrentLineNumber if self.parser else 0
        return element


def _parse(path: Path) -> tuple[ET.Element, dict[int, int]]:
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder)
    builder.parser = parser
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.utf8 import read_bytes

    try:
        data = read_bytes(path)
    except InputError as err:  # missing, a folder, unreadable: one line, as a glossary problem
        raise GlossaryError(err.message, path) from None
    try:
        parser.feed(data)
        root = parser.close()
    except FileNotFoundError:
        raise GlossaryError("no such file", path) from None
    except defusedxml.DefusedXmlException as err:
        raise GlossaryError(f"unsafe XML refused ({type(err).__name__}): TBX must not declare entities",
                            path) from None
    except ET.ParseError as err:
        raise GlossaryError(f"malformed XML: {err.msg if hasattr(err, 'msg') else err}", path,
                            err.position[0]) from None
    return root, builder.lines


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def _terms(lang_set: ET.Element) -> list[tuple[str, str]]:
    """(term, status) pairs of a langSet/langSec; status '' when not given."""
    out = []
    for group in _children(lang_set, "tig", "ntig", "termSec"):
        term_el = next((el for el in group.iter() if _local(el.tag) == "term"), None)
        if term_el is None or not "".join(term_el.itertext()).strip():
            continue
        status = ""
        for note in group.iter():
            if _local(note.tag) == "termNote" and note.get("type") == "administrativeStatus":
                status = (note.text or "").strip()
        out.append(("".join(term_el.itertext()).strip(), status))
    return out


def _preferred_first(terms: list[tuple[str, str]]) -> list[str]:
    preferred = [t for t, s in terms if s.startswith("preferred")]
    others = [t for t, s in terms if not s.startswith("preferred")]
    if not preferred:  # no status given: the first term is the head; deprecated ones never are
        usable = [t for t, s in terms if not s.startswith(("deprecated", "superseded"))]
        preferred = usable[:1]
        others = [t for t in (t for t, _ in terms) if t not in preferred]
    return preferred[:1] + preferred[1:] + others


def read_tbx(path: str | Path) -> list[Entry]:
    path = Path(path)
    root, lines = _parse(path)
    entries = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        line = lines.get(id(concept))
        by_lang: dict[str, list[tuple[str, str]]] = {}
        for lang_set in _children(concept, "langSet", "langSec"):
            lang = (lang_set.get(_XML_LANG) or lang_set.get("lang") or "").lower().split("-")[0]
            by_lang.setdefault(lang, []).extend(_terms(lang_set))
        vi_terms = _preferred_first(by_lang.get("vi", []))
        th_terms = _preferred_first(by_lang.get("th", []))
        if not vi_terms or not th_terms:
            raise GlossaryError("entry lacks a Vietnamese (vi) or Thai (th) term", path, line)
        kind, note, source, valid = "term", "", "", ""
        for el in concept.iter():
            kind_type = el.get("type")
            if _local(el.tag) == "descrip" and kind_type == "subjectField":
                kind = (el.text or "").strip().lower() or "term"
            elif _local(el.tag) == "descrip" and kind_type == "validity":
                valid = (el.text or "").strip()
            elif _local(el.tag) == "admin" and kind_type == "source":
                source = (el.text or "").strip()
            elif _local(el.tag) == "note" and not note:
                note = (el.text or "").strip()
        if kind not in KINDS:
            kind = "term"  # a foreign subject field ("politics") is not one of our kinds
        entries.append(
            Entry(
                vi=vietnamese.normalize(vi_terms[0]),
                th=thai.normalize(th_terms[0]),
                kind=kind,
                vi_variants=tuple(vietnamese.normalize(t) for t in vi_terms[1:]),
                th_variants=tuple(thai.normalize(t) for t in th_terms[1:]),
                valid=valid,
                source=source,
                note=note,
                origin=f"{path}:{line}",
            )
        )
    return entries


def write_tbx(entries: list[Entry]) -> str:
    """TBX-Basic (v2) text for ``entries``."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<martif type="TBX-Basic" xml:lang="vi">',
        ("  <martifHeader><fileDesc><sourceDesc><p>vnthai-mt glossary</p></sourceDesc></fileDesc>"
         "</martifHeader>"),
        "  <text><body>",
    ]
    for number, entry in enumerate(entries, start=1):
        out.append(f'    <termEntry id="e{number}">')
        out.append(f'      <descrip type="subjectField">{escape(entry.kind)}</descrip>')
        if entry.valid:
            out.append(f'      <descrip type="validity">{escape(entry.valid)}</descrip>')
        if entry.source:
            out.append(f'      <admin type="source">{escape(entry.source)}</admin>')
        if entry.note:
            out.append(f"      <note>{escape(entry.note)}</note>")
        out.append('      <langSet xml:lang="vi">')
        for i, term in enumerate(entry.all_vi()):
            status = "preferredTerm-admn-sts" if i == 0 else "admittedTerm-admn-sts"
            out.append(f'        <tig><term>{escape(term)}</term><termNote type="administrativeStatus">'
                       f"{status}</termNote></tig>")
        out.append("      </langSet>")
        out.append('      <langSet xml:lang="th">')
        out.append(f'        <tig><term>{escape(entry.th)}</term><termNote type="administrativeStatus">'
                   "preferredTerm-admn-sts</termNote></tig>")
        for term in entry.th_variants:
            out.append(f'        <tig><term>{escape(term)}</term><termNote type="administrativeStatus">'
                       "deprecatedTerm-admn-sts</termNote></tig>")
        out.append("      </langSet>")
        out.append("    </termEntry>")
    out += ["  </body></text>", "</martif>", ""]
    return "\n".join(out)
