"""The FastAPI application: JSON API, pages, in-memory static assets, safety headers.

``create_app`` only wires things together; each concern lives in its own
module (``api``, ``pages``, ``ingest``, ``assets``). The app is read-only
unless it is built with ``allow_ingest=True`` and a token.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

import jinja2
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from communique.store.counts import count_label
from communique.web import api, downloads, pages
from communique.web.access import StoreAccess
from communique.web.assets import load_assets
from communique.web.filters import FilterError
from communique.web.present import template_globals

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

DESCRIPTION = """Read-only JSON over a Communique event store: documents, canonical events
(with the CLI's filters), actors, two-country timelines and full-text search.
Every list answers `{total, limit, offset, items}`."""


def create_app(
    db_path: str | Path,
    *,
    allow_ingest: bool = False,
    token: Optional[str] = None,
    max_upload_bytes: Optional[int] = None,
    allowed_hosts: Optional[Sequence[str]] = None,
    extractor_factory: Optional[Callable] = None,
) -> "HeadAsGet":
    """Build the web app over the store at ``db_path``.

    ``allow_ingest`` adds ``POST /api/ingest`` and needs a non-empty ``token``.
    ``allowed_hosts`` (e.g. loopback names) turns on Host header checking,
    which stops DNS-rebinding pages from reading a local server.
    """
    app = FastAPI(title="Communique", description=DESCRIPTION, version=_version(),
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    access = StoreAccess(db_path)
    app.state.access = access
    app.state.allow_ingest = bool(allow_ingest)
    app.state.templates = _templates(app)
    app.state.assets = load_assets()

    if allow_ingest:
        if not token:
            raise ValueError("allow_ingest needs a token")
        from communique.web.ingest import DEFAULT_MAX_BYTES, IngestService, ingest_router

        app.state.ingest = IngestService(access, extractor_factory)
        app.include_router(ingest_router(app.state.ingest, token, max_upload_bytes or DEFAULT_MAX_BYTES))
    app.include_router(api.router)
    app.include_router(downloads.router)
    app.include_router(pages.router)
    _static_route(app)
    _error_handlers(app)
    _security_headers(app)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    return HeadAsGet(app)


class HeadAsGet:
    """HEAD answers exactly like GET, without the body (FastAPI routes declared with GET would say 405).

    Wraps the app as plain ASGI so every route, page and asset gets it; attribute access
    (``app.state``, ``app.openapi``) passes through to the FastAPI app.
    """

    def __init__(self, app: FastAPI):
        self.app = app

    def __getattr__(self, name):
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope.get("type") != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(dict(scope, method="GET"), receive, send_headers_only)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("communique")
    except Exception:
        return "0"


def _templates(app: FastAPI) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("communique.web", "templates"),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(template_globals())
    env.globals["allow_ingest"] = lambda: app.state.allow_ingest
    env.filters["count"] = count_label
    return Jinja2Templates(env=env)


def _static_route(app: FastAPI) -> None:
    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str, request: Request) -> Response:
        asset = app.state.assets.get(name)
        if asset is None:
            raise HTTPException(404, "no such asset")
        headers = {"ETag": asset.etag, "Cache-Control": "public, max-age=3600"}
        if request.headers.get("if-none-match") == asset.etag:
            return Response(status_code=304, headers=headers)
        return Response(asset.body, media_type=asset.media_type, headers=headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_handlers(app: FastAPI) -> None:
    def answer(request: Request, status: int, message: str, headers=None):
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        return answer(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError):
        if _wants_json(request):
            return JSONResponse({"detail": [{"loc": ["query", exc.param], "msg": exc.message}]}, status_code=400)
        return answer(request, 400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            return JSONResponse({"detail": _plain_errors(exc)}, status_code=422)
        text = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in _plain_errors(exc))
        return answer(request, 422, text or "invalid request")


def _plain_errors(exc: RequestValidationError) -> list[dict]:
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]


def _security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response
