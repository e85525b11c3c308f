"""One-time links: a random token in the e-mail, only its SHA-256 kept, used once before it expires."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from sqlalchemy import Engine, insert, select, update

from lipp.accounts.tables import links
from lipp.domain.errors import NotAuthorised
from lipp.projections.database import WRITING


class LinkPurpose(StrEnum):
    INVITATION = "invitation"
    RESET = "reset"


class LinkNotValid(NotAuthorised):
    """The link is unknown, already used or expired: ask for a new one."""


@dataclass(frozen=True)
class Link:
    user_id: UUID
    purpose: LinkPurpose


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class OneTimeLinks:
    """Issues and redeems the tokens of invitation and password-reset links."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def issue(self, user_id: UUID, purpose: LinkPurpose, now: datetime, lasts: timedelta) -> str:
        token = secrets.token_urlsafe(32)
        with self._engine.connect().execution_options(**{WRITING: True}) as connection, connection.begin():
            connection.execute(
                insert(links).values(
                    token_hash=token_hash(token), user_id=user_id, purpose=purpose.value, expires_at=now + lasts
                )
            )
        return token

    def check(self, token: str, now: datetime) -> Link:
        """What a link is for, without using it (the page that asks for the new password)."""
        with self._engine.connect() as connection:
            row = connection.execute(select(links).where(links.c.token_hash == token_hash(token))).first()
        if row is None or row.used_at is not None or _aware(row.expires_at) <= now:
            raise LinkNotValid("this link is not valid: it was used already, has expired, or was mistyped")
        return Link(user_id=row.user_id, purpose=LinkPurpose(row.purpose))

    def use(self, token: str, now: datetime) -> Link:
        """Use the link once: a second use (or a race with another) is refused."""
        link = self.check(token, now)
        with self._engine.connect().execution_options(**{WRITING: True}) as connection, connection.begin():
            unused = (links.c.token_hash == token_hash(token)) & links.c.used_at.is_(None)
            used = connection.execute(update(links).where(unused).values(used_at=now)).rowcount
        if used != 1:
            raise LinkNotValid("this link is not valid: it was used already")
        return link


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
