"""Cost of the CAT-tool formats: reading and writing XLIFF 1.2 / 2.0 and PO against plain text.

The same N Vietnamese sentences (the NTREX-128 Vietnamese reference, CC BY-SA 4.0, see the LICENSE.md
beside it) are written as a txt file, an XLIFF 1.2 file (each unit with a nested <g> and an <x/>), an
XLIFF 2.0 file (a <pc> and a <ph/>) and a PO file; each is read and written back (identity
translations, no model) ``--runs`` times in this process. Reported: seconds per run (median) and the
ratio to txt, so the figures compare on any machine; the model's own time is not included (it is the
same for every format).

    python scripts/bench_formats_cat.py --units 2000 --json eval/examples/measurements/bench_formats_cat.json
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from vnthai_mt.io.formats import read_document, render_document

VIETNAMESE = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128" / "newstest2019-ref.vie.txt"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _files(lines: list[str], folder: Path) -> dict[str, Path]:
    out = {"txt": folder / "a.txt", "xliff-1.2": folder / "a12.xlf", "xliff-2.0": folder / "a20.xlf",
           "po": folder / "a.po"}
    out["txt"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    units12, units20, entries = [], [], []
    for n, line in enumerate(lines, 1):
        words = _esc(line).split(" ")
        head, mid, tail = " ".join(words[:2]), " ".join(words[2:5]), " ".join(words[5:])
        units12.append(f'<trans-unit id="{n}"><source>{head} <g id="a{n}">{mid} <g id="b{n}">x</g></g> {tail}'
                       f'<x id="c{n}"/></source></trans-unit>')
        units20.append(f'<unit id="u{n}"><segment><source>{head} <pc id="1">{mid}</pc> {tail}<ph id="2"/>'
                       '</source></segment></unit>')
        po_line = line.replace("\\", "\\\\").replace('"', '\\"')
        entries.append(f'#: news.py:{n}\nmsgid "{po_line}"\nmsgstr ""\n')
    out["xliff-1.2"].write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns='
                                '"urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="vi" '
                                'datatype="plaintext"><body>' + "\n".join(units12) + "</body></file></xliff>\n",
                                encoding="utf-8")
    out["xliff-2.0"].write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns='
                                '"urn:oasis:names:tc:xliff:document:2.0" srcLang="vi"><file id="f">'
                                + "\n".join(units20) + "</file></xliff>\n", encoding="utf-8")
    out["po"].write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                         + "\n".join(entries), encoding="utf-8")
    return out


def _time(path: Path, runs: int) -> dict:
    reads, writes = [], []
    segments = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        doc = read_document(path)
        t1 = time.perf_counter()
        render_document(doc, doc.texts)
        t2 = time.perf_counter()
        reads.append(t1 - t0)
        writes.append(t2 - t1)
        segments = len(doc)
    return {"segments": segments, "bytes": path.stat().st_size, "read_s": round(statistics.median(reads), 4),
            "write_s": round(statistics.median(writes), 4),
            "total_s": round(statistics.median(r + w for r, w in zip(reads, writes)), 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=2000, help="sentences per file (default 2000)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", metavar="OUT", help="write the measurements here")
    args = parser.parse_args()
    lines = [line for line in VIETNAMESE.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = (lines * (-(-args.units // len(lines))))[: args.units]
    with tempfile.TemporaryDirectory() as tmp:
        files = _files(lines, Path(tmp))
        results = {name: _time(path, args.runs) for name, path in files.items()}
    base = results["txt"]["total_s"] or 1e-9
    for res in results.values():
        res["ratio_to_txt"] = round(res["total_s"] / base, 1)
        res["units_per_s"] = round(res["segments"] / res["total_s"]) if res["total_s"] else None
    report = {"units": args.units, "runs": args.runs, "python": platform.python_version(),
              "machine": platform.machine(), "results": results,
              "note": "read + write with identity translations, no model; median of runs; the machine was "
                      "shared (load average far above its 2 cores), so compare the ratios, not the seconds"}
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
