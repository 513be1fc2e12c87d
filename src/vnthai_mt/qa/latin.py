"""Vietnamese left in Latin script inside Thai text (จังหวัด Nam Dinh).

A run of Latin words is a leftover when the glossary knows it (the Vietnamese matcher also matches names
typed without diacritics, so ``Nam Dinh`` finds Nam Định), when it carries Vietnamese diacritics, or when
it is two or more capitalized words that are all Vietnamese syllables. English words, acronyms and
foreign names (EU, Joko, Sutopo) are not leftovers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from vnthai_mt.glossary import Entry, Matcher

_LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
_WORD = f"[{_LETTER}]+"
LATIN_RUN = re.compile(f"(?<![{_LETTER}0-9]){_WORD}(?:(?: |-|–| - ){_WORD})*(?![{_LETTER}0-9])")
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]")
_PERSON_CONTEXT = re.compile(r"(?:สหาย|นาย|นาง|นางสาว|ท่าน|คุณ|ดร\.)\s*$")
_PLACE_CONTEXT = re.compile(r"(?:จังหวัด|เมือง|อำเภอ|ตำบล|นคร|แขวง|เขต|หมู่บ้าน|กรุง|ตัวเมือง)\s*$")


@dataclass(frozen=True)
class Leftover:
    start: int
    end: int
    text: str
    entry: Entry | None  # the glossary entry it stands for, when the glossary knows it
    kind: str  # person | place | org | title | term


@lru_cache(maxsize=4096)
def _is_syllable(word: str) -> bool:
    """A Vietnamese syllable as written, or once its diacritics are guessed (Duong -> dương)."""
    from vnthai_mt.names.diacritics import restore_syllable
    from vnthai_mt.names.translit import is_vietnamese_syllable

    return is_vietnamese_syllable(word) or is_vietnamese_syllable(restore_syllable(word))


def looks_vietnamese(run: str) -> bool:
    if _VIETNAMESE_LETTERS.search(unicodedata.normalize("NFD", run)):
        return all(_is_syllable(w) for w in re.findall(_WORD, run))
    words = re.findall(_WORD, run)
    if len(words) < 2:
        return False
    return all(w[0].isupper() and not w[1:].isupper() and _is_syllable(w) for w in words)


def guess_kind(line: str, start: int) -> str | None:
    before = line[max(0, start - 12):start]
    if _PLACE_CONTEXT.search(before):
        return "place"
    if _PERSON_CONTEXT.search(before):
        return "person"
    return None


_EDGE = " -–"


def _runs(line: str):
    """Latin runs as (start, end), split where a lower-case letter meets an upper-case one inside a word:
    a space the text lost (Tỉnh ủyAn Giang)."""
    for m in LATIN_RUN.finditer(line):
        run = m.group()
        lost = [k for k in range(1, len(run)) if run[k - 1].islower() and run[k].isupper()]
        cuts = [m.start(), *(m.start() + k for k in lost), m.end()]
        yield from zip(cuts, cuts[1:])


def find_leftovers(line: str, matcher: Matcher | None) -> list[Leftover]:
    """Every Vietnamese piece of every Latin run, in one pass: glossary matches, and what is left of the
    run between them when it looks Vietnamese (xã before Phú Thọ), so a second check finds nothing new."""
    out: list[Leftover] = []
    for start, end in _runs(line):
        run = line[start:end]
        matches = matcher.find(run) if matcher is not None else []
        gaps = []
        pos = 0
        for hit in sorted(matches, key=lambda h: h.start):
            out.append(Leftover(start + hit.start, start + hit.end, hit.source, hit.entry, hit.entry.kind))
            gaps.append((pos, hit.start))
            pos = hit.end
        gaps.append((pos, len(run)))
        for a, b in gaps:
            piece = run[a:b]
            lead = len(piece) - len(piece.lstrip(_EDGE))
            piece = piece.strip(_EDGE)
            if not piece or not re.search(_WORD, piece):
                continue
            if looks_vietnamese(piece) or (matches and _VIETNAMESE_LETTERS.search(unicodedata.normalize("NFD", piece))):
                a0 = start + a + lead
                out.append(Leftover(a0, a0 + len(piece), piece, None, guess_kind(line, a0) or ""))
    out.sort(key=lambda x: x.start)
    return out
