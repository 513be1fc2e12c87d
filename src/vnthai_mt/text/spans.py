"""Longest-leftmost selection: from overlapping candidate spans, the ones a reader would take.

>>> longest_leftmost([(0, 8, "Chủ tịch"), (0, 13, "Chủ tịch UBND"), (9, 13, "UBND"), (14, 18, "tỉnh")])
[(0, 13, 'Chủ tịch UBND'), (14, 18, 'tỉnh')]

Scanning left to right, the candidate that starts first wins, and of those starting at one place the
longest; a candidate overlapping one already taken is dropped. The glossary's Vietnamese matcher
(``glossary.Matcher``) and the Thai form index of the check (``qa.thai_match.ThaiFormIndex``) both
select their automaton hits this way, so "Chủ tịch UBND tỉnh" and ประธานคณะกรรมการประชาชนจังหวัด are
each one match, never their parts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T", int, str)  # values compared on ties


def longest_leftmost(candidates: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Non-overlapping ``(start, end, value)`` candidates, leftmost first, the longest at each start
    (ties: the smaller value, so the result does not depend on the order given)."""
    ordered = sorted(candidates, key=lambda c: (c[0], c[0] - c[1], c[2]))
    taken: list[tuple[int, int, T]] = []
    until = 0
    for start, end, value in ordered:
        if start >= until:
            taken.append((start, end, value))
            until = end
    return taken
