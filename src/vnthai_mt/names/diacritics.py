"""Best-effort diacritics for Vietnamese names typed without them (``Nguyen Van Minh``, ``Nam Dinh``).

The Royal Institute rules need the tone and the vowel quality (a/ă/â, o/ô/ơ, u/ư, d/đ), which plain ASCII
loses. We guess them, in this order, and the caller marks the result low-confidence:

1. a whole name that folds to a known place (``Nam Dinh`` -> ``Nam Định``), done by the caller;
2. per syllable, a list of common name syllables (``data/name_syllables.txt``, first one wins);
3. per syllable, the most frequent spelling in Vietnamese news (``data/syllable_freq.tsv``, built from the
   NTREX-128 Vietnamese references, CC BY-SA 4.0, by :func:`build_frequency_table`);
4. the bare letters with the vowel letters that need a mark to be a syllable at all (``ie`` -> ``iê``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from vnthai_mt.text import vietnamese

_PACKAGE = "vnthai_mt.names"
_WORD = re.compile(r"[^\W\d_]+")
# Vowel groups that are not Vietnamese without a mark, and the usual marked spelling.
_VOWEL_REPAIRS = (
    ("uye", "uyê"),
    ("ieu", "iêu"),
    ("yeu", "yêu"),
    ("uoi", "ươi"),
    ("uou", "ươu"),
    ("ie", "iê"),
    ("ye", "yê"),
    ("uo", "ươ"),
    ("uu", "ưu"),
)


def _data_lines(name: str) -> Iterable[str]:
    text = resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@lru_cache(maxsize=1)
def name_syllables() -> dict[str, str]:
    """fold key -> preferred spelling, from the hand-made name list."""
    table: dict[str, str] = {}
    for line in _data_lines("name_syllables.txt"):
        syllable = vietnamese.normalize(line.strip())
        table.setdefault(vietnamese.fold(syllable), syllable)
    return table


@lru_cache(maxsize=1)
def frequency_syllables() -> dict[str, str]:
    """fold key -> most frequent spelling in news text."""
    table: dict[str, str] = {}
    for line in _data_lines("syllable_freq.tsv"):
        key, form, _count = line.split("\t")
        table[key] = form
    return table


def build_frequency_table(lines: Iterable[str], is_syllable) -> list[tuple[str, str, int]]:
    """Rows ``(fold key, most frequent spelling, count)`` for the syllables in ``lines``.

    ``is_syllable(word)`` says whether a lowercase word is a Vietnamese syllable (the transcriber's parser).
    """
    counts: dict[str, Counter[str]] = {}
    for line in lines:
        for word in _WORD.findall(vietnamese.normalize(line)):
            low = word.lower()
            if is_syllable(low):
                counts.setdefault(vietnamese.fold(low), Counter())[low] += 1
    rows = []
    for key, counter in sorted(counts.items()):
        form, n = counter.most_common(1)[0]
        rows.append((key, form, n))
    return rows


def repair_vowels(syllable: str) -> str:
    """Add the vowel marks without which ``syllable`` is not Vietnamese (``nguyen`` -> ``nguyên``)."""
    low = syllable.lower()
    for bare, marked in _VOWEL_REPAIRS:
        if bare in low:
            return low.replace(bare, marked, 1)
    return low


def restore_syllable(syllable: str) -> str:
    """Guess the diacritics of one syllable written without them. Returns lowercase text."""
    key = vietnamese.fold(syllable)
    named = name_syllables().get(key)
    if named is not None:
        return named.lower()
    frequent = frequency_syllables().get(key)
    if frequent is not None:
        return frequent
    return repair_vowels(key)
