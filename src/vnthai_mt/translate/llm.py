"""Instruction models as translation backends: a local decoder-only model (Transformers) here, an
OpenAI-compatible server in ``translate.openai_backend``; both behind the ``Backend`` interface the
glossary layer already drives, so the same strategies, reports, resume and memory apply.

    engine = load_backend("Qwen/Qwen2.5-1.5B-Instruct")          # recognised as decoder-only
    engine.set_requirements(["Chủ tịch nước phát biểu."], [[required...]])
    engine.translate(["Chủ tịch nước phát biểu."])               # -> ["ประธานาธิบดีกล่าว..."]

Per request: ``translate.prompt.build_messages`` (task, house style, only this text's required
renderings with their kinds, the source delimited as data), the model's answer, then
``translate.hygiene.clean`` (prefaces, notes, quotes, echoed instructions stripped; counted in
``usage``). ``set_requirements`` is how the pipeline tells the backend which renderings each text
needs (the prompt lists them); ``translate(..., misses=...)`` asks again naming the renderings an
earlier answer lacked.

Document mode (``document_segments`` > 1): a free pass sends windows of that many consecutive
sentences in one request, each marked ``[[n]]``, so the model sees the context and writes names one
way; the answer is split back by its markers and checked (``hygiene.split_document``); a window whose
markers are not all there once and in order is asked again sentence by sentence (``usage``
``document_fallbacks``). Passes with a target prefix or constrained decoding are per sentence.

The local backend (``CausalBackend``): the chat template from the tokenizer; batches are LEFT padded
(prompt and any forced target prefix end at the same column, so generation starts together);
greedy or beam search; the constrained-decoding processor sees only the generated tokens (and a
forced prefix), never the prompt (``GeneratedOnly``), exactly as it sees a seq2seq decoder's output.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError, ModelNotFoundError
from vnthai_mt.text import thai
from vnthai_mt.translate import hygiene
from vnthai_mt.translate.backends import Backend, LogitsProcessors, _first_line, _Job, plan_batches
from vnthai_mt.translate.models import LanguageHandling
from vnthai_mt.translate.prompt import Hint, build_messages

log = logging.getLogger("vnthai_mt.translate.backends")

LLM_HANDLING = LanguageHandling("llm")
# The longest sentence (in tokens) sent as one piece: the pipeline splits longer ones at clauses.
MAX_TEXT_TOKENS = 512


@dataclass
class Request:
    """One chat request: the texts it carries (indices into the caller's list) and its messages."""

    indices: list[int]
    messages: list[dict[str, str]]
    prefix: str | None = None
    max_new_tokens: int = 64


@dataclass
class Usage:
    """What the instruction model was asked and what hygiene removed (``llm`` in the report)."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0
    document_requests: int = 0
    document_fallbacks: int = 0
    refused: int = 0
    stripped: Counter = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {"requests": self.requests, "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens, "retries": self.retries,
                "document_requests": self.document_requests, "document_fallbacks": self.document_fallbacks,
                "refused": self.refused, "stripped": dict(sorted(self.stripped.items()))}

    def copy(self) -> Usage:
        return Usage(**{**self.__dict__, "stripped": Counter(self.stripped)})

    def minus(self, before: Usage) -> Usage:
        diff = {k: getattr(self, k) - getattr(before, k) for k in self.__dict__ if k != "stripped"}
        return Usage(**diff, stripped=self.stripped - before.stripped)


class PromptedBackend(Backend):
    """What every instruction-model backend shares: prompts, hints, document mode, hygiene."""

    uses_prompts = True
    supports_misses = True

    def __init__(self, *, document_segments: int = 1, **options: Any) -> None:
        super().__init__(**options)
        self.document_segments = max(1, document_segments)
        self.hints: dict[str, list[Hint]] = {}
        self.usage = Usage()
        self.last_stripped: dict[str, list[str]] = {}  # source -> what hygiene removed from its answer

    def set_requirements(self, texts: Sequence[str], required: Sequence[Sequence[Any]]) -> None:
        """The renderings each text needs (``Required`` objects); the prompt for that text lists them."""
        for text, reqs in zip(texts, required):
            self.hints[text] = list(dict.fromkeys(Hint(r.vi, r.th, r.kind) for r in reqs))

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Tokens of each text itself (the prompt around it is not counted: the pipeline splits by this)."""
        return [len(ids) + 2 for ids in self.encode_targets(list(texts))] if texts else []

    def translate(
        self,
        texts: Sequence[str],
        *,
        logits_processors: LogitsProcessors | None = None,
        target_prefixes: Sequence[str | None] | None = None,
        num_beams: int | None = None,
        max_new_tokens: int | None = None,
        min_new_tokens: int | None = None,
        misses: Sequence[Sequence[Hint]] | None = None,
    ) -> list[str]:
        texts, outputs, todo = self._start(texts, logits_processors, target_prefixes)
        if not todo:
            return outputs
        lengths = dict(zip(todo, self.count_tokens([texts[i] for i in todo])))
        too_long = [i for i in todo if lengths[i] > self.max_source_tokens]
        if too_long:
            i = too_long[0]
            raise InputError(f"segment {i + 1} is {lengths[i]} tokens long; the model accepts "
                             f"{self.max_source_tokens}: split it into sentences first")

        def limit(i: int) -> int:
            return max_new_tokens or self.max_new_tokens or 2 * lengths[i] + 10

        beams = num_beams or self.num_beams
        single = list(todo)
        if self.document_segments > 1 and not logits_processors and target_prefixes is None and not misses:
            windows = [todo[k : k + self.document_segments] for k in range(0, len(todo), self.document_segments)]
            windows = [w for w in windows if len(w) > 1]
            requests = [Request(w, build_messages([texts[i] for i in w], [self.hints.get(texts[i], []) for i in w]),
                                max_new_tokens=sum(limit(i) + 6 for i in w)) for w in windows]
            in_windows = {i for w in windows for i in w}
            single = [i for i in todo if i not in in_windows]
            answers = self._complete(requests, num_beams=beams, min_new_tokens=None, logits_processors=None)
            self.usage.document_requests += len(requests)
            for req, answer in zip(requests, answers):
                parts = hygiene.split_document(answer, len(req.indices))
                if parts is None:
                    self.usage.document_fallbacks += 1
                    single.extend(req.indices)
                    continue
                for i, part in zip(req.indices, parts):
                    outputs[i] = self._clean(part, texts[i])
            single.sort()
        requests = []
        for i in single:
            hints = self.hints.get(texts[i], [])
            miss = [list(misses[i])] if misses is not None else None
            prefix = target_prefixes[i] if target_prefixes is not None else None
            if prefix and thai.is_thai(prefix[-1]):
                # A space after the forced rendering: a continuation glued to it (สหาย + า) would make
                # it another word, and the rendering would not be there.
                prefix += " "
            requests.append(Request([i], build_messages([texts[i]], [hints], misses=miss), prefix or None, limit(i)))
        answers = self._complete(requests, num_beams=beams, min_new_tokens=min_new_tokens,
                                 logits_processors=logits_processors)
        for req, answer in zip(requests, answers):
            outputs[req.indices[0]] = self._clean(answer, texts[req.indices[0]])
        return outputs

    def _clean(self, answer: str, source: str) -> str:
        cleaned = hygiene.clean(answer, source, self.hints.get(source, []))
        self.usage.stripped.update(cleaned.stripped)
        self.usage.refused += cleaned.refused
        self.last_stripped[source] = cleaned.stripped
        return cleaned.text

    def _complete(self, requests: list[Request], *, num_beams: int, min_new_tokens: int | None,
                  logits_processors: LogitsProcessors | None) -> list[str]:
        """The answer to each request (with its prefix at the start, where it had one)."""
        raise NotImplementedError


class GeneratedOnly:
    """A logits processor seen through a window: ``input_ids`` from column ``offset`` on (the tokens
    after the prompt: forced prefix and generated ones), as a seq2seq decoder's output is seen."""

    def __init__(self, inner: Any, offset: int) -> None:
        self.inner = inner
        self.offset = offset

    def __call__(self, input_ids, scores):
        return self.inner(input_ids[:, self.offset :], scores)


def is_causal_folder(path: Path) -> bool:
    """True when ``path`` holds a decoder-only (causal LM) model rather than an encoder-decoder one."""
    import json

    file = path / "config.json"
    if not file.is_file():
        return False
    try:
        config = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if config.get("is_encoder_decoder"):
        return False
    archs = config.get("architectures") or []
    return any(str(a).endswith("ForCausalLM") for a in archs)


class CausalBackend(PromptedBackend):
    """A local decoder-only instruction model through ``transformers``, CPU or CUDA."""

    name = "transformers"
    supports_logits_processors = True
    supports_target_prefixes = True

    def __init__(self, path: Path, *, device: str, dtype: str | None, document_segments: int = 1,
                 **options: Any) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from vnthai_mt.translate.backends import TORCH_DTYPES
        from vnthai_mt.translate.resolve import has_safetensors

        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        if device.startswith("cuda") and not torch.cuda.is_available():
            raise InputError("--device cuda asked for, but PyTorch sees no CUDA device")
        dtype = dtype or ("bfloat16" if device.startswith("cuda") else "float32")
        if dtype not in TORCH_DTYPES:
            raise InputError(f"dtype {dtype!r} is not available with the transformers backend "
                             f"(choose {', '.join(TORCH_DTYPES)})")
        try:
            tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
            model = AutoModelForCausalLM.from_pretrained(path, trust_remote_code=False, dtype=getattr(torch, dtype),
                                                         use_safetensors=has_safetensors(path))
        except Exception as err:
            raise ModelNotFoundError(f"cannot load the model: {_first_line(err)}", path=str(path)) from err
        if not getattr(tokenizer, "chat_template", None):
            raise ModelNotFoundError("a decoder-only model without a chat template (not an instruction "
                                     "model); use an instruct/chat checkpoint", path=str(path))
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token
        tokenizer.padding_side = "left"
        model.to(device)  # type: ignore[arg-type]  # the stubs type the device argument narrowly
        model.eval()
        self.model = model
        self.config = model.config
        self.dtype = dtype
        positions = int(getattr(model.config, "max_position_embeddings", 0) or 4096)
        self.max_positions = positions
        budget = min(MAX_TEXT_TOKENS, positions // 4)
        super().__init__(tokenizer=tokenizer, handling=LLM_HANDLING, model_path=path, device=device,
                         max_source_tokens=budget, max_target_tokens=budget, document_segments=document_segments,
                         **options)

    def prompt_ids(self, messages: list[dict[str, str]]) -> list[int]:
        """The chat template applied to ``messages``, ready for the assistant's answer."""
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def _complete(self, requests, *, num_beams, min_new_tokens, logits_processors):
        jobs = []
        prefixes = self.encode_targets([r.prefix or "" for r in requests])
        for k, (req, prefix_ids) in enumerate(zip(requests, prefixes)):
            ids = self.prompt_ids(req.messages)
            if len(ids) + len(prefix_ids) + req.max_new_tokens > self.max_positions:
                raise InputError(f"a prompt of {len(ids)} tokens leaves the model ({self.max_positions} positions) "
                                 "no room for its answer: split the text or use a model with a longer context")
            jobs.append(_Job(k, ids, list(prefix_ids) if req.prefix else []))
        answers = [""] * len(requests)
        batches = plan_batches([len(j.source_ids) + len(j.prefix_ids) for j in jobs], self.batch_tokens,
                               [len(j.prefix_ids) * 100_000 + requests[j.index].max_new_tokens for j in jobs])
        for batch in batches:
            batch_jobs = [jobs[b] for b in batch]
            procs = None
            if logits_processors:
                caller = [requests[j.index].indices[0] for j in batch_jobs]
                procs = logits_processors(caller) if callable(logits_processors) else logits_processors
            limit = max(requests[j.index].max_new_tokens for j in batch_jobs)
            for job, text in zip(batch_jobs, self._generate_batch(batch_jobs, num_beams, limit, min_new_tokens, procs)):
                answers[job.index] = text
            self.usage.requests += len(batch_jobs)
        return answers

    def _generate_batch(self, jobs, num_beams, max_new_tokens, min_new_tokens, procs) -> list[str]:
        rows = [j.source_ids + j.prefix_ids for j in jobs]
        prefix_len = len(jobs[0].prefix_ids)  # one prefix length per batch (plan_batches keys)
        new = self.generate_ids(rows, max_new_tokens=max_new_tokens, num_beams=num_beams,
                                min_new_tokens=min_new_tokens, procs=procs, view_from_end=prefix_len)
        texts = []
        for job, ids in zip(jobs, new):
            self.usage.prompt_tokens += len(job.source_ids)
            self.usage.completion_tokens += len(ids)
            texts.append(self.decode(job.prefix_ids + ids))
        return texts

    def generate_ids(self, rows: list[list[int]], *, max_new_tokens: int | Sequence[int], num_beams: int = 1,
                     min_new_tokens: int | None = None, procs: Sequence[Any] | None = None,
                     view_from_end: int = 0) -> list[list[int]]:
        """Generate after each row of prompt ids (left padded into one batch); the new ids of each row,
        cut at its end-of-turn token (included) or at its own limit. ``procs`` see the last
        ``view_from_end`` prompt columns (a forced prefix) and the generated tokens."""
        import torch
        from transformers import LogitsProcessorList

        limits = [max_new_tokens] * len(rows) if isinstance(max_new_tokens, int) else list(max_new_tokens)
        longest = max(limits)
        pad = self.tokenizer.pad_token_id
        eos = self.tokenizer.eos_token_id
        width = max(len(r) for r in rows)
        input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
        attention = torch.zeros((len(rows), width), dtype=torch.long)
        for r, row in enumerate(rows):  # left padding: every row ends at column `width`
            input_ids[r, width - len(row) :] = torch.tensor(row)
            attention[r, width - len(row) :] = 1
        kwargs: dict[str, Any] = {
            "input_ids": input_ids.to(self.device), "attention_mask": attention.to(self.device),
            "num_beams": num_beams, "max_new_tokens": longest, "do_sample": False,
            "pad_token_id": pad, "eos_token_id": eos,
        }
        if min_new_tokens:
            kwargs["min_new_tokens"] = min(min_new_tokens, longest)
        if procs:
            kwargs["logits_processor"] = LogitsProcessorList([GeneratedOnly(p, width - view_from_end) for p in procs])
        with torch.inference_mode():
            out = self.model.generate(**kwargs).tolist()
        result = []
        cut = 0
        for seq, limit in zip(out, limits):
            new = seq[width:]
            if eos in new:
                new = new[: new.index(eos) + 1]
            else:
                new = [t for t in new if t != pad] if pad != eos else new
            if len(new) >= limit and eos not in new[:limit]:
                cut += 1
            result.append(new[:limit])
        self._warn_truncated(cut if not min_new_tokens else 0, longest)
        return result
