"""Repair: replace wrong renderings in a Thai translation with the required ones; never insert.

For each required rendering the translation lacks (counted per occurrence, longest first, the same way
``evaluation.terms`` scores term accuracy):

1. a known other rendering (the glossary entry's ``th_variants``: เหงียน คัก ทัน for เหงียน คัก เถิ่น) is
   replaced by the required one;
2. for person and place names, a *near miss* is replaced: a stretch of the output, cut at spaces,
   punctuation or Thai word boundaries, about as long as the rendering, with the same phonetic key
   (``names.phonetic.thai_key``: tone marks, consonant classes and vowel length folded), e.g. เหงียน
   ข่าก ถั่น.

Text that already is a required rendering is never touched, and nothing is added where nothing
matched: a rendering with no variant and no near miss in the output stays missing (the caller reports
it or re-decodes). All strings are compared after ``text.thai.normalize``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from vnthai_mt.text import thai
from vnthai_mt.text.thai.find import claimed_spans, find_renderings
from vnthai_mt.text.thai.segment import word_edges
from vnthai_mt.translate.requirements import NAME_KINDS, Required

VARIANT = "variant"
NEAR_MISS = "near-miss"
_BREAK = re.compile(r"[\s,.;:!?()\[\]\"'“”‘’«»/\-–—]+")


def presence(text: str, renderings: Sequence[str]) -> list[bool]:
    """Per required occurrence, whether ``text`` has it: ``text.thai.find``, as eval and check decide."""
    return find_renderings(text, renderings)


def _overlaps(a: int, b: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


@lru_cache(maxsize=1)
def _key_fn() -> Callable[[str], str] | None:
    try:
        from vnthai_mt.names.phonetic import thai_key
    except ImportError:  # pragma: no cover
        return None
    return lru_cache(maxsize=4096)(thai_key)


def _boundaries(text: str) -> list[int]:
    """Positions where a name may start or end: text edges, around spaces/punctuation, Thai word edges."""
    cuts = {0, len(text)}
    for m in _BREAK.finditer(text):
        cuts.add(m.start())
        cuts.add(m.end())
    cuts |= word_edges(text)  # without a segmenter, spaces and punctuation still give cuts
    return sorted(cuts)


def _near_miss(text: str, th: str, protected: Sequence[tuple[int, int]], cuts: list[int]) -> tuple[int, int] | None:
    key = _key_fn()
    if key is None:
        return None
    target = key(th)
    if not target:
        return None
    lo, hi = max(1, int(len(th) * 0.6)), int(len(th) * 1.5) + 2
    for i, a in enumerate(cuts):
        if a < len(text) and not thai.is_thai(text[a]):
            continue
        for b in cuts[i + 1:]:
            if b - a > hi:
                break
            if b - a < lo or _overlaps(a, b, protected):
                continue
            window = text[a:b].strip()
            if window and key(window) == target:
                return a + (len(text[a:b]) - len(text[a:b].lstrip())), a + len(text[a:b].rstrip())
    return None


def repair(text: str, required: Sequence[Required], *, near_misses: bool = True) -> tuple[str, list[str | None]]:
    """Replace wrong renderings of the missing required ones; returns (text, how each was repaired).

    The list has one item per requirement: ``"variant"`` or ``"near-miss"`` when this call put it in,
    None otherwise (already present, or still missing: check with ``presence``).
    """
    text = thai.normalize(text)
    ths = [r.th for r in required]
    how: list[str | None] = [None] * len(required)
    found = presence(text, ths)
    if all(found):
        return text, how
    cuts: list[int] | None = None
    for i in sorted(range(len(required)), key=lambda k: -len(ths[k])):
        if found[i]:
            continue
        req = required[i]
        protected = claimed_spans(text, [t for t, ok in zip(ths, found) if ok])
        span = None
        for variant in sorted(req.variants, key=len, reverse=True):
            start = text.find(variant)
            while start >= 0 and _overlaps(start, start + len(variant), protected):
                start = text.find(variant, start + 1)
            if start >= 0:
                span, kind = (start, start + len(variant)), VARIANT
                break
        if span is None and near_misses and req.kind in NAME_KINDS:
            if cuts is None:
                cuts = _boundaries(text)
            span = _near_miss(text, req.th, protected, cuts)
            kind = NEAR_MISS
        if span is None:
            continue
        a, b = span
        text = text[:a] + req.th + text[b:]
        cuts = None  # offsets moved
        found = presence(text, ths)
        if found[i]:
            how[i] = kind
    return text, how
