"""Translation memory: a segment translated once is not translated again, across files and runs.

``TranslationCache(path)`` is an SQLite file keyed by (model id, settings fingerprint, normalized
source). Several processes may share one file: it uses WAL journaling and a busy timeout, and each
write is one short transaction (``BEGIN IMMEDIATE``), so concurrent writers wait instead of failing.

    with TranslationCache("tm.sqlite") as tm:
        hits = tm.get_many(model_id, settings_fp, sources)       # {source: translation}
        ...translate the misses...
        tm.put_many(model_id, settings_fp, zip(misses, outputs))

The key normalizes the source lightly (NFC, whitespace runs to one space, trimmed); callers pass text
already normalized with ``vnthai_mt.text.vietnamese.normalize`` for tone-mark placement. ``model_id``
should identify the weights (a hub id with revision, or a local folder's path plus a content hash), and
the settings fingerprint everything else that changes output (glossaries, strategy, beams, era...).
"""

from __future__ import annotations

import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Self

from vnthai_mt.errors import InputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model    TEXT NOT NULL,
    settings TEXT NOT NULL,
    source   TEXT NOT NULL,
    target   TEXT NOT NULL,
    created  REAL NOT NULL,
    PRIMARY KEY (model, settings, source)
) WITHOUT ROWID
"""
_COLUMNS = ["model", "settings", "source", "target", "created"]
_CHUNK = 500  # stays under SQLite's bound-variable limit on old builds (999)


def cache_key(source: str) -> str:
    """The source as stored: NFC, whitespace runs collapsed to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", source).split())


class TranslationCache:
    """SQLite translation memory; safe to share between processes (one connection per instance)."""

    def __init__(self, path: str | Path, *, timeout_s: float = 60.0):
        self.path = Path(path)
        if self.path.is_dir():
            raise InputError("is a folder, expected a translation cache file", self.path)
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout_s, isolation_level=None)
        except sqlite3.Error as err:
            raise InputError(f"cannot use as a translation cache: {err}", self.path) from None
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout_s * 1000)}")
            self._retry(lambda: self._db.execute("PRAGMA journal_mode = WAL"))
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._retry(lambda: self._db.execute(_SCHEMA))
            columns = [row[1] for row in self._db.execute("PRAGMA table_info(translations)")]
        except sqlite3.Error as err:
            self._db.close()
            if "full" in str(err) or "readonly" in str(err):
                raise self._error(err) from None
            raise InputError(f"cannot use as a translation cache: {err}", self.path) from None
        if columns != _COLUMNS:  # another program's database that happens to have this table name
            self._db.close()
            raise InputError("not a vnthai-mt translation cache (its 'translations' table differs); "
                             "give another --cache path", self.path)

    def _retry(self, action, attempts: int = 50):
        # Switching to WAL needs a moment with no other writer; busy_timeout does not cover it.
        for i in range(attempts):
            try:
                return action()
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or i == attempts - 1:
                    raise
                time.sleep(0.05)
        return None  # pragma: no cover

    def get_many(self, model: str, settings: str, sources: Iterable[str]) -> dict[str, str]:
        """``{source: translation}`` for the sources in the cache (keys as given, not normalized)."""
        by_key: dict[str, list[str]] = {}
        for src in sources:
            by_key.setdefault(cache_key(src), []).append(src)
        keys = list(by_key)
        found: dict[str, str] = {}
        for i in range(0, len(keys), _CHUNK):
            chunk = keys[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT source, target FROM translations WHERE model = ? AND settings = ? "
                    f"AND source IN ({marks})",
                    (model, settings, *chunk),
                ).fetchall()
            except sqlite3.Error as err:
                raise self._error(err) from None
            for key, target in rows:
                for src in by_key[key]:
                    found[src] = target
        return found

    def get(self, model: str, settings: str, source: str) -> str | None:
        return self.get_many(model, settings, [source]).get(source)

    def put_many(
        self, model: str, settings: str, pairs: Iterable[tuple[str, str]] | Mapping[str, str]
    ) -> int:
        """Store (source, translation) pairs in one transaction; returns how many were given."""
        items = pairs.items() if isinstance(pairs, Mapping) else pairs
        now = time.time()
        rows = [(model, settings, cache_key(src), tgt, now) for src, tgt in items]
        if not rows:
            return 0
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, settings, source, target, created) "
                "VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            self._db.execute("COMMIT")
        except BaseException as exc:
            # SQLite may already have rolled back by itself (a full disk does that).
            if self._db.in_transaction:
                try:
                    self._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from None
            raise
        return len(rows)

    def _error(self, err: sqlite3.Error) -> InputError:
        text = str(err)
        if "disk is full" in text or "database or disk is full" in text:
            from vnthai_mt.io.guard import WriteError

            return WriteError("no space left on device", self.path)
        if "readonly" in text:
            from vnthai_mt.io.guard import WriteError

            return WriteError("read-only file system (or a read-only cache file)", self.path)
        return InputError(f"translation cache: {text}", self.path)

    def put(self, model: str, settings: str, source: str, target: str) -> None:
        self.put_many(model, settings, [(source, target)])

    def entries(self) -> list[tuple[str, str, str]]:
        """Every (model, source, target) row, sorted by source then model (for ``io.tmx`` export)."""
        try:
            return self._db.execute(
                "SELECT model, source, target FROM translations ORDER BY source, model").fetchall()
        except sqlite3.Error as err:
            raise self._error(err) from None

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]

    def stats(self, model: str | None = None) -> dict[str, int]:
        """Entry counts, overall and (when given) for one model."""
        out = {"entries": len(self)}
        if model is not None:
            out["model_entries"] = self._db.execute(
                "SELECT COUNT(*) FROM translations WHERE model = ?", (model,)
            ).fetchone()[0]
        return out

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def split_hits(
    cache: TranslationCache | None, model: str, settings: str, sources: Sequence[str]
) -> tuple[dict[str, str], list[str]]:
    """(cached translations, unique sources still to translate, in first-seen order).

    With ``cache=None`` nothing is cached, but repeated sources are still listed once.
    """
    hits = cache.get_many(model, settings, sources) if cache is not None else {}
    todo = list(dict.fromkeys(s for s in sources if s not in hits))
    return hits, todo
