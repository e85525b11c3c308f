"""API tokens: lipp keeps only a token's hash, and the hash names the token's stream."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from lipp.domain.errors import RuleBroken
from lipp.domain.identifiers import LIPP_NAMESPACE

TOKEN_PREFIX = "lipp_"


class TokenIsRevoked(RuleBroken):
    """A revoked token stays revoked."""


def new_secret() -> str:
    """A fresh token, shown to the admin once and never stored."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_id_for(secret: str) -> UUID:
    """Tokens carry 256 bits of randomness, so a plain SHA-256 is a safe, fast lookup key."""
    digest = hashlib.sha256(secret.encode()).hexdigest()
    return uuid5(LIPP_NAMESPACE, f"api-token:{digest}")


class ApiToken(Aggregate):
    """A user's credential for the HTTP API."""

    class Issued(Aggregate.Created):
        """An admin issued a token to a user."""

        actor_id: UUID
        user_id: UUID
        label: str

        def apply(self, aggregate: Any) -> None:
            aggregate.user_id = self.user_id
            aggregate.label = self.label
            aggregate.issued_at = self.timestamp
            aggregate.revoked = False

    class Revoked(Aggregate.Event):
        """An admin revoked the token."""

        actor_id: UUID
        reason: str

        def apply(self, aggregate: Any) -> None:
            aggregate.revoked = True

    user_id: UUID
    label: str
    issued_at: datetime
    revoked: bool

    def __init__(self) -> None:
        """State is set by `Issued.apply`."""

    @classmethod
    def issue(cls, *, actor_id: UUID, now: datetime, secret: str, user_id: UUID, label: str) -> ApiToken:
        return cls._create(
            cls.Issued, id=token_id_for(secret), timestamp=now, actor_id=actor_id, user_id=user_id, label=label
        )

    def revoke(self, *, actor_id: UUID, now: datetime, reason: str) -> None:
        if self.revoked:
            raise TokenIsRevoked(f"token {self.id} is already revoked")
        self.trigger_event(self.Revoked, timestamp=now, actor_id=actor_id, reason=reason)
