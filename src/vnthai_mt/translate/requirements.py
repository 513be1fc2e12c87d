"""What a segment's translation must contain: glossary renderings and rule transcriptions of names.

``find_required(text, matcher, names=...)`` lists, left to right, each span of ``text`` that has a
required Thai rendering:

- every glossary match (``glossary.Matcher``: longest-leftmost, non-overlapping) gives the entry's
  canonical ``th``; its ``th_variants`` are known other renderings that repair replaces;
- every person or place name that ``names.detect.find_names`` finds and no glossary match covers gives
  its Royal Institute transcription (``names.translit.transcribe``), source ``rule``. A foreign name
  (Sengphet Houngboungnuang) is never transcribed by the Vietnamese rules: it is required only in an
  established form (the glossary's, or the shipped list of places'), otherwise it is left to the model
  and ``unenforced_names`` lists it, for exactly its span (not with the country before it). A per-document
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
from vnthai_mt.text.vietnamese import has_diacritics

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


NameRenderer = Callable[..., str]  # (mention, kind, marked=False) -> Thai


def name_renderer(registry=None, style: str = "spaced") -> NameRenderer | None:
    """(mention, kind) -> Thai transcription, through ``registry`` when given; None without names/."""
    try:
        from vnthai_mt.names.translit import transcribe
    except ImportError:  # pragma: no cover - names/ is part of the package
        return None

    def render(mention: str, kind: str, marked: bool = False) -> str:
        # marked: the segment is written with diacritics, so a name without any is read as written
        tr = transcribe(mention, kind=kind, marked=marked, style=style)
        if tr.confidence != "high" or not tr.thai.strip():
            return ""
        if registry is not None:
            return registry.render(mention, kind)
        return tr.thai

    return render


def find_required(
    text: str, matcher: Matcher | None, *, names: NameRenderer | None = None, spans=None
) -> list[Required]:
    """The required renderings of ``text`` in order of position (see the module docstring).

    ``spans``: the names of ``text`` found on its whole segment (``piece_name_spans``); without it the
    names are found in ``text`` itself. Finding them on the segment, not on each sentence, keeps
    ``translate`` and ``names`` in agreement: a cue or a list head in one sentence still counts.
    """
    found = _glossary_required(text, matcher)
    if names is not None:
        from vnthai_mt.names.detect import find_names

        spans = find_names(text) if spans is None else spans
        found = _whole_names_win(found, spans)
        for span, th, _reason in _name_decisions(spans, found, names, has_diacritics(text)):
            if th:
                found.append(Required(span.start, span.end, span.text, th, span.kind, "rule"))
        found.sort(key=lambda r: r.start)
    return found


def _glossary_required(text: str, matcher: Matcher | None) -> list[Required]:
    found: list[Required] = []
    if matcher is not None:
        for m in matcher.find(text):
            e = m.entry
            found.append(Required(m.start, m.end, m.source, thai.normalize(e.th), e.kind, "glossary",
                                  tuple(thai.normalize(v) for v in e.th_variants)))
    return found


def _whole_names_win(found: list[Required], spans) -> list[Required]:
    """A glossary person inside a longer person's name (the byline Thu Thủy inside Nguyễn Thị Thu Thủy)
    is another person: the whole name wins."""
    people = [s for s in spans if s.kind == "person" and s.vietnamese]
    return [r for r in found if not (r.kind == "person" and any(
        s.start <= r.start and r.end <= s.end and (s.start, s.end) != (r.start, r.end) for s in people))]


@dataclass(frozen=True)
class Unenforced:
    """A name ``text[start:end]`` that gets no requirement: the model renders it as it will."""

    start: int
    end: int
    vi: str
    kind: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"vi": self.vi, "kind": self.kind, "reason": self.reason}


FOREIGN_NO_FORM = "foreign name: no established Thai form known (left to the model)"
LOW_CONFIDENCE = "read with low confidence (no diacritics, or not Vietnamese syllables): not forced"


def _name_decisions(spans, glossary_found: list[Required], names: NameRenderer, marked: bool):
    """(span, Thai or "", why not) for every person or place name no glossary match covers.

    A Vietnamese name gets its transcription through ``names`` (empty when read with low confidence).
    A foreign name (not made of Vietnamese syllables, or read as foreign after a country) gets one only
    where an established form is known (the glossary, or the shipped list of places: Pleiku เปลกู); never a
    transcription by the Vietnamese rules."""
    taken = [(r.start, r.end) for r in glossary_found]
    for span in spans:
        if span.kind not in NAME_KINDS:
            continue
        if any(a < span.end and span.start < b for a, b in taken):
            continue  # the glossary covers it
        if not span.vietnamese:
            th = _listed_place(span.text) if span.kind == "place" else ""
            yield span, th, "" if th else FOREIGN_NO_FORM
            continue
        th = thai.normalize(names(span.text, span.kind, marked))
        yield span, th, "" if th else LOW_CONFIDENCE


def _listed_place(name: str) -> str:
    try:
        from vnthai_mt.names.places import thai_for
    except ImportError:  # pragma: no cover - names/ is part of the package
        return ""
    return thai.normalize(thai_for(name) or "")


def unenforced_names(text: str, matcher: Matcher | None, *, names: NameRenderer | None, spans=None
                     ) -> list[Unenforced]:
    """The person and place names of ``text`` that ``find_required`` gives no requirement (same
    arguments), each with the reason: foreign names without an established Thai form and names read
    with low confidence. ``translate --report`` lists them per segment as ``unenforced``."""
    if names is None:
        return []
    from vnthai_mt.names.detect import find_names

    spans = find_names(text) if spans is None else spans
    glossary = _whole_names_win(_glossary_required(text, matcher), spans)
    return [Unenforced(span.start, span.end, span.text, span.kind, reason)
            for span, th, reason in _name_decisions(spans, glossary, names, has_diacritics(text)) if not th]


def document_name_spans(texts: list[str]) -> list[list]:
    """The names of each segment of one document, found on the whole document at once (as ``names`` and
    ``build_registry`` read it: normalized segments, one per line), with offsets in the normalized segment.
    A name's kind is decided for the whole document, and mentions without a cue are found by the others."""
    from vnthai_mt.names.detect import NameSpan, find_names
    from vnthai_mt.text import vietnamese

    norms = [vietnamese.normalize(t) for t in texts]
    starts, pos = [], 0
    for n in norms:
        starts.append(pos)
        pos += len(n) + 1
    out: list[list] = [[] for _ in texts]
    for sp in find_names("\n".join(norms)):
        i = max(k for k, a in enumerate(starts) if a <= sp.start)
        a = starts[i]
        if sp.end <= a + len(norms[i]):
            out[i].append(NameSpan(sp.start - a, sp.end - a, sp.text, sp.kind, sp.cue, sp.vietnamese))
    return out


def piece_name_spans(segment: str, pieces: list[str], spans: list | None = None) -> list[list]:
    """The names of ``segment`` (normalized) found once on the whole of it (or ``spans``, found on the
    whole document), given to each of its ``pieces`` (normalized sentences, in order) with offsets in the
    piece; a name cut by a piece boundary is left out. A piece not found in the segment gets the names
    found in it alone."""
    from vnthai_mt.names.detect import NameSpan, find_names

    spans = find_names(segment) if spans is None else spans
    out: list[list] = []
    cursor = 0
    for piece in pieces:
        at = segment.find(piece, cursor) if piece else -1
        if at < 0:
            out.append(find_names(piece))
            continue
        cursor = at + len(piece)
        out.append([NameSpan(s.start - at, s.end - at, s.text, s.kind, s.cue, s.vietnamese)
                    for s in spans if at <= s.start and s.end <= at + len(piece)])
    return out


def segment_requirements(texts: list[str], matcher: Matcher | None, *, names: bool = True,
                         style: str = "spaced") -> list[list[Required]]:
    """What ``translate`` requires of each segment of one document, without a model: one registry for
    the document, segments cut into sentences as ``translate`` cuts them, names found per segment.
    Offsets are in ``vietnamese.normalize(segment)``. (``translate`` also cuts sentences longer than the
    model's input; that never moves a name found here to another rendering.)"""
    from vnthai_mt.text import vietnamese
    from vnthai_mt.text.sentences import split_segment

    renderer = name_renderer(build_registry([vietnamese.normalize(t) for t in texts if t.strip()], style),
                             style) if names else None
    doc_spans = document_name_spans(texts) if renderer is not None else [None] * len(texts)
    result = []
    for text, seg_spans in zip(texts, doc_spans):
        norm = vietnamese.normalize(text)
        pieces = [vietnamese.normalize(p) for p in split_segment(text)[0]]
        piece_spans = piece_name_spans(norm, pieces, seg_spans) if renderer is not None else [None] * len(pieces)
        found: list[Required] = []
        cursor = 0
        for piece, spans in zip(pieces, piece_spans):
            at = norm.find(piece, cursor)
            at = cursor if at < 0 else at
            cursor = at + len(piece)
            for r in find_required(piece, matcher, names=renderer, spans=spans):
                found.append(Required(r.start + at, r.end + at, r.vi, r.th, r.kind, r.source, r.variants))
        result.append(found)
    return result


def segment_unenforced(texts: list[str], matcher: Matcher | None, *, style: str = "spaced") -> list[list[Unenforced]]:
    """The names of each segment of one document that ``translate`` leaves to the model (the
    ``unenforced`` of its report), found as ``segment_requirements`` finds names; offsets in
    ``vietnamese.normalize(segment)``."""
    from vnthai_mt.text import vietnamese

    renderer = name_renderer(build_registry([vietnamese.normalize(t) for t in texts if t.strip()], style), style)
    return [unenforced_names(vietnamese.normalize(t), matcher, names=renderer, spans=spans) if t.strip() else []
            for t, spans in zip(texts, document_name_spans(texts))]


def build_registry(texts: list[str], style: str = "spaced"):
    """A ``NameRegistry`` that has seen every text of one document (None without names/)."""
    try:
        from vnthai_mt.names.registry import NameRegistry
    except ImportError:  # pragma: no cover
        return None
    registry = NameRegistry(style)
    registry.add_document("\n".join(t.replace("\n", " ") for t in texts))
    return registry
