"""The translator's choices, in one light module that the library and the command line both import.

>>> "hybrid" in STRATEGIES and "ctranslate2" in BACKENDS
True

Importing this costs nothing (no model library), so ``vnthai-mt --help`` builds its choices from here
instead of keeping copies that could drift.
"""

from __future__ import annotations

from typing import Literal, get_args

Era = Literal["be", "ce", "keep"]
Digits = Literal["arabic", "thai", "keep"]
ERAS: tuple[str, ...] = get_args(Era)
DIGITS: tuple[str, ...] = get_args(Digits)
STRATEGIES = ("hybrid", "constrain", "mask", "repair", "none")
# transformers: seq2seq models and decoder-only instruction models (recognised by their config);
# openai: any OpenAI-compatible chat server (--api-base).
BACKENDS = ("transformers", "ctranslate2", "openai")
ENGINES = ("local", "ray")  # translate --engine: this process, or actors on a Ray cluster (vnthai_mt.distributed)
SHARD_FORMATS = ("jsonl", "parquet")  # --engine ray: how the output shards are written
ALLOCATIONS = ("banks", "none")  # beam allocation of constrained decoding
# Backends without a per-step hook (CTranslate2): send required spans as placeholders first? auto: when
# the model gives the probe's placeholders back (translate.placeholders.carried_share).
MASK_FIRST = ("auto", "on", "off")
# House style of transcribed names; the transcriber (names.translit.NAME_STYLES) checks the same pair
# (tests/test_cli_vocabulary.py ties them): importing names here would cost the CLI's start-up.
NAME_STYLES = ("spaced", "joined")
QUANTIZATIONS = (
    "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16", "bfloat16", "float32",
)  # fmt: skip
