"""name-variants: mentions of people and places grouped into entities, one finding per entity written
more than one way (or otherwise than its glossary entry).

A glossary form belongs to its entry; with the source, a mention aligned with a name of its source line
belongs to that name; mentions with one phonetic key (:func:`vnthai_mt.names.phonetic.thai_key`) belong
together, unless that would join two entities already known to differ. Suggestion: glossary > rule
transcription of the source name > the most frequent rendering (first seen on a tie).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from vnthai_mt.glossary import Entry
from vnthai_mt.qa.findings import Edit, Finding, Variant
from vnthai_mt.qa.mentions import NAME_KINDS, Context, Mention
from vnthai_mt.qa.thai_names import name_keys
from vnthai_mt.text import vietnamese


class _Groups:
    """Union-find over rendering texts; a group may carry one identity (a glossary entry or a source
    name) and two groups with different identities are never joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.identity: dict[str, tuple[str, object]] = {}  # root -> ("entry", Entry) | ("source", vi)
        self.why: dict[str, set[str]] = defaultdict(set)

    def add(self, node: str) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: str) -> str:
        self.add(node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def label(self, node: str, identity: tuple[str, object], why: str) -> bool:
        root = self.find(node)
        current = self.identity.get(root)
        if current is not None and current != identity:
            return False
        self.identity[root] = identity
        self.why[root].add(why)
        return True

    def union(self, a: str, b: str, why: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ia, ib = self.identity.get(ra), self.identity.get(rb)
        if ia is not None and ib is not None and ia != ib:
            return False
        self.parent[rb] = ra
        if ia is None and ib is not None:
            self.identity[ra] = ib
        self.why[ra] |= self.why.pop(rb, set()) | {why}
        return True


def _source_names(ctx: Context, number: int) -> list[tuple[str, str, str, Entry | None]]:
    """(kind, Vietnamese name, expected Thai, glossary entry) for the names of one source line."""
    from vnthai_mt.names.detect import find_names
    from vnthai_mt.names.translit import transcribe

    vi_line = ctx.source[number - 1] if ctx.source else ""
    out = []
    matches = ctx.source_matches(number)
    for match in matches:
        if match.kind in NAME_KINDS:
            out.append((match.start, match.kind, match.entry.vi, match.entry.th, match.entry))
    # Names the glossary does not cover (find_names could drop them itself, but builds a matcher per call).
    for span in find_names(vi_line):
        if any(span.start < m.end and m.start < span.end for m in matches):
            continue
        if span.kind in NAME_KINDS and span.vietnamese:
            vi = vietnamese.normalize(span.text)
            out.append((span.start, span.kind, vi, transcribe(vi, kind=span.kind).thai, None))
    out.sort(key=lambda item: item[0])
    return [(kind, vi, th, entry) for _, kind, vi, th, entry in out]


def name_variants(ctx: Context, mentions: list[Mention]) -> list[Finding]:
    groups = _Groups()
    node = {id(m): f"{m.kind}\t{m.text}" for m in mentions}
    # 1. Glossary forms belong to their entry.
    for m in mentions:
        groups.add(node[id(m)])
        if m.entry is not None:
            groups.label(node[id(m)], ("entry", m.entry), "glossary forms")
    # 2. With the source: a mention aligned with a name of its source line belongs to that name.
    source_th: dict[str, str] = {}  # source name -> expected Thai
    if ctx.source is not None:
        by_line: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_line[m.line].append(m)
        for number, line_mentions in by_line.items():
            _align_line(ctx, groups, node, number, line_mentions, source_th)
    # 3. Same key: the same name spelled differently (the syllable key, name_key); a key that one
    # glossary entry has too (any of name_keys: the plain phonetic key also finds the glossary form of a
    # spelling the syllable inventory does not split). The plain key of joined text is too coarse to join
    # two document spellings by itself (และทหาร and เลถั่น share it), so it only labels.
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    labels: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in mentions:
        keys = name_keys(m.text)
        if keys and node[id(m)] not in by_key[(m.kind, keys[0])]:
            by_key[(m.kind, keys[0])].append(node[id(m)])
        for k in keys:
            if node[id(m)] not in labels[(m.kind, k)]:
                labels[(m.kind, k)].append(node[id(m)])
    for (_kind, key), nodes in by_key.items():
        if key:
            for other in nodes[1:]:
                groups.union(nodes[0], other, "phonetic key")
    for (kind, key), nodes in labels.items():
        entries = ctx.glossary_by_key(kind, key) if key else []
        if len(entries) == 1:
            for n in nodes:
                groups.label(n, ("entry", entries[0]), "phonetic key of the glossary form")
    # Groups that stand for one entity (one glossary entry, one source name) are one group.
    by_identity: dict[tuple[str, int], str] = {}
    for n in list(groups.parent):
        root = groups.find(n)
        identity = groups.identity.get(root)
        if identity is None:
            continue
        ident = (identity[0], id(identity[1]) if identity[0] == "entry" else hash(identity[1]))
        first = by_identity.setdefault(ident, root)
        if groups.find(first) != root:
            groups.union(first, root, "one entity")
    # 4. One finding per group that is inconsistent.
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        members[groups.find(node[id(m)])].append(m)
    findings = []
    for root, group in members.items():
        finding = _group_finding(groups.identity.get(root), group, groups.why[root], source_th, ctx.lines)
        if finding is not None:
            findings.append(finding)
    return findings


def _align_line(ctx, groups, node, number, line_mentions, source_th) -> None:
    if all(m.entry is not None for m in line_mentions):
        return  # glossary forms already know their entity
    names = _source_names(ctx, number)
    if not names:
        return
    unmatched_names = []
    linked: set[int] = set()
    for kind, vi, th, entry in names:
        identity = ("entry", entry) if entry is not None else ("source", vi)
        if entry is None:
            source_th[vi] = th
        want = set(name_keys(th))
        hit = next((m for m in line_mentions if id(m) not in linked and m.kind == kind
                    and (m.entry is entry if entry is not None and m.entry is not None
                         else bool(want.intersection(name_keys(m.text))))), None)
        if hit is None:
            unmatched_names.append((kind, vi, identity))
            continue
        linked.add(id(hit))
        if hit.entry is None:
            groups.label(node[id(hit)], identity, "alignment with the source")
    # What is left is paired in order, kind by kind, when the counts agree.
    for kind in NAME_KINDS:
        left_names = [n for n in unmatched_names if n[0] == kind]
        left_mentions = [m for m in line_mentions if id(m) not in linked and m.kind == kind and m.entry is None]
        if left_names and len(left_names) == len(left_mentions):
            for (_, _vi, identity), m in zip(left_names, left_mentions):
                groups.label(node[id(m)], identity, "alignment with the source")


def _in_context(line: str, m: Mention, suggestion: str) -> str:
    """The suggestion as it fits this mention: without a place word the line already has before it
    (นคร โฮจิมิน ห์ -> นคร โฮจิมินห์, not นคร นครโฮจิมินห์)."""
    from vnthai_mt.qa.thai_names import PLACE_TRIGGERS

    before = line[:m.start].rstrip()
    for word in PLACE_TRIGGERS:
        if suggestion.startswith(word) and len(suggestion) > len(word) and before.endswith(word) \
                and not m.text.startswith(word):
            return suggestion[len(word):].lstrip()
    return suggestion


def _group_finding(identity, group: list[Mention], why: set[str], source_th: dict[str, str],
                   lines: list[str]) -> Finding | None:
    counts = Counter(m.text for m in group)
    texts = list(dict.fromkeys(m.text for m in sorted(group, key=lambda m: (m.line, m.start))))
    kind = group[0].kind
    entry = identity[1] if identity and identity[0] == "entry" else None
    if entry is not None:
        suggestion = entry.th
        where = f" ({entry.origin})" if entry.origin else ""
        reason = f"glossary: {entry.vi} -> {entry.th}{where}"
        entity = entry.vi
        if all(t == suggestion for t in texts):
            return None
    else:
        if len(texts) < 2:
            return None
        if identity and identity[0] == "source":
            entity = str(identity[1])
            suggestion = source_th.get(entity) or counts.most_common(1)[0][0]
            reason = f"Royal Institute transcription of {entity} (the source name)"
        else:
            # A tie goes to a spaced form (the house style: ฝ่าม มินห์ จิ่ง, not ฝ่ามมินห์จิ่ง), then the first seen.
            top = max(texts, key=lambda t: (counts[t], " " in t))
            suggestion, entity = top, top
            reason = f"most frequent rendering ({counts[top]} of {len(group)} mentions)"
    if why:
        reason += "; grouped by " + ", ".join(sorted(why))
    variants = []
    for text in texts:
        spans = [m.span for m in group if m.text == text]
        variants.append(Variant(text, spans, "suggested" if text == suggestion else ""))
    edits = []
    for m in group:
        new = _in_context(lines[m.line - 1], m, suggestion)
        if m.text != new:
            edits.append(Edit(m.line, m.start, m.end, m.text, new))
    if not edits and entry is not None:
        return None
    return Finding("name-variants", entity=entity, variants=variants, suggestion=suggestion,
                   reason=f"{kind}; {reason}", edits=edits, entity_kind=kind)


