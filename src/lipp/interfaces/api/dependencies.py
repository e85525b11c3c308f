"""Per-request dependencies: the built applications and the authenticated actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from lipp.bootstrap import Lipp
from lipp.domain.actors import Actor
from lipp.domain.errors import Unauthenticated

bearer = HTTPBearer(auto_error=False, description="A per-user API token issued by an admin (`lipp token issue`)")


# Both dependencies are `async def`: FastAPI would run a plain `def` in the worker thread pool, one hop per
# dependency per request. A token check remembered a moment ago needs no I/O; a fresh one goes to the pool.


async def get_lipp(request: Request) -> Lipp:
    lipp: Lipp = request.app.state.lipp
    return lipp


async def current_actor(
    lipp: Annotated[Lipp, Depends(get_lipp)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("send an API token: Authorization: Bearer <token>")
    remembered = lipp.tokens.remembered_actor(credentials.credentials)
    if remembered is not None:
        return remembered
    return await run_in_threadpool(lipp.tokens.actor_for_secret, credentials.credentials)


LippDep = Annotated[Lipp, Depends(get_lipp)]
ActorDep = Annotated[Actor, Depends(current_actor)]
