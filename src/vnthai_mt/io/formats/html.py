"""News HTML in and out: only text and chosen attributes change, every other byte is copied.

    <p class="lead">Thủ tướng <b>Phạm Minh Chính</b> &amp; <a href="/x" title="Tiểu sử">đoàn</a> đến.</p>

gives two segments: the paragraph, ``"Thủ tướng \\ue000Phạm Minh Chính\\ue001 & \\ue002đoàn\\ue003 đến."``,
whose four private-use markers stand for the inline tags ``<b>``, ``</b>``, ``<a …>``, ``</a>``
(``io.inline``: the translator carries them through the model so that they stay around the words they
covered), and the ``title`` attribute, ``"Tiểu sử"``. The page is read with the standard library's
tokenizing parser (``html.parser``) and cut at the source offsets of its tokens, so the writer copies
the source bytes of everything it does not translate (doctype, comments, ``<script>`` and ``<style>``,
attributes, entity references, whitespace between blocks) instead of serializing a tree again.

- **Segments**: each run of text and inline elements between two block-level tags (``<p>``, ``<h1>``,
  ``<li>``, ``<td>``, ``<title>``, ``<div>``... every element not in ``INLINE``) is one segment; its
  whitespace runs are one space for the model, its entity references decoded (``&amp;`` -> ``&``).
- **Inline elements** (``INLINE``: ``<a>``, ``<b>``, ``<strong>``, ``<em>``, ``<i>``, ``<span>``,
  ``<br>``, ``<img>``...) become inline tags; the tag's own source bytes are written back, with its
  translated attributes. A stray or crossing tag is kept as a standalone tag at its place.
- **Not translated**: ``<script>``, ``<style>``, ``<template>``, ``<svg>``, ``<math>``, ``<code>``,
  ``<pre>``, ``<kbd>``, ``<samp>``, ``<var>``, and any element with ``translate="no"`` or the class
  ``notranslate`` (inside a sentence such an element is one inline tag, its content carried whole).
- **Attributes**: ``alt`` and ``title`` by default (``attributes=`` to choose), each value one segment;
  the writer keeps the attribute's quotes.

The writer escapes ``&``, ``<`` and ``>`` in translated text (and the quote in attribute values). A
segment whose translation is its own text is copied byte for byte; one whose markers were lost or
repeated gets the source's tags back, each once and in order (``io.inline.place_markers``). Malformed
HTML is read as browsers read it (no error); only bytes that are not UTF-8 are refused (one
``InputError`` with the line).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from vnthai_mt.io.formats.model import Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, register
from vnthai_mt.io.inline import CLOSE, EMPTY, OPEN, Tag, marker, place_markers, split_by_markers

DEFAULT_ATTRIBUTES = ("alt", "title")
INLINE = frozenset(
    "a abbr b bdi bdo br cite data del dfn em font i img ins kbd label mark q s samp small span strike "
    "strong sub sup time tt u var wbr code".split()
)
VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
SKIP = frozenset("script style template svg math code pre kbd samp var textarea".split())
# html.parser's own attribute pattern (CPython Lib/html/parser.py, PSF license), to find value offsets.
_ATTR = re.compile(
    r"((?<=[\'\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*(\'[^\']*\'|\"[^\"]*\"|(?![\'\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_SPACES = re.compile(r"\s+")


@dataclass
class _Token:
    kind: str  # "text", "ref", "start", "end", "startend", "other"
    start: int
    end: int
    tag: str = ""
    attrs: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass
class Unit:
    """One segment's place in the source: text units cover ``start``..``end`` and hold their inline
    tags (``tags[i].payload`` is the tag's (start, end)); attribute units cover the value's bytes."""

    kind: str  # "text" or "attr"
    start: int
    end: int
    line: int
    text: str
    tags: list[Tag] = field(default_factory=list)
    quote: str = '"'
    attr: str = ""  # attribute units: the attribute's name


@dataclass
class Page:
    source: str
    units: list[Unit]


class _Tokenizer(HTMLParser):
    """html.parser with every event's source offset: events are contiguous, so each one ends where the
    next begins."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        starts = [0]
        for m in re.finditer("\n", source):
            starts.append(m.end())
        self._line_starts = starts
        self.tokens: list[_Token] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _add(self, kind: str, tag: str = "", attrs=None) -> None:
        self.tokens.append(_Token(kind, self._offset(), -1, tag, list(attrs or [])))

    def handle_starttag(self, tag, attrs):
        self._add("start", tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._add("startend", tag, attrs)

    def handle_endtag(self, tag):
        self._add("end", tag)

    def handle_data(self, data):
        self._add("text")

    def handle_entityref(self, name):
        self._add("ref")

    def handle_charref(self, name):
        self._add("ref")

    def handle_comment(self, data):
        self._add("other")

    def handle_decl(self, decl):
        self._add("other")

    def handle_pi(self, data):
        self._add("other")

    def unknown_decl(self, data):
        self._add("other")

    def tokenize(self) -> list[_Token]:
        self.feed(self.source)
        self.close()
        merged: list[_Token] = []
        for tok in self.tokens:  # the parser may report one text run in several pieces
            if merged and merged[-1].start == tok.start:
                continue
            merged.append(tok)
        for tok, nxt in zip(merged, merged[1:]):
            tok.end = nxt.start
        if merged:
            merged[-1].end = len(self.source)
        return [t for t in merged if t.end > t.start]


def _skipped(attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    no = (values.get("translate") or "").strip().lower() == "no"
    return no or "notranslate" in (values.get("class") or "").split()


def parse(source: str, attributes: Iterable[str] = DEFAULT_ATTRIBUTES) -> Page:
    """Segments (``Unit``) of an HTML page, in document order."""
    wanted = {a.lower() for a in attributes}
    tokens = _Tokenizer(source).tokenize()
    line_of = _LineIndex(source)
    units: list[Unit] = []
    run: list[_Token] = []
    stack: list[tuple[str, bool]] = []  # open elements: (name, skipped)
    skip_depth = 0  # open skipped elements
    inline_skip: _Token | None = None  # a skipped inline element, carried whole as one tag
    inline_skip_name = ""
    inline_skip_level = 0

    def flush() -> None:
        if run:
            unit = _text_unit(source, run, line_of)
            if unit is not None:
                units.append(unit)
            run.clear()

    for tok in tokens:
        if inline_skip is not None:  # inside <code>… in a sentence: wait for its end
            if tok.kind == "start" and tok.tag == inline_skip_name:
                inline_skip_level += 1
            elif tok.kind == "end" and tok.tag == inline_skip_name:
                inline_skip_level -= 1
                if inline_skip_level == 0:
                    run.append(_Token("whole", inline_skip.start, tok.end, tok.tag))
                    inline_skip = None
            continue
        if tok.kind in ("start", "startend") and skip_depth == 0:
            units.extend(_attr_units(source, tok, wanted, line_of))
        if tok.kind in ("start", "startend", "end"):
            name = tok.tag
            skipped = tok.kind != "end" and (name in SKIP or _skipped(tok.attrs))
            if tok.kind == "start" and skipped and name in INLINE and skip_depth == 0 and run:
                inline_skip, inline_skip_name, inline_skip_level = tok, name, 1
                continue
            if tok.kind == "start" and name not in VOID:
                stack.append((name, skipped))
                skip_depth += skipped
            elif tok.kind == "end":
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == name:
                        skip_depth -= sum(s for _, s in stack[k:])
                        del stack[k:]
                        break
            if skip_depth == 0 and name in INLINE and not skipped:
                run.append(tok)
            else:
                flush()
            continue
        if skip_depth:
            continue
        if tok.kind in ("text", "ref"):
            run.append(tok)
        else:  # a comment, a declaration: a boundary
            flush()
    flush()
    units.sort(key=lambda u: u.start)
    return Page(source, units)


class _LineIndex:
    def __init__(self, source: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def __call__(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, offset)


def _attr_units(source: str, tok: _Token, wanted: set[str], line_of) -> list[Unit]:
    out: list[Unit] = []
    if not wanted:
        return out
    raw = source[tok.start:tok.end]
    name_end = re.match(r"<[^\s/>]+(?:\s|/(?!>))*", raw)
    pos = name_end.end() if name_end else 1
    while True:
        m = _ATTR.match(raw, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        attr, value = m.group(1).lower(), m.group(3)
        if attr not in wanted or value is None:
            continue
        quote = value[0] if value[:1] in ("'", '"') else ""
        start = tok.start + m.start(3) + len(quote)
        end = tok.start + m.end(3) - len(quote)
        text = html.unescape(source[start:end])
        if text.strip():
            out.append(Unit("attr", start, end, line_of(start), text, quote=quote or '"', attr=attr))
    return out


def _text_unit(source: str, run: list[_Token], line_of) -> Unit | None:
    """A text unit from a run of tokens, without the whitespace at its edges; None if it has no text."""
    texts = [t for t in run if t.kind in ("text", "ref") and (t.kind == "ref" or source[t.start:t.end].strip())]
    if not texts:
        return None
    start = run[0].start
    end = run[-1].end
    # whitespace at the edges stays outside the unit
    first_text = source[start:end]
    lead = len(first_text) - len(first_text.lstrip())
    trail = len(first_text) - len(first_text.rstrip())
    start, end = start + lead, end - trail
    tags: list[Tag] = []
    parts: list[str] = []
    open_stack: list[tuple[str, int]] = []  # (element, tag index)
    for tok in run:
        a, b = max(tok.start, start), min(tok.end, end)
        if a >= b:
            continue
        if tok.kind == "text":
            parts.append(source[a:b])
        elif tok.kind == "ref":
            parts.append(html.unescape(source[a:b]))
        else:
            index = len(tags)
            if tok.kind == "start" and tok.tag not in VOID:
                tags.append(Tag(OPEN, str(index + 1), (a, b)))
                open_stack.append((tok.tag, index))
            elif tok.kind == "end" and open_stack and open_stack[-1][0] == tok.tag:
                _, opened = open_stack.pop()
                tags.append(Tag(CLOSE, str(index + 1), (a, b), pair=tags[opened].pair))
            else:
                tags.append(Tag(EMPTY, str(index + 1), (a, b)))
            parts.append(marker(index))
    for _, index in open_stack:  # never closed in this unit: a standalone tag
        tags[index] = Tag(EMPTY, tags[index].id, tags[index].payload)
    text = _SPACES.sub(" ", "".join(parts))
    return Unit("text", start, end, line_of(start), text, tags)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tag_bytes(page: Page, span: tuple[int, int], edits: dict[int, tuple[int, str]]) -> str:
    """The tag's source bytes with its translated attribute values put in."""
    a, b = span
    out, pos = [], a
    for start in sorted(k for k in edits if a <= k < b):
        end, new = edits[start]
        out.append(page.source[pos:start])
        out.append(new)
        pos = end
    out.append(page.source[pos:b])
    return "".join(out)


def render(page: Page, translations: Sequence[str]) -> str:
    """The page with each unit replaced by its translation (markers become the inline tags' bytes)."""
    if len(translations) != len(page.units):
        raise ValueError(f"{len(translations)} translations for {len(page.units)} HTML segments")
    attr_edits: dict[int, tuple[int, str]] = {}
    for unit, new in zip(page.units, translations):
        if unit.kind == "attr" and new != unit.text:
            value = html.escape(" ".join(new.split()), quote=False)
            value = value.replace(unit.quote, "&quot;" if unit.quote == '"' else "&#39;")
            attr_edits[unit.start] = (unit.end, value)
    out: list[str] = []
    pos = 0
    for unit, new in zip(page.units, translations):
        if unit.kind == "attr":
            continue
        if unit.start < pos:  # cannot happen: text units do not overlap
            continue
        out.append(_tag_bytes(page, (pos, unit.start), attr_edits))
        if new == unit.text:
            out.append(_tag_bytes(page, (unit.start, unit.end), attr_edits))
        else:
            for piece in split_by_markers(place_markers(new, unit.text, unit.tags)[0]):
                if isinstance(piece, int):
                    if piece < len(unit.tags):
                        out.append(_tag_bytes(page, unit.tags[piece].payload, attr_edits))
                else:
                    out.append(_escape_text(piece.replace("\n", " ")))
        pos = unit.end
    out.append(_tag_bytes(page, (pos, len(page.source)), attr_edits))
    return "".join(out)


# --- the format registry ------------------------------------------------------------------------------


def read_html(path, options: ReadOptions, attributes: Iterable[str] = DEFAULT_ATTRIBUTES) -> Document:
    """A ``Document`` of the page: text units ``h1``, ``h2``...; attribute units ``h3@title``."""
    from pathlib import Path

    from vnthai_mt.io.utf8 import decode_utf8, read_bytes

    name = "<stdin>" if str(path) == "-" else path
    data = read_bytes(path, options.folder_hint)
    page = parse(decode_utf8(data, name, sniff=False), attributes)
    segs = [Segment(f"h{n}" + (f"@{u.attr}" if u.kind == "attr" else ""), u.text, u.line, list(u.tags))
            for n, u in enumerate(page.units, 1)]
    return Document(None if str(path) == "-" else Path(path), "html", segs,
                    layout={"page": page, "bom": data.startswith(b"\xef\xbb\xbf")})


def _render(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
    text = render(doc.layout["page"], translations)
    return (("\ufeff" if doc.layout.get("bom") else "") + text).encode("utf-8")


register(FormatSpec("html", (".html", ".htm", ".xhtml"), read_html, _render, stdin=True, thai_side=True))
