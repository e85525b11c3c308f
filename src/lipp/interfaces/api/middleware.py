"""What every HTTP exchange passes through, outside the routes: a bound on the request body, and the security
headers of every answer. Both are plain ASGI middleware, so they see the bytes as they stream and every response
(the framework's own 404s and 405s included) whatever produced it."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lipp.interfaces.api.problems import problem

STATIC_PREFIX = "/static/"

# One policy for every answer. The API's JSON needs nothing; the documentation pages load their scripts and
# styles from lipp itself (no inline script anywhere: Swagger UI's start-up is a served file). Swagger UI and
# Redoc set styles on elements, hence 'unsafe-inline' for styles only; Redoc renders in a worker it makes from
# a blob, and both show images given as data: URIs.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
NO_STORE = (b"cache-control", b"no-store")
# The documentation's scripts and styles carry no case data and change only with the installed package.
STATIC_CACHE = (b"cache-control", b"public, max-age=86400")


class SecurityHeaders:
    """Adds the security headers to every response, and `Cache-Control: no-store` to every one that is not a
    static asset: any answer of the API may carry case data, and no proxy or browser cache should keep it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cache = STATIC_CACHE if scope["path"].startswith(STATIC_PREFIX) else NO_STORE
        replaced = {name for name, _ in SECURITY_HEADERS} | {cache[0]}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(name, value) for name, value in message.get("headers", []) if name.lower() not in replaced]
                message["headers"] = [*kept, *SECURITY_HEADERS, cache]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestTooLarge(HTTPException):
    """A request body over the configured limit: answered 413 by the one mapping in `problems`."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than this server accepts ({limit} bytes at most)")


class BodyLimit:
    """Refuses a request body larger than `limit()` bytes without reading it into memory: a declared
    Content-Length over the limit is answered at once; a body that streams past it (chunked, or lying about
    its length) stops being read at the limit and is answered 413 in the same way."""

    def __init__(self, app: ASGIApp, limit: Callable[[], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit()
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            error = RequestTooLarge(limit)
            response = problem(413, HTTPStatus(413).phrase, str(error.detail))
            response.headers["Connection"] = "close"
            await response(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise RequestTooLarge(limit)
            return message

        await self.app(scope, counted_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
