"""The API's factory: nothing is built at import time; the lifespan builds and closes lipp."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from lipp.bootstrap import Lipp, build
from lipp.interfaces import web
from lipp.interfaces.api import (
    alliance_routes,
    digest_routes,
    docs_pages,
    finding_routes,
    learning_routes,
    library_routes,
    marker_routes,
    openapi,
    plan_routes,
    problems,
    reference_routes,
    registry_routes,
    review_routes,
    reviewer_routes,
    team_routes,
)
from lipp.interfaces.api.middleware import BodyLimit, SecurityHeaders


def create_app(make_lipp: Callable[[], Lipp] = build) -> FastAPI:
    """A FastAPI app whose lifespan builds lipp with `make_lipp` (settings from the environment by default)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.lipp = make_lipp()
        app.openapi()  # built now, so the schema's many objects are frozen with the rest
        _spare_start_up_from_collection()
        try:
            yield
        finally:
            app.state.lipp.close()

    app = FastAPI(
        title="lipp",
        summary="Learning into Practice Platform: safeguarding practice reviews as events",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # served by docs_pages, from lipp itself rather than a CDN
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    problems.install(app)
    # Added last, so outermost: the headers go on every answer, the limit applies before anything reads.
    app.add_middleware(BodyLimit, limit=lambda: app.state.lipp.settings.max_request_bytes)
    app.add_middleware(SecurityHeaders)
    docs_pages.install(app)
    openapi.install(app)
    app.include_router(review_routes.router)
    app.include_router(registry_routes.router)
    app.include_router(finding_routes.router)
    app.include_router(library_routes.router)
    app.include_router(marker_routes.router)
    app.include_router(plan_routes.router)
    app.include_router(reviewer_routes.router)
    app.include_router(reference_routes.router)
    app.include_router(alliance_routes.router)
    app.include_router(digest_routes.router)
    app.include_router(team_routes.router)
    app.include_router(learning_routes.router)
    web.install(app)
    return app


def _spare_start_up_from_collection() -> None:
    """Move everything made while starting (modules, the app, lipp's applications: over 100,000 objects) out of
    the garbage collector's sight. A full collection would otherwise walk them all now and then, holding the
    interpreter lock for some 60 ms while every request waits; afterwards it walks only what serving made."""
    gc.collect()
    gc.freeze()
