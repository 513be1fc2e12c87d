#!/usr/bin/env python3
"""Score name detection and the name requirements ``translate`` builds, on hand-annotated real news.

The set (``eval/names-vi/``, see its README) is one text file per document with every name marked
inline as ``[[surface|kind]]`` or ``[[surface|kind|entity]]`` (kind: person, place, foreign_person,
foreign_place, country; the entity defaults to the surface), and ``sources.tsv`` giving each document's
URLs and its split (``dev``: looked at while tuning; ``heldout``: never looked at).

It reports, for each split and for all documents:

* detection (``names.detect.find_names``, what ``vnthai-mt names`` finds): precision and recall by kind
  for the exact span and kind, and for overlap; kind errors (exact span, wrong kind); countries are
  glossary matters and neither count for nor against detection;
* requirements (``translate.requirements.segment_requirements``: the code path ``translate`` uses, one
  registry per document, sentences cut as translate cuts them, the shipped glossaries): the share of
  mentions that became a requirement of the right kind for exactly their span (for a foreign name, a
  glossary form: a transcription by the Vietnamese rules counts as wrong); name requirements that match no
  annotated mention or transcribe a foreign name (wrong requirements, which would be enforced); entities split across
  renderings or kinds in a document; foreign names left unenforced, how many of them ``translate``'s
  report lists as ``unenforced`` for exactly their span, and report entries glued to a neighbour.

    python scripts/eval_detect.py [--set eval/names-vi] [--json OUT] [--show-errors dev]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SET = ROOT / "eval" / "names-vi"
_MARK = re.compile(r"\[\[([^|\]]+)\|([a-z_]+)(?:\|([^\]]+))?\]\]")
KINDS = ("person", "place", "foreign_person", "foreign_place", "country")
# What each annotated kind must become: the detector's kind and the requirement's kind.
BASE_KIND = {"person": "person", "place": "place", "foreign_person": "person", "foreign_place": "place",
             "country": "place"}


def parse(marked: str, where: str) -> tuple[str, list[dict]]:
    """Plain text and its gold mentions (start, end, surface, kind, entity) from inline markup."""
    out, gold, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        surface, kind, entity = m.group(1), m.group(2), m.group(3) or m.group(1)
        if kind not in KINDS:
            raise SystemExit(f"{where}: unknown kind {kind!r} in {m.group()}")
        gold.append({"start": length, "end": length + len(surface), "surface": surface, "kind": kind,
                     "entity": entity})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise SystemExit(f"{where}: unbalanced markup")
    return text, gold


def load_set(folder: Path) -> list[dict]:
    rows = list(csv.DictReader((folder / "sources.tsv").read_text(encoding="utf-8").splitlines(),
                               delimiter="\t"))
    docs = []
    for row in rows:
        path = folder / "docs" / f"{row['doc']}.txt"
        text, gold = parse(path.read_text(encoding="utf-8"), str(path))
        docs.append({"doc": row["doc"], "split": row["split"], "urls": row["urls"].split(), "text": text,
                     "gold": gold})
    return docs


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def line_segments(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line: a text file is one segment per line for ``translate``."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line.rstrip("\n")))
        pos += len(line)
    return out


def evaluate_doc(doc: dict, matcher) -> dict:
    from vnthai_mt.names.detect import find_names
    from vnthai_mt.translate.requirements import segment_requirements, segment_unenforced

    # The set is NFC with one tone placement and single spaces, so offsets in a normalized line are the
    # line's own (segment_requirements reports offsets in the normalized segment).
    text = doc["text"]
    pred = find_names(text)
    segs = line_segments(text)
    reqs = []
    for (off, line), found in zip(segs, segment_requirements([s for _, s in segs], matcher)):
        lead = len(line) - len(line.lstrip())
        reqs.extend({"start": r.start + off + lead, "end": r.end + off + lead, "vi": r.vi, "th": r.th,
                     "kind": r.kind, "source": r.source} for r in found)
    left = []
    for (off, line), found in zip(segs, segment_unenforced([s for _, s in segs], matcher)):
        lead = len(line) - len(line.lstrip())
        left.extend({"start": u.start + off + lead, "end": u.end + off + lead, "vi": u.vi, "kind": u.kind}
                    for u in found)
    return {"pred": [{"start": s.start, "end": s.end, "text": s.text, "kind": s.kind, "cue": s.cue}
                     for s in pred], "reqs": reqs, "unenforced": left}


_UNIT_WORDS = {"tỉnh", "thành phố", "tp", "tp.", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "thủ đô"}


def _unit_requirement(g: dict, reqs: list[dict], text: str) -> dict | None:
    """A glossary requirement for the whole unit (tỉnh Lâm Đồng, TP Hà Nội) requires the name in it too."""
    for r in reqs:
        if r["source"] == "glossary" and r["start"] <= g["start"] and g["end"] <= r["end"] \
                and r["kind"] == BASE_KIND[g["kind"]]:
            rest = (text[r["start"]:g["start"]] + text[g["end"]:r["end"]]).strip().lower()
            if rest in _UNIT_WORDS:
                return r
    return None


def score(docs: list[dict], results: list[dict]) -> dict:
    det = defaultdict(Counter)  # kind -> tp_exact, gold, pred, overlap_gold, overlap_pred, kind_error
    req = defaultdict(Counter)
    errors: list[dict] = []
    split_entities, entities, wrong_reqs, unenforced = [], 0, [], []
    for doc, res in zip(docs, results):
        gold, pred, reqs = doc["gold"], res["pred"], res["reqs"]
        named = [g for g in gold if g["kind"] != "country"]
        countries = [g for g in gold if g["kind"] == "country"]
        by_span = {(g["start"], g["end"]): g for g in named}
        for g in named:
            k = BASE_KIND[g["kind"]]
            det[g["kind"]]["gold"] += 1
            exact = [p for p in pred if (p["start"], p["end"]) == (g["start"], g["end"])]
            if any(p["kind"] == k for p in exact):
                det[g["kind"]]["tp"] += 1
            elif exact:
                det[g["kind"]]["kind_error"] += 1
                errors.append({"doc": doc["doc"], "what": "kind", "gold": g, "pred": exact[0]})
            else:
                near = [p for p in pred if p["start"] < g["end"] and g["start"] < p["end"]]
                errors.append({"doc": doc["doc"], "what": "span" if near else "missed", "gold": g,
                               "pred": near[0] if near else None})
            if any(p["start"] < g["end"] and g["start"] < p["end"] for p in pred):
                det[g["kind"]]["overlap_gold"] += 1
        for p in pred:
            if any(c["start"] < p["end"] and p["start"] < c["end"] for c in countries):
                continue
            g = by_span.get((p["start"], p["end"]))
            det[p["kind"]]["pred"] += 1
            if g is not None and BASE_KIND[g["kind"]] == p["kind"]:
                det[p["kind"]]["tp_pred"] += 1
            if any(x["start"] < p["end"] and p["start"] < x["end"] for x in named):
                det[p["kind"]]["overlap_pred"] += 1
            if g is None:
                errors.append({"doc": doc["doc"], "what": "false", "pred": p})
        # requirements
        req_by_span = {(r["start"], r["end"]): r for r in reqs}
        ent_th: dict[str, set] = defaultdict(set)
        ent_kind: dict[str, set] = defaultdict(set)
        ent_full: dict[str, str] = {}
        units: dict[str, set] = defaultdict(set)
        for g in gold:
            r = req_by_span.get((g["start"], g["end"])) or _unit_requirement(g, reqs, doc["text"])
            req[g["kind"]]["gold"] += 1
            if r is not None and g["kind"].startswith("foreign") and r["source"] == "rule":
                # a foreign name transcribed by the rules for Vietnamese is a wrong requirement
                wrong_reqs.append({"doc": doc["doc"], **r})
                errors.append({"doc": doc["doc"], "what": "requirement", "gold": g, "req": r})
            elif r is not None and r["kind"] == BASE_KIND[g["kind"]]:
                req[g["kind"]]["ok"] += 1
            elif g["kind"].startswith("foreign") and not any(
                    x["start"] < g["end"] and g["start"] < x["end"] for x in reqs):
                reported = any((u["start"], u["end"]) == (g["start"], g["end"]) for u in res["unenforced"])
                unenforced.append({"doc": doc["doc"], "surface": g["surface"], "reported": reported})
            else:
                errors.append({"doc": doc["doc"], "what": "requirement", "gold": g, "req": r or next(
                    (x for x in reqs if x["start"] < g["end"] and g["start"] < x["end"]), None)})
            if r is not None and g["kind"] != "country":
                ent_kind[g["entity"]].add(r["kind"])
                if (r["start"], r["end"]) != (g["start"], g["end"]):
                    units[g["entity"]].add(r["th"])  # tỉnh X as a whole: must contain X's rendering
                elif g["surface"] == g["entity"] or g["surface"].lower() == g["entity"].lower():
                    ent_th[g["entity"]].add(r["th"])
                else:
                    ent_th[g["entity"] + "\x00short:" + g["surface"]].add(r["th"])
                    ent_full.setdefault(g["entity"], "")
        for e in {g["entity"] for g in named}:
            entities += 1
            fulls = ent_th.get(e, set())
            shorts = [ths for key, ths in ent_th.items() if key.startswith(e + "\x00short:")]
            bad = len(fulls) > 1 or len(ent_kind.get(e, set())) > 1
            if fulls and any(not any(f in u for f in fulls) for u in units.get(e, ())):
                bad = True
            for ths in shorts:
                if fulls and not all(any(f.endswith(t) for f in fulls) for t in ths):
                    bad = True
            if bad:
                split_entities.append({"doc": doc["doc"], "entity": e, "renderings": sorted(fulls),
                                       "kinds": sorted(ent_kind.get(e, set()))})
        gold_spans = {(g["start"], g["end"]) for g in gold}
        for r in reqs:
            if r["kind"] in ("person", "place") and (r["start"], r["end"]) not in gold_spans:
                overl = [g for g in gold if g["start"] < r["end"] and r["start"] < g["end"]]
                # a glossary entry that contains a whole place name (tỉnh Lâm Đồng) is not wrong
                if r["source"] == "glossary" and overl and all(
                        r["start"] <= g["start"] and g["end"] <= r["end"] and BASE_KIND[g["kind"]] == r["kind"]
                        for g in overl):
                    continue
                wrong_reqs.append({"doc": doc["doc"], **r})

    def det_block(kinds):
        c = Counter()
        for k in kinds:
            c.update(det[k])
        return c

    detection = {}
    for label, kinds in (("person", ["person"]), ("place", ["place"]), ("foreign_person", ["foreign_person"]),
                         ("foreign_place", ["foreign_place"]), ("vietnamese", ["person", "place"]),
                         ("all", ["person", "place", "foreign_person", "foreign_place"])):
        c = det_block(kinds)
        detection[label] = {"gold": c["gold"], "recall_exact": _ratio(c["tp"], c["gold"]),
                            "recall_overlap": _ratio(c["overlap_gold"], c["gold"]), "kind_errors": c["kind_error"]}
    # precision is by predicted kind (person/place): foreign and Vietnamese predictions share a kind
    for kind in ("person", "place"):
        c = det[kind]
        detection[kind].update(predicted=c["pred"], precision_exact=_ratio(c["tp_pred"], c["pred"]),
                               precision_overlap=_ratio(c["overlap_pred"], c["pred"]))
    tp = det["person"]["tp_pred"] + det["place"]["tp_pred"]
    pr = det["person"]["pred"] + det["place"]["pred"]
    ov = det["person"]["overlap_pred"] + det["place"]["overlap_pred"]
    detection["all"].update(predicted=pr, precision_exact=_ratio(tp, pr), precision_overlap=_ratio(ov, pr))
    requirements = {}
    for label, kinds in (("person", ["person"]), ("place", ["place"]), ("vietnamese", ["person", "place"]),
                         ("foreign_person", ["foreign_person"]), ("foreign_place", ["foreign_place"]),
                         ("country", ["country"])):
        c = Counter()
        for k in kinds:
            c.update(req[k])
        requirements[label] = {"mentions": c["gold"], "correct": c["ok"], "share": _ratio(c["ok"], c["gold"])}
    requirements["wrong_requirements"] = len(wrong_reqs)
    requirements["foreign_unenforced"] = len(unenforced)
    # ... of which translate's report lists as unenforced for exactly their span (not glued to a neighbour)
    requirements["foreign_unenforced_reported"] = sum(u["reported"] for u in unenforced)
    # report entries that overlap an annotated mention without being exactly its span
    requirements["unenforced_glued"] = sum(
        1 for doc, res in zip(docs, results) for u in res["unenforced"]
        if any(g["start"] < u["end"] and u["start"] < g["end"] and (g["start"], g["end"]) != (u["start"], u["end"])
               for g in doc["gold"]))
    return {"documents": len(docs), "mentions": sum(len(d["gold"]) for d in docs), "detection": detection,
            "requirements": requirements, "entities": entities, "entities_split": len(split_entities),
            "split_list": split_entities, "wrong_requirement_list": wrong_reqs, "unenforced_list": unenforced,
            "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=DEFAULT_SET, help="annotated set folder (default eval/names-vi)")
    ap.add_argument("--json", type=Path, help="write the figures here (JSON)")
    ap.add_argument("--show-errors", choices=("dev", "heldout", "all"),
                    help="print the errors of this split (tune on dev only)")
    args = ap.parse_args(argv)
    if not (args.set / "sources.tsv").is_file():
        print(f"eval_detect: {args.set}/sources.tsv: not found", file=sys.stderr)
        return 2
    from vnthai_mt.glossary import Matcher, load_glossaries

    matcher = Matcher(load_glossaries([]))
    docs = load_set(args.set)
    results = [evaluate_doc(d, matcher) for d in docs]
    report = {"set": str(args.set.relative_to(ROOT)) if args.set.is_relative_to(ROOT) else str(args.set)}
    for split in ("dev", "heldout", "all"):
        pick = [i for i, d in enumerate(docs) if split == "all" or d["split"] == split]
        report[split] = score([docs[i] for i in pick], [results[i] for i in pick])
    if args.show_errors:
        r = report[args.show_errors]
        for e in r["errors"]:
            print(json.dumps(e, ensure_ascii=False))
        for e in r["split_list"]:
            print("SPLIT", json.dumps(e, ensure_ascii=False))
        for e in r["wrong_requirement_list"]:
            print("WRONGREQ", json.dumps(e, ensure_ascii=False))
    summary = {s: {"detection": report[s]["detection"], "requirements": report[s]["requirements"],
                   "entities_split": report[s]["entities_split"]} for s in ("dev", "heldout", "all")}
    print(json.dumps(summary, ensure_ascii=False, indent=1) if not args.show_errors else "", file=sys.stderr)
    if args.json:
        for s in ("dev", "heldout", "all"):
            report[s].pop("errors")  # the lists below say enough; errors are printed with --show-errors
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
