"""The credentials table's reads and writes: a user's e-mail address and password hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import Engine, select, update
from sqlalchemy.dialects import postgresql, sqlite

from lipp.accounts.tables import accounts_metadata, credentials
from lipp.domain.errors import AlreadyExists
from lipp.projections.database import WRITING, is_postgres


class EmailTaken(AlreadyExists):
    """Another user already signs in with that e-mail address."""


@dataclass(frozen=True)
class Credentials:
    user_id: UUID
    email: str | None
    password_hash: str | None
    totp_secret: str | None = None
    totp_last_step: int | None = None


class CredentialStore:
    """One row per user who has an e-mail address or a password."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        accounts_metadata.create_all(engine)

    def of(self, user_id: UUID) -> Credentials | None:
        with self._engine.connect() as connection:
            row = connection.execute(select(credentials).where(credentials.c.user_id == user_id)).first()
        if row is None:
            return None
        return Credentials(row.user_id, row.email, row.password_hash, row.totp_secret, row.totp_last_step)

    def user_with_email(self, email: str) -> UUID | None:
        with self._engine.connect() as connection:
            found: UUID | None = connection.scalar(
                select(credentials.c.user_id).where(credentials.c.email == email.strip().lower())
            )
        return found

    def set_email(self, user_id: UUID, email: str, now: datetime) -> None:
        email = email.strip().lower()
        holder = self.user_with_email(email)
        if holder is not None and holder != user_id:
            raise EmailTaken(f"another user already signs in with {email}")
        self._upsert(user_id, now, email=email)

    def set_password_hash(self, user_id: UUID, password_hash: str, now: datetime) -> None:
        self._upsert(user_id, now, password_hash=password_hash)

    def set_totp(self, user_id: UUID, secret: str, step: int, now: datetime) -> None:
        self._upsert(user_id, now, totp_secret=secret, totp_last_step=step)

    def accept_totp_step(self, user_id: UUID, step: int) -> bool:
        """Record the step of an accepted code; False if that step (or a later one) was accepted already."""
        newer = (credentials.c.totp_last_step.is_(None)) | (credentials.c.totp_last_step < step)
        statement = update(credentials).where(credentials.c.user_id == user_id, newer).values(totp_last_step=step)
        with self._engine.connect().execution_options(**{WRITING: True}) as connection, connection.begin():
            return bool(connection.execute(statement).rowcount)

    def _upsert(self, user_id: UUID, now: datetime, **values: str | int) -> None:
        dialect = postgresql if is_postgres(self._engine) else sqlite
        statement = dialect.insert(credentials).values(user_id=user_id, updated_at=now, **values)
        statement = statement.on_conflict_do_update(index_elements=["user_id"], set_={"updated_at": now, **values})
        with self._engine.connect().execution_options(**{WRITING: True}) as connection, connection.begin():
            connection.execute(statement)
