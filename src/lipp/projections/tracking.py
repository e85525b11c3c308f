"""Where each projection has got to in the notification log, written in the same transaction as its rows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, select
from sqlalchemy.engine import Connection

metadata = MetaData()

tracking = Table(
    "projection_tracking",
    metadata,
    Column("projection", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("notification_id", BigInteger, nullable=False),
)


class PositionMoved(Exception):
    """Another process applied events to this projection meanwhile: this batch must not be applied."""


@dataclass(frozen=True)
class Tracked:
    """A projection's recorded version and the last notification it applied."""

    version: int
    notification_id: int


def tracked(connection: Connection, projection: str) -> Tracked | None:
    row = connection.execute(
        select(tracking.c.version, tracking.c.notification_id).where(tracking.c.projection == projection)
    ).first()
    return Tracked(version=row.version, notification_id=row.notification_id) if row else None


def start_tracking(connection: Connection, projection: str, version: int) -> None:
    connection.execute(tracking.insert().values(projection=projection, version=version, notification_id=0))


def stop_tracking(connection: Connection, projection: str) -> None:
    connection.execute(tracking.delete().where(tracking.c.projection == projection))


def rename(connection: Connection, projection: str, new_name: str) -> None:
    """A rebuild's shadow becomes the live projection, keeping its version and position."""
    connection.execute(tracking.update().where(tracking.c.projection == projection).values(projection=new_name))


def move_position(connection: Connection, projection: str, expected: int, new: int) -> None:
    """Move from `expected` to `new`, or raise if someone else moved it first.

    Done first in the batch's transaction: on PostgreSQL the row lock then serialises rival runners, and on
    SQLite the transaction already holds the write lock.
    """
    result = connection.execute(
        tracking.update()
        .where(tracking.c.projection == projection, tracking.c.notification_id == expected)
        .values(notification_id=new)
    )
    if result.rowcount != 1:
        raise PositionMoved(f"{projection} moved past {expected} in another process")
