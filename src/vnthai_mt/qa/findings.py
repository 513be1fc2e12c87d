"""What the editors' check reports: findings, the variants they group, and the edits that fix them.

A finding is either a group of renderings (``variants``: one entity written several ways, or a known
wrong rendering) or one piece of text (``text``: a Latin leftover, a boilerplate line, a year). Every
finding knows the lines it touches (1-based) and, where it has them, the exact spans (for highlighting)
and the edits ``fix`` may apply. Only ``as_dict`` decides what the JSON report shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = (
    "name-variants",
    "term-variants",
    "latin-leftover",
    "era-mix",
    "key-term-mismatch",
    "number-mismatch",
    "boilerplate",
    "garbage",
)
# Kinds whose suggestions ``fix`` applies by default; the others need an editor's judgement.
FIXABLE = ("name-variants", "term-variants", "latin-leftover", "era-mix")


@dataclass(frozen=True)
class Span:
    """``text`` found on ``line`` (1-based) at ``start:end`` (offsets in that line as written)."""

    line: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Edit:
    """Replace ``line[start:end]`` (which must read ``old``) by ``new``."""

    line: int
    start: int
    end: int
    old: str
    new: str


@dataclass
class Variant:
    text: str
    spans: list[Span] = field(default_factory=list)
    note: str = ""  # e.g. the era of a year, "canonical" for the glossary form

    @property
    def count(self) -> int:
        return len(self.spans)

    @property
    def lines(self) -> list[int]:
        return sorted({s.line for s in self.spans})

    def as_dict(self) -> dict:
        out: dict = {"text": self.text, "count": self.count, "lines": self.lines}
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Finding:
    kind: str
    entity: str = ""  # what the variants are renderings of (a glossary term, a source name, a key)
    variants: list[Variant] = field(default_factory=list)
    text: str | None = None
    suggestion: str | None = None
    reason: str = ""
    spans: list[Span] = field(default_factory=list)  # for ``text`` findings
    edits: list[Edit] = field(default_factory=list)
    extra_lines: list[int] = field(default_factory=list)  # lines without a span (a missing term)
    entity_kind: str = ""  # the glossary kind of the entity (person, place, org, title, term), where known

    @property
    def all_spans(self) -> list[Span]:
        out = list(self.spans)
        for variant in self.variants:
            out.extend(variant.spans)
        return out

    @property
    def lines(self) -> list[int]:
        return sorted({s.line for s in self.all_spans} | set(self.extra_lines))

    def as_dict(self) -> dict:
        out: dict = {"kind": self.kind, "lines": self.lines}
        if self.entity:
            out["entity"] = self.entity
        if self.variants:
            out["variants"] = [v.as_dict() for v in self.variants]
        else:
            out["text"] = self.text if self.text is not None else ""
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        if self.reason:
            out["reason"] = self.reason
        if self.edits:
            out["fixable"] = True
        return out


@dataclass
class CheckResult:
    file: str
    lines: list[str]  # the Thai document, one entry per line (no line ends)
    findings: list[Finding]
    source_file: str | None = None
    glossaries: list[str] = field(default_factory=list)
    ignored: int = 0  # findings dropped by a project's ignore list (``vnthai_mt.qa.project``)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for finding in self.findings:
            counts[finding.kind] += 1
        return {k: v for k, v in counts.items() if v}

    def as_dict(self) -> dict:
        out: dict = {"file": self.file}
        if self.source_file:
            out["source"] = self.source_file
        out["summary"] = {"lines": len(self.lines), "findings": len(self.findings), "by_kind": self.counts()}
        if self.ignored:
            out["summary"]["ignored"] = self.ignored
        out["findings"] = [f.as_dict() for f in self.findings]
        return out

    @property
    def exit_code(self) -> int:
        return 1 if self.findings else 0
