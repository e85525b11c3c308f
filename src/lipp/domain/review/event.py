"""The base of every Review event, and what the parts of the Review aggregate share."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from lipp.domain.review.vocabulary import Agency, Stage


class ReviewEvent(Aggregate.Event):
    """Every review event records who acted and the business date of the step."""

    actor_id: UUID
    on: date

    def summary(self) -> str:
        return type(self).__name__

    def why(self) -> str:
        return ""


class ReviewPart:
    """A part of the Review aggregate kept in its own module (findings, assessments, sharing).

    The Review class combines the parts; the state and helpers declared here are defined by it.
    """

    board_id: UUID
    reference: str
    stage: Stage
    step_dates: dict[Stage, date]
    agencies: list[Agency]
    lead_reviewer_id: UUID | None

    if TYPE_CHECKING:

        @property
        def is_paused(self) -> bool: ...

        def _check_step(self, allowed: tuple[Stage, ...], step: str, on: date, now: datetime) -> None: ...

        def _check_dates(self, on: date, now: datetime, step: str) -> None: ...

        def _record(
            self, event_class: type[ReviewEvent], actor_id: UUID, now: datetime, on: date, **fields: Any
        ) -> None: ...
