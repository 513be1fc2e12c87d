"""Localize Thai output: era of years, digit style, number formats left in Vietnamese style.

``localize(text, source=None, *, era="be", digits="arabic", numbers=True)``:

- **era** ``"be"`` (default): Common-era years become Buddhist-era years (+543): ``ปี 2024`` -> ``ปี 2567``,
  ``ค.ศ. 2024`` -> ``พ.ศ. 2567``. ``"ce"``: the reverse (``ปี 2567`` -> ``ปี 2024``, ``พ.ศ.`` ->
  ``ค.ศ.``). ``"keep"``: years untouched. Only numbers in a year context change, conservatively:
  after an era marker (``พ.ศ.``/``ค.ศ.``/``พุทธศักราช``/``คริสต์ศักราช``, any year); after ``ปี`` or
  ``ปีงบประมาณ``, after a Thai month name or in a d/m/yyyy date (4 digits; 1800-2200 read as CE,
  2343-2743 as BE, others left alone: ``text.thai.years``, as the editors' check reads them). Years
  joined to a converted one by ``-``, ``–``, ``ถึง``, ``และ``, ``หรือ`` (``ปี 2021-2025``), or a comma list that ends with
  one of those, follow it. A bare number such as ``2024 คน`` is never a year.
- **digits** ``"arabic"`` (default) or ``"thai"`` (๐-๙) for every digit in the text; ``"keep"``
  leaves each number in the style it has.
- **numbers** (default on): Vietnamese number formats copied into the Thai output get Thai/English
  separators: decimal comma ``6,3%`` -> ``6.3%``, thousand dots ``235.028 พันล้าน`` -> ``235,028``,
  both ``1.234,5`` -> ``1,234.5``. Ambiguous forms (``1.500``, ``2,5`` with no unit after them) change
  only when the same number is written that way in the Vietnamese ``source`` segment; unambiguous ones
  (two or more thousand groups, or dots and a comma together) always change.

Each step is a pure function; ``localize`` runs them in the order numbers, era, digits.
"""

from __future__ import annotations

import re

from vnthai_mt.text.thai import THAI_DIGITS, be_to_ce, ce_to_be, to_arabic_digits, to_thai_digits
from vnthai_mt.text.thai.years import MONTH_PATTERN, era_of_year
from vnthai_mt.translate.vocabulary import Digits, Era

_D = "[0-9๐-๙]"
_NB = r"(?<![0-9๐-๙.,])"  # not inside a longer number
_NA = r"(?![0-9๐-๙]|[.,][0-9๐-๙])"

# Era markers, each with its counterpart in the other era.
_MARKERS = {"พ.ศ.": "ค.ศ.", "ค.ศ.": "พ.ศ.", "พ.ศ": "ค.ศ", "ค.ศ": "พ.ศ",
            "พุทธศักราช": "คริสต์ศักราช", "คริสต์ศักราช": "พุทธศักราช"}
_BE_MARKERS = {"พ.ศ.", "พ.ศ", "พุทธศักราช"}
_MARKER = r"(?:พ\.ศ\.?|ค\.ศ\.?|พุทธศักราช|คริสต์ศักราช)"
_SP = r"[ \u00a0]?"
# A year context, then the year. Group "ctx" is kept, "marker" may be swapped, "year" converted.
_YEAR = re.compile(
    rf"(?P<ctx>ปี(?:งบประมาณ)?{_SP}|(?:{MONTH_PATTERN}){_SP}(?:ปี{_SP})?|{_NB}{_D}{{1,2}}/{_D}{{1,2}}/|)"
    rf"(?:(?P<marker>{_MARKER}){_SP})?"
    rf"(?P<year>(?<![0-9๐-๙]){_D}{{1,4}}){_NA}"
)
_FOLLOW = re.compile(rf"(?P<join>{_SP}(?:-|–|—|ถึง|และ|หรือ|,){_SP})(?P<year>{_D}{{4}}){_NA}")


_UNIT = (
    r"%|เปอร์เซ็นต์|ล้าน|พันล้าน|แสน|หมื่น|พัน|ร้อย|ดอง|บาท|ดอลลาร์|เหรียญ|ยูโร|หยวน|ตัน|กิโล|กม\.|กก\.|"
    r"เมตร|เฮกตาร์|ไร่|ลิตร|เท่า|คะแนน|องศา|คน|ราย|ครัวเรือน|tỷ|triệu|nghìn|ngàn|đồng|USD|VND|VNĐ|ha|km|kg"
)
_VN_NUMBER = re.compile(rf"{_NB}(?:{_D}{{1,3}}(?:\.{_D}{{3}})+(?:,{_D}+)?|{_D}+,{_D}+){_NA}")
_UNIT_AFTER = re.compile(rf"{_SP}(?:{_UNIT})")


def localize(
    text: str,
    source: str | None = None,
    *,
    era: Era = "be",
    digits: Digits = "arabic",
    numbers: bool = True,
) -> str:
    """Thai output with years in ``era``, digits in ``digits`` and Thai number separators.

    ``source`` (the Vietnamese segment this text translates) lets ambiguous Vietnamese-style numbers
    be fixed when they were copied from it.
    """
    if era not in ("be", "ce", "keep"):
        raise ValueError(f"era must be 'be', 'ce' or 'keep', not {era!r}")
    if digits not in ("arabic", "thai", "keep"):
        raise ValueError(f"digits must be 'arabic', 'thai' or 'keep', not {digits!r}")
    if numbers:
        text = fix_number_format(text, source)
    if era != "keep":
        text = convert_years(text, era)
    if digits == "arabic":
        text = to_arabic_digits(text)
    elif digits == "thai":
        text = to_thai_digits(text)
    return text


# --- years -------------------------------------------------------------------------------------------


def _as_int(digits: str) -> int:
    return int(to_arabic_digits(digits))


def _like(template: str, value: int) -> str:
    """``value`` written with the digit style of ``template`` (Thai digits stay Thai)."""
    out = str(value)
    return to_thai_digits(out) if any(ch in THAI_DIGITS for ch in template) else out


def _convert(year: int, from_era: str, to_era: str) -> int:
    if from_era == to_era:
        return year
    return ce_to_be(year) if to_era == "be" else be_to_ce(year)


def convert_years(text: str, era: Era) -> str:
    """Years in year contexts written in ``era`` (``"be"`` or ``"ce"``); see the module docstring."""
    if era == "keep":
        return text
    out: list[str] = []
    pos = 0
    for m in _YEAR.finditer(text):
        if m.start() < pos:
            continue  # inside a span already handled (a followed year)
        ctx, marker, year_s = m.group("ctx"), m.group("marker"), m.group("year")
        year = _as_int(year_s)
        new_marker: str | None = None
        if marker:
            from_era = "be" if marker in _BE_MARKERS else "ce"
            new_marker = marker if from_era == era else _MARKERS[marker]
            by_value = False
        else:
            if not ctx or len(year_s) != 4:
                continue  # a bare number is never a year
            by_value = True
            era_found = era_of_year(year)
            if era_found is None:
                continue
            from_era = era_found
        out.append(text[pos:m.start("year") if not marker else m.start("marker")])
        if new_marker is not None:
            out.append(new_marker + text[m.end("marker"):m.start("year")])
        out.append(_like(year_s, _convert(year, from_era, era)))
        pos = m.end()
        # Years joined to this one (ranges and lists) are in the same era. A list joined by commas
        # only counts when it ends with a word such as และ ("2022, 2023 และ 2024"): in
        # "ปี 2023, 2024 คน" the second number is a count.
        follows = []
        end = pos
        while f := _FOLLOW.match(text, end):
            other = _as_int(f.group("year"))
            if by_value and era_of_year(other) != from_era:
                break
            if not by_value and abs(other - year) > 200:
                break
            follows.append(f)
            end = f.end()
        while follows and follows[-1].group("join").strip() == ",":
            follows.pop()
        for f in follows:
            other = _as_int(f.group("year"))
            out.append(f.group("join") + _like(f.group("year"), _convert(other, from_era, era)))
            pos = f.end()
    out.append(text[pos:])
    return "".join(out)


# --- number formats ----------------------------------------------------------------------------------


def _thai_format(vn: str) -> str:
    """Vietnamese ``1.234,5`` -> ``1,234.5`` (dots are thousands, the comma is the decimal point)."""
    return vn.replace(".", "\0").replace(",", ".").replace("\0", ",")


def _unambiguous(vn: str) -> bool:
    # Two thousand groups (1.234.567), or dots and a comma together (1.234,5), can only be Vietnamese.
    return vn.count(".") >= 2 or ("." in vn and "," in vn)


def _only_vietnamese_reading(vn: str) -> bool:
    # "6,3" / "6,35" / "3,1416": a comma not followed by exactly three digits is a decimal comma.
    # "235.028": a dot followed by three digits reads as thousands in Vietnamese.
    if "," in vn:
        return len(vn.split(",")[1]) != 3
    return True


def fix_number_format(text: str, source: str | None = None) -> str:
    """Vietnamese-style numbers in Thai text rewritten with Thai separators (see module docstring)."""
    from_source = {m.group() for m in _VN_NUMBER.finditer(source)} if source else set()

    def repl(m: re.Match[str]) -> str:
        vn = m.group()
        if vn in from_source or _unambiguous(vn):
            return _thai_format(vn)
        if _only_vietnamese_reading(vn) and _UNIT_AFTER.match(text, m.end()):
            return _thai_format(vn)
        return vn

    return _VN_NUMBER.sub(repl, text)
