"""The directory projection: one projection (one position, rebuilt as one) over the rows of every listed kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from eventsourcing.domain import DomainEvent
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection

from lipp.projections.directory.registry_rows import (
    BoardRows,
    DirectoryPart,
    NationalBodyRows,
    TeamRows,
    TokenRows,
    UserRows,
)
from lipp.projections.directory.tables import directory_metadata
from lipp.projections.directory.work_rows import ActionRows, BriefingRows, DigestRows, ReviewerRows
from lipp.projections.projection import Projection

PARTS: tuple[type[DirectoryPart], ...] = (
    BoardRows,
    UserRows,
    TeamRows,
    NationalBodyRows,
    TokenRows,
    BriefingRows,
    DigestRows,
    ActionRows,
    ReviewerRows,
)


class DirectoryProjection(Projection):
    """Boards, users, teams, national bodies, tokens, briefings, digests, Alliance actions and reviewers: each
    event goes to the part whose table it changes; every part writes through the same (live or shadow) tables."""

    name: ClassVar[str] = "directory"
    version: ClassVar[int] = 1
    metadata = directory_metadata

    def __init__(self, schema: MetaData | None = None, tracking_name: str | None = None) -> None:
        super().__init__(schema, tracking_name)
        self.parts = [part(self.schema, self.tracking_name) for part in PARTS]
        self._positions: dict[int, int] = {}
        for part in self.parts:
            part.positions = self._positions
        self._part_of = {cls: part for part in self.parts for cls in part.event_classes}

    @property
    def event_classes(self) -> tuple[type[DomainEvent], ...]:
        return tuple(self._part_of)

    def apply_at(self, connection: Connection, events: Sequence[DomainEvent], positions: Sequence[int]) -> None:
        self._positions.update(zip(map(id, events), positions, strict=True))
        try:
            self.apply(connection, events)
        finally:
            self._positions.clear()

    def apply(self, connection: Connection, events: Sequence[DomainEvent]) -> None:
        # Each aggregate's events belong to one part, so splitting by part keeps every aggregate's own order.
        by_part: dict[int, list[DomainEvent]] = {}
        for event in events:
            by_part.setdefault(id(self._part_of[type(event)]), []).append(event)
        for part in self.parts:
            picked = by_part.get(id(part))
            if picked:
                part.apply(connection, picked)
