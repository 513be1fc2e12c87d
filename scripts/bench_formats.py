"""Read + write speed of the translators' formats (SRT, WebVTT, HTML, DOCX) against plain text.

The shipped examples (src/vnthai_mt/data/examples/news.vi.*) are repeated until each file holds about
--kb kilobytes of text; each format is read (``read_document``) and written back with its own text
(``render_document``: identity, so every byte is checked) --repeats times, and so is a txt file of
the same segments, in the same process. The JSON gives seconds per run, segments, and the ratio of
each format's time to the txt baseline (``vs_txt``). No model is involved: this is the cost of the
format layer alone.

    python scripts/bench_formats.py --json bench_formats.json
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from vnthai_mt.io.formats import read_document, render_document  # noqa: E402
from vnthai_mt.shipped import shipped_path  # noqa: E402


def _srt(copies: int) -> str:
    cue = shipped_path("examples", "news.vi.srt").read_text(encoding="utf-8").strip().split("\n\n")
    blocks = []
    for n in range(copies * len(cue)):
        body = cue[n % len(cue)].split("\n", 1)[1]
        blocks.append(f"{n + 1}\n{body}")
    return "\n\n".join(blocks) + "\n"


def _vtt(copies: int) -> str:
    text = shipped_path("examples", "news.vi.vtt").read_text(encoding="utf-8")
    head, cues = text.split("tin-1\n", 1)
    block = "tin-1\n" + cues.rstrip("\n") + "\n\n"
    return head + "".join(block.replace("tin-", f"c{k}-") for k in range(copies))


def _html(copies: int) -> str:
    text = shipped_path("examples", "news.vi.html").read_text(encoding="utf-8")
    head, body = text.split("<body>\n", 1)
    body, tail = body.split("</body>", 1)
    return head + "<body>\n" + body * copies + "</body>" + tail


def _docx(copies: int, path: Path) -> None:
    import docx

    d = docx.Document(str(shipped_path("examples", "news.vi.docx")))
    body = d.element.body
    paragraphs = [p for p in body if p.tag.endswith("}p") or p.tag.endswith("}tbl")]
    import copy

    sect = body[-1]
    for _ in range(copies - 1):
        for p in paragraphs:
            sect.addprevious(copy.deepcopy(p))
    d.save(str(path))


def _time(path: Path, repeats: int) -> tuple[float, int]:
    runs = []
    segments = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        doc = read_document(path)
        out = render_document(doc, [s.text for s in doc.segments])
        runs.append(time.perf_counter() - t0)
        segments = len(doc)
        if path.suffix != ".docx":
            assert out == path.read_bytes(), f"{path.name}: identity round trip changed bytes"
    return statistics.median(runs), segments


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=int, default=200, help="about this many kilobytes per file (default 200)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", metavar="OUT", help="write the results here")
    args = ap.parse_args()
    results: dict = {"python": platform.python_version(), "machine": platform.machine(), "kb": args.kb,
                     "repeats": args.repeats, "formats": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = len(shipped_path("examples", "news.vi.html").read_bytes())
        copies = max(1, args.kb * 1024 // one)
        files = {"srt": folder / "a.srt", "vtt": folder / "a.vtt", "html": folder / "a.html"}
        files["srt"].write_text(_srt(copies * 2), encoding="utf-8")
        files["vtt"].write_text(_vtt(copies * 2), encoding="utf-8")
        files["html"].write_text(_html(copies), encoding="utf-8")
        files["docx"] = folder / "a.docx"
        _docx(max(1, copies // 2), files["docx"])
        for name, path in files.items():
            seconds, segments = _time(path, args.repeats)
            doc = read_document(path)
            txt = folder / f"{name}.txt"
            txt.write_text("".join(s.text.replace("\n", " ") + "\n" for s in doc.segments), encoding="utf-8")
            base, _ = _time(txt, args.repeats)
            results["formats"][name] = {"bytes": path.stat().st_size, "segments": segments,
                                        "seconds": round(seconds, 4), "txt_seconds": round(base, 4),
                                        "vs_txt": round(seconds / base, 1) if base else None,
                                        "segments_per_s": round(segments / seconds)}
    text = json.dumps(results, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
