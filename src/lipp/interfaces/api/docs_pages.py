"""/docs (Swagger UI) and /redoc, served with no internet: their scripts and styles come from the
fastapi-offline package, lipp's own start-up script from this package, all under /static/."""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

VENDOR_ASSETS = Path(fastapi_offline.__file__).parent / "static"
OWN_ASSETS = Path(str(files("lipp.interfaces.api") / "static"))
VENDOR_URL = "/static/docs"
OWN_URL = "/static/lipp"


def _page(title: str, head: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><link rel="icon" type="image/png" href="{VENDOR_URL}/favicon.png">'
        f"{head}</head><body>{body}</body></html>"
    )


def install(app: FastAPI) -> None:
    """Mount the assets and add the two pages (outside the schema: they are for people, not clients)."""
    app.mount(VENDOR_URL, StaticFiles(directory=VENDOR_ASSETS), name="docs-assets")
    app.mount(OWN_URL, StaticFiles(directory=OWN_ASSETS), name="lipp-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _page(
            f"{app.title} - Swagger UI",
            f'<link rel="stylesheet" href="{root}{VENDOR_URL}/swagger-ui.css">',
            f'<div id="swagger-ui" data-openapi="{escape(root + (app.openapi_url or ""))}"></div>'
            f'<script src="{root}{VENDOR_URL}/swagger-ui-bundle.js"></script>'
            f'<script src="{root}{OWN_URL}/swagger-init.js"></script>',
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        # Redoc starts itself on a <redoc> element: no script of lipp's own is needed.
        return _page(
            f"{app.title} - ReDoc",
            "",
            f'<redoc spec-url="{escape(root + (app.openapi_url or ""))}"></redoc>'
            f'<script src="{root}{VENDOR_URL}/redoc.standalone.js"></script>',
        )
