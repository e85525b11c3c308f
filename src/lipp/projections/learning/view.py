"""Deliveries and loop metrics as users read them: caught up with the log, then queried as the actor may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Engine

from lipp.domain.actors import Actor, Role
from lipp.domain.business_dates import check_period
from lipp.domain.errors import NotAuthorised
from lipp.domain.reference.themes import theme_list
from lipp.projections.learning import queries
from lipp.projections.learning.entries import DeliveryRow, LoopMetrics, ThemeReach
from lipp.projections.learning.projection import DeliveriesProjection
from lipp.projections.runner import ProjectionRunner


class ActorMayNotSeeLoopMetrics(NotAuthorised):
    """Loop metrics are for admins, national bodies (every board) and coordinators (their own board)."""


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
        self, actor: Actor, briefing: str | None = None, state: str | None = None, limit: int = 500
    ) -> list[DeliveryRow]:
        if actor.role is Role.LEAD_REVIEWER:
            raise NotAuthorised(f"{actor.username} (lead reviewer) may not list deliveries")
        self.catch_up()
        with self.engine.connect() as connection:
            return queries.listed(connection, actor, briefing, state, limit)

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
        if actor.role not in (Role.ADMIN, Role.NATIONAL_BODY, Role.COORDINATOR):
            raise ActorMayNotSeeLoopMetrics(
                f"{actor.username} ({actor.role.value}) may not see loop metrics: "
                "admins, national bodies and coordinators may"
            )
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
