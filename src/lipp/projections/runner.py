"""Catch-up: read the shared log after a projection's position in large batches, apply, commit rows and position."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, Mapper
from eventsourcing.utils import get_topic
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from lipp.projections import tracking
from lipp.projections.database import WRITING
from lipp.projections.projection import Projection

BATCH_SIZE = 10_000
REBUILD_BATCH_SIZE = 200_000
"""A rebuild folds more events per transaction, so each row is loaded and written fewer times."""
SCHEMA_LOCK = 0x6C697070  # "lipp": the advisory lock held while read-model tables are created or dropped
Progress = Callable[[int, int], None]
"""Told (position reached, log end) after each committed batch."""


@dataclass(frozen=True)
class ProjectionStatus:
    """How far a projection has got: its position, the log's last notification id, and the gap between."""

    name: str
    version: int
    position: int | None
    log_end: int

    @property
    def lag(self) -> int:
        return self.log_end - (self.position or 0)


@dataclass
class ProjectionRunner:
    """Applies the log to projections exactly once: each batch's rows and the new position commit together."""

    engine: Engine
    recorder: ApplicationRecorder
    mapper: Mapper[Any]
    batch_size: int = BATCH_SIZE
    rebuild_batch_size: int = REBUILD_BATCH_SIZE
    _ready: set[str] = field(default_factory=set, repr=False)

    def catch_up(self, projection: Projection, progress: Progress | None = None, batch_size: int | None = None) -> int:
        """Apply every notification recorded so far that the projection has not yet seen; returns events applied."""
        self._prepare(projection)
        end = self.recorder.max_notification_id() or 0
        topics = [get_topic(cls) for cls in projection.event_classes]
        position = self.position(projection)
        to_domain_event = self.mapper.to_domain_event
        limit = batch_size or self.batch_size
        applied = 0
        while position < end:
            notifications = self.recorder.select_notifications(
                position, limit, stop=end, topics=topics, inclusive_of_start=False
            )
            # A short batch reached `end`: everything up to it is seen, including events of other topics.
            reached = notifications[-1].id if len(notifications) == limit else end
            events: list[Any] = [to_domain_event(n) for n in notifications]
            try:
                with self._writing() as connection:
                    tracking.move_position(connection, projection.name, position, reached)
                    projection.apply_at(connection, events, [n.id for n in notifications])
            except tracking.PositionMoved:
                position = self.position(projection)  # another runner applied it: carry on from there
                continue
            applied += len(events)
            position = reached
            if progress is not None:
                progress(position, end)
        return applied

    def rebuild(self, projection: Projection, progress: Progress | None = None) -> int:
        """Drop the projection's tables and apply the whole log again."""
        with self._writing() as connection:
            _serialise_schema_changes(connection)
            tracking.metadata.create_all(connection)
            projection.drop_tables(connection)
            tracking.stop_tracking(connection, projection.name)
            self._create(connection, projection)
        self._ready.add(projection.name)
        return self.catch_up(projection, progress, batch_size=self.rebuild_batch_size)

    def position(self, projection: Projection) -> int:
        with self.engine.connect() as connection:
            found = tracking.tracked(connection, projection.name)
        return found.notification_id if found else 0

    def status(self, projection: Projection) -> ProjectionStatus:
        with self.engine.connect() as connection:
            tracking.metadata.create_all(connection)
            connection.commit()
            found = tracking.tracked(connection, projection.name)
        return ProjectionStatus(
            name=projection.name,
            version=projection.version,
            position=found.notification_id if found and found.version == projection.version else None,
            log_end=self.recorder.max_notification_id() or 0,
        )

    def _prepare(self, projection: Projection) -> None:
        """Create the tables on first use; a projection whose version changed starts again from the beginning."""
        if projection.name in self._ready:
            return
        with self._writing() as connection:
            _serialise_schema_changes(connection)
            tracking.metadata.create_all(connection)
            found = tracking.tracked(connection, projection.name)
            if found is None or found.version != projection.version:
                if found is not None:
                    projection.drop_tables(connection)
                    tracking.stop_tracking(connection, projection.name)
                self._create(connection, projection)
        self._ready.add(projection.name)

    def _create(self, connection: Connection, projection: Projection) -> None:
        projection.create_tables(connection)
        tracking.start_tracking(connection, projection.name, projection.version)

    def _writing(self) -> _Transaction:
        return _Transaction(self.engine)


def _serialise_schema_changes(connection: Connection) -> None:
    """Rival processes creating the same tables at once collide on PostgreSQL; SQLite's BEGIN IMMEDIATE suffices."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


class _Transaction:
    """A connection in one writing transaction: committed on success, rolled back on any error."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Connection:
        self.connection = self.engine.connect().execution_options(**{WRITING: True})
        self.transaction = self.connection.begin()
        return self.connection

    def __exit__(self, error_type: type[BaseException] | None, *_: object) -> None:
        try:
            if error_type is None:
                self.transaction.commit()
            else:
                self.transaction.rollback()
        finally:
            self.connection.close()
