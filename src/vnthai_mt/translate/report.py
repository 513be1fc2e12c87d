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

from vnthai_mt.translate.enforce import ENFORCED, MISSING, REPAIRED, Item, Timings


@dataclass
class SegmentReport:
    id: str
    line: int
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "line": self.line, "items": [i.to_dict() for i in self.items]}


def summarize(segments: Sequence[SegmentReport]) -> dict[str, Any]:
    items = [i for s in segments for i in s.items]
    counts = {status: sum(i.status == status for i in items) for status in (ENFORCED, REPAIRED, MISSING)}
    present = counts[ENFORCED] + counts[REPAIRED]
    return {
        "segments": len(segments),
        "required": len(items),
        **counts,
        "term_presence_pct": round(100.0 * present / len(items), 2) if items else None,
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
            "segments": [s.to_dict() for s in self.segments if s.items],
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


def encode_outcome(text: str, items: list[Item]) -> str:
    """One segment's translation and items as the one-line JSON a checkpoint keeps."""
    return json.dumps({"t": text, "items": [i.to_dict() for i in items]}, ensure_ascii=False)


def decode_outcome(value: str) -> tuple[str, list[Item]]:
    obj = json.loads(value)
    return obj["t"], [Item(**i) for i in obj.get("items", [])]
