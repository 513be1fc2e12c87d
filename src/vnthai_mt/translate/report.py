"""What a translation run reports: per segment, each required rendering and what became of it.

    report = Report([SegmentReport("1", 1, [Item("Chủ tịch", "ประธาน", "title", "glossary", "enforced",
                                                 "constrain")])], Timings(), settings={})
    report.summary   # {"segments": 1, "required": 1, "enforced": 1, "repaired": 0, "missing": 0,
                     #  "term_presence_pct": 100.0}
    report.to_dict() # the JSON of `translate --report`: input, output, settings, summary, timings,
                     # segments (only those with items)

``encode_outcome`` / ``decode_outcome`` turn one segment's translation and items into the one-line
JSON a checkpoint keeps, so a resumed run reports exactly what the first run found.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnthai_mt.io.formats.model import Annotation
from vnthai_mt.translate.enforce import ENFORCED, MISSING, REPAIRED, Item, Timings
from vnthai_mt.translate.requirements import Unenforced

MEMORY_VIA = "memory"  # a segment served from an imported translation memory (io.tmx)


@dataclass
class SegmentReport:
    """One segment's required renderings (``items``), the names left to the model (``unenforced``:
    foreign names without an established Thai form, names read with low confidence), why it needs
    review (``review``: e.g. its inline tags could not be placed in a valid order; empty when it needs
    none), ``via`` ("memory": every sentence came from the imported translation memory) and
    ``rounds`` (prefix-forcing re-decodes of its sentences, summed; in the JSON only when there were)."""

    id: str
    line: int
    items: list[Item] = field(default_factory=list)
    unenforced: list[Unenforced] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    via: str | None = None
    rounds: int = 0

    @property
    def needs_review(self) -> bool:
        return bool(self.review) or any(i.status == MISSING for i in self.items)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "line": self.line, "items": [i.to_dict() for i in self.items],
                               "unenforced": [u.to_dict() for u in self.unenforced], "review": list(self.review)}
        if self.via is not None:
            out["via"] = self.via
        if self.rounds:
            out["rounds"] = self.rounds
        return out


def summarize(segments: Sequence[SegmentReport]) -> dict[str, Any]:
    items = [i for s in segments for i in s.items]
    counts = {status: sum(i.status == status for i in items) for status in (ENFORCED, REPAIRED, MISSING)}
    present = counts[ENFORCED] + counts[REPAIRED]
    return {
        "segments": len(segments),
        "required": len(items),
        **counts,
        "term_presence_pct": round(100.0 * present / len(items), 2) if items else None,
        "unenforced": sum(len(s.unenforced) for s in segments),
        "needs_review": sum(s.needs_review for s in segments),
        "memory": sum(s.via == MEMORY_VIA for s in segments),
    }


@dataclass
class Report:
    """What one run did: per segment items, a summary, timings and the settings."""

    segments: list[SegmentReport]
    timings: Timings
    settings: dict[str, Any]
    input: str | None = None
    output: str | None = None
    llm: dict[str, Any] | None = None  # instruction models: requests, tokens, what hygiene stripped

    @property
    def summary(self) -> dict[str, Any]:
        return summarize(self.segments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "output": self.output,
            "settings": self.settings,
            "summary": self.summary,
            "timings": self.timings.to_dict(),
            "segments": [s.to_dict() for s in self.segments if s.items or s.unenforced or s.review or s.via],
            **({"llm": self.llm} if self.llm is not None else {}),
        }


@dataclass
class Result:
    """``Translator.translate_with_report``: the translations and the report."""

    texts: list[str]
    report: Report


def write_report(report: Report, path: str | Path) -> None:
    """One file's report as JSON, written atomically."""
    from vnthai_mt.io.resume import atomic_write_text

    atomic_write_text(path, json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n")


def write_combined_report(reports: Sequence[Report], path: str | Path) -> None:
    """One JSON report for several files: each file's report and a total summary."""
    from vnthai_mt.io.resume import atomic_write_text

    total = Timings()
    for r in reports:
        total.add(r.timings)
    all_segments = [s for r in reports for s in r.segments]
    blob = {
        "files": [r.to_dict() for r in reports],
        "summary": summarize(all_segments),
        "timings": total.to_dict(),
        "settings": reports[0].settings if reports else {},
    }
    atomic_write_text(path, json.dumps(blob, ensure_ascii=False, indent=1) + "\n")


def encode_outcome(text: str, items: list[Item], review: list[str] | None = None, via: str | None = None,
                   rounds: int = 0) -> str:
    """One segment's translation, items, review reasons, ``via`` and prefix-forcing rounds as the one-line
    JSON a checkpoint keeps (the last three only when set, so plain runs keep the same records)."""
    obj: dict[str, Any] = {"t": text, "items": [i.to_dict() for i in items]}
    if review:
        obj["review"] = review
    if via:
        obj["via"] = via
    if rounds:
        obj["r"] = rounds
    return json.dumps(obj, ensure_ascii=False)


def decode_outcome(value: str) -> tuple[str, list[Item], list[str], str | None, int]:
    obj = json.loads(value)
    return (obj["t"], [Item(**i) for i in obj.get("items", [])], list(obj.get("review", [])), obj.get("via"),
            int(obj.get("r", 0)))


def annotation(segment: SegmentReport) -> Annotation:
    """What a bilingual writer records for a segment: review when a required rendering is missing or
    its tags could not be placed, and a one-line note of its enforcement report."""
    parts = [f"{i.vi} → {i.th}: {i.status}" + (f" ({i.via})" if i.via else "") for i in segment.items]
    parts.extend(segment.review)
    note = "vnthai-mt: " + "; ".join(parts) if parts else None
    return Annotation(review=segment.needs_review, note=note)
