"""A small OpenAI-compatible chat server for a local instruction model (``vnthai-mt serve-llm``).

    vnthai-mt serve-llm ./tiny-causal --port 8000        # or any decoder-only chat model folder
    vnthai-mt translate in.txt -o out.txt --backend openai --api-base http://127.0.0.1:8000/v1 \\
        --model tiny-causal

Serves ``POST /v1/chat/completions`` (non-streaming; greedy: ``temperature`` is taken as 0),
``GET /v1/models`` and ``GET /health`` on Starlette/uvicorn (extra ``serve``). Requests that arrive
together are generated together, up to ``max_batch`` rows, left padded (``llm.CausalBackend``). A
final assistant message is continued when the request says ``continue_final_message: true`` (as
vLLM does), so prefix forcing works against it. ``max_requests``: stop after answering that many
completions (a rolling restart, or a test of resuming after a server that went away).

It exists so that the toolkit's server path runs offline and in tests against a real process; for
production serving use vLLM, llama.cpp, TGI or Ollama, which the ``openai`` backend talks to the
same way.
"""

from __future__ import annotations

import asyncio
import json
import queue
import socket
import sys
import threading
import time
import uuid
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError

DEFAULT_MAX_TOKENS = 256
BATCH_WAIT_S = 0.01  # how long the batcher waits for more requests to join a batch


@dataclass
class _Work:
    ids: list[int]
    max_tokens: int
    future: Future = field(default_factory=Future)


class Batcher:
    """One generation thread; concurrent requests share a batch."""

    def __init__(self, backend: Any, max_batch: int = 16) -> None:
        self.backend = backend
        self.max_batch = max(1, max_batch)
        self.queue: queue.Queue[_Work | None] = queue.Queue()
        self.thread = threading.Thread(target=self._loop, name="serve-llm-generate", daemon=True)
        self.thread.start()

    def submit(self, ids: list[int], max_tokens: int) -> Future:
        work = _Work(ids, max_tokens)
        self.queue.put(work)
        return work.future

    def close(self) -> None:
        self.queue.put(None)

    def _loop(self) -> None:
        while True:
            first = self.queue.get()
            if first is None:
                return
            batch = [first]
            deadline = time.monotonic() + BATCH_WAIT_S
            while len(batch) < self.max_batch:
                try:
                    item = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if item is None:
                    self.queue.put(None)
                    break
                batch.append(item)
            try:
                outs = self.backend.generate_ids([w.ids for w in batch], max_new_tokens=[w.max_tokens for w in batch])
            except Exception as err:  # noqa: BLE001 - each waiting request gets the error as a 500
                for w in batch:
                    w.future.set_exception(err)
                continue
            for w, out in zip(batch, outs):
                w.future.set_result(out)


def make_app(backend: Any, model_name: str, *, max_batch: int = 16, max_requests: int | None = None,
             on_limit: Any = None):
    """The Starlette application serving ``backend`` (an ``llm.CausalBackend``) as ``model_name``."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    batcher = Batcher(backend, max_batch)
    served = {"completions": 0}
    tok = backend.tokenizer
    eos = tok.eos_token_id

    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": {"message": message, "type": "invalid_request_error"}}, status_code=status)

    async def models(request: Request) -> JSONResponse:
        return JSONResponse({"object": "list", "data": [{"id": model_name, "object": "model",
                                                         "owned_by": "vnthai-mt"}]})

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "completions": served["completions"]})

    async def chat(request: Request) -> JSONResponse:
        try:
            body = json.loads(await request.body())
        except ValueError:
            return error(400, "the body is not JSON")
        messages = body.get("messages") if isinstance(body, dict) else None
        if not isinstance(messages, list) or not messages or not all(
                isinstance(m, dict) and isinstance(m.get("content"), str) and m.get("role") for m in messages):
            return error(400, "messages must be a non-empty list of {role, content}")
        if body.get("stream"):
            return error(400, "streaming is not supported by serve-llm")
        cont = bool(body.get("continue_final_message")) and messages[-1]["role"] == "assistant"
        try:
            text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=not cont,
                                           continue_final_message=cont)
        except Exception as err:  # noqa: BLE001 - a template that rejects these messages
            return error(400, f"the chat template rejects these messages: {err}")
        ids = list(tok(text, add_special_tokens=False)["input_ids"])
        room = backend.max_positions - len(ids)
        max_tokens = int(body.get("max_tokens") or body.get("max_completion_tokens") or DEFAULT_MAX_TOKENS)
        if room < 1:
            return error(400, f"the prompt is {len(ids)} tokens; the model takes {backend.max_positions}")
        max_tokens = max(1, min(max_tokens, room))
        try:
            out = await asyncio.wrap_future(batcher.submit(ids, max_tokens))
        except Exception as err:  # noqa: BLE001
            return JSONResponse({"error": {"message": f"generation failed: {err}", "type": "server_error"}},
                                status_code=500)
        finish = "stop" if out and out[-1] == eos else "length"
        content = backend.decode(out)
        served["completions"] += 1
        reply = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:16]}", "object": "chat.completion", "created": int(time.time()),
            "model": model_name,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": finish}],
            "usage": {"prompt_tokens": len(ids), "completion_tokens": len(out),
                      "total_tokens": len(ids) + len(out)},
        }
        if max_requests is not None and served["completions"] >= max_requests and on_limit is not None:
            on_limit()
        return JSONResponse(reply)

    app = Starlette(routes=[
        Route("/v1/chat/completions", chat, methods=["POST"]),
        Route("/v1/models", models, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ])
    app.state.batcher = batcher
    return app


def serve(model: str | Path, *, host: str = "127.0.0.1", port: int = 8000, name: str | None = None,
          device: str = "auto", dtype: str | None = None, max_batch: int = 16, max_requests: int | None = None,
          threads: int | None = None, log=None) -> None:
    """Load ``model`` (a decoder-only chat model folder) and serve it until interrupted (or until
    ``max_requests`` completions). ``threads``: CPU threads for PyTorch (default: all)."""
    try:
        import uvicorn
    except ImportError as err:
        raise InputError("serve-llm needs the serve extra: pip install 'vnthai-mt[serve]'") from err
    from vnthai_mt.translate.llm import CausalBackend, is_causal_folder
    from vnthai_mt.translate.resolve import resolve_model
    from vnthai_mt.translate.threads import apply_torch_threads

    apply_torch_threads(threads)
    path = resolve_model(str(model))
    if not is_causal_folder(path):
        raise InputError("serve-llm serves decoder-only chat models (a ...ForCausalLM folder)", path)
    backend = CausalBackend(path, device=device, dtype=dtype, batch_tokens=0, num_beams=1, max_new_tokens=None)
    model_name = name or path.name
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    bound = sock.getsockname()[1]
    holder: dict[str, Any] = {}

    def stop() -> None:
        holder["server"].should_exit = True

    app = make_app(backend, model_name, max_batch=max_batch, max_requests=max_requests, on_limit=stop)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    holder["server"] = server
    say = log or (lambda line: print(line, flush=True))
    say(f"serving {model_name} on http://{host}:{bound}/v1 (RANDOM WEIGHTS if it is a tiny model)"
        if (path / "README.md").is_file() and "RANDOM" in (path / "README.md").read_text(encoding="utf-8")
        else f"serving {model_name} on http://{host}:{bound}/v1")
    try:
        server.run(sockets=[sock])
    finally:
        app.state.batcher.close()
        sock.close()
    print(f"stopped after {max_requests} completions" if max_requests else "stopped", file=sys.stderr)
