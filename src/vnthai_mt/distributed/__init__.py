"""Scale-out on Ray: the single-process pipeline run by actors that each hold one model.

Two entry points, both lazy about Ray (importing this package does not import it):

- ``translate_dataset(ds, options, field=..., out_field=..., num_actors=..., gpus_per_actor=...)``
  (``distributed.actor``): for Python users who hold a ``ray.data.Dataset``; each row is one document.
- ``translate_to_shards(input, output, options, ...)`` (``distributed.run``): what
  ``vnthai-mt translate DATASET -o OUT --engine ray`` runs: a folder of JSONL/CSV/TSV/Parquet/text
  files in, resumable Parquet or JSONL shards and one ``summary.json`` out, every row checked at the end.

``distributed.plan`` cuts the input into documents and shards without Ray. Ray is the optional extra
``ray`` (``pip install 'vnthai-mt[ray]'``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["translate_dataset", "translate_to_shards", "read_shards"]


def __getattr__(name: str) -> Any:
    if name == "translate_dataset":
        from vnthai_mt.distributed.actor import translate_dataset

        return translate_dataset
    if name in ("translate_to_shards", "read_shards"):
        from vnthai_mt.distributed import run

        return getattr(run, name)
    raise AttributeError(name)
