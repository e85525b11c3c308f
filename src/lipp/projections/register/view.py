"""The register as users read it: authorised, caught up with the log, then queried."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import Engine

from lipp.domain.actors import Actor
from lipp.domain.review import access
from lipp.domain.review.vocabulary import Stage
from lipp.domain.timescales import Timescales
from lipp.projections.register import queries
from lipp.projections.register.entries import RegisterEntry, StageCount
from lipp.projections.register.projection import ReviewRegisterProjection
from lipp.projections.runner import ProjectionRunner


@dataclass
class ReviewRegister:
    """A board's register for its coordinators (and admins); anyone else is refused."""

    engine: Engine
    runner: ProjectionRunner
    projection: ReviewRegisterProjection
    timescales: Timescales

    def entries(
        self,
        actor: Actor,
        board_id: UUID,
        board_code: str,
        today: date,
        *,
        overdue_only: bool = False,
        stage: Stage | None = None,
    ) -> list[RegisterEntry]:
        """The board's reviews with their next deadline and RAG as of `today`, oldest reference first."""
        access.require_may_list_board(actor, board_id, board_code)
        self.runner.catch_up(self.projection)
        with self.engine.connect() as connection:
            return queries.board_register(
                connection, board_id, today, self.timescales, overdue_only=overdue_only, stage=stage
            )

    def counts(self, actor: Actor, board_id: UUID, board_code: str) -> list[StageCount]:
        """How many of the board's reviews stand at each stage."""
        access.require_may_list_board(actor, board_id, board_code)
        self.runner.catch_up(self.projection)
        with self.engine.connect() as connection:
            return queries.stage_counts(connection, board_id)
