"""Projections that met an event they cannot apply: where each stopped, on what, and why (README: Troubleshooting).

A stuck projection keeps its rows and its position just before the event; the others carry on. Every catch-up
tries the event again, so once the cause is fixed the projection goes on by itself and its fault is cleared;
an operator may instead skip the event (`lipp projections skip`) or rebuild."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, DateTime, String, Table, Text, select
from sqlalchemy.engine import Connection

from lipp.domain.errors import LippError
from lipp.domain.text import shown_safely
from lipp.projections.tracking import metadata

REASON_LENGTH = 2000

faults = Table(
    "projection_faults",
    metadata,
    Column("projection", String(64), primary_key=True),
    Column("notification_id", BigInteger, nullable=False),
    Column("topic", String(255), nullable=False),
    Column("reason", Text, nullable=False),
    Column("stuck_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Fault:
    """The event a projection could not apply: its position in the log, its topic, and the error's text."""

    notification_id: int
    topic: str
    reason: str

    def describe(self, projection: str) -> str:
        return f"projection {projection} is stuck at notification {self.notification_id} ({self.topic}): {self.reason}"


class ProjectionStuck(LippError):
    """A projection met an event it cannot apply; it stays where it was until the cause is fixed or skipped."""


class NotStuckThere(LippError):
    """Only the event a projection is stuck on can be skipped."""


def reason_of(error: BaseException) -> str:
    """The error as one bounded line: its class and message (no traceback, no raw control characters)."""
    text = f"{type(error).__name__}: {error}".splitlines()
    line = " ".join(part.strip() for part in text if part.strip())
    return shown_safely(line, one_line=True)[:REASON_LENGTH]


def fault_of(connection: Connection, projection: str) -> Fault | None:
    row = connection.execute(
        select(faults.c.notification_id, faults.c.topic, faults.c.reason).where(faults.c.projection == projection)
    ).first()
    return Fault(row.notification_id, row.topic, row.reason) if row else None


def stuck_names(connection: Connection) -> set[str]:
    return set(connection.execute(select(faults.c.projection)).scalars())


def record(connection: Connection, projection: str, fault: Fault) -> None:
    clear(connection, projection)
    connection.execute(
        faults.insert().values(
            projection=projection,
            notification_id=fault.notification_id,
            topic=fault.topic[:255],
            reason=fault.reason,
            stuck_at=datetime.now(UTC),
        )
    )


def clear(connection: Connection, projection: str) -> None:
    connection.execute(faults.delete().where(faults.c.projection == projection))
