"""Inline tags as private-use markers: one mechanism for XLIFF ``<g>``/``<x/>``, HTML ``<b>``, DOCX runs.

A segment's text carries each tag occurrence as one character of the Unicode private-use area
(U+E000, U+E001, ... in order of appearance); ``Segment.tags[i]`` is the ``Tag`` behind
``marker(i)``: its ``kind`` (``open``, ``close`` or ``empty``), the format's ``id`` (XLIFF ``id``,
a run number) and ``payload`` (what the format needs to write it back: the element, its attributes)::

    >>> tags = [Tag("open", "1", "g"), Tag("close", "1", "g"), Tag("empty", "2", "x")]
    >>> text = f"{marker(0)}Chủ tịch{marker(1)} phát biểu{marker(2)}"
    >>> check_markers(text, tags)             # count, order and pairing of a text against its tags
    []
    >>> check_markers(f"{marker(1)}a{marker(0)}", tags)
    ['tag 3 (empty 2) is missing', 'tag 2 (close 1) comes before its opening tag']
    >>> strip_markers(text)
    'Chủ tịch phát biểu'

``check_markers`` lists what is wrong with a translation's markers (empty: valid): every tag exactly
once, each closing tag after its opening tag, pairs properly nested. ``place_markers`` gives a text
that always passes: the translation if it is valid, otherwise the source's tags in their order with the
whole translation put inside the span that held most of the source text (nothing lost or duplicated;
the caller marks the segment for review). ``split_by_markers`` cuts a text into text runs and tags for a
writer that re-materializes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

FIRST = 0xE000
LAST = 0xF8FF  # the BMP private-use area: 6,400 tags per segment
OPEN, CLOSE, EMPTY = "open", "close", "empty"
KINDS = (OPEN, CLOSE, EMPTY)


@dataclass
class Tag:
    """One inline tag occurrence. ``pair`` links an ``open`` and its ``close`` (same value on both;
    defaults to ``id``); ``payload`` is private to the format that made it."""

    kind: str
    id: str
    payload: Any = field(default=None, compare=False)
    pair: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"tag kind {self.kind!r} is not one of {KINDS}")
        if self.pair is None:
            self.pair = self.id


class TooManyTags(ValueError):
    """More tags in one segment than private-use markers (6,400)."""


def marker(index: int) -> str:
    """The character that stands for tag ``index`` (0-based) of a segment."""
    if not 0 <= index <= LAST - FIRST:
        raise TooManyTags(f"at most {LAST - FIRST + 1} inline tags per segment")
    return chr(FIRST + index)


def is_marker(char: str) -> bool:
    return len(char) == 1 and FIRST <= ord(char) <= LAST


def marker_index(char: str) -> int:
    return ord(char) - FIRST


def markers_in(text: str) -> list[int]:
    """Tag indices of the markers in ``text``, in order."""
    return [ord(c) - FIRST for c in text if FIRST <= ord(c) <= LAST]


def strip_markers(text: str) -> str:
    """``text`` without any marker."""
    return "".join(c for c in text if not FIRST <= ord(c) <= LAST)


def has_markers(text: str) -> bool:
    return any(FIRST <= ord(c) <= LAST for c in text)


def _label(index: int, tags: Sequence[Tag]) -> str:
    tag = tags[index]
    return f"tag {index + 1} ({tag.kind} {tag.id})"


def check_markers(text: str, tags: Sequence[Tag]) -> list[str]:
    """Problems with the markers of ``text`` against ``tags`` (empty list: count, order and pairing
    are valid)."""
    found = markers_in(text)
    problems: list[str] = []
    seen: set[int] = set()
    for index in found:
        if index >= len(tags):
            problems.append(f"marker {index + 1} has no tag")
        elif index in seen:
            problems.append(f"{_label(index, tags)} appears more than once")
        seen.add(index)
    problems.extend(f"{_label(i, tags)} is missing" for i in range(len(tags)) if i not in seen)
    stack: list[int] = []
    opened: set[str | None] = set()
    for index in found:
        if index >= len(tags):
            continue
        tag = tags[index]
        if tag.kind == OPEN:
            stack.append(index)
            opened.add(tag.pair)
        elif tag.kind == CLOSE:
            if tag.pair not in opened:
                problems.append(f"{_label(index, tags)} comes before its opening tag")
            elif stack and tags[stack[-1]].pair != tag.pair:
                problems.append(f"{_label(index, tags)} closes across {_label(stack[-1], tags)}")
            if stack and tags[stack[-1]].pair == tag.pair:
                stack.pop()
    return problems


def source_is_balanced(tags: Sequence[Tag]) -> list[str]:
    """Problems with a source's own tag sequence (a close without open, crossing pairs, unclosed)."""
    text = "".join(marker(i) for i in range(len(tags)))
    problems = check_markers(text, tags)
    stack: list[str | None] = []
    for tag in tags:
        if tag.kind == OPEN:
            stack.append(tag.pair)
        elif tag.kind == CLOSE and stack and stack[-1] == tag.pair:
            stack.pop()
    problems.extend(f"opening tag {p} is never closed" for p in stack)
    return problems


def place_markers(translation: str, source: str, tags: Sequence[Tag]) -> tuple[str, bool]:
    """(text whose markers are valid, whether ``translation`` had to be rearranged).

    A valid translation is returned as it is. Otherwise its markers are removed and the source's tag
    sequence is rebuilt, with the whole translation inside the span between two tags that held the
    most source text: every tag kept once, in the source's order and nesting.
    """
    if not tags:
        return translation, False
    if not check_markers(translation, tags):
        return translation, False
    plain = strip_markers(translation)
    chunks = _between(source, len(tags))
    best = max(range(len(chunks)), key=lambda k: len(chunks[k].strip()))
    out = []
    for k in range(len(tags) + 1):
        if k == best:
            out.append(plain)
        if k < len(tags):
            out.append(marker(k))
    return "".join(out), True


def _between(source: str, count: int) -> list[str]:
    """The source text before tag 0, between tags 0 and 1, ..., after the last tag (count + 1 parts)."""
    parts = [""] * (count + 1)
    slot = 0
    order = {i: k for k, i in enumerate(markers_in(source))}
    for char in source:
        if FIRST <= ord(char) <= LAST:
            slot = order.get(ord(char) - FIRST, slot) + 1
        else:
            parts[min(slot, count)] += char
    return parts


def split_by_markers(text: str) -> list[str | int]:
    """``text`` as a list of text runs (``str``) and tag indices (``int``), in order."""
    out: list[str | int] = []
    buf: list[str] = []
    for char in text:
        if FIRST <= ord(char) <= LAST:
            if buf:
                out.append("".join(buf))
                buf = []
            out.append(ord(char) - FIRST)
        else:
            buf.append(char)
    if buf:
        out.append("".join(buf))
    return out
