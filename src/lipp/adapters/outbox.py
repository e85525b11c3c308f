"""The e-mail outbox: queue once per key, send at least once, retry with backoff, and never lose a failure.

Each message is sent inside the transaction that then marks it sent, holding its row (PostgreSQL: `FOR UPDATE
SKIP LOCKED`; SQLite: the outbox file's write lock). Two senders never send the same entry, and a sender killed
mid-send leaves the entry queued for the next round. The one duplicate left possible is a message the server
accepted just before the kill; it carries the same Message-ID, so it can be recognised (ADR 0007).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Row

from lipp.adapters.envelope import (
    EntryState,
    Envelope,
    OutboxEntry,
    UnbuildableMessage,
    message_id_for,
    mime_message,
)
from lipp.adapters.outbox_table import RECIPIENT_LENGTH, metadata, outbox
from lipp.adapters.transports import Transport, TransportDeferred, TransportRefused, TransportUnavailable
from lipp.domain.clock import Clock
from lipp.projections.database import WRITING, is_postgres

DEFAULT_SENDER = "lipp@lipp.invalid"
FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=6)
_CHUNK = 500
_SEND_BATCH = 200


@dataclass(frozen=True)
class SendReport:
    """What one sending round did: sent, will retry, gave up on, and due entries left for the next round."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    deferred: int = 0


class Outbox:
    """A durable queue of e-mails keyed for idempotency, sent through a Transport."""

    def __init__(self, engine: Engine, clock: Clock, *, max_attempts: int = 5, sender: str = DEFAULT_SENDER) -> None:
        self._engine, self._clock = engine, clock
        self.max_attempts, self.sender = max_attempts, sender
        metadata.create_all(engine)

    def queue(self, envelopes: Iterable[Envelope]) -> int:
        """Queue envelopes whose keys the outbox has not seen; returns how many were new."""
        now = self._clock.now()
        new = 0
        for chunk in _chunks(_unique(envelopes), _CHUNK):
            with self._writing() as connection:
                known = set(connection.scalars(select(outbox.c.key).where(outbox.c.key.in_([e.key for e in chunk]))))
                rows = [_row(envelope, now) for envelope in chunk if envelope.key not in known]
                if rows:
                    connection.execute(self._insert_ignoring_known(), rows)
                new += len(rows)
        return new

    def send_due(
        self,
        transport: Transport,
        *,
        limit: int | None = None,
        on_sent: Callable[[OutboxEntry], None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> SendReport:
        """Send due entries oldest first until none is due, the limit is reached or the transport is down.

        Due entries are read a batch at a time; each is then claimed, sent and marked in its own short
        transaction on one connection kept for the round, so at most the one message in flight when a sender
        dies is sent again. on_sent runs after an entry is marked sent; if it fails, the entry stays sent
        (reconcile from `entries(state=SENT)`).
        """
        sent = retrying = failed = 0
        statements = _Statements(self._engine)
        with self._engine.connect().execution_options(**{WRITING: True}) as connection:
            try:
                down = False
                while not down and (limit is None or sent + retrying + failed < limit):
                    with connection.begin():
                        due = connection.execute(statements.due, {"now": self._clock.now()}).all()
                    claimed = 0
                    for row in due:
                        if limit is not None and sent + retrying + failed >= limit:
                            break
                        with connection.begin():
                            attempts = connection.scalar(statements.claim, {"k": row.key, "now": self._clock.now()})
                            if attempts is None:
                                continue  # sent meanwhile, or being sent by another sender
                            changes, down = self._attempt(row, attempts + 1, transport)
                            connection.execute(statements.mark, {"k": row.key, **changes})
                        claimed += 1
                        outcome = EntryState(changes["state"])
                        if outcome is EntryState.SENT:
                            sent += 1
                            if on_sent is not None:
                                on_sent(_entry_after(row, changes))
                        elif outcome is EntryState.FAILED:
                            failed += 1
                        else:
                            retrying += 1
                        if progress is not None:
                            progress(1)
                        if down:
                            break  # the rest waits for the next round; this entry waits its backoff
                    if not claimed:
                        break  # nothing due, or every due entry is another sender's now
            finally:
                transport.close()
        return SendReport(sent=sent, retrying=retrying, failed=failed, deferred=self._count_due())

    def entry(self, key: str) -> OutboxEntry | None:
        with self._engine.connect() as connection:
            row = connection.execute(select(outbox).where(outbox.c.key == key)).first()
        return _entry(row) if row is not None else None

    def entries_of(self, keys: Sequence[str]) -> dict[str, OutboxEntry]:
        """The entries of these keys that the outbox holds, read a chunk of keys at a time."""
        found: dict[str, OutboxEntry] = {}
        with self._engine.connect() as connection:
            for start in range(0, len(keys), _CHUNK):
                query = select(outbox).where(outbox.c.key.in_(keys[start : start + _CHUNK]))
                found.update((row.key, _entry(row)) for row in connection.execute(query))
        return found

    def entries(self, *, prefix: str | None = None, state: EntryState | None = None) -> list[OutboxEntry]:
        query = select(outbox).order_by(outbox.c.queued_at, outbox.c.key)
        if prefix is not None:
            query = query.where(outbox.c.key.startswith(prefix, autoescape=True))
        if state is not None:
            query = query.where(outbox.c.state == state.value)
        with self._engine.connect() as connection:
            return [_entry(row) for row in connection.execute(query)]

    def requeue_failed(self, *, prefix: str | None = None) -> int:
        """An operator's retry: failed entries go back to the queue with their attempts reset."""
        statement = (
            update(outbox)
            .where(outbox.c.state == EntryState.FAILED.value)
            .values(state=EntryState.QUEUED.value, attempts=0, next_attempt_at=self._clock.now())
        )
        if prefix is not None:
            statement = statement.where(outbox.c.key.startswith(prefix, autoescape=True))
        with self._writing() as connection:
            return connection.execute(statement).rowcount

    def _attempt(self, row: Row[Any], attempts: int, transport: Transport) -> tuple[dict[str, Any], bool]:
        """Build and send one entry; returns the entry's changed columns and whether the transport itself is
        down (which ends the round). Whatever this one message does, the queue moves on."""
        now = self._clock.now()
        down = False
        changes: dict[str, Any]
        try:
            message = mime_message(
                Envelope(row.key, row.recipient, row.subject, row.body_text, row.body_html, _headers(row.headers)),
                message_id=row.message_id,
                dated=_utc(row.queued_at),
                sender=self.sender,
            )
            transport.send(message)
        except UnbuildableMessage as unbuildable:
            changes = _failed(f"cannot be built: {unbuildable}")
        except TransportRefused as refused:
            changes = _failed(str(refused))
        except TransportUnavailable as unavailable:
            gave_up = attempts >= self.max_attempts
            down = not isinstance(unavailable, TransportDeferred)
            changes = {
                "state": (EntryState.FAILED if gave_up else EntryState.QUEUED).value,
                "last_error": str(unavailable),
                "next_attempt_at": None if gave_up else now + _backoff(attempts),
            }
        except Exception as unexpected:  # a transport's own fault with this message must not stop the queue
            changes = _failed(f"could not be sent: {type(unexpected).__name__}: {unexpected}")
        else:
            changes = {"state": EntryState.SENT.value, "sent_at": now, "next_attempt_at": None, "last_error": None}
        return {"sent_at": None, **changes, "attempts": attempts}, down

    def _count_due(self) -> int:
        with self._engine.connect() as connection:
            return (
                connection.scalar(
                    select(func.count())
                    .select_from(outbox)
                    .where(outbox.c.state == EntryState.QUEUED.value, outbox.c.next_attempt_at <= self._clock.now())
                )
                or 0
            )

    def _insert_ignoring_known(self) -> Any:
        dialect = postgresql if is_postgres(self._engine) else sqlite
        return dialect.insert(outbox).on_conflict_do_nothing(index_elements=["key"])

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._engine.connect().execution_options(**{WRITING: True}) as connection, connection.begin():
            yield connection


class _Statements:
    """The sending round's three statements, built once per round."""

    def __init__(self, engine: Engine) -> None:
        queued = outbox.c.state == EntryState.QUEUED.value
        due_now = outbox.c.next_attempt_at <= bindparam("now")
        self.due = (
            select(outbox)
            .where(queued, due_now)
            .order_by(outbox.c.next_attempt_at, outbox.c.queued_at, outbox.c.key)
            .limit(_SEND_BATCH)
        )
        claim = select(outbox.c.attempts).where(outbox.c.key == bindparam("k"), queued, due_now)
        # PostgreSQL: hold the row while sending, skipping rows another sender holds; SQLite: BEGIN IMMEDIATE.
        self.claim = claim.with_for_update(skip_locked=True) if is_postgres(engine) else claim
        self.mark = (
            update(outbox)
            .where(outbox.c.key == bindparam("k"))
            .values({name: bindparam(name) for name in ("state", "attempts", "last_error", "next_attempt_at")})
            .values(sent_at=bindparam("sent_at"))
        )


def _entry_after(row: Row[Any], changes: dict[str, Any]) -> OutboxEntry:
    return OutboxEntry(
        key=row.key,
        recipient=row.recipient,
        subject=row.subject,
        state=EntryState(changes["state"]),
        attempts=changes["attempts"],
        last_error=changes["last_error"],
        queued_at=_utc(row.queued_at),
        sent_at=changes["sent_at"],
        next_attempt_at=changes["next_attempt_at"],
        message_id=row.message_id,
    )


def _backoff(attempts: int) -> timedelta:
    delay: timedelta = FIRST_RETRY * (2 ** (attempts - 1))
    return min(delay, LAST_RETRY)


def _failed(reason: str) -> dict[str, Any]:
    return {"state": EntryState.FAILED.value, "last_error": reason[:2000], "next_attempt_at": None}


def _row(envelope: Envelope, now: datetime) -> dict[str, Any]:
    """The queue row of an envelope. Text a back end cannot store (NUL, a lone surrogate, an over-long recipient)
    would make the whole chunk's insert fail: such an envelope is stored failed instead, its text escaped."""
    row: dict[str, Any] = {
        "key": envelope.key,
        "recipient": envelope.recipient,
        "subject": envelope.subject,
        "body_text": envelope.text,
        "body_html": envelope.html,
        "headers": json.dumps([list(pair) for pair in envelope.headers]),
        "message_id": message_id_for(envelope.key),
        "state": EntryState.QUEUED.value,
        "attempts": 0,
        "queued_at": now,
        "next_attempt_at": now,
        "last_error": None,  # every row of one insert has the same columns
    }
    reason = _unstorable(row)
    if reason is None:
        return row
    escaped = {name: _storable(row[name]) for name in _TEXT_PARTS}
    escaped["recipient"] = str(escaped["recipient"])[:RECIPIENT_LENGTH]
    return {**row, **escaped, **_failed(f"cannot be stored: {reason}")}


_TEXT_PARTS = {"recipient": "recipient", "subject": "subject", "body_text": "text body", "body_html": "HTML body"}


def _unstorable(row: dict[str, Any]) -> str | None:
    for name, part in _TEXT_PARTS.items():  # headers are stored as ASCII-only JSON, always storable
        text = row[name]
        if text is None:
            continue
        if "\x00" in text:
            return f"the {part} contains a NUL character"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return f"the {part} contains a lone surrogate, which UTF-8 cannot encode"
    if len(row["recipient"]) > RECIPIENT_LENGTH:
        return f"the recipient is longer than {RECIPIENT_LENGTH} characters"
    return None


def _storable(text: str | None) -> str | None:
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _entry(row: Row[Any]) -> OutboxEntry:
    return OutboxEntry(
        key=row.key,
        recipient=row.recipient,
        subject=row.subject,
        state=EntryState(row.state),
        attempts=row.attempts,
        last_error=row.last_error,
        queued_at=_utc(row.queued_at),
        sent_at=_utc(row.sent_at) if row.sent_at else None,
        next_attempt_at=_utc(row.next_attempt_at) if row.next_attempt_at else None,
        message_id=row.message_id,
    )


def _headers(stored: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(name), str(value)) for name, value in json.loads(stored))


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _unique(envelopes: Iterable[Envelope]) -> list[Envelope]:
    seen: dict[str, Envelope] = {}
    for envelope in envelopes:
        seen.setdefault(envelope.key, envelope)
    return list(seen.values())


def _chunks(items: Sequence[Envelope], size: int) -> Iterator[Sequence[Envelope]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = ["EntryState", "Envelope", "Outbox", "OutboxEntry", "SendReport"]
