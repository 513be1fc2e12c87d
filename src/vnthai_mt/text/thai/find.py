"""Is this rendering in this Thai text, and where: the one answer for translate, check and eval.

A required rendering counts only where it stands as whole clusters (``clusters``), after both sides
are normalized (``normalize``: mark order, zero-width characters, sara am). Each occurrence in the text
serves one requirement, and longer renderings claim first, so the คณะกรรมการประชาชนจังหวัด inside
ประธานคณะกรรมการประชาชนจังหวัด does not also count for a separate mention of the shorter term::

    >>> find_renderings("ประธานาธิบดีกล่าว", ["ประธาน"])       # ประธาน is not in ประธานาธิบดี
    [False]
    >>> find_renderings("ประธาน\u200bกล่าว", ["ประธาน", "ประธาน"])   # one occurrence, one requirement
    [True, False]

``occurrences`` lists where a form stands in (already normalized) text; ``claimed_spans`` says where
the present renderings are in text as written, for shielding them from later rewriting.
"""

from __future__ import annotations

from collections.abc import Sequence

from vnthai_mt.text.thai import normalize
from vnthai_mt.text.thai.clusters import cluster_end_ok, cluster_start_ok

_USED = "\x00"  # fills text already claimed by a longer rendering


def occurrences(form: str, text: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` where ``form`` stands in ``text`` as whole clusters (overlaps included)."""
    out: list[tuple[int, int]] = []
    if not form:
        return out
    pos = 0
    while True:
        a = text.find(form, pos)
        if a < 0:
            return out
        b = a + len(form)
        if cluster_start_ok(text, a) and cluster_end_ok(text, b):
            out.append((a, b))
        pos = a + 1


def claim(text: str, form: str) -> str | None:
    """``text`` with the first whole-cluster occurrence of ``form`` used up, or None if there is none."""
    found = occurrences(form, text)
    if not found:
        return None
    a, b = found[0]
    return text[:a] + _USED * (b - a) + text[b:]


def find_renderings(text: str, wanted: Sequence[str]) -> list[bool]:
    """Per wanted rendering (an occurrence each), whether ``text`` has it; both sides are normalized."""
    text = normalize(text)
    forms = [normalize(w) for w in wanted]
    found = [False] * len(forms)
    for i in sorted(range(len(forms)), key=lambda i: -len(forms[i])):
        rest = claim(text, forms[i])
        if rest is not None:
            text, found[i] = rest, True
    return found


def claimed_spans(text: str, renderings: Sequence[str]) -> list[tuple[int, int]]:
    """Where the renderings stand in ``text`` as written (longest first, non-overlapping)."""
    spans: list[tuple[int, int]] = []
    masked = text
    for form in sorted(renderings, key=len, reverse=True):
        found = occurrences(form, masked)
        if found:
            a, b = found[0]
            spans.append((a, b))
            masked = masked[:a] + _USED * (b - a) + masked[b:]
    return spans
