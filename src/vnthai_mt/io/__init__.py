"""Documents in and out (``formats``), nothing lost (``resume``: atomic writes, checkpoints) and a
translation memory (``cache``). ``utf8`` reads text files strictly as UTF-8."""

from vnthai_mt.io.cache import TranslationCache, cache_key, split_hits
from vnthai_mt.io.formats import (
    FORMATS,
    Document,
    Segment,
    detect_format,
    plan_folder,
    read_document,
    render_document,
    write_document,
)
from vnthai_mt.io.resume import (
    Checkpoint,
    atomic_write_bytes,
    atomic_write_text,
    checkpoint_path_for,
    fingerprint_bytes,
    fingerprint_file,
    fingerprint_settings,
    fingerprint_texts,
)

__all__ = [
    "FORMATS",
    "Checkpoint",
    "Document",
    "Segment",
    "TranslationCache",
    "atomic_write_bytes",
    "atomic_write_text",
    "cache_key",
    "checkpoint_path_for",
    "detect_format",
    "fingerprint_bytes",
    "fingerprint_file",
    "fingerprint_settings",
    "fingerprint_texts",
    "plan_folder",
    "read_document",
    "render_document",
    "split_hits",
    "write_document",
]
