"""Everything a ``Translator`` is made from, in one value: checked once, shared by the CLI, and the
source of the settings fingerprint that resume, the translation memory and reports rely on.

>>> opts = TranslatorOptions(model="tiny", strategy="mask", num_beams=1)
>>> opts.replace(era="ce").era
'ce'
>>> TranslatorOptions(num_beams=0)
Traceback (most recent call last):
...
vnthai_mt.errors.InputError: num_beams must be at least 1 (--beams)

``TranslatorOptions`` is frozen and picklable, so a worker process (or a Ray actor) can be handed the
options and build the same translator: ``Translator.from_options(opts)``. ``settings(...)`` is the
part of the options that changes the output, with the model and glossary identified by content;
``settings_fingerprint`` hashes it, so two runs that would write different text never share a
checkpoint or a memory entry. Options that only change speed (device, batch size, threads, progress)
are not in it.

Importing this module is cheap (no model library): the command line takes its defaults from here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.translate.vocabulary import ALLOCATIONS, BACKENDS, DIGITS, ERAS, MASK_FIRST, NAME_STYLES, STRATEGIES

DEFAULT_MODEL = "facebook/nllb-200-distilled-600M"
DEFAULT_CHUNK_SEGMENTS = 32


@dataclass(frozen=True)
class TranslatorOptions:
    """How to translate. Field by field (the command line's flag in brackets):

    model: hub id or local folder [--model]; backend: one of ``BACKENDS`` [--backend]; glossaries:
    extra glossary files stacked over the shipped ones [-g]; default_glossary: load the shipped ones
    [--no-default-glossary]; strategy [--strategy]; era, digits [--era, --digits]; names: also
    enforce rule transcriptions of names the glossary lacks [--no-names]; name_style: "spaced" or
    "joined", None for the glossaries' setting (else spaced) [--name-style]; num_beams [--beams];
    max_new_tokens [--max-new-tokens]; allocation [--allocation]; mask_first: on a backend without
    a per-step hook, hybrid and constrain first send the required spans as placeholders ("auto": when
    the model gives them back, measured once per run) [--mask-first]; chunk_segments: segments per
    checkpointed chunk; device, dtype, batch_tokens, threads: where and how fast the model runs
    [--device, --dtype, --batch-tokens, --threads]; thai_vocab: score only Thai output pieces (None:
    when the model folder has a vmap.txt) [--thai-vocab]; cache: SQLite translation memory path
    [--cache]; progress: show progress bars.

    Instruction models (``translate.llm``, ``translate.openai_backend``): document_segments: sentences
    per request in a free pass (1: one each) [--document-segments]; api_base: the OpenAI-compatible
    server, with ``backend="openai"`` [--api-base]; api_timeout (seconds), api_retries,
    api_concurrency (requests in flight), api_prefill (continue a forced assistant prefix) [--api-*].
    The API key is never an option: it is read from ``VNTHAI_MT_API_KEY`` / ``OPENAI_API_KEY``.
    """

    model: str = DEFAULT_MODEL
    backend: str = "transformers"
    glossaries: tuple[str, ...] = ()
    default_glossary: bool = True
    strategy: str = "hybrid"
    era: str = "be"
    digits: str = "arabic"
    names: bool = True
    name_style: str | None = None  # None: the glossaries' "#: name_style = ..." setting, else spaced
    num_beams: int = 4
    max_new_tokens: int | None = None
    allocation: str = "banks"
    mask_first: str = "auto"
    chunk_segments: int = DEFAULT_CHUNK_SEGMENTS
    device: str = "auto"
    dtype: str | None = None
    batch_tokens: int | None = None
    threads: int | None = None
    thai_vocab: bool | None = None
    cache: str | None = None
    progress: bool = False
    document_segments: int = 1
    api_base: str | None = None
    api_timeout: float = 120.0
    api_retries: int = 4
    api_concurrency: int = 4
    api_prefill: bool = True

    def __post_init__(self) -> None:
        # Lists and paths are accepted; stored as a tuple of strings so the options stay hashable.
        object.__setattr__(self, "glossaries", tuple(str(g) for g in self.glossaries))
        object.__setattr__(self, "model", str(self.model))
        if self.cache is not None:
            object.__setattr__(self, "cache", str(self.cache))
        for name, value, choices in (("backend", self.backend, BACKENDS), ("strategy", self.strategy, STRATEGIES),
                                     ("era", self.era, ERAS), ("digits", self.digits, DIGITS),
                                     ("name_style", self.name_style or "spaced", NAME_STYLES),
                                     ("allocation", self.allocation, ALLOCATIONS),
                                     ("mask_first", self.mask_first, MASK_FIRST)):
            if value not in choices:
                raise InputError(f"unknown {name} {value!r} (choose {', '.join(choices)})")
        counts: tuple[tuple[str, int | None, str], ...] = (
            ("num_beams", self.num_beams, "--beams"), ("chunk_segments", self.chunk_segments, "--chunk-segments"),
            ("max_new_tokens", self.max_new_tokens, "--max-new-tokens"),
            ("batch_tokens", self.batch_tokens, "--batch-tokens"), ("threads", self.threads, "--threads"),
            ("document_segments", self.document_segments, "--document-segments"),
            ("api_concurrency", self.api_concurrency, "--api-concurrency"))
        for field_name, count, flag in counts:
            if count is not None and count < 1:
                raise InputError(f"{field_name} must be at least 1 ({flag})")
        if self.api_retries < 0 or not self.api_timeout > 0:
            raise InputError("api_retries must be >= 0 and api_timeout > 0 (--api-retries, --api-timeout)")
        if self.backend == "openai" and not self.api_base:
            raise InputError("the openai backend needs the server's address (--api-base http://HOST:PORT/v1)")

    def replace(self, **changes: Any) -> TranslatorOptions:
        """A copy with some fields changed (checked again)."""
        return dataclasses.replace(self, **changes)

    def settings(self, *, model: str, model_id: str, backend: str, dtype: str | None,
                 glossary: str, name_style: str | None = None) -> dict[str, Any]:
        """What decides the output text: these options plus the loaded model's and glossary's identity
        (``model_id`` and ``glossary`` are content fingerprints) and the name style in force
        (``name_style``: resolved from the glossaries when the option is None). The keys are part of
        the report's interface (``settings`` in ``translate --report``)."""
        return {
            "model": model,
            "model_id": model_id,
            "backend": backend,
            "dtype": dtype,
            "strategy": self.strategy,
            "glossary": glossary,
            "names": self.names,
            "name_style": name_style or self.name_style or "spaced",
            "era": self.era,
            "digits": self.digits,
            "num_beams": self.num_beams,
            "max_new_tokens": self.max_new_tokens,
            "allocation": self.allocation,
            "chunk_segments": self.chunk_segments,
            # Only where they differ from the defaults, so earlier runs' fingerprints stay valid.
            **({"document_segments": self.document_segments} if self.document_segments != 1 else {}),
            **({"api_prefill": False} if backend == "openai" and not self.api_prefill else {}),
            # Only where it can change the text: no per-step hook, a strategy that starts with Constrain.
            **({"mask_first": self.mask_first}
               if backend == "ctranslate2" and self.strategy in ("hybrid", "constrain") else {}),
        }


def settings_fingerprint(settings: dict[str, Any]) -> str:
    """One hash of ``TranslatorOptions.settings(...)``: equal exactly when the output would be."""
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()
