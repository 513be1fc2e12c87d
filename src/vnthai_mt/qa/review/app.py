"""The review web application (Starlette): one page, two static files, a small JSON API.

    GET  /                      the page (a fresh token in a <meta>, no inline script or style)
    GET  /static/review.js|css  the page's script and style, from the package's data
    GET  /api/files             the files under review                       (token)
    GET  /api/file/N            file N checked: lines, source, findings      (token)
    POST /api/file/N/save       {"sha256", "stamp", "decisions": [...]}      (token, same origin)

Every response carries a strict Content-Security-Policy (scripts and styles from this origin only,
nothing inline, no frames, no forms). Every request must name this server in ``Host`` (so a page on
another site that rebinds a DNS name to 127.0.0.1 gets nothing); every ``/api`` request must carry a
token the server put in a page it served (``X-Review-Token``), and a POST must come from this origin.
Files are addressed by their number in the list the server was started on, never by a path.
"""

from __future__ import annotations

import json
import secrets
from collections import deque
from importlib import resources

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vnthai_mt.errors import VnthaiError
from vnthai_mt.qa.decisions import parse_decisions
from vnthai_mt.qa.review.session import Conflict, Workspace

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "no-store",
}
MAX_BODY = 8 * 1024 * 1024
TOKEN_HEADER = "x-review-token"
STATIC = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"}


def _asset(name: str) -> bytes:
    return resources.files("vnthai_mt.qa").joinpath("data", "review", name).read_bytes()


class Guard:
    """ASGI middleware: Host check, security headers, token and Origin checks for /api."""

    def __init__(self, app: ASGIApp, state: ReviewState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        problem = self.state.refuse(scope["method"], scope["path"], headers)

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower()
                       not in SECURITY_HEADERS]
                raw += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": raw}
            await send(message)

        if problem is not None:
            status, text = problem
            await JSONResponse({"error": text}, status_code=status)(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)


class ReviewState:
    def __init__(self, workspace: Workspace, host: str, port: int) -> None:
        self.workspace = workspace
        self.host = host
        self.port = port
        self.tokens: deque[str] = deque(maxlen=256)  # one per page served; the oldest expire

    @property
    def hosts(self) -> set[str]:
        names = {self.host, "127.0.0.1", "localhost"} if self.host in ("127.0.0.1", "localhost") else {self.host}
        return {f"{h}:{self.port}" for h in names} | ({f"[{self.host}]:{self.port}"} if ":" in self.host else set())

    def new_token(self) -> str:
        token = secrets.token_urlsafe(24)
        self.tokens.append(token)
        return token

    def refuse(self, method: str, path: str, headers: dict[str, str]) -> tuple[int, str] | None:
        """(status, why) for a request this server must not answer; None when it may."""
        if headers.get("host", "") not in self.hosts:
            return 403, "unexpected Host header (this server answers only its own address)"
        if method == "POST" or path.startswith("/api/"):
            origin = headers.get("origin")
            if method == "POST" and origin not in {f"http://{h}" for h in self.hosts}:
                return 403, "cross-origin request refused"
            site = headers.get("sec-fetch-site")
            if site is not None and site not in ("same-origin", "none"):
                return 403, "cross-site request refused"
            token = headers.get(TOKEN_HEADER, "")
            if not token or not any(secrets.compare_digest(token, t) for t in self.tokens):
                return 403, "missing or unknown page token (reload the page)"
        elif method not in ("GET", "HEAD"):
            return 405, "method not allowed"
        elif headers.get("sec-fetch-site") in ("cross-site", "same-site"):
            return 403, "cross-site request refused"  # another site may not even load the page (and its token)
        return None


def create_app(workspace: Workspace, host: str = "127.0.0.1", port: int = 0) -> tuple[Starlette, ReviewState]:
    """The application and its state (``state.port`` must be set to the bound port before serving)."""
    state = ReviewState(workspace, host, port)
    page = _asset("index.html").decode("utf-8")

    async def index(request: Request) -> Response:
        token = state.new_token()  # url-safe base64: nothing to escape
        return Response(page.replace("{{TOKEN}}", token), media_type="text/html; charset=utf-8")

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return JSONResponse({"error": "not found"}, status_code=404)
        return Response(_asset(name), media_type=STATIC[name])

    async def files(request: Request) -> Response:
        return JSONResponse(workspace.listing())

    def _index(request: Request) -> int | None:
        try:
            number = int(request.path_params["n"])
        except ValueError:
            return None
        return number if 0 <= number < len(workspace.files) else None

    async def file(request: Request) -> Response:
        number = _index(request)
        if number is None:
            return JSONResponse({"error": "no such file"}, status_code=404)
        try:
            from starlette.concurrency import run_in_threadpool

            body = await run_in_threadpool(workspace.payload_json, number)
            return Response(body, media_type="application/json")
        except VnthaiError as err:
            return JSONResponse({"error": str(err)}, status_code=422)

    async def save(request: Request) -> Response:
        number = _index(request)
        if number is None:
            return JSONResponse({"error": "no such file"}, status_code=404)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "expected application/json"}, status_code=415)
        body = await request.body()
        if len(body) > MAX_BODY:
            return JSONResponse({"error": "request too large"}, status_code=413)
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("sha256"), str):
                raise ValueError("expected {sha256, stamp, decisions}")
            decisions, _ = parse_decisions(data, "request")
            stamp = data.get("stamp") or ""
            from starlette.concurrency import run_in_threadpool

            result = await run_in_threadpool(workspace.save, number, data["sha256"], str(stamp), decisions)
        except Conflict as err:
            return JSONResponse({"error": str(err), "conflict": True}, status_code=409)
        except VnthaiError as err:
            return JSONResponse({"error": str(err)}, status_code=422)
        except ValueError as err:
            return JSONResponse({"error": f"bad request: {err}"}, status_code=400)
        return JSONResponse(result)

    async def favicon(request: Request) -> Response:
        return Response(status_code=204)  # no icon, and no 404 in the browser's console

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/api/files", files, methods=["GET"]),
        Route("/api/file/{n}", file, methods=["GET"]),
        Route("/api/file/{n}/save", save, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.add_middleware(Guard, state=state)
    return app, state
