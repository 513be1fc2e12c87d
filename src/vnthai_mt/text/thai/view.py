"""A normalized view of a Thai line with offsets back to the line as written.

Matching runs on the view, so text differing only in mark order, zero-width characters or doubled
spaces still matches; a match's offsets map back to the original::

    >>> v = thai_view("ประ\u200bธาน  กล่าว")
    >>> v.text
    'ประธาน กล่าว'
    >>> v.span(0, 6)                     # the original characters, the zero-width space included
    (0, 7)

Only lines that ``normalize`` would change take the slow path; the others are their own view.
Inline-tag markers (private-use characters U+E000-U+F8FF, see ``io.inline``: a ``<b>`` of an HTML page,
a bold run of a DOCX) are not in the view either, so a name in bold is found like any other; a match's
span never ends on a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnthai_mt.text.thai import normalize
from vnthai_mt.text.thai.clusters import COMBINING

_SPACE_CHARS = " \t\u00a0\u3000"
# Anything thai.normalize would change (besides trimming): the slow path only runs where it matters.
_NEEDS_NORMALIZING = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u0e4d\t\u00a0\u3000]| {2}"
    "|[\u0e48-\u0e4c][\u0e31\u0e34-\u0e3a\u0e47]"
    "|([\u0e31\u0e34-\u0e3a\u0e47-\u0e4c])\\1"
    "|\u0e33[\u0e48-\u0e4b]"
    "|[\ue000-\uf8ff]"
)
_MAX_CLUSTER = 8
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def _is_marker(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


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
            while b > a and (self.line[b - 1] in _SPACE_CHARS or _is_marker(self.line[b - 1])):
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
        if _is_marker(ch):
            i += 1
            continue
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
        piece = normalize(line[i:j]) if j - i > 1 else ch
        if ch in _ZERO_WIDTH and not piece:
            i = j
            continue
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    offsets.append(n)
    return View(line, "".join(out), offsets)
