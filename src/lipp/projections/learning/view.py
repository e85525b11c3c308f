"""Deliveries and loop metrics as users read them: caught up with the log, then queried as the actor may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Engine

from lipp.domain.actors import Actor
from lipp.domain.business_dates import check_period
from lipp.domain.learning import sight
from lipp.domain.reference.themes import theme_list
from lipp.projections.learning import queries
from lipp.projections.learning.entries import DeliveryRow, LoopMetrics, ThemeReach
from lipp.projections.learning.projection import DeliveriesProjection
from lipp.projections.paging import DEFAULT_LIMIT, Page, Paging
from lipp.projections.runner import ProjectionRunner

DEFAULT_PAGE = Paging(limit=DEFAULT_LIMIT)


@dataclass
class DeliveriesView:
    """The deliveries read model."""

    engine: Engine
    runner: ProjectionRunner
    projection: DeliveriesProjection

    def catch_up(self) -> None:
        self.runner.catch_up(self.projection)

    def by_code(self, code: str) -> Any | None:
        """The row of a delivery code: read first, caught up only when not yet seen (codes exist from release)."""
        with self.engine.connect() as connection:
            row = queries.by_code(connection, code)
        if row is None:
            self.catch_up()
            with self.engine.connect() as connection:
                row = queries.by_code(connection, code)
        return row

    def deliveries(
        self,
        actor: Actor,
        briefing: str | None = None,
        state: str | None = None,
        paging: Paging = DEFAULT_PAGE,
    ) -> Page[DeliveryRow]:
        """One page of the deliveries the actor may see (the first 500 unless asked), with the total."""
        sight.listing(actor)  # refused before any catching up
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.listed(connection, actor, briefing, state, paging)

    def of_briefing(self, briefing_id: UUID, states: tuple[str, ...]) -> list[Any]:
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.of_briefing(connection, briefing_id, states)

    def in_states(self, states: tuple[str, ...]) -> list[Any]:
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.in_states(connection, states)

    def open_deliveries(self) -> list[Any]:
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.open_deliveries(connection)

    def metrics(self, actor: Actor, part: queries.Slice) -> LoopMetrics:
        """Reach, times and verified share for the slice; a coordinator's are always their own board's."""
        sight.in_aggregate(actor, part.board)  # refused before any catching up
        check_period(part.from_date, part.to_date)
        if part.theme:
            part = queries.Slice(**{**vars(part), "theme": theme_list().theme(part.theme).id})
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.metrics(connection, actor, part)

    def reach_by_theme(self, from_date: date, to_date: date) -> list[ThemeReach]:
        """For the national digest (no actor: the digest flow runs as lipp itself)."""
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.reach_by_theme(connection, from_date, to_date)
