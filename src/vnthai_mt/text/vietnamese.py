"""Vietnamese text normalization.

``normalize`` makes text that looks the same compare the same: NFC, one tone-mark placement, single
spaces, straight quotes, no zero-width characters. ``normalize_with_offsets`` also says where each
character of the result came from in the original, so matches found in normalized text can be reported
(and replaced) in the text as the user wrote it. ``fold`` gives a lowercase key without diacritics of the
same length, to relate ``Nguyen Khac Than`` to ``Nguyễn Khắc Thận``.

Tone placement. Vietnamese writes the tone of ``oa``, ``oe``, ``uy`` in open syllables two ways: on the
first vowel (hòa, khỏe, thủy, ủy) or on the second (hoà, khoẻ, thuỷ, uỷ). We output the first: it is what
Vietnamese government news sites and most of the press print (Tỉnh ủy, Ủy ban), and what the reference
data of this project uses. Syllables with a final consonant or a marked vowel (ă â ê ô ơ ư) have one
placement only and are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five tone marks, as combining characters.
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_QUALITY_MARKED = set("ăâêôơưĂÂÊÔƠƯ")
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# Quotes and dashes have one form each (Hội đồng Thi đua – Khen thưởng == Hội đồng Thi đua - Khen thưởng).
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                         "‘": "'", "’": "'", "‚": "'", "‛": "'",
                         "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-"})
# Words that carry a tone mark and at least two vowels are the only ones whose placement can differ.
# Stray combining marks belong to the word, so a word with two tones is left alone.
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_SPACES = re.compile(r"\s+")
_TOKEN_OR_SPACE = re.compile(r"(\s+)|\S+")


def _split_tone(ch: str) -> tuple[str, str]:
    """'ọ' -> ('o', '\u0323'); 'ộ' -> ('ô', '\u0323'); 'a' -> ('a', '')."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in decomposed if c in TONE_MARKS)
    if not tone:
        return ch, ""
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base, tone[-1]


def _tone_position(letters: list[str]) -> int | None:
    """Index (in ``letters``, tone-free) where the tone belongs, or None if not a Vietnamese syllable."""
    lower = "".join(letters).lower()
    start = 0
    # 'qu' and 'gi' (before another vowel) are onsets: their vowel letter is not part of the nucleus.
    if lower.startswith("qu") or (lower.startswith("gi") and len(lower) > 2 and lower[2] in "aăâeêioôơuưy"):
        start = 2
    while start < len(letters) and letters[start] not in _VOWELS:
        start += 1
    if start == len(letters):
        return None
    end = start
    while end < len(letters) and letters[end] in _VOWELS:
        end += 1
    if any(ch in _VOWELS for ch in letters[end:]):
        return None  # two vowel groups: not one Vietnamese syllable
    cluster = letters[start:end]
    marked = [i for i, ch in enumerate(cluster) if ch in _QUALITY_MARKED]
    if marked:
        return start + marked[-1]
    if end < len(letters):  # closed syllable: hoàn, toán
        return end - 1
    if len(cluster) == 3:  # oai, oay, uya, uyu
        return start + 1
    return start  # open: hòa, thủy, mùa, cái


@lru_cache(maxsize=65536)
def _place_tone(word: str) -> str:
    if len(word) > 8:
        return word
    letters, tones = zip(*(_split_tone(ch) for ch in word))
    marks = [t for t in tones if t]
    if len(marks) != 1 or "" in letters:  # several tones, or a stray combining mark: leave it
        return word
    pos = _tone_position(list(letters))
    if pos is None:
        return word
    current = next(i for i, t in enumerate(tones) if t)
    if current == pos:
        return word
    out = list(letters)
    out[pos] = unicodedata.normalize("NFC", out[pos] + marks[0])
    return "".join(out)


def place_tones(text: str) -> str:
    """Move tone marks to one placement (hòa, thủy, ủy, khỏe); text must be NFC. Keeps the length."""
    return _WORD.sub(lambda m: _place_tone(m.group()), text)


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC of ``text`` and, for each output character, the index of its source in ``text``."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text)))
    out: list[str] = []
    offsets: list[int] = []
    # Normalize cluster by cluster: a base character with the combining marks that follow it.
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    return "".join(out), offsets


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` and map it back.

    Returns ``(norm, offsets)`` with ``len(offsets) == len(norm) + 1``: ``offsets[i]`` is the index in
    ``text`` of the character that became ``norm[i]``, and ``offsets[-1] == len(text)``. A span
    ``norm[a:b]`` therefore comes from ``text[offsets[a]:offsets[b]]`` (for ``b`` past a collapsed space,
    the original span may include that whitespace's first character only).
    """
    cleaned_chars: list[str] = []
    cleaned_offsets: list[int] = []
    for i, ch in enumerate(text):
        if ord(ch) in _ZERO_WIDTH:
            continue
        cleaned_chars.append(ch)
        cleaned_offsets.append(i)
    cleaned = "".join(cleaned_chars)
    nfc, nfc_offsets = _nfc_with_offsets(cleaned)
    base = [cleaned_offsets[k] for k in nfc_offsets]
    toned = place_tones(nfc).translate(_QUOTES)  # both keep the length
    # Collapse whitespace runs to one space and trim, remembering which toned character each kept one is.
    kept: list[int] = []
    out: list[str] = []
    for m in _TOKEN_OR_SPACE.finditer(toned):
        if m.group(1) is not None:
            if kept and m.end() < len(toned):
                out.append(" ")
                kept.append(m.start())
        else:
            out.append(m.group())
            kept.extend(range(m.start(), m.end()))
    offsets = [base[k] for k in kept]
    after_last = kept[-1] + 1 if kept else len(toned)
    offsets.append(base[after_last] if after_last < len(base) else len(text))
    return "".join(out), offsets


def normalize(text: str) -> str:
    """NFC, one tone placement, straight quotes, ASCII dashes, single spaces, no zero-width characters, trimmed."""
    text = unicodedata.normalize("NFC", text.translate(_ZERO_WIDTH))
    return _SPACES.sub(" ", place_tones(text).translate(_QUOTES)).strip()


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


# Precomputed for Latin letters; other characters map to their own lowercase (length kept).
_FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in range(0x00C0, 0x1EFF + 1) if _fold_char(chr(cp)) != chr(cp)}


def fold(text: str) -> str:
    """Lowercase, diacritic-free key of ``normalize(text)``, with the same length (đ -> d)."""
    norm = normalize(text)
    return lower_keep_length(norm).translate(_FOLD_TABLE)


def fold_normalized(norm: str) -> str:
    """``fold`` for text that is already normalized (skips the normalization)."""
    return lower_keep_length(norm).translate(_FOLD_TABLE)


def lower_keep_length(text: str) -> str:
    """``str.lower`` that never changes the length (İ lowercases to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower()[:1] for ch in text)


def strip_diacritics(text: str) -> str:
    """``Nguyễn Khắc Thận`` -> ``Nguyen Khac Than`` (case kept)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch == "đ":
            out.append("d")
        elif ch == "Đ":
            out.append("D")
        else:
            out.append(unicodedata.normalize("NFD", ch)[0])
    return "".join(out)


def has_diacritics(text: str) -> bool:
    return strip_diacritics(text) != unicodedata.normalize("NFC", text)
