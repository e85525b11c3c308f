"""Chasing missed deadlines: which deliveries owe a step of the ladder today, and recording each step once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from lipp.application.base import LippApplication, pause_before_retry
from lipp.application.registry import RegistryApplication
from lipp.domain.learning.chasing import Chase, ChaseStep, next_chase
from lipp.domain.learning.delivery import Delivery
from lipp.domain.learning.states import DeliveryState, stage_owed
from lipp.domain.learning.timescales import LearningTimescales
from lipp.domain.registry.board import Board
from lipp.domain.registry.team import Team
from lipp.projections.learning.view import DeliveriesView

ATTEMPTS = 8


@dataclass(frozen=True)
class PlannedChase:
    """A step of the ladder due today on one delivery, with who it goes to. `sequence` is how many steps the
    delivery had taken for this stage: recording checks it, so a repeated run records each step once."""

    delivery_id: UUID
    code: str
    team_code: str
    board_code: str
    briefing_id: UUID
    chase: Chase
    sequence: int
    recipient: str


class DeliveryChasing(LippApplication):
    deliveries: DeliveriesView
    timescales: LearningTimescales
    registry: RegistryApplication

    def plan_chases(self, today: date | None = None) -> list[PlannedChase]:
        """Every step due on `today` (default: today in England), one per delivery, in the ladder's order."""
        today = today or self.today()
        planned = []
        teams: dict[UUID, Team | None] = {}
        boards: dict[UUID, Board] = {}
        for row in self.deliveries.open_deliveries():
            stage = stage_owed(DeliveryState(row.state))
            if stage is None or next_chase(stage, row.owed_since, row.steps_taken, today, self.timescales) is None:
                continue
            delivery: Delivery = self.repository.get(row.delivery_id)  # the read model may lag: the stream decides
            stage = delivery.stage
            chase = stage and next_chase(stage, delivery.owed_since, delivery.steps_taken, today, self.timescales)
            if not chase:
                continue
            if delivery.team_id not in teams:
                teams[delivery.team_id] = self.registry.team_by_id(delivery.team_id)
            if delivery.board_id not in boards:
                boards[delivery.board_id] = self.repository.get(delivery.board_id)
            team, board = teams[delivery.team_id], boards[delivery.board_id]
            recipient = {
                ChaseStep.REMIND_TEAM: team.team_email if team else "",
                ChaseStep.ESCALATE_TO_MANAGER: team.manager_email if team else "",
                ChaseStep.ESCALATE_TO_BOARD: board.learning_contact,
                ChaseStep.LAPSE: "",
            }[chase.step]
            planned.append(
                PlannedChase(
                    delivery_id=delivery.id,
                    code=delivery.code,
                    team_code=delivery.team_code,
                    board_code=delivery.board_code,
                    briefing_id=delivery.briefing_id,
                    chase=chase,
                    sequence=delivery.steps_taken,
                    recipient=recipient,
                )
            )
        return planned

    def record_chase(self, planned: PlannedChase, today: date | None = None) -> bool:
        """Record the planned step as an event; False when it was recorded before or the team has since acted."""
        today = today or self.today()
        for _ in range(ATTEMPTS):
            delivery: Delivery = self.repository.get(planned.delivery_id)
            if delivery.stage is not planned.chase.stage or delivery.steps_taken != planned.sequence:
                return False
            delivery.chase(now=self.now(), on=today, chase=planned.chase, recipient=planned.recipient)
            try:
                self.save(delivery)
            except IntegrityError:
                pause_before_retry()
                continue
            return True
        return False
