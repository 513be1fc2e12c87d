"""The translation memory as the translator uses it: pieces keyed with their required renderings.

    memory = Memory.open("tm.db", model_key="nllb@3f2a...", settings_fp="9c1e...")
    keys = [memory_key(piece, required) for piece, required in zip(pieces, requirements)]
    hits = memory.get_many(keys)                 # {key: thai} for pieces translated before
    memory.put_many([(key, thai), ...])
    items = check_remembered(hits[key], required) # each rendering: enforced (via "cache") or missing

The key is the normalized piece plus its required renderings (``memory_key``): the renderings depend
on the document's names, so one sentence may need different Thai in two documents. Entries are kept
per model (by content) and per settings fingerprint, so a memory filled with one strategy or era never
answers for another (``io.cache.TranslationCache`` stores them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vnthai_mt.text.thai.find import find_renderings
from vnthai_mt.translate.enforce import ENFORCED, MISSING, Item
from vnthai_mt.translate.requirements import Required


class Memory:
    """A ``TranslationCache`` bound to one model and one settings fingerprint."""

    def __init__(self, store: Any, model_key: str, settings_fp: str) -> None:
        self.store, self.model_key, self.settings_fp = store, model_key, settings_fp

    @classmethod
    def open(cls, cache: str | Path | Any, model_key: str, settings_fp: str) -> Memory:
        """``cache``: an SQLite path, or an open ``TranslationCache`` (kept open by its owner)."""
        if isinstance(cache, (str, Path)):
            from vnthai_mt.io.cache import TranslationCache

            cache = TranslationCache(cache)
        return cls(cache, model_key, settings_fp)

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        return self.store.get_many(self.model_key, self.settings_fp, list(keys))

    def put_many(self, pairs: Sequence[tuple[str, str]]) -> None:
        self.store.put_many(self.model_key, self.settings_fp, list(pairs))

    def close(self) -> None:
        self.store.close()


def memory_key(piece: str, required: list[Required]) -> str:
    """The memory's key text: the piece, plus its required renderings."""
    if not required:
        return piece
    return piece + " \u27e6" + "|".join(r.th for r in required) + "\u27e7"


def check_remembered(text: str, required: list[Required], via: str = "cache") -> list[Item]:
    """Items for a translation served from the memory: present renderings are ``enforced`` via cache
    (``via="memory"``: from an imported TMX; then a missing one says so too)."""
    found = find_renderings(text, [r.th for r in required]) if required else []
    return [Item(r.vi, r.th, r.kind, r.source, ENFORCED if ok else MISSING,
                 via if ok or via != "cache" else None) for r, ok in zip(required, found)]
