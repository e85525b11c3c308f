"""The baseline API for `bench/api.py`: FastAPI endpoints doing lipp's store work with no auth and no validation.

`GET /cases/{id}` replays one aggregate from the event store and returns its state; `POST /cases` creates one
aggregate from the raw JSON body and saves it. Served by uvicorn exactly as lipp is:

    BENCH_BARE_DATABASE_URL=sqlite:///bare.db uvicorn --factory bare_api:create_app   (with bench/ on sys.path)
"""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from uuid import UUID, uuid4

from fastapi import FastAPI, Request, Response

from lipp.config import Settings
from workload import BareApplication, Case

DATABASE_URL_VARIABLE = "BENCH_BARE_DATABASE_URL"


def create_app() -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings = Settings(database_url=os.environ[DATABASE_URL_VARIABLE])
        app.state.store = BareApplication(env=settings.event_store_env())
        gc.collect()
        gc.freeze()  # as lipp's app does after start-up (see lipp.interfaces.api.app)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="bare", lifespan=lifespan)

    # Plain `def` endpoints, as lipp's are: both run in the same worker thread pool.
    @app.get("/cases/{case_id}")
    def show(case_id: UUID, request: Request) -> dict[str, Any]:
        case: Case = request.app.state.store.repository.get(case_id)
        return {"id": str(case.id), "reference": case.reference, "stage": case.stage, "version": case.version}

    @app.post("/cases", status_code=201)
    def open_case(fields: dict[str, Any], request: Request, response: Response) -> dict[str, Any]:
        case: Case = Case._create(
            Case.Opened,
            id=uuid4(),
            actor_id=uuid4(),
            board_id=uuid4(),
            reference=str(fields.get("case_reference", "")),
            fields=fields,
        )
        request.app.state.store.save(case)
        response.headers["Location"] = f"/cases/{case.id}"
        return {"id": str(case.id), "reference": case.reference, "stage": case.stage}

    return app
