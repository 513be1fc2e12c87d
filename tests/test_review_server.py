"""`vnthai-mt review` for real: the CLI serves on 127.0.0.1, a real browser (Playwright driving Debian's
chromium) acts on findings and saves; the saved file equals `fix --decisions`; the project glossary
validates and `check --project` honours it; a hostile document runs nothing; requests without the
page's token, from another origin or for another Host change nothing; a changed file is a 409."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.qa import check_lines
from vnthai_mt.qa.decisions import Decision, decisions_document, finding_ids
from vnthai_mt.qa.document import read_document

ROOT = Path(__file__).resolve().parents[1]
SEED_TH = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
SEED_VI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = ("นายเหงียน คัก ทัน <script>window.__pwned = 1</script> กล่าว\n"
           "<img src=x onerror=\"window.__pwned = 2\"> เหงียน ข่าก ถั่น \u202eเยือน\u202c Hà Nội\n"
           "\"><svg onload=\"window.__pwned=3\"> ประธาน &amp; &lt;b&gt;\n")

pytest.importorskip("starlette", reason="needs the review extra (pip install 'vnthai-mt[review]')")
pytest.importorskip("uvicorn", reason="needs the review extra (pip install 'vnthai-mt[review]')")


class Server:
    def __init__(self, args: list[str], cwd: Path) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "vnthai_mt", "review", *args, "--port", "0"],
                                     cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # "review: http://127.0.0.1:PORT/  (...)", after the check ran
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line + self.proc.stderr.read()
        self.url = found.group(0)
        self.port = int(found.group(1))

    def stop(self) -> tuple[int, str]:
        self.proc.send_signal(signal.SIGINT)  # what Ctrl-C sends
        _, err = self.proc.communicate(timeout=30)
        return self.proc.returncode, err


def _request(url: str, *, data: dict | None = None, headers: dict | None = None) -> tuple[int, dict | str]:
    body = json.dumps(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers=headers or {}, method="POST" if data is not None else "GET")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            text = resp.read().decode("utf-8")
            status = resp.status
    except urllib.error.HTTPError as err:
        text, status = err.read().decode("utf-8"), err.code
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text


def _token(server: Server) -> str:
    _, page = _request(server.url)
    assert isinstance(page, str)
    found = re.search(r'name="review-token" content="([^"]+)"', page)
    assert found
    return found.group(1)


@pytest.fixture(scope="module")
def folder_server(tmp_path_factory):
    """One server on a folder of two files: a copy of the seed article and a hostile document."""
    work = tmp_path_factory.mktemp("review-folder")
    docs = work / "docs"
    docs.mkdir()
    shutil.copy(SEED_TH, docs / "a_seed.th.txt")
    # BOM and CRLF line ends: a save must keep both.
    (docs / "b_hostile.th.txt").write_bytes(b"\xef\xbb\xbf" + HOSTILE.replace("\n", "\r\n").encode("utf-8"))
    # 400 lines of the NTREX Thai reference: more than the page draws at once.
    ntrex = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128" / "newstest2019-ref.tha.txt"
    lines = ntrex.read_text(encoding="utf-8").split("\n")[:400]
    (docs / "c_long.th.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    server = Server([str(docs), "--project", str(work / "proj")], work)
    yield server, docs, work / "proj"
    code, err = server.stop()
    assert code == 0, err
    assert "review: stopped" in err and "Traceback" not in err


@pytest.mark.slow
def test_requests_without_token_origin_or_host_change_nothing(folder_server):
    server, docs, project = folder_server
    before = (docs / "a_seed.th.txt").read_bytes()
    token = _token(server)
    status, payload = _request(server.url + "api/file/0", headers={"X-Review-Token": token})
    assert status == 200 and payload["file"]["name"] == "a_seed.th.txt" and payload["findings"]
    assert [f["name"] for f in payload["files"]] == ["a_seed.th.txt", "b_hostile.th.txt", "c_long.th.txt"]
    decisions = [{"finding": f["id"], "action": "reject"} for f in payload["findings"]]
    accept = [{"finding": f["id"], "action": "accept"} for f in payload["findings"] if "accept" in f["actions"]]
    body = {"sha256": payload["file"]["sha256"], "stamp": payload["project"]["stamp"], "decisions": decisions}
    origin = server.url.rstrip("/")
    for headers, why in [
        ({"Origin": origin}, "token"),                                             # no token
        ({"Origin": origin, "X-Review-Token": "forged"}, "token"),                 # a guessed token
        ({"X-Review-Token": token}, "cross-origin"),                                 # no Origin
        ({"Origin": "http://evil.example", "X-Review-Token": token}, "cross-origin"),
        ({"Origin": origin, "X-Review-Token": token, "Sec-Fetch-Site": "cross-site"}, "cross-site"),
        ({"Origin": origin, "X-Review-Token": token, "Host": "evil.example:80"}, "Host"),
    ]:
        status, reply = _request(server.url + "api/file/0/save", data=body, headers=headers)
        assert status == 403 and why in reply["error"], (headers, reply)
    assert _request(server.url + "api/file/0")[0] == 403  # reading needs the token too
    assert _request(server.url, headers={"Host": f"rebound.example:{server.port}"})[0] == 403
    assert _request(server.url + "api/file/7", headers={"X-Review-Token": token})[0] == 404
    assert _request(server.url + "static/..%2f..%2fsession.py")[0] == 404
    assert (docs / "a_seed.th.txt").read_bytes() == before
    assert not project.exists()
    # A changed file: the save is refused with 409 and the other writer's text is kept.
    (docs / "a_seed.th.txt").write_bytes(before + "เพิ่ม\n".encode())
    good = {"Origin": origin, "X-Review-Token": token}
    status, reply = _request(server.url + "api/file/0/save", data={**body, "decisions": accept}, headers=good)
    assert status == 409 and "changed on disk" in reply["error"]
    assert (docs / "a_seed.th.txt").read_bytes() == before + "เพิ่ม\n".encode()
    (docs / "a_seed.th.txt").write_bytes(before)
    # Two tabs: the first save wins, the second (made on the old text) is refused, not merged silently.
    tab2 = _request(server.url + "api/file/0", headers={"X-Review-Token": _token(server)})[1]
    status, reply = _request(server.url + "api/file/0/save", data={**body, "decisions": accept}, headers=good)
    assert status == 200 and reply["changed"] and reply["applied"] > 0, reply
    status, reply = _request(server.url + "api/file/0/save", headers=good, data={
        "sha256": tab2["file"]["sha256"], "stamp": tab2["project"]["stamp"], "decisions": decisions})
    assert status == 409
    assert not (project / "ignore.json").exists()  # the refused save wrote no ignore list
    # The hostile file: BOM, CRLF and the line count survive a save.
    hostile = _request(server.url + "api/file/1", headers=good)[1]
    names = [f for f in hostile["findings"] if f["kind"] == "name-variants"]
    assert names and hostile["file"]["bom"] and hostile["file"]["crlf"] == 3
    status, reply = _request(server.url + "api/file/1/save", headers=good, data={
        "sha256": hostile["file"]["sha256"], "stamp": hostile["project"]["stamp"],
        "decisions": [{"finding": names[0]["id"], "action": "choose", "text": names[0]["variants"][0]["text"]}]})
    assert status == 200 and reply["changed"], reply
    data = (docs / "b_hostile.th.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == 3 and data.count(b"\n") == 3


def _browser():
    from playwright.sync_api import sync_playwright

    manager = sync_playwright().start()
    browser = manager.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    return manager, browser


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"pageerror: {err}"))
    page.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    page.goto(url)
    page.wait_for_selector("body[data-ready='1'][data-complete='1']", timeout=60_000)
    return page, problems


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium fonts-thai-tlwg); "
                    "Playwright's own browser download is not used")
def test_hostile_document_shows_as_text_and_runs_nothing(folder_server):
    server, _, _ = folder_server
    manager, browser = _browser()
    try:
        page, problems = _open(browser, server.url + "#file=1")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#doc img, #doc svg, #doc script, #findings script").count() == 0
        text = page.inner_text("#doc")
        assert "<script>window.__pwned = 1</script>" in text and '<img src=x onerror="window.__pwned = 2">' in text
        assert "&amp; &lt;b&gt;" in text
        assert page.locator("#doc .ctl").first.inner_text() == "U+202E"  # the override is shown, not obeyed
        # The page may not run even an injected inline script (the CSP forbids it).
        page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__pwned = 9';
                                 document.body.appendChild(s); }""")
        assert page.evaluate("window.__pwned") is None
        assert any("Content Security Policy" in p for p in problems), problems
        # A long document: the first screenful at once, the rest in chunks; decisions work meanwhile.
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(server.url + "#file=2")
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        left = int(page.locator("#left").get_attribute("data-open"))
        assert left > 0
        page.keyboard.press("r")
        page.wait_for_selector("body[data-complete='1']", timeout=60_000)
        assert page.locator("#doc .line").count() == 400
        assert int(page.locator("#left").get_attribute("data-open")) == left - 1
        assert page.locator("#doc mark.s-rejected").count() >= 1
    finally:
        browser.close()
        manager.stop()


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium fonts-thai-tlwg); "
                    "Playwright's own browser download is not used")
def test_editor_session_in_the_browser(tmp_path):
    work = tmp_path
    doc, src, project = work / "seed.th.txt", work / "seed.vi.txt", work / "proj"
    shutil.copy(SEED_TH, doc)
    shutil.copy(SEED_VI, src)
    glossary = load_glossaries([], include_default=True)
    result = check_lines(read_document(doc).lines, glossary, source=read_document(src).lines)
    ids = dict(zip(finding_ids(result), result.findings))
    nguyen = next(i for i, f in ids.items() if f.kind == "name-variants" and f.entity == "Nguyễn Khắc Thận")
    lai = next(i for i, f in ids.items() if f.kind == "name-variants" and f.entity == "Lại Văn Hoàn")
    garbage = next(i for i, f in ids.items() if f.kind == "garbage")
    typed = "ไล่ วัน ฮหว่าน"
    server = Server([str(doc), "--source", str(src), "--project", str(project)], work)
    manager, browser = _browser()
    try:
        page, problems = _open(browser, server.url)
        total = len(result.findings)
        assert page.locator("#left").inner_text() == f"{total} of {total} left"
        assert page.locator(".finding[data-finding-id]").count() == total
        assert page.locator("#doc .vi").count() == len(result.lines)  # the source beside each Thai line
        card = page.locator(f'.finding[data-finding-id="{nguyen}"]')
        card.locator('[data-action="accept"]').click()
        assert card.locator('[data-role="status"]').inner_text() == "accepted"
        # Keyboard: select the garbage finding, reject it with "r"; reject another and undo it with "u".
        page.locator(f'.finding[data-finding-id="{garbage}"] .reason').click()
        page.keyboard.press("r")
        other = next(i for i, f in ids.items() if f.kind == "boilerplate")
        page.locator(f'.finding[data-finding-id="{other}"] [data-action="reject"]').click()
        page.locator('[data-action="undo"]').click()
        assert page.locator(f'.finding[data-finding-id="{other}"] [data-role="status"]').inner_text() == "open"
        lai_card = page.locator(f'.finding[data-finding-id="{lai}"]')
        lai_card.locator('input[data-role="edit"]').fill(typed)
        lai_card.locator('[data-action="edit"]').click()
        assert page.locator("#left").inner_text() == f"{total - 3} of {total} left"
        page.keyboard.press("j")  # navigation moves the selection
        assert page.locator(".finding.current").count() == 1
        shot = work / "review.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 20_000
        page.locator('[data-action="save"]').click()
        page.wait_for_selector("body[data-saves='1'][data-ready='1'][data-complete='1']", timeout=60_000)
        assert "saved seed.th.txt" in page.locator("#message").inner_text()
        assert not [p for p in problems if "favicon" not in p], problems
    finally:
        browser.close()
        manager.stop()
        code, err = server.stop()
    assert code == 0 and "Traceback" not in err, err
    saved = doc.read_bytes()
    # The saved file equals what `fix --decisions` writes with the same decisions.
    decisions = [Decision(nguyen, "accept"), Decision(garbage, "reject"), Decision(lai, "edit", typed)]
    dfile = work / "d.json"
    dfile.write_text(json.dumps(decisions_document("seed.th.txt", "", decisions), ensure_ascii=False), "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cli = [sys.executable, "-m", "vnthai_mt"]
    fixed = subprocess.run([*cli, "fix", str(SEED_TH), "--source", str(src), "--decisions", str(dfile), "-o", "-"],
                           capture_output=True, env=env, check=True).stdout
    assert fixed == saved
    recorded = sorted((project / "decisions").glob("seed.th.txt.*.json"))
    assert len(recorded) == 1
    replay = subprocess.run([*cli, "fix", str(SEED_TH), "--source", str(src), "--project", str(project),
                             "--decisions", str(recorded[0]), "-o", "-"], capture_output=True, env=env, check=True)
    assert replay.stdout == saved
    # The project glossary validates; check --project: the accepted finding is gone, the rejected one ignored.
    subprocess.run([*cli, "glossary", "validate", str(project)], env=env, check=True, capture_output=True)
    report = json.loads(subprocess.run([*cli, "check", str(doc), "--source", str(src), "--project", str(project),
                                        "--json"], capture_output=True, env=env).stdout)
    entities = {(f["kind"], f.get("entity")) for f in report["findings"]}
    assert ("name-variants", "Nguyễn Khắc Thận") not in entities
    assert ("name-variants", "Lại Văn Hoàn") not in entities
    assert not any(f["kind"] == "garbage" for f in report["findings"])
    assert report["summary"]["ignored"] == 1
    plain = json.loads(subprocess.run([*cli, "check", str(doc), "--source", str(src), "--json"],
                                      capture_output=True, env=env).stdout)
    assert any(f["kind"] == "garbage" for f in plain["findings"])
    assert len(saved.split(b"\n")) == len(SEED_TH.read_bytes().split(b"\n"))
