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


def find_leftovers(line: str, matcher: Matcher | None) -> list[Leftover]:
    out: list[Leftover] = []
    for m in LATIN_RUN.finditer(line):
        run = m.group()
        matches = matcher.find(run) if matcher is not None else []
        if matches:
            for hit in matches:
                out.append(Leftover(m.start() + hit.start, m.start() + hit.end, hit.source, hit.entry,
                                    hit.entry.kind))
            continue
        if looks_vietnamese(run):
            out.append(Leftover(m.start(), m.end(), run, None, guess_kind(line, m.start()) or ""))
    return out
