"""Plain HTML pages for people who reach the API from a browser (the acknowledgement link in a briefing's e-mail)."""

from __future__ import annotations

from html import escape

from fastapi import Request
from fastapi.responses import HTMLResponse


def wants_html(request: Request) -> bool:
    """A browser asks for HTML (a form it submitted, a link it followed); API clients ask for JSON or anything."""
    return "text/html" in request.headers.get("accept", "")


def page(title: str, paragraphs: list[str], status_code: int = 200, form: str = "") -> HTMLResponse:
    """A small page: a heading, the paragraphs (escaped here) and optionally a form (already HTML)."""
    body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    return HTMLResponse(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body><h1>{escape(title)}</h1>{body}{form}</body></html>",
        status_code=status_code,
    )
