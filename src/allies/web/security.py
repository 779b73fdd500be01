"""HTTP hardening: security headers, request size limits and token checks."""
from __future__ import annotations

import hmac
import json
from typing import Any

from starlette.exceptions import HTTPException

from .. import settings

# No inline scripts and no remote origins. Plotly inserts <style> elements for
# its own widgets, so styles may be inline; scripts may not.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(HTTPException):
    """Raised while a body is read; an HTTPException so FastAPI's body
    parsing passes it on as 413 instead of calling it a parse error."""

    def __init__(self, max_bytes: int):
        limit_mb = max_bytes / (1024 * 1024)
        super().__init__(status_code=413, detail=f"request body is larger than the limit of {limit_mb:g} MB")


class BodySizeLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with 413.

    Checks the declared Content-Length first and then counts the bytes that
    actually arrive, so a chunked upload cannot slip past the limit.
    """

    def __init__(self, app: Any, max_bytes: int = DEFAULT_MAX_UPLOAD):
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, scope: dict, send: Any) -> None:
        limit_mb = self.max_bytes / (1024 * 1024)
        text = f"request body is larger than the limit of {limit_mb:g} MB"
        if scope.get("path", "").startswith("/api/"):
            body, kind = json.dumps({"error": text}).encode(), b"application/json"
        else:
            body, kind = (f"<!doctype html><title>Too large</title><p>{text}</p>").encode(), b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.max_bytes:
                    await self._refuse(scope, send)
                    return
        received = 0
        started = False

        async def counting_receive() -> dict:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send)


def configured_token(token: str | None = None) -> str | None:
    """The upload token: the argument, else ``$ALLIES_TOKEN``; empty means unset."""
    value = token if token is not None else settings.token()
    return value or None


def token_matches(expected: str | None, offered: str | None) -> bool:
    """Constant-time comparison; never true when no token is configured."""
    if not expected or offered is None:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), offered.encode("utf-8"))


def bearer_token(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()
