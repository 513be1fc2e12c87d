"""Serving the review application with uvicorn on a socket bound here (127.0.0.1 by default).

    serve(workspace, port=0, open_browser=True)   # prints "review: http://127.0.0.1:PORT/", blocks

The socket is bound before uvicorn starts, so ``--port 0`` picks a free port and the printed address is
the real one. Ctrl-C (SIGINT) or SIGTERM stops uvicorn gracefully; ``serve`` then returns normally.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable

from vnthai_mt.errors import InputError
from vnthai_mt.qa.review.app import create_app
from vnthai_mt.qa.review.session import Workspace


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err} (try another --port; "
                         "0 picks a free one)") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(workspace: Workspace, *, host: str = "127.0.0.1", port: int = 0, open_browser: bool = False,
          announce: Callable[[str], None] | None = None) -> None:
    import uvicorn

    sock = bind(host, port)
    bound = sock.getsockname()[1]
    app, _ = create_app(workspace, host, bound)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"
    (announce or (lambda text: print(text, file=sys.stderr, flush=True)))(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the signal it caught, once it has shut down
        pass
    finally:
        sock.close()


class Background:
    """The same server in a thread of this process (scripts, benchmarks): ``url``, then ``stop()``."""

    def __init__(self, workspace: Workspace, host: str = "127.0.0.1", port: int = 0) -> None:
        import threading
        import time

        import uvicorn

        self.sock = bind(host, port)
        bound = self.sock.getsockname()[1]
        app, _ = create_app(workspace, host, bound)
        self.url = f"http://{host}:{bound}/"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        while not self.server.started and self.thread.is_alive():
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
