"""Render the HTML report of `vnthai-mt check` in a real headless browser and check what it shows.

For each document it writes ``<name>.html``, asks Chromium for the DOM it built (``--dump-dom``) and a
screenshot (``<name>.png``), then asserts:

* every highlight the report has (``<mark class="hl ...">``) is in the browser's DOM, one per span;
* the DOM contains no element the document could have injected (``script``, ``img``, ``style`` inside
  the body) and the document's own markup shows as text;
* the screenshot exists, is not blank, and shows the highlight colours of the kinds found.

Needs Debian's chromium (``apt-get install chromium``; ``fonts-thai-tlwg`` for Thai glyphs). No network.
Exit 0 when everything holds, 1 otherwise; ``--json OUT`` writes the measurements.

    python scripts/screenshot_report.py --out /tmp/shots --json /tmp/shots/result.json
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "vnthai_mt" / "data" / "examples"
from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.document import read_document
from vnthai_mt.qa.report import KIND_COLORS, _line_marks, to_html

DOCUMENTS = [
    # (name, Thai file, source file or None, extra glossaries, use the shipped glossaries)
    ("seed", EXAMPLES / "seed_article.th.txt", EXAMPLES / "seed_article.vi.txt", [], True),
    ("hostile", ROOT / "tests" / "data" / "qa" / "hostile.th.txt", None,
     [ROOT / "tests" / "data" / "qa" / "glossary.tsv"],
     False),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]


class _DomSummary(HTMLParser):
    """Counts highlights, finds injected elements and collects the text of the document lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.highlights: list[dict[str, str]] = []
        self.injected: list[str] = []
        self.text: list[str] = []
        self._in_body = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self._in_body = True
        if self._in_body and tag in ("script", "img", "style", "iframe", "object", "embed", "link"):
            self.injected.append(tag)
        if tag == "mark" and "hl" in (attrs.get("class") or "").split():
            self.highlights.append(attrs)
        for name in attrs:
            if name.startswith("on"):
                self.injected.append(f"{tag}[{name}]")

    def handle_data(self, data):
        if self._in_body:
            self.text.append(data)


def find_chromium(explicit: str | None) -> str | None:
    for candidate in (explicit, "/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _chromium(binary: str, profile: str, args: list[str], timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args], check=False,
                          capture_output=True, text=True, timeout=timeout)


def _pixels(png: Path) -> dict:
    from PIL import Image

    image = Image.open(png).convert("RGB")
    colors = image.getcolors(maxcolors=1 << 20) or []
    counts = {rgb: n for n, rgb in colors}
    found = {}
    for kind, hex_color in KIND_COLORS.items():
        rgb = tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
        found[kind] = counts.get(rgb, 0)
    return {"width": image.width, "height": image.height, "distinct_colors": len(colors), "kind_pixels": found}


def check_document(name, thai, source, glossaries, shipped, out: Path, binary: str) -> dict:
    glossary = load_glossaries(glossaries, include_default=shipped)
    lines = read_document(thai).lines
    src = read_document(source).lines if source else None
    result = check_lines(lines, glossary, source=src, file=thai.name, source_file=source.name if source else None)
    html_path = out / f"{name}.html"
    html_path.write_text(to_html(result), encoding="utf-8")
    expected = sum(len(v) for v in _line_marks(result).values())
    kinds = {f.kind for f in result.findings if f.all_spans}
    with tempfile.TemporaryDirectory(prefix="vnthai-chromium-") as profile:
        t0 = time.perf_counter()
        dom = _chromium(binary, profile, ["--dump-dom", html_path.as_uri()])
        png = out / f"{name}.png"
        shot = _chromium(binary, profile, [f"--screenshot={png}", "--window-size=1400,1800", html_path.as_uri()])
        seconds = time.perf_counter() - t0
    summary = _DomSummary()
    summary.feed(dom.stdout)
    text = "".join(summary.text)
    problems = []
    if dom.returncode != 0 or "<mark" not in dom.stdout and expected:
        problems.append(f"chromium --dump-dom failed (rc {dom.returncode}): {dom.stderr[-300:]}")
    if len(summary.highlights) != expected:
        problems.append(f"{len(summary.highlights)} highlights in the DOM, expected {expected}")
    if summary.injected:
        problems.append(f"elements or handlers from the document ran into the DOM: {summary.injected}")
    for line in lines:
        if "<" in line and line.split(" ")[0] not in text:
            problems.append(f"the document's markup does not show as text: {line[:40]!r}")
    pixels = {}
    if shot.returncode != 0 or not png.exists() or png.stat().st_size == 0:
        problems.append(f"no screenshot (rc {shot.returncode}): {shot.stderr[-300:]}")
    else:
        pixels = _pixels(png)
        if pixels["distinct_colors"] < 8:
            problems.append("the screenshot is blank")
        for kind in kinds:
            if pixels["kind_pixels"].get(kind, 0) < 50:
                problems.append(f"no {kind} highlight colour in the screenshot")
    return {"name": name, "html": str(html_path), "png": str(png), "findings": len(result.findings),
            "highlights_expected": expected, "highlights_in_dom": len(summary.highlights),
            "kinds": sorted(kinds), "pixels": pixels, "chromium_seconds": round(seconds, 2), "problems": problems,
            "ok": not problems}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=None, help="folder for the HTML and PNG files (default: a temp folder)")
    parser.add_argument("--chromium", default=None, help="the browser binary (default /usr/bin/chromium)")
    parser.add_argument("--json", default=None, help="write the results here")
    args = parser.parse_args(argv)
    binary = find_chromium(args.chromium)
    if binary is None:
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    out = Path(args.out or tempfile.mkdtemp(prefix="vnthai-report-"))
    out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([binary, "--version"], check=False, capture_output=True, text=True).stdout.strip()
    results = [check_document(*doc, out, binary) for doc in DOCUMENTS]
    report = {"chromium": version, "documents": results, "ok": all(r["ok"] for r in results)}
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for r in results:
        status = "ok" if r["ok"] else "FAILED: " + "; ".join(r["problems"])
        print(f"{r['name']}: {r['highlights_in_dom']}/{r['highlights_expected']} highlights, {r['png']} - {status}")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
