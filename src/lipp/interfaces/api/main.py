"""Entry point for ASGI servers: `uvicorn --factory lipp.interfaces.api.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from lipp.bootstrap import open_store
from lipp.interfaces.api.app import create_app


def app() -> FastAPI:
    """The API on the configured store, which must exist: the API never creates one (docs/adr/0013)."""
    return create_app(open_store)
