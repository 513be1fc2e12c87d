"""The HTML report in a real headless browser (Debian's chromium): highlights in the DOM, nothing from the
document executed, a non-blank screenshot showing the highlight colours. Skipped without chromium."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                    "(apt-get install chromium fonts-thai-tlwg); scripts/screenshot_report.py runs the same check")
def test_report_renders_in_headless_chromium(tmp_path):
    out = tmp_path / "shots"
    result_json = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot_report.py"), "--out", str(out), "--json",
         str(result_json), "--chromium", str(CHROMIUM)],
        check=False, capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(result_json.read_text(encoding="utf-8"))
    assert report["ok"]
    for doc in report["documents"]:
        assert doc["highlights_in_dom"] == doc["highlights_expected"] > 0
        assert Path(doc["png"]).stat().st_size > 10_000
        assert doc["pixels"]["kind_pixels"]["name-variants"] > 50
