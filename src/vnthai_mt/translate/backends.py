"""Translation backends: one small interface, two engines (Transformers and CTranslate2).

``load_backend(model, backend=...)`` returns a :class:`Backend`; ``Backend.translate(texts)`` returns
one Thai string per input, in input order. Inside, texts are encoded once, sorted by length and cut
into batches by a token budget (``batch_tokens``: rows x longest source in the batch), so padding
stays small and memory stays bounded; empty texts never reach the model.

What each backend supports (the glossary layer chooses its strategy from this):

- ``transformers``: ``logits_processors`` (constrained decoding) and ``target_prefixes``.
- ``ctranslate2``: ``target_prefixes`` only (CTranslate2 has no per-step hook for Python code).

``target_prefixes`` gives, per text, a Thai string the translation must start with (or None). The
backend tokenizes it on the target side and forces it after the language token: CTranslate2 through
``target_prefix``, Transformers through ``decoder_input_ids``. The output text begins with it, as the
tokenizer writes it back: NLLB's sentencepiece normalization (NFKC) turns ำ into ํา, so compare
outputs after ``vnthai_mt.text.thai.normalize``.

Lengths: ``max_source_tokens`` is the longest input the model takes, counted as ``count_tokens``
counts (special tokens included); a longer text is refused with an InputError, never truncated, so
the pipeline splits first. Outputs are capped at ``max_new_tokens`` (default about twice the source
length); a translation that hits the cap is logged as a warning.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError, ModelNotFoundError
from vnthai_mt.translate.models import (
    DEFAULT_MODEL,
    LanguageHandling,
    configure_tokenizer,
    detect_language_handling,
)
from vnthai_mt.translate.resolve import has_safetensors, resolve_model
from vnthai_mt.translate.threads import default_threads
from vnthai_mt.translate.vocabulary import BACKENDS

log = logging.getLogger(__name__)

TORCH_DTYPES = ("float32", "float16", "bfloat16")
CT2_COMPUTE_TYPES = (
    "default", "auto", "float32", "float16", "bfloat16", "int8", "int8_float32", "int8_float16",
    "int8_bfloat16", "int16",
)  # fmt: skip
SIDECAR = "vnthai_mt.json"  # written by `vnthai-mt convert` next to a CTranslate2 model

# logits_processors: a list applied to every batch, or a factory called per batch with the input
# indices of that batch's rows (row r of the batch is texts[indices[r]]; with beam search, rows
# r*num_beams .. r*num_beams+num_beams-1 of the model's input_ids belong to it).
LogitsProcessors = Sequence[Any] | Callable[[list[int]], Sequence[Any]]


@dataclass
class _Job:
    """One non-empty text on its way through the model."""

    index: int  # position in the caller's list
    source_ids: list[int]
    prefix_ids: list[int] = field(default_factory=list)  # target-side ids forced after the start ids


def plan_batches(lengths: Sequence[int], budget: int, keys: Sequence[int] | None = None) -> list[list[int]]:
    """Group positions into batches, longest first, with rows x longest length <= ``budget``.

    Items with different ``keys`` never share a batch (the Transformers backend needs one decoder
    prefix length per batch). An item longer than the budget gets a batch of its own.
    """
    keys = keys if keys is not None else [0] * len(lengths)
    order = sorted(range(len(lengths)), key=lambda i: (keys[i], -lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current:
            longest = lengths[current[0]]  # sorted: the first is the longest of its key group
            if keys[i] != keys[current[0]] or (len(current) + 1) * max(longest, 1) > budget:
                batches.append(current)
                current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


class Backend:
    """Common part: encoding, batching, empty texts, order. Subclasses run the model (``_generate``)."""

    name = "base"
    supports_logits_processors = False
    supports_target_prefixes = True
    thai_vocab_size: int | None = None  # output pieces scored when the Thai vocabulary is in use

    def __init__(
        self,
        *,
        tokenizer: Any,
        handling: LanguageHandling,
        model_path: Path,
        device: str,
        max_source_tokens: int,
        max_target_tokens: int,
        batch_tokens: int,
        num_beams: int,
        max_new_tokens: int | None,
    ) -> None:
        self.tokenizer = tokenizer
        self.handling = handling
        self.model_path = model_path
        self.device = device
        self.max_source_tokens = max_source_tokens  # counted with special tokens, as count_tokens does
        self.max_target_tokens = max_target_tokens
        self.batch_tokens = batch_tokens
        self.num_beams = num_beams
        self.max_new_tokens = max_new_tokens

    # --- language tokens -------------------------------------------------------------------------
    @property
    def family(self) -> str:
        return self.handling.family

    @property
    def source_lang_token(self) -> str | None:
        return self.handling.src_lang

    @property
    def target_lang_token(self) -> str | None:
        return self.handling.target_token

    @property
    def target_lang_token_id(self) -> int | None:
        token = self.handling.target_token
        return None if token is None else int(self.tokenizer.convert_tokens_to_ids(token))

    @property
    def target_start_ids(self) -> list[int]:
        """Target-side ids every hypothesis starts with, before any generated or prefixed token."""
        token_id = self.target_lang_token_id
        return [] if token_id is None else [token_id]

    # --- encoding --------------------------------------------------------------------------------
    def encode_sources(self, texts: Sequence[str]) -> list[list[int]]:
        """Source ids as the model sees them (language token, text, end of sentence)."""
        if not texts:
            return []
        prefix = self.handling.source_prefix
        batch = [prefix + t for t in texts] if prefix else list(texts)
        return [list(ids) for ids in self.tokenizer(batch, add_special_tokens=True)["input_ids"]]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Source length of each text in tokens; a text needs splitting above ``max_source_tokens``."""
        return [len(ids) for ids in self.encode_sources(texts)]

    def encode_targets(self, texts: Sequence[str]) -> list[list[int]]:
        """Target-side ids of Thai strings, without special tokens (for prefixes and constraints)."""
        if not texts:
            return []
        enc = self.tokenizer(text_target=list(texts), add_special_tokens=False)
        return [list(ids) for ids in enc["input_ids"]]

    def decode(self, ids: Sequence[int]) -> str:
        """Text of target ids, without special and language tokens."""
        skip = self._skip_ids
        return self.tokenizer.decode([i for i in ids if i not in skip], skip_special_tokens=True).strip()

    @cached_property
    def _skip_ids(self) -> frozenset[int]:
        # M2M100Tokenizer does not mark its language tokens special, so decode would keep them.
        ids = set(self.tokenizer.all_special_ids)
        ids.update(getattr(self.tokenizer, "lang_token_to_id", {}).values())
        return frozenset(ids)

    # --- translation -----------------------------------------------------------------------------

    def _start(self, texts: Sequence[str], logits_processors,
               target_prefixes) -> tuple[list[str], list[str], list[int]]:
        """Checked arguments of ``translate``: the texts, an empty output per text, and the indices of
        the texts with something to translate."""
        texts = list(texts)
        if logits_processors and not self.supports_logits_processors:
            raise ValueError(f"the {self.name} backend does not support logits processors")
        if target_prefixes is not None and len(target_prefixes) != len(texts):
            raise ValueError("target_prefixes must have one entry per text")
        return texts, [""] * len(texts), [i for i, text in enumerate(texts) if text and text.strip()]

    def translate(
        self,
        texts: Sequence[str],
        *,
        logits_processors: LogitsProcessors | None = None,
        target_prefixes: Sequence[str | None] | None = None,
        num_beams: int | None = None,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
    ) -> list[str]:
        """Translate ``texts``; one output per input, same order. Empty texts give empty strings."""
        texts, outputs, todo = self._start(texts, logits_processors, target_prefixes)
        if not todo:
            return outputs

        jobs = [_Job(i, ids) for i, ids in zip(todo, self.encode_sources([texts[i] for i in todo]))]
        too_long = [job for job in jobs if len(job.source_ids) > self.max_source_tokens]
        if too_long:
            job = too_long[0]
            raise InputError(
                f"segment {job.index + 1} is {len(job.source_ids)} tokens long; the model accepts "
                f"{self.max_source_tokens}: split it into sentences first"
            )
        if target_prefixes is not None:
            wanted = [(job, prefix) for job in jobs if (prefix := target_prefixes[job.index])]
            for (job, _), ids in zip(wanted, self.encode_targets([p for _, p in wanted])):
                job.prefix_ids = ids

        beams = num_beams or self.num_beams
        batches = plan_batches(
            [len(job.source_ids) for job in jobs], self.batch_tokens, [len(job.prefix_ids) for job in jobs]
        )
        for batch in batches:
            batch_jobs = [jobs[k] for k in batch]
            procs: Sequence[Any] | None = None
            if logits_processors:
                indices = [job.index for job in batch_jobs]
                procs = logits_processors(indices) if callable(logits_processors) else logits_processors
            new_tokens = self._new_token_limit(batch_jobs, max_new_tokens)
            results = self._generate(
                batch_jobs,
                num_beams=beams,
                max_new_tokens=new_tokens,
                min_new_tokens=min_new_tokens,
                logits_processors=procs,
            )
            for job, text in zip(batch_jobs, results):
                outputs[job.index] = text
        return outputs

    def _new_token_limit(self, jobs: Sequence[_Job], asked: int | None) -> int:
        """Tokens to generate after the start ids and prefix: asked, or about twice the source."""
        longest_src = max(len(job.source_ids) for job in jobs)
        longest_prefix = max(len(job.prefix_ids) for job in jobs)
        limit = asked or self.max_new_tokens or 2 * longest_src + 10
        room = self.max_target_tokens - len(self.target_start_ids) - longest_prefix - 1
        return max(1, min(limit, room))

    def _generate(
        self,
        jobs: Sequence[_Job],
        *,
        num_beams: int,
        max_new_tokens: int,
        min_new_tokens: int | None,
        logits_processors: Sequence[Any] | None,
    ) -> list[str]:
        raise NotImplementedError

    def _warn_truncated(self, count: int, limit: int) -> None:
        if count:
            # Dict arguments: the CLI sums the counts of repeated warnings into one line.
            log.warning(
                "%(count)d translation(s) reached the output limit (up to %(limit)d tokens) and may be cut "
                "short; raise max_new_tokens or split long segments",
                {"count": count, "limit": limit},
            )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.family} {self.model_path} on {self.device}>"


class TransformersBackend(Backend):
    """Any supported seq2seq model through ``transformers`` (PyTorch), CPU or CUDA."""

    name = "transformers"
    supports_logits_processors = True

    def __init__(self, path: Path, *, device: str, dtype: str | None, thai_vocab: bool | None = None,
                 **options: Any) -> None:
        import torch
        from transformers import AutoConfig, AutoModelForSeq2SeqLM, AutoTokenizer

        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise InputError("--device cuda asked for, but PyTorch sees no CUDA device")
        dtype = dtype or ("float16" if device.startswith("cuda") else "float32")
        if dtype not in TORCH_DTYPES:
            raise InputError(
                f"dtype {dtype!r} is not available with the transformers backend "
                f"(choose {', '.join(TORCH_DTYPES)}; int8 needs --backend ctranslate2)"
            )
        try:
            config = AutoConfig.from_pretrained(path, trust_remote_code=False)
            if not getattr(config, "is_encoder_decoder", False):
                raise ModelNotFoundError(
                    f"not a translation (encoder-decoder) model: {config.model_type}", path=str(path)
                )
            tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
            model = AutoModelForSeq2SeqLM.from_pretrained(
                path,
                trust_remote_code=False,
                use_safetensors=has_safetensors(path),
                dtype=getattr(torch, dtype),
            )
        except ModelNotFoundError:
            raise
        except Exception as err:  # unreadable config/weights/tokenizer: one line for the user
            raise ModelNotFoundError(f"cannot load the model: {_first_line(err)}", path=str(path)) from err
        model.to(device)
        model.eval()
        handling = detect_language_handling(tokenizer, config.model_type)
        configure_tokenizer(tokenizer, handling)
        self.model = model
        self.config = config
        self.dtype = dtype
        self.thai_vocab_size = _slice_for_thai(model, tokenizer, path, thai_vocab)
        max_positions = _max_positions(config, tokenizer)
        super().__init__(tokenizer=tokenizer, handling=handling, model_path=path, device=device,
                         max_source_tokens=max_positions, max_target_tokens=max_positions, **options)

    @property
    def decoder_start_token_id(self) -> int:
        start = self.model.generation_config.decoder_start_token_id
        if start is None:
            start = self.config.decoder_start_token_id
        if isinstance(start, list):
            start = start[0]
        return int(start)

    @property
    def target_start_ids(self) -> list[int]:
        """What ``input_ids`` seen by a logits processor start with: decoder start, then language."""
        return [self.decoder_start_token_id] + super().target_start_ids

    def _generate(self, jobs, *, num_beams, max_new_tokens, min_new_tokens, logits_processors):
        import torch
        from transformers import LogitsProcessorList

        pad = self.tokenizer.pad_token_id
        width = max(len(job.source_ids) for job in jobs)
        input_ids = torch.full((len(jobs), width), pad, dtype=torch.long)
        attention = torch.zeros((len(jobs), width), dtype=torch.long)
        for row, job in enumerate(jobs):
            input_ids[row, : len(job.source_ids)] = torch.tensor(job.source_ids)
            attention[row, : len(job.source_ids)] = 1
        # Start ids and any forced prefix go in as decoder_input_ids (same length in one batch).
        starts = [self.target_start_ids + job.prefix_ids for job in jobs]
        decoder_input_ids = torch.tensor(starts, dtype=torch.long)
        kwargs: dict[str, Any] = {
            "input_ids": input_ids.to(self.device),
            "attention_mask": attention.to(self.device),
            "decoder_input_ids": decoder_input_ids.to(self.device),
            "num_beams": num_beams,
            "max_new_tokens": max_new_tokens,
            "do_sample": False,
        }
        if min_new_tokens:
            kwargs["min_new_tokens"] = min(min_new_tokens, max_new_tokens)
        if logits_processors:
            kwargs["logits_processor"] = LogitsProcessorList(list(logits_processors))
        with torch.inference_mode():
            sequences = self.model.generate(**kwargs)
        sequences = sequences.tolist()
        eos = self.tokenizer.eos_token_id
        cut = sum(
            1
            for seq, start in zip(sequences, starts)
            if eos not in seq[len(start) :] and pad not in seq[len(start) :]
        )
        self._warn_truncated(cut if not min_new_tokens else 0, max_new_tokens)
        return [self.decode(seq) for seq in sequences]


class CTranslate2Backend(Backend):
    """A model converted with ``vnthai-mt convert`` (extra ``ct2``), CPU or CUDA, int8 by default."""

    name = "ctranslate2"
    supports_logits_processors = False

    def __init__(
        self, path: Path, *, device: str, dtype: str | None, threads: int | None = None,
        thai_vocab: bool | None = None, **options: Any
    ) -> None:
        try:
            import ctranslate2
        except ImportError as err:
            raise ModelNotFoundError(
                "the ctranslate2 backend needs the ct2 extra: pip install 'vnthai-mt[ct2]'"
            ) from err
        from transformers import AutoTokenizer

        from vnthai_mt.translate.threads import ct2_cuda_usable, preload_cuda_libraries

        if device == "auto":
            device = "cuda" if ct2_cuda_usable() else "cpu"
        if device.startswith("cuda") and ctranslate2.get_cuda_device_count() == 0:
            raise InputError("--device cuda asked for, but CTranslate2 sees no CUDA device")
        if device.startswith("cuda") and (missing := preload_cuda_libraries()):
            raise InputError(f"--device cuda: CTranslate2 needs {', '.join(missing)} (CUDA 12 runtime); run "
                             "setup.sh, which installs nvidia-cublas-cu12 and nvidia-cudnn-cu12")
        kind, _, index = device.partition(":")  # CTranslate2 takes "cuda" plus an index
        compute_type = dtype or "default"
        if compute_type not in CT2_COMPUTE_TYPES:
            raise InputError(
                f"dtype {compute_type!r} is not a CTranslate2 compute type (choose {', '.join(CT2_COMPUTE_TYPES)})"
            )
        from vnthai_mt.translate.thai_vocab import read_vmap

        threads = threads or default_threads()
        pieces = read_vmap(path)
        if thai_vocab and pieces is None:
            raise InputError("no Thai vocabulary map (vmap.txt) in this CTranslate2 folder: convert the model "
                             "again with vnthai-mt convert --thai-vocab", path=str(path))
        self.use_vmap = bool(pieces) and thai_vocab is not False
        self.thai_vocab_size = len(pieces) if self.use_vmap and pieces else None
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
        except Exception as err:
            raise ModelNotFoundError(
                "no usable tokenizer in this CTranslate2 folder (vnthai-mt convert copies it; "
                f"or copy the original model's tokenizer files here): {_first_line(err)}",
                path=str(path),
            ) from err
        try:
            self.translator = ctranslate2.Translator(
                str(path),
                device=kind,
                device_index=int(index or 0),
                compute_type=compute_type,
                inter_threads=1,
                intra_threads=threads if kind == "cpu" else 0,
            )
        except Exception as err:
            raise ModelNotFoundError(
                f"cannot load the CTranslate2 model: {_first_line(err)}", path=str(path)
            ) from err
        self.dtype = compute_type
        sidecar = _read_sidecar(path)
        handling = detect_language_handling(tokenizer, sidecar.get("model_type"))
        configure_tokenizer(tokenizer, handling)
        max_positions = int(sidecar.get("max_positions") or _tokenizer_limit(tokenizer) or 1024)
        super().__init__(tokenizer=tokenizer, handling=handling, model_path=path, device=device,
                         max_source_tokens=max_positions, max_target_tokens=max_positions, **options)

    def _generate(self, jobs, *, num_beams, max_new_tokens, min_new_tokens, logits_processors):
        tok = self.tokenizer
        source = [tok.convert_ids_to_tokens(job.source_ids) for job in jobs]
        starts = [self.target_start_ids + job.prefix_ids for job in jobs]
        target_prefix = [tok.convert_ids_to_tokens(ids) if ids else None for ids in starts]
        if all(p is None for p in target_prefix):
            target_prefix = None
        # CTranslate2 counts the target prefix in the decoding length; we count new tokens.
        longest_start = max(len(s) for s in starts)
        results = self.translator.translate_batch(
            source,
            target_prefix=target_prefix,
            beam_size=num_beams,
            max_decoding_length=longest_start + max_new_tokens,
            min_decoding_length=longest_start + min(min_new_tokens, max_new_tokens) if min_new_tokens else 1,
            max_input_length=0,  # never truncate silently; translate() checks lengths
            return_end_token=True,
            use_vmap=self.use_vmap,
        )
        outputs = []
        cut = 0
        for result in results:
            tokens = result.hypotheses[0]
            if not tokens or tokens[-1] != tok.eos_token:
                cut += 1
            outputs.append(self.decode(tok.convert_tokens_to_ids(tokens)))
        self._warn_truncated(cut if not min_new_tokens else 0, max_new_tokens)
        return outputs


def load_backend(
    model: str | os.PathLike[str] = DEFAULT_MODEL,
    backend: str = "transformers",
    *,
    device: str = "auto",
    dtype: str | None = None,
    batch_tokens: int | None = None,
    num_beams: int = 4,
    max_new_tokens: int | None = None,
    threads: int | None = None,
    thai_vocab: bool | None = None,
    document_segments: int = 1,
    api_base: str | None = None,
    api_timeout: float = 120.0,
    api_retries: int = 4,
    api_concurrency: int = 4,
    api_prefill: bool = True,
) -> Backend:
    """Load ``model`` (hub id or folder) with ``backend``.

    device: "auto" (CUDA when available), "cpu" or "cuda". dtype: transformers float32 (CPU
    default) / float16 (CUDA default) / bfloat16; ctranslate2 any compute type (default: as
    converted, e.g. int8). batch_tokens: padded source tokens per batch (default 1024 on CPU, 8192 on
    CUDA). num_beams / max_new_tokens: defaults for translate() (max_new_tokens default: about twice
    the source length). threads: CPU threads of the model (default: ``threads.default_threads()``).
    thai_vocab: score only the Thai output pieces (``thai_vocab.py``); None: when the folder has a
    ``vmap.txt`` (``vnthai-mt convert`` writes one), True: always (transformers: the shipped-text map,
    CTranslate2: the folder must have one), False: never.

    A decoder-only folder (``...ForCausalLM`` with a chat template) gets ``llm.CausalBackend``;
    ``backend="openai"`` talks to the server at ``api_base`` (``openai_backend``), ``model`` naming
    the server's model. document_segments and the api_* options are theirs (see ``TranslatorOptions``);
    thai_vocab does not apply to them.
    """
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r} (choose {', '.join(BACKENDS)})")
    if device not in ("auto", "cpu", "cuda") and not device.startswith("cuda:"):
        raise InputError(f"unknown device {device!r} (choose auto, cpu or cuda)")
    if num_beams < 1:
        raise InputError("num_beams must be at least 1")
    options: dict[str, Any] = {
        "batch_tokens": batch_tokens or 0,
        "num_beams": num_beams,
        "max_new_tokens": max_new_tokens,
    }
    engine: Backend
    if backend == "openai":
        from vnthai_mt.translate.openai_backend import OpenAIBackend

        if not api_base:
            raise InputError("the openai backend needs the server's address (--api-base http://HOST:PORT/v1)")
        engine = OpenAIBackend(str(model), api_base, timeout=api_timeout, retries=api_retries,
                               concurrency=api_concurrency, prefill=api_prefill,
                               document_segments=document_segments, **options)
        engine.batch_tokens = engine.batch_tokens or 1024
        return engine
    quiet_progress_bars()
    path = resolve_model(str(model), backend)
    from vnthai_mt.translate.llm import CausalBackend, is_causal_folder

    if backend == "transformers" and is_causal_folder(path):
        engine = CausalBackend(path, device=device, dtype=dtype, document_segments=document_segments, **options)
    elif backend == "ctranslate2":
        engine = CTranslate2Backend(path, device=device, dtype=dtype, threads=threads, thai_vocab=thai_vocab,
                                    **options)
    else:
        engine = TransformersBackend(path, device=device, dtype=dtype, thai_vocab=thai_vocab, **options)
    if not engine.batch_tokens:
        engine.batch_tokens = 8192 if engine.device.startswith("cuda") else 1024
    check_tokenizer(engine.tokenizer, path)
    return engine


# Below this share of known tokens the tokenizer is not this model's (a folder without its tokenizer
# files loads a bare one that turns every word into <unk>: blank translations, exit 0).
MIN_KNOWN_SHARE = 0.5


def check_tokenizer(tokenizer: Any, path: Path) -> None:
    """Refuse a tokenizer that cannot encode the shipped Vietnamese sample (mostly ``<unk>``)."""
    from vnthai_mt.shipped import shipped_path

    sample = shipped_path("examples", "seed_article.vi.txt").read_text(encoding="utf-8")
    text = " ".join(line for line in sample.splitlines()[:5] if line.strip())
    try:
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    except Exception as err:
        raise ModelNotFoundError(f"the tokenizer cannot encode Vietnamese: {_first_line(err)}",
                                 path=str(path)) from err
    unk = getattr(tokenizer, "unk_token_id", None)
    known = sum(1 for i in ids if i != unk)
    if not ids or known < MIN_KNOWN_SHARE * len(ids):
        raise ModelNotFoundError(
            f"the tokenizer turns {len(ids) - known} of {len(ids)} tokens of a Vietnamese sample into "
            "<unk>: the folder lacks this model's tokenizer files (sentencepiece.bpe.model, "
            "tokenizer.json...); copy them from the original model",
            path=str(path),
        )


def quiet_progress_bars() -> None:
    """Loading and download bars only on a terminal (they would clutter logs and pipes)."""
    if sys.stderr.isatty():
        return
    from huggingface_hub.utils import disable_progress_bars
    from transformers.utils import logging as hf_logging

    disable_progress_bars()
    hf_logging.disable_progress_bar()


def _max_positions(config: Any, tokenizer: Any) -> int:
    """Longest sequence the model takes: its position table, else the tokenizer's limit, else 512."""
    limits = [getattr(config, "max_position_embeddings", None), _tokenizer_limit(tokenizer)]
    known = [int(x) for x in limits if x]
    return min(known) if known else 512


def _tokenizer_limit(tokenizer: Any) -> int | None:
    limit = getattr(tokenizer, "model_max_length", None)
    return int(limit) if limit and limit < 1_000_000 else None  # "no limit" is stored as a huge number


def _read_sidecar(path: Path) -> dict[str, Any]:
    import json

    file = path / SIDECAR
    if not file.is_file():
        return {}
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _slice_for_thai(model: Any, tokenizer: Any, path: Path, thai_vocab: bool | None) -> int | None:
    """Slice the output projection to the Thai pieces (see load_backend); the rows kept, or None."""
    if thai_vocab is False:
        return None
    from vnthai_mt.translate import thai_vocab as tv

    pieces = tv.read_vmap(path)
    if pieces is None and not thai_vocab:
        return None
    if pieces is None:
        pieces = tv.thai_pieces(tokenizer)
    return tv.slice_output_projection(model, tv.piece_ids(tokenizer, pieces))


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
