"""The editors' consistency check: every inconsistent rendering in a Thai document, with a suggestion.

``check_lines`` runs on Thai lines alone or with the line-aligned Vietnamese source and returns
:class:`~vnthai_mt.qa.findings.CheckResult`. Mentions (:mod:`mentions`) are the glossary forms found
in the Thai text (:mod:`thai_match`) and the name-like spans (:mod:`thai_names`). The findings:

name-variants
    :mod:`entities`: mentions of people and places grouped into entities (glossary, source alignment,
    phonetic key); an entity written more than one way, or otherwise than its glossary entry.
term-variants, key-term-mismatch (the latter with the source)
    :mod:`terms`: glossary terms in a wrong rendering; source terms missing from the aligned line.
    :mod:`titles`: a person's title written without its rank word on some mentions.
latin-leftover
    :mod:`latin`: Vietnamese left in Latin script, with the glossary's, the document's or the rule's Thai.
era-mix
    :mod:`years`: Buddhist- and Common-era years in one document (or any year not in ``--era``).
number-mismatch (with the source)
    :mod:`numbers`: numbers without a partner after locale conversion (6,3% = 6.3%).
boilerplate, garbage
    :mod:`boilerplate`, :mod:`garbage`: page furniture and broken output, line by line.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from vnthai_mt.glossary import Glossary, Matcher
from vnthai_mt.names.phonetic import latin_to_thai_candidates
from vnthai_mt.qa import boilerplate, garbage, latin, numbers, years
from vnthai_mt.qa.entities import name_variants
from vnthai_mt.qa.findings import KINDS, CheckResult, Edit, Finding, Span, Variant
from vnthai_mt.qa.mentions import NAME_KINDS, TERM_KINDS, Context, Mention, collect_mentions, overlaps
from vnthai_mt.qa.terms import key_term_mismatches, term_variants
from vnthai_mt.qa.thai_match import ThaiFormIndex, thai_view
from vnthai_mt.qa.thai_names import name_keys
from vnthai_mt.qa.titles import compressed_titles, cut_titles
from vnthai_mt.text import vietnamese


def check_lines(
    lines: list[str],
    glossary: Glossary,
    *,
    source: list[str] | None = None,
    era: str | None = None,
    file: str = "<text>",
    source_file: str | None = None,
) -> CheckResult:
    if source is not None and len(source) != len(lines):
        raise ValueError("source and Thai must have the same number of lines")
    ctx = Context(glossary, lines, [thai_view(line) for line in lines], source, Matcher(glossary),
                  ThaiFormIndex(glossary))
    mentions = collect_mentions(ctx)
    # A glossary form with Latin letters in it (จังหวัด Nam Dinh) is a Latin leftover first of all.
    latin_forms = [m for m in mentions if m.entry is not None and latin.LATIN_RUN.search(m.text)]
    mentions = [m for m in mentions if not (m.entry is not None and latin.LATIN_RUN.search(m.text))]
    findings: list[Finding] = []
    findings += name_variants(ctx, [m for m in mentions if m.kind in NAME_KINDS])
    findings += term_variants(ctx, [m for m in mentions if m.kind in TERM_KINDS])
    _merge_terms(findings, cut_titles(ctx, [m for m in mentions if m.kind == "title"],
                                      [m for m in mentions if m.kind == "person"]))
    _merge_terms(findings, compressed_titles(ctx, mentions))
    findings += _latin_leftovers(ctx, mentions, latin_forms)
    findings += _era_mix(ctx, era)
    if source is not None:
        findings += key_term_mismatches(ctx)
        findings += _number_mismatches(ctx)
    findings += _boilerplate(ctx)
    findings += _garbage(ctx)
    order = {kind: i for i, kind in enumerate(KINDS)}
    findings.sort(key=lambda f: (order[f.kind], f.lines[:1] or [0], f.entity))
    return CheckResult(file, list(lines), findings, source_file, list(glossary.sources))


def _merge_terms(findings: list[Finding], extra: list[Finding]) -> None:
    """Add ``extra`` term-variants findings, each into the finding of the same entity where there is one."""
    by_entity = {f.entity: f for f in findings if f.kind == "term-variants"}
    for new in extra:
        old = by_entity.get(new.entity)
        if old is None:
            findings.append(new)
            by_entity[new.entity] = new
            continue
        have = {(s.line, s.start) for s in old.all_spans}
        for variant in new.variants:
            spans = [s for s in variant.spans if (s.line, s.start) not in have]
            same = next((v for v in old.variants if v.text == variant.text), None)
            if same is not None:
                same.spans = sorted([*same.spans, *spans], key=lambda s: (s.line, s.start))
            elif spans:
                old.variants.append(Variant(variant.text, spans, variant.note))
        # One finding, one suggestion: the cut-short titles go to what the finding already suggests.
        old.edits += [Edit(e.line, e.start, e.end, e.old, old.suggestion or e.new) for e in new.edits
                      if (e.line, e.start) not in have]
        old.reason += "; " + new.reason


# --- Latin leftovers ---------------------------------------------------------------------------------------


def _latin_leftovers(ctx: Context, mentions: list[Mention], latin_forms: list[Mention]) -> list[Finding]:
    doc_forms: dict[str, Counter] = defaultdict(Counter)  # phonetic key -> Thai forms in the document
    for m in mentions:
        if m.kind in NAME_KINDS:
            for key in name_keys(m.text):
                doc_forms[key][m.text] += 1
    glossary_forms: dict[int, list[Mention]] = defaultdict(list)
    for m in latin_forms:
        glossary_forms[m.line].append(m)
    # text shown -> [(line, leftover whose span the fix replaces)]
    by_text: dict[str, list[tuple[int, latin.Leftover]]] = defaultdict(list)
    for number, line in enumerate(ctx.lines, start=1):
        if not any("A" <= ch <= "z" or "\u00c0" <= ch <= "\u1eff" for ch in line):
            continue
        taken = sorted(glossary_forms.get(number, []), key=lambda m: m.start)
        taken_ends = [m.end for m in taken]
        for m in taken:
            shown = " ".join(r.group() for r in latin.LATIN_RUN.finditer(line[m.start:m.end]))
            by_text[vietnamese.normalize(shown)].append(
                (number, latin.Leftover(m.start, m.end, line[m.start:m.end], m.entry, m.kind)))
        for left in latin.find_leftovers(line, ctx.matcher):
            if not overlaps(taken, taken_ends, left.start, left.end):
                by_text[vietnamese.normalize(left.text)].append((number, _join_place_word(line, left)))
    findings = []
    for text, occurrences in by_text.items():
        left = occurrences[0][1]
        suggestion, reason = _leftover_suggestion(left, text, doc_forms, ctx.glossary)
        spans = [Span(n, o.start, o.end, o.text) for n, o in occurrences]
        edits = []
        for n, o in occurrences:
            new = o.entry.th if o.entry is not None else suggestion
            if new:
                edits.append(Edit(n, o.start, o.end, o.text, new))
        findings.append(Finding("latin-leftover", entity=left.entry.vi if left.entry else text, text=text,
                                suggestion=suggestion, reason=reason, spans=spans, edits=edits))
    return findings


def _join_place_word(line: str, left: latin.Leftover) -> latin.Leftover:
    """Thai writes a place name joined to its place word (จังหวัดนามดิ่ญ): the span of a leftover right
    after จังหวัด + one space takes that space, so the fix does not leave จังหวัด นามดิ่ญ."""
    start = left.start
    if start >= 2 and line[start - 1] == " " and "\u0e01" <= line[start - 2] <= "\u0e4e" \
            and latin.guess_kind(line, start) == "place" and (left.entry is None or left.entry.kind == "place"):
        return latin.Leftover(start - 1, left.end, line[start - 1:left.end], left.entry, "place")
    return left


def _leftover_suggestion(left: latin.Leftover, text: str, doc_forms, glossary) -> tuple[str | None, str]:
    if left.entry is not None:
        where = f" ({left.entry.origin})" if left.entry.origin else ""
        return left.entry.th, f"Vietnamese in Latin script; glossary: {left.entry.vi} -> {left.entry.th}{where}"
    kinds = (left.kind,) if left.kind in NAME_KINDS else (None,)
    candidates = []
    for kind in kinds:
        candidates += latin_to_thai_candidates(text, None, kind)
    for cand in candidates:
        forms = next((doc_forms[k] for k in name_keys(cand.thai) if k in doc_forms), None)
        if forms:
            form = forms.most_common(1)[0][0]
            return form, (f"Vietnamese in Latin script; the document writes {form} elsewhere "
                          f"(same sound as the transcription of {cand.vi or text})")
    if candidates:
        cand = candidates[0]
        low = "" if vietnamese.has_diacritics(text) else " (no diacritics in the text: tones guessed)"
        return cand.thai, f"Vietnamese in Latin script; {cand.source} transcription of {cand.vi or text}{low}"
    return None, "Vietnamese in Latin script"


# --- years -------------------------------------------------------------------------------------------------


def _era_mix(ctx: Context, era: str | None) -> list[Finding]:
    found = [(n, y) for n, line in enumerate(ctx.lines, start=1) for y in years.find_years(line)]
    if not found:
        return []
    counts = Counter(y.era for _, y in found)
    if era is None:
        if len(counts) < 2:
            return []
        target = years.BE if counts[years.BE] >= counts[years.CE] else years.CE
        why = (f"{counts[years.BE]} year(s) in the Buddhist era and {counts[years.CE]} in the Common era; "
               f"the majority is the {years.ERA_NAMES[target]}")
    else:
        target = era
        if counts.get(target, 0) == len(found):
            return []
        why = f"--era {era}: every year should be in the {years.ERA_NAMES[target]}"
    by_text: dict[tuple[str, str], list[Span]] = defaultdict(list)
    edits = []
    for n, y in found:
        by_text[(y.text, y.era)].append(Span(n, y.start, y.end, y.text))
        if y.era != target:
            edits.append(Edit(n, y.start, y.end, y.text, y.converted(target)))
    variants = [Variant(text, spans, years.ERA_NAMES[e]) for (text, e), spans in by_text.items()]
    variants.sort(key=lambda v: (v.note != years.ERA_NAMES[target], v.spans[0].line))
    examples = ", ".join(dict.fromkeys(f"{e.old} -> {e.new}" for e in edits[:3]))
    suggestion = f"{years.ERA_NAMES[target]}: {examples}"
    return [Finding("era-mix", entity="years", variants=variants, suggestion=suggestion, reason=why, edits=edits)]


# --- with the source ---------------------------------------------------------------------------------------


def _number_mismatches(ctx: Context) -> list[Finding]:
    findings = []
    for number, (vi_line, th_line) in enumerate(zip(ctx.source or [], ctx.lines), start=1):
        vi_numbers = numbers.vietnamese_numbers(vi_line)
        th_numbers = numbers.thai_numbers(th_line)
        if not vi_numbers and not th_numbers:
            continue
        missing, extra = numbers.unmatched(vi_numbers, th_numbers)
        if not missing and not extra:
            continue
        parts = []
        if missing:
            parts.append("in the source but not in the Thai line: " + ", ".join(n.text for n in missing))
        if extra:
            parts.append("in the Thai line but not in the source: " + ", ".join(n.text for n in extra))
        spans = [Span(number, n.start, n.end, th_line[n.start:n.end]) for n in extra]
        findings.append(Finding("number-mismatch", entity="numbers",
                                text=", ".join(n.text for n in missing) or ", ".join(n.text for n in extra),
                                reason="; ".join(parts), spans=spans, extra_lines=[number]))
    return findings


# --- line-level detectors ----------------------------------------------------------------------------------


def _boilerplate(ctx: Context) -> list[Finding]:
    findings = []
    for number, line in enumerate(ctx.lines, start=1):
        what = boilerplate.thai_boilerplate(line)
        if what is None and ctx.source is not None and line.strip():
            what = boilerplate.source_boilerplate(ctx.source[number - 1])
        if what is None:
            continue
        text = line.strip()
        start = line.index(text)
        findings.append(Finding("boilerplate", entity="page furniture", text=text,
                                reason=f"page furniture translated as text ({what}); remove it",
                                spans=[Span(number, start, start + len(text), text)]))
    return findings


def _garbage(ctx: Context) -> list[Finding]:
    findings = []
    for number, line in enumerate(ctx.lines, start=1):
        for start, end, why in garbage.find_garbage(line):
            text = line[start:end]
            findings.append(Finding("garbage", entity="broken output", text=text, reason=why,
                                    spans=[Span(number, start, end, text)]))
    return findings
