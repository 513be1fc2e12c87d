"""`vnthai-mt serve-llm MODEL`: serve a local chat model as an OpenAI-compatible server."""

from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser(
        "serve-llm", help="serve a local decoder-only chat model with an OpenAI-compatible API",
        description="Serve a local instruction (decoder-only, chat template) model on /v1/chat/completions, "
        "so `translate --backend openai --api-base http://HOST:PORT/v1` can use it. Greedy, non-streaming; "
        "concurrent requests share a batch. Needs the serve extra (starlette, uvicorn).")
    p.add_argument("model",
                   help="model folder or hub id (e.g. one built by `vnthai-mt tiny-model OUT --family causal`)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free port, printed)")
    p.add_argument("--name", default=None, help="model name the server answers to (default: the folder name)")
    p.add_argument("--device", default="auto", metavar="auto|cpu|cuda")
    p.add_argument("--dtype", default=None, help="float32/float16/bfloat16")
    p.add_argument("--threads", type=int, default=None, metavar="N", help="CPU threads (default: all available)")
    p.add_argument("--max-batch", type=int, default=16, help="requests generated together (default 16)")
    p.add_argument("--max-requests", type=int, default=None, metavar="N",
                   help="stop after answering N completions (default: run until interrupted)")
    p.set_defaults(func=_run)


def _run(args) -> int:
    from vnthai_mt.errors import InputError
    from vnthai_mt.translate.serve_llm import serve

    counts = (args.max_batch, args.threads, args.max_requests)
    if any(n is not None and n < 1 for n in counts):
        raise InputError("--max-batch, --threads and --max-requests must be at least 1")
    if not 0 <= args.port <= 65535:
        raise InputError(f"--port {args.port} is not a port number")
    serve(args.model, host=args.host, port=args.port, name=args.name, device=args.device, dtype=args.dtype,
          max_batch=args.max_batch, max_requests=args.max_requests, threads=args.threads)
    return 0
