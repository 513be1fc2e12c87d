"""SQLite translation memory: keys, persistence, several processes at once."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3

import pytest

from vnthai_mt.errors import InputError
from vnthai_mt.io.cache import TranslationCache, cache_key, split_hits


def test_get_put_and_key_normalization(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationCache(path) as tm:
        assert tm.get("m", "s", "xin chào") is None
        tm.put("m", "s", "xin  chào ", "สวัสดี")
        assert tm.get("m", "s", "xin chào") == "สวัสดี"
        assert tm.get("m", "s", "xin cha\u0300o") == "สวัสดี"  # decomposed form, same key (NFC)
        assert tm.get("other-model", "s", "xin chào") is None
        assert tm.get("m", "other-settings", "xin chào") is None
        tm.put_many("m", "s", {"một": "หนึ่ง", "hai": "สอง"})
        assert len(tm) == 3
    with TranslationCache(path) as tm:  # persisted
        assert tm.get_many("m", "s", ["một", "ba", "hai", "một"]) == {"một": "หนึ่ง", "hai": "สอง"}
        assert tm.stats("m") == {"entries": 3, "model_entries": 3}


def test_cache_key():
    assert cache_key("  a \t b\n") == "a b"


def test_many_sources_beyond_sqlite_variable_limit(tmp_path):
    with TranslationCache(tmp_path / "tm.sqlite") as tm:
        pairs = [(f"câu {i}", f"ประโยค {i}") for i in range(2500)]
        assert tm.put_many("m", "s", pairs) == 2500
        found = tm.get_many("m", "s", [s for s, _ in pairs] + ["missing"])
        assert len(found) == 2500 and found["câu 1234"] == "ประโยค 1234"


def test_split_hits_dedupes_and_orders(tmp_path):
    with TranslationCache(tmp_path / "tm.sqlite") as tm:
        tm.put("m", "s", "b", "B")
        hits, todo = split_hits(tm, "m", "s", ["a", "b", "c", "a", "b"])
        assert hits == {"b": "B"} and todo == ["a", "c"]
    assert split_hits(None, "m", "s", ["x", "x", "y"]) == ({}, ["x", "y"])


def test_not_a_database(tmp_path):
    bad = tmp_path / "tm.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="translation cache"):
        TranslationCache(bad)
    with pytest.raises(InputError):
        TranslationCache(tmp_path / "missing-folder" / "tm.sqlite")


def _writer(path: str, worker: int, n: int) -> None:
    with TranslationCache(path) as tm:
        for i in range(n):
            tm.put("m", "s", f"shared {i}", f"T{i}")  # every worker writes the same keys too
            tm.put("m", "s", f"w{worker} {i}", f"T{worker}-{i}")
            tm.get("m", "s", f"shared {i}")


def test_concurrent_processes(tmp_path):
    path = str(tmp_path / "tm.sqlite")
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, w, 60)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with TranslationCache(path) as tm:
        assert len(tm) == 60 + 4 * 60
        assert tm.get("m", "s", "w3 59") == "T3-59"
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
