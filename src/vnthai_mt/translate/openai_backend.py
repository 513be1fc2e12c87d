"""Any OpenAI-compatible chat server as a translation backend (vLLM, llama.cpp, Ollama, TGI,
``transformers serve``, ``vnthai-mt serve-llm``, or a hosted API).

    VNTHAI_MT_API_KEY=... vnthai-mt translate in.txt -o out.txt \\
        --backend openai --api-base http://127.0.0.1:8000/v1 --model Qwen/Qwen2.5-7B-Instruct

Each sentence (or document window) is one ``POST {api_base}/chat/completions`` with greedy settings
(``temperature`` 0); the answer goes through the same hygiene and glossary layer as a local model's.
The key is read from ``VNTHAI_MT_API_KEY`` (else ``OPENAI_API_KEY``) when a request is made; it is
sent only in the ``Authorization`` header, never logged, never in options, settings, reports or
checkpoints.

Reliability: at most ``concurrency`` requests in flight; each has a ``timeout`` (seconds); a 429, a
5xx, a timeout or a refused connection is retried ``retries`` times with exponential backoff (0.5 s,
1 s, 2 s..., or the server's ``Retry-After``); then one ``ServerError`` names the server and the last
failure (exit 3; the checkpoint of a file run is kept, so ``--resume`` continues). Other 4xx answers
(bad model name, bad key) fail at once.

Prefix forcing: with ``prefill`` on (default), a forced prefix is sent as a final assistant message
with ``continue_final_message: true`` and ``add_generation_prompt: false`` (vLLM's and
``serve-llm``'s way of continuing it; llama.cpp continues a final assistant message by itself);
the answer is the continuation. With ``prefill`` off the backend declares no target prefixes and the
glossary layer stops after repair and asking again.

Token counts: the server has the tokenizer, not us; sentence lengths (for splitting and output
limits) are estimated by ``ApproxTokenizer`` (about one token per 2 characters of Thai or
Vietnamese, generous on purpose). The report's token usage is the server's own ``usage``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from vnthai_mt.errors import VnthaiError
from vnthai_mt.translate.llm import LLM_HANDLING, MAX_TEXT_TOKENS, PromptedBackend, Request

log = logging.getLogger("vnthai_mt.translate.backends")

KEY_VARIABLES = ("VNTHAI_MT_API_KEY", "OPENAI_API_KEY")
RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
BACKOFF_S = 0.5
MAX_BACKOFF_S = 30.0


class ServerError(VnthaiError):
    """The translation server failed (after retries) or refused the request."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=3)


class ApproxTokenizer:
    """Just enough of a tokenizer for the glossary layer to measure texts the server will tokenize:
    ids are characters, two to a token (an estimate; never sent anywhere)."""

    eos_token_id = None
    pad_token_id = None
    unk_token_id = None
    all_special_ids: list[int] = []

    def __call__(self, text: Any = None, text_target: Any = None, add_special_tokens: bool = False,
                 **_: Any) -> dict[str, list[list[int]]]:
        texts = text_target if text_target is not None else text
        single = isinstance(texts, str)
        rows = [[ord(c) for c in t[::2]] for t in ([texts] if single else texts)]
        return {"input_ids": rows[0] if single else rows}  # type: ignore[dict-item]

    def decode(self, ids: Sequence[int], skip_special_tokens: bool = True) -> str:
        return "".join(chr(i) for i in ids)

    def get_vocab(self) -> dict[str, int]:
        return {}


def api_key() -> str | None:
    for name in KEY_VARIABLES:
        value = os.environ.get(name)
        if value:
            return value
    return None


class OpenAIBackend(PromptedBackend):
    """Chat completions from an OpenAI-compatible server (see the module docstring)."""

    name = "openai"
    supports_logits_processors = False

    def __init__(self, model: str, api_base: str, *, timeout: float = 120.0, retries: int = 4,
                 concurrency: int = 4, prefill: bool = True, document_segments: int = 1, **options: Any) -> None:
        self.api_base = api_base.rstrip("/")
        if not self.api_base.startswith(("http://", "https://")):
            raise VnthaiError(f"--api-base must be an http(s) URL, not {api_base!r}")
        self.model_name = model
        self.timeout = timeout
        self.retries = max(0, retries)
        self.concurrency = max(1, concurrency)
        self.supports_target_prefixes = prefill
        self.dtype = None
        self._lock = threading.Lock()
        super().__init__(tokenizer=ApproxTokenizer(), handling=LLM_HANDLING, model_path=model, device="server",
                         max_source_tokens=MAX_TEXT_TOKENS, max_target_tokens=4 * MAX_TEXT_TOKENS,
                         document_segments=document_segments, **options)

    @property
    def endpoint(self) -> str:
        return f"{self.api_base}/chat/completions"

    def _complete(self, requests, *, num_beams, min_new_tokens, logits_processors):
        if not requests:
            return []
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(requests))) as pool:
            return list(pool.map(self._one, requests))

    def _one(self, req: Request) -> str:
        messages = list(req.messages)
        body: dict[str, Any] = {"model": self.model_name, "messages": messages, "temperature": 0,
                                "max_tokens": req.max_new_tokens, "n": 1, "stream": False}
        if req.prefix:
            messages.append({"role": "assistant", "content": req.prefix})
            body.update(continue_final_message=True, add_generation_prompt=False)
        reply = self._post(body)
        try:
            choice = reply["choices"][0]
            content = choice["message"].get("content") or ""
        except (KeyError, IndexError, TypeError, AttributeError) as err:
            raise ServerError(f"{self.endpoint} answered without choices[0].message: {str(reply)[:200]}") from err
        usage = reply.get("usage") or {}
        with self._lock:
            self.usage.requests += 1
            self.usage.prompt_tokens += int(usage.get("prompt_tokens") or 0)
            self.usage.completion_tokens += int(usage.get("completion_tokens") or 0)
        if req.prefix:
            # A server that repeats the prefix (some do) is not prepended twice.
            return content if content.startswith(req.prefix) else req.prefix + content
        return content

    def _post(self, body: dict[str, Any]) -> dict[str, Any]:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        key = api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        last = ""
        for attempt in range(self.retries + 1):
            wait = min(MAX_BACKOFF_S, BACKOFF_S * 2**attempt)
            request = urllib.request.Request(self.endpoint, data=data, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                    return json.loads(resp.read().decode("utf-8"))
            except urllib.error.HTTPError as err:
                detail = _error_text(err)
                last = f"HTTP {err.code} {err.reason}" + (f": {detail}" if detail else "")
                if err.code not in RETRY_STATUSES:
                    raise ServerError(f"{self.endpoint} refused the request: {last}") from None
                after = err.headers.get("Retry-After") if err.headers else None
                if after and after.strip().isdigit():
                    wait = min(MAX_BACKOFF_S, float(after))
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as err:
                reason = getattr(err, "reason", err)
                last = "no answer within the timeout" if isinstance(reason, TimeoutError) or "timed out" in str(
                    reason) else f"connection failed ({reason})"
            except ValueError as err:
                raise ServerError(f"{self.endpoint} answered something that is not JSON: {err}") from None
            if attempt < self.retries:
                with self._lock:
                    self.usage.retries += 1
                log.debug("retrying %s after %s (attempt %d)", self.endpoint, last, attempt + 1)
                time.sleep(wait)
        raise ServerError(f"{self.endpoint} failed {self.retries + 1} times; last: {last}")

    def __repr__(self) -> str:
        return f"<OpenAIBackend {self.model_name} at {self.api_base}>"


def _error_text(err: urllib.error.HTTPError) -> str:
    try:
        raw = err.read().decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - the body is only a detail of the message
        return ""
    try:
        obj = json.loads(raw)
        msg = obj.get("error", {}).get("message") if isinstance(obj.get("error"), dict) else obj.get("error")
        raw = str(msg or obj.get("detail") or raw)
    except ValueError:
        pass
    return " ".join(raw.split())[:200]
