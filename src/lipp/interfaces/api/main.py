"""Entry point for ASGI servers: `uvicorn --factory lipp.interfaces.api.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from lipp.interfaces.api.app import create_app


def app() -> FastAPI:
    return create_app()
