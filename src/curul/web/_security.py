"""What every response carries and what no request may do: security headers with a strict
Content-Security-Policy (scripts, styles and images from this server only; no inline script, no
``eval``; no framing, except of the ``/embed/`` pages, which exist to be framed), and a bound on the
request body, checked on the declared length and again on the bytes as they arrive, so a large upload
is refused before it is read into memory.

Errors are handled in ``_errors.py``; this module only shapes traffic.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 2 * 1024 * 1024  # a votes CSV of every district and list is under 100 kB

_POLICY = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
]
CSP = "; ".join([*_POLICY, "frame-ancestors 'none'"])
#: ``/embed/...`` pages are made to be framed by any site; everything else stays unframeable
EMBED_PREFIX = "/embed/"
EMBED_CSP = "; ".join([*_POLICY, "frame-ancestors *"])

_COMMON: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    *_COMMON,
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
EMBED_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", EMBED_CSP.encode()),
    *_COMMON,
    (b"cross-origin-resource-policy", b"cross-origin"),
)


def headers_for(path: str) -> tuple[tuple[bytes, bytes], ...]:
    """:data:`EMBED_HEADERS` for an embed page (framing allowed, no ``X-Frame-Options``), else
    :data:`HEADERS`."""
    return EMBED_HEADERS if path.startswith(EMBED_PREFIX) else HEADERS


class SecurityHeaders:
    """Adds :data:`HEADERS` (:data:`EMBED_HEADERS` under ``/embed/``) to every HTTP response (unless the
    route set its own value)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        extra = headers_for(scope.get("path", ""))

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((n, v) for n, v in extra if n not in present),
                ]
            await send(message)

        await self.app(scope, receive, sending)


class BodyTooLarge(Exception):
    """The request body passed :data:`MAX_BODY_BYTES` while it was being read."""


async def _refuse(send: Send, limit: int) -> None:
    body = f"request body too large (more than {limit:,} bytes)\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuses a request whose body is, or turns out to be, larger than ``limit`` bytes (413)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _refuse(send, self.limit)
            return
        seen = 0
        started = False

        async def receiving() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receiving, sending)
        except BodyTooLarge:
            if not started:
                await _refuse(send, self.limit)
