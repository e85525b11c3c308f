"""Projections that keep one row per aggregate: handlers change rows in memory, the batch writes them in bulk."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from eventsourcing.domain import DomainEvent
from sqlalchemy import MetaData, Table, select
from sqlalchemy.engine import Connection

from lipp.projections import bulk
from lipp.projections.projection import Projection, Row

IN_CHUNK = 500
"""Keys per `IN (...)` when loading rows: well under every back end's limit on bound parameters."""

F = TypeVar("F", bound=Callable[..., Any])


def starts_row(*event_classes: type[DomainEvent]) -> Callable[[F], F]:
    """Mark a method `(self, event) -> Row` as the one that makes an aggregate's row from its first event."""

    def mark(method: F) -> F:
        method._starts_row = event_classes  # type: ignore[attr-defined]
        return method

    return mark


def changes_row(*event_classes: type[DomainEvent]) -> Callable[[F], F]:
    """Mark a method `(self, row, event) -> None` as the one that changes the row for these events."""

    def mark(method: F) -> F:
        method._changes_row = event_classes  # type: ignore[attr-defined]
        return method

    return mark


class UnknownRow(Exception):
    """An event arrived for an aggregate whose first event was never projected."""


class RowPerAggregate(Projection):
    """One row per aggregate, keyed by its id. Subclasses name `table`, `key`, and mark their handlers."""

    table: ClassVar[Table]
    key: ClassVar[str]
    _starters: ClassVar[dict[type[DomainEvent], str]]
    _changers: ClassVar[dict[type[DomainEvent], str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._starters, cls._changers = {}, {}
        for name in dir(cls):
            member = getattr(cls, name, None)
            for event_class in getattr(member, "_starts_row", ()):
                cls._starters[event_class] = name
            for event_class in getattr(member, "_changes_row", ()):
                cls._changers[event_class] = name

    def __init__(self, schema: MetaData | None = None, tracking_name: str | None = None) -> None:
        super().__init__(schema, tracking_name)
        self.rows = self.own(self.table)
        self._start_row = {cls: getattr(self, name) for cls, name in self._starters.items()}
        self._change_row = {cls: getattr(self, name) for cls, name in self._changers.items()}

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return (*self._starters, *self._changers)

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        first_seen: dict[UUID, DomainEvent] = {}
        for event in events:
            first_seen.setdefault(event.originator_id, event)
        existing = [key for key, event in first_seen.items() if type(event) not in self._starters]
        rows = self._load(connection, existing)
        loaded = set(rows)
        self.fold(events, rows)
        self._write(connection, [row for key, row in rows.items() if key not in loaded], inserting=True)
        self._write(connection, [row for key, row in rows.items() if key in loaded], inserting=False)

    def fold(self, events: Sequence[DomainEvent], rows: dict[UUID, Row]) -> None:
        """Apply `events` to the rows in memory: start a row on an aggregate's first event, change it after."""
        start_row, change_row = self._start_row, self._change_row
        for event in events:
            starter = start_row.get(type(event))
            if starter is not None:
                rows[event.originator_id] = starter(event)
                continue
            row = rows.get(event.originator_id)
            if row is None:
                raise UnknownRow(f"{self.name}: {type(event).__qualname__} for {event.originator_id} has no row")
            change_row[type(event)](row, event)

    def _load(self, connection: Connection, keys: Sequence[UUID]) -> dict[UUID, Row]:
        rows: dict[UUID, Row] = {}
        key_column = self.rows.c[self.key]
        for chunk in _chunks(keys, IN_CHUNK):
            for found in connection.execute(select(self.rows).where(key_column.in_(chunk))):
                row = found._asdict()
                rows[row[self.key]] = row
        return rows

    def _write(self, connection: Connection, rows: list[Row], *, inserting: bool) -> None:
        if inserting:
            bulk.insert(connection, self.rows, rows)
        else:
            bulk.update(connection, self.rows, self.key, rows)


def _chunks(items: Sequence[UUID], size: int) -> Iterable[Sequence[UUID]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
