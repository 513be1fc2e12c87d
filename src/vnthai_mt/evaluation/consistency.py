"""Consistency: does a system render each entity of a document one way only?

Entities are found in a document's source lines: glossary matches (keyed by their entry) and, when
``vnthai_mt.names`` is available, person and place names it detects that the glossary lacks (keyed by the
normalized name).

Which Thai strings count as renderings of an entity: for a glossary entry, its canonical rendering and
its known ``th_variants``; for a detected name, its rule-based transcription. They are searched in the
hypothesis lines aligned with the source lines that mention the entity (after Thai normalization;
longest first, each hypothesis occurrence used once). A rendering outside these lists cannot be told
apart from the rest of the translation, so an entity whose renderings are all unknown is reported as
``unidentified`` rather than guessed. This makes the measure conservative: it counts the inconsistencies
that a glossary documents (such as the three renderings of one name in the seed article), never more.

The headline share counts entities mentioned at least twice in a document (one mention cannot be
inconsistent) and rendered at least once in a known way: the share rendered exactly one way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import Match, Matcher
from vnthai_mt.text import thai, vietnamese
from vnthai_mt.text.thai.find import claim


@dataclass(frozen=True)
class Entity:
    key: str
    vi: str  # canonical Vietnamese form
    kind: str
    renderings: tuple[str, ...]  # known Thai renderings, canonical first (normalized)


@dataclass
class EntityRecord:
    doc: str
    entity: Entity
    mentions: int = 0
    lines: list[int] = field(default_factory=list)  # 1-based, where mentioned
    renderings: dict[str, int] = field(default_factory=dict)  # Thai rendering -> occurrences in hyp

    @property
    def status(self) -> str:
        n = len(self.renderings)
        return "unidentified" if n == 0 else "one_way" if n == 1 else "several_ways"

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "vi": self.entity.vi,
            "kind": self.entity.kind,
            "canonical": self.entity.renderings[0] if self.entity.renderings else None,
            "mentions": self.mentions,
            "lines": self.lines,
            "renderings": self.renderings,
            "status": self.status,
        }


@dataclass
class ConsistencyReport:
    records: list[EntityRecord]
    documents: int
    names_detected: bool  # whether vnthai_mt.names took part

    def counted(self) -> list[EntityRecord]:
        """Entities mentioned at least twice in their document."""
        return [r for r in self.records if r.mentions >= 2]

    def counts(self) -> dict[str, int]:
        out = {"one_way": 0, "several_ways": 0, "unidentified": 0}
        for r in self.counted():
            out[r.status] += 1
        return out

    @property
    def share_one_way(self) -> float | None:
        c = self.counts()
        rendered = c["one_way"] + c["several_ways"]
        return 100.0 * c["one_way"] / rendered if rendered else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "share_one_way": self.share_one_way,
            "documents": self.documents,
            "entities": len(self.records),
            "entities_mentioned_twice": len(self.counted()),
            **self.counts(),
            "names_detected": self.names_detected,
            "inconsistent": [r.to_dict() for r in self.counted() if r.status == "several_ways"],
        }


# ---------------------------------------------------------------------------------------------- documents


def documents_from_ids(doc_ids: Sequence[str], path: str | None = None) -> list[tuple[str, list[int]]]:
    """Group line indices (0-based) by document id (first column of a DOCUMENT_IDS.tsv line)."""
    groups: dict[str, list[int]] = {}
    for i, raw in enumerate(doc_ids):
        doc = raw.split("\t", 1)[0].strip()
        if not doc:
            raise InputError("empty document id", path, i + 1)
        groups.setdefault(doc, []).append(i)
    return list(groups.items())


def documents_from_blank_lines(src_lines: Sequence[str]) -> list[tuple[str, list[int]]]:
    """Documents separated by blank source lines, named doc1, doc2, ..."""
    docs: list[tuple[str, list[int]]] = []
    current: list[int] = []
    for i, line in enumerate(src_lines):
        if line.strip():
            current.append(i)
        elif current:
            docs.append((f"doc{len(docs) + 1}", current))
            current = []
    if current:
        docs.append((f"doc{len(docs) + 1}", current))
    return docs


# ------------------------------------------------------------------------------------------------ entities


def _name_finder() -> Callable[[str], list[tuple[int, int, str, str, str]]] | None:
    """(start, end, text, kind, Thai transcription) for names in a line, or None without vnthai_mt.names."""
    try:
        from vnthai_mt.names.detect import find_names
        from vnthai_mt.names.translit import transcribe
    except ImportError:
        return None

    def find(line: str) -> list[tuple[int, int, str, str, str]]:
        out = []
        for span in find_names(line):
            # Foreign names (Trump) are found too, but the Vietnamese transcription rules do not apply.
            if span.kind not in ("person", "place") or not getattr(span, "vietnamese", True):
                continue
            out.append((span.start, span.end, span.text, span.kind, transcribe(span.text, kind=span.kind).thai))
        return out

    return find


def _entities_in_line(line: str, matches: Sequence[Match], names) -> list[Entity]:
    found = []
    taken = []
    for m in matches:
        e = m.entry
        renderings = tuple(dict.fromkeys(thai.normalize(t) for t in (e.th, *e.th_variants)))
        found.append(Entity(f"glossary:{e.kind}:{e.vi}", e.vi, e.kind, renderings))
        taken.append((m.start, m.end))
    if names is not None:
        for start, end, text, kind, th in names(line):
            if any(start < b and a < end for a, b in taken):
                continue  # the glossary already covers it
            vi = vietnamese.normalize(text)
            found.append(Entity(f"name:{kind}:{vi}", vi, kind, (thai.normalize(th),) if th.strip() else ()))
    return found


def consistency(
    src_lines: Sequence[str],
    hyp_lines: Sequence[str],
    documents: Sequence[tuple[str, Sequence[int]]],
    matcher: Matcher | None = None,
    *,
    line_matches: Sequence[Sequence[Match]] | None = None,
    detect_names: bool = True,
) -> ConsistencyReport:
    """How many known renderings of each entity a document's hypothesis lines use.

    Glossary matches come from ``line_matches`` (one list per source line) or else from ``matcher``.
    """
    if line_matches is None:
        if matcher is None:
            raise ValueError("consistency needs a matcher or the matches of each source line")
        line_matches = [matcher.find(line) for line in src_lines]
    names = _name_finder() if detect_names else None
    records: list[EntityRecord] = []
    for doc, indices in documents:
        by_key: dict[str, EntityRecord] = {}
        for i in indices:
            entities = _entities_in_line(src_lines[i], line_matches[i], names)
            for entity in entities:
                record = by_key.setdefault(entity.key, EntityRecord(doc, entity))
                record.mentions += 1
                if i + 1 not in record.lines:
                    record.lines.append(i + 1)
        # Count renderings line by line, all entities of the line together so that one hypothesis
        # occurrence is credited to one entity only (longest rendering first).
        for i in indices:
            line_records = [r for r in by_key.values() if i + 1 in r.lines]
            if not line_records:
                continue
            hyp = thai.normalize(hyp_lines[i])
            wanted = sorted(
                ((t, r) for r in line_records for t in r.entity.renderings if t), key=lambda p: -len(p[0])
            )
            for target, record in wanted:
                while (rest := claim(hyp, target)) is not None:
                    hyp = rest
                    record.renderings[target] = record.renderings.get(target, 0) + 1
        records.extend(by_key.values())
    return ConsistencyReport(records, len(documents), names is not None)
