"""Per-request dependencies: the built applications and the authenticated actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lipp.bootstrap import Lipp
from lipp.domain.actors import Actor
from lipp.domain.errors import Unauthenticated

bearer = HTTPBearer(auto_error=False, description="A per-user API token issued by an admin (`lipp token issue`)")


def get_lipp(request: Request) -> Lipp:
    lipp: Lipp = request.app.state.lipp
    return lipp


def current_actor(
    lipp: Annotated[Lipp, Depends(get_lipp)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Actor:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("send an API token: Authorization: Bearer <token>")
    return lipp.tokens.actor_for_secret(credentials.credentials)


LippDep = Annotated[Lipp, Depends(get_lipp)]
ActorDep = Annotated[Actor, Depends(current_actor)]
