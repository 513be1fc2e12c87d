"""What a segment's translation must contain: glossary renderings and rule transcriptions of names.

``find_required(text, matcher, names=...)`` lists, left to right, each span of ``text`` that has a
required Thai rendering:

- every glossary match (``glossary.Matcher``: longest-leftmost, non-overlapping) gives the entry's
  canonical ``th``; its ``th_variants`` are known other renderings that repair replaces;
- every person or place name that ``names.detect.find_names`` finds and no glossary match covers gives
  its Royal Institute transcription (``names.translit.transcribe``), source ``rule``. A per-document
  ``NameRegistry`` makes every mention of one person use one rendering (a later "ông Thận" gets the
  last syllable of the full name's rendering). Names read with low confidence (no diacritics, not a
  Vietnamese syllable) are left out: forcing a guessed spelling would do more harm than good.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vnthai_mt.glossary import Matcher
from vnthai_mt.text import thai

NAME_KINDS = ("person", "place")


@dataclass(frozen=True)
class Required:
    """``text[start:end]`` (``vi``) must appear in the translation as ``th`` (Thai, normalized)."""

    start: int
    end: int
    vi: str
    th: str
    kind: str
    source: str  # "glossary" or "rule"
    variants: tuple[str, ...] = field(default=(), compare=False)  # known other renderings

    def to_dict(self) -> dict[str, Any]:
        return {"vi": self.vi, "th": self.th, "kind": self.kind, "source": self.source}


NameRenderer = Callable[[str, str], str]  # (mention, kind) -> Thai


def name_renderer(registry=None) -> NameRenderer | None:
    """(mention, kind) -> Thai transcription, through ``registry`` when given; None without names/."""
    try:
        from vnthai_mt.names.translit import transcribe
    except ImportError:  # pragma: no cover - names/ is part of the package
        return None

    def render(mention: str, kind: str) -> str:
        tr = transcribe(mention, kind=kind)
        if tr.confidence != "high" or not tr.thai.strip():
            return ""
        if registry is not None:
            return registry.render(mention, kind)
        return tr.thai

    return render


def find_required(
    text: str, matcher: Matcher | None, *, names: NameRenderer | None = None
) -> list[Required]:
    """The required renderings of ``text`` in order of position (see the module docstring)."""
    found: list[Required] = []
    if matcher is not None:
        for m in matcher.find(text):
            e = m.entry
            found.append(Required(m.start, m.end, m.source, thai.normalize(e.th), e.kind, "glossary",
                                  tuple(thai.normalize(v) for v in e.th_variants)))
    if names is not None:
        from vnthai_mt.names.detect import find_names

        taken = [(r.start, r.end) for r in found]
        for span in find_names(text):
            if span.kind not in NAME_KINDS or not span.vietnamese:
                continue
            if any(a < span.end and span.start < b for a, b in taken):
                continue  # the glossary covers it
            th = thai.normalize(names(span.text, span.kind))
            if th:
                found.append(Required(span.start, span.end, span.text, th, span.kind, "rule"))
        found.sort(key=lambda r: r.start)
    return found


def build_registry(texts: list[str]):
    """A ``NameRegistry`` that has seen every text of one document (None without names/)."""
    try:
        from vnthai_mt.names.registry import NameRegistry
    except ImportError:  # pragma: no cover
        return None
    registry = NameRegistry()
    registry.add_document("\n".join(t.replace("\n", " ") for t in texts))
    return registry
