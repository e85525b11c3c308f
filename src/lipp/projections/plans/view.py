"""The tracker as users read it: caught up with the log, then queried (authorisation is the application's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from lipp.projections.plans.projection import ActionTrackerProjection
from lipp.projections.runner import ProjectionRunner

T = TypeVar("T")


@dataclass
class ActionTracker:
    """Reads the tracker's table once the projection has applied every event recorded so far."""

    engine: Engine
    runner: ProjectionRunner
    projection: ActionTrackerProjection

    def read(self, query: Callable[[Connection], T]) -> T:
        self.runner.catch_up(self.projection)
        with self.engine.connect() as connection:
            return query(connection)
