"""One command for a whole archive: a folder in, shards and a summary out, resumable.

    summary = translate_to_shards("archive/", "archive-th/", TranslatorOptions(model=..., num_beams=1),
                                  num_actors=4, doc_field="article_id")

What lands in the output folder::

    archive-th/manifest.json          input and settings fingerprints, the layout options
    archive-th/shards/part-00000.jsonl  (or .parquet) the rows of shard 0, in input order
    archive-th/.done/part-00000.json  shard 0 is complete: its row count, sha256, counts, timings
    archive-th/summary.json           required/enforced/repaired/missing, shards skipped, timings,
                                      settings fingerprint (and what earlier runs on it did)

Each output row is the input row (txt/docx: ``{"vi": line}``) with the translation in ``out_field``
(by default over the translated field, as ``translate`` writes it; ``th`` for text files), plus
``_file``, ``_id`` (the segment id ``translate`` uses: the line number), ``_doc``, ``_items`` (the
enforcement items) and ``_error`` (``null``, or why the row's document failed: it is kept, with a
``null`` translation).

The driver plans the shards (``distributed.plan``), sends the documents of the unfinished ones
through ``translate_dataset`` and writes each shard, atomically, as soon as its last document comes
back; the ``.done`` record is written after it. So a run killed at any point (driver or worker) and
started again with the same command translates only the shards without a valid record (the shard
file's sha256 must match; shards with failed rows are tried again) and says how many it skipped.
The manifest refuses to mix: another input, another layout or other settings (model, glossary,
strategy, beams ...: the fingerprint of ``TranslatorOptions.settings``, checked before Ray starts
and again on every row an actor returns) is an error that names the output folder.

At the end every shard is read back: the ``(_file, _id)`` sequence must be the input's exactly
(nothing dropped, nothing duplicated), else the run fails.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from vnthai_mt.distributed.actor import DEFAULT_BATCH_SIZE, translate_dataset
from vnthai_mt.distributed.plan import (
    DEFAULT_SHARD_ROWS,
    DOC_KEY,
    ERROR_KEY,
    FILE_KEY,
    ID_KEY,
    ITEMS_KEY,
    Plan,
    Shard,
    plan_input,
)
from vnthai_mt.errors import InputError, VnthaiError
from vnthai_mt.io.resume import atomic_write_bytes, atomic_write_text, fingerprint_file
from vnthai_mt.translate.options import TranslatorOptions, settings_fingerprint
from vnthai_mt.translate.vocabulary import SHARD_FORMATS

MANIFEST, SUMMARY, SHARDS, DONE = "manifest.json", "summary.json", "shards", ".done"
_MANIFEST_VERSION = 1
log = logging.getLogger(__name__)


class IncompleteRunError(VnthaiError):
    """The output does not hold every input row exactly once, or some rows failed."""


def ray_missing() -> InputError:
    return InputError("--engine ray needs Ray Data: pip install 'vnthai-mt[ray]' (or pip install 'ray[data]')")


def plan_key(options: TranslatorOptions) -> str:
    """The settings fingerprint as far as the driver knows it without loading the model (the model
    folder and glossaries by content); actors report the exact one."""
    from vnthai_mt.glossary import load_glossaries
    from vnthai_mt.io.identity import fingerprint_model
    from vnthai_mt.translate.resolve import looks_like_path, resolve_model

    glossary = load_glossaries(list(options.glossaries), include_default=options.default_glossary)
    if looks_like_path(options.model):  # a folder: checked here, not in every actor (hub ids: there)
        resolve_model(options.model, options.backend)
    return settings_fingerprint(options.settings(model=options.model, model_id=fingerprint_model(options.model),
                                                 backend=options.backend, dtype=options.dtype,
                                                 glossary=glossary.fingerprint()))


def translate_to_shards(
    input: str | Path,
    output: str | Path,
    options: TranslatorOptions,
    *,
    fmt: str | None = None,
    field: str | None = None,
    column: str | None = None,
    out_field: str | None = None,
    doc_field: str | None = None,
    shard_rows: int = DEFAULT_SHARD_ROWS,
    out_format: str = "jsonl",
    address: str | None = None,
    num_actors: int = 1,
    cpus_per_actor: float = 1,
    gpus_per_actor: float = 0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    attempts: int = 2,
) -> dict[str, Any]:
    """Translate ``input`` into shards under ``output`` (see the module docstring); returns the summary."""
    started = time.perf_counter()
    if out_format not in SHARD_FORMATS:
        raise InputError(f"unknown shard format {out_format!r} (choose {', '.join(SHARD_FORMATS)})")
    if options.cache is not None:
        raise InputError("--cache (one SQLite file) cannot be shared by Ray actors; leave it out with --engine ray")
    out = Path(output)
    plan = plan_input(input, fmt=fmt, field=field, column=column, out_field=out_field, doc_field=doc_field,
                      shard_rows=shard_rows)
    layout = {"input": plan.input_fingerprint, "files": plan.files, "field": field, "column": column,
              "out_field": out_field, "doc_field": doc_field, "shard_rows": shard_rows, "format": out_format,
              "fmt": fmt}
    manifest = _open_manifest(out, layout, plan_key(options))
    done = {s.index: r for s in plan.shards if (r := _done_record(out, s, out_format)) is not None}
    pending = [s for s in plan.shards if s.index not in done]
    run: dict[str, Any] = {"documents_translated": 0, "rows_translated": sum(s.rows for s in pending),
                           "actors": {}, "wall_s": 0.0}
    if pending:
        _translate_pending(plan, pending, out, manifest, options, run, done, out_format=out_format,
                           address=address, num_actors=num_actors, cpus_per_actor=cpus_per_actor,
                           gpus_per_actor=gpus_per_actor, batch_size=batch_size, attempts=attempts)
    rows = verify_shards(plan, out, out_format)
    summary = _summary(plan, done, manifest, run, skipped=len(plan.shards) - len(pending), rows=rows,
                       wall_s=time.perf_counter() - started, num_actors=num_actors)
    summary["earlier_runs"] = _earlier_runs(out / SUMMARY)
    atomic_write_text(out / SUMMARY, json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    if summary["failed_rows"]:
        raise IncompleteRunError(f"{summary['failed_rows']} row(s) failed (kept with their error; see "
                                 f"{out / SUMMARY}); run the same command again to retry them", exit_code=1)
    return summary


def _earlier_runs(path: Path) -> list[dict[str, Any]]:
    """What the earlier runs on this output did (shards translated, timings), oldest first: a rerun
    that skips everything must not hide the figures of the run that did the work."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [*old.get("earlier_runs", []), {"shards_translated": old.get("shards_translated"),
                                           "documents_translated": old.get("documents_translated"),
                                           "timings": old.get("timings")}]


# --- the manifest ---------------------------------------------------------------------------------------


def _open_manifest(out: Path, layout: dict[str, Any], key: str) -> dict[str, Any]:
    path = out / MANIFEST
    if path.exists():
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise InputError("unreadable manifest; delete the output folder to start over", path) from None
        if manifest.get("version") != _MANIFEST_VERSION:
            raise InputError("a manifest of another version; use a new output folder", path)
        for name, value in layout.items():
            if manifest["layout"].get(name) != value:
                what = "the input changed" if name in ("input", "files") else f"--{name.replace('_', '-')} changed"
                raise InputError(f"{what} since this output was started; refusing to mix outputs (use a new "
                                 "output folder, or delete this one to start over)", out)
        if manifest["plan_key"] != key:
            raise InputError("the settings (model, glossary, strategy, beams ...) differ from the run that "
                             "started this output; refusing to mix outputs (use a new output folder, or delete "
                             "this one to start over)", out)
        return manifest
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError("the output must be a new or empty folder (or one this command wrote)", out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"version": _MANIFEST_VERSION, "layout": layout, "plan_key": key, "settings_fingerprint": None}
    _write_json(path, manifest)
    return manifest


def _write_json(path: Path, obj: Any) -> None:
    atomic_write_text(path, json.dumps(obj, ensure_ascii=False, indent=1) + "\n")


def _shard_path(out: Path, shard: Shard, out_format: str) -> Path:
    return out / SHARDS / f"{shard.name}.{out_format}"


def _done_record(out: Path, shard: Shard, out_format: str) -> dict[str, Any] | None:
    """The shard's record when the shard is complete and intact and has no failed rows."""
    record_path = out / DONE / f"{shard.name}.json"
    shard_path = _shard_path(out, shard, out_format)
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("rows") != shard.rows or record.get("failed_rows") or not shard_path.is_file():
        return None
    if fingerprint_file(shard_path) != record.get("sha256"):
        return None
    return record


# --- the work -------------------------------------------------------------------------------------------


def _translate_pending(plan: Plan, pending: list[Shard], out: Path, manifest: dict[str, Any],
                       options: TranslatorOptions, run: dict[str, Any], done: dict[int, dict[str, Any]], *,
                       out_format: str, address: str | None, num_actors: int, cpus_per_actor: float,
                       gpus_per_actor: float, batch_size: int, attempts: int) -> None:
    try:
        import ray
        import ray.data
    except ImportError:
        raise ray_missing() from None
    t0 = time.perf_counter()
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False} if address is None else {}
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING, **kwargs)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = options.progress
    if not log.isEnabledFor(logging.INFO):  # -v shows Ray Data's own lines
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    (out / SHARDS).mkdir(exist_ok=True)
    (out / DONE).mkdir(exist_ok=True)
    shard_of = {d: s.index for s in pending for d in s.documents}
    items = [{"_shard": shard_of[d.index], "_doc_index": d.index, "_texts": [r.text for r in d.rows],
              "_ids": [r.id for r in d.rows]}
             for s in pending for d in (plan.documents[i] for i in s.documents)]
    blocks = max(1, min(len(items), max(num_actors * 4, len(items) // max(1, batch_size))))
    ds = ray.data.from_items(items, override_num_blocks=blocks)
    translated = translate_dataset(ds, options, field="_texts", out_field="_th", num_actors=num_actors,
                                   cpus_per_actor=cpus_per_actor, gpus_per_actor=gpus_per_actor,
                                   batch_size=batch_size, attempts=attempts)
    waiting: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    by_index = {s.index: s for s in pending}
    try:
        _collect(translated, plan, by_index, waiting, out, manifest, run, done, out_format)
    except VnthaiError:
        raise
    except Exception as err:  # noqa: BLE001 - Ray wraps what went wrong in an actor; one line for the user
        cause = err.__cause__ or err
        lines = [line for line in str(cause).strip().splitlines() if line.strip()]
        raise VnthaiError(f"the Ray run failed ({type(cause).__name__}: {lines[-1] if lines else ''}); "
                          "finished shards are kept, run the same command again to go on", out,
                          exit_code=1) from None
    run["wall_s"] = round(time.perf_counter() - t0, 3)


def _collect(translated: Any, plan: Plan, by_index: dict[int, Shard], waiting: dict[int, dict[int, dict[str, Any]]],
             out: Path, manifest: dict[str, Any], run: dict[str, Any], done: dict[int, dict[str, Any]],
             out_format: str) -> None:
    """Take the actors' rows as they come and write each shard when its last document is in."""
    for result in translated.iter_rows():
        _check_settings(result["_settings"], manifest, out)
        run["documents_translated"] += 1
        actor = run["actors"].setdefault(result["_actor"], {"load_s": result["_load_s"], "documents": 0,
                                                            "seconds": 0.0})
        actor["documents"] += 1
        actor["peak_rss_mb"] = max(actor.get("peak_rss_mb", 0.0), result["_rss_mb"])
        actor["seconds"] = round(actor["seconds"] + result["_seconds"], 4)
        shard = by_index[result["_shard"]]
        waiting[shard.index][result["_doc_index"]] = result
        if len(waiting[shard.index]) == len(shard.documents):
            done[shard.index] = _write_shard(plan, shard, waiting.pop(shard.index), out, out_format)


def _check_settings(fingerprint: str, manifest: dict[str, Any], out: Path) -> None:
    if manifest["settings_fingerprint"] is None:
        manifest["settings_fingerprint"] = fingerprint
        _write_json(out / MANIFEST, manifest)
    elif manifest["settings_fingerprint"] != fingerprint:
        raise InputError("an actor translates with other settings than the run that started this output "
                         f"({fingerprint[:12]} vs {manifest['settings_fingerprint'][:12]}: another model "
                         "version?); refusing to mix outputs (use a new output folder)", out)


def _write_shard(plan: Plan, shard: Shard, results: dict[int, dict[str, Any]], out: Path,
                 out_format: str) -> dict[str, Any]:
    from vnthai_mt.translate.enforce import Item
    from vnthai_mt.translate.report import SegmentReport, summarize

    rows: list[dict[str, Any]] = []
    reports: list[SegmentReport] = []
    errors = []
    seconds = 0.0
    for d in shard.documents:
        doc, result = plan.documents[d], results[d]
        error = result["_error"] or None
        seconds += result["_seconds"]
        if error:
            errors.append({"document": doc.key, "rows": len(doc.rows), "error": error})
        for row, text, items in zip(doc.rows, result["_th"], json.loads(result["_items"])):
            rows.append({**row.record, doc.out_key: None if error else text, FILE_KEY: row.file, ID_KEY: row.id,
                         DOC_KEY: doc.key, ITEMS_KEY: items, ERROR_KEY: error})
            reports.append(SegmentReport(row.id, row.line, [Item(**i) for i in items]))
    path = _shard_path(out, shard, out_format)
    atomic_write_bytes(path, _encode(rows, out_format))
    record = {"shard": shard.name, "rows": len(rows), "documents": len(shard.documents),
              "sha256": fingerprint_file(path), "summary": summarize(reports),
              "failed_rows": sum(e["rows"] for e in errors), "errors": errors, "seconds": round(seconds, 4)}
    _write_json(out / DONE / f"{shard.name}.json", record)
    return record


_ITEM_FIELDS = ("vi", "th", "kind", "source", "status", "via")


def _encode(rows: list[dict[str, Any]], out_format: str) -> bytes:
    if out_format == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    ours = (ITEMS_KEY, ERROR_KEY, FILE_KEY, ID_KEY, DOC_KEY)
    table = pa.Table.from_pylist([{k: v for k, v in r.items() if k not in ours} for r in rows])
    item = pa.struct([(name, pa.string()) for name in _ITEM_FIELDS])
    for name, kind in ((FILE_KEY, pa.string()), (ID_KEY, pa.string()), (DOC_KEY, pa.string()),
                       (ITEMS_KEY, pa.list_(item)), (ERROR_KEY, pa.string())):
        table = table.append_column(name, pa.array([r[name] for r in rows], type=kind))
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def read_shard(path: Path) -> list[dict[str, Any]]:
    """The rows of one shard file (jsonl or parquet)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def read_shards(output: str | Path) -> list[dict[str, Any]]:
    """Every output row in input order (the shards, read in turn)."""
    folder = Path(output) / SHARDS
    return [row for path in sorted(folder.glob("part-*.*")) for row in read_shard(path)]


def verify_shards(plan: Plan, out: Path, out_format: str) -> int:
    """Every input row exactly once, in order, across the shards; ``IncompleteRunError`` otherwise."""
    expected = [(r.file, r.id) for d in plan.documents for r in d.rows]
    got: list[tuple[str, str]] = []
    for shard in plan.shards:
        path = _shard_path(out, shard, out_format)
        if not path.is_file():
            raise IncompleteRunError(f"shard {shard.name} is missing; run the same command again", out, exit_code=1)
        got.extend((r[FILE_KEY], r[ID_KEY]) for r in read_shard(path))
    if got != expected:
        dupes = len(got) - len(set(got))
        lost = len(set(expected) - set(got))
        raise IncompleteRunError(f"the shards hold {len(got)} rows for {len(expected)} input rows ({lost} missing, "
                                 f"{dupes} duplicated, or out of order)", out, exit_code=1)
    return len(got)


def _summary(plan: Plan, done: dict[int, dict[str, Any]], manifest: dict[str, Any], run: dict[str, Any], *,
             skipped: int, rows: int, wall_s: float, num_actors: int) -> dict[str, Any]:
    records = [done[s.index] for s in plan.shards]
    totals: dict[str, Any] = {k: sum(r["summary"][k] for r in records)
                              for k in ("segments", "required", "enforced", "repaired", "missing")}
    present = totals["enforced"] + totals["repaired"]
    totals["term_presence_pct"] = round(100.0 * present / totals["required"], 2) if totals["required"] else None
    actors = run["actors"]
    return {
        "summary": totals,
        "rows": rows,
        "documents": len(plan.documents),
        "files": len(plan.files),
        "shards": len(plan.shards),
        "shards_skipped": skipped,
        "shards_translated": len(plan.shards) - skipped,
        "documents_translated": run["documents_translated"],
        "rows_translated": run["rows_translated"],
        "failed_rows": sum(r["failed_rows"] for r in records),
        "errors": [e for r in records for e in r["errors"]],
        "settings_fingerprint": manifest["settings_fingerprint"],
        "plan_key": manifest["plan_key"],
        "timings": {
            "wall_s": round(wall_s, 3),
            "ray_s": run["wall_s"],
            "num_actors": num_actors,
            "actors": actors,
            "model_load_s": round(max((a["load_s"] for a in actors.values()), default=0.0), 4),
            "translate_s": round(sum(a["seconds"] for a in actors.values()), 4),
            "rows_per_s": round(run["rows_translated"] / run["wall_s"], 3) if run["wall_s"] else None,
        },
    }
