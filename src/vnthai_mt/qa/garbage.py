"""Broken output: what a decoder produces when it loses its way, and text damaged in transit.

* a line that is nothing but one short fragment repeated (ทุ่ทุ่, the garbled byline of the seed article);
* a fragment repeated three or more times in a row (การการการ, ของ ของ ของ), the usual decoding loop;
* a vowel sign or tone mark with no consonant to sit on (at the start of a word), three marks stacked
  on one consonant, or a leading vowel with nothing after it: Thai that cannot be typed on purpose;
* U+FFFD and Thai UTF-8 read as Latin-1 (``à¸``), which is text damaged before it reached us.

Real Thai repeats words with ๆ, so doubled words are not flagged unless the whole line is one.
"""

from __future__ import annotations

import re

_MARK = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_WHOLE_LINE_REPEAT = re.compile(r"^(.{1,15}?)(?:\s*\1)+$")
# A unit of 2-12 characters without spaces that starts on a consonant or leading vowel and repeats 3+
# times (การการการ), or a whole word repeated 3+ times with spaces (ของ ของ ของ). Kept simple: this runs
# on every line and a freer pattern costs ten times as much.
_LOOPS = (re.compile(r"([ก-ฮเแโใไ][^ ]{1,11}?)\1\1\1*"), re.compile(r"(?<!\S)(\S+)(?:\s+\1){2,}(?!\S)"))
# A vowel sign or tone mark at the start of a word, three stacked on one consonant (two is the most Thai
# writes), or a leading vowel with no consonant after it.
_ORPHAN_MARK = re.compile(rf"(?:^|(?<=[\s\"'“‘(\[]))[{_MARK}]+|[{_MARK}]{{3,}}|[เแโใไ](?=\s|$|[^ก-ฮ])")
_THAI = re.compile("[\u0e01-\u0e4e]")
_MOJIBAKE = re.compile("\ufffd|à¸|à¹")


def find_garbage(line: str) -> list[tuple[int, int, str]]:
    """(start, end, why) for each broken stretch of the line."""
    out: list[tuple[int, int, str]] = []
    stripped = line.strip()
    if not stripped:
        return out
    if _THAI.search(stripped):
        m = _WHOLE_LINE_REPEAT.match(stripped)
        if m and _THAI.search(m.group(1)):
            start = line.index(stripped)
            return [(start, start + len(stripped), f"the line is the fragment '{m.group(1)}' repeated")]
        for m in (m for loop in _LOOPS for m in loop.finditer(line)):
            unit = m.group(1)
            if _THAI.search(unit):
                count = len(m.group(0).replace(" ", "")) // len(unit)
                out.append((m.start(), m.end(), f"'{unit}' repeated {count} times"))
        for m in _ORPHAN_MARK.finditer(line):
            out.append((m.start(), m.end(), "vowel signs or tone marks without their consonant"))
    for m in _MOJIBAKE.finditer(line):
        out.append((m.start(), m.end(), "damaged encoding (U+FFFD or UTF-8 read as Latin-1)"))
    return _merge(out)


def _merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping or touching stretches become one (the first reason is kept)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, why in sorted(spans):
        if merged and start <= merged[-1][1]:
            prev = merged[-1]
            merged[-1] = (prev[0], max(prev[1], end), prev[2])
        else:
            merged.append((start, end, why))
    return merged
