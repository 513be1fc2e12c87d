"""What counts as a year in Thai text, and in which era: one answer for the check and for localization.

>>> era_of_year(2024), era_of_year(2567), era_of_year(1500)
('ce', 'be', None)
>>> bool(re.fullmatch(MONTH_PATTERN, "มี.ค."))
True

A four-digit number in a year context (after ปี or a month name, or in a date) is a Common-era year
in 1800-2200 and a Buddhist-era year in 2343-2743 (the same years + 543); the two ranges do not
overlap, so the value alone names the era. Outside them the number is left alone. ``qa.years`` (the
editors' era-mix check) and ``translate.localize`` (converting years to the chosen era) both read
years this way, so a year the check flags is a year ``translate --era`` converts, and the reverse.
"""

from __future__ import annotations

import re

from vnthai_mt.text.thai import BE_OFFSET

# Full month names, then their abbreviations.
MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
          "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
          "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MONTH_PATTERN = "|".join(re.escape(m) for m in MONTHS)

CE_YEARS = range(1800, 2201)
BE_YEARS = range(CE_YEARS.start + BE_OFFSET, CE_YEARS.stop + BE_OFFSET)


def era_of_year(value: int) -> str | None:
    """"ce" or "be" for a year written without an era marker, None for a number that is no year."""
    if value in CE_YEARS:
        return "ce"
    if value in BE_YEARS:
        return "be"
    return None
