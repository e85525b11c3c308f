"""The one mapping from errors to HTTP responses: application/problem+json (RFC 9457), or the same problem as a
page for a browser that asked for HTML."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from lipp.domain.errors import ConcurrentChange, LippError, Unauthenticated
from lipp.interfaces.api.pages import page, wants_html
from lipp.interfaces.errors import refusal_for

PROBLEM = "application/problem+json"
log = logging.getLogger("lipp.api")


def problem(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    """A problem+json answer; its detail is cut at `MAX_DETAIL_CHARS` (a refusal may quote what was sent)."""
    if len(detail) > MAX_DETAIL_CHARS:
        detail = detail[: MAX_DETAIL_CHARS - 1] + "…"
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


# A 422 names the first problems and counts the rest: a body of a million unknown keys gets an answer of a
# few kilobytes, not one line per key. Each echoed field name and reason is cut to a length a person reads.
MAX_LISTED_ERRORS = 20
MAX_ECHOED_CHARS = 120
MAX_DETAIL_CHARS = 4000


def _clip(text: str) -> str:
    return text if len(text) <= MAX_ECHOED_CHARS else text[: MAX_ECHOED_CHARS - 1] + "…"


def _field_errors(error: ValidationError | RequestValidationError) -> tuple[list[dict[str, str]], int]:
    """The first `MAX_LISTED_ERRORS` problems (field and reason, each clipped) and how many more there were."""
    items = error.errors()
    found = []
    for item in items[:MAX_LISTED_ERRORS]:
        location = [str(part) for part in item["loc"] if str(part) not in ("body", "query", "path")]
        reason = str(item["msg"]).removeprefix("Value error, ")
        found.append({"field": _clip(".".join(location) or "request"), "reason": _clip(reason)})
    return found, max(0, len(items) - MAX_LISTED_ERRORS)


def _for(request: Request, status: int, title: str, detail: str, **extra: Any) -> Response:
    if wants_html(request):
        detail = detail if len(detail) <= MAX_DETAIL_CHARS else detail[: MAX_DETAIL_CHARS - 1] + "…"
        return page(title, [detail], status)
    return problem(status, title, detail, **extra)


async def _on_lipp_error(request: Request, error: Exception) -> Response:
    refusal = refusal_for(error)
    assert refusal is not None
    headers = {}
    if isinstance(error, ConcurrentChange):
        headers["Retry-After"] = "1"
    if isinstance(error, Unauthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    response = _for(request, refusal.http_status, refusal.title, refusal.message)
    response.headers.update(headers)
    return response


async def _on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, (ValidationError, RequestValidationError))
    fields, more = _field_errors(error)
    detail = "; ".join(f"{f['field']}: {f['reason']}" for f in fields)
    if more:
        detail += f"; and {more} more problem{'s' if more > 1 else ''}"
    return _for(request, 422, "Invalid input", detail, errors=fields, more_errors=more)


async def _on_http_error(request: Request, error: Exception) -> Response:
    """What the framework refuses before any endpoint runs: no such path, or not that method."""
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    title = HTTPStatus(error.status_code).phrase
    where = f"{request.method} {request.url.path}"
    if error.status_code == 404:
        detail = f"there is no endpoint at {request.url.path} (the endpoints are listed at /docs)"
    elif error.status_code == 405:
        allowed = next((value for name, value in headers.items() if name.lower() == "allow"), "other methods")
        detail = f"{where} is not allowed; this path takes {allowed}"
    else:
        detail = str(error.detail)
    response = _for(request, error.status_code, title, detail)
    response.headers.update(headers)
    return response


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return problem(500, "Internal error", "lipp failed to handle this request; it has been logged")


def install(app: FastAPI) -> None:
    app.add_exception_handler(LippError, _on_lipp_error)
    app.add_exception_handler(ValidationError, _on_validation_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_exception_handler(Exception, _on_unexpected)
