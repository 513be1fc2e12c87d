"""Finding known Thai renderings (glossary forms and their variants) in Thai text.

Every Thai form of a glossary goes into one Aho-Corasick automaton; ``ThaiFormIndex.find`` returns the
longest-leftmost, non-overlapping hits on cluster boundaries (``text.thai.clusters``: ``ประธาน`` is not
in ``ประธานาธิบดี``) in a normalized view of the line (``text.thai.view``).
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from vnthai_mt.glossary import Entry, Glossary
from vnthai_mt.text import thai
from vnthai_mt.text.spans import longest_leftmost
from vnthai_mt.text.thai.clusters import COMBINING, FOLLOWING, LEADING, cluster_end_ok, cluster_start_ok
from vnthai_mt.text.thai.view import View, thai_view

__all__ = ["COMBINING", "FOLLOWING", "LEADING", "ThaiFormIndex", "ThaiHit", "View", "cluster_end_ok",
           "cluster_start_ok", "thai_view"]


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
                candidates.append((start, end + 1, form))
        return [ThaiHit(start, stop, form, self.forms[form]) for start, stop, form in longest_leftmost(candidates)]
