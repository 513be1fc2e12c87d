"""Score the editors' ``check`` and ``fix`` against hand-annotated real Thai documents; write JSON.

Input: a folder of ``NAME.th.txt`` (the Thai text, one paragraph a line) + ``NAME.key.json`` (the hand
reading) [+ ``NAME.vi.txt``, line-aligned source, used only with ``--with-source``], as in
``real-mt/``. The key lists ``clusters`` (one entity written more than one way in that text: ``entity``,
``kind``, the exact ``variants``; ``alias`` for another name of one person), ``latin_leftovers``,
``era_mix`` and ``do_not_merge`` (pairs of sides, each side ``"form / form (gloss)"``).

Check and fix run through the Python API (``check_lines``; ``fix_lines``, what ``vnthai-mt fix`` runs) with the
shipped glossaries, Thai text alone unless ``--with-source``. Definitions (texts compared after
``thai.normalize``; Latin texts compared folded, without diacritics and case):

groups
    What the check says belongs together: the variant texts of each name-variants / term-variants
    finding with its suggestion, and each latin-leftover finding's text with its suggestion; groups
    sharing a text are one (a Thai form and a Latin form fixed to one glossary form are one group).
cluster found
    Some group holds at least two of the cluster's variants. Recall = found / clusters, by kind.
variants covered
    For each cluster, the most of its variants one group holds (0 or 1 when not found counts as 0);
    summed over clusters, divided by the sum of the variants.
false merges
    A group holding variants of two different key clusters (``alias`` clusters excepted within their
    own entity), or forms of both sides of a ``do_not_merge`` pair.
false findings
    A name-variants / term-variants finding whose group matches no key cluster and has two or more
    texts; a latin-leftover finding whose text is neither a key ``latin_leftovers`` item nor a cluster
    variant. Findings about one text differing from its glossary form only (a policy the key does not
    judge) are counted apart as ``glossary_only``. Precision = true / (true + false) over these kinds.
written one way after fix
    For a cluster, the forms it has after ``fix``: its variants and the replacements of the edits that
    rewrote one of its variants, counted in the fixed text longest first (a form inside a longer one
    found there is not counted again). Unified when exactly one form is left.
corrupting edit
    An applied edit that (a) lies strictly inside an occurrence of a longer person or place variant of
    the key, or of a longer glossary Thai form, on its line (it rewrote part of a name or term it did not
    match; org and title variants are compounds of words, where rewriting one whole word is allowed), (b) rewrites
    a number joined by a dash to another number when the partner is not rewritten (half a year range),
    (c) creates an immediate repetition of four or more letters (``แห่งชาติแห่งชาติ``) that the line did
    not have, or (d) rewrites a variant of a cluster so that the cluster has more forms after fix than
    before (person and place clusters only: a title's bare word also occurs inside other titles, so
    counting its forms by text would blame fix for those). Idempotence: documents where fix applied to the
    fixed text changes it again.

suspect edit
    An applied name-variants or latin-leftover edit whose old Thai text splits (PyThaiNLP newmm) into
    dictionary words only, and is neither a key variant nor a glossary form: a Thai phrase rewritten as a name
    (และทหาร -> เล แถ่ง). Reported beside the corrupting edits; a name that happens to be written
    in Thai words can land here too, so read the list.

With ``--ntrex FILE`` the check also runs over a human Thai reference (one document of many lines, as
``scripts/bench_check.py`` runs it); any name-variants, term-variants or latin-leftover finding there is
false (human news, mostly not Vietnamese: no MT variants to find); the other kinds are counted apart.

    python scripts/eval_check.py /work/shared/real-mt --ntrex \
        src/vnthai_mt/data/refsets/ntrex128/newstest2019-ref.tha.txt --json eval/examples/measurements/x.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa.consistency import check_lines
from vnthai_mt.qa.document import read_document, read_source

try:
    from vnthai_mt.qa.fix import fix_lines
except ImportError:  # an older vnthai_mt (to measure a baseline): one round of check + apply
    from vnthai_mt.qa.fix import apply_edits, planned_edits

    def fix_lines(lines, glossary, *, source=None, **_):
        result = check_lines(lines, glossary, source=source)
        return result, apply_edits(lines, planned_edits(result))
from vnthai_mt.qa.thai_names import PLACE_TRIGGERS
from vnthai_mt.text import thai, vietnamese

NAME_KINDS = ("person", "place")
_LATIN = re.compile("[A-Za-zÀ-ɏḀ-ỿ]")
_RANGE = re.compile(r"\d+\s*[-–]\s*\d+")


def norm(text: str) -> str:
    """Comparison form: Thai normalized; Latin folded (no diacritics, lower case, single spaces)."""
    text = " ".join(text.split())
    if _LATIN.search(text):
        return vietnamese.fold(text).lower()
    return thai.normalize(text)


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)

    def groups(self) -> list[set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for x in self.parent:
            out[self.find(x)].add(x)
        return list(out.values())


def _name_part(text: str) -> str:
    """A mention without the place word it starts with (นครโฮจิมินห์ -> โฮจิมินห์): keys list the name."""
    for word in PLACE_TRIGGERS:
        if text.startswith(word) and len(text) > len(word) + 1:
            return text[len(word):].lstrip()
    return text


def _finding_texts(f) -> list[str]:
    suggested = [norm(f.suggestion)] if f.suggestion else []
    if f.kind == "name-variants":
        return [_name_part(norm(v.text)) for v in f.variants] + [_name_part(t) for t in suggested]
    if f.kind == "term-variants":
        return [norm(v.text) for v in f.variants] + suggested
    if f.kind == "latin-leftover":
        return [norm(f.text or "")] + ([norm(f.suggestion)] if f.suggestion else [])
    return []


def _groups(result) -> tuple[list[set[str]], dict[int, str]]:
    """Groups of texts, and for each relevant finding (by index) one text to find its group by."""
    u = _Union()
    first: dict[int, str] = {}
    for i, f in enumerate(result.findings):
        texts = _finding_texts(f)
        if not texts:
            continue
        first[i] = texts[0]
        for t in texts:
            u.find(t)
        for t in texts[1:]:
            u.union(texts[0], t)
    return u.groups(), first


def _sides(pair: list[str]) -> list[set[str]]:
    out = []
    for side in pair:
        side = re.sub(r"\([^)]*\)", "", side)
        out.append({norm(s) for s in side.split(" / ") if s.strip()})
    return out


def _count_forms(lines: list[str], forms: set[str]) -> dict[str, int]:
    """Occurrences of each form in the lines, longest form first, a found occurrence masked."""
    counts = dict.fromkeys(forms, 0)
    for line in lines:
        masked = norm(line) if not _LATIN.search(line) else line
        for form in sorted(forms, key=len, reverse=True):
            if _LATIN.search(form):
                hay = vietnamese.fold(masked).lower()
                n = hay.count(form)
                counts[form] += n
                if n:
                    # mask in the original by position of the folded text (same length when folded)
                    masked = _mask_folded(masked, form)
            else:
                n = masked.count(form)
                counts[form] += n
                masked = masked.replace(form, "\0" * len(form))
    return counts


def _occurrences(line: str, forms: set[str]) -> list[tuple[int, int]]:
    """Spans of the forms in a line (Thai forms on the normalized line, Latin ones folded), longest first,
    an occurrence inside one already found skipped. Offsets index the line when normalizing kept its
    length (real MT lines do); otherwise the line is skipped."""
    thai_line = thai.normalize(line)
    folded = vietnamese.fold(line).lower()
    spans: list[tuple[int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        hay = folded if _LATIN.search(form) else thai_line
        if len(hay) != len(line):
            continue
        pos = hay.find(form)
        while pos >= 0:
            a, b = pos, pos + len(form)
            if not any(x < b and a < y for x, y in spans):
                spans.append((a, b))
            pos = hay.find(form, pos + 1)
    return spans


def _forms_before_after(lines: list[str], applied, forms: set[str]) -> tuple[set[str], set[str]]:
    """The cluster's forms in the text, and what each occurrence reads after the applied edits."""
    by_line = defaultdict(list)
    for e in applied:
        by_line[e.line].append(e)
    before, after = set(), set()
    for number, line in enumerate(lines, start=1):
        for a, b in _occurrences(line, forms):
            before.add(norm(line[a:b]))
            edits = [e for e in by_line.get(number, []) if e.start < b and a < e.end]
            lo = min([a] + [e.start for e in edits])
            hi = max([b] + [e.end for e in edits])
            piece = line[lo:hi]
            for e in sorted(edits, key=lambda e: e.start, reverse=True):
                piece = piece[:e.start - lo] + e.new + piece[e.end - lo:]
            after.add(norm(piece))
    return before, after


def _mask_folded(text: str, form: str) -> str:
    folded = vietnamese.fold(text).lower()
    if len(folded) != len(text):
        return text
    out = list(text)
    pos = folded.find(form)
    while pos >= 0:
        out[pos:pos + len(form)] = "\0" * len(form)
        pos = folded.find(form, pos + len(form))
    return "".join(out)


def _thai_words_only(text: str) -> bool:
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize

    if _LATIN.search(text):
        return False
    words = [w for w in word_tokenize(text.replace(" ", ""), engine="newmm") if w.strip()]
    dictionary = thai_words()
    return bool(words) and all(w in dictionary for w in words)


def _glossary_forms(glossary) -> set[str]:
    forms = set()
    for entry in glossary.entries:
        for form in (entry.th, *entry.th_variants):
            if form and len(form) >= 3:
                forms.add(thai.normalize(form))
    return forms


def _corrupting(lines: list[str], applied, key_forms: set[str], gloss_forms_in_line) -> list[dict]:
    out = []
    by_line = defaultdict(list)
    for e in applied:
        by_line[e.line].append(e)
    for number, edits in by_line.items():
        line = lines[number - 1]
        starts = {(e.start, e.end) for e in edits}
        longer = [f for f in key_forms | gloss_forms_in_line(line) if f and not _LATIN.search(f)]
        for e in edits:
            why = None
            for form in longer:
                if len(form) <= e.end - e.start:
                    continue
                pos = line.find(form)
                while pos >= 0:
                    a, b = pos, pos + len(form)
                    if a <= e.start and e.end <= b and (a, b) != (e.start, e.end) and (a, b) not in starts:
                        why = f"inside the longer form {form!r}"
                        break
                    pos = line.find(form, pos + 1)
                if why:
                    break
            if why is None and re.fullmatch(r"[^\d]*\d+[^\d]*", e.old or ""):
                for m in _RANGE.finditer(line):
                    if m.start() <= e.start < m.end() or m.start() < e.end <= m.end():
                        partners = [x for x in edits if x is not e and m.start() <= x.start < m.end()]
                        if not partners:
                            why = f"half of the range {m.group()!r}"
                            break
            if why is None:
                new_line = line[:e.start] + e.new + line[e.end:]
                for m in re.finditer(r"([ก-๛]{4,})\1", new_line):
                    if m.group() not in line:
                        why = f"creates the repetition {m.group()!r}"
                        break
            if why:
                out.append({"line": number, "old": e.old, "new": e.new, "why": why})
    return out


def evaluate_document(name: str, th: list[str], key: dict, glossary, source: list[str] | None,
                      gloss_forms: set[str]) -> dict:
    result = check_lines(th, glossary, source=source, file=name)
    groups, first = _groups(result)
    clusters = key.get("clusters", [])
    variant_sets = [{norm(v) for v in c["variants"]} for c in clusters]

    out_clusters = []
    group_of_cluster: list[set[str] | None] = []
    for c, vs in zip(clusters, variant_sets):
        best = max(groups, key=lambda g: len(g & vs), default=set())
        held = len(best & vs)
        found = held >= 2
        group_of_cluster.append(best if found else None)
        out_clusters.append({"entity": c["entity"], "kind": c["kind"], "variants": c["variants"],
                             "found": found, "variants_covered": held if found else 0,
                             "group": sorted(best) if held else []})

    # False merges: a group with variants of two clusters, or both sides of a do_not_merge pair.
    false_merges = []
    for g in groups:
        hit = [i for i, vs in enumerate(variant_sets) if g & vs]
        entities = {clusters[i]["entity"] for i in hit}
        if len(entities) > 1:
            false_merges.append({"group": sorted(g), "entities": sorted(entities), "why": "two key clusters"})
        for pair in key.get("do_not_merge", []):
            a, b = _sides(pair)
            if g & a and g & b:
                false_merges.append({"group": sorted(g), "entities": pair, "why": "do_not_merge"})

    # Findings: true / false / glossary-only.
    leftovers = {norm(x) for x in key.get("latin_leftovers", [])} | set().union(*variant_sets)
    findings_out = []
    counts = defaultdict(int)
    for i, f in enumerate(result.findings):
        if i not in first:
            continue
        g = next(gr for gr in groups if first[i] in gr)
        matches_cluster = any(len(g & vs) >= 2 for vs in variant_sets)
        if f.kind == "latin-leftover":
            verdict = "true" if norm(f.text or "") in leftovers else "false"
        elif matches_cluster:
            verdict = "true"
        elif len(f.variants) < 2 and len(g - {_name_part(norm(f.suggestion or ""))}) < 2:
            verdict = "glossary_only"
        else:
            verdict = "false"
        counts[verdict] += 1
        findings_out.append({"kind": f.kind, "texts": sorted(set(_finding_texts(f))),
                             "suggestion": f.suggestion, "verdict": verdict})

    # Fix, and fix again.
    _, fixed = fix_lines(th, glossary, source=source)
    _, again = fix_lines(fixed.lines, glossary, source=source)
    idempotent = again.lines == fixed.lines

    unified = []
    forms_before_after = []
    for _cluster, vs in zip(clusters, variant_sets):
        before, after = _forms_before_after(th, fixed.applied, vs)
        unified.append(len(after) == 1)
        forms_before_after.append((len(before), len(after)))
    key_forms = set()
    for c, vs in zip(clusters, variant_sets):
        if c["kind"] in NAME_KINDS:
            key_forms |= vs

    def gloss_in_line(line: str) -> set[str]:
        nl = thai.normalize(line)
        return {f for f in gloss_forms if f in nl}

    corrupting = _corrupting(th, fixed.applied, key_forms, gloss_in_line)
    name_olds = {norm(v.text) for f in result.findings if f.kind == "name-variants" for v in f.variants}
    all_key = set().union(*variant_sets) if variant_sets else set()
    suspect = [{"line": e.line, "old": e.old, "new": e.new} for e in fixed.applied
               if norm(e.old) in name_olds and norm(e.old) not in all_key and norm(e.old) not in gloss_forms
               and _thai_words_only(e.old)]
    for c, (nb, na) in zip(clusters, forms_before_after):
        if na > nb and nb >= 1 and c["kind"] in NAME_KINDS:
            corrupting.append({"cluster": c["entity"], "why": f"{nb} form(s) before fix, {na} after"})
    for oc, u in zip(out_clusters, unified):
        oc["written_one_way_after_fix"] = u

    era_found = any(f.kind == "era-mix" for f in result.findings)
    return {
        "document": name,
        "lines": len(th),
        "findings_by_kind": result.counts(),
        "clusters": out_clusters,
        "false_merges": false_merges,
        "findings": findings_out,
        "finding_verdicts": dict(counts),
        "edits_applied": len(fixed.applied),
        "corrupting_edits": corrupting,
        "suspect_edits": suspect,
        "idempotent": idempotent,
        "second_fix_changes": [(i + 1, a, b) for i, (a, b) in enumerate(zip(fixed.lines, again.lines)) if a != b],
        "era_mix": {"key": bool(key.get("era_mix")), "found": era_found},
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summarize(docs: list[dict]) -> dict:
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"clusters": 0, "found": 0, "variants": 0,
                                                              "variants_covered": 0, "written_one_way": 0})
    for d in docs:
        for c in d["clusters"]:
            k = by_kind[c["kind"]]
            k["clusters"] += 1
            k["found"] += c["found"]
            k["variants"] += len(c["variants"])
            k["variants_covered"] += c["variants_covered"]
            k["written_one_way"] += c["written_one_way_after_fix"]
    pp = {"clusters": 0, "found": 0, "variants": 0, "variants_covered": 0, "written_one_way": 0}
    for kind in NAME_KINDS:
        for field, value in by_kind.get(kind, {}).items():
            pp[field] += value
    verdicts = defaultdict(int)
    for d in docs:
        for v, n in d["finding_verdicts"].items():
            verdicts[v] += n
    true, false = verdicts.get("true", 0), verdicts.get("false", 0)
    return {
        "documents": len(docs),
        "person_and_place": {**pp, "recall": _ratio(pp["found"], pp["clusters"]),
                             "variant_recall": _ratio(pp["variants_covered"], pp["variants"]),
                             "written_one_way_rate": _ratio(pp["written_one_way"], pp["clusters"])},
        "by_kind": {k: {**v, "recall": _ratio(v["found"], v["clusters"]),
                        "written_one_way_rate": _ratio(v["written_one_way"], v["clusters"])}
                    for k, v in sorted(by_kind.items())},
        "false_merges": sum(len(d["false_merges"]) for d in docs),
        "different_people_merged": sum(1 for d in docs for m in d["false_merges"]),
        "findings": dict(verdicts),
        "precision": _ratio(true, true + false),
        "corrupting_edits": sum(len(d["corrupting_edits"]) for d in docs),
        "suspect_edits": sum(len(d["suspect_edits"]) for d in docs),
        "not_idempotent": [d["document"] for d in docs if not d["idempotent"]],
        "era_mix_correct": sum(d["era_mix"]["key"] == d["era_mix"]["found"] for d in docs),
    }


def evaluate_ntrex(path: Path, glossary) -> dict:
    lines = read_document(path).lines
    result = check_lines(lines, glossary, file=str(path))
    false_kinds = ("name-variants", "term-variants", "latin-leftover")
    false = [f for f in result.findings if f.kind in false_kinds]
    return {
        "file": str(path),
        "lines": len(lines),
        "findings_by_kind": result.counts(),
        "false_findings": len(false),
        "false": [{"kind": f.kind, "texts": _finding_texts(f), "suggestion": f.suggestion} for f in false],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", help="folder of NAME.th.txt + NAME.key.json [+ NAME.vi.txt]")
    parser.add_argument("--with-source", action="store_true", help="use NAME.vi.txt as --source where present")
    parser.add_argument("--ntrex", metavar="FILE", help="also count the findings on this human Thai text")
    parser.add_argument("--json", metavar="OUT", help="write the measurements here")
    parser.add_argument("--brief", action="store_true", help="print the summary only")
    args = parser.parse_args(argv)
    if not args.folder and not args.ntrex:
        parser.error("give a folder, --ntrex FILE, or both")
    glossary = load_glossaries([], include_default=True)
    report: dict = {"tool": "scripts/eval_check.py", "with_source": args.with_source}
    try:
        if args.folder:
            folder = Path(args.folder)
            names = sorted(p.name[: -len(".key.json")] for p in folder.glob("*.key.json"))
            if not names:
                raise InputError("no NAME.key.json files here", str(folder))
            gloss_forms = _glossary_forms(glossary)
            docs = []
            for name in names:
                th_path = folder / f"{name}.th.txt"
                th = read_document(th_path).lines
                key = json.loads((folder / f"{name}.key.json").read_text(encoding="utf-8"))
                vi_path = folder / f"{name}.vi.txt"
                source = read_source(vi_path, len(th), str(th_path)) if args.with_source and vi_path.exists() else None
                docs.append(evaluate_document(name, th, key, glossary, source, gloss_forms))
            report["folder"] = str(folder)
            report["summary"] = summarize(docs)
            report["documents"] = docs
        if args.ntrex:
            report["ntrex"] = evaluate_ntrex(Path(args.ntrex), glossary)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (OSError, json.JSONDecodeError, KeyError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    text = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    if args.json:
        from vnthai_mt.io.resume import atomic_write_text

        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(args.json, text)
    if args.brief:
        brief = {k: report[k] for k in ("summary",) if k in report}
        if "ntrex" in report:
            brief["ntrex"] = {k: report["ntrex"][k] for k in ("findings_by_kind", "false_findings")}
        text = json.dumps(brief, ensure_ascii=False, indent=1) + "\n"
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
