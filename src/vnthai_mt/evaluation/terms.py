"""Terminology accuracy: exact match of required Thai renderings, as in the WMT21 terminology task.

For every glossary term found in a source line (longest-leftmost matches of ``vnthai_mt.glossary``), the
hypothesis line must contain the entry's canonical Thai rendering (``entry.th``). Both sides are compared
as ``vnthai_mt.text.thai.find`` compares them for translate and check too: normalized, and only where
the rendering stands as whole character clusters (ประธาน is not in ประธานาธิบดี). As in WMT21 (Alam et
al. 2021), each occurrence needs its own occurrence in the hypothesis:
a term found twice in the source needs its rendering twice. Longer renderings are matched first and each
hypothesis occurrence is used once, so the ``คณะกรรมการประชาชนจังหวัด`` inside
``ประธานคณะกรรมการประชาชนจังหวัด`` does not also count for a separate mention of the shorter term.

Requirements come from a glossary (``requirements_from_glossary``) or from an annotated suite (JSONL lines
``{"id", "vi", "terms": [{"vi", "th", "kind"}]}``, see ``eval/terms/``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import KINDS, Glossary, Match, Matcher
from vnthai_mt.io.utf8 import read_lines
from vnthai_mt.text.thai.find import find_renderings


@dataclass(frozen=True)
class Requirement:
    """In source line ``line`` (1-based), ``vi`` (as written) must be rendered ``th``."""

    line: int
    vi: str
    th: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "vi": self.vi, "th": self.th, "kind": self.kind}


@dataclass(frozen=True)
class TermResult:
    requirement: Requirement
    hit: bool


def _percent(hits: int, total: int) -> float | None:
    return 100.0 * hits / total if total else None


@dataclass
class TermAccuracy:
    results: list[TermResult]

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def hits(self) -> int:
        return sum(r.hit for r in self.results)

    @property
    def accuracy(self) -> float | None:
        """Percent of required renderings present; None when the source has no terms."""
        return _percent(self.hits, self.total)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """{kind: (hits, total)} for the kinds that occur, in the glossary's order of kinds."""
        counts = {kind: [0, 0] for kind in KINDS}
        for r in self.results:
            pair = counts.setdefault(r.requirement.kind, [0, 0])
            pair[0] += r.hit
            pair[1] += 1
        return {kind: (h, t) for kind, (h, t) in counts.items() if t}

    @property
    def misses(self) -> list[Requirement]:
        return [r.requirement for r in self.results if not r.hit]

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy,
            "hits": self.hits,
            "total": self.total,
            "by_kind": {
                kind: {"accuracy": _percent(h, t), "hits": h, "total": t} for kind, (h, t) in self.by_kind().items()
            },
            "misses": [m.to_dict() for m in self.misses],
        }


def requirements_from_matches(line_matches: Sequence[Sequence[Match]]) -> list[list[Requirement]]:
    """Requirements from the glossary matches of each source line (``Matcher.find`` per line)."""
    return [
        [Requirement(n, m.source, m.entry.th, m.entry.kind) for m in matches]
        for n, matches in enumerate(line_matches, start=1)
    ]


def requirements_from_glossary(src_lines: Sequence[str], glossary: Glossary | Matcher) -> list[list[Requirement]]:
    """The glossary terms of each source line with their canonical Thai renderings."""
    matcher = glossary if isinstance(glossary, Matcher) else Matcher(glossary)
    return requirements_from_matches([matcher.find(line) for line in src_lines])


def term_accuracy(hyp_lines: Sequence[str], requirements: Sequence[Sequence[Requirement]]) -> TermAccuracy:
    """Exact-match term accuracy of ``hyp_lines`` (aligned with ``requirements``)."""
    if len(hyp_lines) != len(requirements):
        raise ValueError(f"{len(hyp_lines)} hypothesis lines but {len(requirements)} source lines")
    results: list[TermResult] = []
    for hyp, reqs in zip(hyp_lines, requirements):
        if not reqs:
            continue
        found = find_renderings(hyp, [r.th for r in reqs])
        results.extend(TermResult(r, hit) for r, hit in zip(reqs, found))
    return TermAccuracy(results)


@dataclass(frozen=True)
class SuiteItem:
    id: str
    vi: str
    terms: tuple[Requirement, ...]


def load_terms_suite(path: str | Path) -> list[SuiteItem]:
    """Read an annotated suite: one JSON object per line with ``id``, ``vi`` and ``terms``."""
    items: list[SuiteItem] = []
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            terms = tuple(Requirement(len(items) + 1, t["vi"], t["th"], t["kind"]) for t in obj["terms"])
            items.append(SuiteItem(str(obj.get("id", number)), obj["vi"], terms))
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            what = f"missing field {err}" if isinstance(err, KeyError) else str(err)
            raise InputError(f'not a suite line {{"id", "vi", "terms": [{{"vi", "th", "kind"}}]}}: {what}',
                             path, number) from None
    if not items:
        raise InputError("the suite is empty", path)
    return items
