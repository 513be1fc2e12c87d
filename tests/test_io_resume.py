"""Atomic writes and resumable batches, including a real SIGKILL halfway through a run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from vnthai_mt.errors import InputError
from vnthai_mt.io.resume import (
    Checkpoint,
    atomic_write_bytes,
    atomic_write_text,
    checkpoint_path_for,
    fingerprint_file,
    fingerprint_settings,
    fingerprint_texts,
)

# --- atomic writes -----------------------------------------------------------------------------------


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.txt"
    atomic_write_text(target, "một\r\nhai\n")
    assert target.read_bytes() == "một\r\nhai\n".encode()
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert (target.stat().st_mode & 0o777) == 0o640  # mode of the replaced file kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_write_failure_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old")

    def boom(*_):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(InputError, match="disk full"):  # one line for the user, not a traceback
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_write_missing_folder(tmp_path):
    with pytest.raises(InputError, match="folder"):
        atomic_write_text(tmp_path / "nope" / "out.txt", "x")


def test_fingerprints(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"abc")
    assert fingerprint_file(f) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    with pytest.raises(InputError, match="no such file"):
        fingerprint_file(tmp_path / "missing")
    assert fingerprint_settings({"a": 1, "b": [1, 2]}) == fingerprint_settings({"b": [1, 2], "a": 1})
    assert fingerprint_settings({"a": 1}) != fingerprint_settings({"a": 2})
    assert fingerprint_texts(["ab", "c"]) != fingerprint_texts(["a", "bc"])


# --- checkpoint --------------------------------------------------------------------------------------


def test_checkpoint_records_resumes_and_finishes(tmp_path):
    out = tmp_path / "out.txt"
    ck = Checkpoint(out, "in1", "set1")
    assert ck.start(resume=True) == {}  # nothing there yet: fresh start
    ck.record({"1": "หนึ่ง", "2": "สอง"})
    ck.record({})
    ck.close()
    assert checkpoint_path_for(out).exists()

    ck = Checkpoint(out, "in1", "set1")
    assert ck.start(resume=True) == {"1": "หนึ่ง", "2": "สอง"}
    ck.record({"3": "สาม\nสี่"})
    ck.close()
    ck = Checkpoint(out, "in1", "set1")
    assert ck.start(resume=True) == {"1": "หนึ่ง", "2": "สอง", "3": "สาม\nสี่"}
    ck.finish()
    assert not checkpoint_path_for(out).exists()


def test_checkpoint_without_resume_starts_fresh(tmp_path):
    out = tmp_path / "out.txt"
    with Checkpoint(out, "in", "set") as ck:
        ck.start(resume=False)
        ck.record({"1": "x"})
    with Checkpoint(out, "in", "set") as ck:
        assert ck.start(resume=False) == {}
    with Checkpoint(out, "in", "set") as ck:
        assert ck.start(resume=True) == {}


@pytest.mark.parametrize(("inp", "sett", "message"), [("other", "set", "input file changed"),
                                                       ("in", "other", "settings"),
                                                       ("other", "other", "input file changed and")])
def test_checkpoint_mismatch_is_a_clear_error(tmp_path, inp, sett, message):
    out = tmp_path / "out.txt"
    with Checkpoint(out, "in", "set") as ck:
        ck.start(resume=False)
        ck.record({"1": "x"})
    with pytest.raises(InputError, match=message) as err:
        Checkpoint(out, inp, sett).start(resume=True)
    assert "without --resume" in str(err.value)
    assert checkpoint_path_for(out).exists()  # kept: the user decides


def test_checkpoint_torn_tail_is_dropped(tmp_path):
    out = tmp_path / "out.txt"
    with Checkpoint(out, "in", "set") as ck:
        ck.start(resume=False)
        ck.record({"1": "a", "2": "b"})
    path = checkpoint_path_for(out)
    with open(path, "ab") as fh:
        fh.write(b'{"id":"3","t":"hal')  # killed inside a write
    with Checkpoint(out, "in", "set") as ck:
        assert ck.start(resume=True) == {"1": "a", "2": "b"}
        ck.record({"3": "c"})
    with Checkpoint(out, "in", "set") as ck:
        assert ck.start(resume=True) == {"1": "a", "2": "b", "3": "c"}


def test_checkpoint_empty_or_foreign_file(tmp_path):
    out = tmp_path / "out.txt"
    checkpoint_path_for(out).write_bytes(b"")  # killed before the header was written
    with Checkpoint(out, "in", "set") as ck:
        assert ck.start(resume=True) == {}
    checkpoint_path_for(out).write_text('{"something": "else"}\n')
    with pytest.raises(InputError, match="not a vnthai-mt checkpoint"):
        Checkpoint(out, "in", "set").start(resume=True)


def test_checkpoint_second_run_on_same_output_is_refused(tmp_path):
    out = tmp_path / "out.txt"
    first = Checkpoint(out, "in", "set")
    first.start(resume=False)
    try:
        with pytest.raises(InputError, match="another vnthai-mt run"):
            Checkpoint(out, "in", "set").start(resume=True)
    finally:
        first.close()


# --- SIGKILL halfway ---------------------------------------------------------------------------------

# A small batch translator built on the public API: slow fake "model", one checkpoint record per batch,
# and a log of every segment it actually translated.
_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from vnthai_mt.io.formats import read_document, write_document
    from vnthai_mt.io.resume import Checkpoint, fingerprint_file, fingerprint_settings

    src, out, log, resume, delay = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1", float(sys.argv[5])
    doc = read_document(src)
    ckpt = Checkpoint(out, fingerprint_file(src), fingerprint_settings({"model": "fake", "batch": 3}))
    done = ckpt.start(resume=resume)
    todo = [s for s in doc.segments if not s.is_blank and s.id not in done]
    with open(log, "a", encoding="utf-8") as fh:
        for i in range(0, len(todo), 3):
            batch = todo[i:i + 3]
            time.sleep(delay)
            result = {s.id: "TH[" + s.text[::-1] + "]" for s in batch}
            fh.write("".join(s.id + "\\n" for s in batch))
            fh.flush()
            ckpt.record(result)
            done.update(result)
    write_document(doc, [done.get(s.id, s.text) for s in doc.segments], out)
    ckpt.finish()
    """
)


def _run(script: Path, args: list[str], **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.Popen([sys.executable, str(script), *args], env=env, **kw)


def _done_ids(checkpoint: Path) -> set[str]:
    if not checkpoint.exists():
        return set()
    ids = set()
    for line in checkpoint.read_text(encoding="utf-8").splitlines()[1:]:
        try:
            ids.add(json.loads(line)["id"])
        except ValueError:
            pass
    return ids


def test_resume_after_sigkill_is_byte_identical(tmp_path):
    script = tmp_path / "batch.py"
    script.write_text(_SCRIPT)
    lines = [f"Câu số {i}, năm 2024." if i % 7 else "" for i in range(40)]
    src = tmp_path / "in.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")

    # Uninterrupted reference run.
    ref_out, ref_log = tmp_path / "ref.txt", tmp_path / "ref.log"
    assert _run(script, [str(src), str(ref_out), str(ref_log), "0", "0"]).wait(timeout=60) == 0
    expected = ref_out.read_bytes()
    n_segments = sum(1 for x in lines if x)
    assert len(ref_log.read_text().split()) == n_segments

    # Killed run: wait until some batches are on disk, then SIGKILL.
    out, log = tmp_path / "out.txt", tmp_path / "run.log"
    ckpt = checkpoint_path_for(out)
    proc = _run(script, [str(src), str(out), str(log), "0", "0.2"])
    deadline = time.monotonic() + 30
    while len(_done_ids(ckpt)) < 9 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    finished = _done_ids(ckpt)
    assert 9 <= len(finished) < n_segments, "the kill should land halfway"
    assert not out.exists()  # no partial output file

    first_run = log.read_text().split()
    log.unlink()
    assert _run(script, [str(src), str(out), str(log), "1", "0"]).wait(timeout=60) == 0
    assert out.read_bytes() == expected
    redone = set(log.read_text().split())
    assert not (redone & finished), "segments finished before the kill were translated again"
    assert redone | finished == set(ref_log.read_text().split())
    # At most the batch in flight at the kill was translated twice.
    assert len(first_run) + len(redone) - n_segments <= 3
    assert not ckpt.exists()
