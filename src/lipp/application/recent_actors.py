"""Who a token acted as a moment ago: a short-lived, per-process memory of token checks (ADR 0011).

Every API request presents a token; checking it means reading the token and its user from the event store.
An API process remembers a successful check for a few seconds. Revoking a token or deactivating a user in
the same process forgets at once; other processes of a fleet stop accepting within `ttl`, because nothing
is shared between them. A `ttl` of zero remembers nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from lipp.domain.actors import Actor
from lipp.domain.clock import Clock

MAX_REMEMBERED = 10_000
"""A bound on memory whatever callers send; only valid tokens are ever remembered."""


@dataclass(frozen=True)
class _Remembered:
    actor: Actor
    until: datetime


class RecentActors:
    """token id -> actor, each entry valid until `ttl` after its check; safe to use from many threads."""

    def __init__(self, clock: Clock, ttl: timedelta) -> None:
        self.clock = clock
        self.ttl = ttl
        self._entries: dict[UUID, _Remembered] = {}
        self._lock = threading.Lock()

    def get(self, token_id: UUID) -> Actor | None:
        entry = self._entries.get(token_id)
        if entry is None:
            return None
        if self.clock.now() >= entry.until:
            with self._lock:
                self._entries.pop(token_id, None)
            return None
        return entry.actor

    def remember(self, token_id: UUID, actor: Actor) -> None:
        if self.ttl <= timedelta(0):
            return
        with self._lock:
            if len(self._entries) >= MAX_REMEMBERED:
                self._entries.clear()  # a burst of distinct valid tokens: start again rather than grow
            self._entries[token_id] = _Remembered(actor=actor, until=self.clock.now() + self.ttl)

    def forget_token(self, token_id: UUID) -> None:
        with self._lock:
            self._entries.pop(token_id, None)

    def forget_user(self, user_id: UUID) -> None:
        with self._lock:
            for token_id in [t for t, e in self._entries.items() if e.actor.user_id == user_id]:
                del self._entries[token_id]
