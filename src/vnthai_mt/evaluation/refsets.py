"""Vietnamese-Thai reference sets as ``datasets.Dataset`` objects with columns ``id, vi, th, doc_id``.

- ``ntrex128``: NTREX-128 (Federmann, Kocmi and Xin 2022; CC BY-SA 4.0), 1,997 news segments in 123
  documents, shipped in ``vnthai_mt/data/refsets/ntrex128/`` with its license; ``doc_id`` from DOCUMENT_IDS.tsv.
- a local file: ``.tsv`` (columns ``vi, th[, doc_id]``, with or without a header line naming them; a
  blank row separates documents when there is no doc_id column) or ``.jsonl`` (objects with ``vi``,
  ``th`` and optional ``doc_id``, ``id``).
- FLORES+ from the Hugging Face hub (``flores_plus`` or ``openlanguagedata/flores_plus``, split
  ``devtest`` unless the name ends in ``:dev``): a gated dataset, loaded from the local cache or online;
  ``doc_id`` is the article URL.

The shipped files are found in ``$VNTHAI_MT_EVAL_DIR`` (a folder holding ``refsets/`` and ``terms/``)
or else in the package's ``data/`` folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from vnthai_mt.errors import InputError
from vnthai_mt.io.utf8 import read_lines
from vnthai_mt.shipped import data_dir

FLORES_HUB = "openlanguagedata/flores_plus"
FLORES_NAMES = ("flores_plus", "flores+", FLORES_HUB)
FLORES_SPLITS = ("dev", "devtest")
NTREX_FILES = {"vi": "newstest2019-ref.vie.txt", "th": "newstest2019-ref.tha.txt", "doc_id": "DOCUMENT_IDS.tsv"}
SHIPPED = ("ntrex128",)
COLUMNS = ("id", "vi", "th", "doc_id")


def eval_dir() -> Path:
    """The folder with shipped reference sets and suites: $VNTHAI_MT_EVAL_DIR, else the package data."""
    env = os.environ.get("VNTHAI_MT_EVAL_DIR")
    return Path(env) if env else data_dir()


def _dataset(rows: dict[str, list[str]]):
    import datasets

    return datasets.Dataset.from_dict({c: rows[c] for c in COLUMNS})


def _load_ntrex() -> dict[str, list[str]]:
    folder = eval_dir() / "refsets" / "ntrex128"
    if not folder.is_dir():
        raise InputError("the shipped NTREX-128 files are missing (reinstall vnthai-mt, or set "
                         "VNTHAI_MT_EVAL_DIR to a folder holding refsets/)",
                         folder)
    columns = {key: read_lines(folder / name) for key, name in NTREX_FILES.items()}
    counts = {len(v) for v in columns.values()}
    if len(counts) != 1:
        raise InputError(f"NTREX-128 files differ in length: { {k: len(v) for k, v in columns.items()} }", folder)
    columns["doc_id"] = [d.split("\t", 1)[0].strip() for d in columns["doc_id"]]
    columns["id"] = [f"ntrex128-{n}" for n in range(1, len(columns["vi"]) + 1)]
    return columns


def _load_tsv(path: Path) -> dict[str, list[str]]:
    lines = read_lines(path)
    header = ["vi", "th", "doc_id"]
    first = [c.strip().lower() for c in lines[0].split("\t")] if lines else []
    start = 0
    if "vi" in first and "th" in first:
        header, start = first, 1
    rows: dict[str, list[str]] = {c: [] for c in COLUMNS}
    doc = 1
    for number, line in enumerate(lines[start:], start=start + 1):
        cells = line.split("\t")
        if not line.strip():
            doc += 1  # a blank row separates documents
            continue
        if len(cells) < 2:
            raise InputError("expected tab-separated columns vi and th", path, number)
        if len(cells) > len(header):
            raise InputError(f"{len(cells)} columns but expected {len(header)} ({', '.join(header)})", path, number)
        row = dict(zip(header, cells))
        rows["vi"].append(row.get("vi", ""))
        rows["th"].append(row.get("th", ""))
        rows["doc_id"].append(row.get("doc_id") or f"{path.stem}-{doc}")
        rows["id"].append(row.get("id") or f"{path.stem}-{number}")
    return rows


def _load_jsonl(path: Path) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {c: [] for c in COLUMNS}
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            vi, th = obj["vi"], obj["th"]
        except json.JSONDecodeError as err:
            raise InputError(f"not JSON: {err.msg}", path, number) from None
        except (KeyError, TypeError):
            raise InputError('expected an object with "vi" and "th"', path, number) from None
        if not isinstance(vi, str) or not isinstance(th, str):
            raise InputError('"vi" and "th" must be strings', path, number)
        rows["vi"].append(vi)
        rows["th"].append(th)
        rows["doc_id"].append(str(obj.get("doc_id", path.stem)))
        rows["id"].append(str(obj.get("id", f"{path.stem}-{number}")))
    return rows


def _flores_message(split: str, reason: str) -> str:
    return (
        f"FLORES+ ({FLORES_HUB}, split {split}) is neither in the local Hugging Face cache nor reachable "
        f"({reason}). It is a gated dataset: accept its terms at https://huggingface.co/datasets/{FLORES_HUB}, "
        "log in (`hf auth login` or HF_TOKEN) and load it once online; afterwards it loads offline from the "
        "cache. The shipped 'ntrex128' needs nothing."
    )


def _load_flores(split: str) -> dict[str, list[str]]:
    import datasets

    sides = {}
    for col, config in (("vi", "vie_Latn"), ("th", "tha_Thai")):
        try:
            sides[col] = datasets.load_dataset(FLORES_HUB, config, split=split)
        # Offline: ConnectionError; gated or missing: DatasetNotFoundError, GatedRepoError (all OSError).
        except (OSError, ValueError) as err:
            reason = " ".join(str(err).split())[:200] or type(err).__name__
            raise InputError(_flores_message(split, reason)) from None
    th_by_id = {row["id"]: row["text"] for row in sides["th"]}
    rows: dict[str, list[str]] = {c: [] for c in COLUMNS}
    for row in sides["vi"]:
        if row["id"] not in th_by_id:
            continue
        rows["id"].append(f"flores_plus-{split}-{row['id']}")
        rows["vi"].append(row["text"])
        rows["th"].append(th_by_id[row["id"]])
        rows["doc_id"].append(str(row.get("url") or row.get("topic") or ""))
    return rows


def load_refset(name: str | Path):
    """A reference set as a ``datasets.Dataset`` (columns ``id, vi, th, doc_id``); see the module doc."""
    text = str(name)
    base, _, split = text.partition(":")
    if base in FLORES_NAMES:
        split = split or "devtest"
        if split not in FLORES_SPLITS:
            raise InputError(f"unknown FLORES+ split {split!r}; use {' or '.join(FLORES_SPLITS)}")
        rows = _load_flores(split)
    elif text == "ntrex128":
        rows = _load_ntrex()
    else:
        path = Path(name)
        suffix = path.suffix.lower()
        if suffix not in (".tsv", ".jsonl"):
            known = ", ".join((*SHIPPED, "flores_plus[:dev]"))
            raise InputError(f"unknown reference set; use one of {known}, or a .tsv or .jsonl file", path)
        rows = _load_tsv(path) if suffix == ".tsv" else _load_jsonl(path)
    if not rows["vi"]:
        raise InputError("the reference set has no segments", text)
    return _dataset(rows)
