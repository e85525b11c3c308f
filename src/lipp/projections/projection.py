"""A projection: tables it owns, the events it reads, and how a batch of them becomes rows."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any, ClassVar

from eventsourcing.domain import DomainEvent
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection


class Projection(ABC):
    """Owns its tables; nothing else writes them, so they can be dropped and rebuilt from the log at any time.

    Bump `version` whenever the tables or the handling change: a projection whose recorded version differs is
    rebuilt from the whole history before it is read.
    """

    name: ClassVar[str]
    version: ClassVar[int] = 1
    metadata: ClassVar[MetaData]

    @property
    @abstractmethod
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        """The events it reads: the runner selects only these from the log."""

    @abstractmethod
    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        """Write the effect of `events` (in log order) through `connection`, inside the runner's transaction."""

    def apply_at(self, connection: Connection, events: Sequence[DomainEvent], positions: Sequence[int]) -> None:
        """Like `apply`, told each event's notification id too: projections that keep history as of a position
        override this (see docs/adr/0008)."""
        self.apply(connection, events)

    def create_tables(self, connection: Connection) -> None:
        self.metadata.create_all(connection)

    def drop_tables(self, connection: Connection) -> None:
        self.metadata.drop_all(connection)

    def __repr__(self) -> str:
        return f"<projection {self.name} v{self.version}>"


Row = dict[str, Any]
