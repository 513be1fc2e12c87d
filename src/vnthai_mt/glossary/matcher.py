"""Finding glossary terms in Vietnamese text: longest-leftmost, non-overlapping, whole words.

Matching runs over normalized, lowercased text (NFC, one tone placement), so decomposed Unicode and
old-style tones (Tỉnh uỷ) match like the canonical form; offsets are reported in the original text. A
pyahocorasick automaton makes thousands of entries cost next to nothing. Compound titles resolve as a
whole when the glossary has them and by their parts when it does not, because the longest match wins.
Terms written with a capital (names, places) only match capitalized text, so the given name Hoàn does
not match the verb hoàn.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from vnthai_mt.glossary.entry import Entry
from vnthai_mt.glossary.loader import Glossary, vi_key
from vnthai_mt.text import vietnamese
from vnthai_mt.text.spans import longest_leftmost


@dataclass(frozen=True)
class Match:
    start: int  # offsets in the original text
    end: int
    source: str  # the text as written
    entry: Entry

    @property
    def vi(self) -> str:
        return self.entry.vi

    @property
    def th(self) -> str:
        return self.entry.th

    @property
    def kind(self) -> str:
        return self.entry.kind

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "source": self.source, "vi": self.vi, "th": self.th,
                "kind": self.kind}


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


class Matcher:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._automaton = ahocorasick.Automaton()
        for index, entry in enumerate(glossary.entries):
            forms = set(entry.all_vi())
            # A name or term of several syllables is also matched when typed without diacritics.
            forms |= {vietnamese.strip_diacritics(f) for f in forms if " " in f.strip()}
            for form in forms:
                key = vi_key(form)
                needs_capital = form[:1].isupper() and entry.kind in ("person", "place")
                if key:
                    self._automaton.add_word(key, (len(key), index, needs_capital))
        self._ready = len(self._automaton) > 0
        if self._ready:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Matches in ``text``, left to right, with offsets into ``text`` itself."""
        if not self._ready or not text:
            return []
        norm, offsets = vietnamese.normalize_with_offsets(text)
        return self._find_normalized(text, norm, offsets)

    def _find_normalized(self, text: str, norm: str, offsets: list[int]) -> list[Match]:
        low = vietnamese.lower_keep_length(norm)
        candidates = []
        for end, (length, index, needs_capital) in self._automaton.iter(low):
            start = end - length + 1
            if start > 0 and _is_word_char(low[start - 1]) and _is_word_char(low[start]):
                continue
            if end + 1 < len(low) and _is_word_char(low[end + 1]) and _is_word_char(low[end]):
                continue
            if needs_capital and not norm[start].isupper():
                continue
            candidates.append((start, end + 1, index))
        matches: list[Match] = []
        for start, end, index in longest_leftmost(candidates):
            a, b = offsets[start], offsets[end]
            matches.append(Match(a, b, text[a:b], self.glossary.entries[index]))
        return matches
