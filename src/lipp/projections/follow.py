"""Following the log: catch up, wait for new events, repeat. PostgreSQL wakes us; SQLite is polled (ADR 0006)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from sqlalchemy import Engine

from lipp.projections.database import is_postgres
from lipp.projections.projection import Projection
from lipp.projections.runner import ProjectionRunner

POLL_SECONDS = 0.5


class Waiter(Protocol):
    """Returns when new events may have been recorded, or after `timeout` seconds at the latest."""

    def wait(self, timeout: float) -> None: ...
    def close(self) -> None: ...


class Polling:
    """SQLite has no notifications: wait out the interval (or until asked to stop)."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop

    def wait(self, timeout: float) -> None:
        self.stop.wait(timeout)

    def close(self) -> None:
        pass


class PostgresNotifications:
    """LISTEN on the channel the event store NOTIFYs in every insert transaction: wakes within milliseconds."""

    def __init__(self, engine: Engine, channel: str) -> None:
        self.raw = engine.raw_connection()
        connection: Any = self.raw.driver_connection
        connection.autocommit = True
        self.connection = connection
        self.connection.execute(f'LISTEN "{channel}"')

    def wait(self, timeout: float) -> None:
        for _ in self.connection.notifies(timeout=timeout, stop_after=1):
            pass

    def close(self) -> None:
        self.connection.execute("UNLISTEN *")
        self.raw.close()


def waiter_for(runner: ProjectionRunner, stop: threading.Event) -> Waiter:
    channel = getattr(runner.recorder, "channel_name", None)
    if is_postgres(runner.engine) and isinstance(channel, str):
        return PostgresNotifications(runner.engine, channel)
    return Polling(stop)


def follow(
    runner: ProjectionRunner,
    projections: Sequence[Projection],
    stop: threading.Event,
    *,
    interval: float = POLL_SECONDS,
    applied: Callable[[str, int], None] | None = None,
) -> None:
    """Keep `projections` caught up until `stop` is set; `applied` hears (projection, events) after each pass."""
    waiter = waiter_for(runner, stop)
    try:
        while not stop.is_set():
            for name, count in runner.catch_up_all(projections).items():
                if count and applied is not None:
                    applied(name, count)
            waiter.wait(interval)
    finally:
        waiter.close()
