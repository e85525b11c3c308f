"""Signed-in sessions, kept in a table of the web package (ADR 0013): a random cookie value, of which only the
SHA-256 is stored, the user it belongs to, and the synchronizer token every changing form must carry.

A session ends after `idle_minutes` without a request and `max_hours` after it began, whichever comes first.
A visitor who has not signed in gets a session too (no user), so the sign-in form has a CSRF token; signing in
replaces it with a new session, so a value planted before sign-in is worth nothing after."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from sqlalchemy import Column, DateTime, Engine, Index, MetaData, String, Table, Uuid, delete, insert, select, update
from sqlalchemy.engine import Connection

from lipp.config import WebSettings
from lipp.projections.database import WRITING

COOKIE = "lipp_session"
TOUCH_EVERY = timedelta(seconds=60)  # last-seen is written at most this often: reading a page rarely writes

web_metadata = MetaData()
web_sessions = Table(
    "web_sessions",
    web_metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", Uuid),
    Column("pending_user_id", Uuid),  # right password, second factor still to come: not signed in yet
    Column("enrolling_secret", String(64)),  # an authenticator key offered, not yet confirmed by a code
    Column("csrf_token", String(64), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
    Index("web_sessions_by_user", "user_id"),
)


@dataclass(frozen=True)
class WebSession:
    """One browser's session: `secret` is the cookie's value (known only to the browser and this request)."""

    secret: str
    user_id: UUID | None
    csrf_token: str
    started_at: datetime
    last_seen_at: datetime
    pending_user_id: UUID | None = None
    enrolling_secret: str | None = None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class SessionStore:
    """Starts, finds, refreshes and ends sessions."""

    def __init__(self, engine: Engine, settings: WebSettings) -> None:
        self._engine = engine
        self.idle = timedelta(minutes=settings.idle_minutes)
        self.longest = timedelta(hours=settings.max_hours)
        web_metadata.create_all(engine)

    def start(self, user_id: UUID | None, now: datetime, pending_user_id: UUID | None = None) -> WebSession:
        session = WebSession(
            secrets.token_urlsafe(32), user_id, secrets.token_urlsafe(32), now, now, pending_user_id=pending_user_id
        )
        with self._writing() as connection:
            connection.execute(
                insert(web_sessions).values(
                    id_hash=_hash(session.secret),
                    user_id=user_id,
                    csrf_token=session.csrf_token,
                    started_at=now,
                    last_seen_at=now,
                    pending_user_id=pending_user_id,
                )
            )
        return session

    def find(self, secret: str, now: datetime) -> WebSession | None:
        """The live session with this cookie value (its last-seen moved on), or None if none or it ended."""
        with self._engine.connect() as connection:
            row = connection.execute(select(web_sessions).where(web_sessions.c.id_hash == _hash(secret))).first()
        if row is None:
            return None
        started, seen = _aware(row.started_at), _aware(row.last_seen_at)
        if now - seen > self.idle or now - started > self.longest:
            self.end(secret)
            return None
        if now - seen > TOUCH_EVERY:
            with self._writing() as connection:
                connection.execute(
                    update(web_sessions).where(web_sessions.c.id_hash == _hash(secret)).values(last_seen_at=now)
                )
            seen = now
        return WebSession(secret, row.user_id, row.csrf_token, started, seen, row.pending_user_id, row.enrolling_secret)

    def offer_key(self, session: WebSession, key: str) -> None:
        """Remember the authenticator key shown to this session until a code confirms it."""
        with self._writing() as connection:
            connection.execute(
                update(web_sessions).where(web_sessions.c.id_hash == _hash(session.secret)).values(enrolling_secret=key)
            )

    def end(self, secret: str) -> None:
        with self._writing() as connection:
            connection.execute(delete(web_sessions).where(web_sessions.c.id_hash == _hash(secret)))

    def end_all_of(self, user_id: UUID) -> None:
        """A new password ends every session the user had (someone else may have had the old one)."""
        with self._writing() as connection:
            connection.execute(delete(web_sessions).where(web_sessions.c.user_id == user_id))

    def sweep(self, now: datetime) -> int:
        """Delete sessions that have ended, so the table holds only live ones."""
        stale = (web_sessions.c.last_seen_at < now - self.idle) | (web_sessions.c.started_at < now - self.longest)
        with self._writing() as connection:
            return connection.execute(delete(web_sessions).where(stale)).rowcount

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._engine.connect().execution_options(**{WRITING: True}) as connection, connection.begin():
            yield connection
