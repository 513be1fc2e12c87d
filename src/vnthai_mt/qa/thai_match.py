"""Finding known Thai renderings (glossary forms and their variants) in Thai text.

Thai is written without spaces between words, so a match cannot be checked against word boundaries.
What can be checked cheaply is the character cluster: a match must not start on a vowel sign or tone
mark, nor right after a leading vowel (เ แ โ ใ ไ belong to the consonant that follows them), and must not
end right before a vowel sign, tone mark or a following vowel (ะ า ำ) that belongs to its last
consonant. That keeps ``ประธาน`` out of ``ประธานาธิบดี`` and means a fix never splits a syllable.

Matching runs on a normalized view of each line (:func:`thai_view`) so that text differing only in mark
order, zero-width characters or doubled spaces still matches; offsets map back to the line as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from vnthai_mt.glossary import Entry, Glossary
from vnthai_mt.text import thai

COMBINING = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
FOLLOWING = frozenset("\u0e30\u0e32\u0e33\u0e45")  # ะ า ำ ๅ
LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ
_SPACE_CHARS = " \t\u00a0\u3000"
# Anything thai.normalize would change (besides trimming): the slow path only runs where it matters.
_NEEDS_NORMALIZING = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u0e4d\t\u00a0\u3000]| {2}"
    "|[\u0e48-\u0e4c][\u0e31\u0e34-\u0e3a\u0e47]"
    "|([\u0e31\u0e34-\u0e3a\u0e47-\u0e4c])\\1"
    "|\u0e33[\u0e48-\u0e4b]"
)
_MAX_CLUSTER = 8
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


@dataclass
class View:
    """A normalized view of one line: ``text[i]`` comes from ``line[offsets[i]]``."""

    line: str
    text: str
    offsets: list[int] | None  # None: the view is the line itself

    def orig(self, i: int) -> int:
        if self.offsets is None:
            return i
        return self.offsets[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of ``text[start:end]``, trailing spaces of the original excluded."""
        a, b = self.orig(start), self.orig(end)
        if self.offsets is not None:
            while b > a and self.line[b - 1] in _SPACE_CHARS:
                b -= 1
        return a, b


def thai_view(line: str) -> View:
    if _NEEDS_NORMALIZING.search(line) is None:
        return View(line, line, None)
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        if ch in _SPACE_CHARS:
            j = i
            while j < n and line[j] in _SPACE_CHARS:
                j += 1
            out.append(" ")
            offsets.append(i)
            i = j
            continue
        j = i + 1
        # A real cluster has a few marks; longer runs are garbage and are cut so normalizing stays linear.
        while j < n and j - i < _MAX_CLUSTER and (line[j] in COMBINING or line[j] in _ZERO_WIDTH):
            j += 1
        if j < n and line[j] == "\u0e32" and "\u0e4d" in line[i:j]:
            j += 1  # decomposed sara am: nikhahit (+ tone) + sara aa
        piece = thai.normalize(line[i:j]) if j - i > 1 else ch
        if ch in _ZERO_WIDTH and not piece:
            i = j
            continue
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    offsets.append(n)
    return View(line, "".join(out), offsets)


def cluster_start_ok(text: str, start: int) -> bool:
    if start >= len(text):
        return False
    first = text[start]
    if first in COMBINING or first in FOLLOWING:
        return False
    return not (start > 0 and text[start - 1] in LEADING)


def cluster_end_ok(text: str, end: int) -> bool:
    if end <= 0 or text[end - 1] in LEADING:
        return False
    return not (end < len(text) and (text[end] in COMBINING or text[end] in FOLLOWING))


@dataclass(frozen=True)
class ThaiHit:
    start: int  # offsets in the view
    end: int
    form: str  # the normalized form matched
    entries: tuple[tuple[Entry, bool], ...]  # (entry, True if ``form`` is its canonical rendering)


class ThaiFormIndex:
    """Every Thai form of a glossary (canonical renderings and listed variants) in one automaton."""

    def __init__(self, glossary: Glossary, kinds: tuple[str, ...] | None = None) -> None:
        forms: dict[str, list[tuple[Entry, bool]]] = {}
        for entry in glossary.entries:
            if kinds is not None and entry.kind not in kinds:
                continue
            forms.setdefault(thai.normalize(entry.th), []).append((entry, True))
            for variant in entry.th_variants:
                forms.setdefault(thai.normalize(variant), []).append((entry, False))
        self.forms = {form: tuple(owners) for form, owners in forms.items() if form}
        self._automaton = ahocorasick.Automaton()
        for form in self.forms:
            self._automaton.add_word(form, form)
        self._ready = len(self._automaton) > 0
        if self._ready:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[ThaiHit]:
        """Longest-leftmost, non-overlapping hits in ``text`` (a view), on cluster boundaries."""
        if not self._ready or not text:
            return []
        candidates = []
        for end, form in self._automaton.iter(text):
            start = end - len(form) + 1
            if cluster_start_ok(text, start) and cluster_end_ok(text, end + 1):
                candidates.append((start, -len(form), form))
        if not candidates:
            return []
        candidates.sort()
        hits: list[ThaiHit] = []
        taken_until = 0
        for start, neg_len, form in candidates:
            if start < taken_until:
                continue
            hits.append(ThaiHit(start, start - neg_len, form, self.forms[form]))
            taken_until = start - neg_len
        return hits
