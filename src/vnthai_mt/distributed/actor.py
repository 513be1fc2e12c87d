"""Translate a ``ray.data.Dataset`` with stateful actors, one model each: ``translate_dataset``.

    import ray
    from vnthai_mt.distributed import translate_dataset
    from vnthai_mt.translate.options import TranslatorOptions

    ds = ray.data.read_parquet("s3://bucket/articles/")          # one article per row, field "vi"
    out = translate_dataset(ds, TranslatorOptions(model="nllb-ct2", backend="ctranslate2"),
                            field="vi", out_field="th", num_actors=8, gpus_per_actor=1)
    out.write_parquet("s3://bucket/articles-th/")                # th, _items, _error, _settings added

Each row is one document: its ``field`` is a string (one segment) or, in every row, a list of strings (the
document's segments, translated together, so a name gets one rendering in all of them). The rows go
through ``map_batches`` with ``DocumentTranslator``, a callable class that Ray Data runs as a pool of
``num_actors`` actors (``ActorPoolStrategy``); each loads the model once (``Translator.from_options``), gets
``cpus_per_actor`` CPUs (its model's ``threads``) and ``gpus_per_actor`` GPUs (then ``device="cuda"``),
and runs the single-process pipeline (``Translator.translate_with_report``: requirements, enforcement,
repair, localization, report items) per row.

Added columns: ``out_field`` (the Thai: a string or a list, like ``field``), ``_items`` (JSON: the
enforcement items, a list per segment for a list row), ``_error`` (``""``, or the error of a row that
failed ``attempts`` times: the row is kept with an empty translation, never dropped), ``_settings``
(the translator's settings fingerprint: rows made with other settings can be told apart) and
``_actor`` / ``_load_s`` / ``_seconds`` / ``_rss_mb`` (which actor, its model load, this row's time,
the actor process's peak memory so far).

A worker process that dies is restarted by Ray Data and its batch retried (its actor defaults:
``max_restarts=-1``, ``max_task_retries=-1``); a Python error on one row is retried here, on that row
only, ``attempts`` times in all.
"""

from __future__ import annotations

import json
import os
import socket
import time
from typing import Any

from vnthai_mt.translate.options import TranslatorOptions

ADDED_COLUMNS = ("_items", "_error", "_settings", "_actor", "_load_s", "_seconds", "_rss_mb")
DEFAULT_BATCH_SIZE = 4  # documents per call: small, so that actors share the work evenly


def actor_options(options: TranslatorOptions, cpus_per_actor: float, gpus_per_actor: float) -> TranslatorOptions:
    """The options an actor runs with: its threads from its CPU allotment (unless ``threads`` was
    given), ``cuda`` when it holds a GPU and the device was ``auto``, no progress bars, no SQLite
    memory (one file cannot be shared by actors on several machines)."""
    device = options.device
    if device == "auto":
        device = "cuda" if gpus_per_actor > 0 else "cpu"
    return options.replace(threads=options.threads or max(1, int(cpus_per_actor)), device=device,
                           progress=False, cache=None)


class DocumentTranslator:
    """The callable class ``map_batches`` runs: one ``Translator`` per actor, one document per row."""

    def __init__(self, options: TranslatorOptions, field: str, out_field: str, attempts: int = 2) -> None:
        from vnthai_mt.translate.pipeline import Translator

        t0 = time.perf_counter()
        self.translator = Translator.from_options(options)
        self.load_s = time.perf_counter() - t0
        self.field, self.out_field, self.attempts = field, out_field, max(1, attempts)
        self.name = f"{socket.gethostname()}:{os.getpid()}"

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = batch.to_pylist()
        for row in rows:
            row.update(self.translate_row(row))
        return pa.Table.from_pylist(rows)

    def translate_row(self, row: dict[str, Any]) -> dict[str, Any]:
        value = row[self.field]
        one = isinstance(value, str)
        texts = [value] if one else [str(t) for t in value]
        ids = row.get("_ids")
        t0 = time.perf_counter()
        error = ""
        outputs: list[str] = [""] * len(texts)
        items: list[list[dict[str, Any]]] = [[] for _ in texts]
        for attempt in range(1, self.attempts + 1):
            try:
                result = self.translator.translate_with_report(texts, list(ids) if ids is not None else None)
            except Exception as err:  # noqa: BLE001 - reported with the row, never lost
                error = f"{type(err).__name__}: {err} (after {attempt} attempt(s))"
                continue
            error = ""
            outputs = result.texts
            items = [[i.to_dict() for i in seg.items] for seg in result.report.segments]
            break
        return {
            self.out_field: outputs[0] if one else outputs,
            "_items": json.dumps(items[0] if one else items, ensure_ascii=False),
            "_error": error,
            "_settings": self.translator._settings_fp,
            "_actor": self.name,
            "_load_s": round(self.load_s, 4),
            "_seconds": round(time.perf_counter() - t0, 4),
            "_rss_mb": _peak_rss_mb(),
        }


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0.0
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def translate_dataset(
    ds: Any,
    options: TranslatorOptions,
    *,
    field: str = "vi",
    out_field: str = "th",
    num_actors: int = 1,
    cpus_per_actor: float = 1,
    gpus_per_actor: float = 0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    attempts: int = 2,
) -> Any:
    """``ds`` with each row translated as one document (see the module docstring); lazy, like every
    Ray Data transformation: it runs when the result is consumed or written."""
    from vnthai_mt.errors import InputError

    for name, count in (("num_actors", num_actors), ("batch_size", batch_size), ("cpus_per_actor", cpus_per_actor)):
        if count <= 0:
            raise InputError(f"{name} must be positive (--{name.replace('_', '-')})")
    if gpus_per_actor < 0:
        raise InputError("gpus_per_actor must not be negative (--gpus-per-actor)")
    from ray.data import ActorPoolStrategy

    return ds.map_batches(
        DocumentTranslator,
        # A fixed pool; one batch in flight per actor, so that a slow document does not hold others
        # queued behind it while another actor idles (a batch costs seconds, its hand-over milliseconds).
        compute=ActorPoolStrategy(size=num_actors, max_tasks_in_flight_per_actor=1),
        fn_constructor_kwargs={"options": actor_options(options, cpus_per_actor, gpus_per_actor),
                               "field": field, "out_field": out_field, "attempts": attempts},
        batch_size=batch_size,
        batch_format="pyarrow",
        num_cpus=cpus_per_actor,
        num_gpus=gpus_per_actor or None,
    )
