"""The FastAPI application: pages, REST API, static assets, error handling."""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware

from ..errors import AlliesError, InputError, StoreError
from ..store import Store
from ..version import __version__
from .access import StoreAccess
from .security import DEFAULT_MAX_UPLOAD, BodySizeLimit, SecurityHeaders, configured_token

log = logging.getLogger("allies.web")

API_DESCRIPTION = (
    "Relations between states from the news. Ask about a dyad, browse coded events and "
    "articles, and add articles (token-protected). Errors are JSON objects {\"error\": \"...\"}."
)


@dataclass
class WebState:
    access: StoreAccess
    token: str | None
    max_upload: int
    templates: jinja2.Environment
    static_files: dict[str, tuple[Path, str]]


def _plotly_assets() -> dict[str, tuple[Path, str]]:
    """plotly.min.js from the installed plotly package, and its licence."""
    assets: dict[str, tuple[Path, str]] = {}
    try:
        script = resources.files("plotly").joinpath("package_data", "plotly.min.js")
    except ModuleNotFoundError:
        return assets
    script_path = Path(str(script))
    if script_path.is_file():
        assets["vendor/plotly.min.js"] = (script_path, "text/javascript; charset=utf-8")
    try:
        for file in metadata.distribution("plotly").files or []:
            if file.name.upper().startswith(("LICENSE", "LICENCE")):
                licence = Path(str(file.locate()))
                if licence.is_file():
                    assets["vendor/plotly-LICENSE.txt"] = (licence, "text/plain; charset=utf-8")
                    break
    except metadata.PackageNotFoundError:
        pass
    return assets


def _own_static() -> dict[str, tuple[Path, str]]:
    kinds = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
             ".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}
    folder = Path(str(resources.files("allies.web").joinpath("static")))
    return {p.name: (p, kinds[p.suffix]) for p in folder.iterdir() if p.is_file() and p.suffix in kinds}


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("allies.web", "templates"),
        autoescape=True,  # every value is escaped unless a template says otherwise
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from .countries import country_name
    from .charts import VERDICT_COLOURS

    env.globals.update(country_name=country_name, verdict_colours=VERDICT_COLOURS, version=__version__)
    env.filters["external_url"] = external_url
    return env


def external_url(value: Any) -> str | None:
    """A stored URL fit for a link: http(s) only, so a 'javascript:' URL in
    an ingested article never becomes clickable."""
    if isinstance(value, str) and re.match(r"^https?://[^\s]+$", value.strip(), re.I):
        return value.strip()
    return None


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    state: WebState = request.app.state.web
    page = state.templates.get_template("error.html").render(status=status, message=message, request_path=request.url.path)
    return HTMLResponse(page, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def create_app(store: Store | str | os.PathLike | None = None, token: str | None = None,
               max_upload: int = DEFAULT_MAX_UPLOAD, local_commands: LocalCommands | None = None) -> FastAPI:
    """The web application over ``store`` (a :class:`Store` or a path; default
    ``$ALLIES_DB`` or ./allies.duckdb). Uploads need ``token`` (default
    ``$ALLIES_TOKEN``); without one they are disabled. ``local_commands``
    (``allies serve`` passes the CLI's) answers read commands of local
    processes that cannot open the store while this server holds it."""
    if not isinstance(store, Store):
        store = Store(store)
    app = FastAPI(
        title="allies",
        version=__version__,
        description=API_DESCRIPTION,
        docs_url=None,  # Swagger UI would load from a CDN; /api-docs renders the spec locally
        redoc_url=None,
    )
    static_files = {**_own_static(), **_plotly_assets()}
    access = StoreAccess(store)
    _refresh_derived_tables(store, access)
    app.state.web = WebState(
        access=access,
        token=configured_token(token),
        max_upload=max_upload,
        templates=_templates(),
        static_files=static_files,
    )

    _add_error_handlers(app)
    _add_static_routes(app, static_files)

    if local_commands is not None:
        _add_local_commands(app, local_commands)

    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)

    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BodySizeLimit, max_bytes=max_upload)
    app.add_middleware(SecurityHeaders)
    return app


def _refresh_derived_tables(store: Store, access: StoreAccess) -> None:
    """Bring a writable store's derived tables up to date before the first reader arrives."""
    if not store.read_only:
        try:
            access.write(lambda view: None)
        except Exception as exc:  # readers still work from the events table itself
            log.warning("could not refresh derived tables: %s", exc)


def _add_error_handlers(app: FastAPI) -> None:
    """Every error becomes a JSON or HTML error response (:func:`error_response`) with a fitting status."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "not found"
        response = error_response(request, exc.status_code, message)
        if exc.status_code == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_response(request, 503, str(exc))

    @app.exception_handler(AlliesError)
    async def allies_error(request: Request, exc: AlliesError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # Starlette re-raises after this response, so the server log gets the traceback.
        first = (str(exc).splitlines() or [""])[0][:200]
        return error_response(request, 500, f"internal error: {type(exc).__name__}: {first}")


def _add_static_routes(app: FastAPI, static_files: dict[str, tuple[Path, str]]) -> None:
    """``/static/...`` (the files found at start-up) and ``/favicon.ico``."""

    @app.get("/static/{asset:path}", include_in_schema=False)
    def static_asset(asset: str) -> Response:
        # Only the fixed set of files found at start-up: a request path never
        # reaches the file system, so '../' in any encoding finds nothing.
        found = static_files.get(asset)
        if found is None:
            raise HTTPException(404, "no such static file")
        path, media_type = found
        cache = "public, max-age=86400" if asset.startswith("vendor/") else "no-cache"
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": cache})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        path, media_type = static_files["favicon.svg"]
        return FileResponse(path, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})


@dataclass
class LocalCommands:
    """How the server runs a local read command: ``run(argv, cwd, open_view)``
    returns (exit code, stdout, stderr); ``key`` is the secret in the serve file."""

    run: Callable[[list[str], str, Callable[[], Any]], tuple[int, str, str]]
    key: str = ""


def _add_local_commands(app: FastAPI, local: LocalCommands) -> None:
    """POST /api/local/run: loopback clients holding the serve file's key run a
    read command (ask, info, export, ...) on this server's store."""
    import hmac

    @app.post("/api/local/run", include_in_schema=False)
    def local_run(request: Request, payload: dict[str, Any]) -> dict[str, Any]:
        client = request.client.host if request.client else ""
        offered = request.headers.get("x-allies-key", "")
        if client not in ("127.0.0.1", "::1") or not local.key or not hmac.compare_digest(offered, local.key):
            raise HTTPException(403, "local commands are for processes on this machine holding the serve file's key")
        argv, cwd = payload.get("argv"), payload.get("cwd")
        if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv) or not isinstance(cwd, str):
            raise InputError("send {argv: [str], cwd: str}")
        code, out, err = local.run(argv, cwd, state_of(request).access.reader)
        return {"exit_code": code, "stdout": out, "stderr": err}


def serve(db: str | os.PathLike | None = None, host: str = "127.0.0.1", port: int = 8000,
          token: str | None = None, log_level: str = "info",
          local_commands: Callable[[list[str], str, Callable[[], Any]], tuple[int, str, str]] | None = None) -> None:
    """Run the web app with uvicorn until interrupted. While it runs, the serve
    file beside the store (:mod:`allies.store.served`) names its port, so
    local read commands are answered by this server."""
    import uvicorn

    from ..store import open_store
    from ..store.served import announce, withdraw

    store = open_store(db)
    local = LocalCommands(run=local_commands) if local_commands is not None else None
    app = create_app(store, token=token, local_commands=local)
    state: WebState = app.state.web
    scheme_host = f"[{host}]" if ":" in host else host
    print(f"allies: serving {store.path} on http://{scheme_host}:{port}/ "
          f"(uploads {'enabled' if state.token else 'disabled: set ALLIES_TOKEN'}); Ctrl-C stops", flush=True)
    _stop_on_sigterm()
    try:
        announced = announce(store.path, host, port)
        if local is not None:
            local.key = announced.key
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        withdraw(store.path)
        store.close()


def _stop_on_sigterm() -> None:
    """uvicorn shuts down on SIGTERM, then raises the signal again with the
    handler it found: make that handler an exit, so the serve file and the
    store are closed in ``serve``'s ``finally`` rather than the process dying."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(0)

    try:
        if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
            signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: the caller owns signals
        pass


def state_of(request: Request) -> WebState:
    return request.app.state.web


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    state = state_of(request)
    page = state.templates.get_template(template).render(
        request_path=request.url.path, uploads_enabled=state.token is not None, **context)
    return HTMLResponse(page, status_code=status)
