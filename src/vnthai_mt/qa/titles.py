"""Titles cut short: one person's title written in full on some mentions and without its rank word on others.

Machine translation drops a word of a title on some mentions of a person. In one real article
(``../shared/real-mt`` mt04) Tổng Bí thư Tô Lâm is เลขาธิการใหญ่ โต ลัม three times and เลขาธิการโต ลัม
once: without ใหญ่, "General Secretary" became "Secretary", the title of another rank. ``cut_titles``
finds these from the mentions alone (no source needed):

1. for each person mention, the *title phrase* before it: from the start of a glossary title found right
   before the name (``เลขาธิการ``) to the name, with the words between (``เลขาธิการใหญ่``);
2. mentions of one person are grouped by glossary entry or phonetic key (โต ลัม = โตลัม);
3. a phrase that is another phrase of the same person with its rank word missing (the missing part
   starts with a word of ``data/title_modifiers.tsv``, at a word edge) is that title cut short;
4. a title with no name after it (ท่านเลขาธิการใหญ่ได้กล่าว ... คำแนะนำของเลขาธิการ) is cut short when
   the document writes it with one rank word elsewhere, no other title of the document starts with it
   (no เลขาธิการคณะกรรมการพรรคจังหวัด beside เลขาธิการใหญ่) and no named person bears it as a whole
   title (เลขาธิการ เหงียน วัน เนน, never with ใหญ่).

``compressed_titles`` finds the other way MT shortens a title: the middle words left out of a title the
document also writes in full. รองเลขาธิการจังหวัด beside รองเลขาธิการคณะกรรมการพรรคประจำจังหวัด
(Phó Bí thư Tỉnh ủy, คณะกรรมการพรรคประจำ dropped) is a wrong rendering of that entry: the first and last
words of one of its glossary forms, in order, with one run of middle words missing, the last word a
place unit (the titles of provinces and cities).

The finding is a ``term-variants`` one: the suggestion is the fuller phrase, or the glossary's
canonical form when the fuller phrase is a rendering the glossary lists as wrong (เลขาธิการทั่วไป →
เลขาธิการใหญ่พรรค); only the cut-short mentions get edits. A title shortened by other words
(ประธาน for ประธานคณะกรรมการประชาชนจังหวัด) is left alone: Vietnamese news does that itself.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources

from vnthai_mt.glossary import Entry
from vnthai_mt.qa.findings import Edit, Finding, Span, Variant
from vnthai_mt.qa.mentions import Context, Mention
from vnthai_mt.qa.thai_names import PLACE_TRIGGERS, name_keys
from vnthai_mt.text import thai
from vnthai_mt.text.thai.clusters import cluster_end_ok, cluster_start_ok
from vnthai_mt.text.thai.segment import word_edges

_MAX_BETWEEN = 16  # characters of words between a glossary title and the name


@cache
def rank_words() -> tuple[str, ...]:
    """The rank words of ``data/title_modifiers.tsv``, longest first."""
    text = resources.files("vnthai_mt.qa").joinpath("data", "title_modifiers.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t")[0] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(sorted({thai.normalize(w) for w in rows[1:]}, key=len, reverse=True))


def cut_titles(ctx: Context, titles: list[Mention], persons: list[Mention]) -> list[Finding]:
    phrases: dict[int, list[tuple[str, Span, Mention]]] = defaultdict(list)  # person -> (phrase, span, title)
    for person, who in zip(persons, _person_groups(persons)):
        found = _title_phrase(ctx, titles, person)
        if found is not None:
            phrases[who].append(found)
    # A bare title some person bears with no fuller form anywhere is that person's own title.
    own = {p for group in phrases.values() for p, _, _ in group
           if not any(_cut_short(p, q) for q, _, _ in group)}
    findings = _standalone(ctx, titles, persons, own)
    for group in phrases.values():
        texts = {p for p, _, _ in group}
        for short in sorted(texts):
            longer = sorted((t for t in texts if _cut_short(short, t)), key=lambda t: (len(t), t))
            if not longer:
                continue
            full = longer[0]
            title = next(m for p, _, m in group if p == full)
            findings.append(_finding(ctx, group, short, full, title.entry))
    return findings


def _standalone(ctx: Context, titles: list[Mention], persons: list[Mention], own: set[str]) -> list[Finding]:
    """Step 4: titles without a name after them, cut short of the one fuller form the document uses
    (``own``: title phrases that are some named person's whole title, never taken for cut short)."""
    named = {(t.line, t.start) for t in titles for p in persons
             if t.line == p.line and t.end <= p.start <= t.end + _MAX_BETWEEN}
    findings = []
    for short in sorted({t.text for t in titles} - own):
        longer = {t.text for t in titles if t.text != short and t.text.startswith(short)}
        fuller: dict[str, list[Span]] = defaultdict(list)
        entries: dict[str, Entry | None] = {}
        bare: list[Span] = []
        for t in titles:
            if t.text in longer and _cut_short(short, t.text):  # a glossary form of its own (เลขาธิการทั่วไป)
                fuller[t.text].append(t.span)
                entries[t.text] = t.entry
            if t.text != short:
                continue
            line = ctx.lines[t.line - 1]
            word = next((w for w in rank_words() if line.startswith(w, t.end)), None)
            if word is not None:
                end = t.end + len(word)
                fuller[short + word].append(Span(t.line, t.start, end, short + word))
            elif (t.line, t.start) not in named:
                bare.append(t.span)
        if len(fuller) != 1 or not bare or longer - set(fuller):
            continue  # no fuller form, several, or another title that starts the same way: ambiguous
        (full, kept), = fuller.items()
        entry = entries.get(full) or _entry_for(ctx, full)
        group = [(full, s, None) for s in kept] + [(short, s, None) for s in bare]
        findings.append(_finding(ctx, group, short, full, entry, standalone=True))
    return findings


def _person_groups(persons: list[Mention]) -> list[int]:
    """A group number per person mention: one per glossary entry or shared phonetic key."""
    parent = list(range(len(persons)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[object, int] = {}
    for i, m in enumerate(persons):
        for key in ([("entry", id(m.entry))] if m.entry is not None else []) + [("key", k) for k in name_keys(m.text)]:
            if key in seen:
                parent[root(i)] = root(seen[key])
            else:
                seen[key] = i
    return [root(i) for i in range(len(persons))]


def _title_phrase(ctx: Context, titles: list[Mention], person: Mention) -> tuple[str, Span, Mention] | None:
    """The title phrase right before ``person`` (a glossary title plus the Thai words up to the name)."""
    line = ctx.lines[person.line - 1]
    before = [t for t in titles if t.line == person.line and t.end <= person.start
              and person.start - t.end <= _MAX_BETWEEN]
    if not before:
        return None
    title = max(before, key=lambda t: t.end)
    between = line[title.end:person.start]
    words = between.rstrip()
    if words and (not all(thai.is_thai(c) for c in words) or between[:1].isspace()):
        return None  # punctuation, digits or a space between: not one title phrase
    end = title.end + len(words)
    phrase = thai.normalize(line[title.start:end])
    return phrase, Span(person.line, title.start, end, phrase), title


def _cut_short(short: str, full: str) -> bool:
    """``full`` is ``short`` and a rank word (and at most one word more), cut at a word edge."""
    if not full.startswith(short) or full == short:
        return False
    rest = full[len(short):]
    if len(short) not in word_edges(full):
        return False
    word = next((w for w in rank_words() if rest.startswith(w)), None)
    if word is None:
        return False
    inner = {e for e in word_edges(rest) if 0 < e < len(rest)}
    return len(inner - {len(word)}) == 0  # the rank word, and at most one word after it


def _finding(ctx: Context, group, short: str, full: str, entry: Entry | None, *, standalone: bool = False) -> Finding:
    wrong = entry is not None and full in {thai.normalize(v) for v in entry.th_variants}
    target = entry if wrong or standalone else _entry_for(ctx, full)
    suggestion = entry.th if wrong and entry is not None else full
    cut = [span for p, span, _ in group if p == short]
    kept = [span for p, span, _ in group if p == full]
    name = target.vi if target is not None else full
    who = "the title with no name after it" if standalone else "the same person's title"
    reason = (f"{who} is {full} on {len(kept)} mention(s) and {short} on {len(cut)}: "
              f"{full[len(short):]} (a rank word) was dropped")
    variants = [Variant(full, kept, "canonical" if target is not None and full == target.th else ""),
                Variant(short, cut)]
    edits = [Edit(s.line, s.start, s.end, s.text, suggestion) for s in cut]
    return Finding("term-variants", entity=name, variants=variants, suggestion=suggestion, reason=reason,
                   edits=edits, entity_kind="title")


def _entry_for(ctx: Context, phrase: str) -> Entry | None:
    """The title entry whose canonical form is ``phrase`` or starts with it (เลขาธิการใหญ่ → Tổng Bí thư)."""
    hits = [e for e in ctx.glossary.entries if e.kind == "title" and thai.normalize(e.th).startswith(phrase)]
    return min(hits, key=lambda e: len(e.th)) if hits else None


def compressed_titles(ctx: Context, mentions: list[Mention]) -> list[Finding]:
    """Titles of the document with a run of middle words left out (see the module docstring)."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        if m.kind != "place":  # จังหวัด of รองเลขาธิการจังหวัด may begin จังหวัดห่าซาง: the place stays whole
            taken[m.line].append((m.start, m.end))
    entries = {id(m.entry): m.entry for m in mentions if m.kind == "title" and m.entry is not None}
    findings = []
    for entry in entries.values():
        spans: list[Span] = []
        for short in _compressions(entry):
            for number, view in enumerate(ctx.views, start=1):
                at = view.text.find(short)
                while at >= 0:
                    a, b = view.span(at, at + len(short))
                    # A shorter title inside it (รองเลขาธิการ) does not block it; any other overlap does,
                    # and so does a glossary form spanning exactly these letters (another entry's own).
                    free = not any(s < b and a < e and not (a <= s and e <= b and (s, e) != (a, b))
                                   for s, e in taken[number])
                    if free and cluster_start_ok(view.text, at) and cluster_end_ok(view.text, at + len(short)):
                        spans.append(Span(number, a, b, short))
                        taken[number].append((a, b))
                    at = view.text.find(short, at + 1)
        if not spans:
            continue
        texts = dict.fromkeys(s.text for s in spans)
        variants = [Variant(text, [s for s in spans if s.text == text]) for text in texts]
        reason = (f"{', '.join(v.text for v in variants)}: {entry.th} with its middle words left out; "
                  f"the document writes {entry.vi} in full elsewhere")
        findings.append(Finding("term-variants", entity=entry.vi, variants=variants, suggestion=entry.th,
                                reason=reason, edits=[Edit(s.line, s.start, s.end, s.text, entry.th) for s in spans],
                                entity_kind="title"))
    return findings


def _compressions(entry: Entry) -> list[str]:
    """The entry's forms with one run of middle words left out, keeping a front of 6 letters at least
    (รองเลขาธิการ, not รอง) and a last word that is a place unit (จังหวัด, นคร ...): the titles of a
    province or city. Other shortenings are ordinary phrases too (สมาชิกพรรค, "party member", is not
    สมาชิกคณะกรรมการกลางพรรค cut short)."""
    from vnthai_mt.qa.terms import _thai_words

    out: set[str] = set()
    forms = {thai.normalize(f) for f in (entry.th, *entry.th_variants)}
    for form in forms:
        words = _thai_words(form)
        for i in range(1, len(words) - 1):
            if len("".join(words[:i])) < 6:
                continue
            for j in range(i + 1, len(words)):
                if "".join(words[j:]) not in PLACE_TRIGGERS:
                    continue
                short = "".join(words[:i]) + "".join(words[j:])
                if short not in forms:
                    out.add(short)
    return sorted(out, key=len, reverse=True)
