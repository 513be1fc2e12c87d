"""Output hygiene for instruction models: keep the translation, drop what the model added around it.

>>> c = clean("Here is the Thai translation:\\n\\n“ประธานาธิบดีกล่าว”\\n\\nNote: formal register used.",
...           "Chủ tịch nước phát biểu.")
>>> c.text
'ประธานาธิบดีกล่าว'
>>> c.stripped
['preface', 'note', 'quotes']

An LLM may wrap its answer in a preface ("Here is the translation:", "คำแปล:"), notes after it
("Note: ...", "หมายเหตุ: ..."), quotation marks or a code fence, echo the source markers, or write back
the prompt's own lines (the required-terms list, its headers). ``clean`` strips exactly those and says
what it stripped (the report lists it per segment); it never rewrites the translation itself. An
answer spread over several lines for a one-line source is joined with spaces (``joined``), so one
segment stays one segment. An answer with nothing left is ``refused`` (the caller keeps the segment,
empty, and the glossary layer reports its renderings missing): nothing is invented.

``split_document`` reads a document-mode answer (segments marked ``[[1]]``, ``[[2]]``...) back into
one text per segment, or None when the markers are not all there exactly once and in order, so
the caller can ask segment by segment instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from vnthai_mt.translate.prompt import Hint, segment_marker, wording

# A first line that introduces the answer: "Here is the translation:", "Translation:", "Bản dịch:",
# "คำแปล:", "แปลเป็นภาษาไทย:" ... (case-insensitive; a line that ends with a colon and names it).
_PREFACE = re.compile(
    r"^\s*(?:\*\*)?(?:(?:sure|certainly|okay|ok)[,!.]?\s*)?(?:here\s+is|here's|below\s+is)?.{0,40}?"
    r"(?:translation|translated|thai|bản\s*dịch|dịch|คำแปล|แปล|ภาษาไทย).{0,30}?[:：]\s*(?:\*\*)?\s*$",
    re.IGNORECASE,
)
_NOTE = re.compile(
    r"^\s*(?:[*_(\[]+\s*)?(?:note|notes|explanation|translator'?s?\s+note|ghi\s+chú|lưu\s+ý|หมายเหตุ|คำอธิบาย)"
    r"\s*[:：)]",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^\s*```[\w-]*\s*$")
_QUOTES = [("“", "”"), ('"', '"'), ("'", "'"), ("«", "»"), ("「", "」"), ("‘", "’")]


@dataclass
class Cleaned:
    text: str
    stripped: list[str] = field(default_factory=list)  # what was removed: preface, note, quotes, ...
    refused: bool = False


def clean(answer: str, source: str, hints: Sequence[Hint] = ()) -> Cleaned:
    """The translation in ``answer`` (an LLM's reply for ``source``), without additions."""
    stripped: list[str] = []
    lines = answer.replace("\r\n", "\n").split("\n")
    echoed = _prompt_lines(hints)

    def drop(kind: str) -> None:
        if kind not in stripped:
            stripped.append(kind)

    kept: list[str] = []
    for line in lines:
        bare = line.strip()
        if _FENCE.match(line):
            drop("fence")
            continue
        if bare and _is_marker(bare):
            drop("markers")
            continue
        if bare and bare in echoed:
            drop("instructions")
            continue
        kept.append(line)
    # Preface: leading lines that introduce the answer.
    while kept and (not kept[0].strip() or _PREFACE.match(kept[0])):
        if kept[0].strip():
            drop("preface")
        kept.pop(0)
    # Notes: from the first note line on, everything after the translation.
    for i, line in enumerate(kept):
        if i > 0 and _NOTE.match(line):
            kept = kept[:i]
            drop("note")
            break
    body = [line.strip() for line in kept if line.strip()]
    if len(body) > 1 and "\n" not in source.strip():
        drop("joined")
    text = " ".join(body)
    for a, b in _QUOTES:
        if len(text) > 2 and text.startswith(a) and text.endswith(b) and not (
                source.strip().startswith(a) and source.strip().endswith(b)):
            text = text[len(a) : -len(b)].strip()
            drop("quotes")
            break
    return Cleaned(text, stripped, refused=not text)


def split_document(answer: str, count: int) -> list[str] | None:
    """One text per segment of a document-mode answer, or None if its markers are not 1..count."""
    marks = [segment_marker(n) for n in range(1, count + 1)]
    positions = []
    start = 0
    for mark in marks:
        at = answer.find(mark, start)
        if at < 0:
            return None
        positions.append(at)
        start = at + len(mark)
    if any(answer.count(mark) != 1 for mark in marks):
        return None
    if answer.find(segment_marker(count + 1)) >= 0:
        return None
    parts = []
    for k, at in enumerate(positions):
        end = positions[k + 1] if k + 1 < len(positions) else len(answer)
        parts.append(answer[at + len(marks[k]) : end].strip())
    return parts


def _is_marker(line: str) -> bool:
    return bool(re.fullmatch(r"</?source(?:-\d+)?>", line))


def _prompt_lines(hints: Sequence[Hint]) -> set[str]:
    w = wording()
    lines = {w["terms_header"].strip(), w["misses_header"].strip(), w["single_rule"].strip()}
    lines.update(w["term_line"].format(vi=h.vi, th=h.th, kind=h.kind).strip() for h in hints)
    return lines
