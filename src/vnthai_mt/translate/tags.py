"""Inline tags through the model: markers become numbered placeholders, then go back, checked.

A segment read from XLIFF, HTML or DOCX holds its inline tags as private-use markers (``io.inline``).
The model would drop or mangle those characters, so before translation each marker becomes a
placeholder of ``translate.placeholders`` (``[1]``, ``[2]``... the same carrier the glossary layer uses
for required spans; a form the text already holds is not used), and after translation
``restore`` puts the markers back and checks count, order and pairing::

    carried = carry("\\ue000Chủ tịch\\ue001 phát biểu", tags)
    carried.text                      # '[1]Chủ tịch[2] phát biểu'   (what the model sees)
    restore("[1]ประธาน[2] กล่าว", carried)   # ('\\ue000ประธาน\\ue001 กล่าว', [])

When the model lost, repeated or reordered a placeholder so that the tags cannot be placed in a valid
order, ``restore`` rebuilds the source's tag sequence around the translation (``inline.place_markers``:
nothing lost, nothing duplicated) and returns the reason, which the pipeline reports as ``review``.
The glossary's required renderings are text, so they survive the rebuild.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vnthai_mt.io import inline
from vnthai_mt.io.inline import Tag
from vnthai_mt.translate import placeholders

TAGS_NOT_PLACED = "tags-not-placed"


@dataclass(frozen=True)
class Carried:
    """A segment ready for the model: ``text`` with placeholders, and how to put the markers back."""

    original: str
    text: str
    tags: tuple[Tag, ...]
    masked: placeholders.Masked | None = None


def default_tags(text: str) -> list[Tag]:
    """Tags for markers that came without a description (a plain string given to ``translate``):
    each one an ``empty`` tag, so only its count and order are checked."""
    return [Tag(inline.EMPTY, str(i)) for i in sorted(set(inline.markers_in(text)))]


def carry(text: str, tags: Sequence[Tag] | None = None) -> Carried:
    """``text`` with each marker replaced by a placeholder (no markers: unchanged)."""
    if not inline.has_markers(text):
        return Carried(text, text, tuple(tags or ()))
    tags = list(tags) if tags else default_tags(text)
    spans = [(i, i + 1) for i, c in enumerate(text) if inline.is_marker(c)]
    masked = placeholders.mask(text, spans)
    return Carried(text, _pad(masked.text, masked.template), tuple(tags), masked)


def _pad(text: str, template: str) -> str:
    """A space between a placeholder and a letter or digit it touches (``[1]trời[2]`` -> ``[1] trời [2]``):
    models learnt placeholders as words of their own and garble a word glued to one; the spaces inside a
    pair are taken out again by ``restore``."""
    open_, close = placeholders._OPEN_CLOSE.get(template, ("[", "]"))
    pattern = re.compile(re.escape(open_) + r"[0-9]+" + re.escape(close))

    def spaced(m: re.Match[str]) -> str:
        before = " " if m.start() > 0 and text[m.start() - 1].isalnum() else ""
        after = " " if m.end() < len(text) and text[m.end()].isalnum() else ""
        return before + m.group() + after

    return pattern.sub(spaced, text)


def restore(output: str, carried: Carried) -> tuple[str, list[str]]:
    """(Thai text with the markers back in a valid order, review reasons: empty when all went well)."""
    if carried.masked is None:
        return output, []
    chars = [carried.original[a:b] for a, b in carried.masked.spans]
    text, _restored = placeholders.unmask(output, carried.masked, chars)
    text = _tidy(text, carried.tags)
    problems = inline.check_markers(text, carried.tags)
    if not problems:
        return text, []
    placed, _ = inline.place_markers(text, carried.original, carried.tags)
    return placed, [f"{TAGS_NOT_PLACED}: {problems[0]}" + (f" (+{len(problems) - 1} more)" if len(problems) > 1
                                                            else "")]


def _tidy(text: str, tags: Sequence[Tag]) -> str:
    """No space just inside a pair (after an opening marker, before a closing one): the model puts
    spaces around placeholders where Thai has none."""
    opens = "".join(inline.marker(i) for i, t in enumerate(tags) if t.kind == inline.OPEN)
    closes = "".join(inline.marker(i) for i, t in enumerate(tags) if t.kind == inline.CLOSE)
    if opens:
        text = re.sub("([" + re.escape(opens) + "]) +", r"\1", text)
    if closes:
        text = re.sub(" +([" + re.escape(closes) + "])", r"\1", text)
    return text
