"""Identity by content: what a model folder *is*, so resume and the translation memory never mix two
models that happened to live at one path.

``fingerprint_model(folder)`` hashes the small files by content (config.json, tokenizer files,
generation config, the CTranslate2 sidecar) and the large ones (weights) by name, size and
modification time, which any copy or re-download changes, without reading gigabytes::

    >>> fingerprint_model("models/nllb-600M")      # doctest: +SKIP
    'sha256:4be1...'

Glossaries given by path are identified by their entries (``pipeline._glossary_fingerprint``), so an
edited glossary at the same path is a different glossary too.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SMALL_FILE = 4 << 20  # read in full below this size: config and tokenizer files, not weights


def fingerprint_model(folder: str | Path) -> str:
    """``sha256:...`` of a model folder (hidden files skipped); a missing folder hashes its name."""
    folder = Path(folder)
    digest = hashlib.sha256()
    if not folder.is_dir():
        digest.update(f"name:{folder}".encode())
        return "sha256:" + digest.hexdigest()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        st = path.stat()
        digest.update(f"{rel.as_posix()}\0{st.st_size}\0".encode())
        if st.st_size <= SMALL_FILE:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(f"{st.st_mtime_ns}\0{_inode(st)}".encode())
    return "sha256:" + digest.hexdigest()


def _inode(st: os.stat_result) -> str:
    # A file replaced by another of equal size within one mtime tick still has another inode.
    return f"{st.st_dev}:{st.st_ino}"
