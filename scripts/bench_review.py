"""How fast `vnthai-mt review` opens and answers on a 2,000-line document, in a real browser, and a
screenshot of the page on the seed article.

The document is the NTREX-128 Thai reference (1,997 lines, src/vnthai_mt/data/refsets/ntrex128/, CC BY-SA 4.0,
see the LICENSE.md beside it) with its aligned Vietnamese reference as --source, reviewed with the shipped
glossaries. The server is the real one (uvicorn on 127.0.0.1, in a thread of this process); the browser is
Debian's chromium driven by Playwright. Measured, each as the median of --runs:

    check_s        check_lines on the document alone: the baseline (what `vnthai-mt check` costs)
    warm_s         Workspace.warm(): the check `vnthai-mt review` runs before it prints the address
    startup_s      launching `vnthai-mt review` (its own process) until it prints the address
    open_s         on that server: page.goto until Playwright sees the page say it is ready (payload
                   fetched, first screenful and first findings drawn)
    open_cold_s    the same on a server in this process that did not warm up (the check runs inside
                   the request)
    complete_s     page.goto until every line is drawn (the lines after the first screenful are drawn in
                   chunks once the page is usable)
    paint_ms       the page's own clock: its script starting to fetch until the first frame after drawing
    usable_s       the page's own clock from the start of the navigation to that first frame (the wait
                   an editor sees; open_s adds Playwright's own polling on this loaded machine)
    ratio          open_s / check_s, open_cold_s / check_s
    decide_ms      one key press ("a" or "r") until the "left" count changes
    filter_ms      unticking one kind filter until the page has re-filtered
    save_s         Save with one decision until the page has reloaded the saved file

    python scripts/bench_review.py --json eval/examples/measurements/review_bench.json \
        --screenshot eval/examples/measurements/review.png
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.document import read_document
from vnthai_mt.qa.project import Project
from vnthai_mt.qa.review.server import Background
from vnthai_mt.qa.review.session import ReviewFile, Workspace

NTREX = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128"
THAI, VIETNAMESE = NTREX / "newstest2019-ref.tha.txt", NTREX / "newstest2019-ref.vie.txt"
EXAMPLES = ROOT / "src" / "vnthai_mt" / "data" / "examples"


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _wait_ready(page) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=120_000)


class CliServer:
    """``vnthai-mt review ... --port 0`` in its own process, as an editor runs it."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "vnthai_mt", "review", *args, "--port", "0", "-q"],
                                     cwd=cwd, env=env, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        found = re.search(r"http://127\.0\.0\.1:\d+/", self.proc.stdout.readline())
        if not found:
            raise SystemExit("vnthai-mt review did not start")
        self.url = found.group(0)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        self.proc.wait(timeout=30)


def bench(browser, runs: int, work: Path) -> dict:
    doc = work / "ntrex.th.txt"
    shutil.copy(THAI, doc)
    lines = read_document(doc).lines
    source = read_document(VIETNAMESE).lines
    glossary = load_glossaries([], include_default=True)
    check_s = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = check_lines(lines, glossary, source=source)
        check_s.append(time.perf_counter() - t0)
    cold = Background(Workspace([ReviewFile(doc, VIETNAMESE)]))
    try:
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        t0 = time.perf_counter()
        page.goto(cold.url)
        _wait_ready(page)
        open_cold_s = time.perf_counter() - t0
        page.close()
    finally:
        cold.stop()
    workspace = Workspace([ReviewFile(doc, VIETNAMESE)])
    t0 = time.perf_counter()
    workspace.warm()
    warm_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    server = CliServer([str(doc), "--source", str(VIETNAMESE), "--project", str(work / "proj")], work)
    startup_s = time.perf_counter() - t0
    out: dict = {"lines": len(lines), "findings": len(result.findings), "check_s": [round(s, 3) for s in check_s],
                 "warm_s": round(warm_s, 3), "open_cold_s": round(open_cold_s, 3), "startup_s": round(startup_s, 3)}
    try:
        open_s, complete_s, render_ms, paint_ms, usable_s, decide_ms, filter_ms = [], [], [], [], [], [], []
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            t0 = time.perf_counter()
            page.goto(server.url)
            _wait_ready(page)
            open_s.append(time.perf_counter() - t0)
            page.wait_for_selector("body[data-complete='1']", timeout=120_000)
            complete_s.append(time.perf_counter() - t0)
            render_ms.append(float(page.evaluate("document.body.dataset.renderMs")))
            page.wait_for_selector("body[data-paint-ms]")
            paint_ms.append(float(page.evaluate("document.body.dataset.paintMs")))
            usable_s.append(round(float(page.evaluate("document.body.dataset.paintAt")) / 1000, 3))
            for key in ("a", "r"):
                before = page.locator("#left").get_attribute("data-open")
                t0 = time.perf_counter()
                page.keyboard.press(key)
                page.wait_for_function("b => document.querySelector('#left').dataset.open !== b", arg=before)
                decide_ms.append(_ms(time.perf_counter() - t0))
            t0 = time.perf_counter()
            page.locator('input[data-role="kind-filter"]').first.uncheck()
            page.wait_for_function("() => document.querySelectorAll('.finding.hidden').length > 0")
            filter_ms.append(_ms(time.perf_counter() - t0))
            page.close()
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(server.url)
        _wait_ready(page)
        page.keyboard.press("r")
        t0 = time.perf_counter()
        page.locator('[data-action="save"]').click()
        page.wait_for_selector("body[data-saves='1'][data-ready='1']", timeout=120_000)
        save_s = time.perf_counter() - t0
        page.close()
    finally:
        server.stop()
    median_open = statistics.median(open_s)
    median_check = statistics.median(check_s)
    out.update({
        "open_s": [round(s, 3) for s in open_s], "open_s_median": round(median_open, 3),
        "check_s_median": round(median_check, 3), "ratio_open_to_check": round(median_open / median_check, 2),
        "ratio_open_cold_to_check": round(open_cold_s / median_check, 2),
        "complete_s": [round(s, 3) for s in complete_s], "paint_ms": paint_ms, "usable_s": usable_s,
        "usable_s_median": statistics.median(usable_s),
        "render_ms": render_ms, "decide_ms": decide_ms, "filter_ms": filter_ms, "save_s": round(save_s, 3),
        "goal_open_s": 2.0, "ok": median_open < 2.0, "ok_usable": statistics.median(usable_s) < 2.0,
    })
    return out


def screenshot(browser, path: Path, work: Path) -> dict:
    doc, src = work / "seed_article.th.txt", work / "seed_article.vi.txt"
    shutil.copy(EXAMPLES / "seed_article.th.txt", doc)
    shutil.copy(EXAMPLES / "seed_article.vi.txt", src)
    server = Background(Workspace([ReviewFile(doc, src)], project=Project(work / "seed-proj", must_exist=False)))
    try:
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(server.url)
        _wait_ready(page)
        # Two decisions, so the picture shows decided and open findings.
        page.locator('.finding[data-kind="name-variants"]').nth(1).locator('[data-action="accept"]').click()
        page.locator('.finding[data-kind="garbage"] [data-action="reject"]').click()
        page.locator('.finding[data-kind="name-variants"] .reason').first.click()
        page.evaluate("window.scrollTo(0, 0)")
        # Off-screen lines are not laid out (content-visibility: auto); the browser lays out the ones a
        # scroll brings in at its next frame: wait for two frames before taking the picture.
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path))
        left = page.locator("#left").inner_text()
        page.close()
    finally:
        server.stop()
    return {"png": str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path), "left": left}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--screenshot", type=Path, help="also save a screenshot of the seed article's page here")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot-only", action="store_true", help="only the screenshot (no timings)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    args = parser.parse_args()
    if not args.chromium:
        print("needs chromium (apt-get install chromium fonts-thai-tlwg)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        try:
            report: dict = {"document": "NTREX-128 newstest2019 Thai reference with its Vietnamese source",
                            "machine": {"python": platform.python_version(), "platform": platform.platform(),
                                        "cpus": os.cpu_count(), "load_average_before": os.getloadavg()}}
            if not args.screenshot_only:
                report.update(bench(browser, args.runs, Path(tmp)))
            if args.screenshot:
                report["screenshot"] = screenshot(browser, args.screenshot, Path(tmp))
        finally:
            browser.close()
    report["machine"]["load_average_after"] = os.getloadavg()
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.json and not args.screenshot_only:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0 if report.get("ok", True) else 1


if __name__ == "__main__":
    sys.exit(main())
