"""The directory as the applications read it: caught up with the log first, then one page queried.

Authorisation stays with the applications (they know the roles); this only reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.engine import Connection

from lipp.projections.database import is_postgres
from lipp.projections.directory.projection import DirectoryProjection
from lipp.projections.projection import Projection
from lipp.projections.runner import ProjectionRunner

T = TypeVar("T")


@dataclass
class DirectoryView:
    """Reads the directory (and the register and deliveries, for the lists that need them)."""

    engine: Engine
    runner: ProjectionRunner
    projection: DirectoryProjection
    register: Projection
    deliveries: Projection

    def read(self, query: Callable[[Connection], T], *also: Projection) -> T:
        """Catch the directory (and `also`) up with the log, then run `query` on one connection."""
        self.runner.catch_up_all([self.projection, *also])
        with self._connection() as connection:
            return query(connection)

    def read_register(self, query: Callable[[Connection], T]) -> T:
        """Catch the review register up, then run `query` (lists of a board's or a reviewer's reviews)."""
        self.runner.catch_up(self.register)
        with self._connection() as connection:
            return query(connection)

    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        """One read transaction: a page and its total are counted in the same snapshot (SQLite's transaction
        is one snapshot already; PostgreSQL's default takes one per statement)."""
        with self.engine.connect() as connection:
            if is_postgres(self.engine):
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            yield connection
