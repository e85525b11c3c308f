"""A projection: tables it owns, the events it reads, and how a batch of them becomes rows."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from eventsourcing.domain import DomainEvent
from sqlalchemy import MetaData, Table
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import quoted_name

SHADOW = "__rebuild"
"""Suffix of the tables (and the tracking row) a rebuild writes before they are swapped in (ADR 0010)."""
ALTERNATE = "__b"
"""Suffix a shadow's index takes when the live table already holds an index by the plain name."""


class Projection(ABC):
    """Owns its tables; nothing else writes them, so they can be dropped and rebuilt from the log at any time.

    Bump `version` whenever the tables or the handling change: a projection whose recorded version differs is
    rebuilt from the whole history before it is read. An instance writes either the live tables (`metadata`,
    which queries read) or, made by `shadow()`, the shadow tables a rebuild fills before swapping them in.
    """

    name: ClassVar[str]
    version: ClassVar[int] = 1
    metadata: ClassVar[MetaData]

    def __init__(self, schema: MetaData | None = None, tracking_name: str | None = None) -> None:
        self.schema = schema if schema is not None else self.metadata
        self.tracking_name = tracking_name or self.name
        live_tables = self.metadata.tables.values()
        self._tables = {live.name: self.schema.tables[self.table_name(live.name)] for live in live_tables}

    @property
    @abstractmethod
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        """The events it reads: the runner selects only these from the log."""

    @abstractmethod
    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        """Write the effect of `events` (in log order) through `connection`, inside the runner's transaction."""

    @property
    def is_shadow(self) -> bool:
        return self.tracking_name != self.name

    def table_name(self, live_name: str) -> str:
        """The name this instance writes for the live table `live_name`."""
        return live_name + SHADOW if self.is_shadow else live_name

    def own(self, live: Table) -> Table:
        """The table this instance writes in place of the live table `live`."""
        return self._tables[live.name]

    def table_names(self, connection: Connection) -> list[str]:
        """Every table this instance owns in the database, including any made outside `metadata`."""
        return [table.name for table in self.schema.sorted_tables]

    def apply_at(self, connection: Connection, events: Sequence[DomainEvent], positions: Sequence[int]) -> None:
        """Like `apply`, told each event's notification id too: projections that keep history as of a position
        override this (see docs/adr/0008)."""
        self.apply(connection, events)

    def create_tables(self, connection: Connection) -> None:
        self.schema.create_all(connection)

    def drop_tables(self, connection: Connection) -> None:
        self.schema.drop_all(connection)

    def shadow(self, taken_indexes: set[str]) -> Projection:
        """The same projection writing shadow tables; their indexes take names not in `taken_indexes`."""
        schema = MetaData()
        for live in self.metadata.sorted_tables:
            copy = live.to_metadata(schema, name=live.name + SHADOW)
            for index in copy.indexes:
                index.name = quoted_name(_free_name(str(index.name), taken_indexes), None)
        return type(self)(schema, self.name + SHADOW)

    def free_index_name(self, live_name: str, taken_indexes: set[str]) -> str:
        return _free_name(live_name, taken_indexes) if self.is_shadow else live_name

    def __repr__(self) -> str:
        return f"<projection {self.tracking_name} v{self.version}>"


def _free_name(live_name: str, taken: set[str]) -> str:
    return live_name + ALTERNATE if live_name in taken else live_name


Row = dict[str, Any]
