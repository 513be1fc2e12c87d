"""Years in Thai text and the era they are written in.

Thai writes years in the Buddhist era (พ.ศ., CE + 543); machine translation copies Common-era years from
the source (ปี 2024) and mixes both in one article. A year is taken only where the text says it is one:
after an era marker (พ.ศ. / ค.ศ.), after ปี (ในปี, ประจำปี, ปีงบประมาณ ...) or after a month name. The
era comes from the marker, else from the value (``text.thai.years``: 1800-2200 Common era, 2343-2743
Buddhist era); other values are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnthai_mt.text import thai
from vnthai_mt.text.thai.years import MONTH_PATTERN, era_of_year

_DIGIT = "[0-9๐-๙]"
_MONTH_ALT = MONTH_PATTERN
# marker: explicit era; context: ปี or a month name right before the number.
YEAR_RE = re.compile(
    rf"(?P<marker>พ\.\s?ศ\.|ค\.\s?ศ\.|พุทธศักราช|คริสต์ศักราช)\s*(?P<y1>{_DIGIT}{{4}})(?!{_DIGIT})"
    rf"|(?P<context>ปี(?:งบประมาณ|การศึกษา)?|{_MONTH_ALT})\s*(?P<y2>{_DIGIT}{{4}})(?![0-9๐-๙,.])"
)

BE, CE = "be", "ce"
ERA_NAMES = {BE: "Buddhist era (พ.ศ.)", CE: "Common era (ค.ศ.)"}


@dataclass(frozen=True)
class Year:
    start: int  # span of the whole mention (marker included) in the line
    end: int
    num_start: int  # span of the digits
    num_end: int
    value: int
    era: str  # "be" | "ce"
    marker: str  # "พ.ศ." / "ค.ศ." as written, or "" when the era comes from the value
    text: str

    def converted(self, to: str) -> str:
        """The mention written in era ``to`` (digits in the script they were written in)."""
        if to == self.era:
            return self.text
        value = thai.ce_to_be(self.value) if to == BE else thai.be_to_ce(self.value)
        digits = str(value)
        if any("๐" <= ch <= "๙" for ch in self.text):
            digits = thai.to_thai_digits(digits)
        if self.marker:
            return ("พ.ศ. " if to == BE else "ค.ศ. ") + digits
        return self.text[: self.num_start - self.start] + digits + self.text[self.num_end - self.start:]


def _era_of(marker: str, value: int) -> str | None:
    if marker:
        return BE if marker.startswith(("พ", "พุทธ")) else CE
    return era_of_year(value)


# The second year of a range (ปี 2020-2025): a year too, so that fix converts both ends or neither.
_RANGE_END = re.compile(rf"\s*[-–—]\s*(?P<y>{_DIGIT}{{4}})(?![0-9๐-๙,.])")


def find_years(line: str) -> list[Year]:
    out: list[Year] = []
    for year in _find_years(line):
        out.append(year)
        m = _RANGE_END.match(line, year.end)
        if m is None:
            continue
        value = int(thai.to_arabic_digits(m.group("y")))
        era = _era_of("", value)
        if era is None or era != year.era:
            era = year.era  # a range is in one era (2568-2573; the typo 2025-2023 too)
        if abs(value - year.value) > 100:
            continue
        out.append(Year(m.start("y"), m.end("y"), m.start("y"), m.end("y"), value, era, "", m.group("y")))
    return out


def _find_years(line: str) -> list[Year]:
    out: list[Year] = []
    for m in YEAR_RE.finditer(line):
        marker = m.group("marker") or ""
        group = "y1" if marker else "y2"
        digits = m.group(group)
        value = int(thai.to_arabic_digits(digits))
        era = _era_of(marker, value)
        if era is None:
            continue
        start = m.start() if marker else m.start(group)  # a context word is not part of the mention
        out.append(Year(start, m.end(), m.start(group), m.end(group), value, era, marker.replace(" ", ""),
                        line[start:m.end()]))
    return out
