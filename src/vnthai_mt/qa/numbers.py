"""Numbers in a Vietnamese line and its Thai translation, compared after locale conversion.

Vietnamese groups thousands with ``.`` and writes decimals with ``,`` (235.028 tỷ, 6,3%); Thai does the
opposite (235,028 พันล้าน, 6.3%). Scale words differ too (tỷ = พันล้าน = 10^9). Each number therefore
stands for a small set of values (the separator read both ways where it is ambiguous, with and without
its scale word, a year in either era, a month name as its number) and two numbers match when their sets
meet. What is left over on either side is a mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnthai_mt.text import thai

_VI_SCALES = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "trăm": 1e2}
_TH_SCALES = {"ล้านล้าน": 1e12, "แสนล้าน": 1e11, "หมื่นล้าน": 1e10, "พันล้าน": 1e9, "ล้าน": 1e6, "แสน": 1e5,
              "หมื่น": 1e4, "พัน": 1e3, "ร้อย": 1e2}
_TH_MONTHS = {"มกราคม": 1, "กุมภาพันธ์": 2, "มีนาคม": 3, "เมษายน": 4, "พฤษภาคม": 5, "มิถุนายน": 6,
              "กรกฎาคม": 7, "สิงหาคม": 8, "กันยายน": 9, "ตุลาคม": 10, "พฤศจิกายน": 11, "ธันวาคม": 12,
              "ม.ค.": 1, "ก.พ.": 2, "มี.ค.": 3, "เม.ย.": 4, "พ.ค.": 5, "มิ.ย.": 6, "ก.ค.": 7, "ส.ค.": 8,
              "ก.ย.": 9, "ต.ค.": 10, "พ.ย.": 11, "ธ.ค.": 12}
_NUM = r"(?<![\w.,])\d+(?:[.,]\d+)*"
_VI_RE = re.compile(_NUM + r"(?P<pct>\s?%)?(?:\s+(?P<scale>" + "|".join(_VI_SCALES) + r")(?!\w))?",
                    re.IGNORECASE)
_TH_RE = re.compile(
    _NUM + r"(?P<pct>\s?%)?(?:\s*(?P<scale>" + "|".join(sorted(_TH_SCALES, key=len, reverse=True)) + "))?"
    + "|(?P<month>" + "|".join(re.escape(m) for m in _TH_MONTHS) + ")"
)


@dataclass(frozen=True)
class Number:
    text: str
    start: int
    end: int
    values: frozenset[float]


def _parse(digits: str, thousands: str, decimal: str) -> float | None:
    parts = digits.split(decimal)
    if len(parts) > 2 or (len(parts) == 2 and thousands in parts[1]):
        return None
    groups = parts[0].split(thousands)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return float("".join(groups) + ("." + parts[1] if len(parts) == 2 else ""))


def _readings(digits: str, thousands: str, decimal: str) -> set[float]:
    """Values of ``digits`` read with the locale's separators and, where that also parses, the other way
    round (the text may follow the other convention)."""
    readings = (_parse(digits, thousands, decimal), _parse(digits, decimal, thousands))
    return {v for v in readings if v is not None}


def _values(base: set[float], scale: float | None, year_shift: int) -> frozenset[float]:
    values = set(base)
    if scale:
        values |= {v * scale for v in base}
    for v in base:
        if v.is_integer():
            if year_shift > 0 and 1000 <= v <= 2200:
                values.add(v + year_shift)
            if year_shift < 0 and 2400 <= v <= 2700:
                values.add(v + year_shift)
    return frozenset(float(f"{v:.9g}") for v in values)  # 547.526 * 1e9 must equal 547526 * 1e6

_LEADING_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def vietnamese_numbers(line: str) -> list[Number]:
    out = []
    for m in _VI_RE.finditer(line):
        digits = _LEADING_DIGITS.match(m.group(0)).group()  # type: ignore[union-attr]  # both patterns start with one
        scale = _VI_SCALES.get((m.group("scale") or "").lower())
        out.append(Number(m.group(0), m.start(), m.end(), _values(_readings(digits, ".", ","), scale, 543)))
    return out


def thai_numbers(line: str) -> list[Number]:
    line = thai.to_arabic_digits(line)
    out = []
    for m in _TH_RE.finditer(line):
        if m.group("month"):
            out.append(Number(m.group(0), m.start(), m.end(), frozenset({float(_TH_MONTHS[m.group("month")])})))
            continue
        digits = _LEADING_DIGITS.match(m.group(0)).group()  # type: ignore[union-attr]  # both patterns start with one
        scale = _TH_SCALES.get(m.group("scale") or "")
        out.append(Number(m.group(0), m.start(), m.end(), _values(_readings(digits, ",", "."), scale, -543)))
    return out


def unmatched(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """Numbers of each side without a partner on the other (exact text first, then by value)."""
    left = list(source)
    right = list(target)
    for rule in (lambda a, b: a.values == b.values, lambda a, b: bool(a.values & b.values)):
        still: list[Number] = []
        for a in left:
            for k, b in enumerate(right):
                if rule(a, b):
                    del right[k]
                    break
            else:
                still.append(a)
        left = still
    # Month names only count when the source has a number for them; a lone month is not a mismatch.
    right = [b for b in right if not _is_month(b)]
    return left, right


def _is_month(number: Number) -> bool:
    return number.text in _TH_MONTHS
