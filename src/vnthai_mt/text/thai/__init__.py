"""The Thai side, in one place: normalization (here), character clusters (``clusters``), finding and
claiming renderings (``find``), the normalized view with offsets (``view``), word segmentation
(``segment``); digits and eras (here).

``normalize`` makes Thai strings that render alike compare alike: NFC, no zero-width characters, sara am
written as one character, above/below vowels before tone marks, no doubled marks. It never changes
letters, so it is safe to run on any Thai text before comparing renderings.
"""

from __future__ import annotations

import re
import unicodedata

BE_OFFSET = 543  # Buddhist era = Common era + 543

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_NIKHAHIT, _SARA_AA, _SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
_TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # mai ek, tho, tri, chattawa
# Vowels written above or below the consonant; they come before a tone mark in the canonical order.
_UPPER_LOWER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47"
# Bounded runs: an unbounded pattern backtracks quadratically on garbage with thousands of marks.
_MARK_RUN = re.compile(f"[{_TONES}\u0e4c{_UPPER_LOWER_VOWELS}]{{2,}}")
_DECOMPOSED_AM = re.compile(f"{_NIKHAHIT}([{_TONES}]*){_SARA_AA}")
_TONE_BEFORE_AM = re.compile(f"(?<!{_SARA_AM})({_SARA_AM}+)([{_TONES}]+)")
_DOUBLED_MARK = re.compile(f"([{_TONES}{_UPPER_LOWER_VOWELS}\u0e4c])\\1+")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)


def normalize(text: str) -> str:
    """Canonical form of Thai text (letters unchanged; spacing runs collapsed to one space)."""
    # Marks are put in order before NFC: its own reordering is quadratic on long runs of marks.
    text = _MARK_RUN.sub(lambda m: _ordered_marks(m.group()), text.translate(_ZERO_WIDTH))
    text = unicodedata.normalize("NFC", text)
    text = _DECOMPOSED_AM.sub(lambda m: m.group(1) + _SARA_AM, text)  # ํ่า -> ่ำ
    text = _TONE_BEFORE_AM.sub(lambda m: m.group(2) + m.group(1), text)  # ำ่ -> ่ำ
    text = _MARK_RUN.sub(lambda m: _ordered_marks(m.group()), text)  # ุ่ -> ุ่, ่่ -> ่
    return _SPACES.sub(" ", text).strip()


def _ordered_marks(run: str) -> str:
    """One run of combining marks in canonical order: vowels, then tone marks; doubles once.

    Each group keeps its own order, put in Unicode canonical order (what NFC would do, but in
    n log n: NFC is quadratic on long runs). Sorting the run as a whole makes one pass enough:
    ``่ิ่ิ`` -> ``ิ่``; ``ูั้`` stays as typed (NFC never moves a mark across ั, class 0).
    """
    vowels = [c for c in run if c in _UPPER_LOWER_VOWELS]
    others = [c for c in run if c not in _UPPER_LOWER_VOWELS]
    return _DOUBLED_MARK.sub(r"\1", _canonical_order(vowels) + _canonical_order(others))


def _canonical_order(marks: list[str]) -> str:
    """Unicode canonical ordering: stable sort by combining class between class-0 characters."""
    out: list[str] = []
    pending: list[str] = []
    for c in marks:
        if unicodedata.combining(c):
            pending.append(c)
        else:
            out += sorted(pending, key=unicodedata.combining)
            out.append(c)
            pending = []
    return "".join(out + sorted(pending, key=unicodedata.combining))


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def thai_share(text: str) -> float:
    """Share of letters in ``text`` that are Thai (0.0 when there are no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(map(is_thai, letters)) / len(letters) if letters else 0.0


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def be_to_ce(year: int) -> int:
    """Buddhist-era year to Common era: 2566 -> 2023."""
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    """Common-era year to Buddhist era: 2023 -> 2566."""
    return year + BE_OFFSET
