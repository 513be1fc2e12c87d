"""Torture trials for issue 13: kill folder translation at random moments and resume it, fill the disk,
make it read-only, and aim every command at hostile paths; report the counts as JSON.

    python scripts/torture.py --kill-trials 8 --json eval/examples/measurements/torture.json

Each trial runs the real command line (``python -m vnthai_mt``) in a subprocess on a tiny model
(scripts/make_tiny_model.py, random weights, built once into a temporary folder):

- **kill**: ``translate IN/ -o OUT/`` is SIGKILLed after a random delay, then ``--resume`` finishes it;
  OUT must be byte-identical to an uninterrupted run, with no temp or checkpoint file left.
- **disk full**: a 1 MiB tmpfs (``mount -t tmpfs``; needs root) is filled, then ``check -o``, ``fix -o``,
  ``glossary convert`` and ``translate`` write into it: exit 2, one line ending ``no space left on
  device``, the previous file intact. Without mount rights the trial simulates ENOSPC in-process and
  says so in the JSON (``disk_mode``).
- **read-only**: the same tmpfs remounted read-only: exit 2, one line, previous file intact.
- **unsafe paths**: outputs that are (or link to) an input, the source, a glossary, the report, the
  cache, a model parent for ``convert --force``: each must be refused with every file unchanged.

Counted: trials, byte-identical resumes, refused unsafe paths, tracebacks (must be 0), files lost
(inputs or previous outputs changed or gone: must be 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
THAI = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.th.txt"
GLOSSARY = "# licence: CC BY 4.0\nvi\tth\tkind\nHà Nội\tฮานอย\tplace\n"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("HF_HUB_OFFLINE", "1")
    return env


def cli(*args, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vnthai_mt", *map(str, args)], capture_output=True, text=True,
                          env=_env(), timeout=timeout, check=False)


def tree(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``folder`` (hidden ones included)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Tally:
    def __init__(self) -> None:
        self.counts = {"trials": 0, "kill_trials": 0, "killed_mid_run": 0, "byte_identical_resumes": 0,
                       "disk_full_trials": 0, "disk_full_one_line": 0, "read_only_trials": 0,
                       "read_only_one_line": 0, "unsafe_path_trials": 0, "refused_unsafe_paths": 0,
                       "tracebacks": 0, "files_lost": 0, "leftover_temp_files": 0}
        self.failures: list[str] = []

    def proc(self, what: str, result: subprocess.CompletedProcess) -> None:
        if "Traceback" in result.stderr:
            self.counts["tracebacks"] += 1
            self.failures.append(f"{what}: traceback: {result.stderr.strip().splitlines()[-1]}")

    def lost(self, what: str, before: dict[str, str], folder: Path) -> None:
        after = tree(folder)
        gone = [k for k, v in before.items() if after.get(k) != v]
        if gone:
            self.counts["files_lost"] += len(gone)
            self.failures.append(f"{what}: changed or lost {gone}")


def one_error_line(result: subprocess.CompletedProcess, ending: str | None = None) -> bool:
    # Library warnings (transformers' tokenizer length notice) may come first; ours is one line.
    lines = [x for x in result.stderr.splitlines() if x.startswith("vnthai-mt: ")]
    ok = result.returncode == 2 and len(lines) == 1 and lines[0].startswith("vnthai-mt: error: ")
    return ok and (ending is None or ending in lines[0])


def make_inputs(folder: Path, files: int, lines: int) -> None:
    text = [x for x in SAMPLE.read_text(encoding="utf-8").splitlines() if x.strip()]
    folder.mkdir(parents=True)
    for i in range(files):
        body = [text[(i * lines + k) % len(text)] for k in range(lines)]
        (folder / f"doc{i:02d}.txt").write_text("\n".join(body) + "\n", encoding="utf-8")


TRANSLATE = ("--no-names", "--beams", "1", "--max-new-tokens", "12", "--chunk-segments", "2")


def kill_trials(t: Tally, work: Path, model: Path, n: int, rng: random.Random) -> None:
    src = work / "in"
    make_inputs(src, files=4, lines=6)
    before = tree(src)
    ref = work / "ref"
    t0 = time.perf_counter()
    done = cli("translate", src, "-o", ref, "--model", model, *TRANSLATE)
    full_s = time.perf_counter() - t0
    t.proc("reference run", done)
    if done.returncode != 0:
        raise SystemExit(f"reference run failed: {done.stderr}")
    expected = tree(ref)
    for k in range(n):
        t.counts["trials"] += 1
        t.counts["kill_trials"] += 1
        out = work / f"kill{k}"
        proc = subprocess.Popen([sys.executable, "-m", "vnthai_mt", "translate", str(src), "-o", str(out),
                                 "--model", str(model), *TRANSLATE], env=_env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.uniform(0.3, 1.0) * full_s)
        if proc.poll() is None:
            t.counts["killed_mid_run"] += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        resumed = cli("translate", src, "-o", out, "--model", model, *TRANSLATE, "--resume")
        t.proc(f"resume {k}", resumed)
        got = tree(out)
        leftovers = [p for p in got if ".vnthai-" in p or p.endswith(".tmp")]
        t.counts["leftover_temp_files"] += len(leftovers)
        if resumed.returncode == 0 and got == expected:
            t.counts["byte_identical_resumes"] += 1
        else:
            t.failures.append(f"resume {k}: rc={resumed.returncode} {resumed.stderr.strip()[-200:]} "
                              f"differs={sorted(set(got) ^ set(expected))}")
        t.lost(f"kill {k}", before, src)


def _mount(point: Path, size: str = "1m") -> bool:
    point.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                          capture_output=True, check=False).returncode == 0


def _writers(work: Path, model: Path, target: Path) -> list[tuple[str, list]]:
    th, vi, g = work / "a.th.txt", work / "a.vi.txt", work / "g.tsv"
    return [
        ("check -o", ["check", th, "--no-default-glossary", "-o", target / "report.txt"]),
        ("check html -o", ["check", th, "--no-default-glossary", "--format", "html", "-o", target / "r.html"]),
        ("fix -o", ["fix", th, "--no-default-glossary", "-o", target / "fixed.txt"]),
        ("glossary convert", ["glossary", "convert", g, target / "g.csv"]),
        ("translate", ["translate", vi, "-o", target / "out.txt", "--model", model, *TRANSLATE]),
        ("translate folder", ["translate", work / "in", "-o", target / "folder", "--model", model, *TRANSLATE]),
        ("translate --cache", ["translate", vi, "-o", target / "out2.txt", "--model", model, *TRANSLATE,
                               "--cache", target / "tm.sqlite"]),
    ]


def disk_trials(t: Tally, work: Path, model: Path) -> str:
    point = work / "mnt"
    if not _mount(point):
        return simulated_disk_trials(t, work)
    try:
        previous = {}
        for name in ("report.txt", "r.html", "fixed.txt", "g.csv", "out.txt", "out2.txt"):
            (point / name).write_text("previous\n", encoding="utf-8")
            previous[name] = "previous\n"
        (point / "folder").mkdir()
        before = tree(point)
        # Fill the disk to the last block.
        with open(point / "filler", "wb", buffering=0) as fh:
            for size in (65536, 4096, 512, 1):
                try:
                    while True:
                        fh.write(b"\0" * size)
                except OSError:
                    pass
        for what, argv in _writers(work, model, point):
            t.counts["trials"] += 1
            t.counts["disk_full_trials"] += 1
            r = cli(*argv)
            t.proc(f"disk full: {what}", r)
            if one_error_line(r, "no space left on device"):
                t.counts["disk_full_one_line"] += 1
            else:
                t.failures.append(f"disk full {what}: rc={r.returncode} {r.stderr.strip()[-300:]}")
        (point / "filler").unlink()
        t.lost("disk full", before, point)
        # Read-only: the same folder remounted.
        before = tree(point)
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
        for what, argv in _writers(work, model, point):
            t.counts["trials"] += 1
            t.counts["read_only_trials"] += 1
            r = cli(*argv)
            t.proc(f"read-only: {what}", r)
            if one_error_line(r, "read-only file system"):  # sqlite: "read-only file system (or ...)"
                t.counts["read_only_one_line"] += 1
            else:
                t.failures.append(f"read-only {what}: rc={r.returncode} {r.stderr.strip()[-300:]}")
        t.lost("read-only", before, point)
    finally:
        subprocess.run(["umount", str(point)], capture_output=True, check=False)
    return "tmpfs 1 MiB (mount -t tmpfs), filled; remounted read-only"


def simulated_disk_trials(t: Tally, work: Path) -> str:  # pragma: no cover - used without root
    import errno

    sys.path.insert(0, str(ROOT / "src"))
    from vnthai_mt.cli import main

    real = os.fsync
    out = work / "sim"
    out.mkdir()
    (out / "r.txt").write_text("previous\n", encoding="utf-8")
    before = tree(out)
    for code, _ending, key in ((errno.ENOSPC, "no space left on device", "disk_full"),
                              (errno.EROFS, "read-only file system", "read_only")):
        def fail(fd, code=code):
            raise OSError(code, os.strerror(code))

        os.fsync = fail
        try:
            t.counts["trials"] += 1
            t.counts[f"{key}_trials"] += 1
            rc = main(["check", str(work / "a.th.txt"), "--no-default-glossary", "-o", str(out / "r.txt")])
            if rc == 2:
                t.counts[f"{key}_one_line"] += 1
        finally:
            os.fsync = real
    t.lost("simulated disk", before, out)
    return "simulated in-process (os.fsync raising ENOSPC/EROFS): no mount rights"


def unsafe_trials(t: Tally, work: Path, model: Path) -> None:
    th, vi, g = work / "a.th.txt", work / "a.vi.txt", work / "g.tsv"
    (work / "link.vi.txt").symlink_to(vi)
    os.link(g, work / "hard.tsv")
    parent = work / "parent"
    shutil.copytree(model, parent / "model")
    (parent / "notes.txt").write_text("beside the model\n", encoding="utf-8")
    cases = [
        ["check", th, "--no-default-glossary", "-o", th],
        ["check", th, "--no-default-glossary", "--format", "html", "-o", th],
        ["check", th, "--source", vi, "--no-default-glossary", "-o", work / "link.vi.txt"],
        ["check", th, "-g", g, "--no-default-glossary", "-o", work / "hard.tsv"],
        ["fix", th, "--source", vi, "--no-default-glossary", "-o", vi],
        ["glossary", "convert", g, g],
        ["glossary", "convert", g, work / "hard.tsv"],
        ["translate", vi, "-o", work / "o.txt", "--report", vi, "--model", model, *TRANSLATE],
        ["translate", vi, "-o", work / "o.txt", "--report", work / "o.txt", "--model", model, *TRANSLATE],
        ["translate", vi, "-o", work / "link.vi.txt", "--model", model, *TRANSLATE],
        ["translate", vi, "-o", work / "o.txt", "--cache", vi, "--model", model, *TRANSLATE],
        ["translate", vi, "-o", work / "o.txt", "--report", work / "o.txt.vnthai-checkpoint.jsonl",
         "--model", model, *TRANSLATE],
        ["translate", vi, "-o", work / "o.txt", "-g", work / "o.txt.json", "--report", work / "o.txt.json",
         "--model", model, *TRANSLATE],
        ["translate", work / "in", "-o", th, "--model", model, *TRANSLATE],
        ["translate", vi, "-o", model / "config.json", "--model", model, *TRANSLATE],
        ["convert", parent / "model", parent, "--force"],
        ["convert", parent / "model", work, "--force"],
    ]
    (work / "o.txt.json").write_text(GLOSSARY, encoding="utf-8")
    before = tree(work)
    for argv in cases:
        t.counts["trials"] += 1
        t.counts["unsafe_path_trials"] += 1
        r = cli(*argv)
        t.proc(f"unsafe {argv[:2]}", r)
        if one_error_line(r):
            t.counts["refused_unsafe_paths"] += 1
        else:
            t.failures.append(f"not refused: {' '.join(map(str, argv))}: rc={r.returncode} {r.stderr[-200:]}")
    t.lost("unsafe paths", before, work)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kill-trials", type=int, default=8)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", metavar="OUT", help="write the counts here (default: stdout)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    sys.path.insert(0, str(ROOT / "scripts"))
    from make_tiny_model import build_tiny_model

    t = Tally()
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="vnthai-torture-") as tmp:
        work = Path(tmp)
        model = build_tiny_model(work / "model", "nllb", seed=0)
        (work / "a.th.txt").write_text(THAI.read_text(encoding="utf-8"), encoding="utf-8")
        (work / "a.vi.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        (work / "g.tsv").write_text(GLOSSARY, encoding="utf-8")
        kill_trials(t, work, model, args.kill_trials, rng)
        disk_mode = disk_trials(t, work, model)
        unsafe_trials(t, work, model)
    report = {
        "command": "python scripts/torture.py " + " ".join(sys.argv[1:]),
        "seed": args.seed,
        "disk_mode": disk_mode,
        **t.counts,
        "failures": t.failures,
        "seconds": round(time.time() - started, 1),
    }
    text = json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text, encoding="utf-8")
    print(text, end="")
    ok = not t.failures and t.counts["tracebacks"] == 0 and t.counts["files_lost"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
