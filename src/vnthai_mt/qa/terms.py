"""term-variants and key-term-mismatch: glossary terms (org, title, term) in the Thai text.

A term written in a rendering the glossary lists as wrong is a variant. With the source, so is a
rendering that shares the canonical form's first and last word (สภา...จังหวัด) on a line where the source
has the term and the Thai lacks it; and every source term without its canonical rendering in the aligned
line (counted, so two mentions need two renderings) is a key-term mismatch.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache

from vnthai_mt.glossary import Entry
from vnthai_mt.qa.findings import Edit, Finding, Variant
from vnthai_mt.qa.mentions import TERM_KINDS, Context, Mention
from vnthai_mt.qa.thai_match import cluster_end_ok, cluster_start_ok
from vnthai_mt.text import thai
from vnthai_mt.text.thai.find import occurrences


def term_variants(ctx: Context, mentions: list[Mention]) -> list[Finding]:
    by_entry: dict[int, list[Mention]] = defaultdict(list)
    entries: dict[int, Entry] = {}
    for m in mentions:
        if m.entry is None:
            continue  # term mentions come from glossary hits: each has its entry
        by_entry[id(m.entry)].append(m)
        entries[id(m.entry)] = m.entry
    if ctx.source is not None:
        for key, extra in _aligned_term_renderings(ctx, mentions).items():
            by_entry[key].extend(extra)
            if extra[0].entry is not None:
                entries[key] = extra[0].entry
    findings = []
    for key, group in by_entry.items():
        entry = entries[key]
        wrong = [m for m in group if not m.canonical]
        if not wrong:
            continue
        texts = list(dict.fromkeys(m.text for m in sorted(group, key=lambda m: (m.line, m.start))))
        variants = [Variant(t, [m.span for m in group if m.text == t], "canonical" if t == entry.th else "")
                    for t in texts]
        listed = sorted({m.text for m in wrong if m.how == "glossary"})
        aligned = sorted({m.text for m in wrong if m.how == "aligned"})
        parts = []
        if listed:
            parts.append(f"the glossary lists {', '.join(listed)} as wrong rendering(s) of {entry.vi}")
        if aligned:
            parts.append(f"{', '.join(aligned)} stand(s) where the source has {entry.vi}")
        where = f" ({entry.origin})" if entry.origin else ""
        reason = "; ".join(parts) + f"; canonical: {entry.th}{where}"
        edits = [Edit(m.line, m.start, m.end, m.text, entry.th) for m in wrong]
        findings.append(Finding("term-variants", entity=entry.vi, variants=variants, suggestion=entry.th,
                                reason=reason, edits=edits, entity_kind=entry.kind))
    return findings


def _aligned_term_renderings(ctx: Context, mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Renderings of a source term on lines that lack its canonical form: spans of the Thai line that
    start with the canonical rendering's first word and end with its last (สภา ... จังหวัด)."""
    out: dict[int, list[Mention]] = defaultdict(list)
    # Spans already taken; a canonical rendering of a shorter term inside a candidate does not block it
    # (คณะกรรมการประชาชน inside คณะกรรมการประชาชนประจำจังหวัด).
    covered: dict[int, list[tuple[int, int, bool, Entry | None]]] = defaultdict(list)
    for m in mentions:
        covered[m.line].append((m.start, m.end, m.canonical and m.kind in TERM_KINDS, m.entry))
    for number, _vi_line in enumerate(ctx.source or [], start=1):
        view = ctx.views[number - 1]
        matches = ctx.source_matches(number)
        in_source = {id(m.entry) for m in matches}
        wanted = Counter(id(m.entry) for m in matches if m.entry.kind in TERM_KINDS)
        for match in matches:
            entry = match.entry
            known_variants = sum(1 for s, e, soft, other in covered[number] if other is entry and not soft)
            needed = wanted[id(entry)] - len(occurrences(thai.normalize(entry.th), view.text)) - known_variants
            if entry.kind not in TERM_KINDS or needed <= 0:
                continue
            wanted[id(entry)] = 0  # handled once per line
            for start, end in _head_tail_spans(entry.th, view.text):
                a, b = view.span(start, end)
                if any(a < e and s < b and not (a <= s and e <= b and id(other) not in in_source and soft)
                       for s, e, soft, other in covered[number]):
                    continue
                covered[number].append((a, b, False, entry))
                out[id(entry)].append(Mention(number, a, b, view.text[start:end], entry.kind, entry, False,
                                              "aligned"))
                needed -= 1
                if needed == 0:
                    break
    return out


def _head_tail_spans(canonical: str, text: str) -> list[tuple[int, int]]:
    words = _thai_words(canonical)
    if len(words) < 2 or len(words[0]) < 2 or len(words[-1]) < 3:
        return []
    head, tail = words[0], words[-1]
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        a = text.find(head, pos)
        if a < 0:
            return spans
        pos = a + 1
        if not cluster_start_ok(text, a):
            continue
        # The tail must follow within a span not much longer than the canonical form, with no space.
        b = text.find(tail, a + len(head) + 2, a + int(len(canonical) * 1.6))
        if b < 0 or " " in text[a:b]:
            continue
        end = b + len(tail)
        if cluster_end_ok(text, end):
            spans.append((a, end))
            pos = end


@lru_cache(maxsize=4096)
def _thai_words(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(w for w in word_tokenize(text, engine="newmm") if w.strip())



def key_term_mismatches(ctx: Context) -> list[Finding]:
    findings = []
    for number, _ in enumerate(ctx.source or [], start=1):
        matches = ctx.source_matches(number)
        if not matches:
            continue
        text = ctx.views[number - 1].text
        used: list[tuple[int, int]] = []
        missing: dict[int, list] = {}
        # Longest renderings first, so รองประธาน is taken before the ประธาน inside it.
        for match in sorted(matches, key=lambda m: -len(m.entry.th)):
            form = thai.normalize(match.entry.th)
            free = [o for o in occurrences(form, text) if not any(o[0] < e and s < o[1] for s, e in used)]
            if free:
                used.append(free[0])
            else:
                missing.setdefault(id(match.entry), []).append(match)
        for group in missing.values():
            entry = group[0].entry
            variants = [v for v in entry.th_variants if occurrences(thai.normalize(v), text)]
            reason = (f"the source line has {group[0].source}" + (f" ({len(group)}x)" if len(group) > 1 else "")
                      + f"; the Thai line lacks {entry.th}")
            if variants:
                reason += f" (it has {', '.join(variants)}, a known wrong rendering)"
            findings.append(Finding("key-term-mismatch", entity=entry.vi, text=group[0].source,
                                    suggestion=entry.th, reason=reason, extra_lines=[number]))
    return findings
