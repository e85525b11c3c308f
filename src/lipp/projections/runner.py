"""Catch-up: read the shared log after a projection's position in large batches, apply, commit rows and position."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, Mapper
from eventsourcing.utils import get_topic
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from lipp.projections import faults, stuck, tracking
from lipp.projections.collector import collector_paused
from lipp.projections.database import WRITING, index_names, is_postgres
from lipp.projections.decoding import EventDecoder, Undecodable
from lipp.projections.projection import Projection

_log = logging.getLogger(__name__)
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
    stuck: faults.Fault | None = None
    """The event the projection could not apply, if it is stuck."""

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
    _topics: dict[frozenset[type[Any]], frozenset[str]] = field(default_factory=dict, repr=False)
    decoder: EventDecoder = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.decoder = EventDecoder(self.mapper)

    def catch_up(self, projection: Projection, progress: Progress | None = None, batch_size: int | None = None) -> int:
        """Apply every notification recorded so far that the projection has not yet seen; returns events applied."""
        return self.catch_up_all([projection], progress, batch_size)[projection.name]

    def catch_up_all(
        self, projections: Sequence[Projection], progress: Progress | None = None, batch_size: int | None = None
    ) -> dict[str, int]:
        """Bring every one of `projections` to the log's end in one pass: each batch is read and converted once
        and fed to each projection that has not yet seen it, in one transaction per projection (its rows and its
        new position together). Returns the events applied to each."""
        for projection in projections:
            self._prepare(projection)
        return self._one_pass(projections, progress, batch_size or self.batch_size)

    def rebuild(self, projection: Projection, progress: Progress | None = None) -> int:
        """Drop the projection's tables and apply the whole log again."""
        return self.rebuild_all([projection], progress)[projection.name]

    def rebuild_all(self, projections: Sequence[Projection], progress: Progress | None = None) -> dict[str, int]:
        """Rebuild these projections from the whole log in one pass, into shadow tables swapped in at the end.

        Readers keep reading (and catching up) the live tables meanwhile. A rebuild that dies leaves the live
        tables as they were and its shadows where they got to: the next rebuild carries on from there.
        """
        shadows = [self._shadow(projection) for projection in projections]
        applied = dict.fromkeys((p.name for p in projections), 0)
        while True:  # until the shadows hold every event, including those recorded during the rebuild
            counts = self._one_pass(shadows, progress, self.rebuild_batch_size)
            for shadow in shadows:
                applied[shadow.name] += counts[shadow.name]
            end = self.recorder.max_notification_id() or 0
            self._refuse_if_stuck(projections, shadows)
            if all(self._position_of(shadow.tracking_name) >= end for shadow in shadows):
                break
        for projection, shadow in zip(projections, shadows, strict=True):
            self._analyse(shadow)
            self._swap(projection, shadow)
        return applied

    def _analyse(self, shadow: Projection) -> None:
        """Give PostgreSQL's planner statistics of the freshly built tables before readers use them: without
        any it guessed a common word matched 243 findings, not 33,000, and chose a plan twenty times slower.
        (Tables filled by catch-up get theirs from autovacuum as they grow; SQLite plans well without.)"""
        if not is_postgres(self.engine):
            return
        with self._writing() as connection:
            for name in shadow.table_names(connection):
                connection.exec_driver_sql(f"ANALYZE {name}")

    def _shadow(self, projection: Projection) -> Projection:
        """The projection's shadow, resumed if an earlier rebuild of this version got part-way."""
        with self._writing() as connection:
            _serialise_schema_changes(connection)
            tracking.metadata.create_all(connection)
            shadow = projection.shadow(set(index_names(connection)))
            found = tracking.tracked(connection, shadow.tracking_name)
            if found is not None and found.version == projection.version:
                return shadow
            _drop_named(connection, shadow.table_names(connection))
            tracking.stop_tracking(connection, shadow.tracking_name)
            shadow.create_tables(connection)
            tracking.start_tracking(connection, shadow.tracking_name, shadow.version)
        return shadow

    def _swap(self, projection: Projection, shadow: Projection) -> None:
        """Replace the live tables by the shadow's in one transaction: readers see the old or the new, never
        neither. Index names stay free for the next rebuild's shadow (PostgreSQL's derived names are renamed)."""
        with self._writing() as connection:
            _serialise_schema_changes(connection)
            found = tracking.tracked(connection, shadow.tracking_name)
            if found is None:
                return  # a rival rebuild swapped it in already
            _drop_named(connection, projection.table_names(connection))
            postgres = connection.dialect.name == "postgresql"
            for live, built in zip(projection.table_names(connection), shadow.table_names(connection), strict=True):
                connection.exec_driver_sql(f"ALTER TABLE {built} RENAME TO {live}")
                if postgres:
                    _rename_derived_indexes(connection, built, live)
            tracking.stop_tracking(connection, projection.tracking_name)
            tracking.rename(connection, shadow.tracking_name, projection.tracking_name)
        self._ready.add(projection.tracking_name)

    def _position_of(self, tracking_name: str) -> int:
        with self.engine.connect() as connection:
            found = tracking.tracked(connection, tracking_name)
        return found.notification_id if found else 0

    def _one_pass(self, projections: Sequence[Projection], progress: Progress | None, limit: int) -> dict[str, int]:
        end = self.recorder.max_notification_id() or 0
        wanted = {p.name: frozenset(p.event_classes) for p in projections}
        topics = sorted({get_topic(cls) for p in projections for cls in p.event_classes})
        positions = {p.name: self.position(p) for p in projections}
        applied = dict.fromkeys(positions, 0)
        stuck = self._stuck_names()
        position = min(positions.values(), default=end)
        while position < end:
            with collector_paused():
                notifications = self.recorder.select_notifications(
                    position, limit, stop=end, topics=topics, inclusive_of_start=False
                )
                # A short batch reached `end`: everything up to it is seen, including events of other topics.
                reached = notifications[-1].id if len(notifications) == limit else end
                ids = [n.id for n in notifications]
                events = self.decoder.events(notifications)
                for projection in projections:
                    start = positions[projection.name]
                    if start >= reached:
                        continue
                    was_stuck = projection.tracking_name in stuck
                    count = self._apply(projection, wanted[projection.name], ids, events, start, reached, was_stuck)
                    if count is None:
                        positions[projection.name] = self.position(projection)  # another runner applied it
                        continue
                    if isinstance(count, faults.Fault):
                        # Stuck: it waits just before the event for this pass; the others carry on.
                        positions[projection.name] = end
                        stuck.add(projection.tracking_name)
                        continue
                    applied[projection.name] += count
                    stuck.discard(projection.tracking_name)
                    positions[projection.name] = reached
            # Behind only if another runner moved a projection to part-way through this batch.
            position = min(positions.values())
            if progress is not None:
                progress(position, end)
        return applied

    def _apply(
        self,
        projection: Projection,
        classes: frozenset[type[Any]],
        ids: list[int],
        events: list[Any],
        start: int,
        reached: int,
        was_stuck: bool = False,
    ) -> int | faults.Fault | None:
        """Apply the batch's events of `classes` after `start`, and move the position to `reached`, in one
        transaction. Returns how many were applied; None if another runner moved the position first; the
        fault if an event of the batch cannot be applied (see `_apply_until_fault`)."""
        topics = self._topics_of(classes)
        picked = [
            (i, e)
            for i, e in zip(ids, events, strict=True)
            if i > start and (type(e) in classes or (type(e) is Undecodable and e.topic in topics))
        ]
        if was_stuck or any(type(e) is Undecodable for _, e in picked):  # one at a time, to stop just before it
            return self._apply_until_fault(projection, picked, start, reached)
        try:
            with self._writing() as connection:
                tracking.move_position(connection, projection.tracking_name, start, reached)
                projection.apply_at(connection, [e for _, e in picked], [i for i, _ in picked])
        except tracking.PositionMoved:
            return None
        except Exception:  # any failure of one projection's handling must not stop the others
            return self._apply_until_fault(projection, picked, start, reached)
        return len(picked)

    def _topics_of(self, classes: frozenset[type[Any]]) -> frozenset[str]:
        known = self._topics.get(classes)
        if known is None:
            known = self._topics[classes] = frozenset(get_topic(cls) for cls in classes)
        return known

    def _apply_until_fault(
        self, projection: Projection, picked: list[tuple[int, Any]], start: int, reached: int
    ) -> int | faults.Fault | None:
        """The batch failed: apply it again one event at a time, stopping at the one that fails (stuck.py)."""
        try:
            with self._writing() as connection:
                tracking.move_position(connection, projection.tracking_name, start, reached)
                fault = stuck.apply_until_fault(connection, projection, picked, reached)
        except tracking.PositionMoved:
            return None
        if fault is None:
            return len(picked)
        _log.warning(fault.describe(projection.tracking_name))
        return fault

    def _refuse_if_stuck(self, projections: Sequence[Projection], shadows: Sequence[Projection]) -> None:
        with self.engine.connect() as connection:
            stuck.refuse_if_rebuild_stuck(connection, projections, shadows)

    def _stuck_names(self) -> set[str]:
        with self.engine.connect() as connection:
            return faults.stuck_names(connection)

    def skip(self, projection: Projection, notification_id: int) -> None:
        """Move a stuck projection past the one event it is stuck on (an operator's decision)."""
        with self._writing() as connection:
            stuck.skip(connection, projection, notification_id)

    def position(self, projection: Projection) -> int:
        return self._position_of(projection.tracking_name)

    def status(self, projection: Projection) -> ProjectionStatus:
        with self.engine.connect() as connection:
            found = tracking.tracked(connection, projection.name)
            fault = faults.fault_of(connection, projection.name)
        return ProjectionStatus(
            name=projection.name,
            version=projection.version,
            position=found.notification_id if found and found.version == projection.version else None,
            log_end=self.recorder.max_notification_id() or 0,
            stuck=fault,
        )

    def prepare_all(self, projections: Sequence[Projection]) -> None:
        """Create every projection's tables and tracking row now (when a store is made: docs/adr/0015)."""
        for projection in projections:
            self._prepare(projection)

    def _prepare(self, projection: Projection) -> None:
        """Check the tables once per process; a projection whose version changed starts again from the beginning.
        The tables exist from when the store was made, so the usual check reads and changes nothing."""
        if projection.tracking_name in self._ready:
            return
        if self._is_current(projection):
            self._ready.add(projection.tracking_name)
            return
        with self._writing() as connection:
            _serialise_schema_changes(connection)
            tracking.metadata.create_all(connection)
            found = tracking.tracked(connection, projection.tracking_name)
            if found is None or found.version != projection.version:
                if found is not None:
                    projection.drop_tables(connection)
                    tracking.stop_tracking(connection, projection.tracking_name)
                self._create(connection, projection)
        self._ready.add(projection.tracking_name)

    def _is_current(self, projection: Projection) -> bool:
        with self.engine.connect() as connection:
            if not self.engine.dialect.has_table(connection, tracking.tracking.name):
                return False
            found = tracking.tracked(connection, projection.tracking_name)
        return found is not None and found.version == projection.version

    def _create(self, connection: Connection, projection: Projection) -> None:
        projection.create_tables(connection)
        tracking.start_tracking(connection, projection.tracking_name, projection.version)

    def _writing(self) -> _Transaction:
        return _Transaction(self.engine)


def _drop_named(connection: Connection, tables: list[str]) -> None:
    for name in reversed(tables):
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")


def _rename_derived_indexes(connection: Connection, built: str, live: str) -> None:
    """PostgreSQL names primary keys and unique constraints after their table (`<table>_pkey`): carry them over
    to the live name, so the next shadow can take its own."""
    query = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s"
    for (name,) in connection.exec_driver_sql(query, (live,)).all():
        if name.startswith(built):
            connection.exec_driver_sql(f'ALTER INDEX "{name}" RENAME TO "{live + name[len(built) :]}"')


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
