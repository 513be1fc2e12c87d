"""What the detectors share: the mentions of glossary forms and name-like spans in the Thai lines, and
the per-run context (views of the lines, matchers, the source).

For the line ``สหายเหงียน คัก ทัน ประธานคณะกรรมการประชาชนจังหวัด`` and the shipped glossaries,
``collect_mentions`` gives three mentions, all glossary forms (``how="glossary"``): ``สหาย`` (term
Đồng chí, canonical), ``เหงียน คัก ทัน`` (person Nguyễn Khắc Thận, a listed wrong variant:
``canonical=False``) and ``ประธานคณะกรรมการประชาชนจังหวัด`` (title, canonical). A name no glossary
lists comes as a name-like span instead (``how`` = the title, "surname" or place word that found it,
no entry). Offsets are in the line as written, although matching ran on its normalized view.
The detectors (``entities``, ``terms``, ...) read these mentions and the ``Context``; none searches
the text again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from vnthai_mt.glossary import Entry, Glossary, Matcher
from vnthai_mt.qa.findings import Span
from vnthai_mt.qa.thai_match import ThaiFormIndex, View
from vnthai_mt.qa.thai_names import find_name_candidates, name_keys
from vnthai_mt.text import thai
from vnthai_mt.text.thai.clusters import cluster_end_ok, cluster_start_ok

NAME_KINDS = ("person", "place")
TERM_KINDS = ("org", "title", "term")


@dataclass
class Mention:
    line: int  # 1-based
    start: int  # offsets in the line as written
    end: int
    text: str  # normalized Thai
    kind: str  # person | place | org | title | term
    entry: Entry | None = None
    canonical: bool = False  # the text is the entry's canonical rendering
    how: str = ""  # glossary | title | surname | place word

    @property
    def span(self) -> Span:
        return Span(self.line, self.start, self.end, self.text)


@dataclass
class Context:
    """Everything computed once per run and shared by the detectors."""

    glossary: Glossary
    lines: list[str]
    views: list[View]
    source: list[str] | None
    matcher: Matcher
    thai_index: ThaiFormIndex
    _key_index: dict[tuple[str, str], list[Entry]] | None = field(default=None)
    _source_matches: dict[int, list] = field(default_factory=dict)

    def source_matches(self, number: int) -> list:
        """Glossary matches in source line ``number`` (1-based), computed once."""
        if number not in self._source_matches:
            line = self.source[number - 1] if self.source else ""
            self._source_matches[number] = self.matcher.find(line)
        return self._source_matches[number]

    def glossary_by_key(self, kind: str, key: str) -> list[Entry]:
        """Person/place entries whose canonical or variant Thai forms have phonetic key ``key``."""
        if self._key_index is None:
            index: dict[tuple[str, str], list[Entry]] = defaultdict(list)
            for entry in self.glossary.entries:
                if entry.kind in NAME_KINDS:
                    for form in (entry.th, *entry.th_variants):
                        for form_key in name_keys(form):
                            bucket = index[(entry.kind, form_key)]
                            if entry not in bucket:
                                bucket.append(entry)
            self._key_index = dict(index)
        return self._key_index.get((kind, key), [])


def collect_mentions(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    for number, view in enumerate(ctx.views, start=1):
        hits = ctx.thai_index.find(view.text)  # sorted, non-overlapping
        candidates = find_name_candidates(view.text)
        if hits and candidates:
            hits = _outside_person_names(hits, candidates)
        for hit in hits:
            entry, canonical = _owner(hit.entries)
            a, b = view.span(hit.start, hit.end)
            out.append(Mention(number, a, b, hit.form, entry.kind, entry, canonical, "glossary"))
        ends = [hit.end for hit in hits]
        for cand in candidates:
            if overlaps(hits, ends, cand.start, cand.end):
                continue
            a, b = view.span(cand.start, cand.end)
            out.append(Mention(number, a, b, thai.normalize(cand.text), cand.kind, how=cand.trigger))
    return out + _joined_forms(ctx, out)


JOINED = "joined form"  # Mention.how of a name found as the spaceless form of one the document spaces


def _joined_forms(ctx: Context, mentions: list[Mention]) -> list[Mention]:
    """A person's name found spaced (ฝ่าม มินห์ จิ่ง) is also that name where the document writes it
    without spaces (นายกรัฐมนตรี ฝ่ามมินห์จิ่ง), although nothing there introduced it as a name."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.line].append((m.start, m.end))
    forms = {m.text.replace(" ", ""): m.kind for m in mentions
             if m.kind == "person" and m.text.count(" ") >= 1 and len(m.text.replace(" ", "")) >= 6}
    out = []
    for joined in sorted(forms, key=len, reverse=True):
        for number, view in enumerate(ctx.views, start=1):
            at = view.text.find(joined)
            while at >= 0:
                end = at + len(joined)
                a, b = view.span(at, end)
                if (not any(s < b and a < e for s, e in taken[number]) and cluster_start_ok(view.text, at)
                        and cluster_end_ok(view.text, end)):
                    taken[number].append((a, b))
                    out.append(Mention(number, a, b, joined, forms[joined], how=JOINED))
                at = view.text.find(joined, end)
    return out


def _outside_person_names(hits, candidates):
    """Glossary place forms found inside a person's name (ฮัวบิ่ญ, Hòa Bình, in เหงียนฮัวบิ่ญ) are part of
    the name, not the place: the name wins, so fix never rewrites inside it."""
    persons = [c for c in candidates if c.kind == "person"]
    if not persons:
        return hits
    out = []
    for hit in hits:
        inside = any(c.start <= hit.start and hit.end <= c.end and (c.start, c.end) != (hit.start, hit.end)
                     for c in persons)
        if inside and all(entry.kind == "place" for entry, _ in hit.entries):
            continue
        out.append(hit)
    return out


def overlaps(spans, ends: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans`` (sorted, non-overlapping; ``ends`` their ends)."""
    k = bisect_right(ends, start)
    return k < len(spans) and spans[k].start < end


def _owner(owners: tuple[tuple[Entry, bool], ...]) -> tuple[Entry, bool]:
    """The entry a Thai form stands for: the one it is canonical for, else the first that lists it."""
    for entry, canonical in owners:
        if canonical:
            return entry, True
    return owners[0]
