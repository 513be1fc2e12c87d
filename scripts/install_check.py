#!/usr/bin/env python
"""Install check: the built wheel, installed into a fresh virtualenv outside the checkout and run from an
empty folder, gives the same results as the source tree.

    python scripts/install_check.py [--json OUT.json] [--keep DIR]

Steps: build the wheel (``python -m build --no-isolation``), make a virtualenv in a temporary folder,
install the wheel there with ``--no-deps`` (the dependencies come from this interpreter's
site-packages through a ``.pth`` line, so nothing is downloaded), check that ``import vnthai_mt`` there
resolves inside that virtualenv, then run the same commands with the installed ``vnthai-mt`` and with
the source tree's, each from its own empty folder:

- ``examples`` (the shipped example files), ``check`` of the seed article (JSON), ``eval --refset
  ntrex128`` of the NTREX Thai reference (JSON), ``eval`` of the seed article against its source,
  ``glossary validate`` with no argument and with a folder, ``translit``, ``tiny-model`` then
  ``translate`` of the seed article with it (output and report).

Any difference, a missing finding count (the seed article has 31), or a non-zero exit where success is
expected fails the check (exit 1). It also reports the installed size of the package and the start-up
time of ``vnthai-mt --help`` (median of 5 runs) for both. Takes about a minute on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_FINDINGS = 31

# (name, arguments, exit code expected, output to compare: "stdout" or a file written in the folder)
COMMANDS = [
    ("examples", ["examples"], 0, None),
    ("check", ["check", "examples/seed_article.th.txt", "--json"], 1, "stdout"),
    ("eval-ntrex", ["eval", "--hyp", "examples/ntrex128.tha.txt", "--refset", "ntrex128", "--json",
                    "--no-names"], 0, "stdout"),
    ("eval-seed", ["eval", "--hyp", "examples/seed_article.th.txt", "--src", "examples/seed_article.vi.txt",
                   "--json"], 0, "stdout"),
    ("glossary-validate", ["glossary", "validate", "--json"], 0, "stdout"),
    ("glossary-validate-folder", ["glossary", "validate", "glossaries", "--json"], 0, "stdout"),
    ("translit", ["translit", "Nguyễn Khắc Thận", "Lại Văn Hoàn"], 0, "stdout"),
    ("tiny-model", ["tiny-model", "tiny", "--vocab-size", "600"], 0, None),
    ("translate", ["translate", "examples/seed_article.vi.txt", "-o", "out.th.txt", "--model", "tiny",
                   "--beams", "1", "--max-new-tokens", "16", "--report", "report.json"], 0, "out.th.txt"),
]


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def _comparable(name: str, text: str) -> object:
    """The part of an output that must be equal; timings are not."""
    if name.startswith(("check", "eval", "glossary")):
        return json.loads(text)
    return text


def _report_summary(folder: Path) -> object:
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return {"summary": report["summary"], "segments": report["segments"]}


def run_all(cli: list[str], folder: Path, env: dict[str, str]) -> dict[str, object]:
    folder.mkdir(parents=True)
    (folder / "glossaries").mkdir()
    out: dict[str, object] = {}
    for name, args, code, compare in COMMANDS:
        if name == "glossary-validate-folder":  # a folder argument: a copy of one shipped glossary
            shutil.copy(ROOT / "src" / "vnthai_mt" / "data" / "glossaries" / "people.tsv", folder / "glossaries")
        done = _run([*cli, *args], folder, env)
        if done.returncode != code:
            raise SystemExit(f"install check: `{' '.join(args)}` exited {done.returncode}, expected {code}:\n"
                             f"{done.stderr[-2000:]}")
        if compare == "stdout":
            out[name] = _comparable(name, done.stdout)
        elif compare:
            out[name] = (folder / compare).read_text(encoding="utf-8")
    out["translate-report"] = _report_summary(folder)
    return out


def _help_time(cli: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([*cli, "--help"], env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times), 3)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="vnthai-install-"))
    if work.exists() and any(work.iterdir()):
        raise SystemExit(f"install check: {work} is not empty")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VNTHAI_MT_GLOSSARY_DIR",
                                                            "VNTHAI_MT_EVAL_DIR")}
    env.update(HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1", NO_COLOR="1")
    try:
        dist = work / "dist"
        subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--wheel", "-o", str(dist), str(ROOT)],
                       check=True, capture_output=True, env=env)
        wheel = next(dist.glob("vnthai_mt-*.whl"))
        venv = work / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        vpy = venv / "bin" / "python"
        subprocess.run([str(vpy), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                       check=True, env=env)
        site = Path(subprocess.run([str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   check=True, capture_output=True, text=True).stdout.strip())
        # The dependencies, from this interpreter: a path line (its own .pth files, the editable
        # install of this checkout among them, are not read from there).
        (site / "zz_vnthai_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
        where = subprocess.run([str(vpy), "-c", "import vnthai_mt; print(vnthai_mt.__file__)"], cwd=work,
                               check=True, capture_output=True, text=True, env=env).stdout.strip()
        if not where.startswith(str(venv)):
            raise SystemExit(f"install check: the virtualenv imports vnthai_mt from {where}, not from the wheel")
        installed = run_all([str(venv / "bin" / "vnthai-mt")], work / "from-wheel", env)
        source_env = dict(env, PYTHONPATH=str(ROOT / "src"))
        source = run_all([sys.executable, "-m", "vnthai_mt"], work / "from-source", source_env)
        differ = sorted(k for k in source if source[k] != installed.get(k))
        findings = installed["check"]["summary"]["findings"]  # type: ignore[index]
        result = {
            "wheel": wheel.name,
            "wheel_bytes": wheel.stat().st_size,
            "installed_package_bytes": _size(site / "vnthai_mt"),
            "help_seconds": {"wheel": _help_time([str(venv / "bin" / "vnthai-mt")], env),
                             "source": _help_time([sys.executable, "-m", "vnthai_mt"], source_env)},
            "commands": [name for name, *_ in COMMANDS],
            "seed_findings": findings,
            "eval_ntrex_bleu": installed["eval-ntrex"]["bleu"]["score"],  # type: ignore[index]
            "translate_summary": installed["translate-report"]["summary"],  # type: ignore[index]
            "differ": differ,
            "ok": not differ and findings == SEED_FINDINGS,
        }
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    if not result["ok"]:
        print(f"install check FAILED: {', '.join(differ) or f'{findings} seed findings, expected {SEED_FINDINGS}'}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
